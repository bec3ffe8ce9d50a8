package mapping

import (
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// Reasons name codes with their code-list descriptions and leave out what
// a list does not know (it may be anything the sender wrote).
func TestReasons(t *testing.T) {
	cp := &edigw.ClaimPayment{StatusCode: "1", Charge: 10000, Paid: 8000, PatientControlNumber: "PCN-SECRET",
		Adjustments: []edigw.Adjustment{{Group: "PR", Reason: "1", Amount: 1500}, {Group: "ZZ", Reason: "1"}, {Group: "CO", Reason: "NOPE"}},
		Services: []edigw.ServicePayment{{Adjustments: []edigw.Adjustment{{Group: "CO", Reason: "45", Amount: 500}, {Group: "PR", Reason: "1"}},
			RemarkCodes: []string{"N130", "SECRET"}}}}
	got := PaymentReason(cp)
	want := "835: CLP02 1 (Processed as primary); CARC PR-1 (Patient responsibility: Deductible Amount); " +
		"CARC CO-45 (Contractual obligations: Charge exceeds fee schedule/maximum allowable or contracted/legislated fee arrangement); " +
		"RARC N130 ("
	if len(got) < len(want) || got[:len(want)] != want {
		t.Errorf("835 reason\n%s\nwant it to begin\n%s", got, want)
	}
	for _, v := range []string{"SECRET", "NOPE", "ZZ", "15", "80"} {
		if strings.Contains(got, v) {
			t.Errorf("835 reason holds %q: %s", v, got)
		}
	}
	if got := PaymentReason(&edigw.ClaimPayment{StatusCode: "99X"}); got != "835" {
		t.Errorf("unknown CLP02: %q", got)
	}

	st := []edigw.StatusInfo{{Codes: []edigw.StatusCode{{Category: "A7", Status: "562", Entity: "85"}, {Category: "A7", Status: "XYZ"}}}}
	if got := ClaimAckReason(st); got != "277CA: A7:562:85 (Acknowledgement: rejected for invalid information / "+
		"Entity's National Provider Identifier (NPI) / Billing provider); A7 (Acknowledgement: rejected for invalid information)" {
		t.Errorf("277CA reason %q", got)
	}
	if got := SetAckReason(&edigw.SetAck{Code: "E", Errors: []string{"5"}}); got != "999: IK501 E (Accepted, but errors were noted); IK502 5 (One or more segments in error)" {
		t.Errorf("999 reason %q", got)
	}
	if got := GroupAckReason(&edigw.GroupAck{Code: "R", Errors: []string{"2"}}); got[:25] != "999: AK901 R (Rejected); " {
		t.Errorf("AK9 reason %q", got)
	}
	if got := receiptReason(false, "A7:400"); got != "277CA: A7:400 (Acknowledgement: rejected for invalid information / Claim is out of balance)" {
		t.Errorf("receipt reason %q", got)
	}
}
