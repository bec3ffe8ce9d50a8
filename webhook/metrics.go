package webhook

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/edigw/edigw"
)

// Metrics are the deliveries' metrics (docs/operations.md).
type Metrics struct {
	deliveries *prometheus.CounterVec
	duration   prometheus.Histogram
	lag        prometheus.Histogram
}

// Backlogger reads the subscriptions' backlog when metrics are scraped.
type Backlogger interface {
	WebhookBacklog(ctx context.Context) (*edigw.WebhookBacklog, error)
}

// NewMetrics registers the deliveries counter in reg (nil: counted, never
// exposed) and, with b, the queue depth and the subscriptions by state;
// RegisterLatency adds the histograms.
func NewMetrics(reg prometheus.Registerer, b Backlogger, log *zap.Logger) *Metrics {
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	m := &Metrics{
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "edigw_webhook_deliveries_total",
			Help: "Webhook delivery attempts by outcome: delivered, retry (will be tried again), failed (a 3xx or 4xx: given up), abandoned (24 hours of failures: the subscription is disabled)."},
			[]string{"outcome"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "edigw_webhook_request_duration_seconds",
			Help: "How long receivers take to answer a delivery.", Buckets: prometheus.DefBuckets}),
		lag: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "edigw_webhook_delivery_lag_seconds",
			Help:    "From an event's commit to its delivery (first or later attempt).",
			Buckets: []float64{.01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 300, 3600}}),
	}
	for _, o := range []string{"delivered", "retry", "failed", "abandoned"} {
		m.deliveries.WithLabelValues(o)
	}
	reg.MustRegister(m.deliveries)
	if b != nil {
		if log == nil {
			log = zap.NewNop()
		}
		reg.MustRegister(&backlogCollector{b: b, log: log})
	}
	return m
}

// RegisterLatency registers the receivers' answer time and the delay from
// commit to delivery in reg. They are apart from NewMetrics so that a
// registry can carry the counts without the histograms.
func (m *Metrics) RegisterLatency(reg prometheus.Registerer) {
	reg.MustRegister(m.duration, m.lag)
}

func (m *Metrics) delivered(seconds float64, lag time.Duration) {
	if m == nil {
		return
	}
	m.outcome("delivered", seconds)
	m.lag.Observe(lag.Seconds())
}

func (m *Metrics) outcome(o string, seconds float64) {
	if m == nil {
		return
	}
	m.deliveries.WithLabelValues(o).Inc()
	m.duration.Observe(seconds)
}

var (
	depthDesc = prometheus.NewDesc("edigw_webhook_queue_depth",
		"Events after the cursors of the active webhook subscriptions (before scope and kinds: an upper bound of what is left to deliver).", nil, nil)
	subscriptionsDesc = prometheus.NewDesc("edigw_webhook_subscriptions",
		"Webhook subscriptions by state: active, disabled (24 hours of failures), stopped (token revoked or expired).", []string{"state"}, nil)
)

type backlogCollector struct {
	b   Backlogger
	log *zap.Logger
}

func (c *backlogCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- depthDesc
	ch <- subscriptionsDesc
}

func (c *backlogCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	b, err := c.b.WebhookBacklog(ctx)
	if err != nil {
		c.log.Warn("reading the webhook backlog for metrics", zap.Error(err))
		return
	}
	ch <- prometheus.MustNewConstMetric(depthDesc, prometheus.GaugeValue, float64(b.Depth))
	ch <- prometheus.MustNewConstMetric(subscriptionsDesc, prometheus.GaugeValue, float64(b.Active), "active")
	ch <- prometheus.MustNewConstMetric(subscriptionsDesc, prometheus.GaugeValue, float64(b.Disabled), "disabled")
	ch <- prometheus.MustNewConstMetric(subscriptionsDesc, prometheus.GaugeValue, float64(b.Stopped), "stopped")
}
