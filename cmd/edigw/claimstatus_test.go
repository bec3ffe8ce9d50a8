package main

import (
	"strings"
	"testing"
)

// TestTranslateThenGenerateClaimStatus: translate's view of a 276 and a
// 277 (X212), generated back with --kind 276 and 277, translates to the
// same records; a response is no inquiry.
func TestTranslateThenGenerateClaimStatus(t *testing.T) {
	for _, tc := range []struct{ file, kind, typ string }{
		{"../../fixtures/edi/claimstatus-276.edi", "276", `"type":"claimStatusInquiry"`},
		{"../../fixtures/edi/claimstatus-277.edi", "277", `"type":"claimStatusResponse"`},
	} {
		code, view, _ := runCmd(t, "", "translate", tc.file)
		if code != exitOK || strings.Count(view, tc.typ) != 2 {
			t.Fatalf("%s: translate exit %d:\n%s", tc.file, code, view)
		}
		code, x12, stderr := runCmd(t, view, "generate", "-", "--kind", tc.kind, "--sender", "HOMECAREDME")
		if code != exitOK || !strings.Contains(x12, "*005010X212~") || !strings.Contains(stderr, "0 errors") {
			t.Fatalf("%s: generate exit %d: %s", tc.file, code, stderr)
		}
		code, again, _ := runCmd(t, x12, "translate", "-")
		if code != exitOK || again != view {
			t.Errorf("%s: the generated file translates differently:\n%s\nvs\n%s", tc.file, again, view)
		}
	}
	_, view, _ := runCmd(t, "", "translate", "../../fixtures/edi/claimstatus-277.edi")
	if code, _, stderr := runCmd(t, view, "generate", "-", "--kind", "276"); code != exitUnusable || !strings.Contains(stderr, "not a claimStatusInquiry") {
		t.Errorf("responses as --kind 276: exit %d, %s", code, stderr)
	}
}
