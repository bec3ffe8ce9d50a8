package mapping

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/edi/ig"
)

type memSink map[string]*bytes.Buffer

func (m memSink) sink(kind, ref string) (io.WriteCloser, error) {
	b := &bytes.Buffer{}
	m[kind+" "+ref] = b
	return bufCloser{b}, nil
}

// readChain reads file with a Mapper and an Acknowledger in the given
// order (mapperFirst), returning the claims' statuses and the
// acknowledgments.
func readChain(t *testing.T, data []byte, mapperFirst bool) ([]edigw.ClaimStatus, memSink) {
	t.Helper()
	acks := memSink{}
	a := ack.NewAcknowledger(context.Background(), ack.Options{Numbers: &ack.Sequence{Start: 1}, Newline: true}, acks.sink)
	var statuses []edigw.ClaimStatus
	m := NewMapper("chain.edi", Handlers{Acknowledger: a, Claim: func(c *edigw.Claim) error {
		statuses = append(statuses, c.Status)
		return nil
	}})
	chain := []ig.Handler{m, a}
	if !mapperFirst {
		chain = []ig.Handler{a, m}
	}
	v := &ig.Validator{File: "chain.edi", ForgetSets: true, Handlers: chain}
	if _, err := m.Finish(v.Run(bytes.NewReader(data))); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Finish(); err != nil {
		t.Fatal(err)
	}
	return statuses, acks
}

// TestMapperReadsTheAcknowledgersPlacements: the 837 mapper marks the
// claim the 277CA rejects from the Acknowledger's claim placements, and
// the outcome does not depend on the handlers' order: every CheckSet runs
// before any SetEnd.
func TestMapperReadsTheAcknowledgersPlacements(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "edi", "cigna-837p-one-claim-rejected.edi"))
	if err != nil {
		t.Fatal(err)
	}
	first, acks1 := readChain(t, data, true)
	if len(first) != 2 || first[0] != edigw.ClaimSubmitted || first[1] != edigw.ClaimRejected {
		t.Fatalf("statuses %v, want submitted and rejected", first)
	}
	last, acks2 := readChain(t, data, false)
	if strings.Join(statusNames(first), ",") != strings.Join(statusNames(last), ",") {
		t.Errorf("acknowledger first: statuses %v, mapper first: %v", last, first)
	}
	if len(acks1) != len(acks2) || len(acks1) == 0 {
		t.Fatalf("acknowledgments %d and %d", len(acks1), len(acks2))
	}
	for k, b := range acks1 {
		if acks2[k] == nil || acks2[k].String() != b.String() {
			t.Errorf("%s differs with the acknowledger first", k)
		}
	}
}

func statusNames(ss []edigw.ClaimStatus) []string {
	var out []string
	for _, s := range ss {
		out = append(out, string(s))
	}
	return out
}

// TestMapperWithoutItsAcknowledger: a Mapper told of an Acknowledger that
// is not among the Validator's Handlers says so rather than rejecting
// every claim.
func TestMapperWithoutItsAcknowledger(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "edi", "cigna-837p-one-claim-rejected.edi"))
	if err != nil {
		t.Fatal(err)
	}
	a := ack.NewAcknowledger(context.Background(), ack.Options{Numbers: &ack.Sequence{}}, memSink{}.sink)
	m := NewMapper("chain.edi", Handlers{Acknowledger: a})
	v := &ig.Validator{File: "chain.edi", ForgetSets: true, Handlers: []ig.Handler{m}}
	if _, err := m.Finish(v.Run(bytes.NewReader(data))); err == nil || !strings.Contains(err.Error(), "Handlers") {
		t.Fatalf("err %v, want one naming the missing handler", err)
	}
}

type bufCloser struct{ *bytes.Buffer }

func (bufCloser) Close() error { return nil }
