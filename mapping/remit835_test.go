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

// balance checks the 835 balancing rules: BPR02 = sum of CLP04 - sum of
// PLB amounts; CLP03 - CLP04 = claim and line CAS; SVC02 - SVC03 = line CAS.
func balance(rm *edigw.Remittance) []string {
	var problems []string
	var paid, plb edigw.Amount
	for _, c := range rm.Claims {
		paid += c.Paid
		adj := edigw.Amount(0)
		for _, a := range c.Adjustments {
			adj += a.Amount
		}
		for _, s := range c.Services {
			line := edigw.Amount(0)
			for _, a := range s.Adjustments {
				line += a.Amount
			}
			adj += line
			if s.Charge-s.Paid != line {
				problems = append(problems, "SVC "+c.PatientControlNumber+" "+s.ProcedureCode)
			}
		}
		if len(c.Services) > 0 && c.Charge-c.Paid != adj {
			problems = append(problems, "CLP "+c.PatientControlNumber)
		}
	}
	for _, p := range rm.ProviderAdjusts {
		plb += p.Amount
	}
	if rm.PaymentAmount != paid-plb {
		problems = append(problems, "BPR02 "+rm.PaymentAmount.String()+" != "+(paid-plb).String())
	}
	return problems
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
		if p := balance(rm); len(p) > 0 {
			t.Errorf("generated 835 does not balance: %v", p[:min(5, len(p))])
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

// unbalanced lists the valid corpus 835s that do not balance, and why: the
// balancing check must find exactly these.
var unbalanced = map[string]string{
	// CLP03 is 385.21 but the lines and adjustments account for 385.20.
	"moov-io__x12/sample1.txt": "CLP 9999999",
}

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
		var problems []string
		for _, rm := range rms {
			problems = append(problems, balance(rm)...)
		}
		got := strings.Join(problems, "; ")
		if got != unbalanced[e.File] {
			t.Errorf("%s: balancing %q, want %q", e.File, got, unbalanced[e.File])
		}
	}
	if files < 10 {
		t.Errorf("only %d valid 835 corpus files read", files)
	}
}
