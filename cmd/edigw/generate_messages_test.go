package main

import (
	"strings"
	"testing"
)

// TestGenerateMessages: generate's refusals carry one "edigw:" prefix, list
// missing fields as text, and repeat no value of the records (an amount's
// own error quotes it; a claim's patient control number is a value).
func TestGenerateMessages(t *testing.T) {
	cases := []struct{ stdin, kind, want string }{
		{`{"patientControlNumber":"SECRET-PCN","totalCharge":"SECRET12"}`, "837p", "record 1: a value does not decode"},
		{`{"patientControlNumber":"SECRET-PCN","totalCharge":12}`, "837p", "record 1: totalCharge: expected an amount as a decimal string, got a JSON number"},
		{`{"patientControlNumber":"SECRET-PCN","lines":[{"number":"SECRET"}]}`, "837p", "record 1: lines.number: expected an integer, got a JSON string"},
		{`{"kind":"institutional","patientControlNumber":"SECRET-PCN"}`, "837p", "record 1 is a claim of kind institutional, not 837p"},
		{`{"patientControlNumber":"SECRET-PCN"}`, "837p", "claim #1 cannot be written: missing submitter name and ID (1000A), submitter contact"},
		{`{"traceNumber":"SECRET-TRN"}`, "835", "remittance #1 cannot be written: missing handling (BPR01), creditDebit (BPR03)"},
		{`{"patientControlNumber":"SECRET-PCN"` + "\n", "837p", "JSON value 1: "},
	}
	for _, tc := range cases {
		code, _, stderr := runCmd(t, tc.stdin, "generate", "-", "--kind", tc.kind)
		if code != exitUnusable || !strings.Contains(stderr, tc.want) {
			t.Errorf("%s: exit %d, %q, want %q", tc.stdin, code, stderr, tc.want)
		}
		if strings.Count(stderr, "edigw:") != 1 || strings.Contains(stderr, "SECRET") || strings.ContainsAny(stderr, "[]") {
			t.Errorf("%s: a doubled prefix, a value or a Go slice in %q", tc.stdin, stderr)
		}
	}
}
