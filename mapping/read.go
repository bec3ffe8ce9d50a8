package mapping

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/edi/ig"
)

// Handlers receive the records Read finds; a nil handler skips that kind.
type Handlers struct {
	Claim         func(*edigw.Claim) error
	Remittance    func(*edigw.Remittance) error
	Authorization func(*edigw.AuthorizationRequest) error
	// Acknowledgment receives each TA1 as it is read, and each 999 and
	// 277CA (005010X214) set without errors as it ends.
	Acknowledgment func(*edigw.Acknowledgment) error
	// Interchange sees each interchange header at its ISA, before any
	// record of the interchange is handed over. When it is set, an
	// interchange whose ISA has envelope errors is not shown (its TA1
	// rejects it) and none of its records are handed over: a caller that
	// stores what it reads gets nothing of it, not even its envelope
	// identifiers. Returning edigw.ErrDuplicateInterchange
	// skips the interchange: none of its records are handed over, and the
	// Acknowledger answers it with a TA1 rejecting it with TA105=025 alone
	// (Result.Duplicates lists it); the file's other interchanges go on.
	// Any other error stops the reading.
	Interchange func(edi.InterchangeHeader) error
	// Authorization lookup, when set, turns on the payer rules (SNIP 7):
	// each claim is checked against its payer's profile (mapping/payers)
	// with the authorization its REF*G1 names, found by this function
	// (nil when unknown). Findings are warnings in Result.Issues.
	AuthorizationLookup func(certificationNumber string) *edigw.AuthorizationRequest
	// Acknowledger, when set, builds the file's TA1, 999 and 277CA in the
	// same pass, seeing the business-rule errors that reject claims.
	Acknowledger *ack.Acknowledger
}

// Result counts what Read handed over and what it held back.
type Result struct {
	Report          *ig.Report
	Claims          int
	Remittances     int
	Authorizations  int
	Acknowledgments int
	Rejected        int // remittances, authorization events and acknowledgments of sets with errors
	// Duplicates are the interchanges skipped because the Interchange
	// handler found them received before, in file order.
	Duplicates []edi.InterchangeHeader
	// Issues are the business-rule findings (SNIP 3, 5, 7), in file
	// order; those that are not warnings are also in Report.Errors.
	Issues []*Issue
}

// Read validates any X12 file once and hands every record of its 837, 835
// and 278 sets to the handlers, in file order. Claims of sets with errors
// come out with Status rejected when errors touch them (see ReadClaims);
// remittances and authorizations of sets with errors are held back.
//
// Beyond the guide, Read checks the business rules: an 837 claim that does
// not balance or carries an invalid NPI, diagnosis, procedure or place of
// service is rejected with an error at the exact element; an 835 that does
// not balance is kept and its Issues say where.
func Read(r io.Reader, name string, h Handlers) (*Result, error) {
	var cb claimBuilder
	var placed ack.ClaimCollector // places errors on claims exactly as the 277CA does
	var rb remitBuilder
	var ab authBuilder
	var kb ackBuilder
	res := &Result{}
	var ferr error
	call := func(f func() error) {
		if ferr == nil {
			ferr = f()
		}
	}
	// What Check built for the set OnSet then hands over.
	var setClaims []*edigw.Claim
	var setRemit *edigw.Remittance
	// skip is the open interchange when none of its records go out: a
	// duplicate, or one whose ISA is already rejected.
	var skip *ig.InterchangeResult
	skipped := func(s *ig.SetResult) bool { return skip != nil && s.Group != nil && s.Group.Interchange == skip }
	v := &ig.Validator{File: name,
		OnSegment: func(ev *ig.Event) {
			if ev.Set == nil {
				if ev.Seg.ID() == "TA1" && (skip == nil || ev.Interchange != skip) {
					res.Acknowledgments++
					if h.Acknowledgment != nil {
						call(func() error { return h.Acknowledgment(ta1(ev)) })
					}
				}
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
			case "999", "277":
				kb.segment(ev)
			}
		},
		Check: func(s *ig.SetResult) []*edi.Error {
			var errs []*edi.Error
			switch s.Header.ID {
			case "837":
				claims, spots := cb.take()
				setClaims = claims
				if s.Guide == nil || skipped(s) {
					return nil
				}
				for i, c := range claims {
					issues := claimIssues(c, spots[i])
					if h.AuthorizationLookup != nil {
						issues = append(issues, payerIssues(c, spots[i], h.AuthorizationLookup)...)
					}
					for _, is := range issues {
						is.Err.File = name
						res.Issues = append(res.Issues, is)
						if !is.Warning {
							errs = append(errs, is.Err)
						}
					}
				}
			case "835":
				var spots *remitSpots
				setRemit, spots = rb.take(s)
				if setRemit != nil && s.Guide != nil && !skipped(s) {
					for _, is := range remittanceIssues(setRemit, spots) {
						is.Err.File = name
						res.Issues = append(res.Issues, is)
					}
				}
			}
			return errs
		},
		OnSet: func(s *ig.SetResult) {
			if skipped(s) {
				placed.Take(s)
				setClaims, setRemit = nil, nil
				kb.take(s)
				ab.take(s)
				return
			}
			switch s.Header.ID {
			case "837":
				cs := placed.Take(s)
				setRejected := cs == nil || cs.Disposition(s) == ack.Rejected
				for i, claim := range setClaims {
					if setRejected || i >= len(cs.Claims) || cs.Claims[i].Rejected() {
						claim.Status = edigw.ClaimRejected
					}
					res.Claims++
					if h.Claim != nil {
						call(func() error { return h.Claim(claim) })
					}
				}
				setClaims = nil
			case "835":
				rm := setRemit
				setRemit = nil
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
			case "999", "277":
				a := kb.take(s)
				switch {
				case a == nil:
				case !s.Accepted() || (a.Claims != nil && s.Guide != ig.X214):
					res.Rejected++ // a 277 that is not a 277CA is not an acknowledgment
				default:
					res.Acknowledgments++
					if h.Acknowledgment != nil {
						call(func() error { return h.Acknowledgment(a) })
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
	v.OnInterchangeStart = func(ic *ig.InterchangeResult) {
		skip = nil
		switch {
		case h.Interchange == nil:
		case len(ic.Errors) > 0:
			skip = ic // rejected by its TA1 whatever follows: no record goes out
		case ferr == nil:
			err := h.Interchange(ic.Header)
			if !errors.Is(err, edigw.ErrDuplicateInterchange) {
				call(func() error { return err })
				return
			}
			skip = ic
			res.Duplicates = append(res.Duplicates, ic.Header)
			if h.Acknowledger != nil {
				h.Acknowledger.Refuse(ic, &edi.Error{File: name, Pos: ic.Start, SegmentID: "ISA", Element: 13,
					Code: edi.TA1DuplicateControlNumber, Msg: fmt.Sprintf("interchange ISA13=%s from %s:%s to %s:%s was received before",
						ic.Header.ControlNumber, ic.Header.SenderQualifier, strings.TrimSpace(ic.Header.SenderID),
						ic.Header.ReceiverQualifier, strings.TrimSpace(ic.Header.ReceiverID))})
			}
		}
	}
	if h.Acknowledger != nil {
		h.Acknowledger.Attach(v)
	}
	rep, err := v.Run(r)
	res.Report = rep
	if err == nil {
		err = ferr
	}
	return res, err
}
