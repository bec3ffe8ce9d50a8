package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// The web console's reads and its sessions (issue 17, console/). Every
// read of records takes the reader's scope, as the API's do.

// CreateConsoleSession records a console session: the SHA-256 of its ID
// (never the ID), the token it was opened with and when it expires.
// Sessions expired for a day are removed on the way.
func (db *DB) CreateConsoleSession(ctx context.Context, idHash []byte, tokenID int64, expires time.Time) error {
	_, err := db.pool.Exec(ctx, `WITH gone AS (DELETE FROM console_sessions WHERE expires_at < now() - interval '1 day')
		INSERT INTO console_sessions (id_hash, token_id, expires_at) VALUES ($1, $2, $3)`, idHash, tokenID, expires)
	return wrap("create console session", err)
}

// ConsoleSession returns the live token of a session that has not
// expired; edigw.ErrNotFound when the session is unknown, expired or
// ended, or its token revoked or expired.
func (db *DB) ConsoleSession(ctx context.Context, idHash []byte) (*edigw.Token, time.Time, error) {
	var expires time.Time
	var tokenID int64
	err := db.pool.QueryRow(ctx, `SELECT token_id, expires_at FROM console_sessions
		WHERE id_hash = $1 AND expires_at > now()`, idHash).Scan(&tokenID, &expires)
	if err != nil {
		return nil, time.Time{}, wrap("console session", notFound(err))
	}
	rows, err := db.pool.Query(ctx, `SELECT `+tokenColumns+` FROM api_tokens WHERE id = $1 AND `+liveToken, tokenID)
	if err != nil {
		return nil, time.Time{}, wrap("console session", err)
	}
	t, err := pgx.CollectExactlyOneRow(rows, scanToken)
	if err != nil {
		return nil, time.Time{}, wrap("console session", notFound(err))
	}
	return t, expires, nil
}

// EndConsoleSession removes a session (signing out).
func (db *DB) EndConsoleSession(ctx context.Context, idHash []byte) error {
	_, err := db.pool.Exec(ctx, `DELETE FROM console_sessions WHERE id_hash = $1`, idHash)
	return wrap("end console session", err)
}

// ClaimRemittances lists the remittances in scope (by payee) that pay a
// claim, oldest first; each holds only its payments of that claim.
func (db *DB) ClaimRemittances(ctx context.Context, claimID int64, scope *edigw.Scope) ([]edigw.StoredRemittance, error) {
	cond, args := newScopeFilter(scope).sql("r.payee_tin", "r.payee_npi", []any{claimID})
	rows, err := db.pool.Query(ctx, `SELECT r.id, r.record, coalesce(r.file_id, 0), r.received_at, cp.record
		FROM claim_payments cp JOIN remittances r ON r.key = cp.remittance_key
		WHERE cp.claim_id = $1 AND r.id IS NOT NULL AND `+cond+` ORDER BY r.id, cp.ordinal LIMIT 100`, args...)
	if err != nil {
		return nil, wrap("claim remittances", err)
	}
	defer rows.Close()
	var out []edigw.StoredRemittance
	for rows.Next() {
		var s edigw.StoredRemittance
		var raw, payment []byte
		if err := rows.Scan(&s.ID, &raw, &s.FileID, &s.ReceivedAt, &payment); err != nil {
			return nil, wrap("claim remittances", err)
		}
		s.Remittance = &edigw.Remittance{}
		var p edigw.ClaimPayment
		if err := json.Unmarshal(raw, s.Remittance); err != nil {
			return nil, fmt.Errorf("storage: remittance %d: %w", s.ID, err)
		}
		if err := json.Unmarshal(payment, &p); err != nil {
			return nil, fmt.Errorf("storage: remittance %d: %w", s.ID, err)
		}
		if n := len(out); n > 0 && out[n-1].ID == s.ID {
			out[n-1].Remittance.Claims = append(out[n-1].Remittance.Claims, p)
			out[n-1].ClaimIDs = append(out[n-1].ClaimIDs, claimID)
			continue
		}
		s.Remittance.Claims = []edigw.ClaimPayment{p}
		s.ClaimIDs = []int64{claimID}
		out = append(out, s)
	}
	return out, wrap("claim remittances", rows.Err())
}

// AuthorizationClaims lists the claims in scope linked to an
// authorization (their REF*G1 named it, matched inside the provider),
// newest first, at most 100.
func (db *DB) AuthorizationClaims(ctx context.Context, authID int64, scope *edigw.Scope) ([]edigw.StoredClaim, error) {
	cond, args := newScopeFilter(scope).sql("billing_tin", "billing_npi", []any{authID})
	rows, err := db.pool.Query(ctx, `SELECT `+storedClaimColumns+` FROM claims
		WHERE authorization_id = $1 AND `+cond+` ORDER BY id DESC LIMIT 100`, args...)
	if err != nil {
		return nil, wrap("authorization claims", err)
	}
	out, err := collectValues(rows, scanStoredClaim)
	return out, wrap("authorization claims", err)
}

