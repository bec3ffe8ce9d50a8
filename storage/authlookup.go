package storage

import (
	"context"
	"fmt"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// FindAuthorizations is mapping.AuthorizationLookup over the records
// store: the approved (or partially approved) authorizations that may
// cover a batch of claims, in one query for the whole batch. For each
// claim, those of its payer that name one of its providers (the requester
// or a service provider, authorizations.provider_npis) and carry its
// REF*G1 certification number on the event or a service; for a claim that
// names none, those of its payer and providers for the same member (the
// index of migration 0012). A certification number is matched inside
// the payer and the claim's providers, never alone (issue 11). mapping
// matches each claim again in memory (mapping/payers/match.go).
func (db *DB) FindAuthorizations(ctx context.Context, queries []mapping.AuthorizationQuery) ([]*edigw.AuthorizationRequest, error) {
	return db.findAuthorizations(ctx, queries, nil)
}

// AuthorizationLookupIn is FindAuthorizations over the authorizations a
// scope reads (as the worklist and GET /v1/authorizations/{id}: authScope),
// for claims a reader wrote itself (the console's upload): such a claim
// may name any provider's NPI and certification number, and what the
// rules then find must not tell whether another provider's authorization
// exists.
func (db *DB) AuthorizationLookupIn(scope *edigw.Scope) mapping.AuthorizationLookup {
	if scope == nil {
		scope = &edigw.Scope{}
	}
	return scopedLookup{db, scope}
}

type scopedLookup struct {
	db    *DB
	scope *edigw.Scope
}

func (l scopedLookup) FindAuthorizations(ctx context.Context, queries []mapping.AuthorizationQuery) ([]*edigw.AuthorizationRequest, error) {
	return l.db.findAuthorizations(ctx, queries, l.scope)
}

// findAuthorizations is FindAuthorizations inside a scope (nil: all).
func (db *DB) findAuthorizations(ctx context.Context, queries []mapping.AuthorizationQuery, scope *edigw.Scope) ([]*edigw.AuthorizationRequest, error) {
	// One row per claim and provider: the query's unnest pairs them.
	var ord []int32
	var payers, npis, certs, members []string
	for i, q := range queries {
		for _, npi := range q.ProviderNPIs {
			if npi == "" {
				continue
			}
			ord = append(ord, int32(i))
			payers = append(payers, string(q.PayerID))
			npis = append(npis, npi)
			certs = append(certs, q.CertificationNumber)
			members = append(members, q.MemberID)
		}
	}
	if len(ord) == 0 {
		return nil, nil
	}
	as, err := db.authScopeOf(ctx, scope)
	if err != nil {
		return nil, err
	}
	// Unscoped (the pipeline's check), the lookup also links: for each
	// query with a certification number, the latest authorization of any
	// status that carries it inside the payer and provider (the REF*G1
	// link of insertClaims, authorizationsByCertification), whose ID the
	// check hands to the claim. Such an authorization comes back with
	// usable false when the check may not use it (not approved).
	links := scope == nil
	inScope, args := as.sql("a.", []any{ord, payers, npis, certs, members, links})
	rows, err := db.pool.Query(ctx, `
		WITH q AS (
			SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[]) AS q (i, payer, npi, cert, member)
		), by_cert AS (
			SELECT q.i, a.id FROM q
			JOIN authorizations a ON a.payer_id = q.payer AND a.certification_number = q.cert
			WHERE q.cert <> '' AND q.npi = ANY (a.provider_npis)
			UNION
			SELECT q.i, a.id FROM q
			JOIN authorization_services s ON s.payer_id = q.payer AND s.certification_number = q.cert
			JOIN authorizations a ON a.id = s.authorization_id
			WHERE q.cert <> '' AND q.npi = ANY (a.provider_npis)
		), by_member AS (
			SELECT a.id FROM q
			JOIN authorizations a ON a.payer_id = q.payer AND (a.record -> 'subscriber' ->> 'memberId') = q.member
			WHERE q.cert = '' AND q.member <> '' AND q.npi = ANY (a.provider_npis)
		), linked AS (
			SELECT id, array_agg(i) AS queries FROM (SELECT i, max(id) AS id FROM by_cert WHERE $6 GROUP BY i) l GROUP BY id
		)
		SELECT a.id, a.payer_id, a.provider_npis, `+authFactsColumns+`,
			a.status IN ('Approved', 'Partially Approved'), coalesce(l.queries, '{}')
		FROM authorizations a
		LEFT JOIN linked l ON l.id = a.id
		LEFT JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(a.record -> 'services') = 'array'
			THEN a.record -> 'services' ELSE '[]' END) WITH ORDINALITY AS s (svc, n) ON true
		WHERE a.id IN (SELECT id FROM by_cert UNION SELECT id FROM by_member)
			AND (a.status IN ('Approved', 'Partially Approved') AND `+inScope+` OR l.id IS NOT NULL)
		ORDER BY a.id, s.n`, args...)
	if err != nil {
		return nil, fmt.Errorf("storage: find authorizations: %w", err)
	}
	defer rows.Close()
	if links {
		for i := range queries {
			if queries[i].CertificationNumber != "" && len(queries[i].ProviderNPIs) > 0 {
				queries[i].Link = edigw.CertificationLink{Known: true}
			}
		}
	}
	var out []*edigw.AuthorizationRequest
	var last int64
	var started bool
	var row authFactsRow
	var usable bool
	var linked []int32
	dest := append(row.dest(), &usable, &linked)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("storage: find authorizations: %w", err)
		}
		first := !started || row.id != last
		started, last = true, row.id
		if first {
			for _, i := range linked {
				queries[i].Link.ID = row.id
			}
		}
		if !usable {
			continue
		}
		if first {
			out = append(out, row.authorization())
		}
		if row.hasService {
			a := out[len(out)-1]
			a.Services = append(a.Services, row.service())
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: find authorizations: %w", err)
	}
	return out, nil
}

var _ mapping.AuthorizationLookup = (*DB)(nil)
