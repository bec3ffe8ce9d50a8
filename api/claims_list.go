package api

import (
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/edigw/edigw"
)

// listableStatuses are the claim statuses ?status= takes ("partially
// paid" also as partially_paid, which needs no escaping).
var listableStatuses = []edigw.ClaimStatus{edigw.ClaimSubmitted, edigw.ClaimAccepted, edigw.ClaimRejected,
	edigw.ClaimPaid, edigw.ClaimPartiallyPaid, edigw.ClaimProcessed, edigw.ClaimDenied, edigw.ClaimForwarded,
	edigw.ClaimReversed, edigw.ClaimReplaced, edigw.ClaimVoided}

var (
	npiPattern = regexp.MustCompile(`^[0-9]{10}$`)
	// CLM01 is 1 to 38 characters of the basic and extended X12 sets.
	pcnPattern = regexp.MustCompile(`^[A-Za-z0-9 !"&'()*+,./:;?=%@\[\]_{}\\|<>#$-]{1,38}$`)
)

// listClaims is the claim search: GET /v1/claims?status=&patientControlNumber=
// &npi=&from=&to=&after=&limit=, a cursor feed of the token's claims in ID
// order. A patient control number or an NPI outside the token's scope
// finds nothing, exactly as one that does not exist.
func (s *Server) listClaims(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	after, limit, ok := page(w, r)
	if !ok {
		return
	}
	f, ok := claimFilter(w, r)
	if !ok {
		return
	}
	f.After, f.Limit = after, limit
	cs, err := s.Store.SearchClaims(r.Context(), f, scopeOf(tok))
	if err != nil {
		s.internal(w, r, err)
		return
	}
	s.view(w, r, pageOf(cs, after, func(c edigw.StoredClaim) int64 { return c.ID }))
}

// claimFilter reads the search's filters; a value that cannot be one is
// 400 (named by its parameter, never repeated).
func claimFilter(w http.ResponseWriter, r *http.Request) (edigw.ClaimFilter, bool) {
	q := r.URL.Query()
	var f edigw.ClaimFilter
	bad := func(code, msg string) (edigw.ClaimFilter, bool) {
		writeError(w, http.StatusBadRequest, code, msg)
		return f, false
	}
	if v := q.Get("status"); v != "" {
		items := listParam(v)
		if len(items) > len(listableStatuses) {
			return bad("bad_status", "status lists at most one of each claim status")
		}
		for _, it := range items {
			st := edigw.ClaimStatus(strings.ReplaceAll(it, "_", " "))
			if !slices.Contains(listableStatuses, st) {
				return bad("bad_status", "status takes claim statuses, comma-separated: submitted, accepted, rejected, paid, "+
					"partially_paid, processed, denied, forwarded, reversed, replaced, voided")
			}
			f.Statuses = append(f.Statuses, st)
		}
	}
	if v := q.Get("patientControlNumber"); v != "" {
		if !pcnPattern.MatchString(v) {
			return bad("bad_patient_control_number", "patientControlNumber is 1 to 38 characters of the X12 character set")
		}
		f.PatientControlNumber = v
	}
	var ok bool
	if f.NPI, ok = npiParam(w, q, "npi"); !ok {
		return f, false
	}
	if !dateRange(w, q, "a date of service", &f.From, &f.To) {
		return f, false
	}
	return f, true
}
