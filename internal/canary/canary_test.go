package canary

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/edigw/edigw/edi/ig"
)

// Sources are the files the canary tests plant in: a claim, a 278 and an 835.
var Sources = []string{"03-837p-claims.edi", "02-278-response.edi", "06-835-remittance.edi"}

// TestPlant: the valid and sound variants pass the guide with a canary in
// every data element they plant in; the invalid one fails it; no canary
// is planted twice.
func TestPlant(t *testing.T) {
	for _, name := range Sources {
		src, err := os.ReadFile("../../fixtures/story/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []Variant{Valid, Invalid, Sound} {
			p, err := Plant(src, v, 1+int(v))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if len(p.Tokens) < 20 {
				t.Errorf("%s variant %d: only %d canaries", name, v, len(p.Tokens))
			}
			seen := map[string]bool{}
			for _, tok := range p.Tokens {
				if seen[tok] {
					t.Errorf("%s variant %d: canary %s planted twice", name, v, tok)
				}
				seen[tok] = true
				if !strings.Contains(string(p.Data), tok) {
					t.Errorf("%s variant %d: canary %s not in the file", name, v, tok)
				}
			}
			rep, err := (&ig.Validator{File: name}).Run(bytes.NewReader(p.Data))
			if err != nil {
				t.Fatal(err)
			}
			if (v != Invalid) != rep.OK() {
				t.Errorf("%s variant %d: guide OK %v, %d errors: %v", name, v, rep.OK(), rep.ErrorCount, rep.Errors)
			}
		}
	}
}
