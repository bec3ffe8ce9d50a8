package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// Replacement and void claims (decision 0019). A claim whose frequency
// (CLM05-3) is 7 replaces, and 8 voids, the claim its REF*F8 names by the
// payer's claim control number. The original is looked for inside the
// same payer and billing provider (its NPI, and its TIN when the
// replacement gives one), never by the number alone: another provider's
// claim with the same payer number is not it. Exactly one original is
// linked (the replacement's original_id) and moves to replaced or voided,
// with its history row and event; none, or more than one, links nothing.
// The lookup reads the provider's claims through claims_billing_npi
// (migration 0011) and filters by number: replacements are few, and an
// index on payer_claim_number would make every 277CA's update of the
// column a non-HOT one.

// replacementStatus is what a frequency code does to the original.
var replacementStatus = map[string]edigw.ClaimStatus{"7": edigw.ClaimReplaced, "8": edigw.ClaimVoided}

// replaces says whether a frequency code makes a claim a replacement or a
// void.
func replaces(frequency string) bool {
	_, ok := replacementStatus[frequency]
	return ok
}

// linkReplacements links the replacement and void claims among claims
// (stored under ids) to their originals and returns the originals' events.
// fileID is the file that carried them (nil for submitted claims).
func linkReplacements(ctx context.Context, tx pgx.Tx, claims []*edigw.Claim, ids []int64, fileID *int64) ([]event, error) {
	var evs []event
	for i, c := range claims {
		moveTo, ok := replacementStatus[c.FrequencyCode]
		npi := c.BillingProvider.NPI()
		if !ok || c.PayerClaimNumber == "" || npi == "" || claimStatus(c) == edigw.ClaimRejected {
			continue
		}
		rows, err := tx.Query(ctx, `SELECT id, patient_control_number, coalesce(billing_tin, ''), coalesce(billing_npi, '') FROM claims
			WHERE billing_npi = $1 AND payer_id = $2 AND payer_claim_number = $3 AND ($4 = '' OR billing_tin = $4)
				AND id <> $5 AND status NOT IN ('replaced', 'voided')
			LIMIT 2`, npi, string(c.PayerID), c.PayerClaimNumber, c.BillingProvider.TaxID, ids[i])
		if err != nil {
			return nil, fmt.Errorf("replacements: %w", err)
		}
		type original struct {
			id            int64
			pcn, tin, npi string
		}
		found, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (original, error) {
			var o original
			err := r.Scan(&o.id, &o.pcn, &o.tin, &o.npi)
			return o, err
		})
		if err != nil {
			return nil, fmt.Errorf("replacements: %w", err)
		}
		if len(found) != 1 {
			continue
		}
		o := found[0]
		reason := "837 CLM05-3 " + c.FrequencyCode
		if _, err := tx.Exec(ctx, `WITH moved AS (
				UPDATE claims SET status = $2, status_reason = $3, updated_at = now() WHERE id = $1 RETURNING id),
			linked AS (UPDATE claims SET original_id = $1 WHERE id = $4 RETURNING id)
			INSERT INTO claim_status_history (claim_id, status, reason, file_id) SELECT id, $2, $3, $5 FROM moved`,
			o.id, string(moveTo), reason, ids[i], fileID); err != nil {
			return nil, fmt.Errorf("replacements: %w", err)
		}
		evs = append(evs, event{kind: claimEventKind(moveTo), payer: c.PayerID, subject: subjectClaim, subjectID: o.id,
			reference: o.pcn, status: string(moveTo), tin: o.tin, npi: o.npi})
	}
	return evs, nil
}
