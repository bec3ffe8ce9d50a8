package clearinghouse

import (
	"context"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/fixtures/synth"
)

// TestSameFileTwice drops one 837P, then the same again: under the same
// key once the first is archived, under another key, and as other content
// reusing its sender, receiver and ISA13. Each repeat stores nothing, is
// reported as a duplicate, and ends in error/ with a reason file; the
// first stays in archive/.
func TestSameFileTwice(t *testing.T) {
	const claims = 200
	dbURL := testDatabase(t)
	db := openStore(t, dbURL)
	objs := openObjects(t, s3Objects(t))
	p := pipelineOn(db, objs)
	ctx := context.Background()
	original := synthBytes(t, synth.Kind837P, claims, 51)
	// synth writes ISA13 = seed mod 999,999,999 + 1: another seed with
	// the same ISA13 gives other claims under the same interchange number.
	sameISA13 := synthBytes(t, synth.Kind837P, claims, 51+999_999_999)
	if string(sameISA13) == string(original) || isa13(original) != isa13(sameISA13) {
		t.Fatalf("the reused ISA13 file: ISA13 %s vs %s", isa13(original), isa13(sameISA13))
	}

	putBytes(t, objs, "a.x12", original)
	first := pollOne(t, p)
	if first.Status != edigw.FileArchived || first.Result.Claims != claims {
		t.Fatalf("first drop: %s", first)
	}
	before := counts(t, db)

	for _, drop := range []struct {
		name string
		data []byte
	}{
		{"a.x12", original},  // the same key again, after the first was archived
		{"b.x12", original},  // the same content under another key
		{"c.x12", sameISA13}, // another file reusing the interchange number
	} {
		putBytes(t, objs, drop.name, drop.data)
		out := pollOne(t, p)
		if out.Status != edigw.FileDuplicate || !strings.Contains(out.Reason, "duplicate interchange") ||
			!strings.Contains(out.Reason, "ISA13 "+isa13(original)) {
			t.Errorf("%s: %s", drop.name, out)
		}
		reason := readObject(t, objs, reasonKey(restingOf(t, db, drop.name)))
		if !strings.HasPrefix(reason, "duplicate: duplicate interchange") {
			t.Errorf("%s: reason file %q", drop.name, reason)
		}
		if moved := readObject(t, objs, restingOf(t, db, drop.name)); moved != string(drop.data) {
			t.Errorf("%s: error/ holds other content", drop.name)
		}
		f, err := db.FileByKey(ctx, edigw.Inbound, Cigna.Inbound()+drop.name)
		if err != nil || f.Status != edigw.FileDuplicate || f.Reason != out.Reason {
			t.Errorf("%s: ledger %+v %v", drop.name, f, err)
		}
	}
	after := counts(t, db)
	for _, table := range []string{"claims", "claim_lines", "events", "interchanges"} {
		if after[table] != before[table] {
			t.Errorf("%s: %d rows after the duplicates, %d before", table, after[table], before[table])
		}
	}
	if got := keys(t, objs, Cigna.Archive()); len(got) != 1 || readObject(t, objs, got[0]) != string(original) {
		t.Errorf("archive/ holds %v", got)
	}
	if left := keys(t, objs, Cigna.Inbound()); len(left) != 0 {
		t.Errorf("inbound/ still holds %v", left)
	}
}

// pollOne polls and expects one file processed.
func pollOne(t *testing.T, p *Pipeline) *Outcome {
	t.Helper()
	outs, err := p.PollOnce(context.Background())
	if err != nil || len(outs) != 1 {
		t.Fatalf("poll: %v %v", outs, err)
	}
	return outs[0]
}

func isa13(data []byte) string {
	return strings.Split(string(data), "*")[13]
}
