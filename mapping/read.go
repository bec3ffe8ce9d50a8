package mapping

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/edi/ig"
	"github.com/edigw/edigw/mapping/payers"
)

// Handlers receive the records Read finds; a nil handler skips that kind.
type Handlers struct {
	Claim         func(*edigw.Claim) error
	Remittance    func(*edigw.Remittance) error
	Authorization func(*edigw.AuthorizationRequest) error
	// EligibilityInquiry and EligibilityResponse receive one record a
	// member of each 270 and 271 set without errors (eligibility279.go).
	EligibilityInquiry  func(*edigw.EligibilityInquiry) error
	EligibilityResponse func(*edigw.EligibilityResponse) error
	// Acknowledgment receives each TA1 as it is read, and each 999 and
	// 277CA (005010X214) set without errors as it ends.
	Acknowledgment func(*edigw.Acknowledgment) error
	// ClaimStatusInquiry and ClaimStatusResponse receive each claim of a
	// 276 and a 277 (005010X212) set without errors (claimstatus_read.go).
	ClaimStatusInquiry  func(*edigw.ClaimStatusInquiry) error
	ClaimStatusResponse func(*edigw.ClaimStatusResponse) error
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
	// AuthorizationLookup, when set, turns on the payer rules (SNIP 7,
	// authfindings.go): each claim with a line that needs prior
	// authorization under its payer's profile (mapping/payers) is checked
	// against the authorizations the lookup finds, one lookup for a batch
	// of claims. Findings are in Result.Issues and on the claims
	// (Claim.AuthorizationFindings); those the profile rejects are errors
	// that reject their claim. Without one, Result.AuthorizationCheck says
	// the check was not run.
	AuthorizationLookup AuthorizationLookup
	// Context is the lookup's context (context.Background when nil).
	Context context.Context
	// Profiles gives a payer's profile for the check; nil is the embedded
	// profiles (payers.Lookup). Tests give profiles with other policies.
	Profiles func(edigw.PayerID) (*payers.Profile, bool)
	// Acknowledger, when set, builds the file's TA1, 999 and 277CA in the
	// same pass, seeing the business-rule errors that reject claims; the
	// 837 mapper reads its claim placements, and tells it the
	// interchanges it refuses. Read puts it in the Validator's Handlers
	// after the Mapper; a caller of NewMapper does so itself.
	Acknowledger *ack.Acknowledger
	// wholeRecords builds whole records even without a handler for them:
	// the path the rules-only builders are tested against. rulesWorker
	// and rulesInline put the rules-only 837 builder on a goroutine of its
	// own or not, whatever the cores.
	wholeRecords, rulesWorker, rulesInline bool
}

// Result counts what Read handed over and what it held back.
type Result struct {
	Report          *ig.Report
	Claims          int
	Remittances     int
	Authorizations  int
	Eligibility     int // 270 and 271 member records
	Acknowledgments int
	ClaimStatuses   int // claims of 276 and 277 (X212) sets handed over
	Rejected        int // remittances, authorization events and acknowledgments of sets with errors
	// Duplicates are the interchanges skipped because the Interchange
	// handler found them received before, in file order.
	Duplicates []edi.InterchangeHeader
	// Issues are the business-rule findings (SNIP 3, 5, 7), in file
	// order, at most MaxIssues of them; IssueCount counts all. Those of
	// an 837 that are not warnings are also in Report.Errors (within its
	// own bound); an 835's errors (BPR, decision 0019) are here only.
	Issues     []*Issue
	IssueCount int
	// IssuesByRule counts every finding by its rule (Issue.Rule), kept or not.
	IssuesByRule map[string]int
	// AuthorizationCheck says whether the prior-authorization check ran:
	// AuthorizationCheckRun, or AuthorizationCheckNotRun when the caller
	// gave no AuthorizationLookup.
	AuthorizationCheck string
}

// MaxIssues bounds Result.Issues: a file with a finding in every claim
// costs no more memory than one with a thousand.
const MaxIssues = 1000

func (r *Result) addIssue(is *Issue) {
	r.countIssue(is.Rule)
	if len(r.Issues) < MaxIssues {
		r.Issues = append(r.Issues, is)
	}
}

// countIssue counts an issue of rule that Issues will not hold.
func (r *Result) countIssue(rule string) {
	r.IssueCount++
	if r.IssuesByRule == nil {
		r.IssuesByRule = map[string]int{}
	}
	r.IssuesByRule[rule]++
}

