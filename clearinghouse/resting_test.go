package clearinghouse

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/fixtures/synth"
)

// objectStores are the stores the resting tests run on: a directory and
// the test S3 server (versitygw).
func objectStores(t *testing.T) map[string]func(*testing.T) objectsSpec {
	return map[string]func(*testing.T) objectsSpec{
		"directory": func(t *testing.T) objectsSpec { return objectsSpec("dir:" + t.TempDir()) },
		"s3":        func(t *testing.T) objectsSpec { return s3Objects(t) },
	}
}

func digest(b []byte) string {
	d := sha256.Sum256(b)
	return hex.EncodeToString(d[:])
}

// Files under the same name (and the same base name in another
// sub-prefix) rest under keys of their own, each with its own bytes, also
// when they fail (error/); before, each overwrote the one before in
// archive/ or error/.
func TestSameNameRestsApart(t *testing.T) {
	for name, store := range objectStores(t) {
		t.Run(name, func(t *testing.T) {
			db := openStore(t, testDatabase(t))
			objs := openObjects(t, store(t))
			p := pipelineOn(db, objs)
			broken := []byte("ISA*00*          *00*          *ZZ*CIGNA62308     *ZZ*EDIGW          *260306*0800*^*00501*000000001*0*P*:~GS*HC~")
			drops := []struct {
				name string
				body []byte
				want edigw.FileStatus
			}{
				{"claims.x12", synthBytes(t, synth.Kind837P, 3, 21), edigw.FileArchived},
				{"claims.x12", synthBytes(t, synth.Kind837P, 4, 22), edigw.FileArchived},
				{"other/claims.x12", synthBytes(t, synth.Kind837P, 5, 23), edigw.FileArchived},
				{"bad.x12", broken, edigw.FileRejected},
				{"bad.x12", broken, edigw.FileRejected}, // the same broken file again
			}
			seen := map[string]bool{}
			for i, d := range drops {
				putBytes(t, objs, d.name, d.body)
				out := pollOne(t, p)
				if out.Status != d.want {
					t.Fatalf("drop %d: %s", i, out)
				}
				f, err := db.FileByKey(context.Background(), edigw.Inbound, Cigna.Inbound()+d.name)
				if err != nil {
					t.Fatal(err)
				}
				if seen[f.RestingKey] || f.SHA256 != digest(d.body) {
					t.Fatalf("drop %d: resting key %q taken before, digest %s", i, f.RestingKey, f.SHA256)
				}
				seen[f.RestingKey] = true
				dir := Cigna.Archive()
				if d.want != edigw.FileArchived {
					dir = Cigna.Error()
				}
				if !strings.HasPrefix(f.RestingKey, dir) || !strings.HasSuffix(f.RestingKey, "/"+strings.TrimPrefix(d.name, "other/")) {
					t.Errorf("drop %d rests at %s", i, f.RestingKey)
				}
			}
			// Every file's bytes are still there, each under its own key.
			for i, d := range drops {
				found := false
				for key := range seen {
					if readObject(t, objs, key) == string(d.body) {
						found = true
					}
				}
				if !found {
					t.Errorf("drop %d's bytes are nowhere in archive/ or error/", i)
				}
			}
			if n := len(keys(t, objs, Cigna.Archive())); n != 3 {
				t.Errorf("archive/ holds %d objects, want 3", n)
			}
			if n := len(keys(t, objs, Cigna.Error())); n != 4 {
				t.Errorf("error/ holds %d objects, want 2 files and 2 reason files", n)
			}
		})
	}
}

