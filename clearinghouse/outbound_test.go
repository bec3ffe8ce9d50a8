package clearinghouse

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/fixtures/synth"
	"github.com/edigw/edigw/mapping"
	"github.com/edigw/edigw/storage"
)

// queueSynthClaims queues n generated 837P claims (PCN000000001...) in
// submissions of 2,000, as a billing system would.
func queueSynthClaims(t *testing.T, db *storage.DB, n int, seed uint64) {
	t.Helper()
	var claims []*edigw.Claim
	_, err := mapping.ReadClaims(bytes.NewReader(synthBytes(t, synth.Kind837P, n, seed)), "queue", func(c *edigw.Claim) error {
		claims = append(claims, c)
		return nil
	})
	if err != nil || len(claims) != n {
		t.Fatalf("%d claims read: %v", len(claims), err)
	}
	for at := 0; at < n; at += 2000 {
		batch := claims[at:min(at+2000, n)]
		if _, err := db.QueueClaims(context.Background(), fmt.Sprintf("seed-%d-%d", seed, at), batch); err != nil {
			t.Fatal(err)
		}
	}
}

func queueSynthAuthorizations(t *testing.T, db *storage.DB, n int) {
	t.Helper()
	var reqs []*edigw.AuthorizationRequest
	_, err := mapping.ReadAuthorizations(bytes.NewReader(synthBytes(t, synth.Kind278, n, 3)), "queue", func(r *edigw.AuthorizationRequest) error {
		reqs = append(reqs, r)
		return nil
	})
	if err != nil || len(reqs) != n {
		t.Fatalf("%d requests read: %v", len(reqs), err)
	}
	if _, err := db.QueueAuthorizations(context.Background(), "auths", reqs); err != nil {
		t.Fatal(err)
	}
}

// outboundFile is what an outbound file holds, read back through the
// same reader that validates inbound files.
type outboundFile struct {
	data      []byte
	isa, gs   string
	sets      []string // ST02s
	perSet    []int    // claims (CLM) per set
	records   int
	rejected  int
	errors    int
	accepted  int
	claimPCNs map[string]bool
	auths     int
}

