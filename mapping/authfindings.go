package mapping

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping/payers"
)

// AuthorizationLookup finds the authorizations that may cover a batch of
// claims: for each query, those of its payer that name one of its
// providers and carry its certification number, or concern its member.
// Two lookups may run at once (one batch's beside the next one's
// reading). It may return more (the checks match each claim inside its payer and
// providers again, payers/match.go), never fewer. One call a batch: the
// 837 mapper asks once for up to AuthorizationBatch claims.
//
// A lookup that can also say, for each query with a certification number,
// which stored request a claim naming it is linked to (storage.DB's) fills
// the query's Link: the check hands it to the claim (Claim.CertifiedBy),
// and the load does not look the number up again.
//
// storage.DB's AuthorizationLookup implements it; Authorizations is one
// in memory.
type AuthorizationLookup interface {
	FindAuthorizations(ctx context.Context, queries []AuthorizationQuery) ([]*edigw.AuthorizationRequest, error)
}

// AuthorizationQuery is what one claim asks of an AuthorizationLookup.
type AuthorizationQuery struct {
	PayerID edigw.PayerID
	// ProviderNPIs are the NPIs an authorization must name one of: the
	// claim's billing provider's (payers/match.go says why not the
	// rendering provider's).
	ProviderNPIs []string
	// CertificationNumber is the claim's REF*G1 (empty when none).
	CertificationNumber string
	// MemberID is the subscriber's member ID, for authorizations found by
	// patient, provider and procedure.
	MemberID string
	// Link is filled by a lookup that links claims to their certifications
	// (storage.DB's), for a query with a certification number; others
	// leave it unknown.
	Link edigw.CertificationLink
}

// Authorizations is an AuthorizationLookup over records in memory (tests,
// and callers that hold the authorizations already): it returns them all
// and lets the checks match.
type Authorizations []*edigw.AuthorizationRequest

// FindAuthorizations returns every authorization.
func (a Authorizations) FindAuthorizations(context.Context, []AuthorizationQuery) ([]*edigw.AuthorizationRequest, error) {
	return a, nil
}

// AuthorizationBatch is how many claims the 837 mapper checks with one
// lookup.
const AuthorizationBatch = 1000

// Whether the prior-authorization check ran (Result.AuthorizationCheck).
const (
	AuthorizationCheckRun    = "run"
	AuthorizationCheckNotRun = "not run" // no AuthorizationLookup: no store to ask
)

// authChecker runs the payer profiles' prior-authorization check (SNIP 7)
// over the claims of the open 837 set in batches: a claim that needs
// authorization waits until AuthorizationBatch of them are pending, then
// one lookup serves them all. The lookup of a full batch runs beside the
// reading of the next one (the store answers while the validator reads),
// and so does the in-memory check of its claims against what the store
// answered; its findings are taken when that next batch fills, or when
// the set's checks end: at most two batches are held. What it finds joins the
// result's issues; a finding the profile rejects becomes an error of the
// set (the 277CA rejects its claim with the profile's status), and the
// set's claims carry their findings when they are handed over.
type authChecker struct {
	lookup   AuthorizationLookup
	ctx      context.Context
	profiles func(edigw.PayerID) (*payers.Profile, bool) // nil: payers.Lookup
	pending  []pendingClaim
	checking int        // the pending claims that are checked, not only linked
	inflight *authBatch // the full batch whose lookup is running
	// countedOnly, when set, says whether a warning of a rule would only
	// be counted (the result holds MaxIssues issues already) and counts
	// it: such warnings are not built as issues. A file may draw one a
	// claim, and only the first thousand are kept.
	countedOnly func(rule string) bool
	// found are the findings of the set's claims, by place in the set.
	found map[int][]edigw.AuthorizationFinding
}

type pendingClaim struct {
	index   int
	claim   *edigw.Claim
	at      *claimSpots
	profile *payers.Profile
	// lines are the categories of the claim's lines that need
	// authorization (payers.LineCategories), found when it was added.
	lines []*payers.Category
	// linkOnly: no line needs authorization; the claim is looked up for
	// its REF*G1's link alone (profile and lines are nil).
	linkOnly bool
}

// authBatch is one lookup under way, and the check of its claims: both
// run in the batch's goroutine, beside the reading (the claims and their
// spots are not written once added; the profiles are read-only). Only
// handing the findings over as issues waits for take, on the reader's
// goroutine, which builds the issues the result keeps.
type authBatch struct {
	claims  []pendingClaim
	queries []AuthorizationQuery
	// findings and found are each claim's findings, by place in claims:
	// as the check gave them, and as the claim keeps them.
	findings [][]payers.Finding
	found    [][]edigw.AuthorizationFinding
	err      error
	done     chan struct{}
}

