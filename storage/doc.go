// Package storage is the gateway's PostgreSQL layer via pgx: migrations, the
// records store, the file and control-number ledgers, and the event feed.
//
// Migrate applies the embedded migrations (migrations/*.sql) under an
// advisory lock; Open returns a *DB, which has what the pipeline
// (clearinghouse.Store) and the HTTP API (api.Store) declare they need of
// it, and returns the edigw.Ingest of an inbound file's transaction.
//
// How the store behaves where the interface leaves room:
//
//   - Records are kept whole as JSON next to key columns (payer, CLM01 or
//     trace number, provider TIN and NPI, status, amounts in cents, dates),
//     so fields added to the domain need no migration: claims, remittances
//     and claim payments as json (text as written, cheap to bulk-load;
//     migration 0004), authorizations and acknowledgments as jsonb (the API
//     looks inside them). The status columns
//     are authoritative: reads set Claim.Status and
//     AuthorizationRequest.Status from them.
//   - An ingest is one transaction. BeginIngest enters the file in the
//     ledger (and sets File.ID); AddClaims and AddRemittances bulk-load with
//     COPY, taking record IDs from sequences first so that lines, payments
//     and adjustments name their parents in the same load. Commit is where
//     a duplicate digest shows (edigw.ErrDuplicateFile); a duplicate
//     interchange shows at Interchange.
//   - Links use the latest match: a claim's REF*G1 finds the authorization
//     whose decision (event or service) carries that certification number;
//     an 835 claim payment finds the claim of its payer (REF*2U, else N1*PR)
//     and CLP01; a 278 response finds the request of its payer and trace
//     number, else it is stored as a new authorization; acknowledgments
//     find the latest claim edigw sent, or every claim of a sent set.
//   - Event and remittance IDs are handed out at commit under one advisory
//     lock, so both feeds' cursors are gap-safe (see events.go).
//   - LockKey holds a pooled connection per locked key; Close ends them, and
//     the server frees their locks.
//
// Its integration tests need a PostgreSQL server: run them with `make test`
// or `bash scripts/with-services.sh go test ./storage/...` (see
// internal/testenv).
package storage
