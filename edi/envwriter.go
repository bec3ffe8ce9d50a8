package edi

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// EnvelopeWriter writes interchanges, functional groups and transaction
// sets around the segments a caller writes, filling in what is derived: the
// ISA's fixed-width padding and delimiters, SE01 (segment count), GE01 (set
// count), IEA01 (group count) and the trailer control numbers that must
// match their headers.
type EnvelopeWriter struct {
	w *Writer

	inISA  bool
	isa13  string
	groups int

	inGS bool
	gs06 string
	sets int

	inST bool
	st02 string
	segs int
}

// NewEnvelopeWriter returns an EnvelopeWriter over w.
func NewEnvelopeWriter(w *Writer) *EnvelopeWriter { return &EnvelopeWriter{w: w} }

// Writer returns the underlying segment writer.
func (e *EnvelopeWriter) Writer() *Writer { return e.w }

var errEnvelopeOrder = errors.New("edi: envelope segments out of order")

// pad right-pads v with spaces to width n, or fails when it is longer.
func pad(name, v string, n int) (string, error) {
	if len(v) > n {
		return "", fmt.Errorf("edi: %s %q is longer than %d characters", name, v, n)
	}
	return v + strings.Repeat(" ", n-len(v)), nil
}

// BeginInterchange writes an ISA. The delimiters are the Writer's; the
// header's Delimiters field is ignored. ControlNumber must be 1 to 9 digits
// and is zero-padded to 9.
func (e *EnvelopeWriter) BeginInterchange(h InterchangeHeader) error {
	if e.inISA {
		return fmt.Errorf("%w: ISA inside interchange %s", errEnvelopeOrder, e.isa13)
	}
	cn, err := controlNumber("ISA13", h.ControlNumber, 9)
	if err != nil {
		return err
	}
	d := e.w.Delimiters()
	rep := "U"
	if d.Repetition != 0 {
		rep = string([]byte{d.Repetition})
	}
	ack := "0"
	if h.AckRequested {
		ack = "1"
	}
	def := func(v, d string) string {
		if v == "" {
			return d
		}
		return v
	}
	fields := []struct {
		name, v string
		n       int
	}{
		{"ISA01", def(h.AuthQualifier, "00"), 2}, {"ISA02", h.AuthInfo, 10},
		{"ISA03", def(h.SecurityQualifier, "00"), 2}, {"ISA04", h.SecurityInfo, 10},
		{"ISA05", def(h.SenderQualifier, "ZZ"), 2}, {"ISA06", h.SenderID, 15},
		{"ISA07", def(h.ReceiverQualifier, "ZZ"), 2}, {"ISA08", h.ReceiverID, 15},
		{"ISA09", h.Date, 6}, {"ISA10", h.Time, 4}, {"ISA11", rep, 1},
		{"ISA12", def(h.Version, "00501"), 5}, {"ISA13", cn, 9}, {"ISA14", ack, 1},
		{"ISA15", def(h.Usage, "P"), 1}, {"ISA16", string([]byte{d.Component}), 1},
	}
	elems := make([]string, len(fields))
	for i, f := range fields {
		if elems[i], err = pad(f.name, f.v, f.n); err != nil {
			return err
		}
	}
	if !ValidDate([]byte(h.Date)) || !ValidTime([]byte(h.Time)) {
		return fmt.Errorf("edi: ISA09/ISA10 %q %q is not a valid YYMMDD HHMM date and time", h.Date, h.Time)
	}
	if err := e.w.WriteStrings("ISA", elems...); err != nil {
		return err
	}
	e.inISA, e.isa13, e.groups = true, cn, 0
	return nil
}

// controlNumber checks a numeric control number and zero-pads it to width
// (when width is 9, for ISA13).
func controlNumber(name, v string, width int) (string, error) {
	if v == "" || len(v) > 9 || !allDigits([]byte(v)) {
		return "", fmt.Errorf("edi: %s %q must be 1 to 9 digits", name, v)
	}
	if width > len(v) {
		v = strings.Repeat("0", width-len(v)) + v
	}
	return v, nil
}

