package payers

import (
	"encoding/json"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/edigw/edigw"
)

func lcReq() *edigw.AuthorizationRequest {
	return &edigw.AuthorizationRequest{PayerID: edigw.Cigna, CertificationType: "I", PlaceOfService: "12",
		SubmittedAt: "202607020900",
		Services: []edigw.RequestedService{{ProcedureQualifier: "HC", ProcedureCode: "E1390", Modifiers: []string{"RR"},
			UnitBasis: "UN", Quantity: "3", Period: &edigw.Period{From: "20260710"}}}}
}

func TestFactsOf(t *testing.T) {
	p := cigna(t)
	received := time.Date(2026, 7, 2, 15, 0, 0, 0, time.UTC)
	a := lcReq()
	f := p.FactsOf(a, received)
	if f.Urgency != edigw.UrgencyStandard || f.Retrospective || f.LineOfBusiness != "commercial" || f.Category != "oxygen" || f.CategoryKind != KindDME {
		t.Errorf("%+v", f)
	}
	a.SubscriberReferences = []edigw.Reference{{Qualifier: "6P", Value: "MA20001"}}
	a.Services[0].LevelOfService = "03"
	a.SubmittedAt = "20260711"
	if f := p.FactsOf(a, received); f.LineOfBusiness != "medicare_advantage" || f.Urgency != edigw.UrgencyUrgent || !f.Retrospective {
		t.Errorf("%+v", f)
	}
	// An appeal reviews a decision: expedited is urgent, never retrospective.
	a.CertificationType, a.PreviousAuthorization = CertAppealExpedited, "C1"
	a.Services[0].LevelOfService = ""
	if f := p.FactsOf(a, received); f.Urgency != edigw.UrgencyUrgent || f.Retrospective || f.OriginalCertification != "C1" {
		t.Errorf("appeal %+v", f)
	}
	a.CertificationType = CertInitial
	if f := p.FactsOf(a, received); f.OriginalCertification != "" {
		t.Errorf("an initial request refers to nothing: %+v", f)
	}
}

func TestClocksOf(t *testing.T) {
	p := cigna(t)
	thu := time.Date(2026, 7, 2, 15, 0, 0, 0, time.UTC) // Fri 07-03 is Independence Day observed
	tests := []struct {
		name       string
		f          RequestFacts
		received   time.Time
		due        time.Time
		regulatory string
	}{
		{"commercial standard", RequestFacts{CertificationType: "I", Urgency: "standard", LineOfBusiness: "commercial"}, thu,
			time.Date(2026, 7, 7, 15, 0, 0, 0, time.UTC), ""},
		{"Medicare Advantage standard", RequestFacts{CertificationType: "I", Urgency: "standard", LineOfBusiness: "medicare_advantage"}, thu,
			time.Date(2026, 7, 7, 15, 0, 0, 0, time.UTC), "2026-07-09T15:00:00Z"},
		{"Medicare Advantage urgent", RequestFacts{CertificationType: "I", Urgency: "urgent", LineOfBusiness: "medicare_advantage"}, thu,
			time.Date(2026, 7, 5, 15, 0, 0, 0, time.UTC), "2026-07-05T15:00:00Z"},
		{"before the rule", RequestFacts{CertificationType: "I", Urgency: "standard", LineOfBusiness: "medicaid"},
			time.Date(2025, 12, 30, 15, 0, 0, 0, time.UTC), time.Date(2026, 1, 2, 15, 0, 0, 0, time.UTC), ""},
		{"expedited appeal", RequestFacts{CertificationType: "1", Urgency: "urgent", LineOfBusiness: "medicare_advantage"}, thu,
			time.Date(2026, 7, 5, 15, 0, 0, 0, time.UTC), ""},
		{"standard appeal", RequestFacts{CertificationType: "2", Urgency: "standard", LineOfBusiness: "commercial"}, thu,
			time.Date(2026, 8, 31, 15, 0, 0, 0, time.UTC), ""},
	}
	for _, tt := range tests {
		c := p.ClocksOf(tt.f, tt.received, tt.received)
		var reg string
		if c.RegulatoryDecisionDue != nil {
			reg = c.RegulatoryDecisionDue.Format(time.RFC3339)
		}
		if !c.DecisionDue.Equal(tt.due) || reg != tt.regulatory {
			t.Errorf("%s: %v %q, want %v %q", tt.name, c.DecisionDue, reg, tt.due, tt.regulatory)
		}
	}
}

