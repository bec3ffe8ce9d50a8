package api

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

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
	if v := q.Get("npi"); v != "" {
		if !npiPattern.MatchString(v) {
			return bad("bad_npi", "npi is 10 digits")
		}
		f.NPI = v
	}
	for _, d := range []struct {
		name string
		to   *time.Time
	}{{"from", &f.From}, {"to", &f.To}} {
		if v := q.Get(d.name); v != "" {
			t, err := time.Parse(time.DateOnly, v)
			if err != nil {
				return bad("bad_date", d.name+" is a date of service, YYYY-MM-DD")
			}
			*d.to = t
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return bad("bad_date", "to is before from")
	}
	return f, true
}
