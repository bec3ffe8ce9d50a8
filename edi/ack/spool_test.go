package ack

import (
	"bytes"
	"io"
	"testing"

	"github.com/edigw/edigw/edi/ig"
	"github.com/edigw/edigw/fixtures/synth"
)

// TestLargeAcknowledgmentsWaitOnDisk: the 277CAs of 5,000-claim sets wait
// for their interchange's end on disk, not in memory, and come out whole
// and valid.
func TestLargeAcknowledgmentsWaitOnDisk(t *testing.T) {
	var in bytes.Buffer
	if _, err := synth.Write(&in, synth.Options{Kind: synth.Kind837P, Claims: 6000, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	outs := map[string]*bytes.Buffer{}
	var a *Acknowledger
	onDisk := 0
	a = NewAcknowledger(Options{Numbers: &Sequence{}}, func(kind, ref string) (io.WriteCloser, error) {
		if len(outs) == 0 { // the first write: everything of the interchange is still held
			for _, h := range a.pending {
				if h.data.OnDisk() {
					onDisk++
				}
			}
		}
		b := &bytes.Buffer{}
		outs[kind+" "+ref] = b
		return nopCloser{b}, nil
	})
	v := &ig.Validator{File: "big.edi"}
	a.Attach(v)
	if _, err := v.Run(&in); err != nil {
		t.Fatal(err)
	}
	res, err := a.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if res.Acks277CA != 2 || res.ClaimsAccepted != 6000 || onDisk != 2 {
		t.Fatalf("%+v; %d held on disk, want 2 (the 277CAs of 5,000 and 1,000 claims, both past 64 KB)", res, onDisk)
	}
	for name, b := range outs {
		rep, err := (&ig.Validator{File: name}).Run(bytes.NewReader(b.Bytes()))
		if err != nil || !rep.OK() {
			t.Errorf("%s does not validate: %v %v", name, err, rep.Errors)
		}
	}
}
