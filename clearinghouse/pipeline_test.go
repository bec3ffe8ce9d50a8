package clearinghouse

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/clearinghouse/dirstore"
)

// newPipeline gives a pipeline over a fresh migrated database and a
// local-directory object store.
func newPipeline(t *testing.T) *Pipeline {
	t.Helper()
	db := openStore(t, testDatabase(t))
	objs, err := dirstore.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return &Pipeline{Store: db, Objects: objs, Partners: []Partner{Cigna}, Newline: true,
		Now: func() time.Time { return time.Date(2026, 3, 6, 8, 0, 0, 0, time.UTC) }}
}

func drop(t *testing.T, p *Pipeline, path, as string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	key := Cigna.Inbound() + as
	if err := p.Objects.Put(context.Background(), key, f); err != nil {
		t.Fatal(err)
	}
	return key
}

// TestInboundStory runs the story's 278s, 837 and 835 through the
// pipeline: records once, acknowledgments out, files archived; the same
// file again is a duplicate that stores nothing; a broken file goes to
// error/ with its reason and acknowledgment.
func TestInboundStory(t *testing.T) {
	p := newPipeline(t)
	ctx := context.Background()
	story := filepath.Join("..", "fixtures", "story")
	for _, f := range []string{"01-278-request.edi", "02-278-response.edi", "03-837p-claims.edi", "06-835-remittance.edi"} {
		drop(t, p, filepath.Join(story, f), f)
	}
	outs, err := p.PollOnce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 4 {
		t.Fatalf("%d outcomes", len(outs))
	}
	for _, o := range outs {
		if o.Status != edigw.FileArchived {
			t.Errorf("%s", o)
		}
	}
	if r := outs[2].Result; r == nil || r.Claims != 2 || len(outs[2].Acks) != 2 {
		t.Errorf("837: %s", outs[2])
	}
	counts, err := recordsOf(t, p).Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The response answers the request: one authorization, approved.
	a, err := recordsOf(t, p).AuthorizationByCertification(ctx, edigw.Cigna, "C26014A00123")
	if err != nil || a.Request.Status != edigw.AuthApproved {
		t.Fatalf("authorization: %v %+v", err, a)
	}
	bed, err := recordsOf(t, p).ClaimByControlNumber(ctx, edigw.Cigna, "DME-2026-0101", nil)
	if err != nil || bed.Claim.Status != edigw.ClaimPartiallyPaid || bed.AuthorizationID != a.ID {
		t.Errorf("bed claim: %v status %s auth %d (want %d)", err, bed.Claim.Status, bed.AuthorizationID, a.ID)
	}
	other, err := recordsOf(t, p).ClaimByControlNumber(ctx, edigw.Cigna, "DME-2026-0102", nil)
	if err != nil || other.Claim.Status != edigw.ClaimDenied {
		t.Errorf("other claim: %v %+v", err, other)
	}
	left, _ := p.Objects.List(ctx, Cigna.Inbound())
	archived, _ := p.Objects.List(ctx, Cigna.Archive())
	if len(left) != 0 || len(archived) != 4 {
		t.Errorf("inbound left %d, archived %d", len(left), len(archived))
	}

	// The same 837 again, under another name: a duplicate, no new records.
	drop(t, p, filepath.Join(story, "03-837p-claims.edi"), "again-03.edi")
	outs, err = p.PollOnce(ctx)
	if err != nil || len(outs) != 1 || outs[0].Status != edigw.FileDuplicate {
		t.Fatalf("second drop: %v %v", err, outs)
	}
	after, _ := recordsOf(t, p).Counts(ctx)
	for _, table := range []string{"claims", "remittances", "authorizations", "events"} {
		if after[table] != counts[table] {
			t.Errorf("%s: %d rows after the duplicate, %d before", table, after[table], counts[table])
		}
	}
	if _, err := p.Objects.Get(ctx, reasonKey(restingOf(t, p.Store, "again-03.edi"))); err != nil {
		t.Errorf("no reason file for the duplicate: %v", err)
	}

	// A broken file: acknowledged, in error/ with a reason, no records.
	drop(t, p, filepath.Join("..", "fixtures", "edi", "broken-truncated.edi"), "broken.edi")
	outs, err = p.PollOnce(ctx)
	if err != nil || len(outs) != 1 || outs[0].Status != edigw.FileRejected || len(outs[0].Acks) == 0 {
		t.Fatalf("broken file: %v %v", err, outs)
	}
	body, err := p.Objects.Get(ctx, reasonKey(restingOf(t, p.Store, "broken.edi")))
	if err != nil {
		t.Fatal(err)
	}
	defer body.Close()
	reason := make([]byte, 200)
	n, _ := body.Read(reason)
	if !strings.HasPrefix(string(reason[:n]), "rejected: ") {
		t.Errorf("reason %q", reason[:n])
	}
	final, _ := recordsOf(t, p).Counts(ctx)
	if final["claims"] != counts["claims"] {
		t.Errorf("the broken file stored claims")
	}
}

// TestInvalidSetStoresNothing: an 837 whose only set the 999 rejects (SE01
// wrong) goes to error/ with its acknowledgments; its claim is not stored.
func TestInvalidSetStoresNothing(t *testing.T) {
	p := newPipeline(t)
	ctx := context.Background()
	drop(t, p, filepath.Join("..", "fixtures", "edi", "broken-se-count.edi"), "se.edi")
	outs, err := p.PollOnce(ctx)
	if err != nil || len(outs) != 1 || outs[0].Status != edigw.FileRejected || len(outs[0].Acks) != 2 {
		t.Fatalf("%v %v", err, outs)
	}
	if c, _ := recordsOf(t, p).Counts(ctx); c["claims"] != 0 {
		t.Errorf("%d claims stored", c["claims"])
	}
	// One bad claim beside a good one: the file is kept, the bad claim rejected.
	drop(t, p, filepath.Join("..", "fixtures", "edi", "cigna-837p-one-claim-rejected.edi"), "one.edi")
	outs, err = p.PollOnce(ctx)
	if err != nil || len(outs) != 1 || outs[0].Status != edigw.FileArchived {
		t.Fatalf("%v %v", err, outs)
	}
}
