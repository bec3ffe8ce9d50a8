package payers

import (
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// approvedRequest is an approved 278 with one service, effective from
// start with no end date unless the test gives one.
func approvedRequest(start string, s edigw.RequestedService) *edigw.AuthorizationRequest {
	if s.ProcedureQualifier == "" {
		s.ProcedureQualifier = "HC"
	}
	return &edigw.AuthorizationRequest{
		PayerID:  edigw.Cigna,
		Services: []edigw.RequestedService{s},
		Decision: &edigw.Decision{Action: "A1", CertificationNumber: "CERT1", EffectivePeriod: &edigw.Period{From: start}},
		Status:   edigw.AuthApproved,
	}
}

func TestAuthorizationValidThrough(t *testing.T) {
	p := cigna(t)
	tests := []struct {
		name    string
		start   string
		service edigw.RequestedService
		want    string
		wantErr string
	}{
		{"monthly rental of 3 months: start + 4 months", "20240115",
			edigw.RequestedService{ProcedureCode: "E0250", Modifiers: []string{"RR"}, UnitBasis: "UN", Quantity: "3"}, "20240515", ""},
		{"capped rental month modifier alone is monthly", "20240115",
			edigw.RequestedService{ProcedureCode: "E0250", Modifiers: []string{"KJ"}, UnitBasis: "UN", Quantity: "2"}, "20240415", ""},
		{"months written with decimals", "20240115",
			edigw.RequestedService{ProcedureCode: "E0250", Modifiers: []string{"RR", "KH"}, UnitBasis: "UN", Quantity: "3.00"}, "20240515", ""},
		{"month end clamps to a shorter month", "20231031",
			edigw.RequestedService{ProcedureCode: "E0250", Modifiers: []string{"RR"}, Quantity: "3"}, "20240229", ""},
		{"new purchase: 90 days", "20240115",
			edigw.RequestedService{ProcedureCode: "E0250", Modifiers: []string{"NU"}, Quantity: "1"}, "20240414", ""},
		{"used purchase: 90 days", "20240115",
			edigw.RequestedService{ProcedureCode: "K0001", Modifiers: []string{"UE"}, Quantity: "1"}, "20240414", ""},
		{"daily rental: RR with unit basis DA, 90 days", "20240115",
			edigw.RequestedService{ProcedureCode: "E0250", Modifiers: []string{"RR"}, UnitBasis: "DA", Quantity: "20"}, "20240414", ""},
		{"no modifiers: the category's acquisition (orthotics are bought)", "20240115",
			edigw.RequestedService{ProcedureCode: "L1833", Quantity: "1"}, "20240414", ""},
		{"no modifiers: the category's acquisition (beds are rented monthly)", "20240115",
			edigw.RequestedService{ProcedureCode: "E0250", Quantity: "2"}, "20240415", ""},
		{"home health visits: otherDays", "20240115",
			edigw.RequestedService{ProcedureCode: "G0299", UnitBasis: "UN", Quantity: "12"}, "20240414", ""},
		{"monthly rental without months", "20240115",
			edigw.RequestedService{ProcedureCode: "E0250", Modifiers: []string{"RR"}, Quantity: ""}, "", "whole number of months"},
		{"monthly rental of part of a month", "20240115",
			edigw.RequestedService{ProcedureCode: "E0250", Modifiers: []string{"RR"}, Quantity: "1.5"}, "", "whole number of months"},
		{"bad effective date", "2024011",
			edigw.RequestedService{ProcedureCode: "E0250", Modifiers: []string{"NU"}}, "", "CCYYMMDD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := approvedRequest(tt.start, tt.service)
			got, err := p.AuthorizationValidThrough(a, &a.Services[0])
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("got %q, %v; want an error about %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("got %q, %v; want %s", got, err, tt.want)
			}
		})
	}
}

func TestAuthorizationValidThroughPrefersTheDecisionsEndDate(t *testing.T) {
	p := cigna(t)
	a := approvedRequest("20240115", edigw.RequestedService{ProcedureCode: "E0250", Modifiers: []string{"NU"}})
	a.Decision.EffectivePeriod.To = "20240201"
	if got, err := p.AuthorizationValidThrough(a, &a.Services[0]); err != nil || got != "20240201" {
		t.Errorf("event end: %q, %v", got, err)
	}
	a.Services[0].Decision = &edigw.Decision{Action: "A1", EffectivePeriod: &edigw.Period{From: "20240115", To: "20240301"}}
	if got, err := p.AuthorizationValidThrough(a, &a.Services[0]); err != nil || got != "20240301" {
		t.Errorf("service end: %q, %v", got, err)
	}
}

func TestAuthorizationValidThroughCountsFromTheServiceWithoutAnEffectiveDate(t *testing.T) {
	p := cigna(t)
	a := approvedRequest("", edigw.RequestedService{ProcedureCode: "E0250", Modifiers: []string{"NU"}, Period: &edigw.Period{From: "20240301"}})
	a.Decision.EffectivePeriod = nil
	if got, err := p.AuthorizationValidThrough(a, &a.Services[0]); err != nil || got != "20240530" {
		t.Errorf("got %q, %v; want 20240530", got, err)
	}
	a.Services[0].Period = nil
	if got, err := p.AuthorizationValidThrough(a, &a.Services[0]); err == nil {
		t.Errorf("no date at all: %q", got)
	}
}

func TestAcquisitionOf(t *testing.T) {
	p := cigna(t)
	tests := []struct {
		code      string
		modifiers []string
		unitBasis string
		want      Acquisition
	}{
		{"E0250", []string{"RR"}, "UN", MonthlyRental},
		{"E0250", []string{"RR"}, "DA", DailyRental},
		{"E0250", []string{"rr"}, "DA", DailyRental},
		{"E0250", []string{"RR", "KI"}, "DA", MonthlyRental}, // a capped rental month is monthly whatever the unit
		{"E0250", []string{"NU"}, "UN", Purchase},
		{"E0250", []string{"KH"}, "UN", MonthlyRental}, // KH decides nothing: the bed category's usual way
		{"A5500", []string{"KH"}, "UN", Purchase},      // ... and shoes are bought
		{"E0250", []string{"KX"}, "UN", MonthlyRental},
		{"G0299", nil, "UN", Unspecified},
		{"99213", nil, "UN", Unspecified},
	}
	for _, tt := range tests {
		if got := p.AcquisitionOf("HC", tt.code, tt.modifiers, tt.unitBasis); got != tt.want {
			t.Errorf("%s %v %s: %q, want %q", tt.code, tt.modifiers, tt.unitBasis, got, tt.want)
		}
	}
}

func TestRetrospective(t *testing.T) {
	p := cigna(t)
	tests := []struct {
		request, service string
		want             bool
	}{
		{"20240110", "20240105", true},
		{"202401100930", "20240105", true}, // BHT04-05 with a time
		{"20240105", "20240105", false},    // same day is not after
		{"202401050930", "20240105", false},
		{"20240101", "20240105", false},
		{"", "20240105", false},
		{"2024-01-10", "20240105", false},
	}
	for _, tt := range tests {
		if got := p.Retrospective(tt.request, tt.service); got != tt.want {
			t.Errorf("Retrospective(%q, %q) = %v, want %v", tt.request, tt.service, got, tt.want)
		}
	}
}
