package console

import (
	"context"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// Store is what the console's pages ask of the records store, and nothing
// more (decision 0016): storage.DB is one; cmd wires it. Reads of records
// take the signed-in token's scope, exactly as the API's do, and answer
// edigw.ErrNotFound for a record outside it.
type Store interface {
	// Signing in (session.go).

	// TokenByHash finds a live token by its secret's SHA-256.
	TokenByHash(ctx context.Context, secretHash []byte) (*edigw.Token, error)
	TouchToken(ctx context.Context, id int64) error
	// CreateConsoleSession keeps a session: its ID's SHA-256 only.
	CreateConsoleSession(ctx context.Context, idHash []byte, tokenID int64, expires time.Time) error
	// ConsoleSession returns the live token of an unexpired session.
	ConsoleSession(ctx context.Context, idHash []byte) (*edigw.Token, time.Time, error)
	EndConsoleSession(ctx context.Context, idHash []byte) error

	// Claims (claims.go).

	SearchClaims(ctx context.Context, f edigw.ClaimFilter, scope *edigw.Scope) ([]edigw.StoredClaim, error)
	Claim(ctx context.Context, id int64, scope *edigw.Scope) (*edigw.StoredClaim, error)
	ClaimHistory(ctx context.Context, claimID int64) ([]edigw.ClaimHistoryEntry, error)
	// ClaimRemittances are the 835s paying a claim, each with only its
	// payments of the claim.
	ClaimRemittances(ctx context.Context, claimID int64, scope *edigw.Scope) ([]edigw.StoredRemittance, error)

	// Files (files.go).

	File(ctx context.Context, id int64) (*edigw.File, error)
	FileAudience(ctx context.Context, id int64) (*edigw.Audience, error)
	// ProviderDeclared says whether the operator declared the NPI under
	// the TIN (api.MayReadFile asks it for a file naming an NPI alone).
	ProviderDeclared(ctx context.Context, tin, npi string) (bool, error)
	// Files is the operators' list, newest first.
	Files(ctx context.Context, f edigw.FileFilter) ([]edigw.File, error)
	// FileAnswers are the acknowledgments answering a file.
	FileAnswers(ctx context.Context, fileID int64) ([]edigw.File, error)
	// FileRecords are the records in scope a file carried.
	FileRecords(ctx context.Context, fileID int64, scope *edigw.Scope, limit int) ([]edigw.FileRecord, map[string]int64, error)
	// FindAuthorizations lets the inspector judge a file as the pipeline
	// does, payer rules included (mapping.AuthorizationLookup).
	FindAuthorizations(ctx context.Context, queries []mapping.AuthorizationQuery) ([]*edigw.AuthorizationRequest, error)
	// AuthorizationLookupIn is FindAuthorizations inside a scope: an
	// upload's claims are the reader's own words, and may name another
	// provider's NPI and certification number.
	AuthorizationLookupIn(scope *edigw.Scope) mapping.AuthorizationLookup

	// Operations (operations.go).

	Operations(ctx context.Context, since time.Time, period string) (*edigw.Operations, error)
	OverdueFiles(ctx context.Context, after int64, limit int) ([]edigw.OverdueFile, error)
	// WebhookBacklog is the webhooks' health: subscriptions by state and
	// the events waiting behind the active ones' cursors.
	WebhookBacklog(ctx context.Context) (*edigw.WebhookBacklog, error)

	// The worklist (worklist.go).

	Authorizations(ctx context.Context, f edigw.AuthorizationFilter, scope *edigw.Scope) ([]edigw.AuthorizationListItem, error)
	AuthorizationCounts(ctx context.Context, f edigw.AuthorizationFilter, scope *edigw.Scope) (edigw.AuthorizationCounts, error)
	Authorization(ctx context.Context, id int64, scope *edigw.Scope) (*edigw.StoredAuthorization, error)
	// AuthorizationClaims are the claims linked to a request.
	AuthorizationClaims(ctx context.Context, authID int64, scope *edigw.Scope) ([]edigw.StoredClaim, error)
}
