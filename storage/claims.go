package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

var claimColumns = []string{"id", "payer_id", "kind", "direction", "file_id", "patient_control_number",
	"billing_npi", "billing_tin", "total_charge", "service_from", "service_to", "prior_authorization",
	"authorization_id", "payer_claim_number", "status", "outbound_state", "record", "status_reason"}

var claimLineColumns = []string{"claim_id", "ordinal", "line_number", "procedure_qualifier", "procedure_code",
	"modifiers", "revenue_code", "charge", "units", "place_of_service", "service_from", "service_to",
	"line_item_control_number"}

// AddClaims stores received claims with their lines in two COPYs, each
// linked to the authorization its REF*G1 names when one is known, and
// stages a claim.submitted (claim.rejected) event for each.
func (in *ingest) AddClaims(ctx context.Context, claims []*edigw.Claim) error {
	if err := in.check(); err != nil {
		return err
	}
	// The check's links (Claim.CertifiedBy) were read outside this
	// transaction: once the file has added authorizations, which only it
	// sees until it commits, its claims are looked up inside it.
	ids, err := insertClaims(ctx, in.tx, claims, in.dir, &in.fileID, "", "", in.res.Authorizations == 0)
	if err != nil {
		return wrap("add claims", err)
	}
	evs := make([]event, len(claims))
	for i, c := range claims {
		kind := edigw.EventClaimSubmitted
		if claimStatus(c) == edigw.ClaimRejected {
			kind = edigw.EventClaimRejected
		}
		evs[i] = claimEvent(kind, ids[i], c, claimStatus(c))
	}
	replaced, err := linkReplacements(ctx, in.tx, claims, ids, &in.fileID) // replacements.go
	if err != nil {
		return wrap("add claims", err)
	}
	dups, err := duplicateWarnings(ctx, in.tx, claims, ids) // duplicates.go
	if err != nil {
		return wrap("add claims", err)
	}
	evs = append(append(append(evs, authorizationWarnings(ids, claims)...), replaced...), dups...)
	if err := in.events.add(ctx, in.tx, evs); err != nil {
		return err
	}
	in.res.Claims += len(claims)
	in.noteClaimProviders(claims)
	return nil
}

// noteClaimProviders keeps the billing providers of claims the file
// carries, as the ledger will hold them (billing_tin, billing_npi): the
// audience of the file's outcome (FileOutcome) without a second read of
// its claims, which cost 0.27 s after the commit of a 100,000-claim file.
func (in *ingest) noteClaimProviders(claims []*edigw.Claim) {
	if in.claimProviders == nil {
		in.claimProviders = map[edigw.Provider]bool{}
	}
	for _, c := range claims {
		p := edigw.Provider{TIN: c.BillingProvider.TaxID, NPI: c.BillingProvider.NPI()}
		if !in.claimProviders[p] {
			in.claimProviders[p] = true
			in.res.ClaimProviders = append(in.res.ClaimProviders, p)
		}
	}
}

// authorizationWarnings are the claim.authorization_warning events of the
// claims stored with a prior-authorization finding their payer's profile
// warns about (mapping found them; the claim's record keeps them).
func authorizationWarnings(ids []int64, claims []*edigw.Claim) []event {
	var evs []event
	for i, c := range claims {
		for _, f := range c.AuthorizationFindings {
			if f.Action == "warn" {
				evs = append(evs, claimEvent(edigw.EventClaimAuthorizationWarning, ids[i], c, claimStatus(c)))
				break
			}
		}
	}
	return evs
}

func claimStatus(c *edigw.Claim) edigw.ClaimStatus {
	if c.Status == "" {
		return edigw.ClaimSubmitted
	}
	return c.Status
}

func claimEvent(kind edigw.EventKind, id int64, c *edigw.Claim, status edigw.ClaimStatus) event {
	return event{kind: kind, payer: c.PayerID, subject: subjectClaim, subjectID: id,
		reference: c.PatientControlNumber, status: string(status),
		tin: c.BillingProvider.TaxID, npi: c.BillingProvider.NPI()}
}

