package storage

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// tokenColumns are what a token is read with: never its secret's hash.
const tokenColumns = `id, name, entitlements, scope_tins, scope_npis, created_at, revoked_at, expires_at, last_used_at`

// liveToken is the condition of a token that works now.
const liveToken = `revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`

// CreateToken stores a token under the SHA-256 of its secret and sets
// t.ID and t.CreatedAt. t.ExpiresAt, when set, is when it stops working.
func (db *DB) CreateToken(ctx context.Context, t *edigw.Token, secretHash []byte) (int64, error) {
	ents := make([]string, len(t.Entitlements))
	for i, e := range t.Entitlements {
		ents[i] = string(e)
	}
	err := db.pool.QueryRow(ctx, `INSERT INTO api_tokens (name, secret_hash, entitlements, scope_tins, scope_npis, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, created_at`,
		t.Name, secretHash, ents, nonEmpty(t.Scope.TINs), nonEmpty(t.Scope.NPIs), t.ExpiresAt).Scan(&t.ID, &t.CreatedAt)
	if err != nil {
		return 0, wrap("create token", err)
	}
	return t.ID, nil
}

// RevokeToken ends a token; revoking it again keeps the first time.
func (db *DB) RevokeToken(ctx context.Context, id int64) error {
	tag, err := db.pool.Exec(ctx, "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1", id)
	if err != nil {
		return wrap("revoke token", err)
	}
	if tag.RowsAffected() == 0 {
		return edigw.ErrNotFound
	}
	return nil
}

// TokenByHash finds a live token (neither revoked nor expired) by the
// SHA-256 of its secret.
func (db *DB) TokenByHash(ctx context.Context, secretHash []byte) (*edigw.Token, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+tokenColumns+` FROM api_tokens WHERE secret_hash = $1 AND `+liveToken, secretHash)
	if err != nil {
		return nil, wrap("token", err)
	}
	t, err := pgx.CollectExactlyOneRow(rows, scanToken)
	if err != nil {
		return nil, wrap("token", notFound(err))
	}
	return t, nil
}

// Tokens lists every token, live or not, in ID order (for token list).
func (db *DB) Tokens(ctx context.Context) ([]*edigw.Token, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+tokenColumns+` FROM api_tokens ORDER BY id`)
	if err != nil {
		return nil, wrap("tokens", err)
	}
	out, err := pgx.CollectRows(rows, scanToken)
	return out, wrap("tokens", err)
}

func scanToken(row pgx.CollectableRow) (*edigw.Token, error) {
	var t edigw.Token
	var ents []string
	if err := row.Scan(&t.ID, &t.Name, &ents, &t.Scope.TINs, &t.Scope.NPIs, &t.CreatedAt, &t.RevokedAt,
		&t.ExpiresAt, &t.LastUsedAt); err != nil {
		return nil, err
	}
	for _, e := range ents {
		t.Entitlements = append(t.Entitlements, edigw.Entitlement(e))
	}
	return &t, nil
}

// TouchToken sets last_used_at to now when it is unset or older than a
// minute; otherwise it writes nothing (the condition is checked in the
// database, so instances racing on one token still write once).
func (db *DB) TouchToken(ctx context.Context, id int64) error {
	_, err := db.pool.Exec(ctx, `UPDATE api_tokens SET last_used_at = now()
		WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, id)
	return wrap("touch token", err)
}

// ProviderDeclared reports whether a live token's scope holds the TIN as
// its only TIN together with the NPI: the operator's statement that the
// NPI bills under the TIN. A token of several TINs declares no pairing
// (its NPIs could belong to any of them).
func (db *DB) ProviderDeclared(ctx context.Context, tin, npi string) (bool, error) {
	var ok bool
	err := db.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM api_tokens
		WHERE scope_tins = ARRAY[$1::text] AND $2::text = ANY(scope_npis) AND `+liveToken+`)`, tin, npi).Scan(&ok)
	return ok, wrap("provider declared", err)
}
