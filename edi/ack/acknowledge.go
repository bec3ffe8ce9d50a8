package ack

import (
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

// Acknowledge validates an inbound file and writes its acknowledgments as
// it goes: a 999 when each functional group ends, a 277CA for each 837 set
// the 999 did not reject, and a TA1 when an interchange with envelope
// errors (or ISA14 = 1) ends. Memory is bounded by one functional group's
// set results and one set's claims.
func Acknowledge(r io.Reader, name string, o Options, sink Sink) (*Result, error) {
	res := &Result{}
	var collector ClaimCollector
	claims := map[*ig.SetResult]*Claims{}
	var werr error
	write := func(kind, ref string, f func(io.Writer) error) {
		if werr != nil {
			return
		}
		w, err := sink(kind, ref)
		if err != nil {
			werr = err
			return
		}
		err = f(w)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			werr = fmt.Errorf("ack: writing %s for %s: %w", kind, ref, err)
		}
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
			write(Kind999, ref, func(w io.Writer) error { return Write999(w, g, disposition, o) })
			res.Acks999++
			groupRejected := len(g.Errors) > 0
			for _, s := range g.Sets {
				cs := claims[s]
				if cs == nil || groupRejected || disposition(s) == Rejected || len(cs.Claims) == 0 {
					continue
				}
				write(Kind277CA, ref+"-"+s.Header.ControlNumber, func(w io.Writer) error { return Write277CA(w, cs, o) })
				res.Acks277CA++
				for _, c := range cs.Claims {
					if c.Rejected() {
						res.ClaimsRejected++
					} else {
						res.ClaimsAccepted++
					}
				}
			}
			clear(claims)
		},
		OnInterchange: func(ic *ig.InterchangeResult) {
			if NeedsTA1(ic) {
				write(KindTA1, ic.Header.ControlNumber, func(w io.Writer) error { return WriteTA1(w, ic, o) })
				res.TA1s++
			}
		},
	}
	rep, err := v.Run(r)
	res.Report = rep
	return res, errors.Join(err, werr)
}
