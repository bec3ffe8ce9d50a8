package storage

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"sync"
	"time"
)

// keyLockID maps an object key to a 64-bit advisory lock ID. The
// one-key (bigint) lock space is separate from the two-key space of the
// migration and event locks.
func keyLockID(key string) int64 {
	sum := sha256.Sum256([]byte("edigw/object-key\x00" + key))
	return int64(binary.BigEndian.Uint64(sum[:8]))
}

// LockKey takes a session advisory lock on key, on a connection kept out
// of the pool until release: the server frees the lock when that
// connection ends, so a crashed instance never keeps a file locked.
func (db *DB) LockKey(ctx context.Context, key string) (func(), bool, error) {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("storage: lock key: %w", err)
	}
	id := keyLockID(key)
	var ok bool
	if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", id).Scan(&ok); err != nil {
		conn.Release()
		return nil, false, fmt.Errorf("storage: lock key: %w", err)
	}
	if !ok {
		conn.Release()
		return nil, false, nil
	}
	db.mu.Lock()
	db.locks[conn] = struct{}{}
	db.mu.Unlock()

	var once sync.Once
	release := func() {
		once.Do(func() {
			db.mu.Lock()
			_, mine := db.locks[conn]
			delete(db.locks, conn)
			db.mu.Unlock()
			if !mine {
				return // Close took the connection
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			var unlocked bool
			if err := conn.QueryRow(ctx, "SELECT pg_advisory_unlock($1)", id).Scan(&unlocked); err != nil || !unlocked {
				// The lock may still be held (or the connection is
				// broken): ending the connection is what frees it.
				_ = conn.Conn().Close(ctx)
			}
			conn.Release()
		})
	}
	return release, true, nil
}
