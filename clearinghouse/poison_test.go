package clearinghouse

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/edigw/edigw"
)

// storyWithISA13 is the story's 837P under another interchange number, so
// that each variant is a new interchange.
func storyWithISA13(t *testing.T, isa13 int) []byte {
	t.Helper()
	story, err := os.ReadFile(filepath.Join("..", "fixtures", "story", "03-837p-claims.edi"))
	if err != nil {
		t.Fatal(err)
	}
	return bytes.ReplaceAll(story, []byte("000005002"), fmt.Appendf(nil, "%09d", isa13))
}

// TestFilesThatCannotSucceed drops, ahead of a sound file, files whose
// bytes PostgreSQL refuses or whose names are too long to answer: 0xFF in
// ISA06, 0xFF in GS02, 0xFF as the element separator, a sound file under a
// 240-byte name and an invalid one under a 250-byte name (a directory
// store or versitygw's posix backend holds names up to 255 bytes; their
// acknowledgments' and reason files' names were longer). On the old code
// each was retried on every poll forever, spending the poll's retries
// before the sound file's turn. Now, in one poll and with no retry: the
// invalid ones are rejected to error/ with a TA1 giving the TA105 the
// standard gives, the sound long-named one is archived, every name edigw
// made is within 255 bytes, and the sound file is archived.
func TestFilesThatCannotSucceed(t *testing.T) {
	for _, store := range []string{"s3", "dir"} {
		t.Run(store, func(t *testing.T) {
			spec := objectsSpec("dir:" + t.TempDir())
			if store == "s3" {
				spec = s3Objects(t)
			}
			objs := openObjects(t, spec)
			dbURL := testDatabase(t)
			db := openStore(t, dbURL)
			p := pipelineOn(db, objs)

			isa06 := storyWithISA13(t, 6001)
			isa06[bytes.Index(isa06, []byte("HOMECAREDME"))+3] = 0xFF
			gs02 := storyWithISA13(t, 6002)
			gs02[bytes.Index(gs02, []byte("GS*HC*"))+7] = 0xFF
			delimiter := bytes.ReplaceAll(storyWithISA13(t, 6003), []byte("*"), []byte{0xFF})
			longName := "d-" + strings.Repeat("n", 234) + ".x12"    // 240 bytes
			longBadName := "e-" + strings.Repeat("n", 244) + ".x12" // 250 bytes
			longBad := storyWithISA13(t, 6006)
			longBad[bytes.Index(longBad, []byte("HOMECAREDME"))+3] = 0xFF
			cases := []struct {
				name   string
				data   []byte
				status edigw.FileStatus
				ta105  string // the TA1's note code; "" for no TA1
			}{
				{"a-isa06.x12", isa06, edigw.FileRejected, "006"},
				{"b-gs02.x12", gs02, edigw.FileRejected, "024"},
				{"c-delimiter.x12", delimiter, edigw.FileRejected, "026"},
				{longName, storyWithISA13(t, 6004), edigw.FileArchived, ""},
				{longBadName, longBad, edigw.FileRejected, "006"},
				{"z-sound.x12", storyWithISA13(t, 6005), edigw.FileArchived, ""},
			}
			for _, c := range cases {
				putBytes(t, objs, c.name, c.data)
			}
			outs, err := p.PollOnce(context.Background())
			if err != nil {
				t.Fatalf("first poll: %v", err)
			}
			if r := p.Stats().Retries; r != 0 {
				t.Errorf("%d retries in the poll: a file that cannot succeed was tried again", r)
			}
			byKey := map[string]*Outcome{}
			for _, o := range outs {
				byKey[o.Key] = o
			}
			for _, c := range cases {
				o := byKey[Cigna.Inbound()+c.name]
				if o == nil || o.Status != c.status {
					t.Errorf("%.40s: %v, want %s", c.name, o, c.status)
					continue
				}
				f, err := db.FileByKey(context.Background(), edigw.Inbound, Cigna.Inbound()+c.name)
				if err != nil || f.Status != c.status {
					t.Errorf("%.40s: ledger %+v %v", c.name, f, err)
				}
				var ta1s []string
				for _, k := range o.Acks {
					if len(k)-strings.LastIndex(k, "/")-1 > 255 {
						t.Errorf("%.40s: acknowledgment name of %d bytes", c.name, len(k)-strings.LastIndex(k, "/")-1)
					}
					if strings.HasSuffix(k, ".ta1.x12") {
						ta1s = append(ta1s, k)
					}
				}
				if c.ta105 == "" {
					if len(ta1s) != 0 || len(o.Acks) != 2 {
						t.Errorf("%.40s: acknowledgments %v, want a 999 and a 277CA", c.name, o.Acks)
					}
					continue
				}
				if len(ta1s) != 1 || len(o.Acks) != 1 {
					t.Errorf("%.40s: acknowledgments %v, want one TA1", c.name, o.Acks)
					continue
				}
				acks := readAcksOf(t, []byte(readObject(t, objs, ta1s[0])))
				if len(acks) != 1 || acks[0].Interchange == nil || acks[0].Interchange.Code != "R" || acks[0].Interchange.NoteCode != c.ta105 {
					t.Errorf("%.40s: TA1 %+v, want one rejecting with TA105=%s", c.name, acks, c.ta105)
				}
				if !strings.Contains(o.Reason, "TA105="+c.ta105) {
					t.Errorf("%.40s: reason %q", c.name, o.Reason)
				}
			}
			if left := keys(t, objs, Cigna.Inbound()); len(left) != 0 {
				t.Errorf("inbound/ still holds %v", left)
			}
			var reasons int
			for _, k := range keys(t, objs, Cigna.Error()) {
				if strings.HasSuffix(k, ".reason.txt") {
					reasons++
				}
			}
			if reasons != 4 {
				t.Errorf("%d reason files in error/, want one for each of the 4 rejected files", reasons)
			}
			if n := queryInt(t, dbURL, "SELECT count(*) FROM interchanges"); n != 2 {
				t.Errorf("%d interchanges in the ledger, want the two archived files'", n)
			}
		})
	}
}

