package ack

import (
	"strconv"

	"github.com/edigw/edigw/edi"
)

// The one writer of acknowledgment segments. Two callers build what they
// write: the Acknowledger from validation results (Write999, Write277CA,
// WriteTA1, which clean and pad the values they echo), and mapping from
// the acknowledgment records edigw stores (mapping.Write999 and the
// others, for `edigw generate` and the round-trip guarantee), which
// writes the records' values as they are. Both hand the values to the
// types and functions here, so a 999 loop, a status or a TA1 is written
// one way. This package imports nothing of the domain: mapping turns its
// records into these types.

// SegmentWriter is where acknowledgment segments go: an
// edi.EnvelopeWriter inside a set, or an edi.Writer building a set's body
// ahead of its envelope.
type SegmentWriter interface {
	Write(id string, elems ...edi.Elem) error
	WriteStrings(id string, elems ...string) error
}

// SetAnswer is a 999's answer for one transaction set (the 2000 loop):
// AK2, the segment errors, and IK5 with its code and up to five error
// codes.
type SetAnswer struct {
	SetID, ControlNumber, Convention string // AK201-AK203
	Segments                         []SegmentAnswer
	Code                             string   // IK501
	Errors                           []string // IK502-IK506
}

// SegmentAnswer is an IK3 with its contexts and element errors (2100).
type SegmentAnswer struct {
	SegmentID string // IK301
	Position  int    // IK302
	Loop      string // IK303
	Code      string // IK304
	Contexts  []Context
	Elements  []ElementAnswer
}

// ElementAnswer is an IK4 with its contexts (2110).
type ElementAnswer struct {
	Position  ElementPosition // IK401
	Reference string          // IK402
	Code      string          // IK403
	BadValue  string          // IK404
	Contexts  []Context
}

// ElementPosition is a C030: element, component and repetition, each
// counted from 1 (0 when not given).
type ElementPosition struct{ Element, Component, Repetition int }

// Context is a CTX: business unit names and references (C998, repeated),
// and where the segment that triggered a situational requirement is.
type Context struct {
	IDs       []ContextID
	SegmentID string
	Position  int
	Loop      string
	Element   *ElementPosition
}

// ContextID is one C998: a context name and its reference.
type ContextID struct{ Name, Reference string }

// WriteAK1 writes a 999's AK1: the functional group it answers.
func WriteAK1(w SegmentWriter, functionalID, controlNumber, version string) error {
	return w.WriteStrings("AK1", functionalID, controlNumber, version)
}

// WriteSetAnswer writes one set's 2000 loop: AK2, each IK3 with its CTXs
// and IK4s (each IK4 followed by its CTXs), and IK5.
func WriteSetAnswer(w SegmentWriter, s *SetAnswer) error {
	if err := w.WriteStrings("AK2", s.SetID, s.ControlNumber, s.Convention); err != nil {
		return err
	}
	for i := range s.Segments {
		se := &s.Segments[i]
		if err := w.WriteStrings("IK3", se.SegmentID, strconv.Itoa(se.Position), se.Loop, se.Code); err != nil {
			return err
		}
		if err := writeContexts(w, se.Contexts); err != nil {
			return err
		}
		for j := range se.Elements {
			ee := &se.Elements[j]
			if err := w.Write("IK4", elementPosition(ee.Position), edi.Simple(ee.Reference), edi.Simple(ee.Code),
				edi.Simple(ee.BadValue)); err != nil {
				return err
			}
			if err := writeContexts(w, ee.Contexts); err != nil {
				return err
			}
		}
	}
	return w.WriteStrings("IK5", append([]string{s.Code}, s.Errors...)...)
}

// WriteAK9 writes a 999's AK9: the group's code, the set counts and up to
// five group error codes.
func WriteAK9(w SegmentWriter, code string, included, received, accepted int, errors []string) error {
	ak9 := []string{code, strconv.Itoa(included), strconv.Itoa(received), strconv.Itoa(accepted)}
	return w.WriteStrings("AK9", append(ak9, errors...)...)
}

