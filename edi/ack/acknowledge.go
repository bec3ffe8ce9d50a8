package ack

import (
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
func Acknowledge(r io.Reader, name string, o Options, sink Sink) (*Result, error) {
	a := NewAcknowledger(o, sink)
	v := &ig.Validator{File: name}
	a.Attach(v)
	rep, err := v.Run(r)
	res, werr := a.Finish()
	res.Report = rep
	return res, errors.Join(err, werr)
}

// An Acknowledger builds acknowledgments from the events of a Validator it
// is attached to, so a caller that reads a file for other reasons (mapping
// it to records, adding business-rule errors to its sets) acknowledges it
// in the same pass.
type Acknowledger struct {
	o         Options
	sink      Sink
	res       Result
	collector ClaimCollector
	// Per 837 set of the open group: its disposition and 277CA body,
	// built as the set ends; its claims only when the set has errors (a
	// 999's CTX names the claim an error is in). Memory per group is the
	// built bodies, not every claim.
	claims  map[*ig.SetResult]*Claims
	disp    map[*ig.SetResult]string
	bodies  map[*ig.SetResult]*body277CA
	pending []held
	werr    error
	// refused is the open interchange when Refuse was told to answer it
	// with a TA1 alone.
	refused *ig.InterchangeResult
}

// held is one built acknowledgment waiting for its interchange's IEA.
type held struct {
	kind, ref                      string
	data                           *spool.Buffer // on disk past 64 KB, until the IEA
	claimsAccepted, claimsRejected int
}

// NewAcknowledger returns an Acknowledger writing to sink.
func NewAcknowledger(o Options, sink Sink) *Acknowledger {
	a := &Acknowledger{o: o, sink: sink, claims: map[*ig.SetResult]*Claims{},
		disp: map[*ig.SetResult]string{}, bodies: map[*ig.SetResult]*body277CA{}}
	a.o.ClaimAt = a.claimAt
	return a
}

// Attach chains the Acknowledger after v's own callbacks: v's OnSet runs
// first, so errors it adds to a set (business rules, SNIP 3-7) are in the
// set when the claims are judged.
func (a *Acknowledger) Attach(v *ig.Validator) {
	seg, set, group, ic := v.OnSegment, v.OnSet, v.OnGroup, v.OnInterchange
	v.OnSegment = func(ev *ig.Event) {
		if seg != nil {
			seg(ev)
		}
		a.collector.OnSegment(ev)
	}
	v.OnSet = func(s *ig.SetResult) {
		if set != nil {
			set(s)
		}
		if cs := a.collector.Take(s); cs != nil {
			a.setEnded(s, cs)
		}
	}
	v.OnGroup = func(g *ig.GroupResult) {
		if group != nil {
			group(g)
		}
		a.group(g)
	}
	v.OnInterchange = func(r *ig.InterchangeResult) {
		if ic != nil {
			ic(r)
		}
		a.interchange(r)
	}
}

// setEnded judges an 837 set's claims as soon as the set ends (its
// errors, business rules included, are all in) and builds its 277CA body.
func (a *Acknowledger) setEnded(s *ig.SetResult, cs *Claims) {
	if s.Group != nil && a.isRefused(s.Group.Interchange) {
		return // no 277CA answers a refused interchange
	}
	d := cs.Disposition(s)
	a.disp[s] = d
	if s.ErrorCount > 0 {
		a.claims[s] = cs
	}
	if d == Rejected || len(cs.Claims) == 0 {
		return
	}
	b, err := build277CA(cs, a.o)
	if err != nil {
		if a.werr == nil {
			a.werr = fmt.Errorf("ack: building 277CA for set %s: %w", s.Header.ControlNumber, err)
		}
		return
	}
	a.bodies[s] = b
}

// Finish returns the counts and the first error writing an acknowledgment.
func (a *Acknowledger) Finish() (*Result, error) {
	// What an input cut short left held goes with it.
	for _, h := range a.pending {
		h.data.Close()
	}
	a.pending = a.pending[:0]
	for _, b := range a.bodies {
		b.data.Close()
	}
	clear(a.bodies)
	res := a.res
	return &res, a.werr
}

func (a *Acknowledger) claimAt(s *ig.SetResult, at int) string {
	if cs := a.claims[s]; cs != nil {
		for _, c := range cs.Claims {
			for _, r := range c.ranges {
				if at >= r[0] && at < r[1] {
					return c.PatientControlNumber
				}
			}
		}
	}
	return ""
}

func (a *Acknowledger) emit(h held) {
	if a.werr != nil {
		h.data.Close()
		return
	}
	w, err := a.sink(h.kind, h.ref)
	if err != nil {
		a.werr = err
		return
	}
	_, err = io.Copy(w, h.data.Reader())
	h.data.Close()
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		a.werr = fmt.Errorf("ack: writing %s for %s: %w", h.kind, h.ref, err)
		return
	}
	switch h.kind {
	case KindTA1:
		a.res.TA1s++
	case Kind999:
		a.res.Acks999++
	case Kind277CA:
		a.res.Acks277CA++
		a.res.ClaimsAccepted += h.claimsAccepted
		a.res.ClaimsRejected += h.claimsRejected
	}
}

func (a *Acknowledger) build(kind, ref string, f func(io.Writer) error) (held, bool) {
	b := &spool.Buffer{}
	if err := f(b); err != nil {
		b.Close()
		if a.werr == nil {
			a.werr = fmt.Errorf("ack: building %s for %s: %w", kind, ref, err)
		}
		return held{}, false
	}
	return held{kind: kind, ref: ref, data: b}, true
}

func (a *Acknowledger) disposition(s *ig.SetResult) string {
	if d, ok := a.disp[s]; ok {
		return d
	}
	return DefaultDisposition(s)
}

func (a *Acknowledger) group(g *ig.GroupResult) {
	defer func() {
		for _, b := range a.bodies {
			b.data.Close()
		}
		clear(a.claims)
		clear(a.disp)
		clear(a.bodies)
	}()
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
	var out []held
	if h, ok := a.build(Kind999, ref, func(w io.Writer) error { return Write999(w, g, a.disposition, a.o) }); ok {
		out = append(out, h)
	}
	groupRejected := len(g.Errors) > 0
	for _, s := range g.Sets {
		b := a.bodies[s]
		if b == nil || groupRejected || a.disposition(s) == Rejected {
			continue
		}
		h, ok := a.build(Kind277CA, ref+"-"+s.Header.ControlNumber, func(w io.Writer) error { return b.write(w, a.o) })
		if !ok {
			continue
		}
		h.claimsAccepted, h.claimsRejected = b.accepted, b.rejected
		out = append(out, h)
	}
	if g.Interchange == nil {
		for _, h := range out {
			a.emit(h)
		}
		return
	}
	a.pending = append(a.pending, out...)
}

// Refuse answers the interchange ic, told at its ISA (ig.Validator's
// OnInterchangeStart), with a TA1 that rejects it with e's code (a TA105,
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
	for _, h := range a.pending {
		if code != TA1Rejected {
			a.emit(h)
		} else {
			h.data.Close()
		}
	}
	a.pending = a.pending[:0]
	if NeedsTA1(ic) {
		if h, ok := a.build(KindTA1, ic.Header.ControlNumber, func(w io.Writer) error { return WriteTA1(w, ic, a.o) }); ok {
			a.emit(h)
		}
	}
}
