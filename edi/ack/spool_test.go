package ack

import (
	"bytes"
	"context"
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
	onDisk, held := false, 0
	a = NewAcknowledger(context.Background(), Options{Numbers: &Sequence{}}, func(kind, ref string) (io.WriteCloser, error) {
		if len(outs) == 0 { // the first write: everything of the interchange is still held
			onDisk, held = a.pending.data.OnDisk(), a.pending.n
		}
		b := &bytes.Buffer{}
		outs[kind+" "+ref] = b
		return nopCloser{b}, nil
	})
	v := &ig.Validator{File: "big.edi"}
	v.ForgetSets = true
	v.Handlers = []ig.Handler{a}
	if _, err := v.Run(&in); err != nil {
		t.Fatal(err)
	}
	res, err := a.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if res.Acks277CA != 2 || res.ClaimsAccepted != 6000 || !onDisk || held != 3 {
		t.Fatalf("%+v; %d held (on disk: %v), want the 999 and the 277CAs of 5,000 and 1,000 claims held on disk", res, held, onDisk)
	}
	for name, b := range outs {
		rep, err := (&ig.Validator{File: name}).Run(bytes.NewReader(b.Bytes()))
		if err != nil || !rep.OK() {
			t.Errorf("%s does not validate: %v %v", name, err, rep.Errors)
		}
	}
}
