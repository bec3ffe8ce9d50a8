package ack

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/edigw/edigw/edi/ig"
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
	res := &Result{}
	var collector ClaimCollector
	claims := map[*ig.SetResult]*Claims{}
	var werr error
	type held struct {
		kind, ref                      string
		data                           []byte
		claimsAccepted, claimsRejected int
	}
	var pending []held
	emit := func(h held) {
		if werr != nil {
			return
		}
		w, err := sink(h.kind, h.ref)
		if err != nil {
			werr = err
			return
		}
		_, err = w.Write(h.data)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			werr = fmt.Errorf("ack: writing %s for %s: %w", h.kind, h.ref, err)
			return
		}
		switch h.kind {
		case KindTA1:
			res.TA1s++
		case Kind999:
			res.Acks999++
		case Kind277CA:
			res.Acks277CA++
			res.ClaimsAccepted += h.claimsAccepted
			res.ClaimsRejected += h.claimsRejected
		}
	}
	build := func(kind, ref string, f func(io.Writer) error) (held, bool) {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			if werr == nil {
				werr = fmt.Errorf("ack: building %s for %s: %w", kind, ref, err)
			}
			return held{}, false
		}
		return held{kind: kind, ref: ref, data: b.Bytes()}, true
	}
	o.ClaimAt = func(s *ig.SetResult, at int) string {
		if cs := claims[s]; cs != nil {
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
	v := &ig.Validator{
		File:      name,
		OnSegment: collector.OnSegment,
		OnSet: func(s *ig.SetResult) {
			if cs := collector.Take(s); cs != nil {
				claims[s] = cs
			}
		},
		OnGroup: func(g *ig.GroupResult) {
			defer clear(claims)
			disposition := func(s *ig.SetResult) string {
				if cs := claims[s]; cs != nil {
					return cs.Disposition(s)
				}
				return DefaultDisposition(s)
			}
			isa := ""
			if g.Interchange != nil {
				isa = g.Interchange.Header.ControlNumber
			}
			ref := isa + "-" + g.Header.ControlNumber
			var out []held
			if h, ok := build(Kind999, ref, func(w io.Writer) error { return Write999(w, g, disposition, o) }); ok {
				out = append(out, h)
			}
			groupRejected := len(g.Errors) > 0
			for _, s := range g.Sets {
				cs := claims[s]
				if cs == nil || groupRejected || disposition(s) == Rejected || len(cs.Claims) == 0 {
					continue
				}
				h, ok := build(Kind277CA, ref+"-"+s.Header.ControlNumber, func(w io.Writer) error { return Write277CA(w, cs, o) })
				if !ok {
					continue
				}
				for _, c := range cs.Claims {
					if c.Rejected() {
						h.claimsRejected++
					} else {
						h.claimsAccepted++
					}
				}
				out = append(out, h)
			}
			if g.Interchange == nil {
				for _, h := range out {
					emit(h)
				}
				return
			}
			pending = append(pending, out...)
		},
		OnInterchange: func(ic *ig.InterchangeResult) {
			code, _ := TA1Outcome(ic)
			if code != TA1Rejected {
				for _, h := range pending {
					emit(h)
				}
			}
			pending = pending[:0]
			if NeedsTA1(ic) {
				if h, ok := build(KindTA1, ic.Header.ControlNumber, func(w io.Writer) error { return WriteTA1(w, ic, o) }); ok {
					emit(h)
				}
			}
		},
	}
	rep, err := v.Run(r)
	res.Report = rep
	return res, errors.Join(err, werr)
}
