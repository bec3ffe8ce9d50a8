package mapping

import (
	"bytes"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping/codes"
)

// TestClaimStatusReasonLeavesUnknownEntities: STC10 and STC11 may name
// any entity of two or three characters (the guide lists none there), so
// an entity its code list does not know is left out of the reason, as
// decision 0009 and ClaimAckReason do: it may be anything the sender wrote.
func TestClaimStatusReasonLeavesUnknownEntities(t *testing.T) {
	if codes.EntityIdentifier.Describe("Q9X") != "" || codes.EntityIdentifier.Describe("85") == "" {
		t.Fatal("the test's entities")
	}
	r := &edigw.ClaimStatusResponse{Statuses: []edigw.ClaimStatusDetail{{StatusCodes: []edigw.StatusCode{
		{Category: "F2", Status: "88"}, {Category: "F2", Status: "562", Entity: "85"}, {Category: "F2", Status: "21", Entity: "Q9X"},
		{Category: "F2", Status: "21", Entity: "Q9X", CodeList: "RX"}}}}}
	if u := ClaimStatusResponseUpdate(r); u.Reason != "277 F2:88 F2:562:85 F2:21 F2:21::RX" {
		t.Errorf("reason %q", u.Reason)
	}
}

// TestClaimStatusReasonOfAValidSet: the validator accepts any entity in
// STC10, and the claim's reason leaves it out.
func TestClaimStatusReasonOfAValidSet(t *testing.T) {
	in := claimStatusFixtures(t)["claimstatus-277.edi"]
	stc := []byte("STC*F1:65*20260304**1500*1200*20260303**20260304*EFT0304117")
	if bytes.Count(in, stc) != 1 {
		t.Fatal("the fixture's STC")
	}
	in = bytes.Replace(in, stc, append(stc, []byte("*F1:65:Q9X")...), 1)
	_, rs := readClaimStatus(t, "277", in)
	if u := ClaimStatusResponseUpdate(rs[0]); u.Reason != "277 F1:65 F1:65" {
		t.Errorf("reason %q", u.Reason)
	}
}
