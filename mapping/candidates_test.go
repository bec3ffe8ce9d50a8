package mapping

import (
	"testing"

	"github.com/edigw/edigw"
)

// An authorization whose decision and services carry the same number is a
// candidate once, and one with two numbers is found by either.
func TestCandidatesByQueryOncePerAuthorization(t *testing.T) {
	d := func(n string) *edigw.Decision { return &edigw.Decision{CertificationNumber: n} }
	same := &edigw.AuthorizationRequest{PayerID: "P", Decision: d("C1"),
		Services: []edigw.RequestedService{{Decision: d("C1")}, {Decision: d(" C1 ")}}}
	two := &edigw.AuthorizationRequest{PayerID: "P", Decision: d("C2"), Services: []edigw.RequestedService{{Decision: d("C3")}}}
	other := &edigw.AuthorizationRequest{PayerID: "Q", Decision: d("C1")}
	got := candidatesByQuery([]AuthorizationQuery{
		{PayerID: "P", CertificationNumber: "C1"},
		{PayerID: "P", CertificationNumber: "C3"},
	}, []*edigw.AuthorizationRequest{same, nil, two, other})
	if len(got[0]) != 1 || got[0][0] != same {
		t.Errorf("C1: got %d candidates, want the one authorization of payer P", len(got[0]))
	}
	if len(got[1]) != 1 || got[1][0] != two {
		t.Errorf("C3: got %d candidates, want the authorization whose service carries it", len(got[1]))
	}
}
