package clearinghouse

import (
	"context"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/clearinghouse/internal/faults"
	"github.com/edigw/edigw/fixtures/synth"
	"github.com/edigw/edigw/internal/testenv"
)

// The crash tests run a pipeline in a child process (this test binary,
// TestCrashChild) that stops at a chosen point of its work, tells the
// parent through a marker file, and is killed there with SIGKILL: no
// deferred rollback, no lock released by the process, a half-sent
// connection. Then a fresh pipeline runs over the same database and
// bucket, and the test checks that the work is done exactly once.

const (
	crashEnv       = "EDIGW_CRASH_CHILD" // the crash point
	crashDBEnv     = "EDIGW_CRASH_DB"
	crashObjsEnv   = "EDIGW_CRASH_OBJECTS"
	crashMarkerEnv = "EDIGW_CRASH_MARKER"
)

// Crash points.
const (
	crashMidFile       = "mid-file"        // after the first batch of records went to the open transaction
	crashAfterCommit   = "after-commit"    // records committed, nothing written or moved yet
	crashMidAcks       = "mid-acks"        // one acknowledgment written, others not (they go out a few at once)
	crashAfterArchive  = "after-archive"   // the file copied to archive/ and removed from inbound/, the ledger not told
	crashBeforePut     = "before-put"      // outbound: the file recorded pending with its records, not written
	crashAfterPut      = "after-put"       // outbound: written, not marked sent
	crashBeforeRecords = "before-marksent" // outbound: the file recorded pending, no record assigned to it
)

// crashChild starts the child at a crash point and returns once it has
// reached it and been killed.
func crashChild(t *testing.T, point, dbURL string, spec objectsSpec) {
	t.Helper()
	testenv.KillChildAt(t, "TestCrashChild", point, crashMarkerEnv,
		crashEnv+"="+point, crashDBEnv+"="+dbURL, crashObjsEnv+"="+string(spec))
}

// TestCrashChild is the child of the crash tests; it does nothing unless
// one of them started it.
func TestCrashChild(t *testing.T) {
	point := os.Getenv(crashEnv)
	if point == "" {
		t.Skip("run by the crash tests")
	}
	marker := os.Getenv(crashMarkerEnv)
	// stop tells the parent and waits to be killed.
	stop := func() {
		if err := os.WriteFile(marker, []byte(point), 0o644); err != nil {
			t.Error(err)
		}
		time.Sleep(time.Hour)
	}
	db := openStore(t, os.Getenv(crashDBEnv))
	db.Lease = time.Second // claims taken by this process come back soon after it dies
	records := &faults.Records{DB: db}
	objs := &faults.Objects{ObjectStore: openObjects(t, objectsSpec(os.Getenv(crashObjsEnv)))}
	acks := 0
	switch point {
	case crashMidFile:
		records.AfterLoad = func(int) error { stop(); return nil }
	case crashAfterCommit:
		records.AfterCommit = func(*edigw.IngestResult) { stop() }
	case crashMidAcks:
		objs.After = func(op faults.Op, key string) {
			if op == faults.PutIfAbsent && strings.HasPrefix(key, Cigna.Outbound()) {
				if acks++; acks == 1 {
					stop()
				}
			}
		}
	case crashAfterArchive:
		objs.After = func(op faults.Op, key string) {
			if op == faults.Delete && strings.HasPrefix(key, Cigna.Inbound()) {
				stop()
			}
		}
	case crashBeforePut:
		objs.Before = func(op faults.Op, key string) error {
			if op == faults.Put && strings.HasPrefix(key, Cigna.Outbound()) {
				stop()
			}
			return nil
		}
	case crashAfterPut:
		objs.After = func(op faults.Op, key string) {
			if op == faults.Put && strings.HasPrefix(key, Cigna.Outbound()) {
				stop()
			}
		}
	case crashBeforeRecords:
		records.BeforeMarkSent = func() error { stop(); return nil }
	default:
		t.Fatalf("unknown crash point %q", point)
	}
	p := pipelineOn(records, objs)
	ctx := context.Background()
	var err error
	if strings.HasPrefix(point, "before-") || point == crashAfterPut {
		_, err = p.FlushOutbound(ctx)
	} else {
		_, err = p.PollOnce(ctx)
	}
	t.Fatalf("finished (%v) without reaching %s", err, point)
}

