package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// approval is an approved 278 for provider A's hospital bed (E0250) for the
// test member, February to April 2026, under certification CERT-A-1.
func approval() *edigw.AuthorizationRequest {
	d := &edigw.Decision{Action: "A1", CertificationNumber: "CERT-A-1", Status: edigw.AuthApproved,
		EffectivePeriod: &edigw.Period{From: "20260201", To: "20260430"}}
	return &edigw.AuthorizationRequest{PayerID: edigw.Cigna, TraceNumber: "TRACE-A-1",
		Reviewer:        edigw.ReviewParty{Role: "X3", Party: edigw.Party{Name: "CIGNA", IDQualifier: "PI", ID: "62308"}},
		Requester:       edigw.ReviewParty{Role: "1P", Party: provider(tinA, npiA)},
		Subscriber:      edigw.Person{LastName: "DOE", FirstName: "JANE", MemberID: "U1234567801"},
		RequestCategory: "HS", CertificationType: "I", ServiceType: "12",
		Services: []edigw.RequestedService{{ProcedureQualifier: "HC", ProcedureCode: "E0250", UnitBasis: "UN", Quantity: "1",
			Decision: &edigw.Decision{Action: "A1", CertificationNumber: "CERT-A-1", Status: edigw.AuthApproved}}},
		Decision: d, Status: edigw.AuthApproved,
	}
}

// bedClaim is a claim for a hospital bed at home on date, naming cert.
func bedClaim(pcn, tin, npi, cert, date string) *edigw.Claim {
	c := claim(pcn, tin, npi)
	c.FacilityCode, c.PriorAuthorization, c.TotalCharge = "12", cert, 25000
	c.Lines = []edigw.ServiceLine{{Number: 1, ProcedureQualifier: "HC", ProcedureCode: "E0250", Modifiers: []string{"NU"}, Charge: 25000,
		UnitBasis: "UN", Units: "1", DiagnosisPointers: []int{1}, ServiceDate: &edigw.Period{From: date}, LineItemControlNumber: pcn + "-1"}}
	return c
}

type findingsBody struct {
	Items []struct {
		ID                    string                       `json:"id"`
		AuthorizationFindings []edigw.AuthorizationFinding `json:"authorizationFindings"`
	} `json:"items"`
}

// TestSubmittedClaimsAuthorizationFindings: a submitted claim is checked
// for prior authorization against the store. Covered: no finding. Past
// the approval: auth-expired, in the 202 answer, on GET /v1/claims/{id}
// and as a claim.authorization_warning event. Provider B naming provider
// A's certification number: auth-missing, never A's approval.
func TestSubmittedClaimsAuthorizationFindings(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	ing, err := e.db.BeginIngest(ctx, &edigw.File{PayerID: edigw.Cigna, Key: "cigna-62308/inbound/approval.x12", Direction: edigw.Inbound, Kind: "278"})
	if err != nil {
		t.Fatal(err)
	}
	if err := ing.AddAuthorizations(ctx, []*edigw.AuthorizationRequest{approval()}); err != nil {
		t.Fatal(err)
	}
	if _, err := ing.Commit(ctx, strings.Repeat("a", 64), 1); err != nil {
		t.Fatal(err)
	}
	tokA, _ := e.token(t, "A billing", []edigw.Entitlement{edigw.EntitleClaims}, []string{tinA}, []string{npiA})
	tokB, _ := e.token(t, "B billing", []edigw.Entitlement{edigw.EntitleClaims}, []string{tinB}, []string{npiB})

	for _, tc := range []struct {
		name  string
		tok   string
		claim *edigw.Claim
		rule  string
	}{
		{"approved and covering", tokA, bedClaim("BED-1", tinA, npiA, "CERT-A-1", "20260210"), ""},
		{"expired", tokA, bedClaim("BED-2", tinA, npiA, "CERT-A-1", "20260615"), "auth-expired"},
		{"B naming A's certification number", tokB, bedClaim("BED-3", tinB, npiB, "CERT-A-1", "20260210"), "auth-missing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := e.call(t, "POST", "/v1/claims", tc.tok, tc.claim)
			if res.status != http.StatusAccepted {
				t.Fatalf("submit: %d %s", res.status, res.body)
			}
			if strings.Contains(string(res.body), "CERT-A-1") || strings.Contains(string(res.body), "U1234567801") {
				t.Errorf("the answer carries a value of the claim: %s", res.body)
			}
			var sub findingsBody
			res.json(t, &sub)
			fs := sub.Items[0].AuthorizationFindings
			var stored struct {
				Claim edigw.Claim `json:"claim"`
			}
			e.call(t, "GET", "/v1/claims/"+sub.Items[0].ID, tc.tok, nil).json(t, &stored)
			var evs struct {
				Items []edigw.Event `json:"items"`
			}
			e.call(t, "GET", "/v1/events?after=0", tc.tok, nil).json(t, &evs)
			warned := false
			for _, ev := range evs.Items {
				warned = warned || (ev.Kind == edigw.EventClaimAuthorizationWarning && ev.Reference == tc.claim.PatientControlNumber)
			}
			if tc.rule == "" {
				if len(fs) != 0 || len(stored.Claim.AuthorizationFindings) != 0 || warned {
					t.Errorf("findings %+v, stored %+v, warned %v", fs, stored.Claim.AuthorizationFindings, warned)
				}
				return
			}
			if len(fs) != 1 || fs[0].Rule != tc.rule || fs[0].Action != "warn" || fs[0].Line != 1 || fs[0].Category != "hospital beds" {
				t.Errorf("202 findings %+v, want %s", fs, tc.rule)
			}
			if len(stored.Claim.AuthorizationFindings) != 1 || stored.Claim.AuthorizationFindings[0].Rule != tc.rule {
				t.Errorf("stored findings %+v", stored.Claim.AuthorizationFindings)
			}
			if !warned {
				t.Errorf("no claim.authorization_warning in %+v", evs.Items)
			}
		})
	}
}