// countedOnly says whether a warning of rule added now would only be
// counted, Issues being full, and then counts it: the caller need not
// build it.
func (r *Result) countedOnly(rule string) bool {
	if len(r.Issues) < MaxIssues {
		return false
	}
	r.countIssue(rule)
	return true
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
//
// Read runs the one chain (NewChain) in a Validator: a Mapper, then
// h.Acknowledger if set.
func Read(r io.Reader, name string, h Handlers) (*Result, error) {
	m, chain := NewChain(name, h)
	v := &ig.Validator{File: name, ForgetSets: true, Handlers: chain}
	rep, err := v.Run(r)
	return m.Finish(rep, err)
}

// A Mapper is the ig.Handler that turns what a Validator reads into
// records: at each ISA it decides whether the interchange's records go out
// (Handlers.Interchange), and it hands each set to the mapper of its type
// (one switch, mapperFor), which builds the set's records from its
// segments, checks them against the business rules as the set ends
// (CheckSet) and hands them over once the set's errors are all in
// (SetEnd).
//
// The 837 mapper marks the claims a set's errors reject from the claim
// placements of Handlers.Acknowledger, which must stand after the Mapper
// in the Validator's Handlers; without one, the Mapper collects the claims
// itself. Either way they are collected once.
type Mapper struct {
	ig.NopHandler
	*reading
	claims claimMapper
	remits remitMapper
	auths  authMapper
	elig   eligibilityMapper
	acks   ackMapper
	status claimStatusMapper
	// own collects the claims when no Acknowledger does; ownInWorker
	// says the rules' worker runs it.
	own         *ack.ClaimCollector
	ownInWorker bool
	// worker runs the rules-only builders on a goroutine of their own.
	worker *ruleWorker
	// The open set and its mapper (nil for a type Read does not map).
	set *ig.SetResult
	cur setMapper
	// skip is the open interchange when none of its records go out: a
	// duplicate, or one whose ISA is already rejected.
	skip *ig.InterchangeResult
}

// reading is what a Mapper's set mappers share.
type reading struct {
	name string
	h    Handlers
	res  *Result
	err  error // the first handler error: no handler is called after it
	// placer says which claim each error of an 837 set sits in.
	placer interface {
		Claims(*ig.SetResult) (*ack.Claims, error)
	}
}

// call runs a handler unless one has failed.
func (r *reading) call(f func() error) {
	if r.err == nil {
		r.err = f()
	}
}

// NewMapper returns a Mapper handing records to h.
func NewMapper(name string, h Handlers) *Mapper {
	rd := &reading{name: name, h: h, res: &Result{AuthorizationCheck: AuthorizationCheckNotRun}}
	m := &Mapper{reading: rd}
	if h.AuthorizationLookup != nil {
		rd.res.AuthorizationCheck = AuthorizationCheckRun
		m.claims.auth = &authChecker{lookup: h.AuthorizationLookup, ctx: h.Context, profiles: h.Profiles,
			countedOnly: rd.res.countedOnly}
		if m.claims.auth.ctx == nil {
			m.claims.auth.ctx = context.Background()
		}
	}
	m.claims.reading, m.remits.reading, m.auths.reading, m.acks.reading, m.status.reading = rd, rd, rd, rd, rd
	m.elig.reading = rd
	m.claims.b.onClaim = m.claims.claim
	// Without a handler for the remittances, the rules are checked
	// without building them (rulesonly835.go, decision 0031).
	if h.Remittance == nil && !h.wholeRecords {
		m.remits.rules = &remitRules{}
	}
	if h.Acknowledger != nil {
		rd.placer = h.Acknowledger
	} else {
		// The Mapper reads where the claims are, never their text.
		m.own = &ack.ClaimCollector{PlacesOnly: !h.wholeRecords}
		rd.placer = m.own
	}
	// Without a handler for the claims, the rules are checked without
	// building them (rulesonly.go, decision 0031), on a goroutine of their
	// own when there is a second core (rulesworker.go), with the claim
	// collector when the Mapper has its own.
	if h.Claim == nil && h.AuthorizationLookup == nil && !h.wholeRecords {
		m.claims.rules = &claimRules{onClaim: m.claims.claimChecked, line: -1}
	}
	if (m.claims.rules != nil || m.remits.rules != nil) && (h.rulesWorker || !h.rulesInline && runtime.GOMAXPROCS(0) > 1) {
		var collector *ack.ClaimCollector // the worker runs the Mapper's own with the 837 rules
		if m.claims.rules != nil {
			collector = m.own
		}
		m.worker = newRuleWorker(collector)
		if m.claims.rules != nil {
			m.ownInWorker = m.own != nil
			m.claims.worker = m.worker
		}
		if m.remits.rules != nil {
			m.remits.worker = m.worker
		}
	}
	return m
}

// Finish returns what the Mapper handed over, with the Validator's Report
// and error (rep, err from ig.Validator.Run), and frees what it held. The
// error is err, else the first handler's.
func (m *Mapper) Finish(rep *ig.Report, err error) (*Result, error) {
	m.claims.claims.reset()
	if m.worker != nil {
		m.worker.stop(&m.claims.dups)
	}
	if m.claims.auth != nil {
		m.claims.auth.reset()
	}
	if m.own != nil {
		m.own.Close()
	}
	m.res.Report = rep
	if err == nil {
		err = m.err
	}
	return m.res, err
}

// mapperFor is the mapper of a set type. A 276 or 277 of X212 (claim
// status) is told from a 277CA by its guide, never by ST01 alone.
func (m *Mapper) mapperFor(s *ig.SetResult) setMapper {
	if s.Guide == ig.X212Request || s.Guide == ig.X212Response {
		return m.onlyForHandlers(&m.status, m.h.ClaimStatusInquiry != nil || m.h.ClaimStatusResponse != nil)
	}
	switch s.Header.ID {
	case "837":
		return &m.claims
	case "835":
		return &m.remits
	case "278":
		return &m.auths
	case "270", "271":
		return m.onlyForHandlers(&m.elig, m.h.EligibilityInquiry != nil || m.h.EligibilityResponse != nil)
	case "999", "277":
		return &m.acks
	}
	return nil
}

// onlyForHandlers is the mapper of sets that have no business rules (270
// and 271, 276 and 277 of X212): their records exist only to be handed
// over, so without a handler that wants them (validate, ack) none are
// built, which cost two thirds of validate's time on a generated 270.
// The guide's verdict and the acknowledgments do not depend on them.
func (m *Mapper) onlyForHandlers(sm setMapper, wanted bool) setMapper {
	if !wanted && !m.h.wholeRecords {
		return nil
	}
	return sm
}

// InterchangeStart decides whether the interchange's records go out: not
// when its ISA has envelope errors (its TA1 rejects it), nor when
// Handlers.Interchange finds it received before; then the Acknowledger
// answers it with a TA1 025 alone.
func (m *Mapper) InterchangeStart(ic *ig.InterchangeResult) {
	m.skip = nil
	switch {
	case m.h.Interchange == nil:
	case len(ic.Errors) > 0:
		m.skip = ic // rejected by its TA1 whatever follows: no record goes out
	case m.err == nil:
		err := m.h.Interchange(ic.Header)
		if !errors.Is(err, edigw.ErrDuplicateInterchange) {
			m.call(func() error { return err })
			return
		}
		m.skip = ic
		m.res.Duplicates = append(m.res.Duplicates, ic.Header)
		if m.h.Acknowledger != nil {
			m.h.Acknowledger.Refuse(ic, &edi.Error{File: m.name, Pos: ic.Start, SegmentID: "ISA", Element: 13,
				Code: edi.TA1DuplicateControlNumber, Msg: fmt.Sprintf("interchange ISA13=%s from %s:%s to %s:%s was received before",
					ic.Header.ControlNumber, ic.Header.SenderQualifier, strings.TrimSpace(ic.Header.SenderID),
					ic.Header.ReceiverQualifier, strings.TrimSpace(ic.Header.ReceiverID))})
		}
	}
}

// skipped says whether set s is in an interchange whose records stay in.
func (m *Mapper) skipped(s *ig.SetResult) bool {
	return m.skip != nil && s.Group != nil && s.Group.Interchange == m.skip
}

// Segment hands a set's segment to the set's mapper, and a TA1 (outside
// any set) to the acknowledgment mapper.
func (m *Mapper) Segment(ev *ig.Event) {
	if m.own != nil && !m.ownInWorker {
		m.own.Segment(ev)
	}
	if ev.Set == nil {
		if ev.Seg.ID() == "TA1" && (m.skip == nil || ev.Interchange != m.skip) {
			m.acks.ta1(ev)
		}
		return
	}
	if ev.Set != m.set {
		m.set, m.cur = ev.Set, m.mapperFor(ev.Set)
	}
	if m.cur != nil {
		m.cur.segment(ev)
	}
}

// CheckSet ends the set's records and checks them: its errors join the
// set's before any SetEnd. A skipped interchange's set is forgotten.
func (m *Mapper) CheckSet(s *ig.SetResult) []*edi.Error {
	if s != m.set || m.cur == nil {
		return nil
	}
	if m.skipped(s) {
		m.cur.forget(s)
		return nil
	}
	return m.cur.check(s)
}

// SetEnd hands the set's records over, its errors all in.
func (m *Mapper) SetEnd(s *ig.SetResult) {
	if s != m.set || m.cur == nil || m.skipped(s) {
		return
	}
	m.cur.end(s)
}
