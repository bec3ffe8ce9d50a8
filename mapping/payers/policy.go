package payers

import (
	"fmt"
	"slices"
	"strings"
)

// The rules a prior-authorization finding is filed under: what a profile's
// findings policy names, what the API and the claim show. A finding's Code
// says more precisely why (auth-not-found, auth-procedure-not-approved ...).
const (
	// RuleMissing: no approved authorization for the line (none named,
	// none known for the claim's payer and provider, or the one found is
	// pending, denied or cancelled).
	RuleMissing = "auth-missing"
	// RuleExpired: the approval ended before the line's service date.
	RuleExpired = "auth-expired"
	// RuleNotCovering: an approval exists but does not cover the line: the
	// service is not approved, the units exceed the approved quantity, or
	// the date is before the approval takes effect.
	RuleNotCovering = "auth-not-covering"
	// RuleDMEPlaceOfService: durable medical equipment billed away from the
	// place of service the payer requires.
	RuleDMEPlaceOfService = "dme-place-of-service"
)

// Rules lists the rules a findings policy may name, in order.
var Rules = []string{RuleMissing, RuleExpired, RuleNotCovering, RuleDMEPlaceOfService}

// ruleOf files a finding code under its rule.
func ruleOf(code string) string {
	switch code {
	case AuthMissing, AuthNotFound, AuthNotApproved:
		return RuleMissing
	case AuthExpired:
		return RuleExpired
	case DMEPlaceOfService:
		return RuleDMEPlaceOfService
	}
	return RuleNotCovering
}

// Action is what a finding does to its claim.
type Action string

const (
	// Warn keeps the claim: the finding is stored on it and shown (the
	// default: the payer, not the gateway, denies a claim).
	Warn Action = "warn"
	// Reject rejects the claim in the 277CA (A7) with the policy's status.
	Reject Action = "reject"
)

// FindingPolicy is what a profile says a rule's findings do
// (priorAuthorization.findings in the profile).
type FindingPolicy struct {
	Action Action `json:"action"`
	// ClaimStatus is the 277CA STC01 a rejection carries, category and
	// status code ("A7:252"); required with reject, refused with warn.
	ClaimStatus string `json:"claimStatus,omitempty"`
}

// Policy is what the profile says findings of rule do: warn unless it
// says otherwise.
func (p *Profile) Policy(rule string) FindingPolicy {
	if fp, ok := p.PriorAuthorization.Findings[rule]; ok && fp.Action != "" {
		return fp
	}
	return FindingPolicy{Action: Warn}
}

// checkFindings checks the findings policy of a profile.
func checkFindings(findings map[string]FindingPolicy) []error {
	var errs []error
	rules := make([]string, 0, len(findings))
	for r := range findings {
		rules = append(rules, r)
	}
	slices.Sort(rules)
	for _, r := range rules {
		fp := findings[r]
		where := "priorAuthorization.findings." + r
		if !slices.Contains(Rules, r) {
			errs = append(errs, fmt.Errorf("%s: no such rule (%s)", where, strings.Join(Rules, ", ")))
		}
		switch fp.Action {
		case Warn, "":
			if fp.ClaimStatus != "" {
				errs = append(errs, fmt.Errorf("%s: claimStatus is only for reject", where))
			}
		case Reject:
			if !validClaimStatus(fp.ClaimStatus) {
				errs = append(errs, fmt.Errorf("%s: reject needs claimStatus, an A7 category and a status code (A7:252), not %q", where, fp.ClaimStatus))
			}
		default:
			errs = append(errs, fmt.Errorf("%s: action %q is neither %q nor %q", where, fp.Action, Warn, Reject))
		}
	}
	return errs
}

// validClaimStatus: a 277 claim status category that rejects for invalid
// information (A7) and a status code of one to five digits, optionally an
// entity code after a second colon.
func validClaimStatus(s string) bool {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 || parts[0] != "A7" {
		return false
	}
	if len(parts[1]) == 0 || len(parts[1]) > 5 || !allDigits(parts[1]) {
		return false
	}
	return len(parts) == 2 || (len(parts[2]) >= 1 && len(parts[2]) <= 3)
}
