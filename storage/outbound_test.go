package storage

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/edigw/edigw"
)

func TestQueueIdempotency(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	claims := []*edigw.Claim{claim("Q1", tinA, npiA, 100, ""), claim("Q2", tinA, npiA, 200, "")}
	ids, err := db.QueueClaims(ctx, "key-1", claims)
	if err != nil || len(ids) != 2 {
		t.Fatalf("queue: %v %v", ids, err)
	}
	again, err := db.QueueClaims(ctx, "key-1", claims)
	if err != nil || !slices.Equal(again, ids) {
		t.Fatalf("retry: %v %v, want %v", again, err, ids)
	}
	changed := []*edigw.Claim{claim("Q1", tinA, npiA, 999, "")}
	if _, err := db.QueueClaims(ctx, "key-1", changed); !isErr(err, edigw.ErrIdempotencyConflict) {
		t.Fatalf("same key, other claims: %v, want ErrIdempotencyConflict", err)
	}
	if _, err := db.QueueAuthorizations(ctx, "key-1", []*edigw.AuthorizationRequest{authRequest("T", tinA, npiA)}); !isErr(err, edigw.ErrIdempotencyConflict) {
		t.Fatalf("same key for authorizations: %v, want ErrIdempotencyConflict", err)
	}
	if c := counts(t, db); c["claims"] != 2 || c["events"] != 2 || c["idempotency_keys"] != 1 {
		t.Errorf("counts %v", c)
	}
	// Without a key every call queues.
	if _, err := db.QueueClaims(ctx, "", claims[:1]); err != nil {
		t.Fatal(err)
	}
	c, err := db.Claim(ctx, ids[0], nil)
	if err != nil || c.Direction != edigw.Outbound || c.Claim.Status != edigw.ClaimSubmitted || c.FileID != 0 {
		t.Errorf("queued claim %+v %v", c, err)
	}

	// Concurrent retries of one submission queue it once.
	var wg sync.WaitGroup
	got := make([][]int64, 4)
	for i := range got {
		wg.Go(func() {
			ids, err := db.QueueClaims(ctx, "key-2", []*edigw.Claim{claim("Q3", tinA, npiA, 100, "")})
			if err != nil {
				t.Errorf("concurrent queue: %v", err)
			}
			got[i] = ids
		})
	}
	wg.Wait()
	for _, g := range got[1:] {
		if !slices.Equal(g, got[0]) || len(g) != 1 {
			t.Errorf("concurrent retries got %v", got)
		}
	}
	if n := counts(t, db)["claims"]; n != 4 {
		t.Errorf("%d claims, want 4", n)
	}
}

