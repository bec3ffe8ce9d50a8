package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gen --npi/--tin makes one practice bill the 837P and be paid by the
// 835; either alone is refused.
func TestGenProvider(t *testing.T) {
	for kind, want := range map[string][]string{
		"837p": {"NM1*85*2*ONE PRACTICE*****XX*1234567893~", "REF*EI*061234567~"},
		"835":  {"N1*PE*ONE PRACTICE*XX*1234567893~", "REF*TJ*061234567~"},
	} {
		code, out, errOut := runCmd(t, "", "gen", "--kind", kind, "--claims", "3", "--npi", "1234567893", "--tin", "061234567",
			"--provider-name", "ONE PRACTICE")
		if code != exitOK {
			t.Fatalf("%s: exit %d %s", kind, code, errOut)
		}
		for _, seg := range want {
			if !strings.Contains(out, seg) {
				t.Errorf("%s: no %s", kind, seg)
			}
		}
	}
	if code, _, errOut := runCmd(t, "", "gen", "--kind", "835", "--claims", "3", "--npi", "1234567893"); code != exitUnusable ||
		!strings.Contains(errOut, "--tin") {
		t.Errorf("--npi alone: exit %d %s", code, errOut)
	}
}

// A refused gen leaves an existing output file as it was: the flags are
// checked before the file is opened (and truncated).
func TestGenRefusedKeepsOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "keep.x12")
	if err := os.WriteFile(out, []byte("kept"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCmd(t, "", "gen", "--kind", "835", "--claims", "3", "--npi", "1234567893", "-o", out); code != exitUnusable {
		t.Fatalf("--npi alone: exit %d %s", code, errOut)
	}
	if b, err := os.ReadFile(out); err != nil || string(b) != "kept" {
		t.Errorf("output after a refused gen: %q %v", b, err)
	}
}
