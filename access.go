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
	// ExpiresAt, when set, is when the token stops working (401 from then on).
	ExpiresAt *time.Time `json:"expiresAt,omitempty"`
	// LastUsedAt is when a request last carried the token, to the minute:
	// it is recorded at most once a minute per token.
	LastUsedAt *time.Time `json:"lastUsedAt,omitempty"`
}

// Live reports whether the token works at t: neither revoked nor expired.
func (t *Token) Live(at time.Time) bool {
	return t.RevokedAt == nil && (t.ExpiresAt == nil || at.Before(*t.ExpiresAt))
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
	// TokenByHash finds a live token; ErrNotFound when unknown, revoked or
	// expired.
	TokenByHash(ctx context.Context, secretHash []byte) (*Token, error)
	// TouchToken records that the token was just used, unless that was
	// recorded less than a minute ago (so a busy token costs one write a
	// minute, not one a request).
	TouchToken(ctx context.Context, id int64) error
	// ProviderDeclared reports whether the operator has declared the NPI
	// as billing under the TIN: a live token's scope holds that TIN as its
	// only TIN, and that NPI. Submissions rely on it to let a token scoped
	// by one of the two vouch for the other (see docs/api.md).
	ProviderDeclared(ctx context.Context, tin, npi string) (bool, error)
}

// Audience is who may read a file: the kinds of records it carries, or for
// an acknowledgment the records it answers ("claim", "authorization",
// "remittance"), and the provider of each.
type Audience struct {
	Subjects  []string
	Providers []Provider
}

// Provider is a record's provider as scopes see it: TIN and NPI (either
// may be empty).
type Provider struct {
	TIN, NPI string
}

// AccessStore answers the questions a token's entitlements and scope ask
// of the records (storage implements it, for the HTTP API).
type AccessStore interface {
	// EventsOf is RecordStore.Events limited to events about the given
	// subjects ("claim", "authorization", "remittance").
	EventsOf(ctx context.Context, after int64, limit int, scope *Scope, subjects []string) ([]Event, error)
	// RemittancesOf is RecordStore.Remittances, planned for a scoped
	// reader: a page costs what the scope's records cost, whatever the
	// size of the table.
	RemittancesOf(ctx context.Context, after int64, limit int, scope *Scope) ([]StoredRemittance, error)
	// FileAudience is the audience of a ledger entry: the records it
	// carries; for an acknowledgment edigw wrote (a file with a parent),
	// those of the file it answers; for acknowledgments a partner sent,
	// the records edigw sent that they answer. ErrNotFound when there is
	// no such file.
	FileAudience(ctx context.Context, id int64) (*Audience, error)
	// ClaimFiles lists the files about a claim, oldest first: the file
	// that carried it, the acknowledgments that answer it (TA1, 999,
	// 277CA) and the remittances that pay it.
	ClaimFiles(ctx context.Context, claimID int64) ([]File, error)
}
