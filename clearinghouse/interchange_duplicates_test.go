package clearinghouse

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/clearinghouse/internal/faults"
)

// TestDuplicatesPerInterchange: duplicates are decided per interchange,
// at its ISA, before any of its records loads. A file holding an
// interchange received before and a new one keeps the new one's claims
// and answers it with its 999 and 277CA, and answers the old one with a
// TA1 rejecting it with TA105=025 and nothing else; an ISA13 repeated
// inside one file makes the second a duplicate of the first, which is
// processed; a file of nothing but duplicates goes to error/ as
// duplicate, with its TA1s. On the old code the first two files were
// refused whole (their new claims lost, no acknowledgment).
func TestDuplicatesPerInterchange(t *testing.T) {
	dbURL := testDatabase(t)
	db := openStore(t, dbURL)
	objs := openObjects(t, s3Objects(t))
	p := pipelineOn(db, objs)
	x, y, z := storyWithISA13(t, 8001), storyWithISA13(t, 8002), storyWithISA13(t, 8003)
	join := func(parts ...[]byte) []byte { return slices.Concat(parts...) }

	type want struct {
		status edigw.FileStatus
		claims int64 // stored in all, after the file
		ta1s   []string
		others []string // refs of the 999s and 277CAs
	}
	for _, step := range []struct {
		name string
		data []byte
		want want
	}{
		{"a.x12", x, want{edigw.FileArchived, 2, nil, []string{"000008001-5002.999", "000008001-5002-0001.277ca"}}},
		{"b-old-and-new.x12", join(x, y), want{edigw.FileArchived, 4, []string{"000008001"}, []string{"000008002-5002.999", "000008002-5002-0001.277ca"}}},
		{"c-isa13-twice.x12", join(z, z), want{edigw.FileArchived, 6, []string{"000008003"}, []string{"000008003-5002.999", "000008003-5002-0001.277ca"}}},
		{"d-all-seen.x12", join(y, x), want{edigw.FileDuplicate, 6, []string{"000008002", "000008001"}, nil}},
	} {
		putBytes(t, objs, step.name, step.data)
		o := pollOne(t, p)
		if o.Status != step.want.status {
			t.Errorf("%s: %s, want %s", step.name, o, step.want.status)
		}
		if n := queryInt(t, dbURL, "SELECT count(*) FROM claims"); n != step.want.claims {
			t.Errorf("%s: %d claims stored, want %d", step.name, n, step.want.claims)
		}
		var ta1s, others []string
		for _, k := range o.Acks {
			ref, kind := ackRef(k)
			if kind != "ta1" {
				others = append(others, ref+"."+kind)
				continue
			}
			ta1s = append(ta1s, ref)
			acks := readAcksOf(t, []byte(readObject(t, objs, k)))
			if len(acks) != 1 || acks[0].Interchange == nil || acks[0].Interchange.Code != "R" ||
				acks[0].Interchange.NoteCode != "025" || acks[0].Interchange.ControlNumber != ref {
				t.Errorf("%s: %s holds %+v, want a TA1 rejecting ISA13 %s with TA105=025", step.name, k, acks, ref)
			}
		}
		slices.Sort(ta1s)
		slices.Sort(others)
		wantTA1s := slices.Sorted(slices.Values(step.want.ta1s))
		wantOthers := slices.Sorted(slices.Values(step.want.others))
		if !slices.Equal(ta1s, wantTA1s) || !slices.Equal(others, wantOthers) {
			t.Errorf("%s: TA1s %v and others %v, want %v and %v", step.name, ta1s, others, wantTA1s, wantOthers)
		}
		if len(step.want.ta1s) > 0 && !strings.Contains(o.Reason, "ISA13 "+step.want.ta1s[0]) {
			t.Errorf("%s: reason %q does not name the duplicate", step.name, o.Reason)
		}
		f, err := db.FileByKey(context.Background(), edigw.Inbound, Cigna.Inbound()+step.name)
		if err != nil || f.Status != o.Status {
			t.Errorf("%s: ledger %+v %v", step.name, f, err)
		}
	}
	if n := queryInt(t, dbURL, "SELECT count(*) FROM interchanges WHERE direction = 'inbound'"); n != 3 {
		t.Errorf("%d interchanges in the ledger, want 3", n)
	}
	if left := keys(t, objs, Cigna.Inbound()); len(left) != 0 {
		t.Errorf("inbound/ still holds %v", left)
	}
}

// ackRef splits an acknowledgment key NAME.REF.KIND.x12.
func ackRef(key string) (ref, kind string) {
	parts := strings.Split(strings.TrimSuffix(key, ".x12"), ".")
	if len(parts) < 3 {
		return "", ""
	}
	return parts[len(parts)-2], parts[len(parts)-1]
}

