package main

import (
	"strings"
	"testing"
)

// TestTranslateThenGenerate feeds translate's JSON view back to generate:
// the X12 it writes translates to the same records.
func TestTranslateThenGenerate(t *testing.T) {
	for _, tc := range []struct{ file, kind string }{
		{"../../fixtures/story/03-837p-claims.edi", "837p"},
		{"../../fixtures/story/06-835-remittance.edi", "835"},
		{"../../fixtures/story/02-278-response.edi", "278"},
	} {
		code, view, _ := runCmd(t, "", "translate", tc.file)
		if code != exitOK || !strings.Contains(view, "Value\":") {
			t.Fatalf("%s: translate exit %d:\n%s", tc.file, code, view)
		}
		code, x12, stderr := runCmd(t, view, "generate", "-", "--kind", tc.kind, "--sender", "HOMECAREDME")
		if code != exitOK || !strings.HasPrefix(x12, "ISA*00*") || !strings.Contains(stderr, "0 errors") {
			t.Fatalf("%s: generate exit %d: %s", tc.file, code, stderr)
		}
		code, again, _ := runCmd(t, x12, "translate", "-")
		if code != exitOK || again != view {
			t.Errorf("%s: the generated file translates differently:\n%s\nvs\n%s", tc.file, again, view)
		}
	}
}

func TestGenerateRefusesBadInput(t *testing.T) {
	cases := []struct{ stdin, kind, want string }{
		{`{"patientControlNumber":`, "837p", "JSON value 1"},
		{`{"patientControlNumber":"A","bogus":1}`, "837p", `unknown field "bogus"`},
		{`{"type":"remittance","record":{}}`, "837p", "is a remittance, not a claim"},
		{`{"patientControlNumber":"A"}`, "837p", "cannot be written: missing"},
		{`{}`, "999", "--kind"},
		{``, "837p", "no records"},
	}
	for _, tc := range cases {
		code, out, stderr := runCmd(t, tc.stdin, "generate", "-", "--kind", tc.kind)
		if code != exitUnusable || out != "" || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q --kind %s: exit %d, stdout %q, stderr %q (want %q)", tc.stdin, tc.kind, code, out, stderr, tc.want)
		}
	}
}
