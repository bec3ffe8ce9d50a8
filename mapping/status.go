package mapping

import (
	"strconv"
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping/codes"
)

// The X12 meaning of the codes that move claims and authorizations lives
// here (and, for HCR01, in codes.AuthorizationStatus): mapping derives the
// statuses and status updates when it reads a record, and storage only
// saves them (docs/architecture.md, "Where X12 rules live").

// DecideAuthorization gives a 278 record its worklist status: its event
// decision's (HCR01), else Pending; and each decision the status its
// action gives.
func DecideAuthorization(a *edigw.AuthorizationRequest) {
	a.Status = edigw.AuthPending
	if a.Decision != nil {
		a.Decision.Status, _ = codes.AuthorizationStatus(a.Decision.Action)
		if a.Decision.Status != "" {
			a.Status = a.Decision.Status
		}
	}
	for i := range a.Services {
		if d := a.Services[i].Decision; d != nil {
			d.Status, _ = codes.AuthorizationStatus(d.Action)
		}
	}
}

// DecideRemittance gives each claim payment of an 835 the status it moves
// its claim to and why (PaymentStatus).
func DecideRemittance(rm *edigw.Remittance) {
	for i := range rm.Claims {
		cp := &rm.Claims[i]
		cp.ClaimStatus, _ = PaymentStatus(cp)
		cp.StatusReason = PaymentReason(cp) // reasons.go
	}
}

// claimPaymentStatuses are the codes of CLP02 (code list 1029).
var claimPaymentStatuses = map[string]bool{"1": true, "2": true, "3": true, "4": true, "19": true, "20": true,
	"21": true, "22": true, "23": true, "25": true}

// PaymentStatus is where an 835 claim payment moves its claim, decided
// by CLP02 (code list 1029) and never by the amount alone (decision 0019,
// docs/mapping.md "Claim status from the 835"):
//
//   - 22 reverses an earlier payment: reversed.
//   - 4 denies the claim: denied.
//   - 23 (not our claim, forwarded): forwarded.
//   - 1, 2, 3 (processed as primary, secondary, tertiary), 19, 20, 21
//     (the same, forwarded to additional payers) and 25 (predetermination
//     pricing only) process the claim; the amount then says how it was
//     paid: paid in full (CLP04 >= CLP03) paid, some of it partially
//     paid, nothing processed (the payer processed the claim and paid
//     nothing, e.g. everything went to the deductible as patient
//     responsibility: not a denial).
//
// A code outside the list is read as processed, by amount (the 835's
// code-set check reports the code). The reason names the element and its
// code, never a value (a code outside the list is not repeated).
func PaymentStatus(cp *edigw.ClaimPayment) (edigw.ClaimStatus, string) {
	reason := "835 CLP02"
	if claimPaymentStatuses[cp.StatusCode] {
		reason += " " + cp.StatusCode
	}
	switch cp.StatusCode {
	case "22":
		return edigw.ClaimReversed, reason
	case "4":
		return edigw.ClaimDenied, reason
	case "23":
		return edigw.ClaimForwarded, reason
	}
	switch {
	case cp.Paid <= 0:
		return edigw.ClaimProcessed, reason
	case cp.Paid >= cp.Charge:
		return edigw.ClaimPaid, reason
	}
	return edigw.ClaimPartiallyPaid, reason
}

// AckMovesFrom are the claim statuses an acknowledgment (TA1, 999, 277CA)
// may still move a claim from: not once an 835 has paid, denied or
// reversed it. A new slice each call.
func AckMovesFrom() []edigw.ClaimStatus {
	return []edigw.ClaimStatus{edigw.ClaimSubmitted, edigw.ClaimAccepted, edigw.ClaimRejected}
}

// DecideAcknowledgment gives an acknowledgment edigw read what it decides:
// Accepted (AckAccepted) and StatusUpdates (ClaimStatusUpdates).
func DecideAcknowledgment(a *edigw.Acknowledgment) {
	a.Accepted = AckAccepted(a)
	a.StatusUpdates = ClaimStatusUpdates(a)
}

