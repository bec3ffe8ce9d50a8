package storage

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

var remittanceColumns = []string{"key", "payer_id", "file_id", "trace_number", "payment_amount", "payment_method",
	"payment_date", "payee_npi", "payee_tin", "record"}

var claimPaymentColumns = []string{"id", "remittance_key", "ordinal", "payer_id", "patient_control_number", "claim_id",
	"status_code", "charge", "paid", "patient_responsibility", "payer_claim_number", "record"}

var servicePaymentColumns = []string{"claim_payment_id", "ordinal", "procedure_qualifier", "procedure_code", "charge",
	"paid", "service_from", "service_to", "line_item_control_number"}

var adjustmentColumns = []string{"claim_payment_id", "service_ordinal", "ordinal", "group_code", "reason", "amount", "quantity"}

// remittancePayer is the payer a remittance's claims are looked up under:
// REF*2U, else the N1*PR identifier.
func remittancePayer(rm *edigw.Remittance) edigw.PayerID {
	if rm.PayerID != "" {
		return rm.PayerID
	}
	return edigw.PayerID(rm.Payer.ID)
}

// payeeTIN is REF*TJ, or N1*PE's identifier when it is a tax ID (FI).
func payeeTIN(p edigw.Party) string {
	if p.TaxID != "" {
		return p.TaxID
	}
	if p.IDQualifier == "FI" {
		return p.ID
	}
	return ""
}

// AddRemittances stores 835s with their claim payments, service payments
// and adjustments (COPY), links each payment to the latest claim of its
// payer and CLP01, moves those claims on, and stages a remittance.received
// event per remittance and an event per claim status change.
func (in *ingest) AddRemittances(ctx context.Context, rms []*edigw.Remittance) error {
	if err := in.check(); err != nil {
		return err
	}
	if len(rms) == 0 {
		return nil
	}
	if err := in.addRemittances(ctx, rms); err != nil {
		return wrap("add remittances", err)
	}
	in.res.Remittances += len(rms)
	return nil
}

