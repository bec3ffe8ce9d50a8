package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// AddAcknowledgments stores TA1s, 999s and 277CAs a partner sent back,
// records whose records they answer (answerEnvelopes, addClaimStatuses),
// and applies the claim status changes they decide with their events.
// What an acknowledgment decides (Accepted, StatusUpdates) is mapping's
// reading of it: storage saves it and knows no X12 code.
func (in *ingest) AddAcknowledgments(ctx context.Context, acks []*edigw.Acknowledgment) error {
	if err := in.check(); err != nil {
		return err
	}
	if len(acks) == 0 {
		return nil
	}
	var updates []edigw.ClaimStatusUpdate
	rows := make([][]any, 0, len(acks))
	for _, a := range acks {
		rec, err := json.Marshal(a)
		if err != nil {
			return wrap("add acknowledgments", err)
		}
		in.ackOrdinal++
		// The partner whose prefix the file came in, whatever the
		// acknowledgment says (as every answer is matched: matchPayer).
		payer := in.matchPayer(a.PayerID)
		rows = append(rows, []any{in.fileID, in.ackOrdinal, string(a.Kind), nullable(string(payer)),
			strings.TrimSpace(a.SenderID), strings.TrimSpace(a.ReceiverID), a.InterchangeNumber,
			nullable(a.GroupNumber), nullable(a.SetNumber), nullable(acknowledged(a)), a.Accepted, rec})
		for _, u := range a.StatusUpdates {
			if u.PayerID == "" {
				u.PayerID = payer // the partner's, given after mapping read the acknowledgment
			}
			updates = append(updates, u)
		}
	}
	_, err := in.tx.CopyFrom(ctx, pgx.Identifier{"acknowledgments"}, []string{"file_id", "ordinal", "kind", "payer_id",
		"sender_id", "receiver_id", "interchange_number", "group_number", "set_number", "acknowledged", "accepted", "record"},
		pgx.CopyFromRows(rows))
	if err != nil {
		return wrap("add acknowledgments", err)
	}
	if err := in.answerEnvelopes(ctx, acks); err != nil {
		return wrap("add acknowledgments", err)
	}
	n, err := in.addClaimStatuses(ctx, updates)
	if err != nil {
		return wrap("add acknowledgments", err)
	}
	in.res.Acknowledgments += len(acks)
	in.res.StatusUpdates += n
	return nil
}

// acknowledged is the envelope an acknowledgment answers.
func acknowledged(a *edigw.Acknowledgment) string {
	switch {
	case a.Interchange != nil:
		return a.Interchange.ControlNumber
	case a.Group != nil:
		return a.Group.ControlNumber
	case a.Claims != nil && len(a.Claims.Sources) > 0:
		return a.Claims.Sources[0].BatchNumber
	}
	return ""
}

// FileAcknowledgments returns the acknowledgments an inbound file carried,
// in file order.
func (db *DB) FileAcknowledgments(ctx context.Context, fileID int64) ([]*edigw.StoredAcknowledgment, error) {
	rows, err := db.pool.Query(ctx, `SELECT id, file_id, record, created_at FROM acknowledgments
		WHERE file_id = $1 ORDER BY ordinal`, fileID)
	if err != nil {
		return nil, wrap("file acknowledgments", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (*edigw.StoredAcknowledgment, error) {
		s := &edigw.StoredAcknowledgment{}
		var rec []byte
		var created time.Time
		if err := row.Scan(&s.ID, &s.FileID, &rec, &created); err != nil {
			return nil, err
		}
		s.ReceivedAt = created
		if err := json.Unmarshal(rec, &s.Acknowledgment); err != nil {
			return nil, fmt.Errorf("acknowledgment %d: %w", s.ID, err)
		}
		return s, nil
	})
	return out, wrap("file acknowledgments", err)
}
