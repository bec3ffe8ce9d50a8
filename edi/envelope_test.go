package edi_test

import (
	"strings"
	"testing"

	"github.com/edigw/edigw/edi"
)

func check(t *testing.T, in string) *edi.CheckResult {
	t.Helper()
	res, err := edi.Check(strings.NewReader(in), "t.edi", 0)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestEnvelopeSoundFile(t *testing.T) {
	res := check(t, minimal)
	if !res.OK() {
		t.Fatal(res.Errors)
	}
	s := res.Summary
	if s.Interchanges != 1 || s.Groups != 1 || s.Sets != 1 || s.Segments != 8 ||
		len(s.SetTypes) != 1 || s.SetTypes[0] != (edi.SetCount{SetType: edi.SetType{ID: "837", Version: "005010X222A1"}, Count: 1}) {
		t.Errorf("summary %+v", s)
	}
}

// TestEnvelopeErrors breaks one thing at a time and expects exactly one
// error, with its code, segment and element.
func TestEnvelopeErrors(t *testing.T) {
	cases := []struct {
		name     string
		from, to string
		code     edi.Code
		seg      string
		elem     int
		also     [2]string // a second edit that keeps the rest consistent
	}{
		{"SE count", "SE*4*0001", "SE*5*0001", edi.SetSegmentCountMismatch, "SE", 1, [2]string{}},
		{"SE control number", "SE*4*0001", "SE*4*0002", edi.SetControlNumberMismatch, "SE", 2, [2]string{}},
		{"GE count", "GE*1*1", "GE*2*1", edi.GroupCountMismatch, "GE", 1, [2]string{}},
		{"GE control number", "GE*1*1", "GE*1*9", edi.GroupControlNumberMismatch, "GE", 2, [2]string{}},
		{"IEA count", "IEA*1*000000001", "IEA*2*000000001", edi.TA1InvalidGroupCount, "IEA", 1, [2]string{}},
		{"IEA control number", "IEA*1*000000001", "IEA*1*000000009", edi.TA1ControlNumberMismatch, "IEA", 2, [2]string{}},
		{"ISA13 not numeric", "*000000001*0*T", "*00000000A*0*T", edi.TA1InvalidControlNumber, "ISA", 13, [2]string{"IEA*1*000000001", "IEA*1*00000000A"}},
		{"ISA06 too short", "*SENDER         *", "*SENDER*", edi.TA1InvalidSenderID, "ISA", 6, [2]string{}},
		{"ISA09 bad date", "*260115*1030*", "*261315*1030*", edi.TA1InvalidDate, "ISA", 9, [2]string{}},
		{"ISA10 bad time", "*260115*1030*", "*260115*2460*", edi.TA1InvalidTime, "ISA", 10, [2]string{}},
		{"ISA12 version", "*00501*", "*00401*", edi.TA1InvalidVersionID, "ISA", 12, [2]string{}},
		{"ISA14 ack", "*000000001*0*T", "*000000001*2*T", edi.TA1InvalidAckRequested, "ISA", 14, [2]string{}},
		{"ISA15 usage", "*000000001*0*T", "*000000001*0*X", edi.TA1InvalidTestIndicator, "ISA", 15, [2]string{}},
		{"ISA05 qualifier", "*ZZ*SENDER", "*QQ*SENDER", edi.TA1InvalidSenderQualifier, "ISA", 5, [2]string{}},
		{"GS08 version", "*X*005010X222A1~ST", "*X*004010X098A1~ST", edi.GroupVersionNotSupported, "GS", 8, [2]string{"ST*837*0001*005010X222A1", "ST*837*0001"}},
		{"GS06 syntax", "*1030*1*X", "*1030*A1*X", edi.GroupControlNumberSyntax, "GS", 6, [2]string{"GE*1*1~", "GE*1*A1~"}},
		{"GS04 date", "*20260115*1030*1*X", "*20260230*1030*1*X", edi.TA1InvalidContent, "GS", 4, [2]string{}},
		{"ST03 differs from GS08", "ST*837*0001*005010X222A1", "ST*837*0001*005010X223A2", edi.SetInvalidConventionRef, "ST", 3, [2]string{}},
		{"ST02 too short", "ST*837*0001*", "ST*837*001*", edi.SetInvalidControlNumber, "ST", 2, [2]string{"SE*4*0001", "SE*4*001"}},
		{"ST01 not a set", "ST*837*", "ST*8X7*", edi.SetInvalidIdentifier, "ST", 1, [2]string{}},
		{"bad segment ID", "BHT*", "bHT*", edi.SegUnrecognized, "bHT", 0, [2]string{}},
		// Bytes outside the X12 character set in envelope identifiers and
		// separators are envelope errors, never values to store.
		{"ISA06 byte 0xFF", "*SENDER         *", "*SENDER\xff        *", edi.TA1InvalidSenderID, "ISA", 6, [2]string{}},
		{"ISA08 byte 0x00", "*RECEIVER       *", "*RECEIVER\x00      *", edi.TA1InvalidReceiverID, "ISA", 8, [2]string{}},
		{"ISA02 byte 0x80", "*00*          *00", "*00*\x80         *00", edi.TA1InvalidAuthInfo, "ISA", 2, [2]string{}},
		{"ISA16 byte 0xFF", "*T*:~", "*T*\xff~", edi.TA1InvalidComponentSep, "ISA", 16, [2]string{}},
		{"GS02 byte 0xFF", "GS*HC*SENDER*", "GS*HC*SEN\xffDER*", edi.TA1InvalidContent, "GS", 2, [2]string{}},
		{"GS03 byte 0xC3", "*RECEIVER*2026", "*RECEIVER\xc3*2026", edi.TA1InvalidContent, "GS", 3, [2]string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := strings.Replace(minimal, c.from, c.to, 1)
			if in == minimal {
				t.Fatalf("%q not in the fixture", c.from)
			}
			if c.also[0] != "" {
				in = strings.Replace(in, c.also[0], c.also[1], 1)
			}
			res := check(t, in)
			if len(res.Errors) != 1 {
				t.Fatalf("%d errors, want 1: %v", len(res.Errors), res.Errors)
			}
			e := res.Errors[0]
			if e.Code != c.code || e.SegmentID != c.seg || e.Element != c.elem {
				t.Errorf("got %v (segment %s, element %d), want %v at %s%02d", e, e.SegmentID, e.Element, c.code, c.seg, c.elem)
			}
			if e.File != "t.edi" || e.Pos.Index == 0 {
				t.Errorf("error lacks file or position: %+v", e)
			}
		})
	}
}

