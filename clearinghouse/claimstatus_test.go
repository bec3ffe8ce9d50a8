package clearinghouse

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// TestClaimStatusResponseMovesItsProvidersClaims: providers A (the
// story's supplier) and B send claims under the same patient control
// numbers. Cigna's 277 (005010X212) answering A's inquiry, naming A in
// 2100C, pays one of A's claims in part and pends the other, with
// claim_status.received and the claims' status events; B's claims under
// the same numbers stay as they were, and B reads none of it. The same
// 277 naming a provider with no such claims moves nothing and is
// reported.
func TestClaimStatusResponseMovesItsProvidersClaims(t *testing.T) {
	p := newPipeline(t)
	ctx := context.Background()
	read := func(path ...string) string {
		b, err := os.ReadFile(filepath.Join(append([]string{".."}, path...)...))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	poll := func(name, body string) *Outcome {
		t.Helper()
		dropBytes(t, p, name, []byte(body))
		outs, err := p.PollOnce(ctx)
		if err != nil || len(outs) != 1 || outs[0].Status != edigw.FileArchived || outs[0].Result == nil {
			t.Fatalf("%s: %v %v", name, outs, err)
		}
		return outs[0]
	}
	claims := read("fixtures", "story", "03-837p-claims.edi")
	asB := strings.NewReplacer(storyNPI, otherNPI, storyTIN, otherTIN, "*000005002*", "*000006002*", "IEA*1*000005002~", "IEA*1*000006002~",
		"*5002*X*", "*6002*X*", "GE*1*5002~", "GE*1*6002~").Replace
	poll("a-837.edi", claims)
	poll("b-837.edi", asB(claims))

	// The project's 277 fixture, answering A's two claims.
	answer := strings.NewReplacer("PCN-DOE-0210", "DME-2026-0101", "PCN-ROE-0211", "DME-2026-0102").Replace(read("fixtures", "edi", "claimstatus-277.edi"))
	stranger := strings.NewReplacer(storyNPI, "1003000126", "000009101", "000009102").Replace(answer)
	o := poll("stranger-277.edi", stranger)
	if o.Result.Unmatched != 2 || o.Result.StatusUpdates != 0 {
		t.Errorf("a 277 naming another provider: %+v", o.Result)
	}
	o = poll("a-277.edi", answer)
	if o.Result.Unmatched != 0 || o.Result.StatusUpdates != 2 {
		t.Fatalf("A's 277: %+v", o.Result)
	}
	scopeA := &edigw.Scope{NPIs: []string{storyNPI}}
	scopeB := &edigw.Scope{NPIs: []string{otherNPI}}
	for pcn, want := range map[string]edigw.ClaimStatus{"DME-2026-0101": edigw.ClaimPartiallyPaid, "DME-2026-0102": edigw.ClaimPended} {
		a, err := recordsOf(t, p).ClaimByControlNumber(ctx, edigw.Cigna, pcn, scopeA)
		if err != nil || a.Claim.Status != want {
			t.Errorf("A's %s: %v (%v), want %s", pcn, a.Claim.Status, err, want)
		}
		b, err := recordsOf(t, p).ClaimByControlNumber(ctx, edigw.Cigna, pcn, scopeB)
		if err != nil || b.Claim.Status == want {
			t.Errorf("B's %s moved to %s (%v)", pcn, b.Claim.Status, err)
		}
	}
	count := func(s *edigw.Scope, kind edigw.EventKind) int {
		n := 0
		for _, e := range allEvents(t, p, s) {
			if e.Kind == kind {
				n++
			}
		}
		return n
	}
	if n := count(scopeA, edigw.EventClaimStatusReceived); n != 2 {
		t.Errorf("A reads %d claim_status.received events, want 2", n)
	}
	if count(scopeA, edigw.EventClaimPended) != 1 || count(scopeA, edigw.EventClaimPartiallyPaid) != 1 {
		t.Errorf("A's status events: pended %d, partially paid %d", count(scopeA, edigw.EventClaimPended), count(scopeA, edigw.EventClaimPartiallyPaid))
	}
	if n := count(scopeB, edigw.EventClaimStatusReceived) + count(scopeB, edigw.EventClaimPended); n != 0 {
		t.Errorf("B reads %d claim status events", n)
	}
}

// TestClaimStatusInquiryRoundTrip: an inquiry about A's claim, queued as
// the API queues it, goes out in the next 276 to the partner under the
// gateway's own trace number; the payer's 277 repeating that trace, for
// A, answers the inquiry and moves the claim. B's token sees neither.
func TestClaimStatusInquiryRoundTrip(t *testing.T) {
	p := newPipeline(t)
	ctx := context.Background()
	db := recordsOf(t, p)
	claims, err := os.ReadFile(filepath.Join("..", "fixtures", "story", "03-837p-claims.edi"))
	if err != nil {
		t.Fatal(err)
	}
	dropBytes(t, p, "a-837.edi", claims)
	if _, err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	scopeA := &edigw.Scope{NPIs: []string{storyNPI}}
	c, err := db.ClaimByControlNumber(ctx, edigw.Cigna, "DME-2026-0101", scopeA)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := db.QueueClaimStatusInquiries(ctx, []*edigw.ClaimStatusInquiry{mapping.ClaimStatusInquiryFor(c.Claim)}, []int64{c.ID})
	if err != nil {
		t.Fatal(err)
	}
	id := ids[0]
	keys, err := p.FlushOutbound(ctx)
	if err != nil || len(keys) != 1 || !strings.Contains(keys[0], "claim-status") {
		t.Fatalf("flush: %v %v", keys, err)
	}
	x276 := readObject(t, p.Objects, keys[0])
	var sent []*edigw.ClaimStatusInquiry
	res, err := mapping.ReadClaimStatus(strings.NewReader(x276), "276", func(q *edigw.ClaimStatusInquiry) error { sent = append(sent, q); return nil }, nil)
	if err != nil || !res.Report.OK() || len(sent) != 1 {
		t.Fatalf("the 276 written: %v %v %d\n%s", err, res.Report.Errors, len(sent), x276)
	}
	trace := sent[0].TraceNumber
	if trace != fmt.Sprintf("CS%d", id) || sent[0].PatientControlNumber != "DME-2026-0101" || sent[0].Provider.ID != storyNPI {
		t.Errorf("the 276's claim: %+v", sent[0].ClaimStatusClaim)
	}
	if q, err := db.ClaimStatusInquiry(ctx, id, scopeA); err != nil || q.Status != edigw.InquirySent {
		t.Fatalf("after the flush: %+v %v", q, err)
	}

	// Cigna's 277 answers it (the fixture's first claim, with the trace).
	answer := strings.NewReplacer("TRN*2*CS4801-0001~", "TRN*2*"+trace+"~", "PCN-DOE-0210", "DME-2026-0101").
		Replace(string(mustRead(t, "fixtures", "edi", "claimstatus-277.edi")))
	dropBytes(t, p, "answer-277.edi", []byte(answer))
	outs, err := p.PollOnce(ctx)
	if err != nil || len(outs) != 1 || outs[0].Result == nil || outs[0].Result.StatusUpdates < 1 {
		t.Fatalf("the 277: %v %v", outs, err)
	}
	q, err := db.ClaimStatusInquiry(ctx, id, scopeA)
	if err != nil || q.Status != edigw.InquiryAnswered || q.Response == nil || q.Response.Statuses[0].Category() != "F1" || q.ClaimID != c.ID {
		t.Fatalf("the answered inquiry: %+v %v", q, err)
	}
	if c, _ := db.Claim(ctx, c.ID, scopeA); c.Claim.Status != edigw.ClaimPartiallyPaid {
		t.Errorf("the claim: %s", c.Claim.Status)
	}
	if _, err := db.ClaimStatusInquiry(ctx, id, &edigw.Scope{NPIs: []string{otherNPI}}); err != edigw.ErrNotFound {
		t.Errorf("B reads A's inquiry: %v", err)
	}
}

func mustRead(t *testing.T, path ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(append([]string{".."}, path...)...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
