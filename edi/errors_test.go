package edi_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/edigw/edigw/edi"
)

// readErrors returns every error a Reader returns for in, as it returns
// them (not unwrapped), up to and including a fatal one.
func readErrors(in string, maxSegment int) []error {
	rd := edi.NewReader(strings.NewReader(in))
	rd.MaxSegmentSize = maxSegment
	var errs []error
	for {
		_, err := rd.Next()
		if err == io.EOF {
			return errs
		}
		if err != nil {
			errs = append(errs, err)
			if edi.IsFatal(err) {
				return errs
			}
		}
	}
}

// TestReaderErrorsWrapSentinels: each kind of Reader error is an *edi.Error
// that errors.Is matches to its sentinel, and to no other.
func TestReaderErrorsWrapSentinels(t *testing.T) {
	sentinels := []error{edi.ErrNoInterchange, edi.ErrTextBeforeInterchange, edi.ErrInterchangeHeader,
		edi.ErrUnterminatedSegment, edi.ErrSegmentTooLong}
	cases := []struct {
		name, in string
		max      int
		want     error
		fatal    bool
	}{
		{"empty input", "", 0, edi.ErrNoInterchange, true},
		{"only whitespace", " \r\n\t", 0, edi.ErrNoInterchange, true},
		{"text without an ISA", "Dear clearinghouse,\nplease find our claims attached.\n", 0, edi.ErrNoInterchange, true},
		{"bare ST", "ST*835*0001~BPR*I~SE*3*0001~", 0, edi.ErrNoInterchange, true},
		{"text before the ISA", "Subject: claims\n\n" + minimal, 0, edi.ErrTextBeforeInterchange, false},
		{"short ISA", "ISA*00*    *00~GS*HC~", 0, edi.ErrInterchangeHeader, true},
		{"alphanumeric terminator", isaStd[:len(isaStd)-1] + "X", 0, edi.ErrInterchangeHeader, true},
		{"unterminated last segment", strings.TrimSuffix(minimal, "~"), 0, edi.ErrUnterminatedSegment, false},
		{"segment too long", isaStd + "GS*" + strings.Repeat("X", 5000), 1024, edi.ErrSegmentTooLong, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			errs := readErrors(c.in, c.max)
			if len(errs) != 1 {
				t.Fatalf("errors %v, want one", errs)
			}
			err := errs[0]
			var e *edi.Error
			if !errors.As(err, &e) || e.Fatal != c.fatal || edi.IsFatal(err) != c.fatal {
				t.Fatalf("%v: want an *edi.Error, fatal %v", err, c.fatal)
			}
			for _, s := range sentinels {
				if got := errors.Is(err, s); got != (s == c.want) {
					t.Errorf("errors.Is(%q, %q) = %v", err, s, got)
				}
			}
			// Msg says it in words; the sentinel is not repeated after it.
			if strings.Count(err.Error(), c.want.Error()) > 1 {
				t.Errorf("message repeats %q: %v", c.want, err)
			}
		})
	}
}

// TestNoInterchangeIsOneMessage: an empty file and a file of text get the
// same message, the empty one with a note after it.
func TestNoInterchangeIsOneMessage(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "no ISA interchange header: empty input",
		"hello\n":                   "no ISA interchange header",
		"ST*835*0001~SE*2*0001~\n":  "no ISA interchange header",
		"\n\n   \n":                 "no ISA interchange header",
		"ISA is not here, really\n": "no ISA interchange header",
	} {
		errs := readErrors(in, 0)
		var e *edi.Error
		if len(errs) != 1 || !errors.As(errs[0], &e) || e.Msg != want {
			t.Errorf("%q: %v, want the message %q", in, errs, want)
		}
	}
}

// TestEnvelopeErrorsWrapNothing: errors the envelope checker and the
// guides report carry a Code, not a sentinel.
func TestEnvelopeErrorsWrapNothing(t *testing.T) {
	e := &edi.Error{Code: edi.TA1InvalidContent, Msg: "GS outside any interchange"}
	if e.Unwrap() != nil || errors.Is(e, edi.ErrNoInterchange) {
		t.Errorf("%v unwraps to %v", e, e.Unwrap())
	}
}
