package storage

import (
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// TestBinaryCopyStoresWhatPgxStores: the claims and lines insertClaims
// writes in binary COPY are, column by column, what pgx's CopyFrom stores
// from the same values (the way they were written before copybinary.go):
// NULL and empty strings, dates valid, invalid and absent, a date before
// 1970 and one far ahead, modifiers absent, empty and several, non-ASCII
// text, negative and large amounts, a linked authorization and none.
func TestBinaryCopyStoresWhatPgxStores(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authRequest("TR-BIN", tinA, npiA)}})
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authResponse("TR-BIN", tinA, npiA, "A1", "CERT-BIN")}})

	full := claim("BIN-1 é ✓", tinA, npiA, 123456789, "CERT-BIN")
	full.PayerClaimNumber, full.StatusReason = "PCN-ORIG", "A7:21"
	full.ServicePeriod = &edigw.Period{From: "19650704", To: "20991231"}
	full.Lines = []edigw.ServiceLine{
		{Number: 1, ProcedureQualifier: "HC", ProcedureCode: "E0250", Modifiers: []string{"RR", "KX", "ü"}, Charge: -500, Units: "2",
			PlaceOfService: "12", ServiceDate: &edigw.Period{From: "20260105"}, LineItemControlNumber: "LI-1"},
		{Number: 2, Modifiers: []string{}, ServiceDate: &edigw.Period{From: "20260230"}}, // not a date: NULL
		{Number: 3, RevenueCode: "0270", Charge: 1},
	}
	bare := &edigw.Claim{PayerID: edigw.Cigna, Kind: edigw.Professional}
	unlinked := claim("BIN-3", tinB, npiB, 0, "CERT-BIN") // another provider's number links nothing
	unlinked.Lines = nil
	claims := []*edigw.Claim{full, bare, unlinked}

	tx, err := db.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck // the test stores nothing
	fileID := int64(0)
	if err := tx.QueryRow(ctx, "SELECT max(id) FROM files").Scan(&fileID); err != nil {
		t.Fatal(err)
	}
	ids, err := insertClaims(ctx, tx, claims, edigw.Inbound, &fileID, "queued", "", false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `CREATE TEMPORARY TABLE claims_ref (LIKE claims INCLUDING DEFAULTS);
		CREATE TEMPORARY TABLE claim_lines_ref (LIKE claim_lines INCLUDING DEFAULTS)`); err != nil {
		t.Fatal(err)
	}
	auths, err := authorizationsByCertification(ctx, tx, []certKey{certOf(full), certOf(unlinked)})
	if err != nil {
		t.Fatal(err)
	}
	if len(auths) != 1 {
		t.Fatalf("the case needs the full claim linked and the other not: %v", auths)
	}
	enc := newRecordEncoder()
	outbound := "queued"
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"claims_ref"}, claimColumns, pgx.CopyFromSlice(len(claims), func(i int) ([]any, error) {
		c := claims[i]
		rec, err := enc.encode(c)
		from, to := periodDates(claimPeriod(c))
		var auth *int64
		if id, ok := auths[certOf(c)]; ok && c.PriorAuthorization != "" {
			auth = &id
		}
		npi := c.BillingProvider.NPI()
		return []any{&ids[i], string(c.PayerID), string(c.Kind), "inbound", &fileID, &c.PatientControlNumber,
			orNull(&npi), orNull(&c.BillingProvider.TaxID), int64(c.TotalCharge), from, to, orNull(&c.PriorAuthorization), auth,
			orNull(&c.PayerClaimNumber), string(claimStatus(c)), &outbound, string(rec), c.StatusReason}, err
	}))
	if err != nil {
		t.Fatal(err)
	}
	var lineRows [][]any
	for ci, c := range claims {
		for li := range c.Lines {
			l := &c.Lines[li]
			from, to := periodDates(l.ServiceDate)
			lineRows = append(lineRows, []any{ids[ci], li + 1, l.Number, orNull(&l.ProcedureQualifier), orNull(&l.ProcedureCode),
				l.Modifiers, orNull(&l.RevenueCode), int64(l.Charge), orNull(&l.Units), orNull(&l.PlaceOfService), from, to,
				orNull(&l.LineItemControlNumber)})
		}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"claim_lines_ref"}, claimLineColumns, pgx.CopyFromRows(lineRows)); err != nil {
		t.Fatal(err)
	}
	differ := func(cols, a, b string) int {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM ((SELECT `+cols+` FROM `+a+` WHERE `+wherePK(a)+`) EXCEPT ALL
			(SELECT `+cols+` FROM `+b+`)) d`, ids).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	claimCols := "id, payer_id, kind, direction, file_id, patient_control_number, billing_npi, billing_tin, total_charge, " +
		"service_from, service_to, prior_authorization, authorization_id, payer_claim_number, status, outbound_state, record, status_reason"
	lineCols := "claim_id, ordinal, line_number, procedure_qualifier, procedure_code, modifiers, revenue_code, charge, units, " +
		"place_of_service, service_from, service_to, line_item_control_number"
	if n, m := differ(claimCols, "claims", "claims_ref"), differ(claimCols, "claims_ref", "claims"); n+m != 0 {
		t.Errorf("claims: %d rows stored only by the binary COPY, %d only by pgx", n, m)
	}
	if n, m := differ(lineCols, "claim_lines", "claim_lines_ref"), differ(lineCols, "claim_lines_ref", "claim_lines"); n+m != 0 {
		t.Errorf("claim lines: %d rows stored only by the binary COPY, %d only by pgx", n, m)
	}
	var lines, nullDates, emptyArrays int
	if err := tx.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE service_from IS NULL),
		count(*) FILTER (WHERE modifiers = '{}') FROM claim_lines WHERE claim_id = ANY ($1)`, ids).Scan(&lines, &nullDates, &emptyArrays); err != nil {
		t.Fatal(err)
	}
	if lines != 3 || nullDates != 2 || emptyArrays != 1 {
		t.Errorf("%d lines, %d without a date, %d with an empty modifier array: the cases are not the ones meant", lines, nullDates, emptyArrays)
	}
}

// wherePK keeps a table's rows of the test's claims ($1).
func wherePK(table string) string {
	if table == "claims" || table == "claims_ref" {
		return "id = ANY ($1)"
	}
	return "claim_id = ANY ($1)"
}

// orNull is *s as a pgx COPY value, as the claims were copied before
// copyBinary: NULL when empty.
func orNull(s *string) *string {
	if *s == "" {
		return nil
	}
	return s
}
