package mapping

import (
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping/codes"
)

// ClaimStatusFromCategory is where a 277 (X212) claim status moves its
// claim, decided by the status category (STC01-1, code source 507) of the
// claim's first STC, the current one:
//
//   - F1 (finalized, payment) paid; partially paid when the payment
//     (STC05) is less than the charge (STC04) and not zero; processed
//     when it is zero.
//   - F2 (finalized, denial) denied.
//   - F0 (finalized), F3 and F3N (finalized, revised; not forwarded) and
//     F4 (adjudication complete, no payment forthcoming) processed.
//   - F3F (finalized, forwarded) forwarded.
//   - P0-P5 (pending) pended.
//
// Anything else decides nothing: acknowledgment categories (A0-A8, which
// the 277CA speaks), requests for information (R*), errors (E*), data
// search unsuccessful (D0) and F5 (cannot process), which leaves the claim
// where the 999, 277CA or 835 put it.
func ClaimStatusFromCategory(d edigw.ClaimStatusDetail) edigw.ClaimStatus {
	switch c := d.Category(); {
	case c == "F1":
		switch {
		case d.Payment == nil || d.Charge == nil || *d.Payment >= *d.Charge:
			return edigw.ClaimPaid
		case *d.Payment == 0:
			return edigw.ClaimProcessed
		default:
			return edigw.ClaimPartiallyPaid
		}
	case c == "F2":
		return edigw.ClaimDenied
	case c == "F0" || c == "F3" || c == "F3N" || c == "F4":
		return edigw.ClaimProcessed
	case c == "F3F":
		return edigw.ClaimForwarded
	case len(c) == 2 && c[0] == 'P' && c[1] >= '0' && c[1] <= '5':
		return edigw.ClaimPended
	}
	return ""
}

// ClaimStatusMovesFrom are the claim statuses a 277 (X212) may move a
// claim from: one not yet adjudicated (submitted, accepted) or pended.
// Once an 835 paid, denied or reversed it, or a 277CA or 999 rejected it,
// an answer to an inquiry does not move it back. A new slice each call.
func ClaimStatusMovesFrom() []edigw.ClaimStatus {
	return []edigw.ClaimStatus{edigw.ClaimSubmitted, edigw.ClaimAccepted, edigw.ClaimPended}
}

// ClaimStatusResponseUpdate is what a 277 (X212) claim decides for the
// claim it answers: matched by its patient control number (REF*EJ)
// inside the file's partner, the service provider the 277 names (2100C:
// its NPI or TIN) and the envelope (the 837 went from the 277's ISA08 to
// its ISA06), as a 277CA claim is (docs/clearinghouse.md, Matching
// rules); never by the trace number, which the inquirer chose. The
// payer's claim control number (REF*1K) only narrows a match. Every
// claim gives an update, also one that decides nothing, so that it is
// matched (claim_status.received) or reported.
func ClaimStatusResponseUpdate(r *edigw.ClaimStatusResponse) edigw.ClaimStatusUpdate {
	u := edigw.ClaimStatusUpdate{PayerID: r.PayerID, PatientControlNumber: r.PatientControlNumber,
		SenderID: strings.TrimSpace(r.InterchangeReceiver), ReceiverID: strings.TrimSpace(r.InterchangeSender),
		PayerClaimNumber: r.PayerClaimControlNumber, MovesFrom: ClaimStatusMovesFrom(),
		Received: edigw.EventClaimStatusReceived, ClaimStatus: r,
		Answer: "277 X212 ISA13 " + strings.TrimSpace(r.InterchangeNumber)}
	switch r.Provider.IDQualifier {
	case "XX":
		u.ProviderNPI = r.Provider.ID
	case "FI":
		u.ProviderTIN = r.Provider.ID
	}
	if len(r.Statuses) > 0 {
		d := r.Statuses[0]
		u.Status = ClaimStatusFromCategory(d)
		var known []string
		for _, c := range d.StatusCodes {
			// The guide checks the category and status codes against
			// their lists, and STC01's entity; STC10 and STC11 may name
			// any entity, which is left out unless its list knows it
			// (decision 0009: codes, never a value of the set).
			if codes.EntityIdentifier.Describe(c.Entity) == "" {
				c.Entity = ""
			}
			known = append(known, c.String())
		}
		u.Reason = "277 " + strings.Join(known, " ")
	}
	return u
}
