package storage

import (
	"testing"
	"time"

	"github.com/edigw/edigw"
)

// TestInboundAttempts: the same cause at the same version counts up, and
// its wait grows; another cause or another upload starts over; a prefix
// lists only its keys; forgetting drops the record. A second pool (another
// instance) sees and continues the same count.
func TestInboundAttempts(t *testing.T) {
	db, url := openDB(t)
	ctx := testCtx(t)
	const key = "p/inbound/bad.x12"
	record := func(db *DB, version, cause string, first time.Duration) edigw.InboundAttempt {
		t.Helper()
		a, err := db.RecordInboundFailure(ctx, key, version, cause, first, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	if a := record(db, "v1", "SQLSTATE 22021", 0); a.Failures != 1 || !a.Due {
		t.Errorf("first failure %+v", a)
	}
	other, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if a := record(other, "v1", "SQLSTATE 22021", time.Hour); a.Failures != 2 || a.Due {
		t.Errorf("second failure, from another instance: %+v", a)
	}
	if a := record(db, "v1", "object name too long", 0); a.Failures != 1 {
		t.Errorf("another cause: %+v", a)
	}
	if a := record(db, "v2", "object name too long", 0); a.Failures != 1 {
		t.Errorf("another upload: %+v", a)
	}
	if _, err := db.RecordInboundFailure(ctx, "q/inbound/x", "v", "c\xff\x00", 0, 0); err != nil {
		t.Fatalf("a cause with bytes PostgreSQL refuses: %v", err)
	}
	got, err := db.FailedInbound(ctx, "p/inbound/")
	if err != nil || len(got) != 1 || got[key].Failures != 1 || got[key].Version != "v2" {
		t.Fatalf("listed %+v %v", got, err)
	}
	if err := db.ForgetInbound(ctx, key); err != nil {
		t.Fatal(err)
	}
	if got, err := db.FailedInbound(ctx, "p/"); err != nil || len(got) != 0 {
		t.Errorf("after forgetting: %+v %v", got, err)
	}
}

// TestInterchangeIdentifiersAnyBytes: identifiers PostgreSQL text refuses
// (invalid UTF-8, NUL) are stored escaped rather than failing the file.
func TestInterchangeIdentifiersAnyBytes(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	in, err := db.BeginIngest(ctx, &edigw.File{Key: "k", Direction: edigw.Inbound})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Rollback(ctx)
	ic := edigw.Interchange{SenderQualifier: "ZZ", SenderID: "SEND\xffER\x00", ReceiverQualifier: "ZZ", ReceiverID: "R\\", ControlNumber: "000000001"}
	if err := in.Interchange(ctx, ic); err != nil {
		t.Fatalf("interchange with 0xFF and NUL: %v", err)
	}
	if err := in.Interchange(ctx, ic); err != edigw.ErrDuplicateInterchange {
		t.Errorf("the same again: %v, want a duplicate", err)
	}
	if got := escapeBytes("SEND\xffER\x00\\"); got != `SEND\xffER\x00\x5c` {
		t.Errorf("escaped %q", got)
	}
}
