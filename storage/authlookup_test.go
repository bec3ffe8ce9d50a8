package storage

import (
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
