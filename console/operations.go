package console

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/edigw/edigw"
)

// The operators' dashboard: counts over a window, drawn as charts by
// static/console.js from the tables the page carries, so the figures
// read without JavaScript too.

var windows = []struct {
	Value  string
	Label  string
	Length time.Duration
	Period string
}{
	{"24h", "Last 24 hours", 24 * time.Hour, "hour"},
	{"7d", "Last 7 days", 7 * 24 * time.Hour, "day"},
}

type operationsPage struct {
	Window     string
	Windows    []string
	Labels     map[string]string
	Ops        *edigw.Operations
	Outcomes   []edigw.FileStatus
	Rows       []outcomeRow
	FilesPerS  string
	ClaimsPerS string
	Overdue    []edigw.OverdueFile
	Webhooks   *edigw.WebhookBacklog
}

// outcomeRow is one period of the inbound chart: its files by outcome,
// in the order of Outcomes.
type outcomeRow struct {
	Period time.Time
	Counts []int64
}

func (s *Server) operations(w http.ResponseWriter, r *http.Request, sess *session) {
	win := windows[0]
	for _, x := range windows {
		if x.Value == r.URL.Query().Get("window") {
			win = x
		}
	}
	p := operationsPage{Window: win.Value, Labels: map[string]string{}}
	for _, x := range windows {
		p.Windows = append(p.Windows, x.Value)
		p.Labels[x.Value] = x.Label
	}
	ops, err := s.Store.Operations(r.Context(), s.now().Add(-win.Length), win.Period)
	if err != nil {
		s.fail(w, r, sess, err)
		return
	}
	p.Ops = ops
	secs := ops.Until.Sub(ops.Since).Seconds()
	p.FilesPerS = rate(float64(ops.Files) / secs)
	p.ClaimsPerS = rate(float64(ops.Claims) / secs)
	for _, c := range ops.Inbound {
		if !slices.Contains(p.Outcomes, c.Outcome) {
			p.Outcomes = append(p.Outcomes, c.Outcome)
		}
	}
	slices.Sort(p.Outcomes)
	for _, c := range ops.Inbound {
		if n := len(p.Rows); n == 0 || !p.Rows[n-1].Period.Equal(c.Period) {
			p.Rows = append(p.Rows, outcomeRow{Period: c.Period, Counts: make([]int64, len(p.Outcomes))})
		}
		p.Rows[len(p.Rows)-1].Counts[slices.Index(p.Outcomes, c.Outcome)] = c.Files
	}
	if p.Overdue, err = s.Store.OverdueFiles(r.Context(), 0, 100); err != nil {
		s.fail(w, r, sess, err)
		return
	}
	if p.Webhooks, err = s.Store.WebhookBacklog(r.Context()); err != nil {
		s.fail(w, r, sess, err)
		return
	}
	s.render(w, r, http.StatusOK, "operations", sess, p)
}

// rate writes a rate a second, or an hour when it is below one a second.
func rate(perSecond float64) string {
	if perSecond >= 1 {
		return strconv.FormatFloat(perSecond, 'f', 1, 64) + " a second"
	}
	return strconv.FormatFloat(perSecond*3600, 'f', 1, 64) + " an hour"
}
