package ack

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

// TestRefusedInterchangeGetsOnlyATA1: of two interchanges in one file, the
// second refused at its ISA (a duplicate), the first is answered as usual
// (999 and 277CA) and the second with one TA1 rejecting it with TA105=025
// and nothing else.
func TestRefusedInterchangeGetsOnlyATA1(t *testing.T) {
	one, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "story", "03-837p-claims.edi"))
	if err != nil {
		t.Fatal(err)
	}
	two := bytes.ReplaceAll(one, []byte("000005002"), []byte("000005003"))
	data := append(append([]byte{}, one...), two...)

	out := map[string][]string{} // kind -> refs
	var ta1 bytes.Buffer
	a := NewAcknowledger(context.Background(), Options{Numbers: &Sequence{}}, func(kind, ref string) (io.WriteCloser, error) {
		out[kind] = append(out[kind], ref)
		if kind == KindTA1 {
			return nopCloser{&ta1}, nil
		}
		return nopCloser{io.Discard}, nil
	})
	v := &ig.Validator{File: "two.x12"}
	onInterchangeStart := func(ic *ig.InterchangeResult) {
		if ic.Header.ControlNumber == "000005003" {
			a.Refuse(ic, &edi.Error{Pos: ic.Start, SegmentID: "ISA", Element: 13, Code: edi.TA1DuplicateControlNumber, Msg: "received before"})
		}
	}
	v.ForgetSets = true
	v.Handlers = []ig.Handler{ig.Funcs{OnInterchangeStart: onInterchangeStart}, a}
	if _, err := v.Run(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	res, err := a.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if got := out[Kind999]; len(got) != 1 || !strings.HasPrefix(got[0], "000005002-") {
		t.Errorf("999s %v, want one for the first interchange", got)
	}
	if got := out[Kind277CA]; len(got) != 1 || !strings.HasPrefix(got[0], "000005002-") {
		t.Errorf("277CAs %v, want one for the first interchange", got)
	}
	if got := out[KindTA1]; len(got) != 1 || got[0] != "000005003" {
		t.Errorf("TA1s %v, want one for the refused interchange", got)
	}
	if !strings.Contains(ta1.String(), "TA1*000005003*") || !strings.Contains(ta1.String(), "*R*025~") {
		t.Errorf("TA1:\n%s", ta1.String())
	}
	if res.ClaimsAccepted == 0 || res.TA1s != 1 {
		t.Errorf("result %+v", res)
	}
}
