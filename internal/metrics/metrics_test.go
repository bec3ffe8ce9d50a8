package metrics

import (
	"bufio"
	"bytes"
	"math"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// parsed is an exposition read back: per family its help and type, and
// every sample by its series (name with labels in written order).
type parsed struct {
	help, kind map[string]string
	samples    map[string]float64
	order      []string // family names in written order
}

// parse reads the text exposition format strictly: HELP then TYPE before a
// family's samples, samples only of the family announced last (with the
// histogram suffixes), label values quoted with escapes, values parseable.
func parse(t *testing.T, text string) parsed {
	t.Helper()
	p := parsed{help: map[string]string{}, kind: map[string]string{}, samples: map[string]float64{}}
	var current string
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# HELP "):
			name, help, ok := strings.Cut(strings.TrimPrefix(line, "# HELP "), " ")
			if !ok {
				t.Fatalf("line %d: HELP without text: %q", n, line)
			}
			if _, seen := p.help[name]; seen {
				t.Fatalf("line %d: family %s announced twice", n, name)
			}
			p.help[name] = unescape(t, help, false)
			current = name
			p.order = append(p.order, name)
		case strings.HasPrefix(line, "# TYPE "):
			name, kind, _ := strings.Cut(strings.TrimPrefix(line, "# TYPE "), " ")
			if name != current || p.kind[name] != "" {
				t.Fatalf("line %d: TYPE %s does not follow its HELP", n, name)
			}
			switch kind {
			case "counter", "gauge", "histogram":
			default:
				t.Fatalf("line %d: unknown type %q", n, kind)
			}
			p.kind[name] = kind
		case line == "" || strings.HasPrefix(line, "#"):
			t.Fatalf("line %d: unexpected line %q", n, line)
		default:
			series, value := splitSample(t, n, line)
			name, _, _ := strings.Cut(series, "{")
			base := name
			if p.kind[current] == "histogram" {
				for _, suf := range []string{"_bucket", "_sum", "_count"} {
					if b, ok := strings.CutSuffix(name, suf); ok {
						base = b
					}
				}
			}
			if base != current || p.kind[current] == "" {
				t.Fatalf("line %d: sample %s outside its family (current %s)", n, name, current)
			}
			if _, dup := p.samples[series]; dup {
				t.Fatalf("line %d: series %s written twice", n, series)
			}
			p.samples[series] = value
		}
	}
	return p
}

// splitSample splits `name{labels} value`, checking the label syntax.
func splitSample(t *testing.T, n int, line string) (string, float64) {
	t.Helper()
	i := strings.LastIndexByte(line, ' ')
	if i < 0 {
		t.Fatalf("line %d: no value: %q", n, line)
	}
	series, raw := line[:i], line[i+1:]
	var v float64
	switch raw {
	case "+Inf":
		v = math.Inf(1)
	case "-Inf":
		v = math.Inf(-1)
	case "NaN":
		v = math.NaN()
	default:
		var err error
		if v, err = strconv.ParseFloat(raw, 64); err != nil {
			t.Fatalf("line %d: bad value %q", n, raw)
		}
	}
	if open := strings.IndexByte(series, '{'); open >= 0 {
		if !strings.HasSuffix(series, "}") {
			t.Fatalf("line %d: unclosed labels: %q", n, series)
		}
		labels := series[open+1 : len(series)-1]
		for labels != "" {
			name, rest, ok := strings.Cut(labels, `="`)
			if !ok || !labelName.MatchString(name) {
				t.Fatalf("line %d: bad label in %q", n, series)
			}
			end := closingQuote(rest)
			if end < 0 {
				t.Fatalf("line %d: unterminated label value in %q", n, series)
			}
			unescape(t, rest[:end], true)
			labels = strings.TrimPrefix(rest[end+1:], ",")
		}
	}
	return series, v
}

