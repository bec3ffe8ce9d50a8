package storage

import (
	"context"

	"github.com/edigw/edigw"
)

// FileOutcome raises the outcome of an inbound file (file.processed or
// file.failed) once, whatever the number of calls: a file finished again
// after a crash raises nothing new. One event names no provider (the
// operators'); one more per provider whose records the file carried, or
// answered (FileAudience: a partner's 999 answering two providers' claims
// is news to both), so each provider's token reads its own files'
// outcomes and no other's (decisions/0027). The reference is the file's
// resting key (as FileEvent's), the status its outcome and TA1/999 codes.
// committed is what the file's ingest stored, when this process committed
// it (nil after a restart): its claims' providers are then not read again.
func (db *DB) FileOutcome(ctx context.Context, kind edigw.EventKind, f *edigw.File, status string, committed *edigw.IngestResult) error {
	var providers []edigw.Provider
	if kind == edigw.EventFileProcessed {
		var a *edigw.Audience
		var err error
		if committed != nil && committed.FileID == f.ID && f.ParentID == 0 {
			a, err = db.fileAudienceOf(ctx, f.ID, committed.ClaimProviders)
		} else {
			a, err = db.FileAudience(ctx, f.ID)
		}
		if err != nil && err != edigw.ErrNotFound {
			return err
		}
		if a != nil {
			seen := map[edigw.Provider]bool{}
			for _, p := range a.Providers {
				if (p.TIN != "" || p.NPI != "") && !seen[p] {
					seen[p] = true
					providers = append(providers, p)
				}
			}
		}
	}
	tins, npis := make([]*string, 0, len(providers)+1), make([]*string, 0, len(providers)+1)
	tins, npis = append(tins, nil), append(npis, nil)
	for _, p := range providers {
		tins, npis = append(tins, nullable(p.TIN)), append(npis, nullable(p.NPI))
	}
	ref := f.RestingKey
	if ref == "" {
		ref = f.Key
	}
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return wrap("file outcome", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, $2)", lockClass, eventsLockID); err != nil {
		return wrap("file outcome", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO events (id, at, kind, payer_id, subject, subject_id, reference, status, tin, npi)
		SELECT nextval('event_ids'), statement_timestamp(), $1, $2, 'file', $3, $4, $5, p.tin, p.npi
		FROM unnest($6::text[], $7::text[]) WITH ORDINALITY AS p (tin, npi, n)
		WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.subject = 'file' AND e.subject_id = $3
			AND e.kind IN ('file.processed', 'file.failed'))
		ORDER BY p.n`,
		kind, string(f.PayerID), f.ID, ref, status, tins, npis); err != nil {
		return wrap("file outcome", err)
	}
	return wrap("file outcome", tx.Commit(ctx))
}
