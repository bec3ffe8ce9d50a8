package storage

import (
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// The pipeline's check links each claim as the load would
// (Claim.CertifiedBy, decision 0036): for every query with a certification
// number, FindAuthorizations names the authorization
// authorizationsByCertification finds for the same payer, number and
// billing provider, of any status, while it returns only approvals. Another
// provider repeating the number gets a known "none", never A's; a scoped
// lookup (the console's) links nothing; and claims stored with the check's
// links get the authorizations the load's own lookup gives them.
func TestCheckLinksClaimsAsTheLoadWould(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{
		authRequest("TR-A1", tinA, npiA), authRequest("TR-A2", tinA, npiA), authRequest("TR-B1", tinB, npiB)}})
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{
		authResponse("TR-A1", tinA, npiA, "A1", "CERT-A"),
		authResponse("TR-A2", tinA, npiA, "A3", "CERT-A"), // the latest with the number is a denial
		authResponse("TR-B1", tinB, npiB, "A3", "CERT-B"),
	}})
	cases := []struct {
		name      string
		npi, cert string
	}{
		{"A's number, approved then denied", npiA, "CERT-A"},
		{"B naming A's number", npiB, "CERT-A"},
		{"B's own denial", npiB, "CERT-B"},
		{"an unknown number", npiA, "CERT-NONE"},
		{"A naming B's number", npiA, "CERT-B"},
	}
	queries := make([]mapping.AuthorizationQuery, len(cases)+1)
	keys := make([]certKey, len(cases))
	for i, c := range cases {
		queries[i] = mapping.AuthorizationQuery{PayerID: edigw.Cigna, ProviderNPIs: []string{c.npi}, CertificationNumber: c.cert}
		keys[i] = certKey{payer: edigw.Cigna, cert: c.cert, billing: c.npi}
	}
	queries[len(cases)] = mapping.AuthorizationQuery{PayerID: edigw.Cigna, ProviderNPIs: []string{npiA}, MemberID: "U1234567801"}
	found, err := db.FindAuthorizations(ctx, queries)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range found {
		if a.Status != edigw.AuthApproved && a.Status != edigw.AuthPartiallyApproved {
			t.Errorf("the check was given a %s authorization", a.Status)
		}
	}
	load, err := authorizationsByCertification(ctx, db.pool, keys)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		if got := queries[i].Link; !got.Known || got.ID != load[keys[i]] {
			t.Errorf("%s: the check links %+v, the load %d", c.name, got, load[keys[i]])
		}
	}
	if load[keys[0]] == 0 || load[keys[1]] != 0 || load[keys[2]] == 0 || load[keys[4]] != 0 {
		t.Fatalf("the load's links are not what the case needs: %v", load)
	}
	if l := queries[len(cases)].Link; l.Known {
		t.Errorf("a query without a number was linked: %+v", l)
	}

	// A scoped lookup finds but never links.
	scoped := []mapping.AuthorizationQuery{{PayerID: edigw.Cigna, ProviderNPIs: []string{npiA}, CertificationNumber: "CERT-A"}}
	if _, err := db.AuthorizationLookupIn(&edigw.Scope{TINs: []string{tinA}}).FindAuthorizations(ctx, scoped); err != nil {
		t.Fatal(err)
	}
	if scoped[0].Link.Known {
		t.Errorf("a scoped lookup linked: %+v", scoped[0].Link)
	}

	// Stored with the check's links, or without any, each claim names the
	// same authorization.
	var checked, unchecked []*edigw.Claim
	for i, c := range cases {
		tin := tinA
		if c.npi == npiB {
			tin = tinB
		}
		with, without := claim("CHK-"+c.name, tin, c.npi, 100, c.cert), claim("LOAD-"+c.name, tin, c.npi, 100, c.cert)
		with.CertifiedBy = queries[i].Link
		checked, unchecked = append(checked, with), append(unchecked, without)
	}
	mustIngest(t, db, batch{claims: checked})
	mustIngest(t, db, batch{claims: unchecked})
	for _, c := range cases {
		with, without := claimByPCN(t, db, "CHK-"+c.name), claimByPCN(t, db, "LOAD-"+c.name)
		if with.AuthorizationID != without.AuthorizationID {
			t.Errorf("%s: stored with the check's link %d, with the load's lookup %d", c.name, with.AuthorizationID, without.AuthorizationID)
		}
	}
}
