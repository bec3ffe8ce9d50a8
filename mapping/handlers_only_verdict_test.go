package mapping

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestVerdictWithoutRecordsOfSetsWithoutRules: validate and ack build no
// 270, 271, 276 or 277 (X212) records (no handler wants them, and these
// sets have no business rules: Mapper.onlyForHandlers), and decide
// exactly what reading whole records decides, on the example files and
// on broken copies of them: issues, errors, verdicts and acknowledgment
// bytes. Only Result.Rejected differs: it counts the records of sets with
// errors withheld from handlers, and without handlers none is made to be
// withheld (translate, the one command that prints it, has handlers).
func TestVerdictWithoutRecordsOfSetsWithoutRules(t *testing.T) {
	var files []string
	for _, pattern := range []string{
		filepath.Join("..", "fixtures", "eligibility", "*.edi"),
		filepath.Join("..", "fixtures", "story", "0[05][ab]-*.edi"),
		filepath.Join("..", "edi", "ig", "testdata", "x212", "*.27[67]"),
		filepath.Join("testdata", "claimstatus", "*.277"),
	} {
		found, err := filepath.Glob(pattern)
		if err != nil || len(found) == 0 {
			t.Fatalf("no files for %s: %v", pattern, err)
		}
		files = append(files, found...)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sameWithoutRecords(t, f, data)
		// A name lost, a code list value broken, a wrong segment count:
		// sets with errors, rejected or accepted with errors.
		for i, broken := range [][]byte{
			bytes.Replace(data, []byte("NM1*IL*1*"), []byte("NM1*IL*1**"), 1),
			bytes.Replace(data, []byte("EQ*"), []byte("EQ*ZZZ"), 1),
			bytes.Replace(data, []byte("STC*"), []byte("STC*ZZ"), 1),
			bytes.Replace(data, []byte("SE*"), []byte("SE*9"), 1),
		} {
			if bytes.Equal(broken, data) {
				continue
			}
			sameWithoutRecords(t, f+"#"+string(rune('a'+i)), broken)
		}
	}
}

func sameWithoutRecords(t *testing.T, name string, data []byte) {
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
