package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The commands that read a file alone check prior authorization with
// --database, and say the check was not run without one.
func TestAuthorizationCheckInTheCommands(t *testing.T) {
	story := func(name string) string { return filepath.Join("..", "..", "fixtures", "story", name) }
	claims := story("03-837p-claims.edi")

	for _, args := range [][]string{{"validate", claims}, {"ack", "--out", t.TempDir(), claims}, {"translate", claims}} {
		code, out, errOut := runCmd(t, "", args...)
		if code != exitOK || !strings.Contains(out+errOut, "prior authorization (SNIP 7): not run (no --database)") {
			t.Errorf("%s without a database: exit %d\n%s%s", args[0], code, out, errOut)
		}
	}
	if _, out, _ := runCmd(t, "", "validate", claims); !strings.HasSuffix(out, "valid\n") {
		t.Errorf("validate's verdict is its last line:\n%s", out)
	}

	// The story's approval stored by replay; then the second claim, which
	// has none, draws auth-missing in each command, a warning (exit 0).
	db := testDatabase(t)
	if code, out, errOut := runCmd(t, "", "replay", "--database", db, "--objects", t.TempDir(),
		story("01-278-request.edi"), story("02-278-response.edi")); code != exitOK {
		t.Fatalf("replay: exit %d\n%s%s", code, out, errOut)
	}
	for _, args := range [][]string{{"validate", "--database", db, claims}, {"ack", "--database", db, "--out", t.TempDir(), claims},
		{"translate", "--database", db, claims}} {
		code, out, errOut := runCmd(t, "", args...)
		all := out + errOut
		listed := args[0] == "ack" || strings.Contains(all, "auth-missing: line 1: the hospital beds service") // ack lists no warnings
		if code != exitOK || !strings.Contains(all, "prior authorization (SNIP 7): 1 findings") || !listed {
			t.Errorf("%s with a database: exit %d\n%s", args[0], code, all)
		}
		messages := all
		if args[0] == "translate" {
			messages = errOut // its standard output is the records themselves
		}
		for _, v := range []string{"C26014A00123", "U7654321001", "E0260", "DME-2026-0102"} {
			if strings.Contains(messages, v) {
				t.Errorf("%s prints %q in a message", args[0], v)
			}
		}
		if args[0] == "translate" && !strings.Contains(out, `"authorizationFindings":[{"rule":"auth-missing"`) {
			t.Errorf("translate's claim lacks its findings:\n%s", out)
		}
		if args[0] == "ack" && !strings.Contains(out, "claims 2 accepted, 0 rejected") {
			t.Errorf("ack: %s", out)
		}
	}
}
