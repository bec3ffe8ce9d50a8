package edigw

import (
	"slices"
	"time"
)

// Entitlement is what a token may do, as in the payer's provider portal.
type Entitlement string

const (
	EntitleClaims           Entitlement = "claims"           // submit and read claims, their events and files
	EntitlePrecertification Entitlement = "precertification" // submit and read authorization requests
	EntitleRemittances      Entitlement = "remittances"      // read remittances
	EntitleEligibility      Entitlement = "eligibility"      // ask and read eligibility and benefits (270/271)
	// EntitleOperations reads the operators' views (GET /v1/files?overdue=true).
	// It counts only on a token whose scope is empty (Token.Operator): a
	// provider's token never sees across providers, whatever it holds.
	EntitleOperations Entitlement = "operations"
)

// Entitlements lists every entitlement.
var Entitlements = []Entitlement{EntitleClaims, EntitlePrecertification, EntitleRemittances, EntitleEligibility, EntitleOperations}

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

// Operator reports whether the token is an operator's: the operations
// entitlement and no TIN or NPI. An empty scope reads no provider's
// records, so an operator's token sees the operators' views alone.
func (t *Token) Operator() bool {
	return t.Allows(EntitleOperations) && len(t.Scope.TINs) == 0 && len(t.Scope.NPIs) == 0
}

// Allows reports whether the token carries an entitlement.
func (t *Token) Allows(e Entitlement) bool { return slices.Contains(t.Entitlements, e) }

// Covers reports whether a provider (TIN or NPI) is in the token's scope.
func (s Scope) Covers(tin, npi string) bool {
	return tin != "" && slices.Contains(s.TINs, tin) || npi != "" && slices.Contains(s.NPIs, npi)
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