// FileRecords lists the records in scope a file carried (claims,
// remittances, authorization requests), in ID order, at most limit of
// each kind, and how many of each there are in scope.
func (db *DB) FileRecords(ctx context.Context, fileID int64, scope *edigw.Scope, limit int) ([]edigw.FileRecord, map[string]int64, error) {
	sf := newScopeFilter(scope)
	as, err := db.authScopeOf(ctx, scope)
	if err != nil {
		return nil, nil, err
	}
	args := []any{fileID, pageSize(limit)}
	var claimCond, remitCond, authCond string
	claimCond, args = sf.sql("billing_tin", "billing_npi", args)
	remitCond, args = sf.sql("payee_tin", "payee_npi", args)
	authCond, args = as.sql("", args)
	rows, err := db.pool.Query(ctx, `
		(SELECT 'claim', id, patient_control_number, status, count(*) OVER () FROM claims
			WHERE file_id = $1 AND `+claimCond+` ORDER BY id LIMIT $2)
		UNION ALL
		(SELECT 'remittance', id, coalesce(trace_number, ''), '', count(*) OVER () FROM remittances
			WHERE file_id = $1 AND id IS NOT NULL AND `+remitCond+` ORDER BY id LIMIT $2)
		UNION ALL
		(SELECT 'authorization', id, coalesce(trace_number, ''), status, count(*) OVER () FROM authorizations
			WHERE file_id = $1 AND `+authCond+` ORDER BY id LIMIT $2)`, args...)
	if err != nil {
		return nil, nil, wrap("file records", err)
	}
	defer rows.Close()
	var out []edigw.FileRecord
	counts := map[string]int64{}
	for rows.Next() {
		var r edigw.FileRecord
		var n int64
		if err := rows.Scan(&r.Subject, &r.ID, &r.Reference, &r.Status, &n); err != nil {
			return nil, nil, wrap("file records", err)
		}
		counts[r.Subject] = n
		out = append(out, r)
	}
	return out, counts, wrap("file records", rows.Err())
}

// FileAnswers lists the acknowledgments that answer a file: those edigw
// wrote for an inbound file (its outputs), and for a file edigw sent the
// TA1s and 999s its partner sent naming its envelope, oldest first.
func (db *DB) FileAnswers(ctx context.Context, fileID int64) ([]edigw.File, error) {
	rows, err := db.pool.Query(ctx, `WITH s AS (`+sentFiles+` AND f.id = $1)
		SELECT `+fileColumns+` FROM files WHERE id IN (
			SELECT id FROM files WHERE parent_id = $1
			UNION SELECT k.file_id FROM acknowledgments k JOIN s ON TRUE
				WHERE `+answersSent+`)
		ORDER BY id LIMIT 100`, fileID)
	if err != nil {
		return nil, wrap("file answers", err)
	}
	out, err := collectValues(rows, scanFile)
	return out, wrap("file answers", err)
}

// answersSent holds for an acknowledgment k that answers the sent file s:
// the condition unanswered999 asks whether any k meets.
const answersSent = `btrim(k.receiver_id) = s.sender_id AND btrim(k.sender_id) = s.receiver_id
	AND coalesce(k.payer_id, s.payer_id) = s.payer_id
	AND ((k.kind = 'TA1' AND ltrim(k.acknowledged, '0') = ltrim(s.control_number, '0'))
		OR (k.kind = '999' AND ltrim(k.acknowledged, '0') = ltrim(s.group_number, '0')))`

// Files lists ledger entries newest first (the operators' file list):
// inbound files and the files edigw wrote, with ID < f.Before.
func (db *DB) Files(ctx context.Context, f edigw.FileFilter) ([]edigw.File, error) {
	before := f.Before
	if before <= 0 {
		before = 1<<63 - 1
	}
	rows, err := db.pool.Query(ctx, `SELECT `+fileColumns+` FROM files
		WHERE id < $1 AND ($2 = '' OR direction = $2) AND ($3 = '' OR status = $3)
		ORDER BY id DESC LIMIT $4`, before, string(f.Direction), string(f.Status), pageSize(f.Limit))
	if err != nil {
		return nil, wrap("files", err)
	}
	out, err := collectValues(rows, scanFile)
	return out, wrap("files", err)
}
