package payers

import (
	"slices"
	"strconv"
	"strings"

	"github.com/edigw/edigw"
)

// Which authorizations may cover a claim (issue 11's matching rules, as
// for every answer edigw matches): only those of the claim's payer that
// name the claim's billing provider (its NPI) as their requester or
// service provider. Not the rendering provider: the billing provider is
// the one a token's or a partner's scope vouches for, while any submitter
// may write another provider's NPI as rendering provider, and findings
// would then tell it the state of that provider's authorization. Among them, those that carry the
// certification number of the claim's REF*G1; when none does (or the
// claim names none), those of the same patient (subscriber member ID)
// with a service of the line's procedure. A certification number is
// chosen by whoever writes it, so it never finds an authorization alone:
// provider B's claim naming provider A's number finds nothing.

// candidatesFor keeps the authorizations of known that belong to claim c's
// payer and providers, and says whether they were found by its REF*G1.
func candidatesFor(c *edigw.Claim, known []*edigw.AuthorizationRequest) (found []*edigw.AuthorizationRequest, byCert bool) {
	billing := c.BillingProvider.NPI()
	if billing == "" {
		return nil, false
	}
	cert := strings.TrimSpace(c.PriorAuthorization)
	member := strings.TrimSpace(c.Subscriber.MemberID)
	if cert == "" && member == "" {
		return nil, false
	}
	for _, a := range known {
		if a == nil || a.PayerID != c.PayerID || !namesProvider(a, billing) {
			continue
		}
		if cert != "" && Certifies(a, cert) || cert == "" && strings.TrimSpace(a.Subscriber.MemberID) == member {
			found = append(found, a)
		}
	}
	return found, cert != ""
}

// namesProvider says whether a names npi (or other, when set) as its
// requester or a service provider (SJ).
func namesProvider(a *edigw.AuthorizationRequest, npi string) bool {
	return anyProviderNPI(a, func(n string) bool { return n == npi })
}

// AuthorizationProviderNPIs are the NPIs an authorization is scoped to:
// its requester's and its service providers' (SJ) of the event and of
// each service.
func AuthorizationProviderNPIs(a *edigw.AuthorizationRequest) []string {
	var out []string
	anyProviderNPI(a, func(n string) bool {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
		return false
	})
	return out
}

// anyProviderNPI calls f with the NPI of a's requester, then of each
// service provider (SJ) of the event and of each service, skipping the
// empty ones, until f says true; it says whether f did.
func anyProviderNPI(a *edigw.AuthorizationRequest, f func(npi string) bool) bool {
	is := func(p edigw.ReviewParty) bool {
		n := p.NPI()
		return n != "" && f(n)
	}
	if is(a.Requester) {
		return true
	}
	for _, p := range a.Providers {
		if p.Role == "SJ" && is(p) {
			return true
		}
	}
	for _, s := range a.Services {
		for _, p := range s.Providers {
			if p.Role == "SJ" && is(p) {
				return true
			}
		}
	}
	return false
}

// Certifies says whether the decision on a, or on one of its services,
// carries certification number cert.
func Certifies(a *edigw.AuthorizationRequest, cert string) bool {
	if a.Decision != nil && strings.TrimSpace(a.Decision.CertificationNumber) == cert {
		return true
	}
	for _, s := range a.Services {
		if s.Decision != nil && strings.TrimSpace(s.Decision.CertificationNumber) == cert {
			return true
		}
	}
	return false
}

// unitsExceed says whether a line bills more units than the approved
// quantity of service s, when both are numbers in the same unit basis.
func unitsExceed(l edigw.ServiceLine, s *edigw.RequestedService) bool {
	if l.UnitBasis != "" && s.UnitBasis != "" && l.UnitBasis != s.UnitBasis {
		return false
	}
	billed, err1 := strconv.ParseFloat(strings.TrimSpace(l.Units), 64)
	approved, err2 := strconv.ParseFloat(strings.TrimSpace(s.Quantity), 64)
	return err1 == nil && err2 == nil && approved > 0 && billed > approved
}
