package api

import (
	"context"
	"slices"

	"github.com/edigw/edigw"
)

// providerCheck decides whether a token may name a provider in a
// submission. Reading is generous (a record is in scope when its TIN or
// its NPI is the token's); naming is strict, since what a submission
// names goes to the payer under that provider's identity: every
// identifier named must be in the token's scope, the TIN among its TINs
// and the NPI among its NPIs. A token holding only one of the two may
// name the other when the operator has declared that NPI under that TIN
// (edigw.TokenStore.ProviderDeclared): a TIN token vouches for the NPIs
// declared under its TIN and for no other, an NPI token for the TIN its
// NPI is declared under. docs/decisions/0007-submission-scope.md says why.
type providerCheck struct {
	store    edigw.TokenStore
	scope    edigw.Scope
	declared map[[2]string]bool // answers of the store, per (TIN, NPI)
}

func newProviderCheck(store edigw.TokenStore, tok *edigw.Token) *providerCheck {
	return &providerCheck{store: store, scope: tok.Scope, declared: map[[2]string]bool{}}
}

// outside returns the problems of a provider the token may not name:
// none when it may. role is the party's JSON field ("billingProvider",
// "requester") and who its name in messages ("billing provider").
func (c *providerCheck) outside(ctx context.Context, record int, ref, role, who string, tin, npi string) ([]Problem, error) {
	tinIn := tin != "" && slices.Contains(c.scope.TINs, tin)
	npiIn := npi != "" && slices.Contains(c.scope.NPIs, npi)
	if tin == "" && npi == "" {
		return []Problem{{Record: record, Reference: ref, Field: role,
			Message: "the " + who + " has neither a TIN nor an NPI, so no token's scope covers it"}}, nil
	}
	if (tin == "" || tinIn) && (npi == "" || npiIn) {
		return nil, nil
	}
	if tin != "" && npi != "" && tinIn != npiIn {
		ok, err := c.isDeclared(ctx, tin, npi)
		if err != nil || ok {
			return nil, err
		}
	}
	var out []Problem
	if tin != "" && !tinIn {
		out = append(out, Problem{Record: record, Reference: ref, Field: role + ".taxId",
			Message: "the " + who + "'s TIN is outside this token's scope (nor is it declared for the token's NPI)"})
	}
	if npi != "" && !npiIn {
		out = append(out, Problem{Record: record, Reference: ref, Field: role + ".id",
			Message: "the " + who + "'s NPI is outside this token's scope (nor is it declared under the token's TIN)"})
	}
	return out, nil
}

func (c *providerCheck) isDeclared(ctx context.Context, tin, npi string) (bool, error) {
	k := [2]string{tin, npi}
	if ok, seen := c.declared[k]; seen {
		return ok, nil
	}
	ok, err := c.store.ProviderDeclared(ctx, tin, npi)
	if err != nil {
		return false, err
	}
	c.declared[k] = ok
	return ok, nil
}

// payerProblem refuses a record for a payer no trading partner is
// configured for: it would wait in the queue for good.
func (s *Server) payerProblem(record int, ref string, payer edigw.PayerID) []Problem {
	known := slices.Contains(s.Payers, payer)
	if len(s.Payers) == 0 {
		known = payer == s.payer()
	}
	if known {
		return nil
	}
	return []Problem{{Record: record, Reference: ref, Field: "payerId",
		Message: "no trading partner is configured for this payer, so nothing would ever send the record"}}
}
