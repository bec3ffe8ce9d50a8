// Package metrics keeps counters, gauges and histograms with labels and
// writes them in the Prometheus text exposition format (version 0.0.4).
//
// It stands in for prometheus/client_golang, whose pinned version needs a
// newer Go and newer x/ modules than edigw's go.mod allows (decision 0004).
// It does only what edigw needs: metrics registered once at start, label
// values given per observation, the whole registry written on a scrape.
// Everything is safe for concurrent use.
package metrics

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// Kind is a metric family's TYPE.
type Kind string

const (
	CounterKind   Kind = "counter"
	GaugeKind     Kind = "gauge"
	HistogramKind Kind = "histogram"
)

// Registry holds metric families by name.
type Registry struct {
	mu       sync.Mutex
	families map[string]*family
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{families: map[string]*family{}} }

// family is one metric name: its help, type, label names and series.
type family struct {
	name, help string
	kind       Kind
	labels     []string
	buckets    []float64 // histograms: upper bounds, ascending, without +Inf

	mu     sync.RWMutex
	series map[string]*series // by joined label values
	// collect, when set, gives the values at scrape time instead.
	collect func(emit func(v float64, labelValues ...string))
}

// series is one combination of label values.
type series struct {
	values []string
	bits   atomic.Uint64 // counter or gauge value, as float64 bits

	hmu     sync.Mutex // histogram: count, sum and buckets change together
	counts  []uint64   // per bucket, not cumulative; the last is +Inf
	sum     float64
	samples uint64
}

var (
	metricName = regexp.MustCompile(`^[a-zA-Z_:][a-zA-Z0-9_:]*$`)
	labelName  = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_]*$`)
)

// register adds a family; a bad or repeated name is a programming error
// and panics, as registration happens once at start.
func (r *Registry) register(f *family) *family {
	if !metricName.MatchString(f.name) {
		panic(fmt.Sprintf("metrics: invalid metric name %q", f.name))
	}
	for i, l := range f.labels {
		if !labelName.MatchString(l) || strings.HasPrefix(l, "__") {
			panic(fmt.Sprintf("metrics: %s: invalid label name %q", f.name, l))
		}
		if f.kind == HistogramKind && l == "le" {
			panic(fmt.Sprintf("metrics: %s: a histogram cannot have a label named le", f.name))
		}
		if slices.Contains(f.labels[:i], l) {
			panic(fmt.Sprintf("metrics: %s: label %q given twice", f.name, l))
		}
	}
	f.series = map[string]*series{}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.families[f.name]; dup {
		panic(fmt.Sprintf("metrics: %s registered twice", f.name))
	}
	r.families[f.name] = f
	return f
}

// get returns the series of the label values, creating it on first use.
func (f *family) get(values []string) *series {
	if len(values) != len(f.labels) {
		panic(fmt.Sprintf("metrics: %s wants %d label values (%s), got %d", f.name, len(f.labels),
			strings.Join(f.labels, ", "), len(values)))
	}
	key := strings.Join(values, "\xff")
	f.mu.RLock()
	s := f.series[key]
	f.mu.RUnlock()
	if s != nil {
		return s
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if s = f.series[key]; s == nil {
		s = &series{values: slices.Clone(values)}
		if f.kind == HistogramKind {
			s.counts = make([]uint64, len(f.buckets)+1)
		}
		f.series[key] = s
	}
	return s
}

// add adds d to a float held as bits.
func add(bits *atomic.Uint64, d float64) {
	for {
		old := bits.Load()
		if bits.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+d)) {
			return
		}
	}
}

// CounterVec is a counter family; With picks the series.
type CounterVec struct{ f *family }

// Counter only goes up.
type Counter struct{ s *series }

// Counter registers a counter with label names.
func (r *Registry) Counter(name, help string, labels ...string) *CounterVec {
	return &CounterVec{r.register(&family{name: name, help: help, kind: CounterKind, labels: labels})}
}

// With returns the counter of the label values, in label order.
func (v *CounterVec) With(values ...string) Counter { return Counter{v.f.get(values)} }

// Inc adds one.
func (c Counter) Inc() { add(&c.s.bits, 1) }

// Add adds d, which must not be negative.
func (c Counter) Add(d float64) {
	if d < 0 {
		panic("metrics: a counter cannot go down")
	}
	add(&c.s.bits, d)
}

// GaugeVec is a gauge family.
type GaugeVec struct{ f *family }

// Gauge goes up and down.
type Gauge struct{ s *series }

// Gauge registers a gauge with label names.
func (r *Registry) Gauge(name, help string, labels ...string) *GaugeVec {
	return &GaugeVec{r.register(&family{name: name, help: help, kind: GaugeKind, labels: labels})}
}

// With returns the gauge of the label values.
func (v *GaugeVec) With(values ...string) Gauge { return Gauge{v.f.get(values)} }

// Set sets the value.
func (g Gauge) Set(x float64) { g.s.bits.Store(math.Float64bits(x)) }

// Add adds d (negative to go down).
func (g Gauge) Add(d float64) { add(&g.s.bits, d) }

// Inc and Dec add and subtract one.
func (g Gauge) Inc() { add(&g.s.bits, 1) }
func (g Gauge) Dec() { add(&g.s.bits, -1) }

// HistogramVec is a histogram family.
type HistogramVec struct{ f *family }

// Histogram counts observations into buckets.
type Histogram struct {
	s       *series
	buckets []float64
}

// DefaultBuckets suit request latencies in seconds, 1 ms to 10 s.
var DefaultBuckets = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// Histogram registers a histogram with upper bucket bounds (ascending; +Inf
// is added) and label names. Nil buckets are DefaultBuckets.
func (r *Registry) Histogram(name, help string, buckets []float64, labels ...string) *HistogramVec {
	if buckets == nil {
		buckets = DefaultBuckets
	}
	b := slices.Clone(buckets)
	if n := len(b); n > 0 && math.IsInf(b[n-1], 1) {
		b = b[:n-1]
	}
	for i := range b {
		if math.IsNaN(b[i]) || i > 0 && b[i] <= b[i-1] {
			panic(fmt.Sprintf("metrics: %s: buckets must be strictly ascending", name))
		}
	}
	return &HistogramVec{r.register(&family{name: name, help: help, kind: HistogramKind, labels: labels, buckets: b})}
}

// With returns the histogram of the label values.
func (v *HistogramVec) With(values ...string) Histogram {
	return Histogram{s: v.f.get(values), buckets: v.f.buckets}
}

// Observe counts one value.
func (h Histogram) Observe(x float64) {
	i := sort.SearchFloat64s(h.buckets, x) // the first bound >= x: "le" is inclusive
	s := h.s
	s.hmu.Lock()
	s.counts[i]++
	s.sum += x
	s.samples++
	s.hmu.Unlock()
}

// Func registers a counter or gauge family whose values are read when the
// registry is written: collect calls emit once per series. It suits
// counters kept elsewhere (the pipeline's statistics).
func (r *Registry) Func(name, help string, kind Kind, labels []string, collect func(emit func(v float64, labelValues ...string))) {
	if kind != CounterKind && kind != GaugeKind {
		panic(fmt.Sprintf("metrics: %s: Func takes counters and gauges", name))
	}
	r.register(&family{name: name, help: help, kind: kind, labels: labels, collect: collect})
}
