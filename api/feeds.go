package api

import (
	"net/http"

	"github.com/edigw/edigw"
)

// feed is a page of a cursor feed: items in ID order and the cursor to
// pass as after= next time (the last ID on the page, or the one given
// when the page is empty). An empty page means the caller is up to date.
type feed[T any] struct {
	Items []T   `json:"items"`
	Next  int64 `json:"next,string"`
}

func (s *Server) getRemittance(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	rm, err := s.Store.Remittance(r.Context(), id, scopeOf(tok))
	if s.found(w, r, err, "remittance") {
		s.view(w, r, rm)
	}
}

// listRemittances is the remittance feed: GET /v1/remittances?after=ID&limit=N.
func (s *Server) listRemittances(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	after, limit, ok := page(w, r)
	if !ok {
		return
	}
	rms, err := s.Store.RemittancesOf(r.Context(), after, limit, scopeOf(tok))
	if err != nil {
		s.internal(w, r, err)
		return
	}
	out := feed[edigw.StoredRemittance]{Items: rms, Next: after}
	if n := len(rms); n > 0 {
		out.Next = rms[n-1].ID
	}
	if out.Items == nil {
		out.Items = []edigw.StoredRemittance{}
	}
	s.view(w, r, out)
}

// subjectsOf lists the event subjects a token's entitlements reach.
func subjectsOf(t *edigw.Token) []string {
	var out []string
	for _, e := range t.Entitlements {
		switch e {
		case edigw.EntitleClaims:
			out = append(out, "claim")
		case edigw.EntitlePrecertification:
			out = append(out, "authorization")
		case edigw.EntitleRemittances:
			out = append(out, "remittance")
		}
	}
	return out
}

// listEvents is the status-change feed: GET /v1/events?after=ID&limit=N
// &kind=K1,K2, the events about the subjects the token is entitled to, in
// its scope, of the kinds given (none: all).
func (s *Server) listEvents(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	after, limit, ok := page(w, r)
	if !ok {
		return
	}
	kinds, ok := eventKinds(w, r)
	if !ok {
		return
	}
	out := feed[edigw.Event]{Items: []edigw.Event{}, Next: after}
	if subjects := subjectsOf(tok); len(subjects) > 0 {
		evs, err := s.Store.EventsOfKinds(r.Context(), after, limit, scopeOf(tok), subjects, kinds)
		if err != nil {
			s.internal(w, r, err)
			return
		}
		if n := len(evs); n > 0 {
			out.Items, out.Next = evs, evs[n-1].ID
		}
	}
	writeJSON(w, http.StatusOK, out)
}
