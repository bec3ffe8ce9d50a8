package storage

import (
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// TestAuthorizationLookupInScope: the console's upload judges claims the
// reader wrote, which may name another provider's NPI and certification
// number. Inside B's scope, a query naming A's NPI and A's number, or A's
// member, finds nothing (the check then answers as for a number that does
// not exist); inside A's scope it finds A's approval.
func TestAuthorizationLookupInScope(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authRequest("TRA", tinA, npiA)}})
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authResponse("TRA", tinA, npiA, "A1", "CERTA")}})
	for _, c := range []struct {
		name  string
		scope edigw.Scope
		want  int
	}{
		{"A", edigw.Scope{TINs: []string{tinA}, NPIs: []string{npiA}}, 1},
		{"A's TIN", edigw.Scope{TINs: []string{tinA}}, 1},
		{"B", edigw.Scope{TINs: []string{tinB}, NPIs: []string{npiB}}, 0},
		{"B's TIN", edigw.Scope{TINs: []string{tinB}}, 0},
		{"no provider", edigw.Scope{}, 0},
	} {
		l := db.AuthorizationLookupIn(&c.scope)
		for _, q := range []mapping.AuthorizationQuery{
			{PayerID: edigw.Cigna, ProviderNPIs: []string{npiA}, CertificationNumber: "CERTA"},
			{PayerID: edigw.Cigna, ProviderNPIs: []string{npiA}, MemberID: "U1234567801"},
		} {
			got, err := l.FindAuthorizations(ctx, []mapping.AuthorizationQuery{q})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != c.want {
				t.Errorf("%s asking for A's authorization (cert %q, member %q): %d found, want %d",
					c.name, q.CertificationNumber, q.MemberID, len(got), c.want)
			}
		}
	}
}