// BeginGroup writes a GS. ControlNumber must be 1 to 9 digits.
func (e *EnvelopeWriter) BeginGroup(h GroupHeader) error {
	if !e.inISA || e.inGS {
		return fmt.Errorf("%w: GS must be inside an interchange and outside any group", errEnvelopeOrder)
	}
	cn, err := controlNumber("GS06", h.ControlNumber, 0)
	if err != nil {
		return err
	}
	if h.Agency == "" {
		h.Agency = "X"
	}
	if err := e.w.WriteStrings("GS", h.FunctionalID, h.Sender, h.Receiver, h.Date, h.Time, cn, h.Agency, h.Version); err != nil {
		return err
	}
	e.inGS, e.gs06, e.sets = true, cn, 0
	e.groups++
	return nil
}

// BeginSet writes an ST. ControlNumber must be 4 to 9 characters.
func (e *EnvelopeWriter) BeginSet(h SetHeader) error {
	if !e.inGS || e.inST {
		return fmt.Errorf("%w: ST must be inside a group and outside any set", errEnvelopeOrder)
	}
	if n := len(h.ControlNumber); n < 4 || n > 9 {
		return fmt.Errorf("edi: ST02 %q must be 4 to 9 characters", h.ControlNumber)
	}
	if err := e.w.WriteStrings("ST", h.ID, h.ControlNumber, h.Convention); err != nil {
		return err
	}
	e.inST, e.st02, e.segs = true, h.ControlNumber, 1
	e.sets++
	return nil
}

// Write writes a segment inside the current transaction set.
func (e *EnvelopeWriter) Write(id string, elems ...Elem) error {
	if !e.inST {
		return fmt.Errorf("%w: %s outside a transaction set", errEnvelopeOrder, id)
	}
	if err := e.w.Write(id, elems...); err != nil {
		return err
	}
	e.segs++
	return nil
}

// WriteStrings writes a segment of simple elements inside the current set.
func (e *EnvelopeWriter) WriteStrings(id string, elems ...string) error {
	if !e.inST {
		return fmt.Errorf("%w: %s outside a transaction set", errEnvelopeOrder, id)
	}
	if err := e.w.WriteStrings(id, elems...); err != nil {
		return err
	}
	e.segs++
	return nil
}

// WriteSegments copies n segments written beforehand (Writer.WriteSegments)
// into the current set, counting them for SE01.
func (e *EnvelopeWriter) WriteSegments(b []byte, n int) error {
	if !e.inST {
		return fmt.Errorf("%w: segments outside a transaction set", errEnvelopeOrder)
	}
	if err := e.w.WriteSegments(b, n); err != nil {
		return err
	}
	e.segs += n
	return nil
}

// WriteInterchangeSegment writes a segment that belongs directly inside an
// interchange, outside any group: a TA1.
func (e *EnvelopeWriter) WriteInterchangeSegment(id string, elems ...string) error {
	if !e.inISA || e.inGS {
		return fmt.Errorf("%w: %s must be inside an interchange and outside any group", errEnvelopeOrder, id)
	}
	return e.w.WriteStrings(id, elems...)
}

// SetSegments is the number of segments written in the current set so far,
// counting ST.
func (e *EnvelopeWriter) SetSegments() int { return e.segs }

// EndSet writes the SE with the segment count and ST02.
func (e *EnvelopeWriter) EndSet() error {
	if !e.inST {
		return fmt.Errorf("%w: SE outside a transaction set", errEnvelopeOrder)
	}
	if err := e.w.WriteStrings("SE", strconv.Itoa(e.segs+1), e.st02); err != nil {
		return err
	}
	e.inST = false
	return nil
}

// EndGroup writes the GE with the set count and GS06.
func (e *EnvelopeWriter) EndGroup() error {
	if !e.inGS || e.inST {
		return fmt.Errorf("%w: GE outside a group or before SE", errEnvelopeOrder)
	}
	if err := e.w.WriteStrings("GE", strconv.Itoa(e.sets), e.gs06); err != nil {
		return err
	}
	e.inGS = false
	return nil
}

// EndInterchange writes the IEA with the group count and ISA13, and flushes.
func (e *EnvelopeWriter) EndInterchange() error {
	if !e.inISA || e.inGS {
		return fmt.Errorf("%w: IEA outside an interchange or before GE", errEnvelopeOrder)
	}
	if err := e.w.WriteStrings("IEA", strconv.Itoa(e.groups), e.isa13); err != nil {
		return err
	}
	e.inISA = false
	return e.w.Flush()
}
