package clearinghouse

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/storage"
)

// Provider B of the matching test: another practice than the story's
// supplier (NPI 1234567893, TIN 061234567).
const (
	storyNPI, storyTIN = "1234567893", "061234567"
	otherNPI, otherTIN = "1245319599", "222222222"
)

// TestAnswersMatchInsidePartnerAndProvider: provider B sends the story's
// 278 request and 837 with its own NPI and TIN but the supplier's (A's)
// trace and patient control numbers, after A. The payer's answers name A:
// a 277CA coming from another partner (ISA06) first, which matches
// nothing; then Cigna's 277CA, its 835 (payee A) and its 278 response.
// A's claims and authorization move; B's stay as they were; the answers'
// files are A's to read, not B's; every answer that matched nothing is
// counted and reported to operators without a provider.
func TestAnswersMatchInsidePartnerAndProvider(t *testing.T) {
	p := newPipeline(t)
	ctx := context.Background()
	story := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "fixtures", "story", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	// B's copy: its provider, and envelope numbers of its own.
	asB := strings.NewReplacer(storyNPI, otherNPI, storyTIN, otherTIN,
		"*000005001*", "*000006001*", "IEA*1*000005001~", "IEA*1*000006001~", "*5001*X*", "*6001*X*", "GE*1*5001~", "GE*1*6001~",
		"*000005002*", "*000006002*", "IEA*1*000005002~", "IEA*1*000006002~", "*5002*X*", "*6002*X*", "GE*1*5002~", "GE*1*6002~").Replace
	poll := func(name, body string) *Outcome {
		t.Helper()
		dropBytes(t, p, name, []byte(body))
		outs, err := p.PollOnce(ctx)
		if err != nil || len(outs) != 1 || outs[0].Status != edigw.FileArchived || outs[0].Result == nil {
			t.Fatalf("%s: %v %v", name, outs, err)
		}
		return outs[0]
	}
	poll("a-278.edi", story("01-278-request.edi"))
	poll("b-278.edi", asB(story("01-278-request.edi")))
	poll("a-837.edi", story("03-837p-claims.edi"))
	poll("b-837.edi", asB(story("03-837p-claims.edi")))
	scopeA := &edigw.Scope{NPIs: []string{storyNPI}}
	scopeB := &edigw.Scope{NPIs: []string{otherNPI}}
	pcns := []string{"DME-2026-0101", "DME-2026-0102"}
	for _, pcn := range pcns {
		for _, s := range []*edigw.Scope{scopeA, scopeB} {
			if _, err := recordsOf(t, p).ClaimByControlNumber(ctx, edigw.Cigna, pcn, s); err != nil {
				t.Fatalf("claim %s of %v: %v", pcn, s.NPIs, err)
			}
		}
	}

	// A 277CA for A's claims from another partner's interchange ID, in
	// Cigna's prefix: the claims went to CIGNA62308, so it answers none.
	other := strings.NewReplacer("*ZZ*CIGNA62308     *", "*ZZ*OTHERPAYER     *", "000009002", "000008002").Replace(story("05-277ca.edi"))
	o := poll("other-277ca.edi", other)
	if o.Result.Unmatched != 2 || o.Result.StatusUpdates != 0 {
		t.Errorf("277CA of another partner: %+v", o.Result)
	}
	for _, pcn := range pcns {
		c, _ := recordsOf(t, p).ClaimByControlNumber(ctx, edigw.Cigna, pcn, scopeA)
		if c.Claim.Status != edigw.ClaimSubmitted {
			t.Errorf("another partner's 277CA moved %s to %s", pcn, c.Claim.Status)
		}
	}
	if tins, npis, err := audienceIDs(ctx, recordsOf(t, p), o.Result.FileID); err != nil || len(tins)+len(npis) != 0 {
		t.Errorf("providers of a 277CA that matched nothing: %v %v %v", tins, npis, err)
	}

	ca := poll("a-277ca.edi", story("05-277ca.edi"))
	remit := poll("a-835.edi", story("06-835-remittance.edi"))
	resp := poll("a-278-response.edi", story("02-278-response.edi"))
	if ca.Result.StatusUpdates != 2 || ca.Result.Unmatched != 0 || remit.Result.Unmatched != 0 || resp.Result.Unmatched != 0 {
		t.Errorf("answers: 277CA %+v, 835 %+v, 278 %+v", ca.Result, remit.Result, resp.Result)
	}

	want := map[string]edigw.ClaimStatus{"DME-2026-0101": edigw.ClaimPartiallyPaid, "DME-2026-0102": edigw.ClaimDenied}
	for _, pcn := range pcns {
		a, _ := recordsOf(t, p).ClaimByControlNumber(ctx, edigw.Cigna, pcn, scopeA)
		b, _ := recordsOf(t, p).ClaimByControlNumber(ctx, edigw.Cigna, pcn, scopeB)
		if a.Claim.Status != want[pcn] {
			t.Errorf("A's %s: %s, want %s", pcn, a.Claim.Status, want[pcn])
		}
		if b.Claim.Status != edigw.ClaimSubmitted || b.StatusReason != "" {
			t.Errorf("B's %s moved by A's answers: %s %q", pcn, b.Claim.Status, b.StatusReason)
		}
	}
	rms, err := recordsOf(t, p).Remittances(ctx, 0, 10)
	if err != nil || len(rms) != 1 {
		t.Fatalf("remittances %v %v", rms, err)
	}
	for i, id := range rms[0].ClaimIDs {
		a, _ := recordsOf(t, p).ClaimByControlNumber(ctx, edigw.Cigna, pcns[i], scopeA)
		if id != a.ID {
			t.Errorf("the 835's payment %d links claim %d, want A's %d", i+1, id, a.ID)
		}
	}
	auth, err := recordsOf(t, p).AuthorizationByCertification(ctx, edigw.Cigna, "C26014A00123")
	if err != nil || auth.Request.Requester.NPI() != storyNPI || auth.Request.Status != edigw.AuthApproved {
		t.Fatalf("the approved authorization: %v %+v", err, auth)
	}
	for _, e := range allEvents(t, p, scopeB) {
		if e.Kind != edigw.EventClaimSubmitted && e.Kind != edigw.EventAuthPending {
			t.Errorf("B got an event of A's answers: %+v", e)
		}
	}

	// Each answer's file is A's: its providers are A's alone.
	for _, o := range []*Outcome{ca, remit, resp} {
		tins, npis, err := audienceIDs(ctx, recordsOf(t, p), o.Result.FileID)
		if err != nil || !slices.Equal(npis, []string{storyNPI}) || slices.Contains(tins, otherTIN) {
			t.Errorf("providers of %s: %v %v %v", o.Key, tins, npis, err)
		}
	}

	// The operators' reports: the two claims of the other partner's
	// 277CA, naming the file and the envelope, no provider, no value.
	var reports []edigw.Event
	for _, e := range allEvents(t, p, nil) {
		if e.Kind == edigw.EventAckUnmatched || e.Kind == edigw.EventPaymentUnmatched || e.Kind == edigw.EventAuthUnmatched {
			reports = append(reports, e)
		}
	}
	if len(reports) != 2 || p.Stats().Unmatched != 2 {
		t.Fatalf("reports %+v, counted %d", reports, p.Stats().Unmatched)
	}
	for _, e := range reports {
		if e.Subject != "file" || e.SubjectID != o.Result.FileID || e.TIN != "" || e.NPI != "" ||
			!strings.HasPrefix(e.Reference, "277CA ISA13 000008002 GS06 9002 ST02 9002 2200D ") || strings.Contains(e.Reference, "DME") {
			t.Errorf("report %+v", e)
		}
	}
}

// audienceIDs lists the distinct TINs and NPIs of a file's audience,
// sorted: who may download it, as scopes see it.
func audienceIDs(ctx context.Context, db *storage.DB, id int64) (tins, npis []string, err error) {
	a, err := db.FileAudience(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	tins, npis = []string{}, []string{}
	for _, p := range a.Providers {
		if p.TIN != "" && !slices.Contains(tins, p.TIN) {
			tins = append(tins, p.TIN)
		}
		if p.NPI != "" && !slices.Contains(npis, p.NPI) {
			npis = append(npis, p.NPI)
		}
	}
	slices.Sort(tins)
	slices.Sort(npis)
	return tins, npis, nil
}

func allEvents(t *testing.T, p *Pipeline, scope *edigw.Scope) []edigw.Event {
	t.Helper()
	db := recordsOf(t, p)
	var evs []edigw.Event
	var err error
	if scope == nil {
		evs, err = db.Events(context.Background(), 0, 1000)
	} else {
		evs, err = db.EventsOf(context.Background(), 0, 1000, scope, []string{"claim", "authorization", "remittance"})
	}
	if err != nil {
		t.Fatal(err)
	}
	return evs
}
