package storage

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// What the HTTP API asks to apply a token's entitlements and scope.

// EventsOf returns the events about the subjects with ID > after, in ID
// order, at most limit (as Events), those of scope only (nil: all), read
// through the (tin, id) and (npi, id) indexes (see api_feeds.go).
func (db *DB) EventsOf(ctx context.Context, after int64, limit int, scope *edigw.Scope, subjects []string) ([]edigw.Event, error) {
	return db.EventsOfKinds(ctx, after, limit, scope, subjects, nil)
}

// EventsOfKinds is EventsOf narrowed to some kinds of event (none: all).
// A kind filter reads the scope's events in ID order until a page fills
// (no index by kind): a rare kind costs what the provider's events after
// the cursor cost.
func (db *DB) EventsOfKinds(ctx context.Context, after int64, limit int, scope *edigw.Scope, subjects []string, kinds []edigw.EventKind) ([]edigw.Event, error) {
	const columns = `SELECT ` + eventColumns + ` FROM events`
	ks := make([]string, len(kinds))
	for i, k := range kinds {
		ks[i] = string(k)
	}
	var rows pgx.Rows
	var err error
	if scope == nil {
		rows, err = db.pool.Query(ctx, columns+` WHERE id > $1 AND subject = ANY($3::text[])
			AND (cardinality($4::text[]) = 0 OR kind = ANY($4::text[])) ORDER BY id LIMIT $2`,
			after, pageSize(limit), subjects, ks)
	} else {
		f := newScopeFilter(scope)
		rows, err = db.pool.Query(ctx, `WITH page AS (`+scopedPage("events", "tin", "npi",
			"subject = ANY($5::text[]) AND (cardinality($6::text[]) = 0 OR kind = ANY($6::text[]))")+`)
			`+columns+` WHERE id IN (SELECT id FROM page) ORDER BY id`, after, pageSize(limit), f.tins, f.npis, subjects, ks)
	}
	if err != nil {
		return nil, wrap("events of", err)
	}
	out, err := pgx.CollectRows(rows, scanEvent)
	return out, wrap("events of", err)
}

// collectAudience reads (subject, tin, npi) rows.
func collectAudience(rows pgx.Rows) (*edigw.Audience, error) {
	defer rows.Close()
	a := &edigw.Audience{}
	seen := map[string]bool{}
	for rows.Next() {
		var subject string
		var p edigw.Provider
		if err := rows.Scan(&subject, &p.TIN, &p.NPI); err != nil {
			return nil, err
		}
		if !seen[subject] {
			seen[subject] = true
			a.Subjects = append(a.Subjects, subject)
		}
		a.Providers = append(a.Providers, p)
	}
	return a, rows.Err()
}

// ClaimFiles lists the files about a claim in ledger order: the file that
// carried it; the acknowledgments answering the interchange (TA1) or the
// group (999) it went out in (from the claim's payer's partner: another
// partner's file naming the same envelope is not about it), and those
// that moved its status (277CA, a rejecting 999); and the files of the
// remittances paying it.
func (db *DB) ClaimFiles(ctx context.Context, claimID int64) ([]edigw.File, error) {
	rows, err := db.pool.Query(ctx, `
		WITH c AS (SELECT file_id, interchange_id, ltrim(coalesce(group_number, ''), '0') AS grp, payer_id FROM claims WHERE id = $1),
		ic AS (SELECT sender_id, receiver_id, ltrim(control_number, '0') AS number FROM interchanges
			WHERE id = (SELECT interchange_id FROM c)),
		ids AS (
			SELECT file_id FROM c
			UNION SELECT file_id FROM claim_status_history WHERE claim_id = $1
			UNION SELECT r.file_id FROM claim_payments p JOIN remittances r ON r.key = p.remittance_key WHERE p.claim_id = $1
			UNION SELECT a.file_id FROM acknowledgments a, ic, c
				WHERE a.receiver_id = ic.sender_id AND a.sender_id = ic.receiver_id AND a.kind IN ('TA1', '999')
				  AND coalesce(a.payer_id, c.payer_id) = c.payer_id
				  AND (a.kind = 'TA1' AND ltrim(a.acknowledged, '0') = ic.number OR a.kind = '999' AND ltrim(a.acknowledged, '0') = c.grp))
		SELECT `+fileColumns+` FROM files WHERE id IN (SELECT file_id FROM ids) ORDER BY id`, claimID)
	if err != nil {
		return nil, wrap("claim files", err)
	}
	defer rows.Close()
	var out []edigw.File
	for rows.Next() {
		f, err := scanFile(rows)
		if err != nil {
			return nil, wrap("claim files", err)
		}
		out = append(out, *f)
	}
	return out, wrap("claim files", rows.Err())
}