// insertClaims loads claims and their lines and returns their IDs, in
// order. fileID is the carrying file (nil for queued claims); outbound
// is the queue state ("" for received claims); status, when set, is the
// status every claim gets (else each claim's own, submitted by default).
// A claim names the authorization its REF*G1 certifies when one is known:
// as the prior-authorization check found it (Claim.CertifiedBy, when
// checkedLinks allows), else as authorizationsByCertification finds it.
func insertClaims(ctx context.Context, tx pgx.Tx, claims []*edigw.Claim, d edigw.Direction, fileID *int64,
	outbound string, status edigw.ClaimStatus, checkedLinks bool) ([]int64, error) {
	if len(claims) == 0 {
		return nil, nil
	}
	ids, err := nextIDs(ctx, tx, "claim_ids", len(claims))
	if err != nil {
		return nil, err
	}
	certs := make([]certKey, 0)
	for _, c := range claims {
		if c.PriorAuthorization != "" && !(checkedLinks && c.CertifiedBy.Known) {
			certs = append(certs, certOf(c))
		}
	}
	auths, err := authorizationsByCertification(ctx, tx, certs)
	if err != nil {
		return nil, err
	}
	// One record buffer serves every row: a row is written before the
	// next is built (copybinary.go).
	enc := newRecordEncoder()
	dir := string(d)
	lines := 0
	err = copyEach(ctx, tx, "claims", claimColumns, len(claims), func(r *binaryRow, i int) {
		c := claims[i]
		lines += len(c.Lines)
		from, to := periodDates(claimPeriod(c))
		st := status
		if st == "" {
			st = claimStatus(c)
		}
		r.int8(ids[i])
		r.text(string(c.PayerID))
		r.text(string(c.Kind))
		r.text(dir)
		r.int8OrNull(fileID)
		r.text(c.PatientControlNumber)
		r.textOrNull(c.BillingProvider.NPI())
		r.textOrNull(c.BillingProvider.TaxID)
		r.int8(int64(c.TotalCharge))
		r.date(from)
		r.date(to)
		r.textOrNull(c.PriorAuthorization)
		if id, ok := linkedAuthorization(c, checkedLinks, auths); ok {
			r.int8(id)
		} else {
			r.null()
		}
		r.textOrNull(c.PayerClaimNumber)
		r.text(string(st))
		r.textOrNull(outbound)
		r.bytes(enc.claim(c))
		r.text(c.StatusReason)
	})
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	if lines == 0 {
		return ids, nil
	}
	ci, li := 0, 0 // the claim and line of the next row
	err = copyBinary(ctx, tx, "claim_lines", claimLineColumns, lines, func(r *binaryRow) bool {
		for ci < len(claims) && li >= len(claims[ci].Lines) {
			ci, li = ci+1, 0
		}
		if ci == len(claims) {
			return false
		}
		l := &claims[ci].Lines[li]
		li++
		from, to := periodDates(l.ServiceDate)
		r.fields(len(claimLineColumns))
		r.int8(ids[ci])
		r.int4(int32(li))
		r.int4(int32(l.Number))
		r.textOrNull(l.ProcedureQualifier)
		r.textOrNull(l.ProcedureCode)
		r.textArray(l.Modifiers)
		r.textOrNull(l.RevenueCode)
		r.int8(int64(l.Charge))
		r.textOrNull(l.Units)
		r.textOrNull(l.PlaceOfService)
		r.date(from)
		r.date(to)
		r.textOrNull(l.LineItemControlNumber)
		return true
	})
	if err != nil {
		return nil, fmt.Errorf("claim lines: %w", err)
	}
	return ids, nil
}

// linkedAuthorization is the authorization claim c is linked to, if any:
// as the prior-authorization check found it (Claim.CertifiedBy, when
// checkedLinks allows), else as authorizationsByCertification found it
// (auths).
func linkedAuthorization(c *edigw.Claim, checkedLinks bool, auths map[certKey]int64) (int64, bool) {
	switch {
	case c.PriorAuthorization == "":
		return 0, false
	case checkedLinks && c.CertifiedBy.Known:
		return c.CertifiedBy.ID, c.CertifiedBy.ID != 0
	}
	id, ok := auths[certOf(c)]
	return id, ok
}

// claimPeriod is the claim's service period, or the range of its lines'.
func claimPeriod(c *edigw.Claim) *edigw.Period {
	if c.ServicePeriod != nil {
		return c.ServicePeriod
	}
	var p *edigw.Period
	for _, l := range c.Lines {
		if l.ServiceDate == nil || l.ServiceDate.From == "" {
			continue
		}
		to := l.ServiceDate.To
		if to == "" {
			to = l.ServiceDate.From
		}
		if p == nil {
			p = &edigw.Period{From: l.ServiceDate.From, To: to}
			continue
		}
		// CCYYMMDD compares as text.
		p.From = min(p.From, l.ServiceDate.From)
		p.To = max(p.To, to)
	}
	return p
}

// certKey is a certification number a claim names (REF*G1), with the
// claim's payer and its billing provider's NPI: a certification number is
// the provider's to repeat, and any provider may repeat another's, so a
// claim is linked only to an authorization of its own payer that names
// its billing provider (requester or service provider,
// authorizations.provider_npis), never by the number alone, and not
// through a rendering provider the submitter may name freely (as the
// prior-authorization check, mapping/payers/match.go).
type certKey struct {
	payer         edigw.PayerID
	cert, billing string
}

func certOf(c *edigw.Claim) certKey {
	return certKey{payer: c.PayerID, cert: c.PriorAuthorization, billing: c.BillingProvider.NPI()}
}

// authorizationsByCertification finds, for each certification number,
// the latest authorization of the claim's payer and providers (certKey)
// whose decision (for the event or one of its services) carries it.
func authorizationsByCertification(ctx context.Context, q querier, keys []certKey) (map[certKey]int64, error) {
	found := map[certKey]int64{}
	if len(keys) == 0 {
		return found, nil
	}
	payers, certs, billing := make([]string, len(keys)), make([]string, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		payers[i], certs[i], billing[i] = string(k.payer), k.cert, k.billing
	}
	rows, err := q.Query(ctx, `
		SELECT k.payer, k.cert, k.billing, max(m.id)
		FROM (SELECT DISTINCT payer, cert, billing
			FROM unnest($1::text[], $2::text[], $3::text[]) AS u (payer, cert, billing)) k
		JOIN LATERAL (
			SELECT a.id FROM authorizations a WHERE a.payer_id = k.payer AND a.certification_number = k.cert
			UNION ALL
			SELECT s.authorization_id FROM authorization_services s WHERE s.payer_id = k.payer AND s.certification_number = k.cert
		) m ON TRUE
		JOIN authorizations a ON a.id = m.id
		WHERE k.billing = ANY (a.provider_npis)
		GROUP BY k.payer, k.cert, k.billing`, payers, certs, billing)
	if err != nil {
		return nil, fmt.Errorf("authorizations by certification: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k certKey
		var id int64
		if err := rows.Scan(&k.payer, &k.cert, &k.billing, &id); err != nil {
			return nil, err
		}
		found[k] = id
	}
	return found, rows.Err()
}
