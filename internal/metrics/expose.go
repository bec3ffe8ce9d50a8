package metrics

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// ContentType is the media type of the text exposition format.
const ContentType = "text/plain; version=0.0.4; charset=utf-8"

// ServeHTTP writes the registry for a scrape.
func (r *Registry) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", ContentType)
	_ = r.Write(w)
}

// Write writes every family in the text exposition format: families by
// name, each with its HELP and TYPE lines, series by label values.
func (r *Registry) Write(w io.Writer) error {
	r.mu.Lock()
	fams := make([]*family, 0, len(r.families))
	for _, f := range r.families {
		fams = append(fams, f)
	}
	r.mu.Unlock()
	slices.SortFunc(fams, func(a, b *family) int { return strings.Compare(a.name, b.name) })
	bw := bufio.NewWriter(w)
	for _, f := range fams {
		f.write(bw)
	}
	return bw.Flush()
}

// snapshot is one series' values at scrape time.
type snapshot struct {
	values  []string
	value   float64
	counts  []uint64
	sum     float64
	samples uint64
}

func (f *family) snapshots() []snapshot {
	var out []snapshot
	if f.collect != nil {
		f.collect(func(v float64, values ...string) {
			if len(values) != len(f.labels) {
				panic(fmt.Sprintf("metrics: %s wants %d label values, got %d", f.name, len(f.labels), len(values)))
			}
			out = append(out, snapshot{values: slices.Clone(values), value: v})
		})
	} else {
		f.mu.RLock()
		for _, s := range f.series {
			sn := snapshot{values: s.values, value: math.Float64frombits(s.bits.Load())}
			if f.kind == HistogramKind {
				s.hmu.Lock()
				sn.counts, sn.sum, sn.samples = slices.Clone(s.counts), s.sum, s.samples
				s.hmu.Unlock()
			}
			out = append(out, sn)
		}
		f.mu.RUnlock()
	}
	slices.SortFunc(out, func(a, b snapshot) int { return slices.Compare(a.values, b.values) })
	return out
}

func (f *family) write(w *bufio.Writer) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", f.name, escapeHelp(f.help), f.name, f.kind)
	for _, s := range f.snapshots() {
		if f.kind != HistogramKind {
			fmt.Fprintf(w, "%s%s %s\n", f.name, f.labelSet(s.values, ""), formatFloat(s.value))
			continue
		}
		var cum uint64
		for i, bound := range f.buckets {
			cum += s.counts[i]
			fmt.Fprintf(w, "%s_bucket%s %d\n", f.name, f.labelSet(s.values, formatFloat(bound)), cum)
		}
		fmt.Fprintf(w, "%s_bucket%s %d\n", f.name, f.labelSet(s.values, "+Inf"), s.samples)
		fmt.Fprintf(w, "%s_sum%s %s\n", f.name, f.labelSet(s.values, ""), formatFloat(s.sum))
		fmt.Fprintf(w, "%s_count%s %d\n", f.name, f.labelSet(s.values, ""), s.samples)
	}
}

// labelSet writes {a="x",b="y"} (with le last for a bucket), or nothing.
func (f *family) labelSet(values []string, le string) string {
	if len(values) == 0 && le == "" {
		return ""
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, v := range values {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(f.labels[i])
		b.WriteString(`="`)
		b.WriteString(escapeLabel(v))
		b.WriteByte('"')
	}
	if le != "" {
		if len(values) > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`le="`)
		b.WriteString(le)
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}

// The format escapes backslash and newline in help text, and also the
// double quote in label values.
var (
	helpEscaper  = strings.NewReplacer(`\`, `\\`, "\n", `\n`)
	labelEscaper = strings.NewReplacer(`\`, `\\`, "\n", `\n`, `"`, `\"`)
)

func escapeHelp(s string) string  { return helpEscaper.Replace(s) }
func escapeLabel(s string) string { return labelEscaper.Replace(s) }

// formatFloat writes a sample value as the format spells it.
func formatFloat(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case math.IsNaN(v):
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