func closingQuote(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

func unescape(t *testing.T, s string, label bool) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' || label && c == '"' {
			t.Fatalf("unescaped %q in %q", c, s)
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		switch {
		case i < len(s) && s[i] == '\\':
			b.WriteByte('\\')
		case i < len(s) && s[i] == 'n':
			b.WriteByte('\n')
		case label && i < len(s) && s[i] == '"':
			b.WriteByte('"')
		default:
			t.Fatalf("bad escape in %q", s)
		}
	}
	return b.String()
}

func scrape(t *testing.T, r *Registry) parsed {
	t.Helper()
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if ct := rec.Header().Get("Content-Type"); ct != ContentType {
		t.Fatalf("content type %q", ct)
	}
	return parse(t, rec.Body.String())
}

func TestExpositionParsesBack(t *testing.T) {
	r := NewRegistry()
	req := r.Counter("edigw_http_requests_total", "API requests by route and status.", "route", "status")
	req.With("GET /v1/claims/{id}", "200").Inc()
	req.With("GET /v1/claims/{id}", "200").Add(2)
	req.With("POST /v1/claims", "422").Inc()
	odd := r.Gauge("edigw_odd", "Help with a \\ backslash\nand a newline.", "what")
	odd.With("quote \" backslash \\ newline \n end").Set(-1.5)
	plain := r.Gauge("edigw_in_flight", "Requests being served.")
	plain.With().Inc()
	plain.With().Inc()
	plain.With().Dec()
	lat := r.Histogram("edigw_http_request_seconds", "Latency.", []float64{0.01, 0.1, 1}, "route")
	for _, v := range []float64{0.005, 0.01, 0.05, 0.5, 2, 3} {
		lat.With("GET /v1/events").Observe(v)
	}
	r.Func("edigw_inbound_files_total", "Files by outcome.", CounterKind, []string{"status"}, func(emit func(float64, ...string)) {
		emit(3, "rejected")
		emit(7, "archived")
	})

	p := scrape(t, r)
	want := map[string]float64{
		`edigw_http_requests_total{route="GET /v1/claims/{id}",status="200"}`: 3,
		`edigw_http_requests_total{route="POST /v1/claims",status="422"}`:     1,
		`edigw_odd{what="quote \" backslash \\ newline \n end"}`:              -1.5,
		`edigw_in_flight`: 1,
		`edigw_http_request_seconds_bucket{route="GET /v1/events",le="0.01"}`: 2, // le is inclusive
		`edigw_http_request_seconds_bucket{route="GET /v1/events",le="0.1"}`:  3,
		`edigw_http_request_seconds_bucket{route="GET /v1/events",le="1"}`:    4,
		`edigw_http_request_seconds_bucket{route="GET /v1/events",le="+Inf"}`: 6,
		`edigw_http_request_seconds_sum{route="GET /v1/events"}`:              5.565,
		`edigw_http_request_seconds_count{route="GET /v1/events"}`:            6,
		`edigw_inbound_files_total{status="archived"}`:                        7,
		`edigw_inbound_files_total{status="rejected"}`:                        3,
	}
	for series, v := range want {
		got, ok := p.samples[series]
		if !ok {
			t.Errorf("missing %s; have %v", series, p.samples)
			continue
		}
		if math.Abs(got-v) > 1e-9 {
			t.Errorf("%s = %v, want %v", series, got, v)
		}
	}
	if len(p.samples) != len(want) {
		t.Errorf("%d samples, want %d: %v", len(p.samples), len(want), p.samples)
	}
	wantKinds := map[string]string{"edigw_http_requests_total": "counter", "edigw_odd": "gauge", "edigw_in_flight": "gauge",
		"edigw_http_request_seconds": "histogram", "edigw_inbound_files_total": "counter"}
	for name, k := range wantKinds {
		if p.kind[name] != k {
			t.Errorf("TYPE of %s = %q, want %q", name, p.kind[name], k)
		}
	}
	if p.help["edigw_odd"] != "Help with a \\ backslash\nand a newline." {
		t.Errorf("help read back as %q", p.help["edigw_odd"])
	}
	// Families come out sorted by name, so scrapes are comparable.
	for i := 1; i < len(p.order); i++ {
		if p.order[i-1] > p.order[i] {
			t.Errorf("families out of order: %v", p.order)
		}
	}
}

