package mapping

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/edi/ig"
	"github.com/edigw/edigw/mapping/payers"
)

// storyRecords reads the 62308 story's 278 response (the approval of the
// hospital bed) and its two 837P claims (the bed under that approval, and
// a second bed with none).
func storyRecords(t *testing.T) (answer *edigw.AuthorizationRequest, bed, other *edigw.Claim) {
	t.Helper()
	read := func(name string, h Handlers) {
		f, err := os.Open(filepath.Join("..", "fixtures", "story", name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := Read(f, name, h); err != nil {
			t.Fatal(err)
		}
	}
	read("02-278-response.edi", Handlers{Authorization: func(a *edigw.AuthorizationRequest) error { answer = a; return nil }})
	var claims []*edigw.Claim
	read("03-837p-claims.edi", Handlers{Claim: func(c *edigw.Claim) error { claims = append(claims, c); return nil }})
	if answer == nil || len(claims) != 2 {
		t.Fatalf("story: answer %v, %d claims", answer != nil, len(claims))
	}
	return answer, claims[0], claims[1]
}

// changed is a copy of c with its lines copied, changed by f.
func changed(c *edigw.Claim, f func(*edigw.Claim)) *edigw.Claim {
	cp := *c
	cp.Lines = append([]edigw.ServiceLine(nil), c.Lines...)
	f(&cp)
	return &cp
}

// TestStoryAuthorizationFindings is issue 13's story table: each claim
// against what edigw knows (the story's approval, in memory).
func TestStoryAuthorizationFindings(t *testing.T) {
	answer, bed, other := storyRecords(t)
	tests := []struct {
		name  string
		claim *edigw.Claim
		rule  string // "" for no finding
		code  string
	}{
		{name: "approved and covering", claim: bed},
		{name: "expired", claim: changed(bed, func(c *edigw.Claim) { c.Lines[0].ServiceDate = &edigw.Period{From: "20260615"} }),
			rule: payers.RuleExpired, code: payers.AuthExpired},
		{name: "missing", claim: other, rule: payers.RuleMissing, code: payers.AuthMissing},
		{name: "wrong place of service", claim: changed(bed, func(c *edigw.Claim) { c.FacilityCode = "11" }),
			rule: payers.RuleDMEPlaceOfService, code: payers.DMEPlaceOfService},
		{name: "hospital setting: no authorization needed", claim: changed(other, func(c *edigw.Claim) { c.FacilityCode = "21" })},
		{name: "a PAP device: none needed", claim: changed(other, func(c *edigw.Claim) { c.Lines[0].ProcedureCode = "E0601" })},
		{name: "not covering: another service under the approval", claim: changed(bed, func(c *edigw.Claim) { c.Lines[0].ProcedureCode = "E0255" }),
			rule: payers.RuleNotCovering, code: payers.AuthProcedureNotApproved},
		{name: "not covering: more units than approved", claim: changed(bed, func(c *edigw.Claim) { c.Lines[0].Units = "2" }),
			rule: payers.RuleNotCovering, code: payers.AuthUnitsExceeded},
		{name: "no REF*G1, the same patient, provider and procedure approved", claim: changed(bed, func(c *edigw.Claim) { c.PriorAuthorization = "" })},
		{name: "another provider naming the certification number", claim: changed(bed, func(c *edigw.Claim) {
			c.BillingProvider.ID = "1245319599"
		}), rule: payers.RuleMissing, code: payers.AuthNotFound},
		{name: "another payer", claim: changed(bed, func(c *edigw.Claim) { c.PayerID = "60054" })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckClaimAuthorizations(context.Background(), Authorizations{answer}, []*edigw.Claim{tt.claim})
			if err != nil {
				t.Fatal(err)
			}
			fs := got[0]
			if tt.rule == "" {
				if len(fs) != 0 {
					t.Fatalf("findings %+v, want none", fs)
				}
				return
			}
			if len(fs) != 1 || fs[0].Rule != tt.rule || fs[0].Code != tt.code || fs[0].Line != 1 || fs[0].Action != "warn" || fs[0].Category != "hospital beds" {
				t.Fatalf("findings %+v, want %s (%s) on line 1", fs, tt.rule, tt.code)
			}
			for _, v := range []string{answer.Decision.CertificationNumber, tt.claim.Subscriber.MemberID, tt.claim.Lines[0].ProcedureCode,
				tt.claim.PatientControlNumber, "2026", tt.claim.BillingProvider.ID} {
				if strings.Contains(fs[0].Message, v) {
					t.Errorf("message %q carries a value of the claim", fs[0].Message)
				}
			}
		})
	}
}

// lookupCounter counts lookups and the claims each asked for.
type lookupCounter struct {
	known   Authorizations
	mu      sync.Mutex
	batches []int
}

func (l *lookupCounter) FindAuthorizations(ctx context.Context, qs []AuthorizationQuery) ([]*edigw.AuthorizationRequest, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.batches = append(l.batches, len(qs))
	return l.known, nil
}

// Through the chain: the warning rides on the claim and in the issues, the
// 277CA accepts both claims; with a rejecting policy for auth-missing the
// 277CA rejects the second claim with the profile's status.
func TestStoryAuthorizationThroughTheChain(t *testing.T) {
	answer, _, _ := storyRecords(t)
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "story", "03-837p-claims.edi"))
	if err != nil {
		t.Fatal(err)
	}
	cigna, _ := payers.Lookup(edigw.Cigna)
	rejecting := *cigna
	rejecting.PriorAuthorization.Findings = map[string]payers.FindingPolicy{payers.RuleMissing: {Action: payers.Reject, ClaimStatus: "A7:252"}}
	for _, tc := range []struct {
		name     string
		profile  *payers.Profile
		status   edigw.ClaimStatus
		in277    string
		warning  bool
		notIn277 string
	}{
		{"warn", cigna, edigw.ClaimSubmitted, "STC*A2:20", true, "STC*A7"},
		{"reject", &rejecting, edigw.ClaimRejected, "STC*A7:252", false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			acks := memSink{}
			a := ack.NewAcknowledger(context.Background(), ack.Options{Numbers: &ack.Sequence{Start: 1}, Newline: true}, acks.sink)
			lookup := &lookupCounter{known: Authorizations{answer}}
			var claims []*edigw.Claim
			m := NewMapper("story.edi", Handlers{Acknowledger: a, AuthorizationLookup: lookup,
				Profiles: func(edigw.PayerID) (*payers.Profile, bool) { return tc.profile, true },
				Claim:    func(c *edigw.Claim) error { claims = append(claims, c); return nil }})
			v := &ig.Validator{File: "story.edi", ForgetSets: true, Handlers: []ig.Handler{m, a}}
			res, err := m.Finish(v.Run(bytes.NewReader(data)))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := a.Finish(); err != nil {
				t.Fatal(err)
			}
			if len(lookup.batches) != 1 || lookup.batches[0] != 2 || res.AuthorizationCheck != AuthorizationCheckRun {
				t.Errorf("lookups %v, check %q: want one for both claims", lookup.batches, res.AuthorizationCheck)
			}
			if len(claims) != 2 || len(claims[0].AuthorizationFindings) != 0 || claims[0].Status != edigw.ClaimSubmitted {
				t.Fatalf("claims %+v", claims)
			}
			fs := claims[1].AuthorizationFindings
			if len(fs) != 1 || fs[0].Rule != payers.RuleMissing || claims[1].Status != tc.status {
				t.Errorf("second claim: %s, findings %+v", claims[1].Status, fs)
			}
			if len(res.Issues) != 1 || res.Issues[0].Warning != tc.warning || res.Issues[0].Rule != payers.RuleMissing || res.Issues[0].Level != 7 {
				t.Errorf("issues %v", res.Issues)
			}
			var ca string
			for k, b := range acks {
				if strings.HasPrefix(k, "277") {
					ca += b.String()
				}
			}
			if !strings.Contains(ca, tc.in277) || (tc.notIn277 != "" && strings.Contains(ca, tc.notIn277)) {
				t.Errorf("277CA:\n%s", ca)
			}
		})
	}
}

