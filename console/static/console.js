// Draws the dashboard's charts from the tables beside them: the tables
// are the figures (and what a reader without JavaScript gets); the charts
// only show them. No inline script: the Content-Security-Policy allows
// this file and Chart.js alone.
(function () {
  "use strict";
  var palette = ["#0b5cad", "#a4000f", "#0f6b2f", "#7a4b00", "#5b3a99", "#00677f", "#8a2d5c", "#4a5560"];

  function numbers(row) {
    var cells = row.querySelectorAll("td");
    var out = [];
    for (var i = 0; i < cells.length; i++) out.push(Number(cells[i].textContent.trim()) || 0);
    return out;
  }

  function draw(canvas) {
    var table = document.getElementById(canvas.dataset.table);
    if (!table || typeof Chart === "undefined") return;
    var heads = table.querySelectorAll("thead th");
    var rows = table.querySelectorAll("tbody tr");
    var labels = [];
    var series = [];
    for (var h = 1; h < heads.length; h++) series.push({ label: heads[h].textContent.trim(), data: [] });
    for (var r = 0; r < rows.length; r++) {
      var head = rows[r].querySelector("th");
      if (!head) continue; // the "none" row
      labels.push(head.textContent.trim());
      var values = numbers(rows[r]);
      for (var s = 0; s < series.length; s++) series[s].data.push(values[s] || 0);
    }
    if (labels.length === 0) { canvas.hidden = true; return; }
    var kind = canvas.dataset.kind || "bar";
    series.forEach(function (d, i) {
      d.backgroundColor = kind === "doughnut" ? palette.slice(0, labels.length) : palette[i % palette.length];
    });
    new Chart(canvas, {
      type: kind,
      data: { labels: labels, datasets: series },
      options: {
        animation: false,
        indexAxis: canvas.dataset.horizontal ? "y" : "x",
        responsive: true,
        scales: kind === "doughnut" ? {} : {
          x: { stacked: !!canvas.dataset.stacked },
          y: { stacked: !!canvas.dataset.stacked, beginAtZero: true }
        }
      }
    });
  }

  function drawAll() {
    var canvases = document.querySelectorAll("canvas[data-table]");
    for (var i = 0; i < canvases.length; i++) draw(canvases[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawAll);
  else drawAll();
})();
