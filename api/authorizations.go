package api

import (
	"context"
	"net/http"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// submitAuthorizations queues 278 requests for the next outbound file,
// after the checks an inbound 278 gets.
func (s *Server) submitAuthorizations(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	submit(s, w, r, tok, submission[edigw.AuthorizationRequest]{
		idempotent: true,
		record: func(ctx context.Context, i int, a *edigw.AuthorizationRequest, check *providerCheck) ([]mapping.Problem, []mapping.Problem, error) {
			if a.PayerID == "" {
				a.PayerID = s.payer()
			}
			// A submission is a request: the decision comes from the payer.
			a.Status, a.Decision = edigw.AuthPending, nil
			// The requester asks; the service providers (SJ) it names are who
			// will perform the service, often another practice, and naming
			// them is the point of a request (decision 0007).
			outside, err := check.outside(ctx, i, "requester", "requester", a.Requester.TaxID, a.Requester.NPI())
			return outside, s.payerProblem(i, a.PayerID), err
		},
		validate: func(_ *http.Request, reqs []*edigw.AuthorizationRequest, invalid []mapping.Problem) ([]mapping.Problem, error) {
			return byRecord(append(invalid, mapping.CheckAuthorizations(reqs)...)), nil
		},
		queue: func(ctx context.Context, key string, reqs []*edigw.AuthorizationRequest) ([]int64, error) {
			return s.Store.QueueAuthorizationsIn(ctx, key, reqs, scopeOf(tok))
		},
		href: "/v1/authorizations/",
		item: func(a *edigw.AuthorizationRequest, _ int64) submittedItem {
			return submittedItem{Reference: a.TraceNumber}
		},
	})
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
