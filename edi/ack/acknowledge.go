package ack

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
	"github.com/edigw/edigw/internal/spool"
)

// Kinds of acknowledgment files.
const (
	KindTA1   = "ta1"
	Kind999   = "999"
	Kind277CA = "277ca"
)

// Sink opens the destination of one acknowledgment. ref names what it
// answers: the inbound ISA13, and GS06 and ST02 where they apply.
type Sink func(kind, ref string) (io.WriteCloser, error)

// Result counts what Acknowledge wrote and found.
type Result struct {
	Report         *ig.Report
	TA1s           int
	Acks999        int
	Acks277CA      int
	ClaimsAccepted int
	ClaimsRejected int
}

// Acknowledge validates an inbound file and writes its acknowledgments: a
// 999 for each functional group, a 277CA for each 837 set the 999 did not
// reject, and a TA1 for an interchange with envelope errors (or ISA14 = 1).
// A TA1 that rejects an interchange replaces its 999s and 277CAs: a
// rejected interchange is not processed further. The acknowledgments of an
// interchange are held until its IEA, so memory is bounded by one
// interchange's acknowledgments and one set's claims.
func Acknowledge(ctx context.Context, r io.Reader, name string, o Options, sink Sink) (*Result, error) {
	a := NewAcknowledger(ctx, o, sink)
	v := &ig.Validator{File: name, ForgetSets: true, Handlers: []ig.Handler{a}}
	rep, err := v.Run(r)
	res, werr := a.Finish()
	res.Report = rep
	return res, errors.Join(err, werr)
}

// An Acknowledger is the ig.Handler that builds acknowledgments, so a
// caller that reads a file for other reasons (mapping it to records,
// adding business-rule errors to its sets) acknowledges it in the same
// pass: put it in the Validator's Handlers after the handlers whose
// CheckSet adds errors. It answers each set as it ends, so the Validator
// need not keep a group's sets (ig.Validator.ForgetSets).
//
// It collects the claims of every 837 set once, and says which claim each
// error sits in (Claims): a mapper marking the rejected claims reads that
// rather than collecting the claims again.
//
// Everything it holds waits in spools (on disk past 64 KB), never in a
// list per set or per claim: the 999's answer to each set, written as the
// set ends; the 277CA bodies of the open group; the built acknowledgments
// of the open interchange. A file of 400,000 empty sets or one set of
// 100,000 claims costs no more memory than a small one.
type Acknowledger struct {
	o         Options
	sink      Sink
	res       Result
	collector ClaimCollector
	// The open group: its 999's set loops and its 277CA bodies.
	group   *ig.GroupResult
	sets    setAcks
	bodies  queue
	current *Claims // the claims of the set being answered (999 CTX)
	// The open interchange's built acknowledgments, until its IEA.
	pending queue
	chunk   []byte
	werr    error
	// refused is the open interchange when Refuse was told to answer it
	// with a TA1 alone.
	refused *ig.InterchangeResult
}

// NewAcknowledger returns an Acknowledger writing to sink. Like a
// database/sql transaction's, its context is used until Finish: control
// numbers are allocated under it.
func NewAcknowledger(ctx context.Context, o Options, sink Sink) *Acknowledger {
	a := &Acknowledger{o: o, sink: sink}
	a.o.ClaimAt = a.claimAt
	a.o.ctx = ctx
	return a
}

// The Acknowledger's ig.Handler methods.

// InterchangeStart does nothing: a caller refuses an interchange at its
// ISA with Refuse, before the Acknowledger hears of its groups.
func (a *Acknowledger) InterchangeStart(*ig.InterchangeResult) {}

// Segment collects the claims of 837 sets.
func (a *Acknowledger) Segment(ev *ig.Event) { a.collector.Segment(ev) }

func (a *Acknowledger) Error(*edi.Error) {}

// CheckSet adds no error: the Acknowledger judges in SetEnd.
func (a *Acknowledger) CheckSet(*ig.SetResult) []*edi.Error { return nil }

// SetEnd answers the set (setEnded).
func (a *Acknowledger) SetEnd(s *ig.SetResult) { a.setEnded(s) }

// GroupEnd writes the group's 999 and 277CAs (groupEnded).
func (a *Acknowledger) GroupEnd(g *ig.GroupResult) { a.groupEnded(g) }

// InterchangeEnd hands over the interchange's acknowledgments, or its TA1
// alone (interchange).
func (a *Acknowledger) InterchangeEnd(ic *ig.InterchangeResult) { a.interchange(ic) }

// Claims returns the claims of 837 set s with the errors each holds (nil
// for a set that is not an 837), once every CheckSet of s has run: in
// SetEnd, whatever the Handler's place in the list. They stay valid until
// the next set's segments or Finish; the caller does not close them.
func (a *Acknowledger) Claims(s *ig.SetResult) (*Claims, error) { return a.collector.Claims(s) }

// setEnded answers a set as soon as it ends (its errors, business rules
// included, are all in): its loop of the group's 999 and, for an 837 set
// the 999 does not reject, its 277CA body. A refused interchange's sets
// get neither: its TA1 is their only answer.
func (a *Acknowledger) setEnded(s *ig.SetResult) {
	g := s.Group
	if g == nil || a.isRefused(g.Interchange) {
		return // outside any group, or in a refused interchange: no 999 or 277CA answers it
	}
	cs, err := a.collector.Claims(s)
	if err != nil {
		a.fail(err)
		return
	}
	if a.group != g {
		a.resetGroup()
		a.group = g
	}
	d := DefaultDisposition(s)
	if cs != nil {
		d = cs.Disposition(s)
	}
	if g.Header.FunctionalID != "FA" {
		a.current = cs
		a.sets.add(s, d, a.o)
		a.current = nil
	}
	if cs == nil || d == Rejected || cs.Len() == 0 {
		return
	}
	b, err := build277CA(cs, a.o)
	if err != nil {
		a.fail(fmt.Errorf("ack: building 277CA for set %s: %w", s.Header.ControlNumber, err))
		return
	}
	defer b.data.Close()
	e := entry{kind: Kind277CA, ref: s.Header.ControlNumber, segments: b.segments, claimsAccepted: b.accepted, claimsRejected: b.rejected}
	if err := a.bodies.add(e, b.data); err != nil {
		a.fail(fmt.Errorf("ack: holding the 277CA for set %s: %w", s.Header.ControlNumber, err))
	}
}

