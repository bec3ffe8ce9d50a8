package main

import (
	"encoding/json"
	"reflect"
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
		{`{}`, "846", "--kind"},
		{``, "837p", "no records"},
	}
	for _, tc := range cases {
		code, out, stderr := runCmd(t, tc.stdin, "generate", "-", "--kind", tc.kind)
		if code != exitUnusable || out != "" || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q --kind %s: exit %d, stdout %q, stderr %q (want %q)", tc.stdin, tc.kind, code, out, stderr, tc.want)
		}
	}
}

// TestTranslateThenGenerateAcknowledgments: a 999 with segment and element
// errors, a 277CA rejecting a claim and a TA1 come back the same through
// translate and generate, but for their own envelope (generate numbers
// and addresses it anew).
func TestTranslateThenGenerateAcknowledgments(t *testing.T) {
	for _, tc := range []struct{ file, kind string }{
		{"../../fixtures/golden/cigna-837p-one-claim-rejected.000004721-4711.999.edi", "999"},
		{"../../fixtures/golden/cigna-837p-one-claim-rejected.000004721-4711-0001.277ca.edi", "277ca"},
		{"../../fixtures/golden/broken-se-count.000004711.ta1.edi", "ta1"},
	} {
		code, view, _ := runCmd(t, "", "translate", tc.file)
		if code != exitOK || !strings.Contains(view, `"type":"acknowledgment"`) {
			t.Fatalf("%s: translate exit %d:\n%s", tc.file, code, view)
		}
		code, x12, stderr := runCmd(t, view, "generate", "-", "--kind", tc.kind, "--sender", "CIGNA62308", "--receiver", "HOMECAREDME")
		if code != exitOK || !strings.HasPrefix(x12, "ISA*00*") || !strings.Contains(stderr, "0 errors") {
			t.Fatalf("%s: generate exit %d: %s", tc.file, code, stderr)
		}
		code, again, _ := runCmd(t, x12, "translate", "-")
		if code != exitOK {
			t.Fatalf("%s: translate of the generated file: exit %d", tc.file, code)
		}
		if a, b := withoutEnvelope(t, again), withoutEnvelope(t, view); !reflect.DeepEqual(a, b) {
			t.Errorf("%s: the generated file translates differently:\n%s\nvs\n%s", tc.file, again, view)
		}
	}
	code, _, stderr := runCmd(t, `{"kind":"TA1","interchange":{"code":"A"}}`, "generate", "-", "--kind", "999")
	if code != exitUnusable || !strings.Contains(stderr, "is a TA1 acknowledgment, not 999") {
		t.Errorf("a TA1 record as a 999: exit %d, %s", code, stderr)
	}
}

// withoutEnvelope decodes translate's lines, dropping each record's own
// envelope fields.
func withoutEnvelope(t *testing.T, lines string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(lines), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		rec := m["record"].(map[string]any)
		for _, k := range []string{"senderId", "receiverId", "applicationSender", "applicationReceiver", "interchangeNumber", "groupNumber", "setNumber"} {
			delete(rec, k)
		}
		out = append(out, m)
	}
	return out
}
