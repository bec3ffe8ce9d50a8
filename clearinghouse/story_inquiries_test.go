package clearinghouse

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// TestStoryWithInquiries runs the whole 62308 story through the pipeline
// in its order (fixtures/story/README.md): the supplier's eligibility
// inquiry, queued as the API queues it, goes out in a 270 and the
// payer's 271 (00b) answers it with eligibility.received; the 278s and
// the 837 follow; the supplier's 276 (05a) is accepted and moves
// nothing; the gateway's own 276 about both claims goes out, and the
// payer's 277 X212 (05b, under the gateway's traces) answers it and
// pends both claims with claim_status.received and claim.pended; the 835
// then pays the bed and denies the other claim.
func TestStoryWithInquiries(t *testing.T) {
	p := newPipeline(t)
	ctx := context.Background()
	db := recordsOf(t, p)
	story := filepath.Join("..", "fixtures", "story")
	poll := func(names ...string) []*Outcome {
		t.Helper()
		for _, n := range names {
			drop(t, p, filepath.Join(story, n), n)
		}
		outs, err := p.PollOnce(ctx)
		if err != nil || len(outs) != len(names) {
			t.Fatalf("%v: %v %v", names, outs, err)
		}
		for _, o := range outs {
			if o.Status != edigw.FileArchived || o.Result == nil {
				t.Fatalf("%s", o)
			}
		}
		return outs
	}
	count := func(kind edigw.EventKind) int {
		n := 0
		for _, e := range allEvents(t, p, nil) {
			if e.Kind == kind {
				n++
			}
		}
		return n
	}

	// The inquiry of 00a, queued and sent.
	f, err := os.Open(filepath.Join(story, "00a-270-eligibility.edi"))
	if err != nil {
		t.Fatal(err)
	}
	var asked []*edigw.EligibilityInquiry
	res, err := mapping.ReadEligibility(f, "00a", func(q *edigw.EligibilityInquiry) error { asked = append(asked, q); return nil }, nil)
	f.Close()
	if err != nil || !res.Report.OK() || len(asked) != 1 {
		t.Fatalf("00a: %v %d", err, len(asked))
	}
	ids, err := db.QueueEligibility(ctx, "story-270", asked)
	if err != nil || len(ids) != 1 {
		t.Fatalf("queue: %v %v", ids, err)
	}
	keys, err := p.FlushOutbound(ctx)
	if err != nil || len(keys) != 1 || !strings.Contains(keys[0], "eligibility") {
		t.Fatalf("flush: %v %v", keys, err)
	}
	if sent := readObject(t, p.Objects, keys[0]); !strings.Contains(sent, "TRN*1*ELG20260109001*1061234567~") || !strings.Contains(sent, "EQ**HC:E0250") {
		t.Errorf("the 270 sent:\n%s", sent)
	}
	scope := &edigw.Scope{TINs: []string{storyTIN}, NPIs: []string{storyNPI}}
	if o := poll("00b-271-eligibility.edi")[0]; o.Result.Unmatched != 0 {
		t.Fatalf("the 271 matched nothing: %+v", o.Result)
	}
	e, err := db.Eligibility(ctx, ids[0], scope)
	if err != nil || e.Status != edigw.EligibilityReceived || e.Response == nil || len(e.Response.Benefits) != 5 ||
		e.Response.Benefits[4].AuthorizationRequired != "Y" || e.Response.Benefits[4].Procedure.Code != "E0250" {
		t.Fatalf("the answered inquiry: %v %+v", err, e)
	}
	if n := count(edigw.EventEligibilityReceived); n != 1 {
		t.Errorf("%d eligibility.received events", n)
	}

	poll("01-278-request.edi", "02-278-response.edi", "03-837p-claims.edi")
	status := func(pcn string) edigw.ClaimStatus {
		t.Helper()
		c, err := db.ClaimByControlNumber(ctx, edigw.Cigna, pcn, scope)
		if err != nil {
			t.Fatal(err)
		}
		return c.Claim.Status
	}
	// The supplier's own 276 (05a), sent as a file, is accepted by a 999
	// and moves nothing: only the payer's answer does.
	o := poll("05a-276-claim-status.edi")[0]
	if len(o.Acks) != 1 || !strings.HasSuffix(o.Acks[0], ".999.x12") || o.Result.StatusUpdates != 0 ||
		!strings.Contains(readObject(t, p.Objects, o.Acks[0]), "AK2*276*0001*005010X212~\nIK5*A~") {
		t.Errorf("the 276: %s %v", o, o.Acks)
	}
	if s := status("DME-2026-0101"); s != edigw.ClaimSubmitted {
		t.Errorf("after the 276, the bed is %s", s)
	}
	// The gateway's own inquiries about both claims go out in a 276 under
	// its trace numbers; the payer's 277 of 05b, repeating them, answers
	// them. (05b carries 05a's traces; the gateway's replace them.)
	var inquiries []*edigw.ClaimStatusInquiry
	var claimIDs []int64
	for _, pcn := range []string{"DME-2026-0101", "DME-2026-0102"} {
		c, err := db.ClaimByControlNumber(ctx, edigw.Cigna, pcn, scope)
		if err != nil {
			t.Fatal(err)
		}
		inquiries, claimIDs = append(inquiries, mapping.ClaimStatusInquiryFor(c.Claim)), append(claimIDs, c.ID)
	}
	inquiryIDs, err := db.QueueClaimStatusInquiries(ctx, inquiries, claimIDs)
	if err != nil || len(inquiryIDs) != 2 {
		t.Fatalf("queue 276: %v %v", inquiryIDs, err)
	}
	keys, err = p.FlushOutbound(ctx)
	if err != nil || len(keys) != 1 || !strings.Contains(keys[0], "claim-status") {
		t.Fatalf("flush 276: %v %v", keys, err)
	}
	x276 := readObject(t, p.Objects, keys[0])
	answer, err := os.ReadFile(filepath.Join(story, "05b-277-claim-status.edi"))
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range inquiryIDs {
		trace := fmt.Sprintf("CS%d", id)
		if !strings.Contains(x276, "TRN*1*"+trace+"~") {
			t.Errorf("the 276 sent lacks trace %s:\n%s", trace, x276)
		}
		answer = bytes.Replace(answer, []byte(fmt.Sprintf("TRN*2*CS5003-000%d~", i+1)), []byte("TRN*2*"+trace+"~"), 1)
	}
	dropBytes(t, p, "05b-277-claim-status.edi", answer)
	outs, err := p.PollOnce(ctx)
	if err != nil || len(outs) != 1 || outs[0].Status != edigw.FileArchived || outs[0].Result == nil {
		t.Fatalf("the 277: %v %v", outs, err)
	}
	if r := outs[0].Result; r.Unmatched != 0 || r.StatusUpdates != 2 {
		t.Fatalf("the 277: %+v", r)
	}
	for i, id := range inquiryIDs {
		q, err := db.ClaimStatusInquiry(ctx, id, scope)
		if err != nil || q.Status != edigw.InquiryAnswered || q.Response == nil || q.Response.Statuses[0].Category() != "P1" || q.ClaimID != claimIDs[i] {
			t.Errorf("inquiry %d: %v %+v", i, err, q)
		}
	}
	for _, pcn := range []string{"DME-2026-0101", "DME-2026-0102"} {
		if s := status(pcn); s != edigw.ClaimPended {
			t.Errorf("after the 277, %s is %s", pcn, s)
		}
	}
	if n, m := count(edigw.EventClaimStatusReceived), count(edigw.EventClaimPended); n != 2 || m != 2 {
		t.Errorf("%d claim_status.received, %d claim.pended events", n, m)
	}

	poll("06-835-remittance.edi")
	if s := status("DME-2026-0101"); s != edigw.ClaimPartiallyPaid {
		t.Errorf("the bed after the 835: %s", s)
	}
	if s := status("DME-2026-0102"); s != edigw.ClaimDenied {
		t.Errorf("the other claim after the 835: %s", s)
	}
}
