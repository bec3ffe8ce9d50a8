package clearinghouse

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// TestFileOutcomeEvents: an inbound file raises file.processed or
// file.failed once. Operators get every outcome; a provider gets the
// outcomes of the files that carried its records (A's file: A alone; a
// file with A's and B's claims: both), never another's, and no
// file.failed (a rejected file kept no record, so it names no provider).
func TestFileOutcomeEvents(t *testing.T) {
	p := newPipeline(t)
	ctx := context.Background()
	db := recordsOf(t, p)
	story, err := os.ReadFile(filepath.Join("..", "fixtures", "story", "03-837p-claims.edi"))
	if err != nil {
		t.Fatal(err)
	}
	asB := strings.NewReplacer(storyNPI, otherNPI, storyTIN, otherTIN,
		"*000005002*", "*000006002*", "IEA*1*000005002~", "IEA*1*000006002~", "*5002*X*", "*6002*X*", "GE*1*5002~", "GE*1*6002~").Replace
	poll := func(name, body string, want edigw.FileStatus) *Outcome {
		t.Helper()
		dropBytes(t, p, name, []byte(body))
		outs, err := p.PollOnce(ctx)
		if err != nil || len(outs) != 1 || outs[0].Status != want {
			t.Fatalf("%s: %+v %v", name, outs, err)
		}
		return outs[0]
	}
	onlyA := poll("a-837.edi", string(story), edigw.FileArchived)
	both := poll("ab-837.edi", strings.NewReplacer("000005002", "000007002", "*5002*X*", "*7002*X*", "GE*1*5002~", "GE*1*7002~").Replace(string(story))+
		asB(string(story)), edigw.FileArchived)
	poll("garbage.edi", "ISA*00*not an interchange~", edigw.FileRejected)

	// Operators: each file once, with its outcome and codes.
	ops, err := db.OperatorEvents(ctx, 0, 100, []edigw.EventKind{edigw.EventFileProcessed, edigw.EventFileFailed})
	if err != nil {
		t.Fatal(err)
	}
	if len(ops) != 3 || ops[0].Kind != edigw.EventFileProcessed || ops[0].SubjectID != onlyA.Result.FileID ||
		ops[1].SubjectID != both.Result.FileID || ops[2].Kind != edigw.EventFileFailed {
		t.Fatalf("operator events: %+v", ops)
	}
	if !strings.HasPrefix(ops[0].Status, "accepted") || !strings.HasPrefix(ops[2].Status, "rejected TA105=") {
		t.Errorf("statuses %q, %q", ops[0].Status, ops[2].Status)
	}
	// Providers: their own files' outcomes.
	feed := func(tin, npi string) []int64 {
		t.Helper()
		tok := &edigw.Token{Entitlements: []edigw.Entitlement{edigw.EntitleClaims}, Scope: edigw.Scope{TINs: []string{tin}, NPIs: []string{npi}}}
		scope := tok.Scope
		evs, err := db.EventsOfKinds(ctx, 0, 1000, &scope, edigw.FeedSubjects(tok, []string{"file.*"}), []edigw.EventKind{edigw.EventFileProcessed, edigw.EventFileFailed})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, e := range evs {
			ids = append(ids, e.SubjectID)
		}
		return ids
	}
	if got := feed(storyTIN, storyNPI); len(got) != 2 || got[0] != onlyA.Result.FileID || got[1] != both.Result.FileID {
		t.Errorf("A's file outcomes: files %v, want %d and %d", got, onlyA.Result.FileID, both.Result.FileID)
	}
	if got := feed(otherTIN, otherNPI); len(got) != 1 || got[0] != both.Result.FileID {
		t.Errorf("B's file outcomes: files %v, want %d alone", got, both.Result.FileID)
	}
	// Raised once, however often the outcome is recorded (a file
	// finished again after a crash).
	f, err := db.File(ctx, onlyA.Result.FileID)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.FileOutcome(ctx, edigw.EventFileProcessed, f, "accepted", nil); err != nil {
		t.Fatal(err)
	}
	if again, _ := db.OperatorEvents(ctx, 0, 100, []edigw.EventKind{edigw.EventFileProcessed}); len(again) != 2 {
		t.Errorf("%d file.processed events after raising one again, want 2", len(again))
	}
}
