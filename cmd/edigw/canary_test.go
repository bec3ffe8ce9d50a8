package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/edigw/edigw/internal/canary"
)

// canarySources are a claim, a 278 and an 835 to plant canaries in.
var canarySources = []string{"03-837p-claims.edi", "02-278-response.edi", "06-835-remittance.edi"}

// TestCommandsRepeatNoCanary (issue 11, finding 7): a claim, a 278 and an
// 835 with a distinctive value in every data element, once fitting the
// guide, once breaking it and once passing the business rules too, go
// through parse, validate (text and JSON),
// ack and translate. No value may appear in what the commands print: not
// in an error message, a warning or a summary. What translate writes to
// standard output is the records themselves (PHI by design) and the
// acknowledgment files may copy a bad value into IK404 (the standard's
// field): those are not messages and are not searched; translate's
// standard error is.
func TestCommandsRepeatNoCanary(t *testing.T) {
	dir := t.TempDir()
	for i, name := range canarySources {
		src, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "story", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []canary.Variant{canary.Valid, canary.Invalid, canary.Sound} {
			p, err := canary.Plant(src, v, 1+3*i+int(v))
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(dir, name+"."+variantName(v))
			if err := os.WriteFile(file, p.Data, 0o600); err != nil {
				t.Fatal(err)
			}
			errorsSeen := false
			for _, args := range [][]string{
				{"parse", file},
				{"validate", file},
				{"validate", "--json", file},
				{"ack", file, "--out", t.TempDir()},
				{"translate", file},
			} {
				code, out, errOut := runCmd(t, "", args...)
				searched := out + errOut
				if args[0] == "translate" {
					searched = errOut
				}
				if found := p.Found(searched); len(found) > 0 {
					t.Errorf("%s (%s): %v prints canaries %v:\n%s", name, variantName(v), args[:1], found, searched)
				}
				if code == exitFileErrors {
					errorsSeen = true
				}
			}
			if v == canary.Invalid && !errorsSeen {
				t.Errorf("%s: the invalid variant raised no error: the test would prove nothing", name)
			}
		}
	}
}

func variantName(v canary.Variant) string {
	return map[canary.Variant]string{canary.Valid: "valid", canary.Invalid: "invalid", canary.Sound: "sound"}[v]
}
