package storage

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/edigw/edigw"
)

// Claim search (GET /v1/claims). A page is found in one of three ways, the
// cheapest the filter allows, and the other conditions filter the rows
// each way reads:
//
//   - by patient control number: each payer's (payer, CLM01, id) entries,
//     few whatever the table's size, then the scope;
//   - inside a scope or for one NPI: each provider's (tin, id) or
//     (npi, id) entries in ID order (scopedPage), as the feeds are read;
//   - for operators with neither: the primary key from the cursor.
//
// The scope is applied in SQL on every way: a search never reads a row of
// another provider into the answer, and a number that another provider's
// claim carries finds nothing (docs/api.md, GET /v1/claims).

// SearchClaims returns the claims visible in scope (nil: all) that pass
// the filter, with ID > f.After in ID order, at most f.Limit.
func (db *DB) SearchClaims(ctx context.Context, f edigw.ClaimFilter, scope *edigw.Scope) ([]edigw.StoredClaim, error) {
	sf := newScopeFilter(scope)
	// $1 is the cursor and $2 the page size; a scan by provider takes its
	// TINs and NPIs as $3 and $4 (scopedPage); the conditions follow.
	args := []any{f.After, pageSize(f.Limit)}
	byProvider := f.PatientControlNumber == "" && (f.NPI != "" || !sf.all)
	if byProvider {
		if f.NPI != "" {
			args = append(args, []string{}, []string{f.NPI}) // one provider; the scope filters it below
		} else {
			args = append(args, sf.tins, sf.npis)
		}
	}
	q := &claimConds{args: args}
	if len(f.Statuses) > 0 {
		statuses := make([]string, len(f.Statuses))
		for i, s := range f.Statuses {
			statuses[i] = string(s)
		}
		q.add("status = ANY(%s::text[])", statuses)
	}
	if !f.From.IsZero() {
		q.add("coalesce(service_to, service_from) >= %s::date", f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		q.add("coalesce(service_from, service_to) <= %s::date", f.To.Format(time.DateOnly))
	}
	if f.PatientControlNumber != "" {
		q.add("patient_control_number = %s", f.PatientControlNumber)
		if f.NPI != "" {
			q.add("billing_npi = %s", f.NPI)
		}
	}
	if !sf.all && (f.PatientControlNumber != "" || f.NPI != "") {
		var c string
		c, q.args = sf.sql("billing_tin", "billing_npi", q.args)
		q.conds = append(q.conds, c)
	}
	var page string
	switch {
	case f.PatientControlNumber != "":
		page = `SELECT x.id FROM payers p CROSS JOIN LATERAL (
				SELECT id FROM claims WHERE payer_id = p.id AND id > $1 AND ` + q.sql() + `
				ORDER BY id LIMIT $2) x
			ORDER BY id LIMIT $2`
	case byProvider:
		page = scopedPage("claims", "billing_tin", "billing_npi", q.sql())
	default:
		page = `SELECT id FROM claims WHERE id > $1 AND ` + q.sql() + ` ORDER BY id LIMIT $2`
	}
	rows, err := db.pool.Query(ctx, `WITH page AS (`+page+`)
		SELECT `+storedClaimColumns+` FROM claims WHERE id IN (SELECT id FROM page) ORDER BY id`, q.args...)
	if err != nil {
		return nil, wrap("search claims", err)
	}
	out, err := collectValues(rows, scanStoredClaim)
	return out, wrap("search claims", err)
}

// claimConds builds a search's conditions and their arguments.
type claimConds struct {
	conds []string
	args  []any
}

// add appends a condition whose %s is the placeholder of v.
func (q *claimConds) add(format string, v any) {
	q.args = append(q.args, v)
	q.conds = append(q.conds, fmt.Sprintf(format, fmt.Sprintf("$%d", len(q.args))))
}

func (q *claimConds) sql() string {
	if len(q.conds) == 0 {
		return "TRUE"
	}
	return strings.Join(q.conds, " AND ")
}