// Without a lookup the check says it did not run; nothing is found.
func TestAuthorizationCheckNotRun(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "story", "03-837p-claims.edi"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Read(bytes.NewReader(data), "story.edi", Handlers{})
	if err != nil {
		t.Fatal(err)
	}
	if res.AuthorizationCheck != AuthorizationCheckNotRun || len(res.Issues) != 0 {
		t.Errorf("check %q, issues %v", res.AuthorizationCheck, res.Issues)
	}
}

// A set of more claims than a batch asks once per batch.
func TestAuthorizationLookupsAreBatched(t *testing.T) {
	_, bed, _ := storyRecords(t)
	lookup := &lookupCounter{}
	a := &authChecker{lookup: lookup, ctx: context.Background()}
	n := 0
	for i := range AuthorizationBatch*2 + 5 {
		if a.add(i, bed, &claimSpots{}) {
			if err := a.start(func(*Issue) { n++ }); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := a.flush(func(*Issue) { n++ }); err != nil {
		t.Fatal(err)
	}
	slices.Sort(lookup.batches) // two lookups may run at once
	if want := []int{5, AuthorizationBatch, AuthorizationBatch}; !slices.Equal(lookup.batches, want) {
		t.Errorf("batches %v, want %v", lookup.batches, want)
	}
	if n != AuthorizationBatch*2+5 {
		t.Errorf("%d findings, want one a claim (nothing known)", n)
	}
}

// linkingLookup links each query with a certification number to an ID of
// its own (as storage.DB's lookup fills AuthorizationQuery.Link).
type linkingLookup struct{}

func (linkingLookup) FindAuthorizations(ctx context.Context, qs []AuthorizationQuery) ([]*edigw.AuthorizationRequest, error) {
	for i := range qs {
		if qs[i].CertificationNumber != "" {
			qs[i].Link = edigw.CertificationLink{ID: int64(1000 + i), Known: true}
		}
	}
	return nil, nil
}

// The check hands each claim the link its lookup found (Claim.CertifiedBy),
// so that the load does not look the number up again, also for a claim
// with nothing to check (looked up for its link alone, without filling a
// batch); not for a number padded with spaces (the check looks it up
// trimmed, the load as it is), nor for a claim without a number.
func TestCheckHandsClaimsTheirLinks(t *testing.T) {
	_, bed, _ := storyRecords(t)
	plain, padded, none := *bed, *bed, *bed
	plain.PriorAuthorization, padded.PriorAuthorization, none.PriorAuthorization = "CERT1", " CERT1", ""
	visit := changed(bed, func(c *edigw.Claim) {
		c.PriorAuthorization = "CERT2"
		for i := range c.Lines {
			c.Lines[i].ProcedureCode = "99213" // an office visit: no category of the profile
		}
	})
	cigna, _ := payers.Lookup(edigw.Cigna)
	if _, need := cigna.LineCategories(visit); need {
		t.Fatal("the office visit needs authorization: the case is not the one meant")
	}
	claims := []*edigw.Claim{&plain, &padded, &none, visit}
	a := &authChecker{lookup: linkingLookup{}, ctx: context.Background()}
	for i, c := range claims {
		if a.add(i, c, &claimSpots{}) {
			t.Fatal("four claims filled a batch")
		}
	}
	if a.checking != 3 {
		t.Errorf("%d claims are to be checked, want 3 (the visit is only linked)", a.checking)
	}
	if err := a.flush(func(*Issue) {}); err != nil {
		t.Fatal(err)
	}
	if got := plain.CertifiedBy; !got.Known || got.ID != 1000 {
		t.Errorf("the claim's link is %+v, want the lookup's 1000", got)
	}
	if got := visit.CertifiedBy; !got.Known || got.ID != 1003 {
		t.Errorf("the visit's link is %+v, want the lookup's 1003", got)
	}
	if padded.CertifiedBy.Known || none.CertifiedBy.Known {
		t.Errorf("links %+v and %+v were handed over, want none", padded.CertifiedBy, none.CertifiedBy)
	}
	if a.found[3] != nil {
		t.Errorf("the visit, only linked, has findings: %+v", a.found[3])
	}
}
