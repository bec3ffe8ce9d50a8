package api

import (
	"net/http"
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// submitAuthorizations queues 278 requests for the next outbound file,
// after the checks an inbound 278 gets.
func (s *Server) submitAuthorizations(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	key, ok := idempotencyKey(w, r, tok)
	if !ok {
		return
	}
	reqs, ok := decodeRecords[edigw.AuthorizationRequest](w, r, s.maxBody(), s.maxBatch())
	if !ok {
		return
	}
	var outside []Problem
	for i, a := range reqs {
		if a.PayerID == "" {
			a.PayerID = s.payer()
		}
		// A submission is a request: the decision comes from the payer.
		a.Status, a.Decision = edigw.AuthPending, nil
		if !tok.Scope.Covers(a.Requester.TaxID, a.Requester.NPI()) {
			outside = append(outside, Problem{Record: i, Reference: a.TraceNumber, Field: "requester",
				Message: "the requester's TIN and NPI are outside this token's scope"})
		}
	}
	if len(outside) > 0 {
		writeProblems(w, http.StatusForbidden, "out_of_scope", "records name providers outside the token's scope; nothing was queued", outside)
		return
	}
	if problems := fromMapping(mapping.CheckAuthorizations(reqs)); len(problems) > 0 {
		writeProblems(w, http.StatusUnprocessableEntity, "invalid_records", "the records do not pass validation; nothing was queued", problems)
		return
	}
	ids, err := s.Store.QueueAuthorizations(r.Context(), key, reqs)
	if err != nil {
		s.queueError(w, r, err)
		return
	}
	out := submitted{Status: "queued", Items: make([]submittedItem, len(ids))}
	for i, id := range ids {
		out.Items[i] = submittedItem{ID: id, Reference: reqs[i].TraceNumber, Href: "/v1/authorizations/" + strconv.FormatInt(id, 10)}
	}
	writeJSON(w, http.StatusAccepted, out)
}

func (s *Server) getAuthorization(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	a, err := s.Store.Authorization(r.Context(), id, scopeOf(tok))
	if s.found(w, r, err, "authorization") {
		s.view(w, r, a)
	}
}
