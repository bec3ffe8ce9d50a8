package storage

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
	"github.com/edigw/edigw/mapping/payers"
)

// FindAuthorizations answers narrow rows, not whole records: the partial
// record it builds carries every fact the check reads (payers.CheckClaim)
// exactly as the stored record has it: status, member, event period,
// decisions, the scope's NPIs, and each service's procedure, modifiers,
// units, period and decision, services in order.
func TestFindAuthorizationsNarrowRecord(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	req := authRequest("TRN1", tinA, npiA)
	req.EventPeriod = &edigw.Period{From: "20260105"}
	req.Providers = []edigw.ReviewParty{{Role: "SJ", Party: edigw.Party{Name: "SVC", IDQualifier: "XX", ID: npiB}},
		{Role: "FA", Party: edigw.Party{Name: "FAC", IDQualifier: "XX", ID: "1999999992"}}}
	req.Services = append(req.Services,
		edigw.RequestedService{ProcedureQualifier: "HC", ProcedureCode: "E0601", Modifiers: []string{"RR", "KH"},
			UnitBasis: "UN", Quantity: "3"},
		edigw.RequestedService{RevenueCode: "0274", Quantity: "1", Period: &edigw.Period{To: "20260201"}})
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{req}})
	resp := authResponse("TRN1", tinA, npiA, "A2", "NARROW1")
	resp.Decision.PendDueDate = "20260110"
	resp.Services = append(resp.Services, req.Services[1], req.Services[2])
	resp.Services[1].Decision = &edigw.Decision{Action: "A1", CertificationNumber: "NARROW1-2",
		EffectivePeriod: &edigw.Period{From: "20260101", To: "20260401"}}
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{resp}})

	got, err := db.FindAuthorizations(ctx, []mapping.AuthorizationQuery{{PayerID: edigw.Cigna, ProviderNPIs: []string{npiB},
		CertificationNumber: "NARROW1-2"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d found", len(got))
	}
	var raw []byte
	if err := db.pool.QueryRow(ctx, "SELECT record FROM authorizations WHERE certification_number = 'NARROW1'").Scan(&raw); err != nil {
		t.Fatal(err)
	}
	var stored edigw.AuthorizationRequest
	if err := json.Unmarshal(raw, &stored); err != nil {
		t.Fatal(err)
	}
	if len(stored.Services) != 3 || stored.Services[1].Decision == nil {
		t.Fatalf("the stored record is not the one the test means: %+v", stored.Services)
	}
	if want, have := checkFacts(&stored), checkFacts(got[0]); !reflect.DeepEqual(want, have) {
		t.Errorf("narrow record:\n have %+v\n want %+v", have, want)
	}
}

// checkFacts are the parts of an authorization payers.CheckClaim reads.
func checkFacts(a *edigw.AuthorizationRequest) map[string]any {
	decision := func(d *edigw.Decision) any {
		if d == nil {
			return nil
		}
		return [5]any{d.Action, d.CertificationNumber, d.EffectivePeriod, d.PendDueDate}
	}
	npis := payers.AuthorizationProviderNPIs(a)
	slices.Sort(npis)
	out := map[string]any{"payer": a.PayerID, "status": a.Status, "member": a.Subscriber.MemberID,
		"event": a.EventPeriod, "decision": decision(a.Decision), "npis": npis}
	var services []any
	for _, s := range a.Services {
		services = append(services, []any{s.ProcedureQualifier, s.ProcedureCode, s.RevenueCode, s.Modifiers,
			s.UnitBasis, s.Quantity, s.Period, decision(s.Decision)})
	}
	out["services"] = services
	return out
}
