package clearinghouse

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/clearinghouse/dirstore"
	"github.com/edigw/edigw/mapping/payers"
)

// TestStoryAuthorizationsAtRunTime runs the story's 278s and 837 through
// the pipeline with the store as its authorization lookup: the bed claim
// has its approval; the second claim has none and is stored with an
// auth-missing warning and a claim.authorization_warning event, its
// 277CA still accepting it (the 62308 profile warns). Then provider B
// bills a bed naming provider A's certification number: auth-missing,
// never A's approval.
func TestStoryAuthorizationsAtRunTime(t *testing.T) {
	dbURL := testDatabase(t)
	db := openStore(t, dbURL)
	objs, err := dirstore.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	p := pipelineOn(db, objs)
	p.Authorizations = db
	ctx := context.Background()
	story := filepath.Join("..", "fixtures", "story")
	for _, f := range []string{"01-278-request.edi", "02-278-response.edi", "03-837p-claims.edi"} {
		drop(t, p, filepath.Join(story, f), f)
	}
	outs, err := p.PollOnce(ctx)
	if err != nil || len(outs) != 3 {
		t.Fatalf("%v %v", err, outs)
	}
	claims := outs[2]
	if claims.Status != edigw.FileArchived {
		t.Fatalf("837: %s", claims)
	}
	findings := func(pcn string) []edigw.AuthorizationFinding {
		t.Helper()
		c, err := db.ClaimByControlNumber(ctx, edigw.Cigna, pcn, nil)
		if err != nil {
			t.Fatal(err)
		}
		if c.Claim.Status != edigw.ClaimSubmitted {
			t.Errorf("%s: %s", pcn, c.Claim.Status)
		}
		return c.Claim.AuthorizationFindings
	}
	if fs := findings("DME-2026-0101"); len(fs) != 0 {
		t.Errorf("the bed under its approval: %+v", fs)
	}
	if fs := findings("DME-2026-0102"); len(fs) != 1 || fs[0].Rule != payers.RuleMissing || fs[0].Action != "warn" || fs[0].Line != 1 {
		t.Errorf("the bed without one: %+v", fs)
	}
	if n := queryInt(t, dbURL, `SELECT count(*) FROM events WHERE kind = 'claim.authorization_warning' AND reference = 'DME-2026-0102'`); n != 1 {
		t.Errorf("%d warning events", n)
	}
	if n := queryInt(t, dbURL, `SELECT count(*) FROM events WHERE kind = 'claim.authorization_warning'`); n != 1 {
		t.Errorf("%d warning events in all", n)
	}
	var ca string
	for _, k := range claims.Acks {
		if strings.Contains(k, "277") {
			ca = readObject(t, objs, k)
		}
	}
	if strings.Count(ca, "STC*A2:20") != 2 || strings.Contains(ca, "STC*A7") {
		t.Errorf("277CA:\n%s", ca)
	}

	// Provider B (another NPI) bills the bed under A's number.
	raw, err := os.ReadFile(filepath.Join(story, "03-837p-claims.edi"))
	if err != nil {
		t.Fatal(err)
	}
	b := strings.NewReplacer("XX*1234567893", "XX*1245319599", "000005002", "000005003", "*5002*", "*5003*", "GE*1*5002", "GE*1*5003",
		"DME-2026-01", "B-DME-2026-01").Replace(string(raw))
	if err := objs.Put(ctx, Cigna.Inbound()+"b-837.edi", strings.NewReader(b)); err != nil {
		t.Fatal(err)
	}
	outs, err = p.PollOnce(ctx)
	if err != nil || len(outs) != 1 || outs[0].Status != edigw.FileArchived {
		t.Fatalf("B's file: %v %v", err, outs)
	}
	if fs := findings("B-DME-2026-0101"); len(fs) != 1 || fs[0].Rule != payers.RuleMissing || fs[0].Code != payers.AuthNotFound {
		t.Errorf("B naming A's number: %+v", fs)
	}
}
