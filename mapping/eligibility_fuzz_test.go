package mapping

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/edigw/edigw"
)

// FuzzEligibility feeds arbitrary input to the reader with the eligibility
// handlers on: it must never panic, and every record it hands over (only
// sets that validate clean come out) that holds what the writer needs
// must be written, validate, and read back equal.
func FuzzEligibility(f *testing.F) {
	for _, path := range eligibilityFixtures(f) {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got eligibilityRecords
		_, err := ReadEligibility(bytes.NewReader(data), "fuzz",
			func(q *edigw.EligibilityInquiry) error { got.inquiries = append(got.inquiries, q); return nil },
			func(r *edigw.EligibilityResponse) error { got.responses = append(got.responses, r); return nil })
		if err != nil {
			return
		}
		for _, q := range got.inquiries {
			var buf bytes.Buffer
			if err := Write270(&buf, eligibilityEnvelope(), []*edigw.EligibilityInquiry{q}); err != nil {
				if errors.Is(err, ErrIncomplete) {
					continue
				}
				t.Fatalf("writing an inquiry read from valid input: %v", err)
			}
			back := readEligibility(t, "again", buf.Bytes())
			if len(back.inquiries) != 1 || asJSON(t, back.inquiries[0]) != asJSON(t, q) {
				t.Fatalf("inquiry changed in the round trip:\n%s\nvs\n%s", asJSON(t, q), asJSON(t, back.inquiries))
			}
		}
		for _, r := range got.responses {
			var buf bytes.Buffer
			if err := Write271(&buf, eligibilityEnvelope(), []*edigw.EligibilityResponse{r}); err != nil {
				if errors.Is(err, ErrIncomplete) {
					continue
				}
				t.Fatalf("writing a response read from valid input: %v", err)
			}
			back := readEligibility(t, "again", buf.Bytes())
			if len(back.responses) != 1 || asJSON(t, back.responses[0]) != asJSON(t, r) {
				t.Fatalf("response changed in the round trip:\n%s\nvs\n%s", asJSON(t, r), asJSON(t, back.responses))
			}
		}
	})
}
