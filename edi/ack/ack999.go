package ack

import (
	"errors"
	"io"
	"sort"
	"strings"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
	"github.com/edigw/edigw/internal/spool"
)

// Version999 is the implementation guide of the 999 edigw writes.
const Version999 = "005010X231A1"

// Set acknowledgment codes (IK501) and group codes (AK901).
const (
	Accepted           = "A"
	AcceptedWithErrors = "E"
	Partially          = "P" // AK901 only: some sets accepted
	Rejected           = "R"
)

// SetDisposition decides how a 999 answers a set: accepted, accepted with
// errors, or rejected. Write999 rejects every set with errors unless the
// Disposition option says otherwise (the 277CA path accepts 837 sets whose
// errors are confined to claims, which it rejects one by one).
type SetDisposition func(*ig.SetResult) string

// DefaultDisposition accepts a set without errors and rejects any other.
func DefaultDisposition(s *ig.SetResult) string {
	if s.Accepted() {
		return Accepted
	}
	return Rejected
}

// Write999 writes an interchange holding one 999 that acknowledges group g
// and each of its transaction sets. disposition may be nil.
func Write999(w io.Writer, g *ig.GroupResult, disposition SetDisposition, o Options) error {
	if disposition == nil {
		disposition = DefaultDisposition
	}
	var sets setAcks
	defer sets.close()
	for _, st := range g.Sets {
		sets.add(st, disposition(st), o)
	}
	return sets.write999(w, g, o)
}

// setAcks is the part of a 999 that answers each transaction set (AK2 to
// IK5), written as each set ends into a spool, and the counts the AK9
// needs: memory stays flat however many sets a functional group holds.
type setAcks struct {
	data       spool.Buffer
	wr         *edi.Writer
	included   int
	accepted   int
	withErrors bool // some set is accepted with errors
	err        error
	chunk      []byte
}

// add writes the AK2 loop of one set answered with code.
func (a *setAcks) add(st *ig.SetResult, code string, o Options) {
	if a.wr == nil {
		a.wr = edi.NewWriter(&a.data, o.delims())
		a.wr.Newline = o.Newline
	}
	a.included++
	if code != Rejected {
		a.accepted++
	}
	if code == AcceptedWithErrors {
		a.withErrors = true
	}
	if a.err != nil {
		return
	}
	s := &segs{ew: a.wr, delims: o.delims(), claimAt: o.ClaimAt}
	s.set(st, code)
	a.err = s.err
}

// write999 writes the whole 999 answering g: envelopes, AK1, the sets'
// loops and AK9.
func (a *setAcks) write999(w io.Writer, g *ig.GroupResult, o Options) error {
	var segments int
	if a.wr != nil {
		if err := errors.Join(a.err, a.wr.Flush()); err != nil {
			return err
		}
		segments = int(a.wr.Segments())
	}
	wr := edi.NewWriter(w, o.delims())
	wr.Newline = o.Newline
	ew := edi.NewEnvelopeWriter(wr)
	var isa edi.InterchangeHeader
	if g.Interchange != nil {
		isa = g.Interchange.Header
	}
	isa.SenderID, isa.ReceiverID = padID(isa.SenderID, 15), padID(isa.ReceiverID, 15)
	if isa.SenderID == "" {
		isa.SenderID = "UNKNOWN"
	}
	if isa.ReceiverID == "" {
		isa.ReceiverID = "UNKNOWN"
	}
	if _, err := reply(ew, isa, &o); err != nil {
		return err
	}
	gh := g.Header
	gh.Sender, gh.Receiver = padID(gh.Sender, 15), padID(gh.Receiver, 15)
	if err := group(ew, "FA", Version999, gh, &o); err != nil {
		return err
	}
	if err := set(ew, "999", Version999, gh, &o); err != nil {
		return err
	}
	if err := WriteAK1(ew, padAN(g.Header.FunctionalID, 2, 2), digitsOr(g.Header.ControlNumber, "0"), padAN(g.Header.Version, 1, 12)); err != nil {
		return err
	}
	if err := copySegments(ew, a.data.Reader(), segments, &a.chunk); err != nil {
		return err
	}
	sets, accepted := a.included, a.accepted
	groupCode := Accepted
	switch {
	case len(g.Errors) > 0 || accepted == 0 && sets > 0:
		groupCode = Rejected
		accepted = 0
	case accepted < sets:
		groupCode = Partially
	case a.withErrors:
		groupCode = AcceptedWithErrors
	}
	if sets == 0 && len(g.Errors) == 0 {
		groupCode = Accepted
	}
	if err := WriteAK9(ew, groupCode, sets, sets, accepted, firstCodes(g.Errors, edi.AK905, 5)); err != nil {
		return err
	}
	if err := ew.EndSet(); err != nil {
		return err
	}
	if err := ew.EndGroup(); err != nil {
		return err
	}
	return ew.EndInterchange()
}

// close frees the spool; the setAcks can be used again.
func (a *setAcks) close() {
	a.data.Close()
	*a = setAcks{chunk: a.chunk}
}

// segs writes segments and keeps the first error.
type segs struct {
	ew      SegmentWriter
	delims  edi.Delimiters
	err     error
	claimAt func(*ig.SetResult, int) string
}

