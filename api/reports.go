package api

import (
	"bytes"
	"mime"
	"net/http"
	"strings"

	"github.com/edigw/edigw"
)

// priorAuthorizationReport is GET /v1/reports/prior-authorization?from=
// &to=&groupBy=: the prior-authorization metrics (decision 0025), JSON,
// or CSV when the caller accepts text/csv and not JSON first. Who reads
// what: an operator's token (operations, no TIN or NPI) every provider's
// requests; a token with precertification its own scope's; any other
// token is 403.
func (s *Server) priorAuthorizationReport(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	var scope *edigw.Scope
	switch {
	case tok.Operator():
		scope = nil
	case tok.Allows(edigw.EntitlePrecertification):
		scope = scopeOf(tok)
	default:
		writeError(w, http.StatusForbidden, "missing_entitlement",
			"the report needs the precertification entitlement (a provider's own requests) or an operator's token")
		return
	}
	q := r.URL.Query()
	var mq edigw.MetricsQuery
	if !dateRange(w, q, "the day requests were received", &mq.From, &mq.To) {
		return
	}
	groups, err := edigw.ParseMetricsGroupings(listParam(q.Get("groupBy")))
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_group_by", err.Error())
		return
	}
	mq.GroupBy = groups
	rows, err := s.Store.PriorAuthorizationMetrics(r.Context(), mq, scope)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if wantsCSV(r.Header.Values("Accept")) {
		var buf bytes.Buffer
		if err := edigw.WriteMetricsCSV(&buf, rows); err != nil {
			s.internal(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="prior-authorization.csv"`)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(buf.Bytes())
		return
	}
	writeJSON(w, http.StatusOK, edigw.NewPriorAuthorizationReport(mq, rows))
}

// wantsCSV reports whether the Accept header's first media type that is
// CSV or JSON is CSV (a browser's */* is JSON).
func wantsCSV(accept []string) bool {
	for _, h := range accept {
		for _, part := range strings.Split(h, ",") {
			mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
			if err != nil {
				continue
			}
			switch mt {
			case "text/csv":
				return true
			case "application/json", "*/*":
				return false
			}
		}
	}
	return false
}
