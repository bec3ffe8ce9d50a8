// Package api is edigw's HTTP API for billing systems: submit claims and
// authorization requests as JSON, read claims, authorizations and
// remittances, follow the remittance and event feeds by cursor, and
// download the EDI files behind them. Every request but the OpenAPI
// document carries a bearer token; tokens hold portal-style entitlements
// (claims, precertification, remittances) and are scoped to provider TINs
// and NPIs. The API imports the domain and mapping only: it works on the
// store interfaces it is given.
package api

import (
	"net/http"
	"slices"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/docs"
)

// Server serves the API over a store and the object store the files live in.
type Server struct {
	Store   Store
	Objects edigw.ObjectStore
	Log     *zap.Logger
	// Metrics, when set, receives the request metrics.
	Metrics prometheus.Registerer
	// MaxBody bounds a request body (default 8 MiB); larger is 413.
	MaxBody int64
	// MaxBatch bounds the records of one submission (default 1000).
	MaxBatch int
	// Payer is the payer submissions go to when a record names none
	// (default Cigna, 62308).
	Payer edigw.PayerID
	// Payers are the payers a trading partner is configured for: a
	// submission to any other payer is refused (422), since nothing would
	// ever send it. Empty: Payer alone.
	Payers []edigw.PayerID
	// MaxSubmissions bounds the submissions (POST /v1/claims and
	// /v1/authorizations) served at once (default 4). A submission beyond
	// it waits, its body unread, up to SubmissionWait (default 5 s) for
	// one to finish, and is then answered 503 with Retry-After.
	MaxSubmissions int
	SubmissionWait time.Duration
	// Webhooks enables the /v1/webhooks routes (nil: they answer 404).
	Webhooks *Webhooks

	metrics     *httpMetrics
	submissions chan struct{} // a slot per submission being served
}

// Limits of requests and pages.
const (
	DefaultMaxBody  = 8 << 20
	DefaultMaxBatch = 1000
	// DefaultMaxSubmissions: a 1,000-claim submission takes about 11 MB
	// while it is decoded, validated and queued; 4 keep serve near 100 MB
	// (docs/benchmarks.md).
	DefaultMaxSubmissions = 4
	DefaultSubmissionWait = 5 * time.Second
	DefaultLimit          = 100  // feed page size when limit is not given
	MaxLimit              = 1000 // largest page a feed serves
)

// route is one endpoint: its pattern, the entitlement it needs ("" when
// any token may call it and the handler filters), its handler, and the
// query parameters it takes (nil: none; checkQuery refuses the others).
type route struct {
	pattern string
	need    edigw.Entitlement
	handle  func(http.ResponseWriter, *http.Request, *edigw.Token)
	query   []string
}

// routes are the authenticated endpoints; docs/openapi.yaml describes
// each (a test holds the two together).
func (s *Server) routes() []route {
	return []route{
		{"GET /v1/token", "", s.getToken, nil},
		{"POST /v1/claims", edigw.EntitleClaims, s.submitClaims, nil},
		{"GET /v1/claims", edigw.EntitleClaims, s.listClaims,
			[]string{"status", "patientControlNumber", "npi", "from", "to", "after", "limit"}},
		{"GET /v1/claims/{id}", edigw.EntitleClaims, s.getClaim, nil},
		{"GET /v1/claims/{id}/files", edigw.EntitleClaims, s.listClaimFiles, nil},
		{"GET /v1/claims/{id}/history", edigw.EntitleClaims, s.claimHistory, nil},
		{"POST /v1/claim-status", edigw.EntitleClaims, s.submitClaimStatus, nil},
		{"GET /v1/claim-status/{id}", edigw.EntitleClaims, s.getClaimStatus, nil},
		{"POST /v1/authorizations", edigw.EntitlePrecertification, s.submitAuthorizations, nil},
		{"GET /v1/authorizations", edigw.EntitlePrecertification, s.listAuthorizations, slices.Concat(worklistQuery, []string{"after", "limit"})},
		{"GET /v1/authorizations/counts", edigw.EntitlePrecertification, s.authorizationCounts, worklistQuery},
		{"GET /v1/authorizations/{id}", edigw.EntitlePrecertification, s.getAuthorization, nil},
		{"POST /v1/eligibility", edigw.EntitleEligibility, s.submitEligibility, nil}, // eligibility.go
		{"GET /v1/eligibility/{id}", edigw.EntitleEligibility, s.getEligibility, nil},
		{"PUT /v1/authorizations/{id}/hold", edigw.EntitleOperations, s.putHold, nil},
		{"DELETE /v1/authorizations/{id}/hold", edigw.EntitleOperations, s.deleteHold, nil},
		{"GET /v1/remittances", edigw.EntitleRemittances, s.listRemittances, []string{"after", "limit"}},
		{"GET /v1/remittances/{id}", edigw.EntitleRemittances, s.getRemittance, nil},
		{"GET /v1/reports/prior-authorization", "", s.priorAuthorizationReport, []string{"from", "to", "groupBy"}},
		{"GET /v1/events", "", s.listEvents, []string{"kind", "after", "limit"}},
		{"GET /v1/files", edigw.EntitleOperations, s.listFiles, []string{"overdue", "after", "limit"}},
		{"GET /v1/files/{id}", "", s.getFile, nil},
		{"POST /v1/webhooks", "", s.createWebhook, nil},
		{"GET /v1/webhooks", "", s.listWebhooks, nil},
		{"GET /v1/webhooks/{id}", "", s.getWebhook, nil},
		{"DELETE /v1/webhooks/{id}", "", s.deleteWebhook, nil},
		{"GET /v1/webhooks/{id}/deliveries", "", s.webhookDeliveries, []string{"after", "limit"}},
		{"POST /v1/webhooks/{id}/redeliver", "", s.redeliverWebhook, nil},
	}
}