// TestTakeQueuedNeverTwice: concurrent batchers split the queue without
// overlap, and a lease keeps taken claims from others.
func TestTakeQueuedNeverTwice(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	var claims []*edigw.Claim
	for i := range 300 {
		claims = append(claims, claim(fmt.Sprintf("T%03d", i), tinA, npiA, 100, ""))
	}
	inst := &edigw.Claim{}
	*inst = *claim("INST", tinA, npiA, 100, "")
	inst.Kind = edigw.Institutional
	claims = append(claims, inst)
	if _, err := db.QueueClaims(ctx, "", claims); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	taken := map[int64]int{}
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for {
				qs, err := db.TakeQueuedClaims(ctx, edigw.Cigna, edigw.Professional, 7)
				if err != nil {
					t.Error(err)
					return
				}
				if len(qs) == 0 {
					return
				}
				mu.Lock()
				for _, q := range qs {
					taken[q.ID]++
					if q.Claim.Kind != edigw.Professional {
						t.Errorf("took a %s claim", q.Claim.Kind)
					}
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(taken) != 300 {
		t.Errorf("%d professional claims taken, want 300", len(taken))
	}
	for id, n := range taken {
		if n != 1 {
			t.Errorf("claim %d taken %d times", id, n)
		}
	}
	// Leased: nobody gets them again before the lease ends...
	if qs, err := db.TakeQueuedClaims(ctx, edigw.Cigna, edigw.Professional, 10); err != nil || len(qs) != 0 {
		t.Errorf("leased claims handed out again: %d %v", len(qs), err)
	}
	qs, err := db.TakeQueuedClaims(ctx, edigw.Cigna, edigw.Institutional, 10)
	if err != nil || len(qs) != 1 || qs[0].Claim.PatientControlNumber != "INST" {
		t.Fatalf("institutional: %v %v", qs, err)
	}
	// ...and after it, a batcher that crashed leaves them to the next.
	db.Lease = 50 * time.Millisecond
	first, err := db.TakeQueuedClaims(ctx, edigw.Cigna, edigw.Professional, 1000)
	if err != nil || len(first) != 0 {
		t.Fatalf("still leased for minutes: %d %v", len(first), err)
	}
	if _, err := db.pool.Exec(ctx, "UPDATE claims SET lease_until = now() - interval '1 second'"); err != nil {
		t.Fatal(err) // the two minutes pass
	}
	again, err := db.TakeQueuedClaims(ctx, edigw.Cigna, edigw.Professional, 1000)
	if err != nil || len(again) != 300 {
		t.Fatalf("after the lease: %d %v", len(again), err)
	}
	time.Sleep(100 * time.Millisecond)
	if last, err := db.TakeQueuedClaims(ctx, edigw.Cigna, edigw.Professional, 1000); err != nil || len(last) != 300 {
		t.Fatalf("after a lease of DB.Lease: %d %v", len(last), err)
	}
	if !slices.IsSortedFunc(again, func(a, b edigw.QueuedClaim) int { return cmpID(a.ID, b.ID) }) {
		t.Error("taken claims not in ID order")
	}
}

// TestSendAndAcknowledge: queued claims go out in a file, are found by
// the file, and acknowledgments move them on.
func TestSendAndAcknowledge(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	ids, err := db.QueueClaims(ctx, "", []*edigw.Claim{
		claim("S1", tinA, npiA, 100, ""), claim("S2", tinA, npiA, 100, ""), claim("S3", tinA, npiA, 100, ""),
		claim("S4", tinB, npiB, 100, ""),
	})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := db.TakeQueuedClaims(ctx, edigw.Cigna, edigw.Professional, 10)
	if err != nil || len(qs) != 4 {
		t.Fatalf("take: %d %v", len(qs), err)
	}
	f := &edigw.File{PayerID: edigw.Cigna, Key: "cigna-62308/outbound/claims-1.x12", Direction: edigw.Outbound,
		Kind: "837", Status: edigw.FilePending, CreatedAt: time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)}
	fileID, err := db.RecordFile(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	ic := edigw.Interchange{SenderQualifier: "ZZ", SenderID: "EDIGW          ", ReceiverQualifier: "ZZ", ReceiverID: "CIGNA62308     ", ControlNumber: "000000007"}
	if err := db.MarkSent(ctx, "claim", ids[:3], fileID, ic, "7", "0001"); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkSent(ctx, "claim", ids[3:], fileID, ic, "7", "0002"); err != nil {
		t.Fatalf("second set of the same interchange: %v", err)
	}
	if err := db.MarkSent(ctx, "claim", ids[:3], fileID, ic, "7", "0001"); err != nil {
		t.Errorf("the same call again: %v", err)
	}
	if err := db.MarkSent(ctx, "claim", ids[:1], fileID, ic, "7", "0009"); err == nil {
		t.Error("a sent claim was assigned to another set")
	}
	other, err := db.RecordFile(ctx, &edigw.File{Key: "other", Direction: edigw.Outbound, Status: edigw.FilePending})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.MarkSent(ctx, "claim", ids[:1], other, ic, "1", "0001"); !isErr(err, edigw.ErrDuplicateInterchange) {
		t.Errorf("another file under the same ISA13: %v", err)
	}
	pending, err := db.OutboundFiles(ctx, edigw.FilePending)
	if err != nil || len(pending) != 2 || pending[0].ID != fileID || !pending[0].CreatedAt.Equal(f.CreatedAt) {
		t.Fatalf("pending files %+v %v", pending, err)
	}
	sent, err := db.FileClaims(ctx, fileID)
	if err != nil || len(sent) != 4 {
		t.Fatalf("file claims: %d %v", len(sent), err)
	}
	if sent[0].ID != ids[0] || sent[0].Interchange.ControlNumber != "000000007" || sent[0].Interchange.SenderID != "EDIGW" ||
		sent[0].Group != "7" || sent[0].Set != "0001" || sent[3].Set != "0002" || sent[0].Claim.PatientControlNumber != "S1" {
		t.Errorf("sent claims %+v", sent[0])
	}
	if qs, _ := db.TakeQueuedClaims(ctx, edigw.Cigna, edigw.Professional, 10); len(qs) != 0 {
		t.Errorf("sent claims still queued: %d", len(qs))
	}
	tins, npis, err := audienceIDs(ctx, db, fileID)
	if err != nil || !slices.Equal(tins, []string{tinA, tinB}) || !slices.Equal(npis, []string{npiA, npiB}) {
		t.Errorf("file providers %v %v %v", tins, npis, err)
	}
	if err := db.SetFileStatus(ctx, fileID, edigw.FileSent, ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.File(ctx, fileID); got.Status != edigw.FileSent || got.CompletedAt.IsZero() {
		t.Errorf("file after sent %+v", got)
	}

	// A 277CA accepts S1 and rejects S2; a 999 rejects the set S4 went in;
	// an 835 pays S3, after which a late 277CA cannot move it.
	mustIngest(t, db, batch{rms: []*edigw.Remittance{remittance("EFT", tinA, npiA, payment("S3", "1", 100, 100))}})
	ack := edigw.ClaimStatusUpdate{PayerID: edigw.Cigna, SenderID: "EDIGW", ReceiverID: "CIGNA62308", ProviderNPI: npiA}
	status := func(pcn string, st edigw.ClaimStatus, reason, payerClaim string) edigw.ClaimStatusUpdate {
		u := ack
		u.PatientControlNumber, u.Status, u.Reason, u.PayerClaimNumber = pcn, st, reason, payerClaim
		return u
	}
	res := mustIngest(t, db, batch{statuses: []edigw.ClaimStatusUpdate{
		status("S1", edigw.ClaimAccepted, "277CA A2:20", "P-1"),
		status("S2", edigw.ClaimRejected, "277CA A3:21", ""),
		status("S3", edigw.ClaimAccepted, "277CA A2:20", ""),
		{PayerID: edigw.Cigna, SenderID: "EDIGW", ReceiverID: "CIGNA62308", GroupNumber: "000000007", SetNumber: "2",
			Status: edigw.ClaimRejected, Reason: "999 IK5 R 5"},
		status("NOBODY", edigw.ClaimAccepted, "", ""),
	}})
	if res.StatusUpdates != 3 || res.Unmatched != 1 {
		t.Errorf("%d status updates, %d unmatched, want 3 and 1", res.StatusUpdates, res.Unmatched)
	}
	want := map[string]struct {
		status edigw.ClaimStatus
		reason string
	}{
		"S1": {edigw.ClaimAccepted, "277CA A2:20"}, "S2": {edigw.ClaimRejected, "277CA A3:21"},
		"S3": {edigw.ClaimPaid, "835 CLP02 1"}, "S4": {edigw.ClaimRejected, "999 IK5 R 5"},
	}
	for pcn, w := range want {
		c := claimByPCN(t, db, pcn)
		if c.Claim.Status != w.status || c.StatusReason != w.reason {
			t.Errorf("%s: %q %q, want %q %q", pcn, c.Claim.Status, c.StatusReason, w.status, w.reason)
		}
	}
	if c := claimByPCN(t, db, "S1"); c.Claim.PayerClaimNumber != "" || c.FileID != fileID {
		t.Errorf("S1 record %+v", c)
	}
	evs := allEvents(t, db, nil)
	if last := evs[len(evs)-1]; last.Kind != edigw.EventAckUnmatched || last.Reference != "claim status update 5" ||
		last.TIN != "" || last.NPI != "" {
		t.Errorf("the update matching no claim: %+v", last)
	}
	tail := evs[len(evs)-4 : len(evs)-1]
	if tail[0].Kind != edigw.EventClaimAccepted || tail[1].Kind != edigw.EventClaimRejected || tail[2].Kind != edigw.EventClaimRejected ||
		tail[2].Reference != "S4" || tail[2].TIN != tinB {
		t.Errorf("acknowledgment events %+v", tail)
	}
}

func TestQueuedAuthorizationsGoOut(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	ids, err := db.QueueAuthorizations(ctx, "a-1", []*edigw.AuthorizationRequest{authRequest("OUT-1", tinA, npiA)})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := db.TakeQueuedAuthorizations(ctx, edigw.Cigna, 5)
	if err != nil || len(qs) != 1 || qs[0].ID != ids[0] || qs[0].Request.Status != edigw.AuthPending {
		t.Fatalf("take: %+v %v", qs, err)
	}
	fileID, err := db.RecordFile(ctx, &edigw.File{Key: "cigna-62308/outbound/auth-1.x12", Direction: edigw.Outbound, Kind: "278", Status: edigw.FilePending})
	if err != nil {
		t.Fatal(err)
	}
	ic := edigw.Interchange{SenderQualifier: "ZZ", SenderID: "EDIGW", ReceiverQualifier: "ZZ", ReceiverID: "CIGNA62308", ControlNumber: "000000001"}
	if err := db.MarkSent(ctx, "authorization", ids, fileID, ic, "1", "0001"); err != nil {
		t.Fatal(err)
	}
	sent, err := db.FileAuthorizations(ctx, fileID)
	if err != nil || len(sent) != 1 || sent[0].Request.TraceNumber != "OUT-1" || sent[0].Set != "0001" {
		t.Fatalf("file authorizations %+v %v", sent, err)
	}
	// The UMO's answer comes back in and decides the request edigw sent.
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authResponse("OUT-1", tinA, npiA, "A1", "OUT-CERT")}})
	a, err := db.Authorization(ctx, ids[0], nil)
	if err != nil || a.Request.Status != edigw.AuthApproved || a.Direction != edigw.Outbound {
		t.Errorf("answered request %+v %v", a, err)
	}
	if err := db.MarkSent(ctx, "remittance", ids, fileID, ic, "1", "1"); err == nil {
		t.Error("MarkSent took an unknown subject")
	}
}