func (in *ingest) addRemittances(ctx context.Context, rms []*edigw.Remittance) error {
	npay := 0
	var keys []claimKey
	for _, rm := range rms {
		npay += len(rm.Claims)
		for _, cp := range rm.Claims {
			keys = append(keys, claimKey{remittancePayer(rm), cp.PatientControlNumber})
		}
	}
	// Keys now; feed IDs at commit (eventStage.flush).
	rmKeys, err := nextIDs(ctx, in.tx, "remittance_keys", len(rms))
	if err != nil {
		return err
	}
	payIDs, err := nextIDs(ctx, in.tx, "claim_payment_ids", npay)
	if err != nil {
		return err
	}
	claims, err := lockLatestClaims(ctx, in.tx, keys, false)
	if err != nil {
		return err
	}

	_, err = in.tx.CopyFrom(ctx, pgx.Identifier{"remittances"}, remittanceColumns,
		pgx.CopyFromSlice(len(rms), func(i int) ([]any, error) {
			// The claim payments are records of their own (below): one
			// 835 can pay thousands of claims, and a document that size
			// costs several times more per byte to load as JSONB.
			rm := *rms[i]
			rm.Claims = nil
			rec, err := json.Marshal(&rm)
			if err != nil {
				return nil, fmt.Errorf("remittance %d: %w", i, err)
			}
			return []any{rmKeys[i], string(remittancePayer(&rm)), in.fileID, nullable(rm.TraceNumber),
				int64(rm.PaymentAmount), nullable(rm.PaymentMethod), date(rm.PaymentDate),
				nullable(rm.Payee.NPI()), nullable(payeeTIN(rm.Payee)), rec}, nil
		}))
	if err != nil {
		return fmt.Errorf("remittances: %w", err)
	}

	// Claim payments, in file order, with the status each moves its claim to.
	var changes []claimChange
	var evs []event
	payRows := make([][]any, 0, npay)
	var svcRows, adjRows [][]any
	p := 0
	for i, rm := range rms {
		payer := remittancePayer(rm)
		for j := range rm.Claims {
			cp := &rm.Claims[j]
			var claimID *int64
			if c, ok := claims[claimKey{payer, cp.PatientControlNumber}]; ok {
				claimID = &c.id
				status := paymentStatus(cp)
				reason := fmt.Sprintf("835 TRN02 %s CLP02 %s", rm.TraceNumber, cp.StatusCode)
				if status != c.status {
					c.status = status
					changes = append(changes, claimChange{id: c.id, status: status, reason: reason})
					evs = append(evs, event{kind: claimEventKind(status), payer: payer, subject: subjectClaim,
						subjectID: c.id, reference: cp.PatientControlNumber, status: string(status), tin: c.tin, npi: c.npi})
				}
			}
			rec, err := json.Marshal(cp)
			if err != nil {
				return fmt.Errorf("remittance %d, claim payment %d: %w", i, j, err)
			}
			payRows = append(payRows, []any{payIDs[p], rmKeys[i], j + 1, string(payer), cp.PatientControlNumber, claimID,
				cp.StatusCode, int64(cp.Charge), int64(cp.Paid), int64(cp.PatientResponsibility), nullable(cp.PayerClaimNumber), rec})
			for k, a := range cp.Adjustments {
				adjRows = append(adjRows, adjustmentRow(payIDs[p], nil, k+1, a))
			}
			for s := range cp.Services {
				sp := &cp.Services[s]
				from, to := periodDates(sp.ServiceDate)
				svcRows = append(svcRows, []any{payIDs[p], s + 1, nullable(sp.ProcedureQualifier), nullable(sp.ProcedureCode),
					int64(sp.Charge), int64(sp.Paid), from, to, nullable(sp.LineItemControlNumber)})
				ord := s + 1
				for k, a := range sp.Adjustments {
					adjRows = append(adjRows, adjustmentRow(payIDs[p], &ord, k+1, a))
				}
			}
			p++
		}
		evs = append(evs, event{kind: edigw.EventRemittance, payer: payer, subject: subjectRemittance, subjectID: rmKeys[i],
			reference: rm.TraceNumber, status: "received", tin: payeeTIN(rm.Payee), npi: rm.Payee.NPI()})
	}
	for _, cp := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"claim_payments", claimPaymentColumns, payRows},
		{"service_payments", servicePaymentColumns, svcRows},
		{"adjustments", adjustmentColumns, adjRows},
	} {
		if len(cp.rows) == 0 {
			continue
		}
		if _, err := in.tx.CopyFrom(ctx, pgx.Identifier{cp.table}, cp.cols, pgx.CopyFromRows(cp.rows)); err != nil {
			return fmt.Errorf("%s: %w", cp.table, err)
		}
	}
	if err := setClaimStatuses(ctx, in.tx, changes, in.fileID); err != nil {
		return err
	}
	in.events.remittancesOf = in.fileID
	return in.events.add(ctx, in.tx, evs)
}

func adjustmentRow(payID int64, service *int, ordinal int, a edigw.Adjustment) []any {
	return []any{payID, service, ordinal, a.Group, a.Reason, int64(a.Amount), nullable(a.Quantity)}
}

// paymentStatus is where an 835 claim payment moves its claim: CLP02 22
// reverses it; CLP02 4 or nothing paid denies it; paid in full (CLP04 =
// CLP03) pays it; anything else is a partial payment.
func paymentStatus(cp *edigw.ClaimPayment) edigw.ClaimStatus {
	switch {
	case cp.StatusCode == "22":
		return edigw.ClaimReversed
	case cp.StatusCode == "4" || cp.Paid == 0:
		return edigw.ClaimDenied
	case cp.Paid == cp.Charge:
		return edigw.ClaimPaid
	}
	return edigw.ClaimPartiallyPaid
}

func claimEventKind(s edigw.ClaimStatus) edigw.EventKind {
	switch s {
	case edigw.ClaimAccepted:
		return edigw.EventClaimAccepted
	case edigw.ClaimRejected:
		return edigw.EventClaimRejected
	case edigw.ClaimPaid:
		return edigw.EventClaimPaid
	case edigw.ClaimPartiallyPaid:
		return edigw.EventClaimPartiallyPaid
	case edigw.ClaimDenied:
		return edigw.EventClaimDenied
	case edigw.ClaimReversed:
		return edigw.EventClaimReversed
	}
	return edigw.EventClaimSubmitted
}
