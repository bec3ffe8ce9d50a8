package storage

import (
	"context"
	"fmt"
	"strconv"

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
// and adjustments (COPY), links each payment to the one claim its CLP01
// names inside the payee and the file's partner (paymentQuery,
// matchClaims), moves those claims to the status each payment carries
// (ClaimPayment.ClaimStatus, as mapping derived it), and stages a remittance.received
// event per remittance and an event per claim status change. A payment
// that matches no claim, or several, is stored unlinked, counted
// (IngestResult.Unmatched) and reported (payment.unmatched).
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
	var qs []claimQuery
	for _, rm := range rms {
		npay += len(rm.Claims)
		for j := range rm.Claims {
			qs = append(qs, paymentQuery(in.matchPayer(remittancePayer(rm)), rm, &rm.Claims[j]))
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
	claims, miss, err := matchClaims(ctx, in.tx, qs)
	if err != nil {
		return err
	}

	enc := newRecordEncoder()
	_, err = in.tx.CopyFrom(ctx, pgx.Identifier{"remittances"}, remittanceColumns,
		pgx.CopyFromSlice(len(rms), func(i int) ([]any, error) {
			// The claim payments are records of their own (below): one
			// 835 can pay thousands of claims, and one document that
			// size costs more per byte to load.
			rm := *rms[i]
			rm.Claims = nil
			rec, err := enc.encode(&rm)
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

	// The claims the payments move, in file order, and the events: decided
	// first, so that the rows below stream into the COPYs as they are
	// encoded, one row in memory at a time.
	var changes []claimChange
	var evs []event
	payClaims := make([]*int64, 0, npay)
	for i, rm := range rms {
		payer := remittancePayer(rm)
		for j := range rm.Claims {
			cp := &rm.Claims[j]
			q := len(payClaims)
			c := claims[q]
			if c == nil {
				payClaims = append(payClaims, nil)
				evs = append(evs, in.unmatched(edigw.EventPaymentUnmatched, qs[q].payer, subjectRemittance, rmKeys[i],
					"CLP "+strconv.Itoa(j+1), miss[q]))
				continue
			}
			payClaims = append(payClaims, &c.id)
			status := cp.ClaimStatus // mapping's reading of CLP02 and the amounts
			if status != "" && status != c.status {
				c.status = status
				changes = append(changes, claimChange{id: c.id, status: status, reason: cp.StatusReason})
				evs = append(evs, event{kind: claimEventKind(status), payer: payer, subject: subjectClaim,
					subjectID: c.id, reference: cp.PatientControlNumber, status: string(status), tin: c.tin, npi: c.npi})
			}
		}
		evs = append(evs, event{kind: edigw.EventRemittance, payer: payer, subject: subjectRemittance, subjectID: rmKeys[i],
			reference: rm.TraceNumber, status: "received", tin: payeeTIN(rm.Payee), npi: rm.Payee.NPI()})
	}

	pays := newPaymentCursor(rms)
	row := make([]any, len(claimPaymentColumns))
	_, err = in.tx.CopyFrom(ctx, pgx.Identifier{"claim_payments"}, claimPaymentColumns,
		pgx.CopyFromFunc(func() ([]any, error) {
			if !pays.next() {
				return nil, nil
			}
			cp, p := pays.payment(), pays.at
			rec, err := enc.encode(cp)
			if err != nil {
				return nil, fmt.Errorf("remittance %d, claim payment %d: %w", pays.rm, pays.cp, err)
			}
			row[0], row[1], row[2], row[3], row[4], row[5] = &payIDs[p], &rmKeys[pays.rm], pays.cp+1, string(pays.payer()),
				&cp.PatientControlNumber, payClaims[p]
			row[6], row[7], row[8], row[9], row[10], row[11] = &cp.StatusCode, int64(cp.Charge), int64(cp.Paid),
				int64(cp.PatientResponsibility), nullable(cp.PayerClaimNumber), rec
			return row, nil
		}))
	if err != nil {
		return fmt.Errorf("claim_payments: %w", err)
	}

	pays = newPaymentCursor(rms)
	svc := 0 // the next service payment of the current claim payment
	svcRow := make([]any, len(servicePaymentColumns))
	_, err = in.tx.CopyFrom(ctx, pgx.Identifier{"service_payments"}, servicePaymentColumns,
		pgx.CopyFromFunc(func() ([]any, error) {
			for pays.at < 0 || svc >= len(pays.payment().Services) {
				if !pays.next() {
					return nil, nil
				}
				svc = 0
			}
			sp := &pays.payment().Services[svc]
			svc++
			from, to := periodDates(sp.ServiceDate)
			svcRow[0], svcRow[1], svcRow[2], svcRow[3], svcRow[4] = &payIDs[pays.at], svc, nullable(sp.ProcedureQualifier),
				nullable(sp.ProcedureCode), int64(sp.Charge)
			svcRow[5], svcRow[6], svcRow[7], svcRow[8] = int64(sp.Paid), from, to, nullable(sp.LineItemControlNumber)
			return svcRow, nil
		}))
	if err != nil {
		return fmt.Errorf("service_payments: %w", err)
	}

	// Adjustments: each claim payment's own (service_ordinal NULL), then
	// each of its services'.
	pays = newPaymentCursor(rms)
	level, a := -1, 0 // the list in the current claim payment (-1: its own, else its service's) and the next in it
	adjRow := make([]any, len(adjustmentColumns))
	_, err = in.tx.CopyFrom(ctx, pgx.Identifier{"adjustments"}, adjustmentColumns,
		pgx.CopyFromFunc(func() ([]any, error) {
			for {
				if pays.at >= 0 {
					cp := pays.payment()
					list := cp.Adjustments
					if level >= 0 {
						list = cp.Services[level].Adjustments
					}
					if a < len(list) {
						adj := &list[a]
						a++
						var service *int
						if level >= 0 {
							ord := level + 1
							service = &ord
						}
						adjRow[0], adjRow[1], adjRow[2], adjRow[3] = &payIDs[pays.at], service, a, &adj.Group
						adjRow[4], adjRow[5], adjRow[6] = &adj.Reason, int64(adj.Amount), nullable(adj.Quantity)
						return adjRow, nil
					}
					if level+1 < len(cp.Services) {
						level, a = level+1, 0
						continue
					}
				}
				if !pays.next() {
					return nil, nil
				}
				level, a = -1, 0
			}
		}))
	if err != nil {
		return fmt.Errorf("adjustments: %w", err)
	}
	if err := setClaimStatuses(ctx, in.tx, changes, in.fileID); err != nil {
		return err
	}
	in.events.remittancesOf = in.fileID
	return in.events.add(ctx, in.tx, evs)
}

// paymentQuery is what a claim payment says of the claim it pays: CLP01,
// inside the payee (N1*PE NPI, REF*TJ or N1*PE FI) as billing provider and
// the file's partner; CLP07 tells apart claims sent again under one number.
func paymentQuery(payer edigw.PayerID, rm *edigw.Remittance, cp *edigw.ClaimPayment) claimQuery {
	return claimQuery{payer: payer, pcn: cp.PatientControlNumber, npi: rm.Payee.NPI(), tin: payeeTIN(rm.Payee),
		anyEnvelope: true, payerClaimNumber: cp.PayerClaimNumber}
}

// claimEvents are the events of a claim's moves to a status.
var claimEvents = map[edigw.ClaimStatus]edigw.EventKind{
	edigw.ClaimAccepted: edigw.EventClaimAccepted, edigw.ClaimRejected: edigw.EventClaimRejected,
	edigw.ClaimPaid: edigw.EventClaimPaid, edigw.ClaimPartiallyPaid: edigw.EventClaimPartiallyPaid,
	edigw.ClaimDenied: edigw.EventClaimDenied, edigw.ClaimProcessed: edigw.EventClaimProcessed,
	edigw.ClaimForwarded: edigw.EventClaimForwarded, edigw.ClaimReplaced: edigw.EventClaimReplaced,
	edigw.ClaimVoided: edigw.EventClaimVoided, edigw.ClaimReversed: edigw.EventClaimReversed,
	edigw.ClaimPended: edigw.EventClaimPended,
}

// claimEventKind is the event of a claim's move to a status
// (claim.submitted for any other).
func claimEventKind(s edigw.ClaimStatus) edigw.EventKind {
	if k, ok := claimEvents[s]; ok {
		return k
	}
	return edigw.EventClaimSubmitted
}

// paymentCursor walks the claim payments of a batch of remittances in
// file order.
type paymentCursor struct {
	rms    []*edigw.Remittance
	rm, cp int // the current remittance and its claim payment
	at     int // the current claim payment's place in the batch
}

func newPaymentCursor(rms []*edigw.Remittance) *paymentCursor {
	return &paymentCursor{rms: rms, cp: -1, at: -1}
}

// next moves to the next claim payment; false after the last.
func (c *paymentCursor) next() bool {
	c.cp++
	for c.rm < len(c.rms) && c.cp >= len(c.rms[c.rm].Claims) {
		c.rm, c.cp = c.rm+1, 0
	}
	if c.rm == len(c.rms) {
		return false
	}
	c.at++
	return true
}

func (c *paymentCursor) payment() *edigw.ClaimPayment { return &c.rms[c.rm].Claims[c.cp] }
func (c *paymentCursor) payer() edigw.PayerID         { return remittancePayer(c.rms[c.rm]) }
