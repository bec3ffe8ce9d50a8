package main

import "testing"

// TestOperationsTokenGoesAlone: an operations token has no providers and
// no other entitlement (docs/api.md, operators).
func TestOperationsTokenGoesAlone(t *testing.T) {
	for name, args := range map[string][]string{
		"operations with a TIN":  {"--name", "ops", "--entitlement", "operations", "--tin", "061234567"},
		"operations and claims":  {"--name", "ops", "--entitlement", "operations,claims"},
		"operations with an NPI": {"--name", "ops", "--entitlement", "operations", "--npi", "1234567893"},
	} {
		code, out, errOut := runCmd(t, "", append([]string{"token", "create", "--database", "postgres://nowhere.invalid/x"}, args...)...)
		if code != exitUnusable || out != "" || errOut == "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", name, code, out, errOut)
		}
	}
	if tok, err := tokenFromFlags("ops", []string{"operations"}, nil, nil); err != nil || !tok.Operator() {
		t.Errorf("operations alone: %+v %v", tok, err)
	}
}
