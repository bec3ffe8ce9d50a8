package ig

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/fixtures/synth"
)

// TestHeldBatchKeepsItsSegments holds each read-ahead batch until the walk
// is in the next one, as mapping's rules worker does, and checks that a
// held batch's segments are still what the events gave while the reader
// goes on reading; every batch comes back (the reading ends).
func TestHeldBatchKeepsItsSegments(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2)) // read ahead even on one core
	var buf bytes.Buffer
	if _, err := synth.Write(&buf, synth.Options{Kind: synth.Kind837P, Claims: 3000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	type seen struct {
		seg *edi.Segment
		raw string
	}
	var held *Batch
	var kept []seen
	batches, segments := 0, 0
	check := func() {
		for _, s := range kept {
			if string(s.seg.Raw()) != s.raw {
				t.Fatalf("a held batch's segment changed: %q became %q", s.raw, s.seg.Raw())
			}
		}
	}
	h := Funcs{OnSegment: func(ev *Event) {
		b := ev.Batch()
		if b == nil {
			t.Fatal("no batch: the Validator did not read ahead")
		}
		if b != held {
			if held != nil {
				check()
				held.Release()
			}
			b.Hold()
			held, kept = b, kept[:0]
			batches++
		}
		kept = append(kept, seen{ev.Seg, string(ev.Seg.Raw())})
		segments++
	}}
	v := &Validator{File: "held", Handlers: []Handler{h}}
	rep, err := v.Run(bytes.NewReader(buf.Bytes()))
	if err != nil || !rep.OK() {
		t.Fatalf("run: %v, %d errors", err, rep.ErrorCount)
	}
	check()
	held.Release()
	if batches < batchesInFlight+1 || segments == 0 {
		t.Fatalf("%d segments in %d batches: want more batches than the reader has", segments, batches)
	}
}
