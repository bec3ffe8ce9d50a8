package api

import (
	"context"
	"net/http"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// submitEligibility queues 270 inquiries (POST /v1/eligibility): the
// requesting provider (receiver) must be in the token's scope, the
// inquiry must write as a valid 270, and the answer comes later (GET
// /v1/eligibility/{id}, event eligibility.received).
func (s *Server) submitEligibility(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	submit(s, w, r, tok, submission[edigw.EligibilityInquiry]{
		idempotent: true,
		record: func(ctx context.Context, i int, q *edigw.EligibilityInquiry, check *providerCheck) ([]mapping.Problem, []mapping.Problem, error) {
			if q.PayerID == "" {
				q.PayerID = s.payer()
			}
			outside, err := check.outside(ctx, i, "receiver", "receiver", q.Receiver.TaxID, q.Receiver.NPI())
			invalid := s.payerProblem(i, q.PayerID)
			if q.TraceNumber == "" {
				invalid = append(invalid, mapping.Problem{Record: i, Field: "traceNumber", Message: "traceNumber (TRN02) is required: the answer echoes it"})
			}
			return outside, invalid, err
		},
		validate: func(_ *http.Request, inqs []*edigw.EligibilityInquiry, invalid []mapping.Problem) ([]mapping.Problem, error) {
			return byRecord(append(invalid, mapping.CheckEligibilityInquiries(inqs)...)), nil
		},
		queue: s.Store.QueueEligibility,
		href:  "/v1/eligibility/",
		item: func(q *edigw.EligibilityInquiry, _ int64) submittedItem {
			return submittedItem{Reference: q.TraceNumber}
		},
	})
}

// getEligibility returns an inquiry with its answer once the 271 came.
func (s *Server) getEligibility(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	e, err := s.Store.Eligibility(r.Context(), id, scopeOf(tok))
	if s.found(w, r, err, "eligibility inquiry") {
		s.view(w, r, e)
	}
}
