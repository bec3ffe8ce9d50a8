package api

import (
	"context"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// Store is what the API's handlers ask of the records store, and nothing
// more: storage.DB is one; cmd wires it. It is declared here, where it is
// used (decision 0016). Reads take the token's scope (nil reads
// everything) and answer edigw.ErrNotFound for a record outside it.
type Store interface {
	// Tokens (auth.go, submit_scope.go).

	// TokenByHash finds a live token; edigw.ErrNotFound when unknown,
	// revoked or expired.
	TokenByHash(ctx context.Context, secretHash []byte) (*edigw.Token, error)
	// TouchToken records that the token was just used, unless that was
	// recorded less than a minute ago (so a busy token costs one write a
	// minute, not one a request).
	TouchToken(ctx context.Context, id int64) error
	// ProviderDeclared reports whether the operator has declared the NPI
	// as billing under the TIN: a live token's scope holds that TIN as its
	// only TIN, and that NPI. Submissions rely on it to let a token scoped
	// by one of the two vouch for the other (see docs/api.md).
	ProviderDeclared(ctx context.Context, tin, npi string) (bool, error)

	// Claims (claims.go).

	// QueueClaims adds claims to send. The idempotency key makes a
	// retried submission return the first one's IDs instead of queuing
	// twice (edigw.ErrIdempotencyConflict for other claims under the key).
	QueueClaims(ctx context.Context, idempotencyKey string, claims []*edigw.Claim) ([]int64, error)
	Claim(ctx context.Context, id int64, scope *edigw.Scope) (*edigw.StoredClaim, error)
	// QueueClaimStatusInquiries queues 276 inquiries, all or none
	// (claimIDs[i]: the claim inquiry i is about, 0 when asked by its
	// fields), and ClaimStatusInquiry reads one back in scope, with the
	// 277's answer once it arrived (claimstatus.go).
	QueueClaimStatusInquiries(ctx context.Context, qs []*edigw.ClaimStatusInquiry, claimIDs []int64) ([]int64, error)
	ClaimStatusInquiry(ctx context.Context, id int64, scope *edigw.Scope) (*edigw.StoredClaimStatusInquiry, error)
	// FindAuthorizations is mapping.AuthorizationLookup: the approved
	// authorizations that may cover submitted claims (authcheck.go).
	FindAuthorizations(ctx context.Context, queries []mapping.AuthorizationQuery) ([]*edigw.AuthorizationRequest, error)
	// SearchClaims lists the claims in scope that pass the filter, a
	// cursor feed in ID order (claims_list.go).
	SearchClaims(ctx context.Context, f edigw.ClaimFilter, scope *edigw.Scope) ([]edigw.StoredClaim, error)

	// Authorizations (authorizations.go).

	// QueueAuthorizationsIn is QueueClaims for authorization requests;
	// a request links to the original it refers to only inside the
	// submitter's scope.
	QueueAuthorizationsIn(ctx context.Context, idempotencyKey string, reqs []*edigw.AuthorizationRequest, scope *edigw.Scope) ([]int64, error)
	Authorization(ctx context.Context, id int64, scope *edigw.Scope) (*edigw.StoredAuthorization, error)
	// Authorizations is the worklist (authorizations_list.go): the
	// requests in scope that pass the filter, newest first, ID < f.After.
	Authorizations(ctx context.Context, f edigw.AuthorizationFilter, scope *edigw.Scope) ([]edigw.AuthorizationListItem, error)
	// AuthorizationCounts counts them per status (the filter's statuses
	// and cursor aside): the worklist's tabs.
	AuthorizationCounts(ctx context.Context, f edigw.AuthorizationFilter, scope *edigw.Scope) (edigw.AuthorizationCounts, error)
	// PriorAuthorizationMetrics is the prior-authorization report
	// (reports.go); nil scope: every provider's requests.
	PriorAuthorizationMetrics(ctx context.Context, q edigw.MetricsQuery, scope *edigw.Scope) ([]edigw.PriorAuthorizationMetrics, error)

	// Eligibility (eligibility.go).

	// QueueEligibility adds inquiries to the next outbound 270 to their
	// payer, with the idempotency of QueueClaims.
	QueueEligibility(ctx context.Context, idempotencyKey string, inquiries []*edigw.EligibilityInquiry) ([]int64, error)
	// Eligibility reads an inquiry and its answer inside the scope.
	Eligibility(ctx context.Context, id int64, scope *edigw.Scope) (*edigw.StoredEligibility, error)

	// Remittances and the event feed (feeds.go): cursor feeds of the
	// records with ID > after, in ID order, at most limit, read through
	// the per-provider indexes so that a page costs what the scope's
	// records cost, whatever the size of the table.

	Remittance(ctx context.Context, id int64, scope *edigw.Scope) (*edigw.StoredRemittance, error)
	RemittancesOf(ctx context.Context, after int64, limit int, scope *edigw.Scope) ([]edigw.StoredRemittance, error)
	// EventsOfKinds reads the events about the given subjects ("claim",
	// "authorization", "remittance") of the given kinds (none: all).
	EventsOfKinds(ctx context.Context, after int64, limit int, scope *edigw.Scope, subjects []string, kinds []edigw.EventKind) ([]edigw.Event, error)

	// Files (files.go).

	// File returns a ledger entry.
	File(ctx context.Context, id int64) (*edigw.File, error)
	// FileAudience is who may read a ledger entry: the records it
	// carries; for an acknowledgment edigw wrote (a file with a parent),
	// those of the file it answers; for acknowledgments a partner sent,
	// the records edigw sent that they answer, as matched at ingest.
	FileAudience(ctx context.Context, id int64) (*edigw.Audience, error)
	// ClaimFiles lists the files about a claim, oldest first: the file
	// that carried it, the acknowledgments that answer it (TA1, 999,
	// 277CA) and the remittances that pay it.
	ClaimFiles(ctx context.Context, claimID int64) ([]edigw.File, error)
	// ClaimHistory is a claim's timeline, oldest first (history.go).
	ClaimHistory(ctx context.Context, claimID int64) ([]edigw.ClaimHistoryEntry, error)
	// OverdueFiles lists the sent files whose acknowledgment is overdue
	// (files_overdue.go), ID > after in ID order, at most limit.
	OverdueFiles(ctx context.Context, after int64, limit int) ([]edigw.OverdueFile, error)
	// FileEvent adds an operator event about a file to the feed (a
	// download whose bytes do not have the recorded digest).
	FileEvent(ctx context.Context, kind edigw.EventKind, f *edigw.File, status string) error

	// Holds (holds.go): the payer side's, on undecided requests
	// (edigw.ErrDecided otherwise); the request as it then stands.

	SetAuthorizationHold(ctx context.Context, id int64, h edigw.HoldUpdate) (*edigw.StoredAuthorization, error)
	// ReleaseAuthorizationHold: the information arrived (edigw.ErrNotOnHold
	// when there is no hold).
	ReleaseAuthorizationHold(ctx context.Context, id int64) (*edigw.StoredAuthorization, error)
}

// providerDeclarer is what a submission's provider check asks of the
// store (submit_scope.go).
type providerDeclarer interface {
	ProviderDeclared(ctx context.Context, tin, npi string) (bool, error)
}
