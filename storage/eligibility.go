package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// subjectEligibility is the event subject (and MarkSent subject) of
// eligibility inquiries (migration 0020).
const subjectEligibility = "eligibility"

// QueueEligibility stores eligibility inquiries to send (queued for the
// next outbound 270 to their payer), with the idempotency of QueueClaims.
// Each is kept under its requesting provider (receiver NPI and TIN), which
// is what scopes read it by and what its answer must name.
func (db *DB) QueueEligibility(ctx context.Context, idempotencyKey string, inquiries []*edigw.EligibilityInquiry) ([]int64, error) {
	return queue(ctx, db, idempotencyKey, subjectEligibility, inquiries, func(tx pgx.Tx) ([]int64, []event, error) {
		ids := make([]int64, len(inquiries))
		for i, q := range inquiries {
			raw, err := json.Marshal(q)
			if err != nil {
				return nil, nil, err
			}
			if err := tx.QueryRow(ctx, `INSERT INTO eligibility_inquiries (payer_id, provider_tin, provider_npi, trace_number, record)
				VALUES ($1, $2, $3, $4, $5) RETURNING id`, string(q.PayerID), nullable(strings.TrimSpace(q.Receiver.TaxID)),
				nullable(strings.TrimSpace(q.Receiver.NPI())), q.TraceNumber, raw).Scan(&ids[i]); err != nil {
				return nil, nil, err
			}
		}
		return ids, nil, nil
	})
}

// Eligibility returns a stored inquiry with its answer, if one came, when
// its requesting provider is in the scope (nil reads every one; an NPI
// alone, declared under the scope's TIN, is in it: authScope.providerSQL);
// edigw.ErrNotFound otherwise.
func (db *DB) Eligibility(ctx context.Context, id int64, scope *edigw.Scope) (*edigw.StoredEligibility, error) {
	within, err := db.authScopeOf(ctx, scope)
	if err != nil {
		return nil, err
	}
	cond, args := within.providerSQL("provider_tin", "provider_npi", []any{id})
	var (
		raw, resp []byte
		s         edigw.StoredEligibility
	)
	err = db.pool.QueryRow(ctx, `SELECT id, CASE WHEN response IS NOT NULL THEN 'received' ELSE outbound_state END,
			record, response, created_at, received_at
		FROM eligibility_inquiries WHERE id = $1 AND `+cond, args...).Scan(&s.ID, &s.Status, &raw, &resp, &s.CreatedAt, &s.ReceivedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, edigw.ErrNotFound
	}
	if err != nil {
		return nil, wrap("eligibility", err)
	}
	s.Inquiry = &edigw.EligibilityInquiry{}
	if err := json.Unmarshal(raw, s.Inquiry); err != nil {
		return nil, wrap("eligibility", fmt.Errorf("inquiry %d: %w", s.ID, err))
	}
	if resp != nil {
		s.Response = &edigw.EligibilityResponse{}
		if err := json.Unmarshal(resp, s.Response); err != nil {
			return nil, wrap("eligibility", fmt.Errorf("inquiry %d response: %w", s.ID, err))
		}
	}
	return &s, nil
}

// TakeQueuedEligibility leases queued inquiries of a payer as
// TakeQueuedClaims does claims.
func (db *DB) TakeQueuedEligibility(ctx context.Context, payer edigw.PayerID, limit int) ([]edigw.QueuedEligibility, error) {
	return takeQueuedRecords(ctx, db, "take queued eligibility", "eligibility_inquiries", "payer_id = $1",
		[]any{string(payer)}, limit, func(row pgx.Row, id *int64) (edigw.QueuedEligibility, error) {
			q := edigw.QueuedEligibility{Inquiry: &edigw.EligibilityInquiry{}}
			err := scanJSONRecord(row, id, q.Inquiry)
			q.ID = *id
			return q, err
		})
}

// FileEligibility returns the inquiries an outbound 270 carries, in ID
// order, with their envelope numbers.
func (db *DB) FileEligibility(ctx context.Context, fileID int64) ([]edigw.SentEligibility, error) {
	return fileRecordsAs(ctx, db, "file eligibility", "eligibility_inquiries", fileID, func(r sentRecord) (edigw.SentEligibility, error) {
		q := &edigw.EligibilityInquiry{}
		if err := json.Unmarshal(r.record, q); err != nil {
			return edigw.SentEligibility{}, fmt.Errorf("inquiry %d: %w", r.id, err)
		}
		return edigw.SentEligibility{Inquiry: q, Interchange: r.interchange, Group: r.group, Set: r.set}, nil
	})
}