// poisonedRecords makes PostgreSQL itself refuse the claims of one file:
// a NUL in a claim's patient control number stands for a value the
// validator lets through and the database does not take (text refuses
// NUL). Every other file goes through untouched.
type poisonedRecords struct {
	Store
	key    string
	mu     sync.Mutex
	begins int // ingests of the poisoned file begun
}

func (r *poisonedRecords) BeginIngest(ctx context.Context, f *edigw.File) (edigw.Ingest, error) {
	ing, err := r.Store.BeginIngest(ctx, f)
	if err != nil || f.Key != r.key {
		return ing, err
	}
	r.mu.Lock()
	r.begins++
	r.mu.Unlock()
	return poisonedIngest{ing}, nil
}

func (r *poisonedRecords) tries() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.begins
}

type poisonedIngest struct{ edigw.Ingest }

func (in poisonedIngest) AddClaims(ctx context.Context, claims []*edigw.Claim) error {
	if len(claims) > 0 {
		c := *claims[0]
		c.PatientControlNumber += "\x00"
		claims = append([]*edigw.Claim{&c}, claims[1:]...)
	}
	return in.Ingest.AddClaims(ctx, claims)
}

// TestPoisonFileGoesToErrorAfterLimit: a file the database refuses fails
// the same way on every attempt. It is tried once per poll (no retries),
// the sound file dropped behind it is archived in the first poll, the
// count of its failures survives a restart (a second pipeline on another
// connection pool continues it), and at the limit it goes to error/ with
// a reason giving the SQLSTATE and no value, and a rejected ledger entry.
func TestPoisonFileGoesToErrorAfterLimit(t *testing.T) {
	const limit = 3
	dbURL := testDatabase(t)
	spec := s3Objects(t)
	bad := Cigna.Inbound() + "a-refused.x12"
	instance := func() (*Pipeline, *poisonedRecords) {
		r := &poisonedRecords{Store: openStore(t, dbURL), key: bad}
		p := pipelineOn(r, openObjects(t, spec))
		p.Failures = FailurePolicy{Limit: limit, First: time.Microsecond, Ceil: time.Microsecond}
		return p, r
	}
	p, records := instance()
	putBytes(t, p.Objects, "a-refused.x12", storyWithISA13(t, 7001))
	putBytes(t, p.Objects, "b-sound.x12", storyWithISA13(t, 7002))

	outs, err := p.PollOnce(context.Background())
	if err == nil || !strings.Contains(err.Error(), "SQLSTATE 22") {
		t.Fatalf("first poll: %v, want the database's refusal", err)
	}
	if len(outs) != 1 || outs[0].Key != Cigna.Inbound()+"b-sound.x12" || outs[0].Status != edigw.FileArchived {
		t.Fatalf("first poll: %v, want the sound file archived", outs)
	}
	if r := p.Stats().Retries; r != 0 || records.tries() != 1 {
		t.Errorf("first poll: %d retries, %d attempts at the refused file; want 0 and 1", r, records.tries())
	}

	// A restart: another pipeline, another pool, the same database.
	p2, records2 := instance()
	if _, err := p2.PollOnce(context.Background()); err == nil || records2.tries() != 1 {
		t.Fatalf("second poll: %v, %d attempts", err, records2.tries())
	}
	if n := queryInt(t, dbURL, "SELECT failures FROM inbound_attempts WHERE object_key = $1", bad); n != 2 {
		t.Errorf("%d failures recorded after two polls", n)
	}
	outs, err = p.PollOnce(context.Background())
	if err != nil || len(outs) != 1 || outs[0].Status != edigw.FileRejected {
		t.Fatalf("poll %d: %v %v, want the file rejected", limit, outs, err)
	}
	reason := outs[0].Reason
	if !strings.Contains(reason, fmt.Sprintf("failed %d times", limit)) || !strings.Contains(reason, "SQLSTATE 22") ||
		strings.Contains(reason, "PCN") || strings.Contains(reason, "\\x00") {
		t.Errorf("reason %q: want the count and the SQLSTATE, no value", reason)
	}
	f, err := p.Store.FileByKey(context.Background(), edigw.Inbound, bad)
	if err != nil || f.Status != edigw.FileRejected || f.Reason != reason || f.SHA256 == "" {
		t.Errorf("ledger %+v %v", f, err)
	}
	var reasons int
	for _, k := range keys(t, p.Objects, Cigna.Error()) {
		if strings.HasSuffix(k, ".reason.txt") {
			reasons++
			if got := readObject(t, p.Objects, k); !strings.HasPrefix(got, "rejected: failed 3 times") {
				t.Errorf("%s: %q", k, got)
			}
		}
	}
	if reasons != 1 {
		t.Errorf("%d reason files in error/", reasons)
	}
	if left := keys(t, p.Objects, Cigna.Inbound()); len(left) != 0 {
		t.Errorf("inbound/ still holds %v", left)
	}
	if n := queryInt(t, dbURL, "SELECT count(*) FROM inbound_attempts"); n != 0 {
		t.Errorf("%d failure records left", n)
	}
	if n := queryInt(t, dbURL, "SELECT count(*) FROM claims"); n != 2 {
		t.Errorf("%d claims stored, want the sound file's 2", n)
	}
}