func (a *Acknowledger) fail(err error) {
	if a.werr == nil {
		a.werr = err
	}
}

// resetGroup forgets the open group's held answers.
func (a *Acknowledger) resetGroup() {
	a.group = nil
	a.sets.close()
	a.bodies.reset()
}

// Finish returns the counts and the first error writing an acknowledgment.
func (a *Acknowledger) Finish() (*Result, error) {
	// What an input cut short left held goes with it.
	a.pending.reset()
	a.resetGroup()
	a.collector.Close()
	res := a.res
	return &res, a.werr
}

func (a *Acknowledger) claimAt(s *ig.SetResult, at int) string {
	if cs := a.current; cs != nil && cs.Set == s {
		return cs.ClaimAt(at)
	}
	return ""
}

// emit writes one built acknowledgment (e.size bytes from data) to its sink.
func (a *Acknowledger) emit(e entry, data io.Reader) {
	if a.werr != nil {
		return
	}
	w, err := a.sink(e.kind, e.ref)
	if err != nil {
		a.werr = err
		return
	}
	_, err = io.Copy(w, data)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		a.werr = fmt.Errorf("ack: writing %s for %s: %w", e.kind, e.ref, err)
		return
	}
	switch e.kind {
	case KindTA1:
		a.res.TA1s++
	case Kind999:
		a.res.Acks999++
	case Kind277CA:
		a.res.Acks277CA++
		a.res.ClaimsAccepted += e.claimsAccepted
		a.res.ClaimsRejected += e.claimsRejected
	}
}

// build writes one acknowledgment with f, then hands it on: held until the
// interchange's IEA when there is one (hold), else written at once.
func (a *Acknowledger) build(e entry, hold bool, f func(io.Writer) error) {
	if a.werr != nil {
		return
	}
	b := &spool.Buffer{}
	defer b.Close()
	if err := f(b); err != nil {
		a.fail(fmt.Errorf("ack: building %s for %s: %w", e.kind, e.ref, err))
		return
	}
	if err := b.Err(); err != nil {
		a.fail(fmt.Errorf("ack: building %s for %s: %w", e.kind, e.ref, err))
		return
	}
	if !hold {
		e.size = b.Len()
		a.emit(e, b.Reader())
		return
	}
	if err := a.pending.add(e, b); err != nil {
		a.fail(fmt.Errorf("ack: holding %s for %s: %w", e.kind, e.ref, err))
	}
}

func (a *Acknowledger) groupEnded(g *ig.GroupResult) {
	if a.group != g {
		a.resetGroup() // a group without sets
	}
	defer a.resetGroup()
	if g.Header.FunctionalID == "FA" {
		// Acknowledgments are not acknowledged: FA is not among the
		// groups a 999 may answer (AK101), and answering would echo
		// between partners forever. A TA1 still answers the envelope.
		return
	}
	if a.isRefused(g.Interchange) {
		return // its TA1 is its only answer
	}
	isa := ""
	if g.Interchange != nil {
		isa = g.Interchange.Header.ControlNumber
	}
	ref := isa + "-" + g.Header.ControlNumber
	hold := g.Interchange != nil
	a.build(entry{kind: Kind999, ref: ref}, hold, func(w io.Writer) error { return a.sets.write999(w, g, a.o) })
	if len(g.Errors) > 0 {
		return // a rejected group's sets get no 277CA
	}
	err := a.bodies.each(func(e entry, body io.Reader) error {
		e.ref = ref + "-" + e.ref
		a.build(e, hold, func(w io.Writer) error { return write277CA(w, g, body, e.segments, a.o, &a.chunk) })
		return nil
	})
	if err != nil {
		a.fail(err)
	}
}

// Refuse answers the interchange ic, told at its ISA (by a Handler's
// InterchangeStart before the Acknowledger's), with a TA1 that rejects it with e's code (a TA105,
// such as edi.TA1DuplicateControlNumber for an interchange received
// before) and nothing else: none of its groups gets a 999, none of its
// sets a 277CA, and no control number is spent on them.
func (a *Acknowledger) Refuse(ic *ig.InterchangeResult, e *edi.Error) {
	ic.Errors = append([]*edi.Error{e}, ic.Errors...) // first: its code is the TA1's
	a.refused = ic
}

func (a *Acknowledger) isRefused(ic *ig.InterchangeResult) bool {
	return ic != nil && ic == a.refused
}

func (a *Acknowledger) interchange(ic *ig.InterchangeResult) {
	if a.isRefused(ic) {
		a.refused = nil
	}
	code, _ := TA1Outcome(ic)
	if code != TA1Rejected {
		if err := a.pending.each(func(e entry, data io.Reader) error {
			a.emit(e, data)
			return nil
		}); err != nil {
			a.fail(err)
		}
	}
	a.pending.reset()
	if NeedsTA1(ic) {
		a.build(entry{kind: KindTA1, ref: ic.Header.ControlNumber}, false, func(w io.Writer) error { return WriteTA1(w, ic, a.o) })
	}
}
