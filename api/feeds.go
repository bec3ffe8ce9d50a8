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

// pageOf is the feed page of items (nil: none) read after the cursor
// after: its next cursor is the last item's ID, or after when empty.
func pageOf[T any](items []T, after int64, id func(T) int64) feed[T] {
	if len(items) == 0 {
		return feed[T]{Items: []T{}, Next: after}
	}
	return feed[T]{Items: items, Next: id(items[len(items)-1])}
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
	s.view(w, r, pageOf(rms, after, func(rm edigw.StoredRemittance) int64 { return rm.ID }))
}

// subjectsOf lists the event subjects a token's feed carries: those its
// entitlements reach, and the outcomes of files holding its records when
// the kinds asked for name them (edigw.FeedSubjects).
func subjectsOf(t *edigw.Token, kinds []edigw.EventKind) []string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	return edigw.FeedSubjects(t, names)
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
	var evs []edigw.Event
	if subjects := subjectsOf(tok, kinds); len(subjects) > 0 {
		var err error
		if evs, err = s.Store.EventsOfKinds(r.Context(), after, limit, scopeOf(tok), subjects, kinds); err != nil {
			s.internal(w, r, err)
			return
		}
	}
	writeJSON(w, http.StatusOK, pageOf(evs, after, func(e edigw.Event) int64 { return e.ID }))
}
