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
	release, ok := s.admitSubmission(w, r)
	if !ok {
		return
	}
	defer release()
	key, ok := idempotencyKey(w, r, tok)
	if !ok {
		return
	}
	reqs, ok := decodeRecords[edigw.AuthorizationRequest](w, r, s.maxBody(), s.maxBatch())
	if !ok {
		return
	}
	check := newProviderCheck(s.Store, tok)
	var outside, invalid []mapping.Problem
	for i, a := range reqs {
		if a.PayerID == "" {
			a.PayerID = s.payer()
		}
		// A submission is a request: the decision comes from the payer.
		a.Status, a.Decision = edigw.AuthPending, nil
		// The requester asks; the service providers (SJ) it names are who
		// will perform the service, often another practice, and naming
		// them is the point of a request (decision 0007).
		ps, err := check.outside(r.Context(), i, "requester", "requester", a.Requester.TaxID, a.Requester.NPI())
		if err != nil {
			s.internal(w, r, err)
			return
		}
		outside = append(outside, ps...)
		invalid = append(invalid, s.payerProblem(i, a.PayerID)...)
	}
	if len(outside) > 0 {
		writeProblems(w, http.StatusForbidden, "out_of_scope", "records name providers outside the token's scope; nothing was queued", outside)
		return
	}
	if problems := byRecord(append(invalid, mapping.CheckAuthorizations(reqs)...)); len(problems) > 0 {
		writeProblems(w, http.StatusUnprocessableEntity, "invalid_records", "the records do not pass validation; nothing was queued", problems)
		return
	}
	ids, err := s.Store.QueueAuthorizationsIn(r.Context(), key, reqs, scopeOf(tok))
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