func TestNextControlNumber(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	const goroutines, each = 8, 100
	got := make([][]int64, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for range each {
				n, err := db.NextControlNumber(ctx, "ISA", "EDIGW", "CIGNA62308")
				if err != nil {
					t.Error(err)
					return
				}
				got[g] = append(got[g], n)
			}
		})
	}
	wg.Wait()
	seen := map[int64]bool{}
	for _, ns := range got {
		for _, n := range ns {
			if seen[n] {
				t.Errorf("control number %d handed out twice", n)
			}
			seen[n] = true
		}
	}
	if len(seen) != goroutines*each || !seen[1] || !seen[goroutines*each] {
		t.Errorf("%d distinct numbers, want 1..%d", len(seen), goroutines*each)
	}
	// Other kinds and partners count on their own.
	if n, err := db.NextControlNumber(ctx, "GS", "EDIGW", "CIGNA62308"); err != nil || n != 1 {
		t.Errorf("first GS06: %d %v", n, err)
	}
	if n, _ := db.NextControlNumber(ctx, "ISA", "EDIGW", "OTHER"); n != 1 {
		t.Errorf("first ISA13 for another receiver: %d", n)
	}
	// After 999999999 comes 1.
	if _, err := db.pool.Exec(ctx, "UPDATE control_counters SET last = 999999998 WHERE kind = 'ST'"); err != nil {
		t.Fatal(err)
	}
	db.NextControlNumber(ctx, "ST", "EDIGW", "CIGNA62308") //nolint:errcheck // creates the row
	if _, err := db.pool.Exec(ctx, "UPDATE control_counters SET last = 999999998 WHERE kind = 'ST'"); err != nil {
		t.Fatal(err)
	}
	a, _ := db.NextControlNumber(ctx, "ST", "EDIGW", "CIGNA62308")
	b, _ := db.NextControlNumber(ctx, "ST", "EDIGW", "CIGNA62308")
	if a != 999999999 || b != 1 {
		t.Errorf("wrap: %d then %d, want 999999999 then 1", a, b)
	}
	if _, err := db.NextControlNumber(ctx, "XX", "a", "b"); err == nil {
		t.Error("unknown kind accepted")
	}
}
