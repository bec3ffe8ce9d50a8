package edi

import (
	"bufio"
	"fmt"
	"io"
)

// Elem is one data element to write: its repetitions, each a list of
// components. Most elements are a single value; see Simple, Composite and
// Repeated.
type Elem [][]string

// Simple is an element with one value.
func Simple(v string) Elem { return Elem{{v}} }

// Composite is an element made of components (HC:99213:25).
func Composite(components ...string) Elem { return Elem{components} }

// Repeated is an element with several repetitions, each a list of components.
func Repeated(reps ...[]string) Elem { return Elem(reps) }

// Writer writes X12 segments with chosen delimiters. Data that contains one
// of the delimiters is an error and nothing of that segment is written: an
// X12 file has no escape mechanism, so writing it would change the data.
// Trailing empty elements and components are left out, as X12 requires.
//
// A DataError writes nothing and leaves the Writer usable; an I/O error is
// sticky: every later call returns it.
type Writer struct {
	// Newline adds a line feed after every segment terminator (a common
	// courtesy to people reading files; X12 ignores it).
	Newline bool

	w   *bufio.Writer
	d   Delimiters
	err error
	seg []byte // the segment being built, reused
	n   int64  // segments written
}

// NewWriter returns a Writer that writes to w with delimiters d.
func NewWriter(w io.Writer, d Delimiters) *Writer {
	return &Writer{w: bufio.NewWriterSize(w, 64<<10), d: d}
}

// Delimiters returns the delimiters the Writer uses.
func (w *Writer) Delimiters() Delimiters { return w.d }

// Segments is the number of segments written so far.
func (w *Writer) Segments() int64 { return w.n }

// DataError reports data that cannot be written because it contains a
// delimiter.
type DataError struct {
	SegmentID string
	Element   int    // 1-based
	Value     string // for the caller; Error leaves it out
	Delimiter byte
}

// Error names the element and the delimiter, never the value: the value
// may hold PHI and the message may reach a log or an HTTP body.
func (e *DataError) Error() string {
	if e.Delimiter == 0 {
		return fmt.Sprintf("%s%s: the element repeats, but there is no repetition separator", e.SegmentID, elementRef(e.Element))
	}
	return fmt.Sprintf("%s%s: the value contains the delimiter %q", e.SegmentID, elementRef(e.Element), e.Delimiter)
}

// WriteStrings writes a segment whose elements are all simple values.
func (w *Writer) WriteStrings(id string, elems ...string) error {
	if w.err != nil {
		return w.err
	}
	if err := w.checkID(id); err != nil {
		return err
	}
	last := len(elems)
	for last > 0 && elems[last-1] == "" {
		last--
	}
	b := append(w.seg[:0], id...)
	for i, v := range elems[:last] {
		if err := w.checkValue(id, i+1, v, id == "ISA"); err != nil {
			return err
		}
		b = append(b, w.d.Element)
		b = append(b, v...)
	}
	return w.flushSeg(b)
}

// Write writes a segment of (possibly composite or repeated) elements.
func (w *Writer) Write(id string, elems ...Elem) error {
	if w.err != nil {
		return w.err
	}
	if err := w.checkID(id); err != nil {
		return err
	}
	last := len(elems)
	for last > 0 && elems[last-1].empty() {
		last--
	}
	b := append(w.seg[:0], id...)
	for i, e := range elems[:last] {
		b = append(b, w.d.Element)
		reps := len(e)
		for reps > 0 && emptyComponents(e[reps-1]) {
			reps--
		}
		if reps > 1 && w.d.Repetition == 0 {
			return &DataError{SegmentID: id, Element: i + 1, Value: fmt.Sprint(e), Delimiter: 0}
		}
		for r, comps := range e[:reps] {
			if r > 0 {
				b = append(b, w.d.Repetition)
			}
			nc := len(comps)
			for nc > 0 && comps[nc-1] == "" {
				nc--
			}
			for c, v := range comps[:nc] {
				if c > 0 {
					b = append(b, w.d.Component)
				}
				if err := w.checkValue(id, i+1, v, false); err != nil {
					return err
				}
				b = append(b, v...)
			}
		}
	}
	return w.flushSeg(b)
}

// WriteSegment writes a segment read by a Reader, re-encoding it with the
// Writer's delimiters. It fails if the data holds one of the Writer's
// delimiters that is not a delimiter in the source.
func (w *Writer) WriteSegment(s *Segment) error {
	if w.err != nil {
		return w.err
	}
	src := s.Delimiters()
	if s.id == "ISA" {
		// ISA11 and ISA16 hold delimiters as data: write the Writer's own.
		elems := make([]string, s.Len())
		for i := range elems {
			elems[i] = s.String(i + 1)
		}
		if len(elems) >= 16 {
			elems[15] = string([]byte{w.d.Component})
		}
		if len(elems) >= 11 && src.Repetition != 0 && w.d.Repetition != 0 {
			elems[10] = string([]byte{w.d.Repetition})
		}
		return w.WriteStrings("ISA", elems...)
	}
	b := w.seg[:0]
	elem := 0
	for _, c := range s.raw {
		switch {
		case c == src.Element:
			elem++
			c = w.d.Element
		case c == src.Component:
			c = w.d.Component
		case src.Repetition != 0 && c == src.Repetition && w.d.Repetition != 0:
			c = w.d.Repetition
		case w.d.isDelimiter(c) || src.Repetition != 0 && c == src.Repetition:
			return &DataError{SegmentID: s.id, Element: elem, Value: string(s.Element(elem)), Delimiter: c}
		}
		b = append(b, c)
	}
	return w.flushSeg(b)
}

func (w *Writer) flushSeg(b []byte) error {
	b = append(b, w.d.Segment)
	if w.Newline && w.d.Segment != '\n' {
		b = append(b, '\n')
	}
	w.seg = b
	if _, err := w.w.Write(b); err != nil {
		w.err = err
		return err
	}
	w.n++
	return nil
}

func (w *Writer) checkID(id string) error {
	if !ValidSegmentID(id) {
		return fmt.Errorf("edi: a segment identifier of %d characters is not 2 or 3 upper-case letters and digits", len(id))
	}
	return nil
}

// checkValue rejects a value that holds a delimiter. The ISA carries ISA11
// and ISA16, which are delimiters by definition.
func (w *Writer) checkValue(id string, elem int, v string, isa bool) error {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if isa && (elem == 11 && c == w.d.Repetition || elem == 16 && c == w.d.Component) {
			continue
		}
		if w.d.isDelimiter(c) {
			return &DataError{SegmentID: id, Element: elem, Value: v, Delimiter: c}
		}
	}
	return nil
}

// WriteSegments copies n segments that a Writer with the same delimiters
// and Newline wrote beforehand: what lets a set's body be built early and
// enveloped later, with control numbers known only then.
func (w *Writer) WriteSegments(b []byte, n int) error {
	if w.err != nil {
		return w.err
	}
	if _, err := w.w.Write(b); err != nil {
		w.err = err
		return err
	}
	w.n += int64(n)
	return nil
}

// Flush writes any buffered data to the underlying writer.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	if err := w.w.Flush(); err != nil {
		w.err = err
	}
	return w.err
}

func (e Elem) empty() bool {
	for _, r := range e {
		if !emptyComponents(r) {
			return false
		}
	}
	return true
}

func emptyComponents(c []string) bool {
	for _, v := range c {
		if v != "" {
			return false
		}
	}
	return true
}
