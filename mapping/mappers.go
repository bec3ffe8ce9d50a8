package mapping

import (
	"errors"
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/edi/ig"
)

// A setMapper turns the sets of one type into records, for a Mapper:
// segment builds the open set's records; check ends them as the set ends
// and returns their business-rule errors (they join the set's); end hands
// them over once every handler's check is in; forget drops the set of an
// interchange whose records stay in.
type setMapper interface {
	segment(*ig.Event)
	check(*ig.SetResult) []*edi.Error
	end(*ig.SetResult)
	forget(*ig.SetResult)
}

// claimMapper maps 837 sets to claims. Each claim is checked against the
// business rules as it ends, then waits in a spool (setClaims) for the
// set's end, where the claim placements say which ones its errors reject.
type claimMapper struct {
	*reading
	b claimBuilder
	// rules, when no handler wants the claims, reads them for their
	// rules alone instead of b (rulesonly.go); they are counted, not held.
	rules   *claimRules
	worker  *ruleWorker // rules on a second goroutine, when there is a second core
	counted int
	claims  setClaims
	// auth checks prior authorization in batches (nil without a lookup).
	auth *authChecker
	dups duplicateSeen // the file's claims so far
	// Where the open set starts and how much of it is read: its first
	// bytes' claims wait in memory, the others on disk.
	start, read int64
}

func (m *claimMapper) segment(ev *ig.Event) {
	// The rules-only builders spool no claims: only the whole records
	// need to know how much of the set is read.
	switch {
	case m.worker != nil:
		m.worker.segment(ev)
		return
	case m.rules != nil:
		m.rules.segment(ev)
		return
	}
	if ev.Seg.ID() == "ST" {
		m.start = ev.Seg.Pos.Offset
	}
	m.read = ev.Seg.Pos.Offset - m.start
	m.b.segment(ev)
}

// ruleIssues are the business-rule findings on claim c (SNIP 3, 5, 7),
// duplicates among the file's claims (dups) included.
func ruleIssues(c *edigw.Claim, at *claimSpots, dups *duplicateSeen) []*Issue {
	issues := claimIssues(c, at)
	if dup := dups.check(c, at); dup != nil { // duplicates.go
		issues = append(issues, dup)
	}
	return issues
}

// claimChecked takes the issues of a claim the rules-only builder read:
// its strings die with it, so the issues get their own.
func (m *claimMapper) claimChecked(c *edigw.Claim, at *claimSpots) {
	if m.rules.set != nil && m.rules.guided {
		for _, is := range ruleIssues(c, at, &m.dups) {
			is.Claim = strings.Clone(is.Claim)
			m.issue(is)
		}
	}
	m.counted++
}

// claim takes one claim as it ends, with where its parts are.
func (m *claimMapper) claim(c *edigw.Claim, at *claimSpots) {
	full := false
	if m.b.set != nil && m.b.set.Guide != nil {
		for _, is := range ruleIssues(c, at, &m.dups) {
			m.issue(is)
		}
		if m.auth != nil {
			full = m.auth.add(m.claims.len(), c, at)
		}
	}
	m.call(func() error { return m.claims.add(c, m.read) })
	if full {
		m.call(func() error { return m.auth.start(m.issue) })
	}
}

// issue records a claim's business-rule finding; one that is not a
// warning is an error of the set, which rejects its claim.
func (m *claimMapper) issue(is *Issue) {
	is.Err.File = m.name
	m.res.addIssue(is)
	if !is.Warning {
		m.claims.addError(is.Err)
	}
}

// take ends set s's last claim.
func (m *claimMapper) take(s *ig.SetResult) {
	switch {
	case m.worker != nil:
		r := m.worker.take(s, false)
		for _, is := range r.issues {
			m.issue(is)
		}
		m.counted += r.claims
	case m.rules != nil:
		m.rules.take()
	default:
		m.b.take()
	}
}

func (m *claimMapper) check(s *ig.SetResult) []*edi.Error {
	m.take(s) // the last claim ends with the set
	if s.Guide == nil {
		return nil
	}
	if m.auth != nil {
		m.call(func() error { return m.auth.flush(m.issue) })
	}
	s.CountErrors(m.claims.dropped)
	return m.claims.errs
}

func (m *claimMapper) forget(s *ig.SetResult) {
	m.take(s)
	m.claims.reset()
	m.counted = 0
	if m.auth != nil {
		m.auth.reset()
	}
}

// end hands the set's claims over, those its errors reject with Status
// rejected: every claim when the set is rejected, else those the claim
// placements give errors.
func (m *claimMapper) end(s *ig.SetResult) {
	defer m.claims.reset()
	counted := m.counted
	m.counted = 0
	var found map[int][]edigw.AuthorizationFinding
	if m.auth != nil {
		found = m.auth.found
		defer m.auth.reset()
	}
	cs, err := m.placer.Claims(s)
	if err == nil && cs != nil && cs.Len() == 0 && m.claims.len()+counted > 0 {
		// The placer counts every CLM; it saw none of the set's segments.
		err = errors.New("mapping: the Acknowledger saw none of the set's claims: it must be among the Validator's Handlers")
	}
	if err != nil {
		m.call(func() error { return err })
		return
	}
	if m.rules != nil {
		// Nobody wants the claims: Verdict reads the placements itself.
		m.res.Claims += counted
		return
	}
	// Which claims the set's errors reject, one flag a claim (none when
	// no claim has errors).
	var rejected []bool
	var statuses []string // the 277CA status of each claim rejected
	setRejected := cs == nil || cs.Disposition(s) == ack.Rejected
	placed := 0
	if !setRejected {
		placed = cs.Len()
	}
	if !setRejected && cs.AnyRejected() {
		rejected = make([]bool, 0, cs.Len())
		m.call(func() error {
			return cs.Each(func(c *ack.Claim) error {
				rejected = append(rejected, c.Rejected())
				statuses = append(statuses, c.RejectionStatus())
				return nil
			})
		})
	}
	m.call(func() error {
		return m.claims.each(func(i int, claim *edigw.Claim) error {
			if setRejected || i >= placed || rejected != nil && rejected[i] {
				claim.Status = edigw.ClaimRejected
				if setRejected || i >= placed {
					claim.StatusReason = receiptReason(true, "")
				} else {
					claim.StatusReason = receiptReason(false, statuses[i])
				}
			}
			if fs, ok := found[i]; ok {
				claim.AuthorizationFindings = fs
			}
			m.res.Claims++
			if m.h.Claim != nil {
				return m.h.Claim(claim)
			}
			return nil
		})
	})
}

