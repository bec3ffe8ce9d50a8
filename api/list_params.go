package api

import (
	"net/http"
	"net/url"
	"time"
)

// The query parameters the claim search and the authorization worklist
// share; a value that cannot be one is 400, named by its parameter and
// never repeated. When ok is false the request has been answered.

// npiParam reads an NPI parameter ("" when absent).
func npiParam(w http.ResponseWriter, q url.Values, name string) (npi string, ok bool) {
	v := q.Get(name)
	if v != "" && !npiPattern.MatchString(v) {
		writeError(w, http.StatusBadRequest, "bad_npi", name+" is 10 digits")
		return "", false
	}
	return v, true
}

// dateRange reads ?from= and ?to= (YYYY-MM-DD, each optional, to not
// before from); what says what the dates are.
func dateRange(w http.ResponseWriter, q url.Values, what string, from, to *time.Time) bool {
	for _, d := range []struct {
		name string
		to   *time.Time
	}{{"from", from}, {"to", to}} {
		if v := q.Get(d.name); v != "" {
			t, err := time.Parse(time.DateOnly, v)
			if err != nil {
				writeError(w, http.StatusBadRequest, "bad_date", d.name+" is "+what+", YYYY-MM-DD")
				return false
			}
			*d.to = t
		}
	}
	if !from.IsZero() && !to.IsZero() && to.Before(*from) {
		writeError(w, http.StatusBadRequest, "bad_date", "to is before from")
		return false
	}
	return true
}
