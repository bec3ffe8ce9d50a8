package mapping

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
)

// TestInterchangeDecidedAtISA: the Interchange handler is asked at each
// ISA, before any claim of the interchange; an interchange it calls a
// duplicate hands over no claim, and one whose ISA is broken is not shown
// and hands over none either.
func TestInterchangeDecidedAtISA(t *testing.T) {
	story, err := os.ReadFile(filepath.Join("..", "fixtures", "story", "03-837p-claims.edi"))
	if err != nil {
		t.Fatal(err)
	}
	second := bytes.ReplaceAll(story, []byte("000005002"), []byte("000005003"))
	broken := bytes.ReplaceAll(story, []byte("000005002"), []byte("000005004"))
	broken[bytes.Index(broken, []byte("HOMECAREDME"))] = 0xFF
	var events []string
	res, err := Read(bytes.NewReader(bytes.Join([][]byte{story, second, broken}, nil)), "three.x12", Handlers{
		Claim: func(c *edigw.Claim) error { events = append(events, "claim"); return nil },
		Interchange: func(h edi.InterchangeHeader) error {
			events = append(events, "ISA "+h.ControlNumber)
			if h.ControlNumber == "000005003" {
				return edigw.ErrDuplicateInterchange
			}
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ISA 000005002", "claim", "claim", "ISA 000005003"}
	if len(events) != len(want) {
		t.Fatalf("events %v, want %v", events, want)
	}
	for i := range want {
		if events[i] != want[i] {
			t.Fatalf("events %v, want %v", events, want)
		}
	}
	if len(res.Duplicates) != 1 || res.Duplicates[0].ControlNumber != "000005003" || res.Claims != 2 {
		t.Errorf("duplicates %+v, %d claims", res.Duplicates, res.Claims)
	}
}
