package mapping

import (
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
)

// TestLifecycleRulesRejectTheClaim: a replacement or void without REF*F8,
// and a line item control number two lines share, reject their claim in
// the 277CA (A7 at the element), not the set; with REF*F8 a replacement
// passes.
func TestLifecycleRulesRejectTheClaim(t *testing.T) {
	for _, tc := range []struct {
		name    string
		spoil   func(c *edigw.Claim)
		rule    string
		segment string
		element int
		status  string
	}{
		{"replacement without REF*F8", func(c *edigw.Claim) { c.FrequencyCode = "7" }, "replacement-reference", "CLM", 5, "A7:464"},
		{"void without REF*F8", func(c *edigw.Claim) { c.FrequencyCode = "8" }, "replacement-reference", "CLM", 5, "A7:464"},
		{"repeated REF*6R", func(c *edigw.Claim) {
			c.Lines = append(c.Lines, c.Lines[0])
			c.Lines[1].Number = 2
			c.TotalCharge += c.Lines[0].Charge
		}, "line-control-number", "SV1", 0, "A7:584"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			good, bad := dmeClaim("GOOD-1"), dmeClaim("BAD-1")
			tc.spoil(bad)
			back, res, acks := readWithAcks(t, good, bad)
			if len(res.Issues) != 1 {
				t.Fatalf("issues %v", res.Issues)
			}
			is, e := res.Issues[0], res.Issues[0].Err
			if is.Rule != tc.rule || is.Warning || e.SegmentID != tc.segment || e.Element != tc.element ||
				e.Code != (edi.Code{Kind: edi.STC, Value: tc.status}) || e.Pos.Line == 0 {
				t.Errorf("issue %v: rule %s at %s%02d code %v", is, is.Rule, e.SegmentID, e.Element, e.Code)
			}
			if strings.Contains(e.Msg, "BAD-1") {
				t.Errorf("the message holds a value: %s", e.Msg)
			}
			if back[0].Status != edigw.ClaimSubmitted || back[1].Status != edigw.ClaimRejected {
				t.Errorf("statuses %s %s", back[0].Status, back[1].Status)
			}
			if a277 := acks["277ca"].String(); !strings.Contains(a277, "TRN*2*BAD-1~\nSTC*"+tc.status+"*") {
				t.Errorf("277CA:\n%s", a277)
			}
		})
	}
	replacement := dmeClaim("REPL-1")
	replacement.FrequencyCode, replacement.PayerClaimNumber = "7", "2026036000101"
	if _, res, _ := readWithAcks(t, replacement); len(res.Issues) != 0 {
		t.Errorf("a replacement with REF*F8: %v", res.Issues)
	}
}
