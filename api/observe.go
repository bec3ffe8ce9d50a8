package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strconv"
	"time"

	"go.uber.org/zap"

	"github.com/prometheus/client_golang/prometheus"
)

// httpMetrics are the API's request metrics.
type httpMetrics struct {
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	inFlight prometheus.Gauge
}

func newHTTPMetrics(reg prometheus.Registerer) *httpMetrics {
	if reg == nil {
		reg = prometheus.NewRegistry() // counted, never exposed
	}
	m := &httpMetrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "edigw_http_requests_total",
			Help: "API requests by route and status; routes no endpoint matches are \"unmatched\"."}, []string{"route", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "edigw_http_request_duration_seconds",
			Help:    "API request latency by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10}}, []string{"route"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{Name: "edigw_http_requests_in_flight", Help: "API requests being served."}),
	}
	reg.MustRegister(m.requests, m.latency, m.inFlight)
	return m
}

// requestInfo is filled in as a request is served, for its log line.
type requestInfo struct {
	token int64
}

type requestInfoKey struct{}

func infoOf(r *http.Request) *requestInfo {
	info, _ := r.Context().Value(requestInfoKey{}).(*requestInfo)
	return info
}

// statusWriter remembers the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// requestID is the caller's X-Request-Id when it is short and plain, else
// a new one; it is logged and echoed so both sides can find a request.
func requestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-Id"); id != "" && len(id) <= 64 && plain(id) {
		return id
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func plain(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// observe logs every request and counts it. The log line has the route
// pattern, never the path or query (values may identify a patient), nor a
// body; the token's ID, never its secret.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &requestInfo{}
		r = r.WithContext(context.WithValue(r.Context(), requestInfoKey{}, info))
		// The route is the API's own pattern: a mux in front (serve's,
		// which mounts the API at "/") must not name a request no
		// endpoint takes.
		r.Pattern = ""
		id := requestID(r)
		w.Header().Set("X-Request-Id", id)
		sw := &statusWriter{ResponseWriter: w}
		s.metrics.inFlight.Inc()
		defer func() {
			s.metrics.inFlight.Dec()
			v := recover()
			if v == http.ErrAbortHandler {
				panic(v)
			}
			if v != nil {
				s.Log.Error("panic serving request", zap.String("route", r.Pattern), zap.String("requestId", id), zap.Any("panic", v), zap.Stack("stack"))
				if sw.status == 0 {
					writeError(sw, http.StatusInternalServerError, "internal", "internal error; it has been logged")
				}
			}
			route := r.Pattern
			if route == "" {
				route = "unmatched"
			}
			d := time.Since(start)
			s.metrics.requests.WithLabelValues(route, strconv.Itoa(sw.status)).Inc()
			s.metrics.latency.WithLabelValues(route).Observe(d.Seconds())
			s.Log.Info("request", zap.String("requestId", id), zap.String("method", r.Method), zap.String("route", route),
				zap.Int("status", sw.status), zap.Duration("duration", d), zap.Int64("bytes", sw.bytes), zap.Int64("token", info.token))
		}()
		next.ServeHTTP(sw, r)
	})
}

// internal answers 500 and logs the error (store errors carry no PHI).
func (s *Server) internal(w http.ResponseWriter, r *http.Request, err error) {
	s.Log.Error("internal error", zap.String("route", r.Pattern), zap.Error(err))
	writeError(w, http.StatusInternalServerError, "internal", "internal error; it has been logged")
}
