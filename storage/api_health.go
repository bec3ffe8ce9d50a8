package storage

import "context"

// Ping checks that the database answers, for readiness probes: one round
// trip on a pooled connection, unlike Counts.
func (db *DB) Ping(ctx context.Context) error {
	return wrap("ping", db.pool.Ping(ctx))
}