func TestHoldOf(t *testing.T) {
	p := cigna(t)
	pended := time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)
	r := lcReq()
	r.Decision = &edigw.Decision{Action: "A4", Rejections: []edigw.Rejection{{Reason: "15", FollowUp: "C"}}}
	r.Attachments = []edigw.Attachment{{ReportType: "77", Transmission: "FX"}}
	r.Services[0].Attachments = []edigw.Attachment{{ReportType: "OB", Transmission: "FX"}, {ReportType: "77", Transmission: "EL"}}
	missing, due := p.HoldOf(r, pended)
	if !slices.Equal(missing, []string{"PWK:77", "AAA:15", "PWK:OB"}) || due != "2026-12-09" {
		t.Errorf("%v %s", missing, due)
	}
	r.Decision.PendDueDate = "20261204"
	if _, due := p.HoldOf(r, pended); due != "2026-12-04" {
		t.Errorf("the record's due date: %s", due)
	}
}

func TestValidityOf(t *testing.T) {
	p := cigna(t)
	decided := time.Date(2026, 7, 6, 10, 0, 0, 0, time.UTC)
	a := lcReq()
	a.Decision = &edigw.Decision{Action: "A1", EffectivePeriod: &edigw.Period{From: "20260710"}}
	if from, through := p.ValidityOf(a, decided); from != "2026-07-10" || through != "2026-11-10" {
		t.Errorf("a monthly rental of 3 months from a start date only: %s..%s", from, through)
	}
	a.Decision.EffectivePeriod = &edigw.Period{From: "20260710", To: "20260930"}
	if from, through := p.ValidityOf(a, decided); from != "2026-07-10" || through != "2026-09-30" {
		t.Errorf("the decision's end wins: %s..%s", from, through)
	}
	a.Services[0].Modifiers, a.Services[0].ProcedureCode = []string{"NU"}, "E0250"
	a.Decision.EffectivePeriod = nil
	if from, through := p.ValidityOf(a, decided); from != "2026-07-10" || through != "2026-10-08" {
		t.Errorf("a purchase from the service date: %s..%s", from, through)
	}
	a.Services[0].Period = nil
	if from, through := p.ValidityOf(a, decided); from != "2026-07-06" || through != "2026-10-04" {
		t.Errorf("no date but the decision's: %s..%s", from, through)
	}
}

func TestDenialReasonsOf(t *testing.T) {
	p := cigna(t)
	a := lcReq()
	a.Decision = &edigw.Decision{Action: "A3", Reasons: []string{"0F", "ZZ"}}
	a.Services[0].Decision = &edigw.Decision{Action: "A3", Reasons: []string{"0F", "0M"}}
	got := p.DenialReasonsOf(a)
	want := []edigw.DenialReason{{Code: "0F", Description: "Not medically necessary"}, {Code: "ZZ"},
		{Code: "0M", Description: "Non-covered service"}}
	if !slices.Equal(got, want) {
		t.Errorf("X12's descriptions: %+v, want %+v", got, want)
	}
	// A reviewer's own code, or its own words for one of X12's.
	own := *p // a copy: the registry's profile is shared
	own.DenialReasons.Codes = map[string]string{"ZZ": "the reviewer's reason", "0M": "not a benefit of the member's plan"}
	got = own.DenialReasonsOf(a)
	want = []edigw.DenialReason{{Code: "0F", Description: "Not medically necessary"}, {Code: "ZZ", Description: "the reviewer's reason"},
		{Code: "0M", Description: "not a benefit of the member's plan"}}
	if !slices.Equal(got, want) {
		t.Errorf("the profile's descriptions: %+v, want %+v", got, want)
	}
	if d := p.AppealDeadlineOf(time.Date(2026, 10, 9, 18, 0, 0, 0, time.UTC)); d != "2027-04-07" {
		t.Errorf("appeal deadline %s", d)
	}
}

func TestLinesOfBusinessAreChecked(t *testing.T) {
	for _, tc := range []struct{ lines, want string }{
		{`{"default": "x", "lines": [{"name": "commercial"}]}`, `default "x" is not a line`},
		{`{"default": "commercial", "lines": [{"name": "commercial", "regulatory": "NOPE"}]}`, `unknown rule "NOPE"`},
		{`{"default": "commercial", "lines": [{"name": "commercial"}], "references": [{"qualifier": "6P", "prefix": "", "lineOfBusiness": "commercial"}]}`, "reference rule"},
	} {
		b, err := fs.ReadFile(data, "data/62308.json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		m["linesOfBusiness"] = json.RawMessage(tc.lines)
		raw, _ := json.Marshal(m)
		_, err = ParseBytes(raw)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v", tc.lines, err)
		}
	}
}
