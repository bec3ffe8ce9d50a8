package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// Claim status inquiries (276, 005010X212): queued by the API, sent by the
// outbound batcher, answered by a 277 (migration 0019).

const subjectClaimStatus = "claim_status"

// QueueClaimStatusInquiries stores inquiries to send to their payers, in
// one transaction: all or none. claimIDs[i] is the claim inquiry i is
// about when it is one the gateway holds (0, or a short slice: asked by
// its fields). Each inquiry's trace number (TRN02) is edigw's own, CS and
// its ID, which the 277 repeats; whatever the record held there is
// replaced. An inquiry is kept under its provider, what scopes read it
// by: the claim's billing provider, by TIN and NPI, for an inquiry about
// a claim (the 276 names it by one of them, and a token reading the claim
// by the other must read the inquiry too), else the provider it names.
func (db *DB) QueueClaimStatusInquiries(ctx context.Context, qs []*edigw.ClaimStatusInquiry, claimIDs []int64) ([]int64, error) {
	ids := make([]int64, len(qs))
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		for i, q := range qs {
			rec := *q
			var claim any
			if i < len(claimIDs) && claimIDs[i] > 0 {
				claim = claimIDs[i]
			}
			tin, npi := providerIDs(rec.Provider)
			if err := tx.QueryRow(ctx, `INSERT INTO claim_status_inquiries (payer_id, claim_id, billing_tin, billing_npi, record, outbound_state)
				SELECT $1, $2, coalesce(c.billing_tin, nullif($3, '')), coalesce(c.billing_npi, nullif($4, '')), '{}', 'queued'
				FROM (SELECT) o LEFT JOIN claims c ON c.id = $2 RETURNING id`,
				string(rec.PayerID), claim, tin, npi).Scan(&ids[i]); err != nil {
				return err
			}
			rec.TraceNumber = fmt.Sprintf("CS%d", ids[i])
			raw, err := json.Marshal(&rec)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `UPDATE claim_status_inquiries SET record = $2, trace_number = $3 WHERE id = $1`,
				ids[i], raw, rec.TraceNumber); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, wrap("queue claim status inquiries", err)
	}
	return ids, nil
}

// providerIDs is the TIN and NPI a 276 or 277 names its provider by
// (2100C NM108 FI or XX).
func providerIDs(p edigw.Party) (tin, npi string) {
	switch p.IDQualifier {
	case "FI":
		return p.ID, ""
	case "XX":
		return "", p.ID
	}
	return "", ""
}

// ClaimStatusInquiry returns an inquiry in scope (an NPI alone, declared
// under the scope's TIN, is in it: authScope.providerSQL), with its
// answer once a 277 brought one.
func (db *DB) ClaimStatusInquiry(ctx context.Context, id int64, scope *edigw.Scope) (*edigw.StoredClaimStatusInquiry, error) {
	within, err := db.authScopeOf(ctx, scope)
	if err != nil {
		return nil, err
	}
	cond, args := within.providerSQL("billing_tin", "billing_npi", []any{id, edigw.InquiryAnswered, edigw.InquirySent, edigw.InquiryQueued})
	var s edigw.StoredClaimStatusInquiry
	var raw, resp []byte
	var claim *int64
	err = db.pool.QueryRow(ctx, `SELECT id, claim_id, CASE WHEN response IS NOT NULL THEN $2 WHEN outbound_state = 'sent' THEN $3 ELSE $4 END,
			record, response FROM claim_status_inquiries WHERE id = $1 AND `+cond, args...).Scan(&s.ID, &claim, &s.Status, &raw, &resp)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, edigw.ErrNotFound
	}
	if err != nil {
		return nil, wrap("claim status inquiry", err)
	}
	if claim != nil {
		s.ClaimID = *claim
	}
	s.Inquiry = &edigw.ClaimStatusInquiry{}
	if err := json.Unmarshal(raw, s.Inquiry); err != nil {
		return nil, wrap("claim status inquiry", err)
	}
	if resp != nil {
		s.Response = &edigw.ClaimStatusResponse{}
		if err := json.Unmarshal(resp, s.Response); err != nil {
			return nil, wrap("claim status inquiry", err)
		}
	}
	return &s, nil
}

// TakeQueuedClaimStatusInquiries leases queued inquiries of a payer as
// TakeQueuedClaims does claims.
func (db *DB) TakeQueuedClaimStatusInquiries(ctx context.Context, payer edigw.PayerID, limit int) ([]edigw.QueuedClaimStatusInquiry, error) {
	return takeQueuedRecords(ctx, db, "take queued claim status inquiries", "claim_status_inquiries", "payer_id = $1",
		[]any{string(payer)}, limit, func(row pgx.Row, id *int64) (edigw.QueuedClaimStatusInquiry, error) {
			q := edigw.QueuedClaimStatusInquiry{Inquiry: &edigw.ClaimStatusInquiry{}}
			err := scanJSONRecord(row, id, q.Inquiry)
			q.ID = *id
			return q, err
		})
}

// FileClaimStatusInquiries returns the inquiries an outbound 276 carries,
// in ID order, with the envelope they went out in: the interchange, GS06
// and ST02 of the first (the batcher sends one set a file).
func (db *DB) FileClaimStatusInquiries(ctx context.Context, fileID int64) ([]*edigw.ClaimStatusInquiry, edigw.Interchange, string, string, error) {
	recs, err := db.fileRecords(ctx, "claim_status_inquiries", fileID)
	if err != nil || len(recs) == 0 {
		return nil, edigw.Interchange{}, "", "", wrap("file claim status inquiries", err)
	}
	out := make([]*edigw.ClaimStatusInquiry, len(recs))
	for i, r := range recs {
		out[i] = &edigw.ClaimStatusInquiry{}
		if err := json.Unmarshal(r.record, out[i]); err != nil {
			return nil, edigw.Interchange{}, "", "", wrap("file claim status inquiries", err)
		}
	}
	return out, recs[0].interchange, recs[0].group, recs[0].set, nil
}

// answerInquiries stores each 277 claim with the one sent inquiry it
// answers: its trace number (edigw's own), inside the file's partner and
// the provider the 277 names. An answer naming no sent inquiry stores
// nothing here (the claim it names is matched on its own, AddClaimStatuses).
func (in *ingest) answerInquiries(ctx context.Context, updates []edigw.ClaimStatusUpdate) error {
	for _, u := range updates {
		r := u.ClaimStatus
		if r == nil || r.TraceNumber == "" {
			continue
		}
		tin, npi := providerIDs(r.Provider)
		if tin == "" && npi == "" {
			continue
		}
		raw, err := json.Marshal(r)
		if err != nil {
			return err
		}
		if _, err := in.tx.Exec(ctx, `UPDATE claim_status_inquiries SET response = $5, answered_at = now(), updated_at = now()
			WHERE id = (SELECT id FROM claim_status_inquiries WHERE payer_id = $1 AND trace_number = $2
				AND outbound_state = 'sent' AND ($3 = '' OR billing_tin = $3) AND ($4 = '' OR billing_npi = $4)
				ORDER BY id DESC LIMIT 1)`,
			string(in.matchPayer(u.PayerID)), r.TraceNumber, tin, npi, raw); err != nil {
			return fmt.Errorf("claim status inquiries: %w", err)
		}
	}
	return nil
}
