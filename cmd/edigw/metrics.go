package main

import (
	"context"
	"sort"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"go.uber.org/zap"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/clearinghouse"
	"github.com/edigw/edigw/storage"
	"github.com/edigw/edigw/webhook"
)

// serveRegistry is serve's registry with the webhook metrics the delivery
// workers count into.
type serveRegistry struct {
	*prometheus.Registry
	webhooks *webhook.Metrics
}

// newMetrics is serve's registry: the Go runtime and process collectors,
// edigw_build_info, the pipeline's counters and the store's backlog (read
// when scraped), and the webhook deliveries by outcome with the
// subscriptions' backlog (the delivery histograms, which the dashboard
// does not chart, are added by serve).
// The API registers its request metrics itself. docs/operations.md lists
// every metric; docs/grafana-dashboard.json charts them.
func newMetrics(p *clearinghouse.Pipeline, db *storage.DB, log *zap.Logger) *serveRegistry {
	reg := prometheus.NewRegistry()
	v := buildVersion()
	build := prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "edigw_build_info",
		Help: "Always 1: the version, VCS commit, build date and Go version of this edigw."},
		[]string{"version", "revision", "build_date", "goversion"})
	build.WithLabelValues(v.Module, v.Revision, v.BuildDate, v.Go).Set(1)
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		build, &pipelineCollector{p: p}, &backlogCollector{db: db, payers: payersOf(p.Partners), log: log})
	return &serveRegistry{Registry: reg, webhooks: webhook.NewMetrics(reg, db, log)}
}

var (
	filesDesc = prometheus.NewDesc("edigw_files_total",
		"Files processed: inbound by outcome (archived, rejected, duplicate), outbound written (sent), by kind (837P, 835, 999 ...).",
		[]string{"direction", "kind", "outcome"}, nil)
	bytesDesc = prometheus.NewDesc("edigw_bytes_total",
		"Bytes of the files processed (inbound) and written (outbound).", []string{"direction"}, nil)
	claimsDesc = prometheus.NewDesc("edigw_claims_total",
		"Claims accepted or rejected: by edigw's 277CAs for the 837s it receives (source edigw), by partners' 277CAs for the claims edigw sent (source partner).",
		[]string{"source", "decision"}, nil)
	rejections999Desc = prometheus.NewDesc("edigw_999_rejections_total",
		"Transaction sets (or groups) rejected by partners' 999s, by IK502-IK506 (AK905-AK909) error code.", []string{"code"}, nil)
	unmatchedDesc = prometheus.NewDesc("edigw_unmatched_acknowledgments_total",
		"Answers (277CA claims, 999s, TA1s, 835 claim payments, 278 responses) that matched no record, or several, and changed nothing.", nil, nil)
	retriesDesc = prometheus.NewDesc("edigw_retries_total",
		"Store and object-store calls retried.", nil, nil)
	failuresDesc = prometheus.NewDesc("edigw_inbound_failures_total",
		"Inbound files that failed and stay for the next poll.", nil, nil)
	queueDesc = prometheus.NewDesc("edigw_outbound_queue_depth",
		"Claims and authorization requests waiting to be sent, by payer and kind.", []string{"payer", "kind"}, nil)
	oldestDesc = prometheus.NewDesc("edigw_oldest_unacknowledged_file_age_seconds",
		"Age of the oldest sent 837 or 278 that no 999 or TA1 from the partner has answered, by payer (absent when none).", []string{"payer"}, nil)
	scrapeErrorDesc = prometheus.NewDesc("edigw_backlog_scrape_error",
		"1 when the backlog could not be read from the database at this scrape.", nil, nil)
)

// pipelineCollector reads the pipeline's counters when scraped.
type pipelineCollector struct {
	p *clearinghouse.Pipeline
}

func (c *pipelineCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{filesDesc, bytesDesc, claimsDesc, rejections999Desc, unmatchedDesc, retriesDesc, failuresDesc} {
		ch <- d
	}
}

func (c *pipelineCollector) Collect(ch chan<- prometheus.Metric) {
	o, st := c.p.Observations(), c.p.Stats()
	counter := func(d *prometheus.Desc, v int64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, float64(v), labels...)
	}
	for k, n := range o.Files {
		counter(filesDesc, n, string(k.Direction), k.Kind, k.Outcome)
	}
	for _, dir := range []edigw.Direction{edigw.Inbound, edigw.Outbound} {
		counter(bytesDesc, o.Bytes[dir], string(dir))
	}
	for _, source := range []string{"edigw", "partner"} {
		for _, decision := range []string{"accepted", "rejected"} {
			counter(claimsDesc, o.Claims[clearinghouse.ClaimDecision{Source: source, Decision: decision}], source, decision)
		}
	}
	for code, n := range o.Rejections999 {
		counter(rejections999Desc, n, code)
	}
	counter(unmatchedDesc, o.Unmatched)
	counter(retriesDesc, st.Retries)
	counter(failuresDesc, st.Failures)
}

// backlogCollector reads the outbound backlog from the database when
// scraped (two indexed queries), bounded by a timeout so a slow database
// slows no scrape past it.
type backlogCollector struct {
	db     *storage.DB
	payers []edigw.PayerID // the partners'
	log    *zap.Logger
}

func (c *backlogCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- queueDesc
	ch <- oldestDesc
	ch <- scrapeErrorDesc
}

func (c *backlogCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	b, err := c.db.Backlog(ctx)
	failed := 0.0
	if err != nil {
		failed = 1
		c.log.Warn("metrics: reading the backlog", zap.Error(err))
	}
	ch <- prometheus.MustNewConstMetric(scrapeErrorDesc, prometheus.GaugeValue, failed)
	if err != nil {
		return
	}
	// Every partner's queues are present, at 0 when empty, so a queue
	// that drains shows 0 rather than vanishing.
	depth := map[storage.QueueDepth]bool{}
	for _, q := range b.Queued {
		ch <- prometheus.MustNewConstMetric(queueDesc, prometheus.GaugeValue, float64(q.Records), string(q.PayerID), q.Kind)
		depth[storage.QueueDepth{PayerID: q.PayerID, Kind: q.Kind}] = true
	}
	for _, payer := range c.payers {
		for _, kind := range []string{string(edigw.Professional), string(edigw.Institutional), string(edigw.Dental), "authorization"} {
			if !depth[storage.QueueDepth{PayerID: payer, Kind: kind}] {
				ch <- prometheus.MustNewConstMetric(queueDesc, prometheus.GaugeValue, 0, string(payer), kind)
			}
		}
	}
	payers := make([]string, 0, len(b.OldestUnacknowledged))
	for p := range b.OldestUnacknowledged {
		payers = append(payers, string(p))
	}
	sort.Strings(payers)
	now := time.Now()
	for _, p := range payers {
		age := now.Sub(b.OldestUnacknowledged[edigw.PayerID(p)]).Seconds()
		ch <- prometheus.MustNewConstMetric(oldestDesc, prometheus.GaugeValue, max(age, 0), p)
	}
}

// payersOf lists the partners' payers.
func payersOf(partners []clearinghouse.Partner) []edigw.PayerID {
	payers := make([]edigw.PayerID, len(partners))
	for i, pt := range partners {
		payers[i] = pt.PayerID
	}
	return payers
}