// TestDuplicateInterchangeRace: two instances take two files holding the
// same interchange at once, the second file also holding a new one. The
// first enters the interchange at its ISA and holds it, uncommitted,
// while the second reaches the same ISA and waits on the ledger's unique
// constraint; once the first commits, the second finds the interchange
// taken: it answers it with TA1 025 and keeps its other interchange,
// whose claims are stored. Nothing is stored twice, nothing is lost.
func TestDuplicateInterchangeRace(t *testing.T) {
	dbURL := testDatabase(t)
	spec := s3Objects(t)
	x, w := storyWithISA13(t, 8101), storyWithISA13(t, 8102)
	loaded := make(chan struct{})
	first := &faults.Records{DB: openStore(t, dbURL)}
	first.AfterLoad = func(int) error {
		close(loaded)
		// Hold the interchange until the other instance waits for it.
		for range 600 {
			if queryInt(t, dbURL, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0 {
				return nil
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Error("the second instance never waited for the interchange")
		return nil
	}
	a := pipelineOn(first, openObjects(t, spec))
	b := pipelineOn(openStore(t, dbURL), openObjects(t, spec))
	putBytes(t, a.Objects, "p.x12", x)
	putBytes(t, a.Objects, "q.x12", slices.Concat(x, w))

	ctx := context.Background()
	var wg sync.WaitGroup
	var outA, outB *Outcome
	var errA, errB error
	wg.Go(func() { outA, errA = a.ProcessFile(ctx, Cigna, Cigna.Inbound()+"p.x12") })
	<-loaded
	wg.Go(func() { outB, errB = b.ProcessFile(ctx, Cigna, Cigna.Inbound()+"q.x12") })
	wg.Wait()
	if errA != nil || errB != nil {
		t.Fatalf("%v / %v", errA, errB)
	}
	if outA.Status != edigw.FileArchived || outB.Status != edigw.FileArchived {
		t.Fatalf("%s / %s, want both archived", outA, outB)
	}
	var refs []string
	for _, k := range outB.Acks {
		ref, kind := ackRef(k)
		refs = append(refs, ref+"."+kind)
	}
	slices.Sort(refs)
	if want := []string{"000008101.ta1", "000008102-5002-0001.277ca", "000008102-5002.999"}; !slices.Equal(refs, want) {
		t.Errorf("second file answered with %v, want %v", refs, want)
	}
	if n := queryInt(t, dbURL, "SELECT count(*) FROM claims"); n != 4 {
		t.Errorf("%d claims, want the 2 of each interchange once", n)
	}
	if n := queryInt(t, dbURL, "SELECT count(*) FROM interchanges"); n != 2 {
		t.Errorf("%d interchanges, want 2", n)
	}
}

// TestResumeKeepsDuplicatesSkipped: a file holding a duplicate, a new
// interchange and the new one again commits, then its acknowledgments
// cannot be written; the next poll resumes it and writes them from what
// the commit recorded. The set is the first run's: a TA1 025 for each
// duplicate and a 999 and 277CA for the new interchange only, never a 999
// or 277CA accepting the claims of the duplicate, which were not stored.
func TestResumeKeepsDuplicatesSkipped(t *testing.T) {
	dbURL := testDatabase(t)
	objs := &faults.Objects{ObjectStore: openObjects(t, s3Objects(t))}
	p := pipelineOn(openStore(t, dbURL), objs)
	x, y := storyWithISA13(t, 8201), storyWithISA13(t, 8202)
	putBytes(t, objs, "a.x12", x)
	if o := pollOne(t, p); o.Status != edigw.FileArchived {
		t.Fatalf("first file: %s", o)
	}
	putBytes(t, objs, "b.x12", slices.Concat(x, y, y))
	p.Retry = Retry{Attempts: 2, First: time.Millisecond, Ceil: time.Millisecond}
	outage := faults.NewOutage(-1, func(op faults.Op, key string) bool {
		return op == faults.PutIfAbsent && strings.HasPrefix(key, Cigna.Outbound())
	})
	objs.Before = outage.Before
	if outs, err := p.PollOnce(context.Background()); err == nil || len(outs) != 0 {
		t.Fatalf("poll during the outage: %v %v", outs, err)
	}
	outage.Up()
	o := pollOne(t, p)
	if !o.Resumed || o.Status != edigw.FileArchived {
		t.Fatalf("resumed: %s", o)
	}
	var refs []string
	for _, k := range o.Acks {
		ref, kind := ackRef(k)
		refs = append(refs, ref+"."+kind)
	}
	slices.Sort(refs)
	if want := []string{"000008201.ta1", "000008202-5002-0001.277ca", "000008202-5002.999", "000008202.ta1"}; !slices.Equal(refs, want) {
		t.Errorf("rebuilt acknowledgments %v, want %v", refs, want)
	}
	if n := queryInt(t, dbURL, "SELECT count(*) FROM claims"); n != 4 {
		t.Errorf("%d claims, want 4", n)
	}
}
