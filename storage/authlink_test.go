package storage

import (
	"testing"

	"github.com/edigw/edigw"
)

// A claim is linked to the authorization its REF*G1 names only inside its
// own providers: provider B repeating A's certification number links
// nothing (issue 11: a number a provider chooses is never matched alone),
// and A's own claim with the same number still links A's authorization.
func TestClaimsLinkOnlyTheirProvidersAuthorization(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	mustIngest(t, db, batch{isa: "000000001", auths: []*edigw.AuthorizationRequest{
		authRequest("TRACE-A", tinA, npiA),
		authResponse("TRACE-A", tinA, npiA, "A1", "CERT-SHARED"),
	}})
	mustIngest(t, db, batch{isa: "000000002", claims: []*edigw.Claim{
		claim("B-CLAIM", tinB, npiB, 10000, "CERT-SHARED"),
		claim("A-CLAIM", tinA, npiA, 10000, "CERT-SHARED"),
	}})
	auth, err := db.AuthorizationByCertification(ctx, edigw.Cigna, "CERT-SHARED")
	if err != nil {
		t.Fatal(err)
	}
	if c := claimByPCN(t, db, "B-CLAIM"); c.AuthorizationID != 0 {
		t.Errorf("provider B's claim links provider A's authorization %d", c.AuthorizationID)
	}
	if c := claimByPCN(t, db, "A-CLAIM"); c.AuthorizationID != auth.ID {
		t.Errorf("provider A's claim links authorization %d, want %d", c.AuthorizationID, auth.ID)
	}
}
