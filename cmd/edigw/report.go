package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/storage"
)

func newReportCmd() *cobra.Command {
	return newGroupCmd("report", "Reports over the stored records", newReportPriorAuthorizationCmd())
}

func newReportPriorAuthorizationCmd() *cobra.Command {
	var sf storeFlags
	var from, to, format string
	var groupBy []string
	c := &cobra.Command{
		Use:   "prior-authorization --database URL [--from DATE] [--to DATE] [--group-by month,payer,...] [--format json|csv]",
		Short: "Prior-authorization metrics: approvals, denials, decision times, clocks, appeals",
		Long: `prior-authorization reports, for every provider's requests received from --from
to --to (days, UTC, inclusive), grouped by --group-by (month, week or day;
payer; lineOfBusiness; category; combinable, one period at most): requests,
approved, partially approved, denied, cancelled, pending and pended; the
approval rate; the average and 90th-percentile decision time (complete
information to decision, hours); the share decided within the payer profile's
clock and within the regulatory clock (CMS-0057-F); appeals and their overturn
rate. JSON (as GET /v1/reports/prior-authorization) or CSV on standard output.
See docs/api.md, "Prior-authorization metrics".`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			q, err := metricsQueryFromFlags(from, to, groupBy)
			if err == nil && format != "json" && format != "csv" {
				err = fmt.Errorf("--format %q: want json or csv", format)
			}
			if err != nil {
				return &exitError{code: exitUnusable, err: err}
			}
			rows, err := readDatabase(c.Context(), &sf, func(db *storage.DB) ([]edigw.PriorAuthorizationMetrics, error) {
				return db.PriorAuthorizationMetrics(c.Context(), q, nil)
			})
			if err != nil {
				return err
			}
			if format == "csv" {
				return edigw.WriteMetricsCSV(c.OutOrStdout(), rows)
			}
			enc := json.NewEncoder(c.OutOrStdout())
			enc.SetIndent("", "  ")
			return enc.Encode(edigw.NewPriorAuthorizationReport(q, rows))
		},
	}
	sf.addDatabase(c)
	c.Flags().StringVar(&from, "from", "", "first day of receipt, YYYY-MM-DD (default: unbounded)")
	c.Flags().StringVar(&to, "to", "", "last day of receipt, YYYY-MM-DD (default: unbounded)")
	c.Flags().StringSliceVar(&groupBy, "group-by", nil, "month, week or day; payer; lineOfBusiness; category (comma-separated or repeated)")
	c.Flags().StringVar(&format, "format", "json", "json or csv")
	return c
}

// metricsQueryFromFlags reads --from, --to and --group-by.
func metricsQueryFromFlags(from, to string, groupBy []string) (edigw.MetricsQuery, error) {
	var q edigw.MetricsQuery
	for _, d := range []struct {
		flag, v string
		to      *time.Time
	}{{"--from", from, &q.From}, {"--to", to, &q.To}} {
		if d.v == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.v)
		if err != nil {
			return q, fmt.Errorf("%s %q: want a date, YYYY-MM-DD", d.flag, d.v)
		}
		*d.to = t
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		return q, fmt.Errorf("--to is before --from")
	}
	groups, err := edigw.ParseMetricsGroupings(groupBy)
	if err != nil {
		return q, fmt.Errorf("--group-by: %w", err)
	}
	q.GroupBy = groups
	return q, nil
}
