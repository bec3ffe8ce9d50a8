package mapping

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/fixtures/synth"
	"github.com/edigw/edigw/internal/corpus"
)

func readRemits(t *testing.T, name string, data []byte) ([]*edigw.Remittance, *Result) {
	t.Helper()
	var out []*edigw.Remittance
	res, err := ReadRemittances(bytes.NewReader(data), name, func(r *edigw.Remittance) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, res
}

func TestReadRemittancesGeneratedBalances(t *testing.T) {
	var buf bytes.Buffer
	if _, err := synth.Write(&buf, synth.Options{Kind: synth.Kind835, Claims: 700, PerSet: 300, Seed: 4}); err != nil {
		t.Fatal(err)
	}
	rms, res := readRemits(t, "gen.835", buf.Bytes())
	if len(rms) != 3 || res.Rejected != 0 {
		t.Fatalf("%d remittances, %d rejected", len(rms), res.Rejected)
	}
	claims := 0
	for _, rm := range rms {
		claims += len(rm.Claims)
		if is := remittanceIssues(rm, nil); len(is) > 0 {
			t.Errorf("generated 835 does not balance: %v", is[:min(5, len(is))])
		}
		if rm.PayerID != edigw.Cigna || rm.TraceNumber == "" || rm.Payee.NPI() == "" && rm.Payee.ID == "" {
			t.Errorf("header: payer %q trace %q payee %+v", rm.PayerID, rm.TraceNumber, rm.Payee)
		}
		for _, c := range rm.Claims {
			for _, s := range c.Services {
				if s.LineItemControlNumber == "" || s.Allowed == nil {
					t.Fatalf("service without REF*6R or AMT*B6: %+v", s)
				}
			}
		}
	}
	if claims != 700 {
		t.Errorf("%d claim payments, want 700", claims)
	}
}

// TestReadRemittancesCorpus reads every 835 of the corpus; what the
// balancing rules find in them is TestBusinessRulesCorpus's table.
func TestReadRemittancesCorpus(t *testing.T) {
	dir, entries := corpus.Manifest(t)
	files := 0
	for _, e := range entries {
		if !strings.HasPrefix(e.Transaction, "835") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.File))
		if err != nil {
			t.Fatal(err)
		}
		rms, res := readRemits(t, e.File, data)
		if !res.Report.OK() {
			continue
		}
		files++
		if len(rms) != e.Sets {
			t.Errorf("%s: %d remittances, manifest says %d sets", e.File, len(rms), e.Sets)
		}
	}
	if files < 10 {
		t.Errorf("only %d valid 835 corpus files read", files)
	}
}
