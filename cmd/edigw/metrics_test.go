package main

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/edigw/edigw/api"
	"github.com/edigw/edigw/clearinghouse"
	"github.com/edigw/edigw/storage"
)

// The Grafana dashboard charts metrics serve has: every metric name in
// its queries is one serve's registry describes.
func TestGrafanaDashboardUsesServesMetrics(t *testing.T) {
	url := testDatabase(t)
	ctx := context.Background()
	if err := storage.Migrate(ctx, url); err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tps, err := db.Partners(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := &clearinghouse.Pipeline{Store: db, Partners: clearinghouse.Partners(tps)}
	reg := newMetrics(p, db, zap.NewNop())
	srv := &api.Server{Store: db, Metrics: reg}
	srv.Handler().ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/nothing", nil))

	known := map[string]bool{}
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		known[f.GetName()] = true
		if m := f.GetMetric(); len(m) > 0 && (m[0].GetHistogram() != nil || m[0].GetSummary() != nil) {
			for _, suffix := range []string{"_sum", "_count"} {
				known[f.GetName()+suffix] = true
			}
			if m[0].GetHistogram() != nil {
				known[f.GetName()+"_bucket"] = true
			}
		}
	}
	// Families without a series yet (no 999 rejected so far) are
	// described all the same.
	descs := make(chan *prometheus.Desc, 64)
	(&pipelineCollector{p: p}).Describe(descs)
	(&backlogCollector{db: db}).Describe(descs)
	close(descs)
	fqName := regexp.MustCompile(`fqName: "([a-z0-9_]+)"`)
	for d := range descs {
		known[fqName.FindStringSubmatch(d.String())[1]] = true
	}

	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "grafana-dashboard.json"))
	if err != nil {
		t.Fatal(err)
	}
	var dash struct {
		Panels []struct {
			Title   string `json:"title"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal(b, &dash); err != nil {
		t.Fatal(err)
	}
	metricName := regexp.MustCompile(`\b(?:edigw|go|process)_[a-z0-9_]+`)
	used := map[string]bool{}
	for _, panel := range dash.Panels {
		for _, target := range panel.Targets {
			for _, name := range metricName.FindAllString(target.Expr, -1) {
				used[name] = true
				if !known[name] {
					t.Errorf("panel %q: %s is no metric of serve", panel.Title, name)
				}
			}
		}
	}
	// And every edigw metric has a panel.
	var missing []string
	for name := range known {
		if strings.HasPrefix(name, "edigw_") && !used[name] && !strings.HasSuffix(name, "_sum") && !strings.HasSuffix(name, "_count") &&
			name != "edigw_http_request_duration_seconds" {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("no panel for %v", missing)
	}
}