// remitMapper maps 835 sets to remittances, one a set; a set that does
// not balance is kept, its Issues say where.
type remitMapper struct {
	*reading
	b  remitBuilder
	rm *edigw.Remittance // the ended set's, until end
	// rules, when no handler wants the remittances, reads them for their
	// rules alone instead of b (rulesonly835.go).
	rules *remitRules
	// worker, when set, runs rules on a goroutine of its own (rulesworker.go)
	// and issues holds what it found in the set taken.
	worker *ruleWorker
	issues []*Issue
}

// remitTaken stands for the remittance of a set the worker read: the
// mapper needs to know that there was one, not what it was.
var remitTaken edigw.Remittance

func (m *remitMapper) segment(ev *ig.Event) {
	if m.worker != nil {
		m.worker.remitSegment(ev)
		return
	}
	if m.rules != nil {
		m.rules.segment(ev)
		return
	}
	m.b.segment(ev)
}

func (m *remitMapper) take(s *ig.SetResult) (*edigw.Remittance, *remitSpots) {
	if m.worker != nil {
		r := m.worker.take(s, true)
		m.issues = r.issues
		if r.remit {
			return &remitTaken, nil
		}
		return nil, nil
	}
	if m.rules != nil {
		return m.rules.take(s)
	}
	return m.b.take(s)
}

func (m *remitMapper) check(s *ig.SetResult) []*edi.Error {
	var spots *remitSpots
	m.rm, spots = m.take(s)
	if m.rm != nil && s.Guide != nil {
		var issues []*Issue
		reused := false
		switch {
		case m.worker != nil:
			issues = m.issues // their strings are the worker's copies
		case m.rules != nil:
			issues, reused = m.rules.issues(), true
		default:
			issues = append(paymentIssues(m.rm, spots), remittanceIssues(m.rm, spots)...)
		}
		for _, is := range issues {
			is.Err.File = m.name
			if reused {
				is.Claim = strings.Clone(is.Claim) // the remittance is reused
			}
			m.res.addIssue(is)
		}
	}
	return nil
}

func (m *remitMapper) forget(s *ig.SetResult) {
	m.take(s)
	m.rm = nil
}

func (m *remitMapper) end(s *ig.SetResult) {
	rm := m.rm
	m.rm = nil
	switch {
	case rm == nil:
	case !s.Accepted():
		m.res.Rejected++
	default:
		m.res.Remittances++
		if m.h.Remittance != nil {
			m.call(func() error { return m.h.Remittance(rm) })
		}
	}
}

// authMapper maps 278 sets to one authorization request a patient event.
type authMapper struct {
	*reading
	b authBuilder
}

func (m *authMapper) segment(ev *ig.Event)             { m.b.segment(ev) }
func (m *authMapper) check(*ig.SetResult) []*edi.Error { return nil }
func (m *authMapper) forget(s *ig.SetResult)           { m.b.take(s) }

func (m *authMapper) end(s *ig.SetResult) {
	for _, a := range m.b.take(s) {
		if !s.Accepted() {
			m.res.Rejected++
			continue
		}
		m.res.Authorizations++
		if m.h.Authorization != nil {
			m.call(func() error { return m.h.Authorization(a) })
		}
	}
}

// ackMapper maps the acknowledgments a partner sends back: 999 and 277CA
// sets, and TA1 segments (outside any set).
type ackMapper struct {
	*reading
	b ackBuilder
}

func (m *ackMapper) segment(ev *ig.Event)             { m.b.segment(ev) }
func (m *ackMapper) check(*ig.SetResult) []*edi.Error { return nil }
func (m *ackMapper) forget(s *ig.SetResult)           { m.b.take(s) }

// ta1 hands over a TA1 as it is read.
func (m *ackMapper) ta1(ev *ig.Event) {
	m.res.Acknowledgments++
	if m.h.Acknowledgment != nil {
		m.call(func() error { return m.h.Acknowledgment(ta1(ev)) })
	}
}

func (m *ackMapper) end(s *ig.SetResult) {
	a := m.b.take(s)
	switch {
	case a == nil:
	case !s.Accepted() || (a.Claims != nil && s.Guide != ig.X214):
		m.res.Rejected++ // a 277 that is not a 277CA is not an acknowledgment
	default:
		m.res.Acknowledgments++
		if m.h.Acknowledgment != nil {
			m.call(func() error { return m.h.Acknowledgment(a) })
		}
	}
}