func writeContexts(w SegmentWriter, cs []Context) error {
	for i := range cs {
		if err := WriteCTX(w, &cs[i]); err != nil {
			return err
		}
	}
	return nil
}

// WriteCTX writes a CTX: its C998 pairs, then where the triggering
// segment is.
func WriteCTX(w SegmentWriter, c *Context) error {
	reps := make([][]string, len(c.IDs))
	for i, id := range c.IDs {
		reps[i] = []string{id.Name, id.Reference}
	}
	elems := []edi.Elem{edi.Repeated(reps...)}
	if c.SegmentID != "" {
		elems = append(elems, edi.Simple(c.SegmentID), edi.Simple(strconv.Itoa(c.Position)), edi.Simple(c.Loop))
		if c.Element != nil {
			elems = append(elems, elementPosition(*c.Element))
		}
	}
	return w.Write("CTX", elems...)
}

// elementPosition is a C030: element, then component and repetition when
// given.
func elementPosition(p ElementPosition) edi.Elem {
	c := []string{strconv.Itoa(p.Element), "", ""}
	if p.Component > 0 {
		c[1] = strconv.Itoa(p.Component)
	}
	if p.Repetition > 0 {
		c[2] = strconv.Itoa(p.Repetition)
	}
	return edi.Composite(c...)
}

// Status is an STC: up to three status codes (STC01, STC10, STC11, each a
// C043 of category, status, entity and code list), the date, the action
// (U unprocessable, WQ accepted), the charge and a message (STC12).
type Status struct {
	Codes                [][]string
	Date, Action, Charge string
	Message              string
}

// WriteSTC writes a status.
func WriteSTC(w SegmentWriter, st *Status) error {
	elems := make([]edi.Elem, 12)
	for i := range elems {
		elems[i] = edi.Simple("")
	}
	for i, c := range st.Codes {
		if i > 2 {
			break
		}
		elems[[...]int{0, 9, 10}[i]] = edi.Composite(c...)
	}
	elems[1], elems[2], elems[3], elems[11] = edi.Simple(st.Date), edi.Simple(st.Action), edi.Simple(st.Charge), edi.Simple(st.Message)
	return w.Write("STC", elems...)
}

// Totals are a 277CA level's counts and amounts of accepted and rejected
// claims; an empty one is left out.
type Totals struct {
	AcceptedClaims, RejectedClaims string
	AcceptedAmount, RejectedAmount string
}

// WriteTotals writes a level's QTYs (accepted and rejected, with the
// level's qualifiers: 90 and AA for the batch, QA and QC for a provider)
// and AMTs (YU accepted, YY rejected).
func WriteTotals(w SegmentWriter, acceptedQualifier, rejectedQualifier string, t *Totals) error {
	for _, s := range [...][3]string{
		{"QTY", acceptedQualifier, t.AcceptedClaims}, {"QTY", rejectedQualifier, t.RejectedClaims},
		{"AMT", "YU", t.AcceptedAmount}, {"AMT", "YY", t.RejectedAmount},
	} {
		if s[2] == "" {
			continue
		}
		if err := w.WriteStrings(s[0], s[1], s[2]); err != nil {
			return err
		}
	}
	return nil
}

// InterchangeAnswer is a TA1: the ISA13, date and time of the interchange
// it answers, the acknowledgment code and the note code.
type InterchangeAnswer struct {
	ControlNumber, Date, Time, Code, NoteCode string
}

// WriteTA1Segment writes a TA1 into an open interchange (outside any
// group).
func WriteTA1Segment(ew *edi.EnvelopeWriter, t *InterchangeAnswer) error {
	return ew.WriteInterchangeSegment("TA1", t.ControlNumber, t.Date, t.Time, t.Code, t.NoteCode)
}
