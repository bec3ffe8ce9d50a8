package storage

import (
	"slices"
	"testing"

	"github.com/edigw/edigw"
)

// TestCommittedAudienceIsTheFileAudience: the audience the outcome event
// of a file just committed is raised for (the claims' providers its ingest
// kept, the rest read) is exactly the one FileAudience reads back, for
// files of one provider's claims, of two providers' claims (a claim with
// an NPI alone, one with a TIN alone), of claims with authorizations and
// remittances, and of no claims at all.
func TestCommittedAudienceIsTheFileAudience(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	onlyNPI, onlyTIN := claim("NPI-ONLY", "", npiB, 100, ""), claim("TIN-ONLY", tinB, "", 100, "")
	files := map[string]batch{
		"one provider": {isa: "000000011", claims: []*edigw.Claim{claim("A1", tinA, npiA, 100, ""), claim("A2", tinA, npiA, 200, "")}},
		"two providers": {isa: "000000012", claims: []*edigw.Claim{claim("A3", tinA, npiA, 100, ""), claim("B1", tinB, npiB, 100, ""),
			onlyNPI, onlyTIN, claim("A4", tinA, npiA, 100, "")}},
		"claims and other records": {isa: "000000013", auths: []*edigw.AuthorizationRequest{authRequest("TRACE9", tinB, npiB)},
			claims: []*edigw.Claim{claim("A5", tinA, npiA, 100, "")},
			rms:    []*edigw.Remittance{remittance("EFT9", tinB, npiB, payment("A5", "1", 100, 100))}},
		"no claims": {isa: "000000014", auths: []*edigw.AuthorizationRequest{authRequest("TRACE10", tinA, npiA)}},
	}
	for name, b := range files {
		res := mustIngest(t, db, b)
		read, err := db.FileAudience(ctx, res.FileID)
		if err != nil {
			t.Fatal(err)
		}
		kept, err := db.fileAudienceOf(ctx, res.FileID, res.ClaimProviders)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := audienceSet(kept), audienceSet(read); !slices.Equal(got, want) {
			t.Errorf("%s: the committed file's audience is %v, FileAudience reads %v", name, got, want)
		}
		if len(b.claims) > 0 && len(res.ClaimProviders) == 0 {
			t.Errorf("%s: the ingest kept no claim providers", name)
		}
	}
}

// audienceSet is an audience's subjects and providers, sorted, each once.
func audienceSet(a *edigw.Audience) []string {
	var out []string
	for _, s := range a.Subjects {
		out = append(out, "subject "+s)
	}
	for _, p := range a.Providers {
		out = append(out, "provider "+p.TIN+"/"+p.NPI)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
