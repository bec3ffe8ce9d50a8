package ack

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

func TestSequenceCountsPerKind(t *testing.T) {
	var s Sequence
	for want := int64(1); want <= 3; want++ {
		if n, _ := s.Next(context.Background(), InterchangeNumber, "A", "B"); n != want {
			t.Fatalf("interchange %d, want %d", n, want)
		}
	}
	if n, _ := s.Next(context.Background(), SetNumber, "A", "B"); n != 1 {
		t.Errorf("set numbers start at 1 too, got %d", n)
	}
}

func TestCentsAndMoney(t *testing.T) {
	for in, want := range map[string]int64{"1450": 145000, "162.5": 16250, "0.07": 7, "-12.34": -1234, "1.239": 123, "x": 0, "": 0} {
		if got := cents(in); got != want {
			t.Errorf("cents(%q) = %d, want %d", in, got, want)
		}
	}
	for in, want := range map[int64]string{145000: "1450", 16250: "162.50", 7: "0.07"} {
		if got := money(in); got != want {
			t.Errorf("money(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestTA1RejectsOnEnvelopeErrors(t *testing.T) {
	ic := &ig.InterchangeResult{Header: edi.InterchangeHeader{SenderID: "S", ReceiverID: "R", Date: "260115", Time: "1030", ControlNumber: "000000042", Usage: "T"}}
	if NeedsTA1(ic) {
		t.Error("a sound interchange without ISA14=1 needs no TA1")
	}
	ic.Header.AckRequested = true
	if code, note := TA1Outcome(ic); !NeedsTA1(ic) || code != TA1Accepted || note != "000" {
		t.Errorf("ISA14=1: %s %s", code, note)
	}
	ic.Errors = []*edi.Error{{Code: edi.TA1ControlNumberMismatch}}
	var b bytes.Buffer
	if err := WriteTA1(&b, ic, Options{Numbers: &Sequence{}, Now: func() time.Time { return time.Date(2026, 2, 10, 12, 0, 0, 0, time.UTC) }}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "TA1*000000042*260115*1030*R*001~") || !strings.Contains(b.String(), "*ZZ*R              *ZZ*S              *") {
		t.Errorf("TA1 interchange:\n%s", b.String())
	}
}

func TestOptionsNeedNumbers(t *testing.T) {
	ic := &ig.InterchangeResult{Header: edi.InterchangeHeader{SenderID: "S", ReceiverID: "R", ControlNumber: "000000001"}}
	if err := WriteTA1(&bytes.Buffer{}, ic, Options{}); err == nil {
		t.Error("no control-number allocator accepted")
	}
}

// TestAcknowledgmentsAreNotAcknowledged: a 999 (group FA) gets no 999
// back, while a 277CA (group HN, which AK101 lists) does.
func TestAcknowledgmentsAreNotAcknowledged(t *testing.T) {
	for file, want := range map[string]int{"04-999.edi": 0, "05-277ca.edi": 1} {
		data, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "story", file))
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		res, err := Acknowledge(context.Background(), bytes.NewReader(data), file, Options{Numbers: &Sequence{}}, func(kind, _ string) (io.WriteCloser, error) {
			kinds = append(kinds, kind)
			return nopCloser{io.Discard}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if res.Acks999 != want || len(kinds) != want {
			t.Errorf("%s: %d 999s (%v), want %d", file, res.Acks999, kinds, want)
		}
	}
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// TestAcknowledgerKeepsBodiesNotClaims: by the group's end, a clean 837
// set is held as its built 277CA body in the group's queue, not as its
// claims, and a set with errors no longer either (its 999 loop, CTX
// included, was written as it ended); the validator keeps no list of the
// group's sets.
func TestAcknowledgerKeepsBodiesNotClaims(t *testing.T) {
	for _, file := range []string{
		"../../fixtures/story/03-837p-claims.edi",
		"../../fixtures/edi/cigna-837p-one-claim-rejected.edi",
	} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		a := NewAcknowledger(context.Background(), Options{Numbers: &Sequence{}}, func(string, string) (io.WriteCloser, error) {
			return nopCloser{io.Discard}, nil
		})
		v := &ig.Validator{File: file}
		checked := false
		onGroup := func(g *ig.GroupResult) {
			checked = true
			if a.current != nil || a.bodies.n != 1 || len(g.Sets) != 0 || a.sets.included != 1 {
				t.Errorf("%s at GE: claims held %v, %d bodies, %d sets kept, %d answered; want none, 1, 0, 1",
					file, a.current != nil, a.bodies.n, len(g.Sets), a.sets.included)
			}
		}
		v.ForgetSets = true
		v.Handlers = []ig.Handler{ig.Funcs{OnGroup: onGroup}, a}
		if _, err := v.Run(bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
		if res, err := a.Finish(); err != nil || res.Acks277CA != 1 || !checked {
			t.Errorf("%s: %+v %v", file, res, err)
		}
	}
}
