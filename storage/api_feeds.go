package storage

import (
	"context"
	"fmt"

	"github.com/edigw/edigw"
)

// The feeds as a token reads them. "WHERE id > $after AND (tin = ANY(...)
// OR npi = ANY(...)) ORDER BY id LIMIT n" walks the primary key from the
// cursor and filters: a provider with few records among many pays for the
// whole table after its cursor (5 ms at 20,000 remittances, growing with
// the table). Here each of the scope's TINs and NPIs reads at most n
// entries from its own (tin, id) or (npi, id) index, in order, and the
// page is the first n of their union: a page costs what the provider's
// records cost.

// scopedPage is the SQL of the IDs of a scoped page of table: those with
// ID > $1 whose tinColumn is in $3 or npiColumn in $4, in ID order, at most
// $2; cond narrows each provider's scan (written against the table's
// columns).
func scopedPage(table, tinColumn, npiColumn, cond string) string {
	return fmt.Sprintf(`SELECT id FROM (
			SELECT x.id FROM unnest($3::text[]) AS s (v) CROSS JOIN LATERAL (
				SELECT id FROM %[1]s WHERE %[2]s = s.v AND id > $1 AND %[4]s ORDER BY id LIMIT $2) x
			UNION
			SELECT x.id FROM unnest($4::text[]) AS s (v) CROSS JOIN LATERAL (
				SELECT id FROM %[1]s WHERE %[3]s = s.v AND id > $1 AND %[4]s ORDER BY id LIMIT $2) x
		) u ORDER BY id LIMIT $2`, table, tinColumn, npiColumn, cond)
}

// RemittancesOf returns the remittances of a scope (by payee TIN or NPI)
// with ID > after, in ID order, at most limit (as Remittances; nil reads
// everything, as Remittances does), read through the payee indexes.
func (db *DB) RemittancesOf(ctx context.Context, after int64, limit int, scope *edigw.Scope) ([]edigw.StoredRemittance, error) {
	if scope == nil {
		return db.Remittances(ctx, after, limit)
	}
	f := newScopeFilter(scope)
	rows, err := db.pool.Query(ctx, `WITH page AS (`+scopedPage("remittances", "payee_tin", "payee_npi", "TRUE")+`)
		SELECT `+storedRemittanceColumns+`
		WHERE r.id IN (SELECT id FROM page) ORDER BY r.id`, after, pageSize(limit), f.tins, f.npis)
	if err != nil {
		return nil, wrap("remittances of", err)
	}
	out, err := collectValues(rows, scanStoredRemittance)
	return out, wrap("remittances of", err)
}
