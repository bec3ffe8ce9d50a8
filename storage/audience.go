package storage

import (
	"context"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// A file's audience: who may download it (docs/clearinghouse.md, Matching
// rules). It is the providers of the records the file carries, and of the
// records it answers as they were matched when the file was ingested
// (file_audience), never worked out again from numbers a later record may
// share.

// answerEnvelopes finds, for each TA1 and 999, the interchange edigw sent
// that it answers (answeredInterchanges: to that partner, under that
// control number, of the file's partner's payer) and records the providers
// of the claims and authorization requests it carried (a 999: those of the
// group it names) as the file's audience. One that answers no interchange
// edigw sent, or several, is counted and reported (acknowledgment.unmatched)
// and makes the file nobody's but the operators'.
func (in *ingest) answerEnvelopes(ctx context.Context, acks []*edigw.Acknowledgment) error {
	aud := audience{}
	var evs []event
	for _, a := range acks {
		var isa, group string
		switch {
		case a.Interchange != nil:
			isa = a.Interchange.ControlNumber
		case a.Group != nil:
			group = a.Group.ControlNumber
		default:
			continue // a 277CA: its claims are matched one by one
		}
		payer := in.matchPayer(a.PayerID)
		ics, err := answeredInterchanges(ctx, in.tx, payer, a.ReceiverID, a.SenderID, isa, group)
		if err != nil {
			return err
		}
		if len(ics) != 1 {
			why := missNone
			if len(ics) > 1 {
				why = missAmbiguous
			}
			evs = append(evs, in.unmatched(edigw.EventAckUnmatched, payer, subjectFile, in.fileID, a.EnvelopeName(), why))
			aud.unattributed(subjectClaim)
			continue
		}
		rows, err := in.tx.Query(ctx, `
			SELECT 'claim', coalesce(billing_tin, ''), coalesce(billing_npi, '') FROM claims
			WHERE interchange_id = $1 AND ($2 = '' OR ltrim(group_number, '0') = ltrim($2, '0')) AND ($3 = '' OR payer_id = $3)
			UNION SELECT 'authorization', coalesce(requester_tin, ''), coalesce(requester_npi, '') FROM authorizations
			WHERE interchange_id = $1 AND ($2 = '' OR ltrim(group_number, '0') = ltrim($2, '0')) AND ($3 = '' OR payer_id = $3)`,
			ics[0], group, string(payer))
		if err != nil {
			return wrap("answered records", err)
		}
		var subject, tin, npi string
		_, err = pgx.ForEachRow(rows, []any{&subject, &tin, &npi}, func() error {
			aud.add(subject, tin, npi)
			return nil
		})
		if err != nil {
			return wrap("answered records", err)
		}
	}
	if err := aud.save(ctx, in.tx, in.fileID); err != nil {
		return err
	}
	return in.events.add(ctx, in.tx, evs)
}

// FileAudience lists the kinds and providers of the records a file
// carries, and of those it answers. An acknowledgment edigw wrote (a file
// with a parent) answers for its parent's records. An acknowledgment a
// partner sent (TA1, 999, 277CA) carries no records: its audience is what
// its ingest recorded in file_audience, the records it was matched to; a
// provider with neither TIN nor NPI there (an answer that matched nothing)
// makes the file nobody's. A 278 response's are the requests it was
// applied to (authorization_decisions).
func (db *DB) FileAudience(ctx context.Context, id int64) (*edigw.Audience, error) {
	var target int64
	err := db.pool.QueryRow(ctx, "SELECT coalesce(parent_id, id) FROM files WHERE id = $1", id).Scan(&target)
	if err != nil {
		return nil, wrap("file audience", notFound(err))
	}
	rows, err := db.pool.Query(ctx, fileClaimsAudience+" UNION "+fileOtherAudience, target)
	if err != nil {
		return nil, wrap("file audience", err)
	}
	a, err := collectAudience(rows)
	return a, wrap("file audience", err)
}

// fileAudienceOf is FileAudience of an inbound file just committed, whose
// claims' providers its ingest kept (IngestResult.ClaimProviders): the
// rest of the audience is read as FileAudience reads it.
func (db *DB) fileAudienceOf(ctx context.Context, id int64, claims []edigw.Provider) (*edigw.Audience, error) {
	rows, err := db.pool.Query(ctx, fileOtherAudience, id)
	if err != nil {
		return nil, wrap("file audience", err)
	}
	a, err := collectAudience(rows)
	if err != nil {
		return nil, wrap("file audience", err)
	}
	if len(claims) > 0 {
		if !slices.Contains(a.Subjects, subjectClaim) {
			a.Subjects = append([]string{subjectClaim}, a.Subjects...)
		}
		a.Providers = append(slices.Clip(claims), a.Providers...)
	}
	return a, nil
}

// The audience of file $1: the providers of the claims it carries, and of
// its other records and the records it answers (FileAudience).
const (
	fileClaimsAudience = `SELECT 'claim', coalesce(billing_tin, ''), coalesce(billing_npi, '') FROM claims WHERE file_id = $1`
	fileOtherAudience  = `
		SELECT 'remittance', coalesce(payee_tin, ''), coalesce(payee_npi, '') FROM remittances WHERE file_id = $1
		UNION SELECT 'authorization', coalesce(requester_tin, ''), coalesce(requester_npi, '') FROM authorizations WHERE file_id = $1
		UNION SELECT 'authorization', coalesce(a.requester_tin, ''), coalesce(a.requester_npi, '')
			FROM authorization_decisions d JOIN authorizations a ON a.id = d.authorization_id WHERE d.file_id = $1
		UNION SELECT 'eligibility', coalesce(provider_tin, ''), coalesce(provider_npi, '') FROM eligibility_inquiries
			WHERE file_id = $1 OR response_file_id = $1
		UNION SELECT subject, tin, npi FROM file_audience WHERE file_id = $1`
)
