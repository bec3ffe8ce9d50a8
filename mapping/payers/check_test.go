package payers

import (
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// dmeClaim is a professional claim for a rented hospital bed at home, with
// patient details that must never reach a finding.
func dmeClaim(cert string, lines ...edigw.ServiceLine) *edigw.Claim {
	if len(lines) == 0 {
		lines = []edigw.ServiceLine{bedLine(1, "12", "20240201")}
	}
	return &edigw.Claim{
		PayerID:               edigw.Cigna,
		Kind:                  edigw.Professional,
		PatientControlNumber:  "PCN-1001",
		FacilityCode:          "12",
		FacilityCodeQualifier: "B",
		Subscriber:            edigw.Person{LastName: "Quillfeather", FirstName: "Ottoline", MemberID: "U99887766", BirthDate: "19510704"},
		Diagnoses:             []edigw.Diagnosis{{Qualifier: "ABK", Code: "L89154"}},
		PriorAuthorization:    cert,
		BillingProvider:       edigw.Party{Name: "HOMECARE", IDQualifier: "XX", ID: "1234567893"},
		Lines:                 lines,
	}
}

func bedLine(n int, pos, date string) edigw.ServiceLine {
	return edigw.ServiceLine{
		Number: n, ProcedureQualifier: "HC", ProcedureCode: "E0250", Modifiers: []string{"RR"},
		UnitBasis: "UN", Units: "1", PlaceOfService: pos, ServiceDate: &edigw.Period{From: date},
	}
}

func officeVisit(n int) edigw.ServiceLine {
	return edigw.ServiceLine{Number: n, ProcedureQualifier: "HC", ProcedureCode: "99213", UnitBasis: "UN", Units: "1",
		PlaceOfService: "11", ServiceDate: &edigw.Period{From: "20240201"}}
}

// bedAuth approves three months of bed rental from January 15, 2024: valid
// through May 15.
func bedAuth() *edigw.AuthorizationRequest {
	return &edigw.AuthorizationRequest{
		PayerID: edigw.Cigna,
		Services: []edigw.RequestedService{{
			ProcedureQualifier: "HC", ProcedureCode: "E0250", Modifiers: []string{"RR"}, UnitBasis: "UN", Quantity: "3",
		}},
		Decision:   &edigw.Decision{Action: "A1", CertificationNumber: "EVI123456", EffectivePeriod: &edigw.Period{From: "20240115"}},
		Status:     edigw.AuthApproved,
		Requester:  edigw.ReviewParty{Role: "1P", Party: edigw.Party{Name: "HOMECARE", IDQualifier: "XX", ID: "1234567893"}},
		Subscriber: edigw.Person{LastName: "Quillfeather", MemberID: "U99887766"},
	}
}

// lookupOf is what a store would know.
func lookupOf(auths ...*edigw.AuthorizationRequest) []*edigw.AuthorizationRequest { return auths }

// otherPatient makes bedAuth another patient's.
func otherPatient(a *edigw.AuthorizationRequest) { a.Subscriber.MemberID = "U11111111" }

func TestCheckClaim(t *testing.T) {
	p := cigna(t)
	type want struct {
		code string
		line int
	}
	tests := []struct {
		name  string
		claim *edigw.Claim
		auth  func(*edigw.AuthorizationRequest)
		want  []want
	}{
		{name: "approved and within its months", claim: dmeClaim("EVI123456")},
		{name: "partially approved counts as approved", claim: dmeClaim("EVI123456"),
			auth: func(a *edigw.AuthorizationRequest) { a.Status = edigw.AuthPartiallyApproved; a.Decision.Action = "A2" }},
		{name: "status from HCR01 when the record has none", claim: dmeClaim("EVI123456"),
			auth: func(a *edigw.AuthorizationRequest) { a.Status = "" }},
		{name: "last covered day: start + 3 months + 1", claim: dmeClaim("EVI123456", bedLine(1, "12", "20240515"))},
		{name: "no prior authorization needed", claim: dmeClaim("", officeVisit(1))},
		{name: "DME in a hospital needs none", claim: dmeClaim("", bedLine(1, "21", "20240201"))},
		{name: "no REF*G1", claim: dmeClaim(""), auth: otherPatient, want: []want{{AuthMissing, 1}}},
		{name: "each line needing it is named", claim: dmeClaim("", officeVisit(1), bedLine(2, "12", "20240201"), bedLine(3, "12", "20240301")),
			auth: otherPatient, want: []want{{AuthMissing, 2}, {AuthMissing, 3}}},
		{name: "unknown certification", claim: dmeClaim("EVI999999"),
			auth: func(a *edigw.AuthorizationRequest) { a.Subscriber.MemberID = "U11111111" }, want: []want{{AuthNotFound, 1}}},
		{name: "unknown certification: not matched to the same patient's approval", claim: dmeClaim("EVI999999"),
			want: []want{{AuthNotFound, 1}}},
		{name: "no REF*G1, an approval for the same patient, provider and procedure", claim: func() *edigw.Claim {
			c := dmeClaim("")
			return c
		}(), auth: func(a *edigw.AuthorizationRequest) {}},
		{name: "another provider's certification number finds nothing", claim: func() *edigw.Claim {
			c := dmeClaim("EVI123456")
			c.BillingProvider.ID = "1245319599"
			return c
		}(), want: []want{{AuthNotFound, 1}}},
		{name: "another payer's authorization finds nothing", claim: dmeClaim("EVI123456"),
			auth: func(a *edigw.AuthorizationRequest) { a.PayerID = "99999" }, want: []want{{AuthNotFound, 1}}},
		{name: "units over the approved quantity", claim: dmeClaim("EVI123456", func() edigw.ServiceLine {
			l := bedLine(1, "12", "20240201")
			l.Units = "4"
			return l
		}()), want: []want{{AuthUnitsExceeded, 1}}},
		{name: "denied", claim: dmeClaim("EVI123456"),
			auth: func(a *edigw.AuthorizationRequest) { a.Status = edigw.AuthDenied; a.Decision.Action = "A3" },
			want: []want{{AuthNotApproved, 1}}},
		{name: "pending", claim: dmeClaim("EVI123456"),
			auth: func(a *edigw.AuthorizationRequest) {
				a.Status = edigw.AuthPending
				a.Decision.Action = "A4"
				a.Decision.PendDueDate = "20240120"
			},
			want: []want{{AuthNotApproved, 1}}},
		{name: "cancelled", claim: dmeClaim("EVI123456"),
			auth: func(a *edigw.AuthorizationRequest) { a.Status = edigw.AuthCancelled; a.Decision.Action = "CT" },
			want: []want{{AuthNotApproved, 1}}},
		{name: "procedure not approved", claim: dmeClaim("EVI123456", edigw.ServiceLine{Number: 1, ProcedureQualifier: "HC",
			ProcedureCode: "K0823", Modifiers: []string{"RR"}, PlaceOfService: "12", ServiceDate: &edigw.Period{From: "20240201"}}),
			want: []want{{AuthProcedureNotApproved, 1}}},
		{name: "service denied within a partial approval", claim: dmeClaim("EVI123456"),
			auth: func(a *edigw.AuthorizationRequest) {
				a.Status = edigw.AuthPartiallyApproved
				a.Decision.Action = "A2"
				a.Services[0].Decision = &edigw.Decision{Action: "A3"}
			},
			want: []want{{AuthProcedureNotApproved, 1}}},
		{name: "expired: the day after valid-through", claim: dmeClaim("EVI123456", bedLine(1, "12", "20240516")),
			want: []want{{AuthExpired, 1}}},
		{name: "expired: a line's range ends after valid-through", claim: dmeClaim("EVI123456", func() edigw.ServiceLine {
			l := bedLine(1, "12", "20240501")
			l.ServiceDate.To = "20240531"
			return l
		}()), want: []want{{AuthExpired, 1}}},
		{name: "before the effective date", claim: dmeClaim("EVI123456", bedLine(1, "12", "20240114")),
			want: []want{{AuthNotYetValid, 1}}},
		{name: "the decision's own end date", claim: dmeClaim("EVI123456", bedLine(1, "12", "20240301")),
			auth: func(a *edigw.AuthorizationRequest) { a.Decision.EffectivePeriod.To = "20240229" },
			want: []want{{AuthExpired, 1}}},
		{name: "monthly rental with no approved months", claim: dmeClaim("EVI123456"),
			auth: func(a *edigw.AuthorizationRequest) { a.Services[0].Quantity = "" },
			want: []want{{AuthValidityUnknown, 1}}},
		{name: "DME billed from the office", claim: dmeClaim("EVI123456", bedLine(1, "11", "20240201")),
			want: []want{{DMEPlaceOfService, 1}}},
		{name: "DME from the office, no authorization either", claim: dmeClaim("", bedLine(1, "11", "20240201")),
			auth: otherPatient, want: []want{{DMEPlaceOfService, 1}, {AuthMissing, 1}}},
		{name: "claim's place of service when the line has none", claim: dmeClaim("EVI123456", bedLine(1, "", "20240201"))},
		{name: "claim's service period when the line has no date", claim: func() *edigw.Claim {
			c := dmeClaim("EVI123456", bedLine(1, "12", ""))
			c.Lines[0].ServiceDate = nil
			c.ServicePeriod = &edigw.Period{From: "20240601", To: "20240630"}
			return c
		}(), want: []want{{AuthExpired, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := bedAuth()
			if tt.auth != nil {
				tt.auth(a)
			}
			got := p.CheckClaim(tt.claim, lookupOf(a))
			if len(got) != len(tt.want) {
				t.Fatalf("findings %+v, want %v", got, tt.want)
			}
			for i, w := range tt.want {
				f := got[i]
				if f.Code != w.code || f.Line != w.line || f.Severity != SeverityWarning || f.ClaimID != "PCN-1001" || f.Category == "" {
					t.Errorf("finding %d: %+v, want %s on line %d", i, f, w.code, w.line)
				}
				prefix := "line " + string(rune('0'+w.line)) + ": "
				if !strings.HasPrefix(f.Msg, prefix) {
					t.Errorf("message %q does not start with %q", f.Msg, prefix)
				}
				// No value of the claim: not its PCN, codes, certification or dates either.
				for _, phi := range []string{"Quillfeather", "Ottoline", "U99887766", "19510704", "L89154", "PCN-1001", "E0250", "EVI123456", "2024"} {
					if strings.Contains(f.Msg, phi) {
						t.Errorf("message %q carries %q", f.Msg, phi)
					}
				}
			}
		})
	}
}

func TestCheckClaimMessages(t *testing.T) {
	p := cigna(t)
	denied := bedAuth()
	denied.Status, denied.Decision.Action = edigw.AuthPending, "A4"
	denied.Decision.PendDueDate = "20240120"
	tests := []struct {
		claim *edigw.Claim
		auth  *edigw.AuthorizationRequest
		want  string
	}{
		{dmeClaim(""), func() *edigw.AuthorizationRequest { a := bedAuth(); otherPatient(a); return a }(), "line 1: the hospital beds service (procedure code) needs prior authorization and the claim names none (REF*G1)"},
		{dmeClaim("EVI123456"), denied, "line 1: the hospital beds service (procedure code) relies on the certification it names (REF*G1), which is pending, documentation due by the decision's date"},
		{dmeClaim("EVI123456", bedLine(1, "12", "20240516")), bedAuth(),
			"line 1: the hospital beds service (procedure code) was given (DTP*472) after the certification it names (REF*G1) ended"},
		{dmeClaim("EVI123456", bedLine(1, "11", "20240201")), bedAuth(),
			"line 1: the hospital beds service (procedure code) is durable medical equipment billed at a place of service (CLM05-1/SV105) other than 12, the one Cigna Healthcare expects"},
	}
	for _, tt := range tests {
		got := p.CheckClaim(tt.claim, lookupOf(tt.auth))
		if len(got) != 1 || got[0].Msg != tt.want {
			t.Errorf("findings %+v\nwant message %q", got, tt.want)
		}
	}
}

// A home health agency's 837I: lines count by revenue code on a home
// health type of bill, and no place of service is checked.
func TestCheckClaimInstitutionalHomeHealth(t *testing.T) {
	p := cigna(t)
	auth := &edigw.AuthorizationRequest{
		PayerID: edigw.Cigna,
		Services: []edigw.RequestedService{
			{ProcedureQualifier: "HC", ProcedureCode: "G0299", UnitBasis: "UN", Quantity: "12"},
			{RevenueCode: "0571", UnitBasis: "UN", Quantity: "8"},
		},
		Decision:  &edigw.Decision{Action: "A1", CertificationNumber: "HH777", EffectivePeriod: &edigw.Period{From: "20240301", To: "20240430"}},
		Status:    edigw.AuthApproved,
		Requester: edigw.ReviewParty{Role: "1P", Party: edigw.Party{IDQualifier: "XX", ID: "1234567893"}},
	}
	claim := &edigw.Claim{
		PayerID: edigw.Cigna, Kind: edigw.Institutional, PatientControlNumber: "HH-42",
		FacilityCode: "32", FacilityCodeQualifier: "A", PriorAuthorization: "HH777",
		BillingProvider: edigw.Party{IDQualifier: "XX", ID: "1234567893"},
		Lines: []edigw.ServiceLine{
			{Number: 1, RevenueCode: "0023", ProcedureQualifier: "HP", ProcedureCode: "1AA11", ServiceDate: &edigw.Period{From: "20240301"}},
			{Number: 2, RevenueCode: "0551", ProcedureQualifier: "HC", ProcedureCode: "G0299", ServiceDate: &edigw.Period{From: "20240305"}},
			{Number: 3, RevenueCode: "0571", ServiceDate: &edigw.Period{From: "20240306"}},
			{Number: 4, RevenueCode: "0421", ProcedureQualifier: "HC", ProcedureCode: "G0151", ServiceDate: &edigw.Period{From: "20240307"}},
			{Number: 5, RevenueCode: "0551", ProcedureQualifier: "HC", ProcedureCode: "G0299", ServiceDate: &edigw.Period{From: "20240501"}},
		},
	}
	got := p.CheckClaim(claim, lookupOf(auth))
	want := []struct {
		code string
		line int
	}{{AuthProcedureNotApproved, 4}, {AuthExpired, 5}}
	if len(got) != len(want) {
		t.Fatalf("findings %+v", got)
	}
	for i, w := range want {
		if got[i].Code != w.code || got[i].Line != w.line || got[i].ClaimID != "HH-42" {
			t.Errorf("finding %d: %+v, want %s on line %d", i, got[i], w.code, w.line)
		}
	}

	claim.FacilityCode = "13" // the same lines billed by a hospital outpatient department
	if got := p.CheckClaim(claim, lookupOf(auth)); len(got) != 0 {
		t.Errorf("hospital outpatient bill: %+v", got)
	}
}

// Two approvals of the same procedure: a line covered by either is fine.
func TestCheckClaimAnyMatchingServiceCovers(t *testing.T) {
	p := cigna(t)
	auth := bedAuth()
	second := auth.Services[0]
	second.Decision = &edigw.Decision{Action: "A1", EffectivePeriod: &edigw.Period{From: "20240601", To: "20240831"}}
	auth.Services[0].Decision = &edigw.Decision{Action: "A1", EffectivePeriod: &edigw.Period{From: "20240115", To: "20240331"}}
	auth.Services = append(auth.Services, second)
	for _, date := range []string{"20240201", "20240701"} {
		if got := p.CheckClaim(dmeClaim("EVI123456", bedLine(1, "12", date)), lookupOf(auth)); len(got) != 0 {
			t.Errorf("%s: %+v", date, got)
		}
	}
	if got := p.CheckClaim(dmeClaim("EVI123456", bedLine(1, "12", "20240415")), lookupOf(auth)); len(got) != 1 || got[0].Code != AuthExpired {
		t.Errorf("between the two: %+v", got)
	}
}

// Nothing known: every line needing authorization finds none.
func TestCheckClaimNothingKnown(t *testing.T) {
	p := cigna(t)
	c := dmeClaim("EVI123456", bedLine(1, "12", "20240201"), bedLine(2, "12", "20240301"), officeVisit(3))
	if got := p.CheckClaim(c, nil); len(got) != 2 || got[0].Code != AuthNotFound || got[0].Rule != RuleMissing || got[0].Action != Warn {
		t.Errorf("nothing known: %+v", got)
	}
}
