package edigw

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"
)

// Prior-authorization metrics (issue 14 section 3, decision 0025): what
// CMS-0057-F asks payers to publish, and what the payer's own process
// promises, per payer, line of business, category and period.

// MetricsGrouping is one dimension a report is broken down by.
type MetricsGrouping string

const (
	GroupByMonth          MetricsGrouping = "month" // periods: at most one of month, week, day
	GroupByWeek           MetricsGrouping = "week"  // ISO weeks, from Monday
	GroupByDay            MetricsGrouping = "day"
	GroupByPayer          MetricsGrouping = "payer"
	GroupByLineOfBusiness MetricsGrouping = "lineOfBusiness"
	GroupByCategory       MetricsGrouping = "category" // the category's kind and name
)

// MetricsGroupings lists every grouping.
var MetricsGroupings = []MetricsGrouping{GroupByMonth, GroupByWeek, GroupByDay, GroupByPayer, GroupByLineOfBusiness, GroupByCategory}

// IsPeriod reports whether the grouping is a period.
func (g MetricsGrouping) IsPeriod() bool {
	return g == GroupByMonth || g == GroupByWeek || g == GroupByDay
}

// MetricsQuery selects a report: the requests received on the days From
// to To (inclusive, UTC; zero: unbounded), grouped by GroupBy (none: one
// row for all).
type MetricsQuery struct {
	From, To time.Time
	GroupBy  []MetricsGrouping
}

// PriorAuthorizationMetrics is one row of the report: a group's requests
// and what became of them. The group's fields are those GroupBy names.
// Appeals (UM02 1 and 2) are counted apart, in Appeals, and not among
// Requests, nor in the decision times and clocks.
type PriorAuthorizationMetrics struct {
	// Period is the first day of the month, week or day (CCYY-MM-DD).
	Period         string  `json:"period,omitempty"`
	PayerID        PayerID `json:"payerId,omitempty"`
	Payer          string  `json:"payer,omitempty"` // the payer's name
	LineOfBusiness string  `json:"lineOfBusiness,omitempty"`
	CategoryKind   string  `json:"categoryKind,omitempty"`
	Category       string  `json:"category,omitempty"`

	Requests          int `json:"requests"`
	Approved          int `json:"approved"`
	PartiallyApproved int `json:"partiallyApproved"`
	Denied            int `json:"denied"`
	Cancelled         int `json:"cancelled"`
	// Pending have no final decision yet; Pended were put on hold (a
	// pended response, or a hold due date) at some point, whatever
	// became of them.
	Pending int `json:"pending"`
	Pended  int `json:"pended"`
	// ApprovalRate is (Approved + PartiallyApproved) / (Approved +
	// PartiallyApproved + Denied); null when nothing was decided.
	ApprovalRate *float64 `json:"approvalRate"`
	// Decision time: from complete information to the first final
	// decision, in hours, over the requests that have both (Timed).
	Timed                int      `json:"timed"`
	AverageDecisionHours *float64 `json:"averageDecisionHours"`
	P90DecisionHours     *float64 `json:"p90DecisionHours"`
	// The shares of the timed requests with a clock that were decided by
	// it: the payer profile's (decision_due) and the regulatory one
	// (where the line of business has it); null when none had the clock.
	WithinProfileClock    *float64 `json:"withinProfileClock"`
	WithinRegulatoryClock *float64 `json:"withinRegulatoryClock"`
	// Appeals are the group's appeal requests; Overturned those decided
	// approved (in total or in part); OverturnRate is Overturned over
	// the appeals decided (approved, partially approved or denied).
	Appeals      int      `json:"appeals"`
	Overturned   int      `json:"overturned"`
	OverturnRate *float64 `json:"overturnRate"`
}

// PriorAuthorizationReport is the report as JSON (GET
// /v1/reports/prior-authorization, edigw report prior-authorization):
// what was asked, and the rows.
type PriorAuthorizationReport struct {
	From    string                      `json:"from,omitempty"` // CCYY-MM-DD
	To      string                      `json:"to,omitempty"`
	GroupBy []MetricsGrouping           `json:"groupBy"`
	Rows    []PriorAuthorizationMetrics `json:"rows"`
}

// NewPriorAuthorizationReport puts a query's rows in a report (never
// null lists).
func NewPriorAuthorizationReport(q MetricsQuery, rows []PriorAuthorizationMetrics) PriorAuthorizationReport {
	r := PriorAuthorizationReport{GroupBy: q.GroupBy, Rows: rows}
	if !q.From.IsZero() {
		r.From = q.From.Format(time.DateOnly)
	}
	if !q.To.IsZero() {
		r.To = q.To.Format(time.DateOnly)
	}
	if r.GroupBy == nil {
		r.GroupBy = []MetricsGrouping{}
	}
	if r.Rows == nil {
		r.Rows = []PriorAuthorizationMetrics{}
	}
	return r
}

// MetricsCSVHeader is the CSV report's first record: the JSON names.
var MetricsCSVHeader = []string{"period", "payerId", "payer", "lineOfBusiness", "categoryKind", "category",
	"requests", "approved", "partiallyApproved", "denied", "cancelled", "pending", "pended", "approvalRate",
	"timed", "averageDecisionHours", "p90DecisionHours", "withinProfileClock", "withinRegulatoryClock",
	"appeals", "overturned", "overturnRate"}

// WriteMetricsCSV writes a report as CSV: the header, then a record per
// row; a null rate or time is an empty field.
func WriteMetricsCSV(w io.Writer, rows []PriorAuthorizationMetrics) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(MetricsCSVHeader); err != nil {
		return err
	}
	for i := range rows {
		if err := cw.Write(rows[i].csvRecord()); err != nil {
			return fmt.Errorf("row %d: %w", i+1, err)
		}
	}
	cw.Flush()
	return cw.Error()
}

func (m *PriorAuthorizationMetrics) csvRecord() []string {
	n := strconv.Itoa
	f := func(v *float64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(*v, 'f', -1, 64)
	}
	return []string{m.Period, string(m.PayerID), m.Payer, m.LineOfBusiness, m.CategoryKind, m.Category,
		n(m.Requests), n(m.Approved), n(m.PartiallyApproved), n(m.Denied), n(m.Cancelled), n(m.Pending), n(m.Pended),
		f(m.ApprovalRate), n(m.Timed), f(m.AverageDecisionHours), f(m.P90DecisionHours), f(m.WithinProfileClock),
		f(m.WithinRegulatoryClock), n(m.Appeals), n(m.Overturned), f(m.OverturnRate)}
}

// ParseMetricsGroupings reads a comma-separated groupBy list: each a
// grouping, none twice, at most one period.
func ParseMetricsGroupings(list []string) ([]MetricsGrouping, error) {
	var out []MetricsGrouping
	periods := 0
	for _, s := range list {
		g := MetricsGrouping(s)
		if !slices.Contains(MetricsGroupings, g) {
			return nil, errors.New("groupBy takes month, week, day, payer, lineOfBusiness, category, comma-separated")
		}
		if slices.Contains(out, g) {
			return nil, errors.New("groupBy names a grouping twice")
		}
		if g.IsPeriod() {
			if periods++; periods > 1 {
				return nil, errors.New("groupBy takes one period: month, week or day")
			}
		}
		out = append(out, g)
	}
	return out, nil
}
