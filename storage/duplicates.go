package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// duplicateWarnings returns a claim.duplicate_warning event for each of
// the just stored claims (ids) that repeats a claim stored before it:
// the same payer, billing provider (TIN and NPI), patient control number,
// dates of service, charge and patient (subscriber member ID, patient
// name and birth date), inside the billing provider only (decision 0019).
// Mapping flags a duplicate inside one file or submission as the payer's
// policy says; this one, across files, is a warning whatever the policy
// (the 277CA of the file is written by then). A rejected claim neither
// is nor makes a duplicate (a claim sent again after a rejection is not
// one), nor does a replacement or void (7, 8). Each claim is read by its
// patient control number (claims_control_number): one index probe a claim.
func duplicateWarnings(ctx context.Context, tx pgx.Tx, claims []*edigw.Claim, ids []int64) ([]event, error) {
	var check []int64 // the claims that may be duplicates, and their places
	var at []int
	for i, c := range claims {
		if claimStatus(c) != edigw.ClaimRejected && c.FrequencyCode != "7" && c.FrequencyCode != "8" {
			check, at = append(check, ids[i]), append(at, i)
		}
	}
	if len(check) == 0 {
		return nil, nil
	}
	rows, err := tx.Query(ctx, `SELECT u.ord FROM unnest($1::bigint[]) WITH ORDINALITY AS u (id, ord)
		JOIN claims n ON n.id = u.id
		WHERE EXISTS (SELECT 1 FROM claims c
			WHERE c.payer_id = n.payer_id AND c.patient_control_number = n.patient_control_number AND c.id < n.id
				AND c.billing_npi IS NOT DISTINCT FROM n.billing_npi AND c.billing_tin IS NOT DISTINCT FROM n.billing_tin
				AND c.total_charge = n.total_charge
				AND c.service_from IS NOT DISTINCT FROM n.service_from AND c.service_to IS NOT DISTINCT FROM n.service_to
				AND c.status <> 'rejected' AND coalesce(c.record->>'frequencyCode', '') NOT IN ('7', '8')
				AND c.record->'subscriber'->>'memberId' IS NOT DISTINCT FROM n.record->'subscriber'->>'memberId'
				AND c.record->'patient'->>'lastName' IS NOT DISTINCT FROM n.record->'patient'->>'lastName'
				AND c.record->'patient'->>'firstName' IS NOT DISTINCT FROM n.record->'patient'->>'firstName'
				AND c.record->'patient'->>'birthDate' IS NOT DISTINCT FROM n.record->'patient'->>'birthDate')
		ORDER BY u.ord`, check)
	if err != nil {
		return nil, fmt.Errorf("duplicates: %w", err)
	}
	ords, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("duplicates: %w", err)
	}
	evs := make([]event, 0, len(ords))
	for _, o := range ords {
		i := at[o-1]
		evs = append(evs, claimEvent(edigw.EventClaimDuplicateWarning, ids[i], claims[i], claimStatus(claims[i])))
	}
	return evs, nil
}
