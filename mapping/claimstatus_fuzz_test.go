package mapping

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/edigw/edigw"
)

// FuzzClaimStatus reads 276 and 277 (X212) files: whatever a file holds,
// reading never fails, and the records of its sets without errors write
// back (Write276, Write277) to a file that validates and reads as the same
// records: the round-trip guarantee over inputs nobody wrote by hand.
func FuzzClaimStatus(f *testing.F) {
	files, _ := filepath.Glob("../fixtures/edi/claimstatus-*.edi")
	samples, _ := filepath.Glob("../edi/ig/testdata/x212/*.27?")
	samples = append(samples, "testdata/claimstatus/level-statuses.277")
	files = append(files, samples...)
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var qs []*edigw.ClaimStatusInquiry
		var rs []*edigw.ClaimStatusResponse
		_, err := ReadClaimStatus(bytes.NewReader(data), "fuzz",
			func(q *edigw.ClaimStatusInquiry) error { qs = append(qs, q); return nil },
			func(r *edigw.ClaimStatusResponse) error { rs = append(rs, r); return nil })
		if err != nil {
			t.Fatal(err) // the handlers never fail; a bytes.Reader cannot
		}
		env := testEnvelope()
		if len(qs) > 0 {
			var buf bytes.Buffer
			if err := Write276(&buf, env, qs); err != nil {
				t.Fatalf("inquiries read from a valid 276 do not write: %v", err)
			}
			again, _ := readBack(t, buf.Bytes())
			if !reflect.DeepEqual(again, qs) {
				t.Fatalf("276 round trip differs")
			}
		}
		if len(rs) > 0 {
			for _, r := range rs {
				r.InterchangeSender, r.InterchangeReceiver, r.InterchangeNumber = "", "", ""
			}
			var buf bytes.Buffer
			if err := Write277(&buf, env, rs); err != nil {
				t.Fatalf("responses read from a valid 277 do not write: %v", err)
			}
			_, again := readBack(t, buf.Bytes())
			for _, r := range again {
				r.InterchangeSender, r.InterchangeReceiver, r.InterchangeNumber = "", "", ""
			}
			if !reflect.DeepEqual(again, rs) {
				t.Fatalf("277 round trip differs")
			}
		}
	})
}

func readBack(t *testing.T, in []byte) ([]*edigw.ClaimStatusInquiry, []*edigw.ClaimStatusResponse) {
	t.Helper()
	var qs []*edigw.ClaimStatusInquiry
	var rs []*edigw.ClaimStatusResponse
	res, err := ReadClaimStatus(bytes.NewReader(in), "written",
		func(q *edigw.ClaimStatusInquiry) error { qs = append(qs, q); return nil },
		func(r *edigw.ClaimStatusResponse) error { rs = append(rs, r); return nil })
	if err != nil || !res.Report.OK() {
		t.Fatalf("the written file does not read clean: %v %v", err, res.Report.Errors)
	}
	return qs, rs
}