// check looks the batch up and checks its claims.
func (b *authBatch) check(ctx context.Context, lookup AuthorizationLookup) {
	defer close(b.done)
	all, err := lookup.FindAuthorizations(ctx, b.queries)
	if err != nil {
		b.err = err
		return
	}
	known := candidatesByQuery(b.queries, all)
	b.findings = make([][]payers.Finding, len(b.claims))
	b.found = make([][]edigw.AuthorizationFinding, len(b.claims))
	for i, p := range b.claims {
		if p.linkOnly {
			continue
		}
		if fs := p.profile.CheckClaimLines(p.claim, p.lines, known[i]); len(fs) > 0 {
			b.findings[i], b.found[i] = fs, findingsOf(fs)
		}
	}
}

// add takes claim c, the set's index-th, and says whether the batch is full.
func (a *authChecker) add(index int, c *edigw.Claim, at *claimSpots) bool {
	lookup := a.profiles
	if lookup == nil {
		lookup = payers.Lookup
	}
	profile, ok := lookup(c.PayerID)
	if !ok {
		return false
	}
	lines, need := profile.LineCategories(c)
	if !need {
		// Nothing to check, but a certification number to link: the
		// batch's lookup answers it too (AuthorizationQuery.Link), so
		// that the load does not look it up. It does not fill a batch,
		// which would move when the findings are taken.
		if c.PriorAuthorization != "" {
			a.pending = append(a.pending, pendingClaim{index: index, claim: c, at: at, linkOnly: true})
		}
		return false
	}
	a.pending = append(a.pending, pendingClaim{index: index, claim: c, at: at, profile: profile, lines: lines})
	a.checking++
	return a.checking >= AuthorizationBatch
}

// start looks the pending claims up in the background, then takes the
// findings of the batch looked up before (issue gets each one).
func (a *authChecker) start(issue func(*Issue)) error {
	if len(a.pending) == 0 {
		return nil
	}
	b := &authBatch{claims: a.pending, done: make(chan struct{})}
	a.pending, a.checking = make([]pendingClaim, 0, AuthorizationBatch), 0
	b.queries = make([]AuthorizationQuery, len(b.claims))
	for i, p := range b.claims {
		b.queries[i] = queryOf(p.claim)
	}
	go b.check(a.ctx, a.lookup)
	prev := a.inflight
	a.inflight = b
	if prev == nil {
		return nil
	}
	return a.take(prev, issue)
}

// flush checks every claim still pending, the batch under way first.
func (a *authChecker) flush(issue func(*Issue)) error {
	if err := a.start(issue); err != nil {
		return err
	}
	b := a.inflight
	a.inflight = nil
	if b == nil {
		return nil
	}
	return a.take(b, issue)
}

// take waits for a batch's lookup and check, and hands its findings over.
func (a *authChecker) take(b *authBatch, issue func(*Issue)) error {
	<-b.done
	if b.err != nil {
		return fmt.Errorf("mapping: looking up prior authorizations: %w", b.err)
	}
	for i, p := range b.claims {
		// The link is handed over only for the number as storage reads it
		// (untrimmed, storage's certKey); a padded one is looked up there.
		if l := b.queries[i].Link; l.Known && b.queries[i].CertificationNumber == p.claim.PriorAuthorization {
			p.claim.CertifiedBy = l
		}
		if len(b.found[i]) == 0 {
			continue
		}
		if a.found == nil {
			a.found = map[int][]edigw.AuthorizationFinding{}
		}
		a.found[p.index] = b.found[i]
		for _, f := range b.findings[i] {
			if f.Action != payers.Reject && a.countedOnly != nil && a.countedOnly(f.Rule) {
				continue
			}
			issue(authIssue(p.claim, p.at, f))
		}
	}
	return nil
}

// reset forgets the set, once a lookup under way has ended.
func (a *authChecker) reset() {
	if a.inflight != nil {
		<-a.inflight.done
		a.inflight = nil
	}
	clear(a.pending)
	a.pending, a.checking = a.pending[:0], 0
	a.found = nil
}

// findFor asks lookup once for claims and returns, for each claim, the
// authorizations that carry its certification number or concern its
// member (the checks scope them to its payer and providers).
func findFor(ctx context.Context, lookup AuthorizationLookup, claims []*edigw.Claim) ([][]*edigw.AuthorizationRequest, error) {
	queries := make([]AuthorizationQuery, len(claims))
	for i, c := range claims {
		queries[i] = queryOf(c)
	}
	all, err := lookup.FindAuthorizations(ctx, queries)
	if err != nil {
		return nil, fmt.Errorf("mapping: looking up prior authorizations: %w", err)
	}
	return candidatesByQuery(queries, all), nil
}

