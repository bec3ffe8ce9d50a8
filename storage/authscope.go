package storage

import (
	"context"
	"fmt"

	"github.com/edigw/edigw"
)

// authScope is a reader's scope over authorizations (decision 0024): the
// token's TINs and NPIs as everywhere, and the NPIs the operator declared
// under its TINs (ProviderDeclared: a live token holding one of those
// TINs alone, and the NPI). A 278 often names its requester by NPI only;
// such a request (no requester TIN) is then the declared TIN's. A request
// that names a TIN stays that TIN's: a declared NPI does not bring
// another TIN's requests into a TIN token's scope.
type authScope struct {
	all                  bool
	tins, npis, declared []string
}

// authScopeOf resolves a scope's declared NPIs (nil: everything).
func (db *DB) authScopeOf(ctx context.Context, scope *edigw.Scope) (authScope, error) {
	if scope == nil {
		return authScope{all: true}, nil
	}
	s := authScope{tins: nonEmpty(scope.TINs), npis: nonEmpty(scope.NPIs), declared: []string{}}
	if len(s.tins) == 0 {
		return s, nil
	}
	err := db.pool.QueryRow(ctx, `SELECT coalesce(array_agg(DISTINCT n ORDER BY n), '{}')
		FROM api_tokens, unnest(scope_npis) n
		WHERE cardinality(scope_tins) = 1 AND scope_tins[1] = ANY($1::text[]) AND n <> ''
		  AND NOT n = ANY($2::text[]) AND `+liveToken, s.tins, s.npis).Scan(&s.declared)
	return s, wrap("declared providers", err)
}

// sql is the condition that a request is in scope, on the table's alias
// (a."..."; "" for none), appending the scope's arrays to args. It is
// provider_npis && npis written as the requester's NPI or another's, so
// that each part has its index (0015).
func (s authScope) sql(alias string, args []any) (string, []any) {
	return s.cond(alias, args, true)
}

// requesterSQL is sql without the service providers: the requests the
// scope's providers asked for themselves. A provider's prior-authorization
// report is its own turnaround (decision 0025), and any requester may name
// another practice as a service provider (SJ): counted by sql, a stranger
// could add requests to that practice's figures.
func (s authScope) requesterSQL(alias string, args []any) (string, []any) {
	return s.cond(alias, args, false)
}

// cond is sql, or requesterSQL without the other (service) providers.
func (s authScope) cond(alias string, args []any, others bool) (string, []any) {
	if s.all {
		return "TRUE", args
	}
	args = append(args, s.tins, s.npis, s.declared)
	tins, npis, declared := len(args)-2, len(args)-1, len(args)
	named := func(npisArg int) string {
		c := fmt.Sprintf("%srequester_npi = ANY($%d::text[])", alias, npisArg)
		if others {
			c += fmt.Sprintf(" OR (%[1]sother_npis <> '{}' AND %[1]sother_npis && $%[2]d::text[])", alias, npisArg)
		}
		return c
	}
	return fmt.Sprintf("(%srequester_tin = ANY($%d::text[]) OR %s OR (%srequester_tin IS NULL AND (%s)))",
		alias, tins, named(npis), alias, named(declared)), args
}

// providerSQL is the condition that a record kept under one provider
// (columns tin and npi: an eligibility or claim status inquiry) is in
// scope, appending the scope's arrays to args: its TIN or its NPI is the
// scope's, or it names no TIN and its NPI is declared under one of the
// scope's TINs. A token may submit such a record (api/submit_scope.go)
// and reads it back, as a request naming its requester by NPI alone.
func (s authScope) providerSQL(tin, npi string, args []any) (string, []any) {
	if s.all {
		return "TRUE", args
	}
	args = append(args, s.tins, s.npis, s.declared)
	n := len(args)
	return fmt.Sprintf("(%[1]s = ANY($%[3]d::text[]) OR %[2]s = ANY($%[4]d::text[]) OR (%[1]s IS NULL AND %[2]s = ANY($%[5]d::text[])))",
		tin, npi, n-2, n-1, n), args
}

// page is a scoped page's ID query, newest first: each TIN's and NPI's
// requests read from its own (provider, id) index backwards from the
// cursor, as many as a page, so that a page costs what the provider's
// requests cost, not the table. $1 is the cursor (ID < $1), $2 the page
// size, $3 to $5 the TINs, NPIs and declared NPIs; cond holds for every
// entry read, from the index's columns. rowCond, when not empty, is
// checked on the rows of the entries that pass cond (alias r): what the
// indexes cannot hold (a procedure among more services than they keep).
func (authScope) page(cond, rowCond string) string {
	walk := func(where string) string {
		if rowCond == "" {
			return `SELECT id FROM authorizations WHERE ` + where + ` AND id < $1 AND ` + cond + ` ORDER BY id DESC LIMIT $2`
		}
		// OFFSET 0 keeps the index's part apart, read index-only; the
		// rows are read for its entries alone, until a page is full.
		return `SELECT c.id FROM (SELECT id FROM authorizations WHERE ` + where + ` AND id < $1 AND ` + cond + `
				ORDER BY id DESC OFFSET 0) c JOIN authorizations r ON r.id = c.id WHERE ` + rowCond + ` ORDER BY c.id DESC LIMIT $2`
	}
	return `SELECT id FROM (
			SELECT x.id FROM unnest($3::text[]) AS s (v) CROSS JOIN LATERAL (` + walk("requester_tin = s.v") + `) x
			UNION
			SELECT x.id FROM unnest($4::text[]) AS s (v) CROSS JOIN LATERAL (` + walk("requester_npi = s.v") + `) x
			UNION
			SELECT x.id FROM unnest($5::text[]) AS s (v) CROSS JOIN LATERAL (` + walk("requester_npi = s.v AND requester_tin IS NULL") + `) x
			UNION
			SELECT id FROM (SELECT id FROM authorizations r
				WHERE other_npis <> '{}' AND (other_npis && $4::text[] OR (other_npis && $5::text[] AND requester_tin IS NULL))
				  AND id < $1 AND ` + cond + ` AND ` + orTrue(rowCond) + `
				ORDER BY id DESC LIMIT $2) o
		) u ORDER BY id DESC LIMIT $2`
}

// statuses is the scope's requests that pass cond, as (id, status), for
// the tab counts: each part read from its provider index alone (status
// is INCLUDEd), and rowCond (when not empty) checked on the rows of the
// entries that pass cond, as in page. $1 to $3 are the TINs, NPIs and
// declared NPIs.
func (authScope) statuses(cond, rowCond string) string {
	part := func(where string) string {
		if rowCond == "" {
			return `SELECT id, status FROM authorizations WHERE ` + where + ` AND ` + cond
		}
		return `SELECT c.id, c.status FROM (SELECT id, status FROM authorizations WHERE ` + where + ` AND ` + cond + ` OFFSET 0) c
			JOIN authorizations r ON r.id = c.id WHERE ` + rowCond
	}
	return part("requester_tin = ANY($1::text[])") + `
		UNION ` + part("requester_npi = ANY($2::text[])") + `
		UNION ` + part("requester_npi = ANY($3::text[]) AND requester_tin IS NULL") + `
		UNION ` + part("other_npis <> '{}' AND (other_npis && $2::text[] OR (other_npis && $3::text[] AND requester_tin IS NULL))")
}
