package storage

import (
	"context"

	"github.com/edigw/edigw"
)

// CreateToken stores a token under the SHA-256 of its secret and sets
// t.ID and t.CreatedAt.
func (db *DB) CreateToken(ctx context.Context, t *edigw.Token, secretHash []byte) (int64, error) {
	ents := make([]string, len(t.Entitlements))
	for i, e := range t.Entitlements {
		ents[i] = string(e)
	}
	err := db.pool.QueryRow(ctx, `INSERT INTO api_tokens (name, secret_hash, entitlements, scope_tins, scope_npis)
		VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at`,
		t.Name, secretHash, ents, nonEmpty(t.Scope.TINs), nonEmpty(t.Scope.NPIs)).Scan(&t.ID, &t.CreatedAt)
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

// TokenByHash finds a live token by the SHA-256 of its secret.
func (db *DB) TokenByHash(ctx context.Context, secretHash []byte) (*edigw.Token, error) {
	var t edigw.Token
	var ents []string
	err := db.pool.QueryRow(ctx, `SELECT id, name, entitlements, scope_tins, scope_npis, created_at FROM api_tokens
		WHERE secret_hash = $1 AND revoked_at IS NULL`, secretHash).
		Scan(&t.ID, &t.Name, &ents, &t.Scope.TINs, &t.Scope.NPIs, &t.CreatedAt)
	if err != nil {
		return nil, wrap("token", notFound(err))
	}
	for _, e := range ents {
		t.Entitlements = append(t.Entitlements, edigw.Entitlement(e))
	}
	return &t, nil
}
