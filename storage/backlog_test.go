package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// The backlog counts queued records by payer and kind, and finds the
// oldest sent file no 999 has answered; a 999 for the file's group from
// the partner clears it, one from another sender does not.
func TestBacklog(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	empty, err := db.Backlog(ctx)
	if err != nil || len(empty.Queued) != 0 || len(empty.OldestUnacknowledged) != 0 {
		t.Fatalf("empty store: %+v %v", empty, err)
	}
	ids, err := db.QueueClaims(ctx, "", []*edigw.Claim{claim("Q1", tinA, npiA, 100, ""), claim("Q2", tinA, npiA, 100, "")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.QueueAuthorizations(ctx, "", []*edigw.AuthorizationRequest{authRequest("T1", tinA, npiA)}); err != nil {
		t.Fatal(err)
	}
	b, err := db.Backlog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []QueueDepth{{edigw.Cigna, "authorization", 1}, {edigw.Cigna, "professional", 2}}
	if len(b.Queued) != 2 || b.Queued[0] != want[0] || b.Queued[1] != want[1] {
		t.Fatalf("queued %+v, want %+v", b.Queued, want)
	}

	if _, err := db.TakeQueuedClaims(ctx, edigw.Cigna, edigw.Professional, 10); err != nil {
		t.Fatal(err)
	}
	fileID, err := db.RecordFile(ctx, &edigw.File{PayerID: edigw.Cigna, Key: "cigna-62308/outbound/claims-1.x12", Direction: edigw.Outbound,
		Kind: "837P", Status: edigw.FilePending})
	if err != nil {
		t.Fatal(err)
	}
	ic := edigw.Interchange{SenderQualifier: "ZZ", SenderID: "EDIGW", ReceiverQualifier: "ZZ", ReceiverID: "CIGNA62308", ControlNumber: "000000011"}
	if err := db.MarkSent(ctx, "claim", ids, fileID, ic, "21", "0001"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetFileStatus(ctx, fileID, edigw.FileSent, ""); err != nil {
		t.Fatal(err)
	}
	b, err = db.Backlog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Queued) != 1 || b.OldestUnacknowledged[edigw.Cigna].IsZero() {
		t.Fatalf("after sending: %+v", b)
	}

	answer := func(sender string) {
		t.Helper()
		in, err := db.BeginIngest(ctx, &edigw.File{PayerID: edigw.Cigna, Key: "cigna-62308/inbound/999-" + sender + ".x12", Direction: edigw.Inbound, Kind: "999"})
		if err != nil {
			t.Fatal(err)
		}
		defer in.Rollback(ctx) //nolint:errcheck // harmless after Commit
		a := &edigw.Acknowledgment{Kind: edigw.Ack999, PayerID: edigw.Cigna, SenderID: sender, ReceiverID: "EDIGW", InterchangeNumber: "000000500",
			GroupNumber: "500", SetNumber: "0001", Group: &edigw.GroupAck{FunctionalID: "HC", ControlNumber: "21", Version: "005010X222A1",
				Code: "A", Included: 1, Received: 1, Accepted: 1}}
		mapping.DecideAcknowledgment(a) // as mapping reads one
		if err := in.AddAcknowledgments(ctx, []*edigw.Acknowledgment{a}); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(sender))
		if _, err := in.Commit(ctx, hex.EncodeToString(sum[:]), 1); err != nil {
			t.Fatal(err)
		}
	}
	answer("SOMEONE")
	if b, _ = db.Backlog(ctx); b.OldestUnacknowledged[edigw.Cigna].IsZero() {
		t.Errorf("another sender's 999 answered Cigna's file: %+v", b)
	}
	answer("CIGNA62308")
	if b, _ = db.Backlog(ctx); len(b.OldestUnacknowledged) != 0 {
		t.Errorf("the partner's 999 did not answer the file: %+v", b)
	}
}
