package api

import (
	"context"
	"net/http"
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// EligibilityStore is what the eligibility routes ask of the store
// (storage.DB is one). It is apart from Store so that the stores the
// other routes' tests fake need not grow: a Store without it answers 501.
type EligibilityStore interface {
	// QueueEligibility adds inquiries to the next outbound 270 to their
	// payer, with the idempotency of QueueClaims.
	QueueEligibility(ctx context.Context, idempotencyKey string, inquiries []*edigw.EligibilityInquiry) ([]int64, error)
	// Eligibility reads an inquiry and its answer inside the scope.
	Eligibility(ctx context.Context, id int64, scope *edigw.Scope) (*edigw.StoredEligibility, error)
}

func (s *Server) eligibilityStore(w http.ResponseWriter) (EligibilityStore, bool) {
	es, ok := s.Store.(EligibilityStore)
	if !ok {
		writeError(w, http.StatusNotImplemented, "not_implemented", "this gateway's store keeps no eligibility inquiries")
	}
	return es, ok
}

// submitEligibility queues 270 inquiries (POST /v1/eligibility): the
// requesting provider (receiver) must be in the token's scope, the
// inquiry must write as a valid 270, and the answer comes later (GET
// /v1/eligibility/{id}, event eligibility.received).
func (s *Server) submitEligibility(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	es, ok := s.eligibilityStore(w)
	if !ok {
		return
	}
	release, ok := s.admitSubmission(w, r)
	if !ok {
		return
	}
	defer release()
	key, ok := idempotencyKey(w, r, tok)
	if !ok {
		return
	}
	inqs, ok := decodeRecords[edigw.EligibilityInquiry](w, r, s.maxBody(), s.maxBatch())
	if !ok {
		return
	}
	check := newProviderCheck(s.Store, tok)
	var outside, invalid []mapping.Problem
	for i, q := range inqs {
		if q.PayerID == "" {
			q.PayerID = s.payer()
		}
		ps, err := check.outside(r.Context(), i, "receiver", "receiver", q.Receiver.TaxID, q.Receiver.NPI())
		if err != nil {
			s.internal(w, r, err)
			return
		}
		outside = append(outside, ps...)
		invalid = append(invalid, s.payerProblem(i, q.PayerID)...)
		if q.TraceNumber == "" {
			invalid = append(invalid, mapping.Problem{Record: i, Field: "traceNumber", Message: "traceNumber (TRN02) is required: the answer echoes it"})
		}
	}
	if len(outside) > 0 {
		writeProblems(w, http.StatusForbidden, "out_of_scope", "records name providers outside the token's scope; nothing was queued", outside)
		return
	}
	if problems := byRecord(append(invalid, mapping.CheckEligibilityInquiries(inqs)...)); len(problems) > 0 {
		writeProblems(w, http.StatusUnprocessableEntity, "invalid_records", "the records do not pass validation; nothing was queued", problems)
		return
	}
	ids, err := es.QueueEligibility(r.Context(), key, inqs)
	if err != nil {
		s.queueError(w, r, err)
		return
	}
	out := submitted{Status: "queued", Items: make([]submittedItem, len(ids))}
	for i, id := range ids {
		out.Items[i] = submittedItem{ID: id, Reference: inqs[i].TraceNumber, Href: "/v1/eligibility/" + strconv.FormatInt(id, 10)}
	}
	writeJSON(w, http.StatusAccepted, out)
}

// getEligibility returns an inquiry with its answer once the 271 came.
func (s *Server) getEligibility(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	es, ok := s.eligibilityStore(w)
	if !ok {
		return
	}
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	e, err := es.Eligibility(r.Context(), id, scopeOf(tok))
	if s.found(w, r, err, "eligibility inquiry") {
		s.view(w, r, e)
	}
}
