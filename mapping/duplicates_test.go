package mapping

import (
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping/payers"
)

// TestDuplicateClaims: a claim repeated in a file is flagged as the
// payer's policy says (a warning by default; rejected in the 277CA with
// the policy's status), inside the billing provider only: another
// provider's claim with the same numbers is not a duplicate. A submission
// is checked the same way (CheckClaims).
func TestDuplicateClaims(t *testing.T) {
	other := dmeClaim("DUP-1")
	other.BillingProvider.TaxID = "987654321"
	other.BillingProvider.ID = "1234567893"

	back, res, _ := readWithAcks(t, dmeClaim("DUP-1"), dmeClaim("DUP-1"), other)
	if len(res.Issues) != 1 || res.Issues[0].Rule != "duplicate-claim" || !res.Issues[0].Warning ||
		res.Issues[0].Err.SegmentID != "CLM" || !strings.Contains(res.Issues[0].Err.Msg, "claim 1 ") {
		t.Fatalf("warn: issues %v", res.Issues)
	}
	for _, c := range back {
		if c.Status != edigw.ClaimSubmitted {
			t.Errorf("warn: a claim is %s", c.Status)
		}
	}
	if ps := CheckClaims([]*edigw.Claim{dmeClaim("DUP-1"), dmeClaim("DUP-1")}); len(ps) != 0 {
		t.Errorf("warn: a submission refused: %v", ps)
	}

	defer func(f func(edigw.PayerID) payers.Duplicates) { duplicatePolicy = f }(duplicatePolicy)
	duplicatePolicy = func(edigw.PayerID) payers.Duplicates { return payers.Duplicates{Action: "reject"} }
	back, res, acks := readWithAcks(t, dmeClaim("DUP-1"), dmeClaim("DUP-1"), other)
	if len(res.Issues) != 1 || res.Issues[0].Warning {
		t.Fatalf("reject: issues %v", res.Issues)
	}
	if back[0].Status != edigw.ClaimSubmitted || back[1].Status != edigw.ClaimRejected || back[2].Status != edigw.ClaimSubmitted {
		t.Errorf("reject: statuses %s %s %s", back[0].Status, back[1].Status, back[2].Status)
	}
	if a277 := acks["277ca"].String(); strings.Count(a277, "STC*A3:78*") != 1 {
		t.Errorf("277CA:\n%s", a277)
	}
	ps := CheckClaims([]*edigw.Claim{dmeClaim("DUP-1"), dmeClaim("DUP-1")})
	if len(ps) != 1 || ps[0].Record != 1 || ps[0].Field != "patientControlNumber" {
		t.Errorf("reject: submission problems %v", ps)
	}
}
