package api

import (
	"context"
	"slices"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// providerCheck decides whether a token may name a provider in a
// submission. Reading is generous (a record is in scope when its TIN or
// its NPI is the token's); naming is strict, since what a submission
// names goes to the payer under that provider's identity: every
// identifier named must be in the token's scope, the TIN among its TINs
// and the NPI among its NPIs. The one exception is a pair the operator
// declared (Store.ProviderDeclared: a token holding that TIN
// alone and that NPI): a token may name an NPI declared under one of its
// TINs, and a TIN one of its NPIs is declared under. So a TIN token
// vouches for the NPIs declared under its TIN and for no other.
// docs/decisions/0007-submission-scope.md says why.
type providerCheck struct {
	store    providerDeclarer
	scope    edigw.Scope
	declared map[[2]string]bool // answers of the store, per (TIN, NPI)
}

func newProviderCheck(store providerDeclarer, tok *edigw.Token) *providerCheck {
	return &providerCheck{store: store, scope: tok.Scope, declared: map[[2]string]bool{}}
}

// outside returns the problems of a provider the token may not name:
// none when it may. role is the party's JSON field ("billingProvider",
// "requester") and who its name in messages ("billing provider").
func (c *providerCheck) outside(ctx context.Context, record int, role, who string, tin, npi string) ([]mapping.Problem, error) {
	if tin == "" && npi == "" {
		return []mapping.Problem{{Record: record, Field: role,
			Message: "the " + who + " has neither a TIN nor an NPI, so no token's scope covers it"}}, nil
	}
	tinOK := tin == "" || slices.Contains(c.scope.TINs, tin)
	npiOK := npi == "" || slices.Contains(c.scope.NPIs, npi)
	var err error
	switch {
	case !tinOK && npiOK:
		// The TIN is not the token's: the NPI named (or, when none is,
		// one of the token's) must be declared under it.
		vouchers := c.scope.NPIs
		if npi != "" {
			vouchers = []string{npi}
		}
		tinOK, err = c.anyDeclared(ctx, []string{tin}, vouchers)
	case tinOK && !npiOK:
		vouchers := c.scope.TINs
		if tin != "" {
			vouchers = []string{tin}
		}
		npiOK, err = c.anyDeclared(ctx, vouchers, []string{npi})
	}
	if err != nil {
		return nil, err
	}
	var out []mapping.Problem
	if !tinOK {
		out = append(out, mapping.Problem{Record: record, Field: role + ".taxId",
			Message: "the " + who + "'s TIN is outside this token's scope, and not declared for its NPI"})
	}
	if !npiOK {
		out = append(out, mapping.Problem{Record: record, Field: role + ".id",
			Message: "the " + who + "'s NPI is outside this token's scope, and not declared under its TIN"})
	}
	return out, nil
}

// anyDeclared reports whether the operator declared one of the NPIs
// under one of the TINs (the lists are a scope's: a few entries).
func (c *providerCheck) anyDeclared(ctx context.Context, tins, npis []string) (bool, error) {
	for _, tin := range tins {
		for _, npi := range npis {
			k := [2]string{tin, npi}
			ok, seen := c.declared[k]
			if !seen {
				var err error
				if ok, err = c.store.ProviderDeclared(ctx, tin, npi); err != nil {
					return false, err
				}
				c.declared[k] = ok
			}
			if ok {
				return true, nil
			}
		}
	}
	return false, nil
}

// payerProblem refuses a record for a payer no trading partner is
// configured for: it would wait in the queue for good.
func (s *Server) payerProblem(record int, payer edigw.PayerID) []mapping.Problem {
	known := slices.Contains(s.Payers, payer)
	if len(s.Payers) == 0 {
		known = payer == s.payer()
	}
	if known {
		return nil
	}
	return []mapping.Problem{{Record: record, Field: "payerId",
		Message: "no trading partner is configured for this payer, so nothing would ever send the record"}}
}