func readOutbound(t *testing.T, objs edigw.ObjectStore, key string) *outboundFile {
	t.Helper()
	body, err := objs.Get(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(body)
	body.Close()
	if err != nil {
		t.Fatal(err)
	}
	f := &outboundFile{data: data, claimPCNs: map[string]bool{}}
	for _, seg := range strings.Split(string(data), "~") {
		el := strings.Split(strings.TrimSpace(seg), "*")
		switch el[0] {
		case "ISA":
			f.isa = el[13]
		case "GS":
			f.gs = el[6]
		case "ST":
			f.sets = append(f.sets, el[2])
			f.perSet = append(f.perSet, 0)
		case "CLM":
			f.perSet[len(f.perSet)-1]++
		}
	}
	res, err := mapping.Read(bytes.NewReader(data), key, mapping.Handlers{
		Claim: func(c *edigw.Claim) error {
			f.records++
			f.claimPCNs[c.PatientControlNumber] = true
			if c.Status == edigw.ClaimRejected {
				f.rejected++
			}
			return nil
		},
		Authorization: func(*edigw.AuthorizationRequest) error { f.records++; f.auths++; return nil },
	})
	if err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	f.errors, f.accepted = res.Report.ErrorCount, res.Report.SetsAccepted
	if f.errors > 0 {
		t.Errorf("%s: %d errors, first %v", key, f.errors, res.Report.Errors[0])
	}
	return f
}

// TestOutboundBatches queues 12,000 claims and 20 authorization
// requests: one flush writes an 837P of three sets (5,000, 5,000, 2,000
// claims) and a 278 of one set per request, both clean under our guides
// and business rules, with control numbers from the ledger; a second
// flush's file uses new numbers, and a third finds nothing to send.
func TestOutboundBatches(t *testing.T) {
	dbURL := testDatabase(t)
	db := openStore(t, dbURL)
	objs := openObjects(t, s3Objects(t))
	p := pipelineOn(db, objs)
	ctx := context.Background()
	queueSynthClaims(t, db, 12_000, 21)
	queueSynthAuthorizations(t, db, 20)

	first, err := p.FlushOutbound(ctx)
	if err != nil || len(first) != 2 {
		t.Fatalf("flush: %v %v", first, err)
	}
	claims, auths := readOutbound(t, objs, first[0]), readOutbound(t, objs, first[1])
	if fmt.Sprint(claims.perSet) != "[5000 5000 2000]" || claims.records != 12_000 || len(claims.claimPCNs) != 12_000 ||
		claims.rejected != 0 || claims.accepted != 3 {
		t.Errorf("837: sets %v, %d claims (%d distinct, %d rejected), %d sets accepted", claims.perSet, claims.records,
			len(claims.claimPCNs), claims.rejected, claims.accepted)
	}
	if len(auths.sets) != 20 || auths.auths != 20 || auths.accepted != 20 {
		t.Errorf("278: %d sets, %d requests, %d accepted", len(auths.sets), auths.auths, auths.accepted)
	}

	queueSynthClaims(t, db, 10, 22)
	second, err := p.FlushOutbound(ctx)
	if err != nil || len(second) != 1 {
		t.Fatalf("second flush: %v %v", second, err)
	}
	later := readOutbound(t, objs, second[0])
	if later.records != 10 {
		t.Errorf("second file: %d claims", later.records)
	}
	// No control number twice: ISA13 and GS06 per file, ST02 per set.
	seen := map[string]string{}
	for _, f := range []*outboundFile{claims, auths, later} {
		numbers := []string{"ISA " + f.isa, "GS " + f.gs}
		for _, st := range f.sets {
			numbers = append(numbers, "ST "+st)
		}
		for _, n := range numbers {
			if where, dup := seen[n]; dup {
				t.Errorf("%s used twice (%s)", n, where)
			}
			seen[n] = f.isa
		}
	}
	third, err := p.FlushOutbound(ctx)
	if err != nil || len(third) != 0 {
		t.Errorf("third flush: %v %v", third, err)
	}
	for _, f := range append(first, second...) {
		entry, err := db.FileByKey(ctx, edigw.Outbound, f)
		if err != nil || entry.Status != edigw.FileSent {
			t.Errorf("%s: %+v %v", f, entry, err)
		}
	}
}

// TestOutboundCrash kills a flush of 12,000 claims at each point between
// recording the file and marking it sent; the next flush finishes the
// work: every claim goes out in exactly one file that validates clean,
// and a file written before the crash is rewritten byte for byte.
func TestOutboundCrash(t *testing.T) {
	for _, point := range []string{crashBeforeRecords, crashBeforePut, crashAfterPut} {
		t.Run(point, func(t *testing.T) {
			dbURL := testDatabase(t)
			spec := s3Objects(t)
			objs := openObjects(t, spec)
			db := openStore(t, dbURL)
			queueSynthClaims(t, db, 12_000, 23)
			crashChild(t, point, dbURL, spec)
			ctx := context.Background()

			pending, err := db.OutboundFiles(ctx, edigw.FilePending)
			if err != nil || len(pending) != 1 {
				t.Fatalf("pending after the crash: %v %v", pending, err)
			}
			var before []byte
			if point == crashAfterPut {
				before = readOutbound(t, objs, pending[0].Key).data
			}

			p := pipelineOn(db, objs)
			var sent []string
			deadline := time.Now().Add(time.Minute)
			for queued(t, dbURL) > 0 || len(sent) == 0 {
				// Claims the dead flush took come back when its lease
				// (a second) ends.
				keys, err := p.FlushOutbound(ctx)
				if err != nil {
					t.Fatal(err)
				}
				sent = append(sent, keys...)
				if time.Now().After(deadline) {
					t.Fatalf("%d claims still queued", queued(t, dbURL))
				}
				time.Sleep(20 * time.Millisecond)
			}
			if len(sent) != 1 {
				t.Fatalf("flushes wrote %v, want one file", sent)
			}
			f := readOutbound(t, objs, sent[0])
			if f.records != 12_000 || len(f.claimPCNs) != 12_000 || fmt.Sprint(f.perSet) != "[5000 5000 2000]" {
				t.Errorf("%s: %d claims (%d distinct) in sets %v", sent[0], f.records, len(f.claimPCNs), f.perSet)
			}
			if got := keys(t, objs, Cigna.Outbound()); len(got) != 1 || got[0] != sent[0] {
				t.Errorf("outbound/ holds %v", got)
			}
			if before != nil && !bytes.Equal(before, f.data) {
				t.Errorf("the rewritten file differs from the one written before the crash")
			}
			resumed := sent[0] == pending[0].Key
			if want := point != crashBeforeRecords; resumed != want {
				t.Errorf("file %s, pending %s: resumed %v, want %v", sent[0], pending[0].Key, resumed, want)
			}
			abandoned, err := db.FileByKey(ctx, edigw.Outbound, pending[0].Key)
			if err != nil {
				t.Fatal(err)
			}
			if want := map[bool]edigw.FileStatus{true: edigw.FileSent, false: edigw.FileRejected}[resumed]; abandoned.Status != want {
				t.Errorf("the crashed file is %s, want %s", abandoned.Status, want)
			}
			if n := queryInt(t, dbURL, "SELECT count(*) FROM claims WHERE outbound_state = 'sent' AND file_id = (SELECT id FROM files WHERE object_key = $1)", sent[0]); n != 12_000 {
				t.Errorf("%d claims marked sent in %s", n, sent[0])
			}
		})
	}
}

func queued(t *testing.T, dbURL string) int64 {
	t.Helper()
	return queryInt(t, dbURL, "SELECT count(*) FROM claims WHERE outbound_state = 'queued'")
}