// candidatesByQuery sorts what a lookup returned by query: those that
// carry its certification number or concern its member.
func candidatesByQuery(queries []AuthorizationQuery, all []*edigw.AuthorizationRequest) [][]*edigw.AuthorizationRequest {
	type key struct {
		payer edigw.PayerID
		value string
	}
	byCert := map[key][]*edigw.AuthorizationRequest{}
	byMember := map[key][]*edigw.AuthorizationRequest{}
	for _, a := range all {
		if a == nil {
			continue
		}
		cert := func(n string) {
			if n = strings.TrimSpace(n); n == "" {
				return
			}
			k := key{a.PayerID, n}
			// a is the last of its list when a number of it came before.
			if l := byCert[k]; len(l) == 0 || l[len(l)-1] != a {
				byCert[k] = append(l, a)
			}
		}
		if a.Decision != nil {
			cert(a.Decision.CertificationNumber)
		}
		for _, s := range a.Services {
			if s.Decision != nil {
				cert(s.Decision.CertificationNumber)
			}
		}
		if m := strings.TrimSpace(a.Subscriber.MemberID); m != "" {
			byMember[key{a.PayerID, m}] = append(byMember[key{a.PayerID, m}], a)
		}
	}
	out := make([][]*edigw.AuthorizationRequest, len(queries))
	for i, q := range queries {
		var mine []*edigw.AuthorizationRequest
		if q.CertificationNumber != "" {
			mine = append(mine, byCert[key{q.PayerID, q.CertificationNumber}]...)
		}
		for _, a := range byMember[key{q.PayerID, q.MemberID}] {
			if !slices.Contains(mine, a) {
				mine = append(mine, a)
			}
		}
		out[i] = mine
	}
	return out
}

func queryOf(c *edigw.Claim) AuthorizationQuery {
	q := AuthorizationQuery{PayerID: c.PayerID, CertificationNumber: strings.TrimSpace(c.PriorAuthorization),
		MemberID: strings.TrimSpace(c.Subscriber.MemberID)}
	if n := c.BillingProvider.NPI(); n != "" {
		q.ProviderNPIs = append(q.ProviderNPIs, n)
	}
	return q
}

// findingsOf are the findings as the claim keeps them.
func findingsOf(fs []payers.Finding) []edigw.AuthorizationFinding {
	out := make([]edigw.AuthorizationFinding, len(fs))
	for i, f := range fs {
		out[i] = edigw.AuthorizationFinding{Rule: f.Rule, Code: f.Code, Action: string(f.Action), Line: f.Line,
			Category: f.Category, Message: f.Msg}
	}
	return out
}

// authIssue is a claim's finding as an issue at the claim's line: a
// warning, or for a rejecting policy an error with the profile's 277CA
// status, which rejects the claim.
func authIssue(c *edigw.Claim, at *claimSpots, f payers.Finding) *Issue {
	where, field := at.claim, "priorAuthorization"
	if f.Line > 0 {
		for i, l := range c.Lines {
			if l.Number == f.Line && i < len(at.lines) {
				where, field = at.lines[i], "lines["+strconv.Itoa(i)+"]"
				break
			}
		}
	}
	stc := ""
	if f.Action == payers.Reject {
		stc = f.ClaimStatus
	}
	is := issueText(where, 0, f.Rule, 7, c.PatientControlNumber, f.Line, field, stc, f.Rule+": "+f.Msg)
	is.Warning = f.Action != payers.Reject
	return is
}

// CheckClaimAuthorizations runs the prior-authorization check over claims
// submitted as records (the API), with one lookup: each claim's findings,
// in order (nil for a claim without any). A finding whose Action is
// reject refuses the claim; the others are kept on it.
func CheckClaimAuthorizations(ctx context.Context, lookup AuthorizationLookup, claims []*edigw.Claim) ([][]edigw.AuthorizationFinding, error) {
	out := make([][]edigw.AuthorizationFinding, len(claims))
	var need []*edigw.Claim
	var idx []int
	var lines [][]*payers.Category
	for i, c := range claims {
		// Only claims with a line in a category of the profile are looked up.
		if p, ok := payers.Lookup(c.PayerID); ok {
			if cats, need1 := p.LineCategories(c); need1 {
				need = append(need, c)
				idx = append(idx, i)
				lines = append(lines, cats)
			}
		}
	}
	if len(need) == 0 || lookup == nil {
		return out, nil
	}
	known, err := findFor(ctx, lookup, need)
	if err != nil {
		return nil, err
	}
	for j, c := range need {
		p, _ := payers.Lookup(c.PayerID)
		if fs := p.CheckClaimLines(c, lines[j], known[j]); len(fs) > 0 {
			out[idx[j]] = findingsOf(fs)
		}
	}
	return out, nil
}
