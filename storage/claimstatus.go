package storage

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

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

// AddClaimStatuses applies acknowledgments to claims. A per-claim update
// (a 277CA's) moves the one claim its patient control number, billing
// provider and envelope match inside the file's partner (matchClaims);
// one that matches no claim, or several, changes nothing and is counted
// and reported (acknowledgment.unmatched). An envelope update moves every
// claim of the outbound set, group or interchange it names (SenderID and
// ReceiverID are ISA06 and ISA08 of the interchange the claims went out
// in, GroupNumber GS06 and SetNumber ST02; leading zeros do not matter),
// when exactly one interchange edigw sent to that partner matches. A claim
// moves only from a status the update's MovesFrom lists (mapping's rule:
// not once an 835 has paid, denied or reversed it). IngestResult.StatusUpdates
// counts the claims whose status changed. The claims matched make the
// file's audience (file_audience).
func (in *ingest) AddClaimStatuses(ctx context.Context, updates []edigw.ClaimStatusUpdate) error {
	if err := in.check(); err != nil {
		return err
	}
	n, err := in.addClaimStatuses(ctx, updates)
	if err == nil {
		err = in.answerInquiries(ctx, updates) // claimstatus_inquiries.go
	}
	if err != nil {
		return wrap("add claim statuses", err)
	}
	in.res.StatusUpdates += n
	return nil
}

func (in *ingest) addClaimStatuses(ctx context.Context, updates []edigw.ClaimStatusUpdate) (int, error) {
	var qs []claimQuery
	var at []int // the update of each query
	for i, u := range updates {
		if u.PatientControlNumber != "" || u.GroupNumber == "" && u.InterchangeNumber == "" {
			qs = append(qs, claimQuery{payer: in.matchPayer(u.PayerID), pcn: u.PatientControlNumber,
				npi: u.ProviderNPI, tin: u.ProviderTIN, partner: u.ReceiverID, us: u.SenderID,
				payerClaimNumber: u.PayerClaimNumber, batch: u.BatchNumber})
			at = append(at, i)
		}
	}
	found, miss, err := matchClaims(ctx, in.tx, qs)
	if err != nil {
		return 0, err
	}
	byUpdate := make(map[int]int, len(at)) // update -> query
	for q, u := range at {
		byUpdate[u] = q
	}
	// One lockedClaim per claim, so that a claim named twice moves on
	// from the status the first update gave it.
	seen := map[int64]*lockedClaim{}
	for _, c := range found {
		if c != nil {
			seen[c.id] = c
		}
	}
	type claimRef struct {
		c     *lockedClaim
		payer edigw.PayerID
		pcn   string
	}
	aud := audience{}
	var changes []claimChange
	var evs []event
	for i, u := range updates {
		var targets []claimRef
		if q, ok := byUpdate[i]; ok {
			c := found[q]
			if c == nil {
				ref := u.Answer
				if ref == "" {
					ref = fmt.Sprintf("claim status update %d", i+1)
				}
				evs = append(evs, in.unmatched(edigw.EventAckUnmatched, qs[q].payer, subjectFile, in.fileID, ref, miss[q]))
				aud.unattributed(subjectClaim)
				continue
			}
			aud.add(subjectClaim, c.tin, c.npi)
			targets = append(targets, claimRef{c, qs[q].payer, u.PatientControlNumber})
		} else {
			set, err := lockSetClaims(ctx, in.tx, in.matchPayer(u.PayerID), u)
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
			if u.Received != "" {
				evs = append(evs, event{kind: u.Received, payer: t.payer, subject: subjectClaim, subjectID: t.c.id,
					reference: t.pcn, status: string(t.c.status), tin: t.c.tin, npi: t.c.npi})
			}
			if u.Status == "" || t.c.status == u.Status || !slices.Contains(u.MovesFrom, t.c.status) {
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
	if err := aud.save(ctx, in.tx, in.fileID); err != nil {
		return 0, err
	}
	return len(changes), in.events.add(ctx, in.tx, evs)
}

type setClaim struct {
	lockedClaim
	payer edigw.PayerID
	pcn   string
}

// answeredInterchanges finds the interchange edigw sent that an envelope
// answer (a TA1's ISA13, a 999's GS06) names: sent by us to partner (the
// answer's ISA08 and ISA06, exactly), under that control number, holding
// claims or authorization requests of the payer (in the group the 999
// names). Leading zeros do not matter: edigw writes its numbers at one
// width, and the sender and receiver already keep partners apart. At most
// two are returned: more than one is ambiguous and changes nothing.
func answeredInterchanges(ctx context.Context, q querier, payer edigw.PayerID, us, partner, isa, group string) ([]int64, error) {
	if isa == "" && group == "" {
		return nil, nil // names nothing: never every file sent to the partner
	}
	rows, err := q.Query(ctx, `
		SELECT i.id FROM interchanges i
		WHERE i.direction = 'outbound' AND i.sender_id = $1 AND i.receiver_id = $2
		  AND ($3 = '' OR ltrim(i.control_number, '0') = ltrim($3, '0'))
		  AND (EXISTS (SELECT 1 FROM claims x WHERE x.interchange_id = i.id
		          AND ($4 = '' OR ltrim(x.group_number, '0') = ltrim($4, '0')) AND ($5 = '' OR x.payer_id = $5))
		    OR EXISTS (SELECT 1 FROM authorizations x WHERE x.interchange_id = i.id
		          AND ($4 = '' OR ltrim(x.group_number, '0') = ltrim($4, '0')) AND ($5 = '' OR x.payer_id = $5)))
		ORDER BY i.id DESC LIMIT 2`, strings.TrimSpace(us), strings.TrimSpace(partner), isa, group, string(payer))
	if err != nil {
		return nil, fmt.Errorf("answered interchange: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// lockSetClaims locks the claims of the outbound envelope an update names,
// when exactly one interchange sent to the partner matches
// (answeredInterchanges): one set (GroupNumber and SetNumber), every set
// of a group (GroupNumber alone), or the whole interchange
// (InterchangeNumber alone). Leading zeros do not matter.
func lockSetClaims(ctx context.Context, tx pgx.Tx, payer edigw.PayerID, u edigw.ClaimStatusUpdate) ([]setClaim, error) {
	ics, err := answeredInterchanges(ctx, tx, payer, u.SenderID, u.ReceiverID, u.InterchangeNumber, u.GroupNumber)
	if err != nil || len(ics) != 1 {
		return nil, err
	}
	rows, err := tx.Query(ctx, `
		SELECT c.id, c.payer_id, c.patient_control_number, c.status, coalesce(c.billing_tin, ''), coalesce(c.billing_npi, '')
		FROM claims c WHERE c.interchange_id = $1 AND ($4 = '' OR c.payer_id = $4)
		  AND ($2 = '' OR ltrim(c.group_number, '0') = ltrim($2, '0'))
		  AND ($3 = '' OR ltrim(c.set_number, '0') = ltrim($3, '0'))
		ORDER BY c.id FOR UPDATE OF c`, ics[0], u.GroupNumber, u.SetNumber, string(payer))
	if err != nil {
		return nil, fmt.Errorf("claims of set: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (setClaim, error) {
		var s setClaim
		err := row.Scan(&s.id, &s.payer, &s.pcn, &s.status, &s.tin, &s.npi)
		return s, err
	})
}
