package storage

import (
	"testing"

	"github.com/edigw/edigw"
)

// TestScopeHidesOtherProviders: a caller scoped to provider A never sees
// provider B's claims, remittances, authorizations or events, and cannot
// tell them from records that do not exist.
func TestScopeHidesOtherProviders(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	mustIngest(t, db, batch{claims: []*edigw.Claim{claim("A-1", tinA, npiA, 100, ""), claim("B-1", tinB, npiB, 100, "")},
		auths: []*edigw.AuthorizationRequest{authResponse("TA", tinA, npiA, "A1", "CA"), authResponse("TB", tinB, npiB, "A1", "CB")}})
	mustIngest(t, db, batch{rms: []*edigw.Remittance{
		remittance("EFT-A", tinA, npiA, payment("A-1", "1", 100, 100)),
		remittance("EFT-B", tinB, npiB, payment("B-1", "1", 100, 100)),
	}})
	byTIN := &edigw.Scope{TINs: []string{tinA}}
	byNPI := &edigw.Scope{NPIs: []string{npiA}}
	empty := &edigw.Scope{TINs: []string{""}, NPIs: []string{""}}

	b := claimByPCN(t, db, "B-1")
	a := claimByPCN(t, db, "A-1")
	for _, scope := range []*edigw.Scope{byTIN, byNPI} {
		if _, err := db.Claim(ctx, b.ID, scope); !isErr(err, edigw.ErrNotFound) {
			t.Errorf("scope %v reads B's claim: %v", scope, err)
		}
		if _, err := db.ClaimByControlNumber(ctx, edigw.Cigna, "B-1", scope); !isErr(err, edigw.ErrNotFound) {
			t.Errorf("scope %v finds B's claim by number: %v", scope, err)
		}
		if got, err := db.Claim(ctx, a.ID, scope); err != nil || got.Claim.PatientControlNumber != "A-1" {
			t.Errorf("scope %v cannot read A's claim: %v", scope, err)
		}
		rms, err := db.RemittancesOf(ctx, 0, 100, scope)
		if err != nil || len(rms) != 1 || rms[0].Remittance.TraceNumber != "EFT-A" {
			t.Errorf("scope %v remittances: %v %d", scope, err, len(rms))
		}
		evs := allEvents(t, db, scope)
		if len(evs) == 0 {
			t.Errorf("scope %v sees no events", scope)
		}
		for _, e := range evs {
			if e.TIN != tinA && e.NPI != npiA {
				t.Errorf("scope %v sees event %+v", scope, e)
			}
		}
	}
	// The providers' events (the responses that answer no request are
	// reported to operators too, by events naming no provider).
	var all []edigw.Event
	for _, e := range allEvents(t, db, nil) {
		if e.TIN != "" || e.NPI != "" {
			all = append(all, e)
		}
	}
	if n := len(allEvents(t, db, byTIN)); n == 0 || n*2 != len(all) {
		t.Errorf("A sees %d of %d events, want half", n, len(all))
	}
	rmsAll, _ := db.Remittances(ctx, 0, 100)
	for _, r := range rmsAll {
		_, err := db.Remittance(ctx, r.ID, byTIN)
		if mine := r.Remittance.Payee.TaxID == tinA; mine != (err == nil) {
			t.Errorf("remittance %s in scope A: %v", r.Remittance.TraceNumber, err)
		}
	}
	authB, err := db.AuthorizationByCertification(ctx, edigw.Cigna, "CB")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Authorization(ctx, authB.ID, byNPI); !isErr(err, edigw.ErrNotFound) {
		t.Errorf("scope A reads B's authorization: %v", err)
	}
	if _, err := db.Authorization(ctx, authB.ID, &edigw.Scope{NPIs: []string{npiB}}); err != nil {
		t.Errorf("scope B cannot read its authorization: %v", err)
	}
	// Nothing matches an empty identifier, and an unknown ID looks the same as a hidden one.
	if _, err := db.Claim(ctx, a.ID, empty); !isErr(err, edigw.ErrNotFound) {
		t.Errorf("empty scope reads a claim: %v", err)
	}
	if evs := allEvents(t, db, empty); len(evs) != 0 {
		t.Errorf("empty scope sees %d events", len(evs))
	}
	if _, err := db.Claim(ctx, 999999, nil); !isErr(err, edigw.ErrNotFound) {
		t.Errorf("unknown claim: %v", err)
	}
}

// The service provider (SJ) of an authorization may read it too.
func TestAuthorizationScopeIncludesServiceProvider(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	req := authResponse("TS", tinA, npiA, "A1", "CS")
	req.Providers = []edigw.ReviewParty{{Role: "SJ", Party: provider(tinB, npiB)}}
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{req}})
	a, err := db.AuthorizationByCertification(ctx, edigw.Cigna, "CS")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Authorization(ctx, a.ID, &edigw.Scope{NPIs: []string{npiB}}); err != nil {
		t.Errorf("service provider cannot read: %v", err)
	}
	if _, err := db.Authorization(ctx, a.ID, &edigw.Scope{TINs: []string{tinB}}); !isErr(err, edigw.ErrNotFound) {
		t.Errorf("the service provider's TIN is not the requester's: %v", err)
	}
}