// RecordEligibilityResponses matches the members of a 271 that came in
// file fileID from payer's partner to the inquiries they answer, and
// stores each matched answer with an eligibility.received event. It
// returns the inquiry each member answered, 0 for one that matched none
// or several.
//
// The trace number is the provider's: a response is matched only to an
// inquiry sent to this payer by the provider the 271 names as information
// receiver (2100B NPI, and its TIN when given: each identifier given must
// be the inquiry's, and one must be given), and only when that leaves
// exactly one inquiry not answered before (docs/clearinghouse.md,
// Matching rules). Anything else changes nothing.
func (db *DB) RecordEligibilityResponses(ctx context.Context, fileID int64, payer edigw.PayerID, responses []*edigw.EligibilityResponse) ([]int64, error) {
	var ids []int64
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		var evs []event
		var err error
		ids, evs, err = matchEligibility(ctx, tx, fileID, payer, responses, db.now())
		if err != nil {
			return err
		}
		return raiseEvents(ctx, tx, evs)
	})
	if err != nil {
		return nil, wrap("record eligibility responses", err)
	}
	return ids, nil
}

// AddEligibilityResponses is RecordEligibilityResponses inside an inbound
// file's ingest: the answers commit with the file, their events join its
// feed entries, and those that matched nothing or several are counted in
// IngestResult.Unmatched.
func (in *ingest) AddEligibilityResponses(ctx context.Context, responses []*edigw.EligibilityResponse) error {
	if err := in.check(); err != nil {
		return err
	}
	ids, evs, err := matchEligibility(ctx, in.tx, in.fileID, in.payer, responses, in.now)
	if err != nil {
		return wrap("eligibility responses", err)
	}
	for _, id := range ids {
		if id == 0 {
			in.res.Unmatched++
		}
	}
	return wrap("eligibility responses", in.events.add(ctx, in.tx, evs))
}

// matchEligibility matches and stores the answers in tx (see
// RecordEligibilityResponses) and returns the events to raise.
func matchEligibility(ctx context.Context, tx pgx.Tx, fileID int64, payer edigw.PayerID, responses []*edigw.EligibilityResponse,
	now time.Time) ([]int64, []event, error) {
	out := make([]int64, len(responses))
	var evs []event
	for i, r := range responses {
		npi, tin := strings.TrimSpace(r.Receiver.NPI()), strings.TrimSpace(r.Receiver.TaxID)
		if r.TraceNumber == "" || npi == "" && tin == "" {
			evs = append(evs, unmatchedEligibility(fileID, payer, i, missNone))
			continue
		}
		rows, err := tx.Query(ctx, `SELECT id, coalesce(provider_tin, ''), coalesce(provider_npi, '') FROM eligibility_inquiries
			WHERE payer_id = $1 AND trace_number = $2 AND outbound_state = 'sent' AND response IS NULL
				AND ($3 = '' OR provider_npi = $3) AND ($4 = '' OR provider_tin = $4)
			ORDER BY id FOR UPDATE`, string(payer), r.TraceNumber, npi, tin)
		if err != nil {
			return nil, nil, err
		}
		type hit struct {
			id       int64
			tin, npi string
		}
		hits, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (hit, error) {
			var h hit
			return h, row.Scan(&h.id, &h.tin, &h.npi)
		})
		if err != nil {
			return nil, nil, err
		}
		if len(hits) != 1 { // none, or several: nothing changes
			why := missNone
			if len(hits) > 1 {
				why = missAmbiguous
			}
			evs = append(evs, unmatchedEligibility(fileID, payer, i, why))
			continue
		}
		raw, err := json.Marshal(r)
		if err != nil {
			return nil, nil, err
		}
		h := hits[0]
		if _, err := tx.Exec(ctx, `UPDATE eligibility_inquiries SET response = $2, response_file_id = $3, status = 'received',
			received_at = $4, updated_at = now() WHERE id = $1`, h.id, raw, nullableID(fileID), now); err != nil {
			return nil, nil, err
		}
		out[i] = h.id
		evs = append(evs, event{kind: edigw.EventEligibilityReceived, payer: payer, subject: subjectEligibility, subjectID: h.id,
			reference: r.TraceNumber, status: edigw.EligibilityReceived, tin: h.tin, npi: h.npi})
	}
	// A file answering what edigw could not find is nobody's but the
	// operators' (docs/clearinghouse.md): an empty provider in its audience.
	for _, id := range out {
		if id == 0 && fileID != 0 {
			if _, err := tx.Exec(ctx, `INSERT INTO file_audience (file_id, subject, tin, npi) VALUES ($1, $2, '', '')
				ON CONFLICT DO NOTHING`, fileID, subjectEligibility); err != nil {
				return nil, nil, err
			}
			break
		}
	}
	return out, evs, nil
}

// unmatchedEligibility is the operators' event about a 271 member that
// changed nothing: about the file, the member named by its place (271
// member n, from 1), no provider, no value from inside the set.
func unmatchedEligibility(fileID int64, payer edigw.PayerID, i int, why string) event {
	return event{kind: edigw.EventEligibilityUnmatched, payer: payer, subject: subjectFile, subjectID: fileID,
		reference: fmt.Sprintf("271 member %d", i+1), status: why}
}

func nullableID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}