// openAPIPattern serves the document without a token.
const openAPIPattern = "GET /v1/openapi.yaml"

// Handler returns the API behind request logging and metrics. Requests
// no route matches get a JSON 404 (or 405 with Allow). Call it once per
// Server: it registers the request metrics in s.Metrics.
func (s *Server) Handler() http.Handler {
	if s.Log == nil {
		s.Log = zap.NewNop()
	}
	s.metrics = newHTTPMetrics(s.Metrics)
	s.submissions = make(chan struct{}, s.maxSubmissions())
	mux := http.NewServeMux()
	mux.HandleFunc(openAPIPattern, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/yaml")
		_, _ = w.Write(docs.OpenAPI)
	})
	for _, rt := range s.routes() {
		mux.Handle(rt.pattern, s.authenticate(rt.need, checkQuery(rt.query, rt.handle)))
	}
	return s.observe(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern == "" {
			unmatched(w, r, mux)
			return
		}
		mux.ServeHTTP(w, r)
	}))
}

// unmatched answers a request no route takes in JSON: 405 when the path
// exists with other methods (the mux knows which), else 404.
func unmatched(w http.ResponseWriter, r *http.Request, mux *http.ServeMux) {
	closeUnread(w, r)
	probe := &headerProbe{header: http.Header{}}
	h, _ := mux.Handler(r)
	h.ServeHTTP(probe, r)
	if probe.status == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", probe.header.Get("Allow"))
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed",
			r.Method+" is not allowed on "+r.URL.Path+"; allowed: "+probe.header.Get("Allow"))
		return
	}
	writeError(w, http.StatusNotFound, "not_found", "no such endpoint: "+r.Method+" "+r.URL.Path)
}

// headerProbe catches what the mux's own not-found or not-allowed handler
// would answer, so the answer can be given in JSON instead.
type headerProbe struct {
	header http.Header
	status int
}

func (p *headerProbe) Header() http.Header         { return p.header }
func (p *headerProbe) Write(b []byte) (int, error) { return len(b), nil }
func (p *headerProbe) WriteHeader(code int)        { p.status = code }

func (s *Server) maxBody() int64 {
	if s.MaxBody > 0 {
		return s.MaxBody
	}
	return DefaultMaxBody
}

func (s *Server) maxBatch() int {
	if s.MaxBatch > 0 {
		return s.MaxBatch
	}
	return DefaultMaxBatch
}

func (s *Server) maxSubmissions() int {
	if s.MaxSubmissions > 0 {
		return s.MaxSubmissions
	}
	return DefaultMaxSubmissions
}

func (s *Server) submissionWait() time.Duration {
	if s.SubmissionWait > 0 {
		return s.SubmissionWait
	}
	return DefaultSubmissionWait
}

func (s *Server) payer() edigw.PayerID {
	if s.Payer != "" {
		return s.Payer
	}
	return edigw.Cigna
}