func TestConcurrentUpdatesAreNotLost(t *testing.T) {
	r := NewRegistry()
	c := r.Counter("c_total", "c", "worker")
	g := r.Gauge("g", "g")
	h := r.Histogram("h_seconds", "h", []float64{0.5}, "kind")
	const workers, each = 8, 5000
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				c.With(strconv.Itoa(w % 2)).Inc()
				g.With().Add(0.5)
				h.With("x").Observe(float64(i%2) * 0.75) // 0 or 0.75
			}
		}()
	}
	// Scrapes while writers run must parse and stay consistent.
	for range 20 {
		var buf bytes.Buffer
		if err := r.Write(&buf); err != nil {
			t.Fatal(err)
		}
		p := parse(t, buf.String())
		// Observations are 0 or 0.75: the sum must be 0.75 times those
		// above the 0.5 bucket, in the same scrape.
		count, low := p.samples[`h_seconds_count{kind="x"}`], p.samples[`h_seconds_bucket{kind="x",le="0.5"}`]
		if sum := p.samples[`h_seconds_sum{kind="x"}`]; sum != 0.75*(count-low) {
			t.Fatalf("a scrape's sum %v, count %v and bucket %v disagree", sum, count, low)
		}
	}
	wg.Wait()
	p := scrape(t, r)
	total := p.samples[`c_total{worker="0"}`] + p.samples[`c_total{worker="1"}`]
	if total != workers*each {
		t.Errorf("counter total %v, want %d", total, workers*each)
	}
	if p.samples["g"] != workers*each*0.5 {
		t.Errorf("gauge %v, want %v", p.samples["g"], workers*each*0.5)
	}
	if got := p.samples[`h_seconds_bucket{kind="x",le="0.5"}`]; got != workers*each/2 {
		t.Errorf("bucket 0.5 holds %v, want %d", got, workers*each/2)
	}
	if got := p.samples[`h_seconds_count{kind="x"}`]; got != workers*each {
		t.Errorf("count %v, want %d", got, workers*each)
	}
}

func TestRegistrationMistakesPanic(t *testing.T) {
	for name, f := range map[string]func(r *Registry){
		"bad metric name":    func(r *Registry) { r.Counter("1abc", "x") },
		"bad label name":     func(r *Registry) { r.Counter("a_total", "x", "bad-label") },
		"reserved label":     func(r *Registry) { r.Counter("a_total", "x", "__name") },
		"le on a histogram":  func(r *Registry) { r.Histogram("a_seconds", "x", nil, "le") },
		"repeated label":     func(r *Registry) { r.Gauge("a", "x", "l", "l") },
		"registered twice":   func(r *Registry) { r.Gauge("a", "x"); r.Counter("a", "y") },
		"unordered buckets":  func(r *Registry) { r.Histogram("a_seconds", "x", []float64{1, 0.5}) },
		"wrong label values": func(r *Registry) { r.Counter("a_total", "x", "l").With("1", "2") },
		"negative counter":   func(r *Registry) { r.Counter("a_total", "x").With().Add(-1) },
		"histogram as func":  func(r *Registry) { r.Func("a", "x", HistogramKind, nil, nil) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			f(NewRegistry())
		})
	}
}

func TestSpecialValues(t *testing.T) {
	r := NewRegistry()
	g := r.Gauge("g", "g", "v")
	g.With("inf").Set(math.Inf(1))
	g.With("ninf").Set(math.Inf(-1))
	g.With("nan").Set(math.NaN())
	var buf bytes.Buffer
	if err := r.Write(&buf); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{`g{v="inf"} +Inf`, `g{v="nan"} NaN`, `g{v="ninf"} -Inf`} {
		if !strings.Contains(buf.String(), line+"\n") {
			t.Errorf("missing %q in\n%s", line, buf.String())
		}
	}
}
