package mapping

import (
	"encoding/json"
	"testing"
)

// TestProblemJSON: the API serves Problem as it is, so its JSON shape is
// the API's: record, field (left out when empty), message, and nothing
// else (no reference: no value of a record appears in an error body).
func TestProblemJSON(t *testing.T) {
	for p, want := range map[Problem]string{
		{Record: 2, Field: "lines[0].charge", Message: "expected an amount"}: `{"record":2,"field":"lines[0].charge","message":"expected an amount"}`,
		{Record: 0, Message: "a record must be a JSON object"}:               `{"record":0,"message":"a record must be a JSON object"}`,
	} {
		b, err := json.Marshal(p)
		if err != nil || string(b) != want {
			t.Errorf("%+v: %s, want %s", p, b, want)
		}
	}
}
