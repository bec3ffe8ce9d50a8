package mapping

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestEligibilityVerdictWithoutRecords: validate and ack build no 270 or
// 271 records (no handler wants them, and the sets have no business
// rules), and decide exactly what reading whole records decides, on the
// example files and on broken copies of them: issues, errors, verdicts
// and acknowledgment bytes. Only Result.Rejected differs: it counts the
// records of sets with errors withheld from handlers, and without
// handlers no 270 or 271 record is made to be withheld (translate, the
// one command that prints it, has handlers).
func TestEligibilityVerdictWithoutRecords(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "fixtures", "eligibility", "*.edi"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no eligibility fixtures: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sameEligibilityVerdict(t, f, data)
		// A member's name lost, an EQ without its service type, a wrong
		// segment count: sets with errors, rejected or accepted with errors.
		for i, broken := range [][]byte{
			bytes.Replace(data, []byte("NM1*IL*1*"), []byte("NM1*IL*1**"), 1),
			bytes.Replace(data, []byte("EQ*"), []byte("EQ*ZZZ"), 1),
			bytes.Replace(data, []byte("SE*"), []byte("SE*9"), 1),
		} {
			if bytes.Equal(broken, data) {
				continue
			}
			sameEligibilityVerdict(t, f+"#"+string(rune('a'+i)), broken)
		}
	}
}

func sameEligibilityVerdict(t *testing.T, name string, data []byte) {
	t.Helper()
	for _, withAck := range []bool{false, true} {
		old := runVerdict(t, name, data, "whole", withAck)
		cur := runVerdict(t, name, data, "inline", withAck)
		old.res.Rejected, cur.res.Rejected = 0, 0
		if d := verdictDiff(old, cur); d != "" {
			t.Errorf("%s (acknowledged %v): without records the verdict differs: %s", name, withAck, d)
		}
	}
}
