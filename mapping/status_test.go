package mapping

import (
	"slices"
	"testing"

	"github.com/edigw/edigw"
)

// TestPaymentStatus pins where an 835 claim payment moves its claim, and
// that its reason names the element and a listed code, never a value.
func TestPaymentStatus(t *testing.T) {
	for _, c := range []struct {
		code         string
		charge, paid edigw.Amount
		want         edigw.ClaimStatus
		reason       string
	}{
		{"1", 100, 100, edigw.ClaimPaid, "835 CLP02 1"},
		{"2", 100, 40, edigw.ClaimPartiallyPaid, "835 CLP02 2"},
		{"1", 100, 0, edigw.ClaimProcessed, "835 CLP02 1"},
		{"2", 100, 0, edigw.ClaimProcessed, "835 CLP02 2"},
		{"19", 100, 100, edigw.ClaimPaid, "835 CLP02 19"},
		{"23", 100, 0, edigw.ClaimForwarded, "835 CLP02 23"},
		{"4", 100, 100, edigw.ClaimDenied, "835 CLP02 4"},
		{"22", 100, -100, edigw.ClaimReversed, "835 CLP02 22"},
		{"SECRET", 100, 100, edigw.ClaimPaid, "835 CLP02"},
	} {
		st, reason := PaymentStatus(&edigw.ClaimPayment{StatusCode: c.code, Charge: c.charge, Paid: c.paid})
		if st != c.want || reason != c.reason {
			t.Errorf("CLP02 %q %d/%d: %q %q, want %q %q", c.code, c.paid, c.charge, st, reason, c.want, c.reason)
		}
	}
}

// TestDecideAuthorization: HCR01 gives the worklist status, on the record
// and on each decision; an action that gives none leaves the request
// Pending and its decision without a status.
func TestDecideAuthorization(t *testing.T) {
	for action, want := range map[string]edigw.AuthorizationStatus{"A1": edigw.AuthApproved, "A2": edigw.AuthPartiallyApproved,
		"A6": edigw.AuthPartiallyApproved, "A3": edigw.AuthDenied, "A4": edigw.AuthPending, "CT": edigw.AuthCancelled, "NA": ""} {
		a := &edigw.AuthorizationRequest{Decision: &edigw.Decision{Action: action},
			Services: []edigw.RequestedService{{Decision: &edigw.Decision{Action: action}}, {}}}
		DecideAuthorization(a)
		record := want
		if want == "" {
			record = edigw.AuthPending
		}
		if a.Status != record || a.Decision.Status != want || a.Services[0].Decision.Status != want {
			t.Errorf("HCR01 %s: %q, decision %q, service %q; want %q", action, a.Status, a.Decision.Status, a.Services[0].Decision.Status, want)
		}
	}
}

// TestAcknowledgmentMovesNoPaidClaim: every update an acknowledgment
// gives may move a claim only from submitted, accepted or rejected.
func TestAcknowledgmentMovesNoPaidClaim(t *testing.T) {
	a := &edigw.Acknowledgment{Kind: edigw.AckTA1, Interchange: &edigw.InterchangeAck{ControlNumber: "000000001", Code: "R", NoteCode: "022"}}
	DecideAcknowledgment(a)
	if a.Accepted || len(a.StatusUpdates) != 1 {
		t.Fatalf("TA1 R: accepted %v, %d updates", a.Accepted, len(a.StatusUpdates))
	}
	for _, s := range []edigw.ClaimStatus{edigw.ClaimPaid, edigw.ClaimPartiallyPaid, edigw.ClaimDenied, edigw.ClaimReversed} {
		if slices.Contains(a.StatusUpdates[0].MovesFrom, s) {
			t.Errorf("a TA1 may move a %s claim", s)
		}
	}
	if !slices.Equal(a.StatusUpdates[0].MovesFrom, []edigw.ClaimStatus{edigw.ClaimSubmitted, edigw.ClaimAccepted, edigw.ClaimRejected}) {
		t.Errorf("moves from %v", a.StatusUpdates[0].MovesFrom)
	}
}
