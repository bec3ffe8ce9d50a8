package payers

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// withFindings is the embedded 62308 profile with a findings policy of its own.
func withFindings(t *testing.T, findings string) (*Profile, error) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("data", "62308.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var f any
	if err := json.Unmarshal([]byte(findings), &f); err != nil {
		t.Fatal(err)
	}
	m["priorAuthorization"].(map[string]any)["findings"] = f
	out, _ := json.Marshal(m)
	return ParseBytes(out)
}

func TestFindingsPolicyParses(t *testing.T) {
	p, err := withFindings(t, `{"auth-expired": {"action": "reject", "claimStatus": "A7:252"}, "auth-missing": {"action": "warn"}}`)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Policy(RuleExpired); got.Action != Reject || got.ClaimStatus != "A7:252" {
		t.Errorf("auth-expired: %+v", got)
	}
	for _, r := range []string{RuleMissing, RuleNotCovering, RuleDMEPlaceOfService} {
		if got := p.Policy(r); got.Action != Warn || got.ClaimStatus != "" {
			t.Errorf("%s: %+v, want warn", r, got)
		}
	}
	// The embedded profile warns for every rule.
	for _, r := range Rules {
		if got := cigna(t).Policy(r); got.Action != Warn {
			t.Errorf("62308 %s: %+v", r, got)
		}
	}
}

func TestFindingsPolicyRejectsMistakes(t *testing.T) {
	for findings, want := range map[string]string{
		`{"auth-late": {"action": "warn"}}`:                              "auth-late: no such rule",
		`{"auth-expired": {"action": "deny"}}`:                           `action "deny" is neither`,
		`{"auth-expired": {"action": "reject"}}`:                         "reject needs claimStatus",
		`{"auth-expired": {"action": "reject", "claimStatus": "A3:21"}}`: "reject needs claimStatus",
		`{"auth-expired": {"action": "reject", "claimStatus": "A7:x"}}`:  "reject needs claimStatus",
		`{"auth-expired": {"action": "warn", "claimStatus": "A7:252"}}`:  "claimStatus is only for reject",
		`{"auth-expired": {"action": "warn", "extra": 1}}`:               "unknown field",
	} {
		_, err := withFindings(t, findings)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", findings, err, want)
		}
	}
}

// Each finding is filed under its rule and takes the rule's policy.
func TestFindingsTakeTheirRulesPolicy(t *testing.T) {
	p, err := withFindings(t, `{"auth-missing": {"action": "reject", "claimStatus": "A7:252:1P"}}`)
	if err != nil {
		t.Fatal(err)
	}
	a := bedAuth()
	otherPatient(a)
	got := p.CheckClaim(dmeClaim("", bedLine(1, "11", "20240201")), []*edigw.AuthorizationRequest{a})
	if len(got) != 2 {
		t.Fatalf("findings %+v", got)
	}
	if f := got[0]; f.Rule != RuleDMEPlaceOfService || f.Action != Warn || f.Severity != SeverityWarning || f.ClaimStatus != "" {
		t.Errorf("place of service: %+v", f)
	}
	if f := got[1]; f.Rule != RuleMissing || f.Action != Reject || f.Severity != SeverityError || f.ClaimStatus != "A7:252:1P" {
		t.Errorf("missing: %+v", f)
	}
	for code, rule := range map[string]string{AuthMissing: RuleMissing, AuthNotFound: RuleMissing, AuthNotApproved: RuleMissing,
		AuthExpired: RuleExpired, AuthProcedureNotApproved: RuleNotCovering, AuthUnitsExceeded: RuleNotCovering,
		AuthNotYetValid: RuleNotCovering, AuthValidityUnknown: RuleNotCovering, DMEPlaceOfService: RuleDMEPlaceOfService} {
		if ruleOf(code) != rule {
			t.Errorf("%s is filed under %s, want %s", code, ruleOf(code), rule)
		}
	}
}
