package edigw

import (
	"context"
	"slices"
	"time"
)

// Entitlement is what a token may do, as in the payer's provider portal.
type Entitlement string

const (
	EntitleClaims           Entitlement = "claims"           // submit and read claims, their events and files
	EntitlePrecertification Entitlement = "precertification" // submit and read authorization requests
	EntitleRemittances      Entitlement = "remittances"      // read remittances
)

// Entitlements lists every entitlement.
var Entitlements = []Entitlement{EntitleClaims, EntitlePrecertification, EntitleRemittances}

// Token is a billing system's access: its entitlements and the provider
// TINs and NPIs whose records it sees. The secret itself is never stored,
// only its SHA-256.
type Token struct {
	ID           int64         `json:"id,string"`
	Name         string        `json:"name"`
	Entitlements []Entitlement `json:"entitlements"`
	Scope        Scope         `json:"scope"`
	CreatedAt    time.Time     `json:"createdAt"`
	RevokedAt    *time.Time    `json:"revokedAt,omitempty"`
}

// Allows reports whether the token carries an entitlement.
func (t *Token) Allows(e Entitlement) bool { return slices.Contains(t.Entitlements, e) }

// Covers reports whether a provider (TIN or NPI) is in the token's scope.
func (s Scope) Covers(tin, npi string) bool {
	return tin != "" && slices.Contains(s.TINs, tin) || npi != "" && slices.Contains(s.NPIs, npi)
}

// TokenStore keeps API tokens (storage implements it).
type TokenStore interface {
	// CreateToken stores a token under the SHA-256 of its secret.
	CreateToken(ctx context.Context, t *Token, secretHash []byte) (int64, error)
	// RevokeToken ends a token; ErrNotFound when there is none.
	RevokeToken(ctx context.Context, id int64) error
	// TokenByHash finds a live token; ErrNotFound when unknown or revoked.
	TokenByHash(ctx context.Context, secretHash []byte) (*Token, error)
}