// pollUntilDone polls until the inbound prefix is empty. A killed child's
// database session may hold its file's lock a moment longer, until the
// server notices the connection is gone: the file is skipped meanwhile.
func pollUntilDone(t *testing.T, p *Pipeline) []*Outcome {
	t.Helper()
	ctx := context.Background()
	var done []*Outcome
	deadline := time.Now().Add(2 * time.Minute)
	for {
		outs, err := p.PollOnce(ctx)
		if err != nil {
			t.Fatalf("poll: %v", err)
		}
		for _, o := range outs {
			if o.Skipped == "" {
				done = append(done, o)
			}
		}
		if len(keys(t, p.Objects, Cigna.Inbound())) == 0 {
			return done
		}
		if time.Now().After(deadline) {
			t.Fatalf("inbound not empty after polling: %v", keys(t, p.Objects, Cigna.Inbound()))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestCrashDuringInbound kills a pipeline processing a 20,000-claim 837P
// from S3 at each point of its work, and lets a fresh pipeline finish:
// every claim stored once with one event, the file archived, each
// acknowledgment in outbound/ once and entered in the ledger once.
func TestCrashDuringInbound(t *testing.T) {
	const claims = 20_000
	input := synthFile(t, synth.Kind837P, claims, 11)
	for _, point := range []string{crashMidFile, crashAfterCommit, crashMidAcks} {
		t.Run(point, func(t *testing.T) {
			dbURL := testDatabase(t)
			spec := s3Objects(t)
			objs := openObjects(t, spec)
			key := putFile(t, objs, input, "big.x12")

			crashChild(t, point, dbURL, spec)
			if point == crashMidFile {
				// The killed transaction left nothing behind.
				if n := queryInt(t, dbURL, "SELECT count(*) FROM claims"); n != 0 {
					t.Fatalf("%d claims visible after a crash mid-file", n)
				}
			}

			db := openStore(t, dbURL)
			p := pipelineOn(db, objs)
			outs := pollUntilDone(t, p)
			if len(outs) != 1 || outs[0].Status != edigw.FileArchived {
				t.Fatalf("after the restart: %v", outs)
			}
			out := outs[0]
			if resumed := point != crashMidFile; out.Resumed != resumed {
				t.Errorf("resumed %v, want %v (%s)", out.Resumed, resumed, out)
			}
			assertStoredOnce(t, dbURL, claims)
			if got := keys(t, objs, Cigna.Archive()); len(got) != 1 || got[0] != restingOf(t, db, "big.x12") {
				t.Errorf("archive/ holds %v", got)
			}
			f, err := db.FileByKey(context.Background(), edigw.Inbound, key)
			if err != nil || f.Status != edigw.FileArchived {
				t.Fatalf("ledger: %+v %v", f, err)
			}
			assertAcksOnce(t, dbURL, objs, f.ID, out.Acks)
		})
	}
}

// assertStoredOnce checks that claims PCN000000001... are each stored
// once, with one claim.submitted event each and nothing else.
func assertStoredOnce(t *testing.T, dbURL string, claims int) {
	t.Helper()
	for _, q := range []string{
		"SELECT count(*) FROM claims",
		"SELECT count(DISTINCT patient_control_number) FROM claims",
		"SELECT count(*) FROM events WHERE kind NOT IN ('file.processed', 'file.failed')",
		"SELECT count(DISTINCT subject_id) FROM events WHERE kind = 'claim.submitted'",
	} {
		if n := queryInt(t, dbURL, q); n != int64(claims) {
			t.Errorf("%s: %d, want %d", q, n, claims)
		}
	}
	if n := queryInt(t, dbURL, "SELECT count(*) FROM files WHERE direction = 'inbound'"); n != 1 {
		t.Errorf("%d inbound ledger entries, want 1", n)
	}
}

// assertAcksOnce checks that outbound/ holds exactly the acknowledgments
// of the file, and the ledger enters each once as the file's child.
func assertAcksOnce(t *testing.T, dbURL string, objs edigw.ObjectStore, fileID int64, acks []string) {
	t.Helper()
	got := keys(t, objs, Cigna.Outbound())
	want := append([]string(nil), acks...)
	sort.Strings(want)
	if len(want) < 2 || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("outbound/ holds %v, want the acknowledgments %v", got, want)
	}
	if n := queryInt(t, dbURL, "SELECT count(*) FROM files WHERE direction = 'outbound' AND parent_id = $1", fileID); n != int64(len(want)) {
		t.Errorf("%d acknowledgments in the ledger, want %d", n, len(want))
	}
	if n := queryInt(t, dbURL, "SELECT count(DISTINCT object_key) FROM files WHERE direction = 'outbound'"); n != int64(len(want)) {
		t.Errorf("%d distinct outbound keys in the ledger, want %d", n, len(want))
	}
}
