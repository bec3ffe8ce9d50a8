package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// submitClaims queues claims for the next outbound 837, after the checks
// an inbound 837 gets: the guide, balancing and code sets.
func (s *Server) submitClaims(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	submit(s, w, r, tok, submission[edigw.Claim]{
		idempotent: true,
		record: func(ctx context.Context, i int, c *edigw.Claim, check *providerCheck) ([]mapping.Problem, []mapping.Problem, error) {
			if c.PayerID == "" {
				c.PayerID = s.payer()
			}
			if c.Payer.ID == "" {
				c.Payer.ID = string(c.PayerID)
			}
			if c.Kind == "" {
				c.Kind = edigw.Professional
			}
			c.Status = edigw.ClaimSubmitted
			c.AuthorizationFindings = nil // edigw's to find, never the sender's to say
			// The billing provider is whom the claim is for and whom it pays;
			// rendering, referring and attending providers are people the
			// billing provider names and scope nothing (decision 0007).
			outside, err := check.outside(ctx, i, "billingProvider", "billing provider",
				c.BillingProvider.TaxID, c.BillingProvider.NPI())
			return outside, s.payerProblem(i, c.PayerID), err
		},
		validate: func(r *http.Request, claims []*edigw.Claim, invalid []mapping.Problem) ([]mapping.Problem, error) {
			if problems := byRecord(append(invalid, mapping.CheckClaims(claims)...)); len(problems) > 0 {
				return problems, nil
			}
			// Prior authorization (SNIP 7), as an inbound 837 gets it: findings
			// the payer profile rejects refuse the submission, the others ride on
			// the claims (stored, answered below, claim.authorization_warning).
			return s.checkAuthorizations(r, claims)
		},
		queue: s.Store.QueueClaims,
		href:  "/v1/claims/",
		item: func(c *edigw.Claim, _ int64) submittedItem {
			return submittedItem{Reference: c.PatientControlNumber, AuthorizationFindings: c.AuthorizationFindings}
		},
	})
}

// submitted answers a submission: the store IDs in submission order.
type submitted struct {
	Status string          `json:"status"`
	Items  []submittedItem `json:"items"`
}

type submittedItem struct {
	ID        int64  `json:"id,string"`
	Reference string `json:"reference"` // patientControlNumber or traceNumber
	Href      string `json:"href"`
	// AuthorizationFindings are a claim's prior-authorization warnings.
	AuthorizationFindings []edigw.AuthorizationFinding `json:"authorizationFindings,omitempty"`
}

// byRecord orders problems by record, keeping each record's in order.
func byRecord(ps []mapping.Problem) []mapping.Problem {
	slices.SortStableFunc(ps, func(a, b mapping.Problem) int { return a.Record - b.Record })
	return ps
}

// maxIdempotencyKey bounds an Idempotency-Key header.
const maxIdempotencyKey = 200

// idempotencyKey reads the Idempotency-Key header, scoped to the token so
// that two billing systems' keys never collide; "" when none was sent.
func idempotencyKey(w http.ResponseWriter, r *http.Request, tok *edigw.Token) (string, bool) {
	k := r.Header.Get("Idempotency-Key")
	if k == "" {
		return "", true
	}
	if len(k) > maxIdempotencyKey || !printable(k) {
		closeUnread(w, r)
		writeError(w, http.StatusBadRequest, "bad_idempotency_key",
			"Idempotency-Key must be 1 to "+strconv.Itoa(maxIdempotencyKey)+" printable ASCII characters")
		return "", false
	}
	return strconv.FormatInt(tok.ID, 10) + ":" + k, true
}

func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

func (s *Server) queueError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, edigw.ErrIdempotencyConflict) {
		writeError(w, http.StatusConflict, "idempotency_conflict",
			"this Idempotency-Key was used with a different submission; use a new key for new records")
		return
	}
	s.internal(w, r, err)
}

func (s *Server) getClaim(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	if c, ok := s.pathClaim(w, r, tok); ok {
		s.view(w, r, c)
	}
}

// pathClaim reads the claim the path's {id} names, in the token's scope
// (another provider's claim is 404, as one that does not exist); when ok
// is false the request has been answered.
func (s *Server) pathClaim(w http.ResponseWriter, r *http.Request, tok *edigw.Token) (*edigw.StoredClaim, bool) {
	id, ok := pathID(w, r)
	if !ok {
		return nil, false
	}
	c, err := s.Store.Claim(r.Context(), id, scopeOf(tok))
	if !s.found(w, r, err, "claim") {
		return nil, false
	}
	return c, true
}

// found answers 404 for ErrNotFound (also for records outside the scope:
// their existence is not revealed) and 500 for other errors.
func (s *Server) found(w http.ResponseWriter, r *http.Request, err error, what string) bool {
	switch {
	case errors.Is(err, edigw.ErrNotFound):
		writeError(w, http.StatusNotFound, "not_found", "no such "+what)
		return false
	case err != nil:
		s.internal(w, r, err)
		return false
	}
	return true
}

// view writes a record as its JSON view: codes with their descriptions.
// The whole view is built before the first byte goes out, so that an
// encoding error can still be a 500.
func (s *Server) view(w http.ResponseWriter, r *http.Request, v any) {
	raw, err := json.Marshal(v)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	out, err := mapping.AppendView(make([]byte, 0, len(raw)+len(raw)/4+1), raw)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(append(out, '\n'))
}
