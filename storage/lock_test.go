package storage

import (
	"context"
	"testing"
	"time"
)

func TestLockKey(t *testing.T) {
	db, u := openDB(t)
	ctx := testCtx(t)
	other, err := Open(ctx, u) // another instance
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	release, ok, err := db.LockKey(ctx, "cigna-62308/inbound/a.x12")
	if err != nil || !ok {
		t.Fatalf("first lock: ok=%v err=%v", ok, err)
	}
	if _, ok, err := db.LockKey(ctx, "cigna-62308/inbound/a.x12"); err != nil || ok {
		t.Fatalf("same instance, second lock: ok=%v err=%v, want refused", ok, err)
	}
	if _, ok, err := other.LockKey(ctx, "cigna-62308/inbound/a.x12"); err != nil || ok {
		t.Fatalf("other instance: ok=%v err=%v, want refused", ok, err)
	}
	relB, ok, err := other.LockKey(ctx, "cigna-62308/inbound/b.x12")
	if err != nil || !ok {
		t.Fatalf("another key: ok=%v err=%v", ok, err)
	}
	relB()
	release()
	release() // twice is harmless
	relA, ok, err := other.LockKey(ctx, "cigna-62308/inbound/a.x12")
	if err != nil || !ok {
		t.Fatalf("after release: ok=%v err=%v", ok, err)
	}
	relA()
}

// TestLockDiesWithItsHolder: an instance that goes away (its pool closed
// without releasing, or its backend killed) leaves the key free.
func TestLockDiesWithItsHolder(t *testing.T) {
	_, u := openDB(t)
	ctx := testCtx(t)
	open := func() *DB {
		db, err := Open(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		return db
	}
	crashing, survivor := open(), open()
	defer survivor.Close()
	if _, ok, err := crashing.LockKey(ctx, "k"); err != nil || !ok {
		t.Fatalf("lock: ok=%v err=%v", ok, err)
	}
	crashing.Close() // never released
	waitForLock(t, survivor, "k")

	// A backend killed under the holder (a network cut, an OOM kill).
	holder := open()
	defer holder.Close()
	release, ok, err := holder.LockKey(ctx, "k2")
	if err != nil || !ok {
		t.Fatalf("lock k2: ok=%v err=%v", ok, err)
	}
	// pg_locks shows a bigint key as classid (high half) and objid (low half).
	id := uint64(keyLockID("k2"))
	var killed int
	if err := survivor.pool.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_locks
		WHERE locktype = 'advisory' AND objsubid = 1 AND granted AND classid::bigint = $1 AND objid::bigint = $2
		AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
		int64(id>>32), int64(id&0xffffffff)).Scan(&killed); err != nil {
		t.Fatal(err)
	}
	if killed != 1 {
		t.Fatalf("%d holders of k2 found, want 1", killed)
	}
	waitForLock(t, survivor, "k2")
	release() // on a dead connection: must not hang or panic
}

// waitForLock takes key, giving the server a moment to end a session.
func waitForLock(t *testing.T, db *DB, key string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		rel, ok, err := db.LockKey(context.Background(), key)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			rel()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("key %s still locked 10s after its holder went away", key)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
