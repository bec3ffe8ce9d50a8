package storage

import (
	"bytes"
	"context"
	"crypto/sha256"
	"slices"
	"testing"
	"time"

	"github.com/edigw/edigw"
)

func TestFileLedger(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	res := mustIngest(t, db, batch{claims: []*edigw.Claim{claim("F1", tinA, npiA, 100, "")}})
	in, err := db.File(ctx, res.FileID)
	if err != nil || in.Status != edigw.FileCommitted || in.Direction != edigw.Inbound || len(in.SHA256) != 64 || in.Size == 0 {
		t.Fatalf("ingested file %+v %v", in, err)
	}
	// An acknowledgment of it: its providers are its parent's.
	ackID, err := db.RecordFile(ctx, &edigw.File{Key: in.Key + ".999.x12", Direction: edigw.Outbound, Kind: "999",
		Status: edigw.FileSent, ParentID: in.ID, SHA256: "ab", Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	tins, npis, err := audienceIDs(ctx, db, ackID)
	if err != nil || !slices.Equal(tins, []string{tinA}) || !slices.Equal(npis, []string{npiA}) {
		t.Errorf("ack providers %v %v %v", tins, npis, err)
	}
	ack, err := db.File(ctx, ackID)
	if err != nil || ack.ParentID != in.ID || ack.Kind != "999" {
		t.Errorf("ack %+v %v", ack, err)
	}
	if err := db.SetFileStatus(ctx, in.ID, edigw.FileArchived, ""); err != nil {
		t.Fatal(err)
	}
	if f, _ := db.FileByKey(ctx, edigw.Inbound, in.Key); f.Status != edigw.FileArchived || f.CompletedAt.Before(f.CreatedAt) {
		t.Errorf("archived %+v", f)
	}
	// A later entry for the key is the one FileByKey returns.
	later, err := db.RecordFile(ctx, &edigw.File{Key: in.Key, Direction: edigw.Inbound, Status: edigw.FileRejected, Reason: "TA1 024"})
	if err != nil {
		t.Fatal(err)
	}
	if f, _ := db.FileByKey(ctx, edigw.Inbound, in.Key); f.ID != later || f.Reason != "TA1 024" {
		t.Errorf("latest entry %+v, want %d", f, later)
	}
	if _, err := db.FileByKey(ctx, edigw.Outbound, in.Key); !isErr(err, edigw.ErrNotFound) {
		t.Errorf("other direction: %v", err)
	}
	if _, err := db.File(ctx, 424242); !isErr(err, edigw.ErrNotFound) {
		t.Errorf("unknown file: %v", err)
	}
	if err := db.SetFileStatus(ctx, 424242, edigw.FileArchived, ""); !isErr(err, edigw.ErrNotFound) {
		t.Errorf("status of an unknown file: %v", err)
	}
	if _, _, err := audienceIDs(ctx, db, 424242); !isErr(err, edigw.ErrNotFound) {
		t.Errorf("providers of an unknown file: %v", err)
	}
	// The same content recorded as committed outside an ingest is a duplicate.
	if _, err := db.RecordFile(ctx, &edigw.File{Key: "copy", Direction: edigw.Inbound, Status: edigw.FileCommitted, SHA256: in.SHA256}); !isErr(err, edigw.ErrDuplicateFile) {
		t.Errorf("committed copy: %v", err)
	}
}

func TestTokens(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	hash := sha256.Sum256([]byte("secret"))
	tok := &edigw.Token{Name: "billing A", Entitlements: []edigw.Entitlement{edigw.EntitleClaims, edigw.EntitleRemittances},
		Scope: edigw.Scope{TINs: []string{tinA}, NPIs: []string{npiA}}}
	id, err := db.CreateToken(ctx, tok, hash[:])
	if err != nil || id == 0 || tok.ID != id || time.Since(tok.CreatedAt) > time.Hour {
		t.Fatalf("create: %d %v %+v", id, err, tok)
	}
	got, err := db.TokenByHash(ctx, hash[:])
	if err != nil || got.ID != id || got.Name != tok.Name || !slices.Equal(got.Entitlements, tok.Entitlements) ||
		!slices.Equal(got.Scope.TINs, tok.Scope.TINs) || !slices.Equal(got.Scope.NPIs, tok.Scope.NPIs) {
		t.Fatalf("by hash: %+v %v", got, err)
	}
	if _, err := db.TokenByHash(ctx, bytes.Repeat([]byte{1}, 32)); !isErr(err, edigw.ErrNotFound) {
		t.Errorf("unknown hash: %v", err)
	}
	if err := db.RevokeToken(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := db.TokenByHash(ctx, hash[:]); !isErr(err, edigw.ErrNotFound) {
		t.Errorf("revoked token: %v", err)
	}
	if err := db.RevokeToken(ctx, id+100); !isErr(err, edigw.ErrNotFound) {
		t.Errorf("revoke unknown: %v", err)
	}
}

// audienceIDs lists the distinct TINs and NPIs of a file's audience,
// sorted: who may download it, as scopes see it.
func audienceIDs(ctx context.Context, db *DB, id int64) (tins, npis []string, err error) {
	a, err := db.FileAudience(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	tins, npis = []string{}, []string{}
	for _, p := range a.Providers {
		if p.TIN != "" && !slices.Contains(tins, p.TIN) {
			tins = append(tins, p.TIN)
		}
		if p.NPI != "" && !slices.Contains(npis, p.NPI) {
			npis = append(npis, p.NPI)
		}
	}
	slices.Sort(tins)
	slices.Sort(npis)
	return tins, npis, nil
}
