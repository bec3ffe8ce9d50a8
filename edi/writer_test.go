package edi_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/edigw/edigw/edi"
)

func TestWriterTrimsTrailingEmptiesAndJoinsComposites(t *testing.T) {
	var b bytes.Buffer
	w := edi.NewWriter(&b, edi.DefaultDelimiters)
	must(t, w.WriteStrings("NM1", "IL", "1", "DOE", "", "", "", "", ""))
	must(t, w.Write("SV1", edi.Composite("HC", "99213", "", ""), edi.Simple("125"), nil, nil, edi.Simple(""), nil, edi.Composite("1", "2")))
	must(t, w.Write("PER", edi.Simple("IC"), edi.Repeated([]string{"A"}, []string{"B", "C"})))
	must(t, w.Flush())
	want := "NM1*IL*1*DOE~SV1*HC:99213*125*****1:2~PER*IC*A^B:C~"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	if w.Segments() != 3 {
		t.Errorf("%d segments counted", w.Segments())
	}
}

func TestWriterRejectsDelimitersInData(t *testing.T) {
	for _, v := range []string{"A*B", "A:B", "A~B", "A^B"} {
		var b bytes.Buffer
		w := edi.NewWriter(&b, edi.DefaultDelimiters)
		err := w.WriteStrings("NM1", "IL", v)
		var de *edi.DataError
		if !errors.As(err, &de) || de.SegmentID != "NM1" || de.Element != 2 {
			t.Errorf("%q: got %v, want a DataError at NM102", v, err)
		}
		// Nothing was written, so the stream is still sound and usable.
		if err := w.WriteStrings("N3", "X"); err != nil {
			t.Errorf("writer unusable after a data error: %v", err)
		}
		w.Flush()
		if b.String() != "N3*X~" {
			t.Errorf("%q: wrote %q", v, b.String())
		}
	}
	w := edi.NewWriter(&bytes.Buffer{}, edi.DefaultDelimiters)
	if err := w.WriteStrings("nm1", "X"); err == nil {
		t.Error("a lower-case segment ID must be refused")
	}
}

func TestEnvelopeWriterFillsTrailers(t *testing.T) {
	var b bytes.Buffer
	w := edi.NewWriter(&b, edi.DefaultDelimiters)
	w.Newline = true
	ew := edi.NewEnvelopeWriter(w)
	must(t, ew.BeginInterchange(edi.InterchangeHeader{SenderID: "SENDER", ReceiverID: "RECEIVER", Date: "260115", Time: "1030", ControlNumber: "42", AckRequested: true, Usage: "T"}))
	must(t, ew.BeginGroup(edi.GroupHeader{FunctionalID: "HC", Sender: "SENDER", Receiver: "RECEIVER", Date: "20260115", Time: "1030", ControlNumber: "7", Version: "005010X222A1"}))
	for _, st := range []string{"0001", "0002"} {
		must(t, ew.BeginSet(edi.SetHeader{ID: "837", ControlNumber: st, Convention: "005010X222A1"}))
		must(t, ew.WriteStrings("BHT", "0019", "00", "1", "20260115", "1030", "CH"))
		must(t, ew.Write("HI", edi.Composite("ABK", "E119")))
		must(t, ew.EndSet())
	}
	must(t, ew.EndGroup())
	must(t, ew.EndInterchange())
	out := b.String()
	for _, want := range []string{
		"ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260115*1030*^*00501*000000042*1*T*:~\n",
		"SE*4*0001~", "SE*4*0002~", "GE*2*7~", "IEA*1*000000042~",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	res, err := edi.Check(strings.NewReader(out), "", 0)
	if err != nil || !res.OK() {
		t.Fatalf("written envelope does not check clean: %v %v", err, res.Errors)
	}
}

func TestEnvelopeWriterRefusesBadOrderAndValues(t *testing.T) {
	ew := edi.NewEnvelopeWriter(edi.NewWriter(&bytes.Buffer{}, edi.DefaultDelimiters))
	if err := ew.BeginGroup(edi.GroupHeader{ControlNumber: "1"}); err == nil {
		t.Error("GS before ISA accepted")
	}
	if err := ew.BeginInterchange(edi.InterchangeHeader{SenderID: "S", ReceiverID: "R", Date: "260115", Time: "1030", ControlNumber: "1234567890"}); err == nil {
		t.Error("10-digit ISA13 accepted")
	}
	if err := ew.BeginInterchange(edi.InterchangeHeader{SenderID: strings.Repeat("S", 16), ReceiverID: "R", Date: "260115", Time: "1030", ControlNumber: "1"}); err == nil {
		t.Error("16-character ISA06 accepted")
	}
	if err := ew.BeginInterchange(edi.InterchangeHeader{SenderID: "S", ReceiverID: "R", Date: "261315", Time: "1030", ControlNumber: "1"}); err == nil {
		t.Error("month 13 accepted")
	}
	if err := ew.WriteStrings("BHT", "1"); err == nil {
		t.Error("segment outside a set accepted")
	}
}

func TestWriteSegmentReencodes(t *testing.T) {
	in := strings.NewReplacer("*", "|", ":", ">", "^", "{").Replace(minimal)
	segs, ok := readAll(t, strings.NewReader(in))
	if !ok {
		t.Fatal("read failed")
	}
	var b bytes.Buffer
	w := edi.NewWriter(&b, edi.DefaultDelimiters)
	for _, s := range segs {
		must(t, w.WriteSegment(s))
	}
	must(t, w.Flush())
	if b.String() != minimal {
		t.Errorf("re-encoded:\n%s\nwant:\n%s", b.String(), minimal)
	}
	// Data holding the target's delimiter cannot be re-encoded.
	segs, _ = readAll(t, strings.NewReader(strings.Replace(in, "ISAAC", "IS*AC", 1)))
	w = edi.NewWriter(&bytes.Buffer{}, edi.DefaultDelimiters)
	var err error
	for _, s := range segs {
		if err = w.WriteSegment(s); err != nil {
			break
		}
	}
	var de *edi.DataError
	if !errors.As(err, &de) || de.SegmentID != "NM1" || de.Element != 3 || de.Delimiter != '*' {
		t.Errorf("got %v, want a DataError at NM103", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
