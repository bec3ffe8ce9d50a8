package ack

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/edigw/edigw/edi/ig"
	"github.com/edigw/edigw/fixtures/synth"
)

// TestLargeAcknowledgmentsWaitOnDisk: the 277CAs of 5,000-claim sets are
// held in temporary files until their interchange ends, come out whole and
// valid, and leave no file behind.
func TestLargeAcknowledgmentsWaitOnDisk(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var in bytes.Buffer
	if _, err := synth.Write(&in, synth.Options{Kind: synth.Kind837P, Claims: 6000, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	outs := map[string]*bytes.Buffer{}
	spooledDuring := 0
	res, err := Acknowledge(&in, "big.edi", Options{Numbers: &Sequence{}}, func(kind, ref string) (io.WriteCloser, error) {
		if left, _ := os.ReadDir(tmp); len(left) > spooledDuring {
			spooledDuring = len(left)
		}
		b := &bytes.Buffer{}
		outs[kind+" "+ref] = b
		return nopCloser{b}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Acks277CA != 2 || res.ClaimsAccepted != 6000 || spooledDuring == 0 {
		t.Fatalf("%+v; %d files spooled at the first write", res, spooledDuring)
	}
	for name, b := range outs {
		rep, err := (&ig.Validator{File: name}).Run(bytes.NewReader(b.Bytes()))
		if err != nil || !rep.OK() {
			t.Errorf("%s does not validate: %v %v", name, err, rep.Errors)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("%d temporary files left", len(left))
	}
}
