package storage

import (
	"context"
	"time"

	"github.com/edigw/edigw"
)

// FailedInbound returns the failed attempts recorded for keys under prefix.
func (db *DB) FailedInbound(ctx context.Context, prefix string) (map[string]edigw.InboundAttempt, error) {
	rows, err := db.pool.Query(ctx, `SELECT object_key, version, cause, failures, next_attempt_at <= now()
		FROM inbound_attempts WHERE starts_with(object_key, $1)`, prefix)
	if err != nil {
		return nil, wrap("failed inbound", err)
	}
	out := map[string]edigw.InboundAttempt{}
	for rows.Next() {
		var a edigw.InboundAttempt
		if err := rows.Scan(&a.Key, &a.Version, &a.Cause, &a.Failures, &a.Due); err != nil {
			rows.Close()
			return nil, wrap("failed inbound", err)
		}
		out[a.Key] = a
	}
	return out, wrap("failed inbound", rows.Err())
}

// RecordInboundFailure counts one failure of key in one statement, so
// that instances failing the same object at once each count theirs.
func (db *DB) RecordInboundFailure(ctx context.Context, key, version, cause string, first, ceil time.Duration) (edigw.InboundAttempt, error) {
	a := edigw.InboundAttempt{Key: key, Version: version, Cause: escapeBytes(cause)}
	err := db.pool.QueryRow(ctx, `INSERT INTO inbound_attempts AS a
			(object_key, version, cause, failures, next_attempt_at)
		VALUES ($1, $2, $3, 1, now() + make_interval(secs => $4::float8))
		ON CONFLICT (object_key) DO UPDATE SET
			failures = CASE WHEN a.version = excluded.version AND a.cause = excluded.cause THEN a.failures + 1 ELSE 1 END,
			first_failed_at = CASE WHEN a.version = excluded.version AND a.cause = excluded.cause THEN a.first_failed_at ELSE now() END,
			version = excluded.version, cause = excluded.cause, last_failed_at = now(),
			next_attempt_at = now() + make_interval(secs => least($5::float8,
				$4::float8 * power(2, CASE WHEN a.version = excluded.version AND a.cause = excluded.cause THEN least(a.failures, 40) ELSE 0 END)))
		RETURNING failures, next_attempt_at <= now()`,
		key, version, a.Cause, first.Seconds(), ceil.Seconds()).Scan(&a.Failures, &a.Due)
	if err != nil {
		return a, wrap("record inbound failure", err)
	}
	return a, nil
}

// ForgetInbound drops the failures recorded for key.
func (db *DB) ForgetInbound(ctx context.Context, key string) error {
	_, err := db.pool.Exec(ctx, "DELETE FROM inbound_attempts WHERE object_key = $1", key)
	return wrap("forget inbound", err)
}
