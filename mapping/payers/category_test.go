package payers

import (
	"testing"

	"github.com/edigw/edigw"
)

func TestAuthorizationCategoryProfessional(t *testing.T) {
	p := cigna(t)
	tests := []struct {
		name string
		pos  string
		code string
		want string // category, "" for none
	}{
		{"hospital bed at home", "12", "E0250", "hospital beds"},
		{"office visit", "11", "99213", ""},
		{"hospital bed for an inpatient", "21", "E0250", ""},
		{"hospital bed in a SNF", "31", "E0250", ""},
		{"hospital bed at an ASC", "24", "E0250", ""},
		{"DME billed from the office still needs it", "11", "E0250", "hospital beds"},
		{"over-bed table is not a bed", "12", "E0274", ""},
		{"powered air mattress is a support surface", "12", "E0277", "pressure-reducing support surfaces"},
		{"positioning cushion is not a support surface", "12", "E0190", ""},
		{"oxygen concentrator", "12", "E1390", "oxygen"},
		{"portable oxygen", "12", "E0431", "oxygen"},
		{"home ventilator", "12", "E0466", "ventilators"},
		{"bi-level device is not oxygen or a ventilator", "12", "E0470", ""},
		{"pacemaker monitor", "12", "E0615", "pacemaker monitors"},
		{"patient lift", "12", "E0630", "patient lifts"},
		{"standing frame is not a lift", "12", "E0638", ""},
		{"power wheelchair", "12", "K0823", "wheelchairs"},
		{"manual wheelchair", "12", "K0001", "wheelchairs"},
		{"wheelchair cushion", "12", "E2603", "wheelchairs"},
		{"defibrillator is in K but not a wheelchair", "12", "K0606", ""},
		{"diabetic shoe", "12", "A5500", "diabetic shoes"},
		{"below-knee prosthesis", "12", "L5100", "prosthetics"},
		{"implanted cochlear device is surgical", "12", "L8614", ""},
		{"knee orthosis", "11", "L1833", "orthotics"},
		{"home health skilled nursing", "12", "G0299", "home nursing"},
		{"home health aide", "12", "G0156", "home health aides"},
		{"home PT visit", "12", "G0151", "home therapies"},
		{"therapist's CPT at home", "12", "97110", "home therapies by therapists (CPT)"},
		{"therapist's CPT in the office", "11", "97110", ""},
		{"social work at home", "12", "G0155", "home social work"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := edigw.ServiceLine{Number: 1, ProcedureQualifier: "HC", ProcedureCode: tt.code}
			c, ok := p.AuthorizationCategory(tt.pos, l)
			if got := c.Name; ok != (tt.want != "") || got != tt.want {
				t.Errorf("%s at %s: %q, %v; want %q", tt.code, tt.pos, got, ok, tt.want)
			}
		})
	}
}

func TestAuthorizationCategoryInstitutional(t *testing.T) {
	p := cigna(t)
	tests := []struct {
		name     string
		billType string
		revenue  string
		code     string
		want     string
	}{
		{"home health skilled nursing visit", "32", "0551", "G0299", "home nursing"},
		{"home health nursing by revenue code alone", "32", "0551", "", "home nursing"},
		{"home health PT by revenue code", "34", "0421", "", "home therapies"},
		{"home health aide by revenue code", "33", "0571", "", "home health aides"},
		{"home health other visits", "32", "0581", "", "home health visits, other"},
		{"hospital outpatient PT", "13", "0421", "97110", ""},
		{"hospital inpatient bed", "11", "0290", "E0250", ""},
		{"SNF nursing", "21", "0551", "", ""},
		{"revenue code without a home health bill", "71", "0551", "", ""},
		{"DME on a home health bill", "32", "0291", "E0250", "hospital beds"},
		{"therapist's CPT on an institutional bill counts by revenue code", "32", "0421", "97110", "home therapies"},
		{"HIPPS payment line", "32", "0023", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := edigw.ServiceLine{Number: 1, RevenueCode: tt.revenue, ProcedureCode: tt.code}
			if tt.code != "" {
				l.ProcedureQualifier = "HC"
			}
			c, ok := p.InstitutionalAuthorizationCategory(tt.billType, l)
			if got := c.Name; ok != (tt.want != "") || got != tt.want {
				t.Errorf("bill type %s revenue %s code %s: %q, %v; want %q", tt.billType, tt.revenue, tt.code, got, ok, tt.want)
			}
		})
	}
}

// Codes of other code sets never match a HCPCS range: a dental D code is
// CDT, not HCPCS DME.
func TestAuthorizationCategoryIgnoresOtherCodeSets(t *testing.T) {
	p := cigna(t)
	l := edigw.ServiceLine{Number: 1, ProcedureQualifier: "AD", ProcedureCode: "E0250"}
	if c, ok := p.AuthorizationCategory("12", l); ok {
		t.Errorf("AD E0250 is in %q", c.Name)
	}
}
