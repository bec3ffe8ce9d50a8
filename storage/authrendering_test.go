package storage

import (
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
	"github.com/edigw/edigw/mapping/payers"
)

// Provider B bills a claim that names provider A as its rendering
// provider and carries A's certification number. The rendering provider
// is B's to write, and no scope vouches for it: the claim is not linked
// to A's authorization, and its check says auth-missing, as for any
// number B does not hold, never something of A's authorization's state.
func TestRenderingProviderReachesNoOtherAuthorization(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authRequest("TRA", tinA, npiA)}})
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authResponse("TRA", tinA, npiA, "A1", "CERTA")}})

	posing := claim("B-AS-A", tinB, npiB, 300, "CERTA")
	posing.FacilityCode = "12"
	a := provider(tinA, npiA)
	posing.RenderingProvider = &a
	fs, err := mapping.CheckClaimAuthorizations(ctx, db, []*edigw.Claim{posing})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs[0]) != 1 || fs[0][0].Rule != payers.RuleMissing {
		t.Errorf("B naming A as rendering provider: %+v, want auth-missing", fs[0])
	}

	mustIngest(t, db, batch{isa: "000000009", claims: []*edigw.Claim{posing}})
	if c := claimByPCN(t, db, "B-AS-A"); c.AuthorizationID != 0 {
		t.Errorf("B's claim naming A as rendering provider links A's authorization %d", c.AuthorizationID)
	}
}
