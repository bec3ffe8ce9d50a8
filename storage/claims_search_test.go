package storage

import (
	"slices"
	"testing"
	"time"

	"github.com/edigw/edigw"
)

// TestSearchClaims: filters, the cursor, and the scope on every way a page
// is found: a patient control number both providers use finds only the
// reader's own claim.
func TestSearchClaims(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	late := claim("A-LATE", tinA, npiA, 100, "")
	for i := range late.Lines {
		late.Lines[i].ServiceDate = &edigw.Period{From: "20260301"}
	}
	mustIngest(t, db, batch{claims: []*edigw.Claim{
		claim("SHARED", tinA, npiA, 100, ""), claim("A-2", tinA, npiA, 100, ""), late,
		claim("SHARED", tinB, npiB, 100, ""), claim("B-2", tinB, npiB, 100, ""),
	}})
	mustIngest(t, db, batch{rms: []*edigw.Remittance{remittance("EFT9", tinA, npiA, payment("A-2", "4", 100, 0))}})
	scopeA := &edigw.Scope{TINs: []string{tinA}}
	pcns := func(f edigw.ClaimFilter, scope *edigw.Scope) []string {
		t.Helper()
		cs, err := db.SearchClaims(ctx, f, scope)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range cs {
			out = append(out, c.Claim.PatientControlNumber+"/"+c.Claim.BillingProvider.NPI())
		}
		return out
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	for _, c := range []struct {
		name  string
		f     edigw.ClaimFilter
		scope *edigw.Scope
		want  []string
	}{
		{"scope", edigw.ClaimFilter{}, scopeA, []string{"SHARED/" + npiA, "A-2/" + npiA, "A-LATE/" + npiA}},
		{"shared number", edigw.ClaimFilter{PatientControlNumber: "SHARED"}, scopeA, []string{"SHARED/" + npiA}},
		{"other's number", edigw.ClaimFilter{PatientControlNumber: "B-2"}, scopeA, nil},
		{"other's NPI", edigw.ClaimFilter{NPI: npiB}, scopeA, nil},
		{"own NPI", edigw.ClaimFilter{NPI: npiA, Limit: 2}, scopeA, []string{"SHARED/" + npiA, "A-2/" + npiA}},
		{"status", edigw.ClaimFilter{Statuses: []edigw.ClaimStatus{edigw.ClaimDenied}}, scopeA, []string{"A-2/" + npiA}},
		{"dates", edigw.ClaimFilter{From: day("2026-02-01")}, scopeA, []string{"A-LATE/" + npiA}},
		{"to", edigw.ClaimFilter{To: day("2026-01-31"), PatientControlNumber: "SHARED"}, nil, []string{"SHARED/" + npiA, "SHARED/" + npiB}},
		{"operator", edigw.ClaimFilter{Statuses: []edigw.ClaimStatus{edigw.ClaimSubmitted}}, nil,
			[]string{"SHARED/" + npiA, "A-LATE/" + npiA, "SHARED/" + npiB, "B-2/" + npiB}},
		{"empty scope", edigw.ClaimFilter{}, &edigw.Scope{}, nil},
	} {
		if got := pcns(c.f, c.scope); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	first, _ := db.SearchClaims(ctx, edigw.ClaimFilter{Limit: 1}, scopeA)
	if got := pcns(edigw.ClaimFilter{After: first[0].ID, Limit: 1}, scopeA); !slices.Equal(got, []string{"A-2/" + npiA}) {
		t.Errorf("second page: %v", got)
	}
}
