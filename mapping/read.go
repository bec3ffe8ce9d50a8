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
	// order, at most MaxIssues of them; IssueCount counts all. Those that
	// are not warnings are also in Report.Errors (within its own bound).
	Issues     []*Issue
	IssueCount int
	// IssuesByRule counts every finding by its rule (Issue.Rule), kept or not.
	IssuesByRule map[string]int
}

// MaxIssues bounds Result.Issues: a file with a finding in every claim
// costs no more memory than one with a thousand.
const MaxIssues = 1000

func (r *Result) addIssue(is *Issue) {
	r.IssueCount++
	if r.IssuesByRule == nil {
		r.IssuesByRule = map[string]int{}
	}
	r.IssuesByRule[is.Rule]++
	if len(r.Issues) < MaxIssues {
		r.Issues = append(r.Issues, is)
	}
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
	// What the set's claims and Check built for OnSet to hand over. Each
	// claim is checked against the business rules as it ends, then waits
	// in a spool for the set's end.
	var claims setClaims
	defer claims.reset()
	var setStart, setRead int64 // where the open set starts, how much of it is read
	cb.onClaim = func(c *edigw.Claim, at *claimSpots) {
		if cb.set != nil && cb.set.Guide != nil {
			issues := claimIssues(c, at)
			if h.AuthorizationLookup != nil {
				issues = append(issues, payerIssues(c, at, h.AuthorizationLookup)...)
			}
			for _, is := range issues {
				is.Err.File = name
				res.addIssue(is)
				if !is.Warning {
					claims.addError(is.Err)
				}
			}
		}
		call(func() error { return claims.add(c, setRead) })
	}
	var setRemit *edigw.Remittance
	// skip is the open interchange when none of its records go out: a
	// duplicate, or one whose ISA is already rejected.
	var skip *ig.InterchangeResult
	skipped := func(s *ig.SetResult) bool { return skip != nil && s.Group != nil && s.Group.Interchange == skip }
	var v *ig.Validator
	v = &ig.Validator{File: name, ForgetSets: true,
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
			if ev.Seg.ID() == "ST" {
				setStart = ev.Seg.Pos.Offset
			}
			setRead = ev.Seg.Pos.Offset - setStart
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
				cb.take() // the last claim ends with the set
				if s.Guide == nil || skipped(s) {
					return nil
				}
				errs = claims.errs
				v.CountErrors(s, claims.dropped)
			case "835":
				var spots *remitSpots
				setRemit, spots = rb.take(s)
				if setRemit != nil && s.Guide != nil && !skipped(s) {
					for _, is := range remittanceIssues(setRemit, spots) {
						is.Err.File = name
						res.addIssue(is)
					}
				}
			}
			return errs
		},
		OnSet: func(s *ig.SetResult) {
			if skipped(s) {
				placed.Take(s)
				claims.reset()
				setRemit = nil
				kb.take(s)
				ab.take(s)
				return
			}
			switch s.Header.ID {
			case "837":
				defer claims.reset()
				cs, err := placed.Take(s)
				if err != nil {
					call(func() error { return err })
					return
				}
				if cs != nil {
					defer cs.Close()
				}
				// Which claims the set's errors reject, one flag a claim
				// (none when no claim has errors).
				var rejected []bool
				setRejected := cs == nil || cs.Disposition(s) == ack.Rejected
				placed := 0
				if !setRejected {
					placed = cs.Len()
				}
				if !setRejected && cs.AnyRejected() {
					rejected = make([]bool, 0, cs.Len())
					call(func() error {
						return cs.Each(func(c *ack.Claim) error {
							rejected = append(rejected, c.Rejected())
							return nil
						})
					})
				}
				call(func() error {
					return claims.each(func(i int, claim *edigw.Claim) error {
						if setRejected || i >= placed || rejected != nil && rejected[i] {
							claim.Status = edigw.ClaimRejected
						}
						res.Claims++
						if h.Claim != nil {
							return h.Claim(claim)
						}
						return nil
					})
				})
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
