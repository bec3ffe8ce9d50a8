package api

import (
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
	release, ok := s.admitSubmission(w, r)
	if !ok {
		return
	}
	defer release()
	reqs, ok := decodeRecords[claimStatusRequest](w, r, s.maxBody(), s.maxBatch())
	if !ok {
		return
	}
	check := newProviderCheck(s.Store, tok)
	inquiries := make([]*edigw.ClaimStatusInquiry, len(reqs))
	var outside, invalid []mapping.Problem
	for i, q := range reqs {
		switch {
		case (q.ClaimID > 0) == (q.Inquiry != nil):
			invalid = append(invalid, mapping.Problem{Record: i, Field: "claimId", Message: "give either claimId or inquiry"})
			continue
		case q.ClaimID > 0:
			c, err := s.Store.Claim(r.Context(), q.ClaimID, scopeOf(tok))
			if errors.Is(err, edigw.ErrNotFound) {
				writeError(w, http.StatusNotFound, "not_found", "no such claim")
				return
			}
			if err != nil {
				s.internal(w, r, err)
				return
			}
			inquiries[i] = mapping.ClaimStatusInquiryFor(c.Claim)
		default:
			inquiries[i] = q.Inquiry
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
			ps, err := check.outside(r.Context(), i, "provider", "provider", tin, npi)
			if err != nil {
				s.internal(w, r, err)
				return
			}
			outside = append(outside, ps...)
		}
		invalid = append(invalid, s.payerProblem(i, inquiries[i].PayerID)...)
		probe := &edigw.ClaimStatusResponse{PayerID: inquiries[i].PayerID, Payer: inquiries[i].Payer, Receiver: inquiries[i].Receiver,
			Provider: inquiries[i].Provider, ClaimStatusClaim: inquiries[i].ClaimStatusClaim}
		probe.TraceNumber = "CS" // the store assigns its own
		if err := mapping.CheckClaimStatusForWriting(probe, false); err != nil {
			var re *mapping.RecordError
			if errors.As(err, &re) {
				for _, reason := range re.Reasons {
					invalid = append(invalid, mapping.Problem{Record: i, Message: reason})
				}
			}
		}
	}
	if len(outside) > 0 {
		writeProblems(w, http.StatusForbidden, "out_of_scope", "records name providers outside the token's scope; nothing was queued", outside)
		return
	}
	if len(invalid) > 0 {
		writeProblems(w, http.StatusUnprocessableEntity, "invalid_records", "the inquiries cannot be sent as a 276; nothing was queued", invalid)
		return
	}
	claimIDs := make([]int64, len(reqs))
	for i, q := range reqs {
		claimIDs[i] = q.ClaimID
	}
	ids, err := s.Store.QueueClaimStatusInquiries(r.Context(), inquiries, claimIDs)
	if err != nil {
		s.queueError(w, r, err)
		return
	}
	out := submitted{Status: "queued", Items: make([]submittedItem, len(ids))}
	for i, id := range ids {
		out.Items[i] = submittedItem{ID: id, Reference: "CS" + strconv.FormatInt(id, 10), Href: "/v1/claim-status/" + strconv.FormatInt(id, 10)}
	}
	writeJSON(w, http.StatusAccepted, out)
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
