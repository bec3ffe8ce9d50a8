package mapping

import (
	"io"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/edi/ig"
)

// Handlers receive the records Read finds; a nil handler skips that kind.
type Handlers struct {
	Claim         func(*edigw.Claim) error
	Remittance    func(*edigw.Remittance) error
	Authorization func(*edigw.AuthorizationRequest) error
}

// Result counts what Read handed over and what it held back.
type Result struct {
	Report         *ig.Report
	Claims         int
	Remittances    int
	Authorizations int
	Rejected       int // remittances and authorization events of sets with errors
}

// Read validates any X12 file once and hands every record of its 837, 835
// and 278 sets to the handlers, in file order. Claims of sets with errors
// come out with Status rejected when errors touch them (see ReadClaims);
// remittances and authorizations of sets with errors are held back.
func Read(r io.Reader, name string, h Handlers) (*Result, error) {
	var cb claimBuilder
	var placed ack.ClaimCollector // places errors on claims exactly as the 277CA does
	var rb remitBuilder
	var ab authBuilder
	res := &Result{}
	var ferr error
	call := func(f func() error) {
		if ferr == nil {
			ferr = f()
		}
	}
	v := &ig.Validator{File: name,
		OnSegment: func(ev *ig.Event) {
			if ev.Set == nil {
				return
			}
			switch ev.Set.Header.ID {
			case "837":
				cb.segment(ev)
				placed.OnSegment(ev)
			case "835":
				rb.segment(ev)
			case "278":
				ab.segment(ev)
			}
		},
		OnSet: func(s *ig.SetResult) {
			switch s.Header.ID {
			case "837":
				cs := placed.Take(s)
				setRejected := cs == nil || cs.Disposition(s) == ack.Rejected
				for i, claim := range cb.take() {
					if setRejected || i >= len(cs.Claims) || cs.Claims[i].Rejected() {
						claim.Status = edigw.ClaimRejected
					}
					res.Claims++
					if h.Claim != nil {
						call(func() error { return h.Claim(claim) })
					}
				}
			case "835":
				rm := rb.take(s)
				switch {
				case rm == nil:
				case !s.Accepted():
					res.Rejected++
				default:
					res.Remittances++
					if h.Remittance != nil {
						call(func() error { return h.Remittance(rm) })
					}
				}
			case "278":
				for _, a := range ab.take(s) {
					if !s.Accepted() {
						res.Rejected++
						continue
					}
					res.Authorizations++
					if h.Authorization != nil {
						call(func() error { return h.Authorization(a) })
					}
				}
			}
		},
	}
	rep, err := v.Run(r)
	res.Report = rep
	if err == nil {
		err = ferr
	}
	return res, err
}
