package storage

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
	"github.com/edigw/edigw/mapping/payers"
)

// FindAuthorizations finds an approval inside the payer and the claim's
// providers: by REF*G1, else by member; another provider naming the same
// certification number finds nothing, nor does a denied authorization.
func TestFindAuthorizationsInsidePayerAndProvider(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authRequest("TRA", tinA, npiA), authRequest("TRB", tinB, npiB)}})
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{
		authResponse("TRA", tinA, npiA, "A1", "CERTA"),
		authResponse("TRB", tinB, npiB, "A3", "CERTB"),
	}})
	query := func(npi, cert, member string) []*edigw.AuthorizationRequest {
		t.Helper()
		got, err := db.FindAuthorizations(ctx, []mapping.AuthorizationQuery{{PayerID: edigw.Cigna, ProviderNPIs: []string{npi},
			CertificationNumber: cert, MemberID: member}})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := query(npiA, "CERTA", "U1234567801"); len(got) != 1 || got[0].Decision.CertificationNumber != "CERTA" || got[0].Status != edigw.AuthApproved {
		t.Errorf("A's own number: %d found", len(got))
	}
	if got := query(npiA, "", "U1234567801"); len(got) != 1 {
		t.Errorf("A by member: %d found", len(got))
	}
	if got := query(npiB, "CERTA", "U1234567801"); len(got) != 0 {
		t.Errorf("B naming A's number found %d", len(got))
	}
	if got := query(npiB, "CERTB", ""); len(got) != 0 {
		t.Errorf("B's denied authorization found: %d", len(got))
	}
	if got, err := db.FindAuthorizations(ctx, []mapping.AuthorizationQuery{{PayerID: "60054", ProviderNPIs: []string{npiA}, CertificationNumber: "CERTA"}}); err != nil || len(got) != 0 {
		t.Errorf("another payer: %d found, %v", len(got), err)
	}

	// Through mapping's check: A's bed is covered, B's claim naming A's
	// number draws auth-missing, never A's approval.
	bed := func(tin, npi string) *edigw.Claim {
		c := claim("PA-"+tin, tin, npi, 300, "CERTA")
		c.FacilityCode = "12"
		return c
	}
	fs, err := mapping.CheckClaimAuthorizations(ctx, db, []*edigw.Claim{bed(tinA, npiA), bed(tinB, npiB)})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs[0]) != 0 {
		t.Errorf("A's claim: %+v", fs[0])
	}
	if len(fs[1]) != 1 || fs[1][0].Rule != payers.RuleMissing || fs[1][0].Line != 2 {
		t.Errorf("B's claim naming A's number: %+v", fs[1])
	}
}

// BenchmarkFindAuthorizations: one batch of 1,000 claims with REF*G1, half
// of them known, against 50,000 approvals of the practice (the e2e
// benchmark's load). Reports the lookup's cost per claim, records decoded.
func BenchmarkFindAuthorizations(b *testing.B) {
	db, _ := openDB(b)
	ctx := context.Background()
	const approvals, batch = 50_000, mapping.AuthorizationBatch
	if _, err := db.pool.Exec(ctx, `
		INSERT INTO authorizations (payer_id, direction, trace_number, certification_number, status, requester_npi,
			provider_npis, effective_from, effective_to, record)
		SELECT '62308', 'inbound', 'TR' || i, 'AUTH' || lpad(i::text, 8, '0'), 'Approved', $1, ARRAY[$1], '2026-01-01', '2026-12-31',
			jsonb_build_object('payerId', '62308', 'traceNumber', 'TR' || i, 'status', 'Approved',
				'requester', jsonb_build_object('role', '1P', 'name', 'BENCH HOME MEDICAL', 'idQualifier', 'XX', 'id', $1),
				'subscriber', jsonb_build_object('lastName', 'DOE', 'memberId', 'M' || i),
				'requestCategory', 'HS', 'certificationType', 'I',
				'services', jsonb_build_array(jsonb_build_object('procedureQualifier', 'HC', 'procedureCode', 'E0250', 'quantity', '2')),
				'decision', jsonb_build_object('action', 'A1', 'certificationNumber', 'AUTH' || lpad(i::text, 8, '0'),
					'effectivePeriod', jsonb_build_object('from', '20260101', 'to', '20261231')))
		FROM generate_series(1, $2::int) AS i`, npiA, approvals); err != nil {
		b.Fatal(err)
	}
	if _, err := db.pool.Exec(ctx, `ANALYZE authorizations`); err != nil {
		b.Fatal(err)
	}
	qs := make([]mapping.AuthorizationQuery, batch)
	b.ResetTimer()
	found := 0
	for n := range b.N {
		for i := range qs {
			k := (n*batch+i)%(2*approvals) + 1 // half beyond the approvals
			qs[i] = mapping.AuthorizationQuery{PayerID: edigw.Cigna, ProviderNPIs: []string{npiA},
				CertificationNumber: fmt.Sprintf("AUTH%08d", k), MemberID: "U" + strconv.Itoa(k)}
		}
		got, err := db.FindAuthorizations(ctx, qs)
		if err != nil {
			b.Fatal(err)
		}
		found += len(got)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*batch), "µs/claim")
	b.ReportMetric(float64(found)/float64(b.N), "found/batch")
}
