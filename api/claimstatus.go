package api

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// claimStatusRequest is one claim status inquiry asked of the API: about a
// claim the gateway holds (claimId, in the token's scope), or by the
// fields of a 276 (inquiry).
type claimStatusRequest struct {
	ClaimID int64                     `json:"claimId,string,omitempty"`
	Inquiry *edigw.ClaimStatusInquiry `json:"inquiry,omitempty"`
}

// submitClaimStatus queues 276 inquiries for the next outbound file to
// the payer and answers 202 with their IDs; GET /v1/claim-status/{id}
// gives the 277's answer once it arrives. A claim outside the token's
// scope is 404, as one that does not exist; an inquiry naming a provider
// outside it is 403. The trace number is the gateway's own.
func (s *Server) submitClaimStatus(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	var inquiries []*edigw.ClaimStatusInquiry
	submit(s, w, r, tok, submission[claimStatusRequest]{
		record: func(ctx context.Context, i int, q *claimStatusRequest, check *providerCheck) (outside, invalid []mapping.Problem, err error) {
			inquiries = append(inquiries, nil) // records come in order: this is inquiries[i]
			var inquiry *edigw.ClaimStatusInquiry
			switch {
			case (q.ClaimID > 0) == (q.Inquiry != nil):
				return nil, []mapping.Problem{{Record: i, Field: "claimId", Message: "give either claimId or inquiry"}}, nil
			case q.ClaimID > 0:
				c, err := s.Store.Claim(ctx, q.ClaimID, scopeOf(tok))
				if errors.Is(err, edigw.ErrNotFound) {
					return nil, nil, &answered{status: http.StatusNotFound, code: "not_found", detail: "no such claim"}
				}
				if err != nil {
					return nil, nil, err
				}
				inquiry = mapping.ClaimStatusInquiryFor(c.Claim)
			default:
				inquiry = q.Inquiry
				if q.Inquiry.PayerID == "" {
					q.Inquiry.PayerID = s.payer()
				}
				tin, npi := "", ""
				switch q.Inquiry.Provider.IDQualifier {
				case "FI":
					tin = q.Inquiry.Provider.ID
				case "XX":
					npi = q.Inquiry.Provider.ID
				}
				if outside, err = check.outside(ctx, i, "provider", "provider", tin, npi); err != nil {
					return nil, nil, err
				}
			}
			inquiries[i] = inquiry
			invalid = s.payerProblem(i, inquiry.PayerID)
			probe := &edigw.ClaimStatusResponse{PayerID: inquiry.PayerID, Payer: inquiry.Payer, Receiver: inquiry.Receiver,
				Provider: inquiry.Provider, ClaimStatusClaim: inquiry.ClaimStatusClaim}
			probe.TraceNumber = "CS" // the store assigns its own
			if err := mapping.CheckClaimStatusForWriting(probe, false); err != nil {
				var re *mapping.RecordError
				if errors.As(err, &re) {
					for _, reason := range re.Reasons {
						invalid = append(invalid, mapping.Problem{Record: i, Message: reason})
					}
				}
			}
			return outside, invalid, nil
		},
		invalidDetail: "the inquiries cannot be sent as a 276; nothing was queued",
		queue: func(ctx context.Context, _ string, reqs []*claimStatusRequest) ([]int64, error) {
			claimIDs := make([]int64, len(reqs))
			for i, q := range reqs {
				claimIDs[i] = q.ClaimID
			}
			return s.Store.QueueClaimStatusInquiries(ctx, inquiries, claimIDs)
		},
		href: "/v1/claim-status/",
		item: func(_ *claimStatusRequest, id int64) submittedItem {
			return submittedItem{Reference: "CS" + strconv.FormatInt(id, 10)}
		},
	})
}

// getClaimStatus returns an inquiry in scope: queued, sent, or answered
// with the 277's claim (statuses with their descriptions).
func (s *Server) getClaimStatus(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	q, err := s.Store.ClaimStatusInquiry(r.Context(), id, scopeOf(tok))
	if s.found(w, r, err, "claim status inquiry") {
		s.view(w, r, q)
	}
}
