package ack

import (
	"io"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

// TA1 codes of the interchange acknowledgment (TA104).
const (
	TA1Accepted           = "A"
	TA1AcceptedWithErrors = "E"
	TA1Rejected           = "R"
)

// NeedsTA1 reports whether an interchange gets a TA1: it has envelope
// errors, or its sender asked for one (ISA14 = 1).
func NeedsTA1(ic *ig.InterchangeResult) bool {
	return len(ic.Errors) > 0 || ic.Header.AckRequested
}

// TA1Outcome returns the acknowledgment code and note code (TA105) for an
// interchange: accepted with 000, or rejected with its first error's code.
func TA1Outcome(ic *ig.InterchangeResult) (code, note string) {
	for _, e := range ic.Errors {
		if e.Code.Kind == edi.TA105 {
			return TA1Rejected, e.Code.Value
		}
	}
	return TA1Accepted, "000"
}

// WriteTA1 writes an interchange holding one TA1 that answers ic.
func WriteTA1(w io.Writer, ic *ig.InterchangeResult, o Options) error {
	wr := edi.NewWriter(w, o.delims())
	wr.Newline = o.Newline
	ew := edi.NewEnvelopeWriter(wr)
	h := ic.Header
	h.SenderID, h.ReceiverID = padID(x12Only(h.SenderID), 15), padID(x12Only(h.ReceiverID), 15)
	h.SenderQualifier, h.ReceiverQualifier = x12Only(h.SenderQualifier), x12Only(h.ReceiverQualifier)
	if _, err := reply(ew, h, &o); err != nil {
		return err
	}
	code, note := TA1Outcome(ic)
	date, tm := h.Date, h.Time
	if !edi.ValidDate([]byte(date)) || len(date) != 6 {
		date = o.now().Format("060102") // a TA1 must carry a valid date even when the ISA's is bad
	}
	if !edi.ValidTime([]byte(tm)) || len(tm) != 4 {
		tm = o.now().Format("1504")
	}
	ctl := h.ControlNumber
	if len(ctl) != 9 || !digitsOnly(ctl) {
		ctl = "000000000" // an ISA13 that is not 9 digits cannot be echoed
	}
	if err := WriteTA1Segment(ew, &InterchangeAnswer{ControlNumber: ctl, Date: date, Time: tm, Code: code, NoteCode: note}); err != nil {
		return err
	}
	return ew.EndInterchange()
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// x12Only replaces the bytes of an inbound envelope ID that are outside
// the X12 character set (which the envelope check rejects, TA105 005 to
// 008) with '?': the TA1 that rejects such an ID must itself be an
// envelope its receiver can read.
func x12Only(v string) string {
	for i := 0; i < len(v); i++ {
		if v[i] < 0x20 || v[i] > 0x7e {
			b := []byte(v)
			for j := i; j < len(b); j++ {
				if b[j] < 0x20 || b[j] > 0x7e {
					b[j] = '?'
				}
			}
			return string(b)
		}
	}
	return v
}
