package storage

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// claimKey finds a claim: the latest of a payer with a patient control number.
type claimKey struct {
	payer edigw.PayerID
	pcn   string
}

// lockedClaim is a claim row locked for update, with the status it has
// reached so far in this transaction.
type lockedClaim struct {
	id       int64
	status   edigw.ClaimStatus
	tin, npi string
}

// claimChange moves a claim to a status.
type claimChange struct {
	id               int64
	status           edigw.ClaimStatus
	reason           string
	payerClaimNumber string
}

// lockLatestClaims finds the latest claim of each key and locks it (in ID
// order, so that concurrent ingests do not deadlock). preferOutbound looks
// at claims edigw sent first (acknowledgments answer those).
func lockLatestClaims(ctx context.Context, tx pgx.Tx, keys []claimKey, preferOutbound bool) (map[claimKey]*lockedClaim, error) {
	found := map[claimKey]*lockedClaim{}
	if len(keys) == 0 {
		return found, nil
	}
	payers := make([]string, len(keys))
	pcns := make([]string, len(keys))
	for i, k := range keys {
		payers[i], pcns[i] = string(k.payer), k.pcn
	}
	order := "id DESC"
	if preferOutbound {
		order = "(direction = 'outbound') DESC, id DESC"
	}
	rows, err := tx.Query(ctx, `
		SELECT id, payer_id, patient_control_number, status, coalesce(billing_tin, ''), coalesce(billing_npi, '')
		FROM claims WHERE id IN (
			SELECT l.id FROM (SELECT DISTINCT payer, pcn FROM unnest($1::text[], $2::text[]) AS u (payer, pcn)) k
			CROSS JOIN LATERAL (SELECT id FROM claims c
				WHERE c.payer_id = k.payer AND c.patient_control_number = k.pcn
				ORDER BY `+order+` LIMIT 1) l)
		ORDER BY id FOR UPDATE`, payers, pcns)
	if err != nil {
		return nil, fmt.Errorf("claims by control number: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k claimKey
		c := &lockedClaim{}
		if err := rows.Scan(&c.id, &k.payer, &k.pcn, &c.status, &c.tin, &c.npi); err != nil {
			return nil, err
		}
		found[k] = c
	}
	return found, rows.Err()
}

// setClaimStatuses applies status changes in order: each is a row of the
// claims' history; the claim keeps the last.
func setClaimStatuses(ctx context.Context, tx pgx.Tx, changes []claimChange, fileID int64) error {
	if len(changes) == 0 {
		return nil
	}
	last := map[int64]claimChange{}
	ids := make([]int64, len(changes))
	statuses := make([]string, len(changes))
	reasons := make([]string, len(changes))
	for i, c := range changes {
		ids[i], statuses[i], reasons[i] = c.id, string(c.status), c.reason
		if prev, ok := last[c.id]; ok && c.payerClaimNumber == "" {
			c.payerClaimNumber = prev.payerClaimNumber
		}
		last[c.id] = c
	}
	if _, err := tx.Exec(ctx, `INSERT INTO claim_status_history (claim_id, status, reason, file_id)
		SELECT id, status, reason, $4 FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u (id, status, reason)`,
		ids, statuses, reasons, fileID); err != nil {
		return fmt.Errorf("claim status history: %w", err)
	}
	var uIDs []int64
	var uStatuses, uReasons, uNumbers []string
	for id, c := range last {
		uIDs = append(uIDs, id)
		uStatuses = append(uStatuses, string(c.status))
		uReasons = append(uReasons, c.reason)
		uNumbers = append(uNumbers, c.payerClaimNumber)
	}
	if _, err := tx.Exec(ctx, `UPDATE claims c SET status = u.status, status_reason = u.reason,
			payer_claim_number = coalesce(nullif(u.number, ''), c.payer_claim_number), updated_at = now()
		FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS u (id, status, reason, number)
		WHERE c.id = u.id`, uIDs, uStatuses, uReasons, uNumbers); err != nil {
		return fmt.Errorf("claim statuses: %w", err)
	}
	return nil
}

// ackMayMove reports whether an acknowledgment (999, 277CA) may still
// change a claim's status: not once an 835 has paid, denied or reversed it.
func ackMayMove(s edigw.ClaimStatus) bool {
	return s == edigw.ClaimSubmitted || s == edigw.ClaimAccepted || s == edigw.ClaimRejected
}

// AddClaimStatuses applies acknowledgments to claims: by payer and
// patient control number (the latest claim edigw sent, else the latest),
// or every claim of an outbound set when the update names the set
// (SenderID and ReceiverID are ISA06 and ISA08 of the interchange the
// claims went out in, GroupNumber GS06 and SetNumber ST02; leading zeros
// do not matter). A claim an 835 has already moved on stays as it is.
// IngestResult.StatusUpdates counts the claims whose status changed.
func (in *ingest) AddClaimStatuses(ctx context.Context, updates []edigw.ClaimStatusUpdate) error {
	if err := in.check(); err != nil {
		return err
	}
	n, err := in.addClaimStatuses(ctx, updates)
	if err != nil {
		return wrap("add claim statuses", err)
	}
	in.res.StatusUpdates += n
	return nil
}

func (in *ingest) addClaimStatuses(ctx context.Context, updates []edigw.ClaimStatusUpdate) (int, error) {
	var keys []claimKey
	for _, u := range updates {
		if u.PatientControlNumber != "" {
			keys = append(keys, claimKey{u.PayerID, u.PatientControlNumber})
		}
	}
	byPCN, err := lockLatestClaims(ctx, in.tx, keys, true)
	if err != nil {
		return 0, err
	}
	// One lockedClaim per claim, so that a claim named twice moves on
	// from the status the first update gave it.
	seen := map[int64]*lockedClaim{}
	for _, c := range byPCN {
		seen[c.id] = c
	}
	type claimRef struct {
		c     *lockedClaim
		payer edigw.PayerID
		pcn   string
	}
	var changes []claimChange
	var evs []event
	for _, u := range updates {
		var targets []claimRef
		if u.PatientControlNumber != "" {
			if c, ok := byPCN[claimKey{u.PayerID, u.PatientControlNumber}]; ok {
				targets = append(targets, claimRef{c, u.PayerID, u.PatientControlNumber})
			}
		} else {
			set, err := lockSetClaims(ctx, in.tx, u)
			if err != nil {
				return 0, err
			}
			for _, s := range set {
				c, ok := seen[s.id]
				if !ok {
					c = &s.lockedClaim
					seen[s.id] = c
				}
				targets = append(targets, claimRef{c, s.payer, s.pcn})
			}
		}
		for _, t := range targets {
			if t.c.status == u.Status || !ackMayMove(t.c.status) {
				continue
			}
			t.c.status = u.Status
			changes = append(changes, claimChange{id: t.c.id, status: u.Status, reason: u.Reason, payerClaimNumber: u.PayerClaimNumber})
			evs = append(evs, event{kind: claimEventKind(u.Status), payer: t.payer, subject: subjectClaim, subjectID: t.c.id,
				reference: t.pcn, status: string(u.Status), tin: t.c.tin, npi: t.c.npi})
		}
	}
	if err := setClaimStatuses(ctx, in.tx, changes, in.fileID); err != nil {
		return 0, err
	}
	return len(changes), in.events.add(ctx, in.tx, evs)
}

type setClaim struct {
	lockedClaim
	payer edigw.PayerID
	pcn   string
}

// lockSetClaims locks the claims of the outbound envelope an update names,
// in the latest interchange that matches: one set (GroupNumber and
// SetNumber), every set of a group (GroupNumber alone), or the whole
// interchange (InterchangeNumber alone). Leading zeros do not matter.
func lockSetClaims(ctx context.Context, tx pgx.Tx, u edigw.ClaimStatusUpdate) ([]setClaim, error) {
	if u.GroupNumber == "" && u.InterchangeNumber == "" {
		return nil, nil // names nothing: never every claim sent to the partner
	}
	rows, err := tx.Query(ctx, `
		WITH ic AS (
			SELECT i.id FROM interchanges i
			WHERE i.direction = 'outbound' AND i.sender_id = $1 AND i.receiver_id = $2
			  AND ($5 = '' OR ltrim(i.control_number, '0') = ltrim($5, '0'))
			  AND EXISTS (SELECT 1 FROM claims x WHERE x.interchange_id = i.id
			      AND ($3 = '' OR ltrim(x.group_number, '0') = ltrim($3, '0'))
			      AND ($4 = '' OR ltrim(x.set_number, '0') = ltrim($4, '0')))
			ORDER BY i.id DESC LIMIT 1)
		SELECT c.id, c.payer_id, c.patient_control_number, c.status, coalesce(c.billing_tin, ''), coalesce(c.billing_npi, '')
		FROM claims c WHERE c.interchange_id = (SELECT id FROM ic)
		  AND ($3 = '' OR ltrim(c.group_number, '0') = ltrim($3, '0'))
		  AND ($4 = '' OR ltrim(c.set_number, '0') = ltrim($4, '0'))
		ORDER BY c.id FOR UPDATE OF c`, strings.TrimSpace(u.SenderID), strings.TrimSpace(u.ReceiverID), u.GroupNumber, u.SetNumber,
		u.InterchangeNumber)
	if err != nil {
		return nil, fmt.Errorf("claims of set: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (setClaim, error) {
		var s setClaim
		err := row.Scan(&s.id, &s.payer, &s.pcn, &s.status, &s.tin, &s.npi)
		return s, err
	})
}
