package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

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
// one), nor does a replacement or void (7, 8).
//
// The earlier claims with the same payer and patient control number are
// read as matchClaims reads claims, one probe of claims_control_number a
// claim, and compared here: the planner is given a keyed join and nothing
// else to choose from (a correlated EXISTS over the other columns can be
// planned as a scan per claim on a table without statistics).
func duplicateWarnings(ctx context.Context, tx pgx.Tx, claims []*edigw.Claim, ids []int64) ([]event, error) {
	var ords []int32
	var payers, pcns []string
	var cids []int64
	for i, c := range claims {
		if claimStatus(c) != edigw.ClaimRejected && !replaces(c.FrequencyCode) {
			ords, payers, pcns, cids = append(ords, int32(i)), append(payers, string(c.PayerID)), append(pcns, c.PatientControlNumber), append(cids, ids[i])
		}
	}
	if len(ords) == 0 {
		return nil, nil
	}
	rows, err := tx.Query(ctx, `SELECT k.ord, coalesce(c.billing_npi, ''), coalesce(c.billing_tin, ''), c.total_charge,
			c.service_from, c.service_to, coalesce(r.j->>'frequencyCode', ''),
			coalesce(r.j->'subscriber'->>'memberId', ''), coalesce(r.j->'patient'->>'lastName', ''),
			coalesce(r.j->'patient'->>'firstName', ''), coalesce(r.j->'patient'->>'birthDate', '')
		FROM unnest($1::int[], $2::text[], $3::text[], $4::bigint[]) AS k (ord, payer, pcn, id)
		JOIN claims c ON c.payer_id = k.payer AND c.patient_control_number = k.pcn
		CROSS JOIN LATERAL (SELECT c.record::json AS j) r -- stored as text (migration 0022), parsed once
		WHERE c.id < k.id AND c.status <> 'rejected'`, ords, payers, pcns, cids)
	if err != nil {
		return nil, fmt.Errorf("duplicates: %w", err)
	}
	dup := map[int]bool{}
	var (
		ord                       int32
		npi, tin, freq            string
		charge                    int64
		from, to                  pgtype.Date
		member, last, first, born string
	)
	_, err = pgx.ForEachRow(rows, []any{&ord, &npi, &tin, &charge, &from, &to, &freq, &member, &last, &first, &born}, func() error {
		c := claims[ord]
		cf, ct := periodDates(claimPeriod(c))
		var pl, pf, pb string
		if c.Patient != nil {
			pl, pf, pb = c.Patient.LastName, c.Patient.FirstName, c.Patient.BirthDate
		}
		if npi == c.BillingProvider.NPI() && tin == c.BillingProvider.TaxID && charge == int64(c.TotalCharge) &&
			sameDate(from, cf) && sameDate(to, ct) && !replaces(freq) &&
			member == c.Subscriber.MemberID && last == pl && first == pf && born == pb {
			dup[int(ord)] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("duplicates: %w", err)
	}
	var evs []event
	for _, o := range ords {
		if i := int(o); dup[i] {
			evs = append(evs, claimEvent(edigw.EventClaimDuplicateWarning, ids[i], claims[i], claimStatus(claims[i])))
		}
	}
	return evs, nil
}

func sameDate(a, b pgtype.Date) bool {
	return a.Valid == b.Valid && (!a.Valid || a.Time.Equal(b.Time))
}