// AckAccepted reports whether an acknowledgment accepted everything it
// answers: a TA1 A, a 999 whose group is A (or E: accepted with errors
// noted), a 277CA that rejects no claim.
func AckAccepted(a *edigw.Acknowledgment) bool {
	switch {
	case a.Interchange != nil:
		return a.Interchange.Code == "A" || a.Interchange.Code == "E"
	case a.Group != nil:
		return a.Group.Code == "A" || a.Group.Code == "E"
	case a.Claims != nil:
		for _, c := range a.Claims.ClaimStatuses() {
			if ClaimStatusOf(c.Statuses) == edigw.ClaimRejected {
				return false
			}
		}
		return true
	}
	return false
}

// ClaimStatusOf says what a claim's status segments decide: rejected
// when any category rejects it (A3 returned as unprocessable, A6 missing
// information, A7 invalid information, A8 relational field in error),
// accepted when one acknowledges receipt or acceptance (A1, A2, A5 split
// on acceptance), and "" when they decide nothing (A0 forwarded, A4 not
// found, or a pended or finalized category).
func ClaimStatusOf(statuses []edigw.StatusInfo) edigw.ClaimStatus {
	var out edigw.ClaimStatus
	for _, st := range statuses {
		for _, c := range st.Codes {
			switch c.Category {
			case "A3", "A6", "A7", "A8":
				return edigw.ClaimRejected
			case "A1", "A2", "A5":
				out = edigw.ClaimAccepted
			}
		}
	}
	return out
}

// ClaimStatusUpdates gives the claim status changes an acknowledgment of
// claims edigw sent decides: a TA1 that rejects an interchange rejects its
// claims; a 999 rejects the claims of each 837 set it rejects (all sets of
// the group when AK9 rejects it with no set named); a 277CA accepts or
// rejects each claim by its patient control number, its billing provider
// (2000C) and the envelope (docs/clearinghouse.md, Matching rules). Every
// claim of a 277CA gives an update, also one that decides nothing (Status
// empty) or has no patient control number: the store matches each, for
// the file's audience, and reports those it cannot find. The acknowledged
// envelope went the other way: its sender is this acknowledgment's
// receiver.
func ClaimStatusUpdates(a *edigw.Acknowledgment) []edigw.ClaimStatusUpdate {
	var out []edigw.ClaimStatusUpdate
	sent := edigw.ClaimStatusUpdate{PayerID: a.PayerID, SenderID: strings.TrimSpace(a.ReceiverID), ReceiverID: strings.TrimSpace(a.SenderID),
		Status: edigw.ClaimRejected, MovesFrom: AckMovesFrom(), Answer: a.EnvelopeName()}
	switch {
	case a.Interchange != nil:
		if a.Interchange.Code == "R" {
			u := sent
			u.InterchangeNumber = a.Interchange.ControlNumber
			u.Reason = InterchangeAckReason(a.Interchange)
			out = append(out, u)
		}
	case a.Group != nil:
		g := a.Group
		if g.FunctionalID != "HC" {
			return nil // only 837s become claims
		}
		for _, s := range g.Sets {
			if s.Rejected() {
				u := sent
				u.GroupNumber, u.SetNumber = g.ControlNumber, s.ControlNumber
				u.Reason = SetAckReason(&s)
				out = append(out, u)
			}
		}
		if len(g.Sets) == 0 && g.Code == "R" {
			u := sent
			u.GroupNumber = g.ControlNumber
			u.Reason = GroupAckReason(g)
			out = append(out, u)
		}
	case a.Claims != nil:
		n := 0 // the claim's place in the set, for reports
		for _, src := range a.Claims.Sources {
			for _, p := range src.Providers {
				npi, tin := p.Identifiers()
				for _, pat := range p.Patients {
					for _, c := range pat.Claims {
						n++
						// A claim whose statuses decide nothing (A4 not
						// found, pended) moves nothing, but it is matched
						// all the same: the file names its patient.
						st := ClaimStatusOf(c.Statuses)
						u := sent
						u.Status, u.Reason, u.PayerClaimNumber = st, ClaimAckReason(c.Statuses), c.PayerClaimNumber
						u.PatientControlNumber, u.ProviderNPI, u.ProviderTIN = c.PatientControlNumber, npi, tin
						u.BatchNumber = src.BatchNumber
						u.Answer = a.EnvelopeName() + " 2200D " + strconv.Itoa(n)
						out = append(out, u)
					}
				}
			}
		}
	}
	return out
}