// set writes a set's 2000 loop (setAnswer) with the segment writer.
func (s *segs) set(st *ig.SetResult, code string) {
	if s.err == nil {
		s.err = WriteSetAnswer(s.ew, s.setAnswer(st, code))
	}
}

// setAnswer is what a 999 says of a validated set answered with code:
// AK2, the IK3/IK4 segment and element errors, and IK5.
func (s *segs) setAnswer(st *ig.SetResult, code string) *SetAnswer {
	h := st.Header
	a := &SetAnswer{SetID: padAN(h.ID, 3, 3), ControlNumber: padAN(h.ControlNumber, 4, 9), Code: code}
	if h.Convention != "" {
		a.Convention = padAN(h.Convention, 1, 35)
	}
	byPos := map[int][]*edi.Error{}
	var order []int
	for _, e := range st.Errors {
		if e.Code.Kind != edi.IK304 && e.Code.Kind != edi.IK403 {
			continue
		}
		p := e.Pos.SetIndex
		if _, ok := byPos[p]; !ok {
			order = append(order, p)
		}
		byPos[p] = append(byPos[p], e)
	}
	sort.Ints(order)
	for _, p := range order {
		a.Segments = s.segment(a.Segments, st, p, byPos[p])
	}
	if code != Accepted {
		codes := firstCodes(st.Errors, edi.IK502, 5)
		if len(codes) == 0 {
			codes = []string{edi.SetSegmentsInError.Value}
			if code == AcceptedWithErrors {
				codes = []string{"I5"} // implementation: one or more segments in error
			}
		}
		a.Errors = codes
	}
	return a
}

// segment adds the IK3 loops of one segment position: segment-level errors
// first (each its own IK3), then one IK3 with code 8 for element errors.
func (s *segs) segment(out []SegmentAnswer, st *ig.SetResult, pos int, errs []*edi.Error) []SegmentAnswer {
	var elems []*edi.Error
	for _, e := range errs {
		if e.Code.Kind == edi.IK304 {
			// IK302 is the segment that revealed a missing one; the CTX names
			// the claim it is missing from (placeAt).
			out = append(out, SegmentAnswer{SegmentID: e.SegmentID, Position: max(pos, 1), Loop: padAN(e.Loop, 0, 4),
				Code: e.Code.Value, Contexts: s.businessUnit(st, placeAt(e), e.Loop)})
			continue
		}
		elems = append(elems, e)
	}
	if len(elems) == 0 {
		return out
	}
	e0 := elems[0]
	seg := SegmentAnswer{SegmentID: e0.SegmentID, Position: max(pos, 1), Loop: padAN(e0.Loop, 0, 4),
		Code: edi.SegHasElementErrors.Value, Contexts: s.businessUnit(st, pos, e0.Loop)}
	for i, e := range elems {
		if i == 99 { // IK4 repeats at most 99 times per IK3
			break
		}
		seg.Elements = append(seg.Elements, ElementAnswer{
			Position:  ElementPosition{Element: e.Element, Component: e.Component, Repetition: e.Repetition},
			Reference: digitsOr(e.ElementRef, ""), Code: e.Code.Value, BadValue: bad(e, s.delims)})
	}
	return append(out, seg)
}

// bad returns the copy of the bad element a 999 may carry (IK404): the
// value when one was present, cut to 99 characters, and left out when it
// holds one of the delimiters the 999 is written with.
func bad(e *edi.Error, d edi.Delimiters) string {
	v := e.Value
	if v == "" || e.Code == edi.ElemRequiredMissing || e.Code == edi.ElemConditionalMissing {
		return ""
	}
	if len(v) > 99 {
		v = v[:99]
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == d.Element || c == d.Component || c == d.Segment || c == d.Repetition || c < 0x20 || c > 0x7E {
			return ""
		}
	}
	return v
}

// firstCodes returns the distinct code values of one kind, at most n.
func firstCodes(errs []*edi.Error, kind edi.CodeKind, n int) []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range errs {
		if e.Code.Kind == kind && !seen[e.Code.Value] && len(out) < n {
			seen[e.Code.Value] = true
			out = append(out, e.Code.Value)
		}
	}
	return out
}

func digitsOr(v, d string) string {
	if digitsOnly(v) {
		return v
	}
	return d
}

// padAN keeps an echoed identifier within the 999's limits; an inbound
// value outside them (possible only in a broken envelope) is cut or padded,
// and characters that could be delimiters become spaces.
func padAN(v string, min, max int) string {
	v = clean(v, max)
	for len(v) < min {
		v += "X"
	}
	return v
}

// businessUnit is the CTX that names the claim an error is in; errors in
// the header, submitter or receiver (loops not starting with 2) have none.
func (s *segs) businessUnit(st *ig.SetResult, pos int, loop string) []Context {
	if s.claimAt == nil || !strings.HasPrefix(loop, "2") {
		return nil
	}
	if pcn := clean(s.claimAt(st, pos), 35); pcn != "" {
		return []Context{{IDs: []ContextID{{Name: "CLM01", Reference: pcn}}}}
	}
	return nil
}
