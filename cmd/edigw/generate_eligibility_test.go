package main

import (
	"strings"
	"testing"
)

// TestTranslateThenGenerateEligibility: translate's JSON view of a 270 and
// a 271 goes back through generate --kind 270|271 to the same records.
func TestTranslateThenGenerateEligibility(t *testing.T) {
	for _, tc := range []struct{ file, kind string }{
		{"../../fixtures/eligibility/270-subscriber-and-dependent.edi", "270"},
		{"../../fixtures/eligibility/271-benefits.edi", "271"},
		{"../../fixtures/eligibility/271-subscriber-not-found.edi", "271"},
	} {
		code, view, _ := runCmd(t, "", "translate", tc.file)
		if code != exitOK || !strings.Contains(view, `"type":"eligibility_`) {
			t.Fatalf("%s: translate exit %d:\n%s", tc.file, code, view)
		}
		code, x12, stderr := runCmd(t, view, "generate", "-", "--kind", tc.kind, "--sender", "HOMECAREDME")
		if code != exitOK || !strings.Contains(x12, "ST*"+tc.kind+"*0001*005010X279A1~") || !strings.Contains(stderr, "0 errors") {
			t.Fatalf("%s: generate exit %d: %s", tc.file, code, stderr)
		}
		code, again, _ := runCmd(t, x12, "translate", "-")
		if code != exitOK || again != view {
			t.Errorf("%s: the generated file translates differently:\n%s\nvs\n%s", tc.file, again, view)
		}
	}
	// A response is not an inquiry.
	_, view, _ := runCmd(t, "", "translate", "../../fixtures/eligibility/271-benefits.edi")
	if code, _, stderr := runCmd(t, view, "generate", "-", "--kind", "270"); code != exitUnusable || !strings.Contains(stderr, "not a eligibility_inquiry") {
		t.Errorf("271 records as --kind 270: exit %d: %s", code, stderr)
	}
}