func TestEnvelopeMissingTrailers(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		codes []edi.Code
	}{
		{"no SE", strings.Replace(minimal, "SE*4*0001~", "", 1), []edi.Code{edi.SetTrailerMissing}},
		{"no GE", strings.Replace(minimal, "GE*1*1~", "", 1), []edi.Code{edi.GroupTrailerMissing}},
		{"no IEA", strings.Replace(minimal, "IEA*1*000000001~", "", 1), []edi.Code{edi.TA1PrematureEndOfFile}},
		{"truncated after NM1", minimal[:strings.Index(minimal, "SE*")], []edi.Code{edi.SetTrailerMissing, edi.GroupTrailerMissing, edi.TA1PrematureEndOfFile}},
		{"ST outside group", isaStd + "ST*837*0001~SE*2*0001~IEA*0*000000001~", []edi.Code{edi.SetNotInGroup}},
		{"segment between sets", strings.Replace(minimal, "GE*1*1~", "NM1*XX~GE*1*1~", 1), []edi.Code{edi.TA1InvalidContent}},
		{"duplicate ST02", strings.Replace(minimal, "GE*1*1~", "ST*837*0001*005010X222A1~SE*2*0001~GE*2*1~", 1), []edi.Code{edi.SetControlNumberNotUniq}},
		{"duplicate GS06", strings.Replace(minimal, "IEA*1*", "GS*HC*SENDER*RECEIVER*20260115*1030*1*X*005010X222A1~GE*0*1~IEA*2*", 1), []edi.Code{edi.GroupControlNumberNotUniq}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := check(t, c.in)
			if len(res.Errors) != len(c.codes) {
				t.Fatalf("errors %v, want codes %v", res.Errors, c.codes)
			}
			for i, e := range res.Errors {
				if e.Code != c.codes[i] {
					t.Errorf("error %d: %v, want %v", i, e, c.codes[i])
				}
			}
		})
	}
}

func TestErrorMessageNamesEverything(t *testing.T) {
	res := check(t, strings.Replace(minimal, "SE*4*0001", "SE*9*0001", 1))
	msg := res.Errors[0].Error()
	for _, want := range []string{"t.edi", "ISA13=000000001", "GS06=1", "ST02=0001", "segment 6", "SE01", "IK502=4", "byte "} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q lacks %q", msg, want)
		}
	}
}

func TestCheckLimitKeepsCount(t *testing.T) {
	in := strings.Repeat(strings.Replace(minimal, "SE*4*0001", "SE*9*0001", 1), 10)
	in = strings.ReplaceAll(in, "GS*HC*SENDER*RECEIVER*20260115*1030*1*", "GS*HC*SENDER*RECEIVER*20260115*1030*1*")
	res, err := edi.Check(strings.NewReader(in), "", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 3 || res.ErrorCount != 10 || res.OK() {
		t.Errorf("kept %d of %d errors", len(res.Errors), res.ErrorCount)
	}
}

// TestNonASCIISeparators: a separator past ASCII is an envelope error of
// the ISA (TA105 026 or 004), not a reason to refuse to read the file.
func TestNonASCIISeparators(t *testing.T) {
	for _, c := range []struct {
		name     string
		from, to string
		code     edi.Code
	}{
		{"element separator", "*", "\xff", edi.TA1InvalidElementSeparator},
		{"segment terminator", "~", "\x85", edi.TA1InvalidSegmentTerminator},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := check(t, strings.ReplaceAll(minimal, c.from, c.to))
			if len(res.Errors) != 1 || res.Errors[0].Code != c.code || res.Errors[0].SegmentID != "ISA" {
				t.Fatalf("errors %v, want one %v at the ISA", res.Errors, c.code)
			}
			if res.Summary.Sets != 1 {
				t.Errorf("summary %+v: the file was not read through", res.Summary)
			}
		})
	}
}
