package storage

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"testing"

	"github.com/edigw/edigw"
)

// The outputs of an inbound file commit with it (pending, with their
// bytes, read back whole across chunks), the outbound flush does not see
// them, and their bytes go once they are sent. An outcome recorded under a
// reserved ID stays unfinished until its status is set again.
func TestRecordedOutputs(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	big := bytes.Repeat([]byte("ISA*277CA~NM1*QC*1*DOE*JANE~"), 100_000) // 2.8 MB: three chunks
	sum := sha256.Sum256(big)
	ing, err := db.BeginIngest(ctx, &edigw.File{PayerID: edigw.Cigna, Key: "p/inbound/a.x12", Direction: edigw.Inbound})
	if err != nil {
		t.Fatal(err)
	}
	if err := ing.AddClaims(ctx, []*edigw.Claim{claim("R1", tinA, npiA, 100, "")}); err != nil {
		t.Fatal(err)
	}
	err = ing.RecordOutputs(ctx, "p/archive/2026/03/06/1/a.x12", []edigw.Output{
		{Key: "p/outbound/a.1.x.277CA.x12", Kind: "277CA", SHA256: hex.EncodeToString(sum[:]), Size: int64(len(big)), Body: bytes.NewReader(big)},
		{Key: "p/outbound/a.1.x.999.x12", Kind: "999", SHA256: "00", Size: 0, Body: bytes.NewReader(nil)},
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := ing.Commit(ctx, "feed", 1)
	if err != nil {
		t.Fatal(err)
	}
	in, err := db.File(ctx, res.FileID)
	if err != nil || in.RestingKey != "p/archive/2026/03/06/1/a.x12" || !in.CompletedAt.IsZero() {
		t.Fatalf("inbound %+v %v", in, err)
	}
	unfinished, err := db.UnfinishedFiles(ctx)
	if err != nil || len(unfinished) != 1 || unfinished[0].ID != in.ID {
		t.Errorf("unfinished %v %v", unfinished, err)
	}
	outs, err := db.FileOutputs(ctx, in.ID)
	if err != nil || len(outs) != 2 || outs[0].Kind != "277CA" || outs[0].Status != edigw.FilePending || outs[0].PayerID != edigw.Cigna {
		t.Fatalf("outputs %+v %v", outs, err)
	}
	if pending, _ := db.OutboundFiles(ctx, edigw.FilePending); len(pending) != 0 {
		t.Errorf("the outbound flush would write acknowledgments: %+v", pending)
	}
	for i, want := range [][]byte{big, {}} {
		body, err := db.OutputBody(ctx, outs[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(body)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("output %d: %d bytes (%v), want %d", i, len(got), err, len(want))
		}
	}
	if err := db.SetFileStatus(ctx, outs[0].ID, edigw.FileSent, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := db.OutputBody(ctx, outs[0].ID); !errors.Is(err, edigw.ErrNotFound) {
		t.Errorf("a sent output's bytes: %v, want gone", err)
	}

	// A rejected file under a reserved ID.
	id, err := db.ReserveFileID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rej := &edigw.File{ID: id, PayerID: edigw.Cigna, Key: "p/inbound/b.x12", Direction: edigw.Inbound, Status: edigw.FileRejected,
		RestingKey: "p/error/2026/03/06/9/b.x12", SHA256: "beef"}
	if err := db.RecordOutcome(ctx, rej, []edigw.Output{{Key: "p/outbound/b.9.TA1.x12", Kind: "TA1", SHA256: "aa", Size: 3, Body: bytes.NewReader([]byte("TA1"))}}); err != nil {
		t.Fatal(err)
	}
	if f, err := db.FileByKey(ctx, edigw.Inbound, rej.Key); err != nil || f.ID != id || !f.CompletedAt.IsZero() || f.RestingKey != rej.RestingKey {
		t.Errorf("rejected %+v %v", f, err)
	}
	if err := db.SetFileStatus(ctx, id, edigw.FileRejected, "r"); err != nil {
		t.Fatal(err)
	}
	if f, _ := db.File(ctx, id); f.CompletedAt.IsZero() {
		t.Error("a finished rejected file has no completion time")
	}
	// An operator event names no provider.
	if err := db.FileEvent(ctx, edigw.EventFileDigestMismatch, in, "digest_mismatch"); err != nil {
		t.Fatal(err)
	}
	evs, err := db.Events(ctx, 0, 100)
	if err != nil || len(evs) == 0 {
		t.Fatal(evs, err)
	}
	last := evs[len(evs)-1]
	if last.Kind != edigw.EventFileDigestMismatch || last.SubjectID != in.ID || last.TIN != "" || last.NPI != "" || last.Reference != in.RestingKey {
		t.Errorf("event %+v", last)
	}
	scoped, _ := db.EventsOf(ctx, 0, 100, &edigw.Scope{TINs: []string{tinA}}, recordSubjects)
	for _, e := range scoped {
		if e.Kind == edigw.EventFileDigestMismatch {
			t.Errorf("a provider sees %+v", e)
		}
	}
}