// TestPoisonFileWaits: after a failure the file waits out its backoff
// (here an hour): the next poll does not touch it and processes a sound
// file dropped meanwhile; another upload under its key is tried at once.
func TestPoisonFileWaits(t *testing.T) {
	dbURL := testDatabase(t)
	bad := Cigna.Inbound() + "a-refused.x12"
	records := &poisonedRecords{Store: openStore(t, dbURL), key: bad}
	p := pipelineOn(records, openObjects(t, s3Objects(t)))
	p.Failures = FailurePolicy{Limit: 2, First: time.Hour}
	putBytes(t, p.Objects, "a-refused.x12", storyWithISA13(t, 7101))
	if _, err := p.PollOnce(context.Background()); err == nil {
		t.Fatal("the refused file did not fail")
	}
	putBytes(t, p.Objects, "b-sound.x12", storyWithISA13(t, 7102))
	outs, err := p.PollOnce(context.Background())
	if err != nil || len(outs) != 2 || records.tries() != 1 {
		t.Fatalf("second poll: %v %v, %d attempts at the refused file", outs, err, records.tries())
	}
	if !strings.HasPrefix(outs[0].Skipped, "waiting after 1 failures") || outs[1].Status != edigw.FileArchived {
		t.Errorf("second poll: %v", outs)
	}
	// Another upload under the key is another file: tried at once.
	putBytes(t, p.Objects, "a-refused.x12", storyWithISA13(t, 7103))
	if _, err := p.PollOnce(context.Background()); err == nil || records.tries() != 2 {
		t.Errorf("a new upload under the key: %v, %d attempts", err, records.tries())
	}
}
