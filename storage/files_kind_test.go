package storage

import (
	"testing"

	"github.com/edigw/edigw"
)

// TestCommitRecordsTheFileKind: the kind of an inbound file is known once
// it is read, after BeginIngest entered it; Commit records it (the ledger
// kept "" for every committed file before).
func TestCommitRecordsTheFileKind(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	f := &edigw.File{PayerID: edigw.Cigna, Key: "cigna-62308/inbound/kind.x12", Direction: edigw.Inbound}
	in, err := db.BeginIngest(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	f.Kind = "835,837"
	if _, err := in.Commit(ctx, "00c0ffee00000000000000000000000000000000000000000000000000000001", 10); err != nil {
		t.Fatal(err)
	}
	got, err := db.File(ctx, f.ID)
	if err != nil || got.Kind != "835,837" {
		t.Fatalf("file kind %q (%v)", got.Kind, err)
	}
}