// ackObjects reads the acknowledgments the ledger records for an inbound
// file: key -> bytes, each checked against its recorded digest.
func ackObjects(t *testing.T, db Store, objs edigw.ObjectStore, fileID int64) map[string]string {
	t.Helper()
	outs, err := db.FileOutputs(context.Background(), fileID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, o := range outs {
		if o.Status != edigw.FileSent {
			t.Errorf("%s: %s, want sent", o.Key, o.Status)
		}
		body := readObject(t, objs, o.Key)
		if digest([]byte(body)) != o.SHA256 {
			t.Errorf("%s does not have its recorded digest", o.Key)
		}
		got[o.Key] = body
	}
	return got
}

// A pipeline killed after committing file A; then the partner drops
// another file B under A's name. Before, B was "resumed" as A: B's claims
// were never stored, acknowledgments accepting A's claims were rebuilt
// from B's bytes under new numbers, and A's own were never written. Now A
// is finished from what its commit recorded: its acknowledgments are
// written byte for byte as a run that never crashed writes them, it is
// reported missing from archive/ (its bytes were replaced before they
// could be archived); and B is processed as the new file it is.
func TestCrashThenAnotherFileUnderTheSameName(t *testing.T) {
	const claimsA, claimsB = 30, 20
	fileA := synthBytes(t, synth.Kind837P, claimsA, 31)
	fileB := synthBytes(t, synth.Kind837P, claimsB, 32)

	// What a run that never crashed writes for A.
	refDB := openStore(t, testDatabase(t))
	refObjs := openObjects(t, objectsSpec("dir:"+t.TempDir()))
	putBytes(t, refObjs, "claims.x12", fileA)
	ref := pollOne(t, pipelineOn(refDB, refObjs))
	if ref.Status != edigw.FileArchived || len(ref.Acks) < 2 {
		t.Fatalf("reference run: %s", ref)
	}
	want := ackObjects(t, refDB, refObjs, ref.Result.FileID)

	for name, store := range objectStores(t) {
		t.Run(name, func(t *testing.T) {
			dbURL := testDatabase(t)
			spec := store(t)
			objs := openObjects(t, spec)
			key := putBytes(t, objs, "claims.x12", fileA)
			crashChild(t, crashAfterCommit, dbURL, spec)
			db := openStore(t, dbURL)
			a, err := db.FileByKey(context.Background(), edigw.Inbound, key)
			if err != nil || a.Status != edigw.FileCommitted {
				t.Fatalf("after the crash: %+v %v", a, err)
			}
			putBytes(t, objs, "claims.x12", fileB) // the partner's next file, same name

			pollUntilDone(t, pipelineOn(db, objs))

			// Both files' records, each once.
			b, err := db.FileByKey(context.Background(), edigw.Inbound, key)
			if err != nil || b.ID == a.ID || b.Status != edigw.FileArchived || b.SHA256 != digest(fileB) {
				t.Fatalf("file B: %+v %v", b, err)
			}
			for id, n := range map[int64]int64{a.ID: claimsA, b.ID: claimsB} {
				if got := queryInt(t, dbURL, "SELECT count(*) FROM claims WHERE file_id = $1", id); got != n {
					t.Errorf("file %d: %d claims stored, want %d", id, got, n)
				}
			}
			if n := queryInt(t, dbURL, "SELECT count(*) FROM claims"); n != claimsA+claimsB {
				t.Errorf("%d claims stored, want %d", n, claimsA+claimsB)
			}

			// A's acknowledgments, byte for byte those of the run that
			// never crashed; B's written too.
			gotA := ackObjects(t, db, objs, a.ID)
			if len(gotA) != len(want) {
				t.Errorf("A's acknowledgments %d, want %d", len(gotA), len(want))
			}
			for k, body := range want {
				if gotA[k] != body {
					t.Errorf("%s differs from the uncrashed run's (%d bytes, want %d)", k, len(gotA[k]), len(body))
				}
			}
			gotB := ackObjects(t, db, objs, b.ID)
			if len(gotB) < 2 {
				t.Errorf("B's acknowledgments: %v", gotB)
			}
			if n := len(keys(t, objs, Cigna.Outbound())); n != len(gotA)+len(gotB) {
				t.Errorf("outbound/ holds %d objects, want %d", n, len(gotA)+len(gotB))
			}

			// A is done, reported missing from archive/; B rests with its bytes.
			a, err = db.File(context.Background(), a.ID)
			if err != nil || a.Status != edigw.FileArchived || !strings.Contains(a.Reason, "replaced or removed") {
				t.Errorf("file A: %+v %v", a, err)
			}
			if got := readObject(t, objs, b.RestingKey); got != string(fileB) {
				t.Errorf("B's resting key holds other bytes")
			}
			if n := queryInt(t, dbURL, "SELECT count(*) FROM events WHERE kind = 'file.missing' AND subject_id = $1 AND tin IS NULL AND npi IS NULL", a.ID); n != 1 {
				t.Errorf("%d file.missing events for A, want 1", n)
			}
		})
	}
}

// A pipeline killed after the file reached archive/ and left inbound/,
// before the ledger said archived (the window docs/clearinghouse.md used
// to name): nothing in inbound/ brings the file back to a poll, so the
// next poll finishes it from the ledger's unfinished files.
func TestCrashAfterArchiveCopy(t *testing.T) {
	for name, store := range objectStores(t) {
		t.Run(name, func(t *testing.T) {
			dbURL := testDatabase(t)
			spec := store(t)
			objs := openObjects(t, spec)
			body := synthBytes(t, synth.Kind837P, 10, 41)
			key := putBytes(t, objs, "claims.x12", body)
			crashChild(t, crashAfterArchive, dbURL, spec)
			db := openStore(t, dbURL)
			f, err := db.FileByKey(context.Background(), edigw.Inbound, key)
			if err != nil || f.Status != edigw.FileCommitted || len(keys(t, objs, Cigna.Inbound())) != 0 {
				t.Fatalf("after the crash: %+v %v, inbound/ %v", f, err, keys(t, objs, Cigna.Inbound()))
			}
			outs, err := pipelineOn(db, objs).PollOnce(context.Background())
			if err != nil || len(outs) != 1 || outs[0].Status != edigw.FileArchived || !outs[0].Resumed {
				t.Fatalf("poll: %v %v", outs, err)
			}
			f, err = db.File(context.Background(), f.ID)
			if err != nil || f.Status != edigw.FileArchived || f.Reason != "" {
				t.Errorf("ledger: %+v %v", f, err)
			}
			if got := readObject(t, objs, f.RestingKey); got != string(body) {
				t.Error("archive/ holds other bytes")
			}
			assertAcksOnce(t, dbURL, objs, f.ID, outs[0].Acks)
		})
	}
}

// A file committed by a version that recorded neither its resting key nor
// its acknowledgments, left unfinished by a crash before an upgrade: the
// next poll rebuilds its acknowledgments from the inbound object (it still
// has the file's digest), enters them in the ledger, and archives it.
func TestLegacyCommittedFileFinished(t *testing.T) {
	ctx := context.Background()
	db := openStore(t, testDatabase(t))
	objs := openObjects(t, objectsSpec("dir:"+t.TempDir()))
	body := synthBytes(t, synth.Kind837P, 5, 51)
	key := putBytes(t, objs, "claims.x12", body)
	ing, err := db.BeginIngest(ctx, &edigw.File{PayerID: Cigna.PayerID, Key: key, Direction: edigw.Inbound, Kind: "837"})
	if err != nil {
		t.Fatal(err)
	}
	// That version entered the file's interchange with its records.
	isa := strings.Split(string(body[:106]), string(body[3]))
	if err := ing.Interchange(ctx, edigw.Interchange{SenderQualifier: isa[5], SenderID: isa[6], ReceiverQualifier: isa[7],
		ReceiverID: isa[8], ControlNumber: isa[13]}); err != nil {
		t.Fatal(err)
	}
	res, err := ing.Commit(ctx, digest(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	outs, err := pipelineOn(db, objs).PollOnce(ctx)
	if err != nil || len(outs) != 1 || !outs[0].Resumed || outs[0].Status != edigw.FileArchived || len(outs[0].Acks) < 2 {
		t.Fatalf("poll: %v %v", outs, err)
	}
	f, err := db.File(ctx, res.FileID)
	if err != nil || f.Status != edigw.FileArchived || f.RestingKey != restingKey(Cigna, "archive", f.ID, f.CreatedAt, key) ||
		readObject(t, objs, f.RestingKey) != string(body) {
		t.Fatalf("ledger %+v %v", f, err)
	}
	if got := ackObjects(t, db, objs, f.ID); len(got) != len(outs[0].Acks) {
		t.Errorf("acknowledgments in the ledger %v, written %v", got, outs[0].Acks)
	}
}
