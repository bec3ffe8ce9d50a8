package mapping

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/internal/corpus"
)

func readClaims(t *testing.T, path string) ([]*edigw.Claim, *Result) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var claims []*edigw.Claim
	res, err := ReadClaims(f, filepath.Base(path), func(c *edigw.Claim) error {
		claims = append(claims, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return claims, res
}

func TestReadClaimsCignaDMEFixture(t *testing.T) {
	claims, _ := readClaims(t, filepath.Join("..", "fixtures", "edi", "cigna-837p-dme-claim.edi"))
	if len(claims) != 1 {
		t.Fatalf("%d claims", len(claims))
	}
	c := claims[0]
	checks := map[string][2]string{
		"payer":       {string(c.PayerID), "62308"},
		"kind":        {string(c.Kind), "professional"},
		"pcn":         {c.PatientControlNumber, "DME-2026-0001"},
		"charge":      {c.TotalCharge.String(), "1450"},
		"pos":         {c.FacilityCode + "/" + c.FacilityCodeQualifier + "/" + c.FrequencyCode, "12/B/1"},
		"auth":        {c.PriorAuthorization, "AUTH20260001"},
		"npi":         {c.BillingProvider.NPI(), "1234567893"},
		"tin":         {c.BillingProvider.TaxID, "061234567"},
		"taxonomy":    {c.BillingProvider.Taxonomy, "332B00000X"},
		"member":      {c.Subscriber.MemberID, "U1234567801"},
		"dob":         {c.Subscriber.BirthDate, "19480312"},
		"diagnosis":   {c.Diagnoses[0].Qualifier + ":" + c.Diagnoses[0].Code, "ABK:Z89512"},
		"line":        {c.Lines[0].ProcedureCode + " " + c.Lines[0].Charge.String() + " " + c.Lines[0].Units, "E0250 1450 1"},
		"line6R":      {c.Lines[0].LineItemControlNumber, "DME-2026-0001-1"},
		"serviceDate": {c.Lines[0].ServiceDate.From, "20260203"},
		"status":      {string(c.Status), "submitted"},
		"submitter":   {c.Submitter.ID, "HOMECAREDME"},
	}
	for name, v := range checks {
		if v[0] != v[1] {
			t.Errorf("%s: %q, want %q", name, v[0], v[1])
		}
	}
	if c.Patient != nil || c.Subscriber.Address == nil || c.Subscriber.Address.City != "HARTFORD" {
		t.Errorf("patient %v, subscriber address %+v", c.Patient, c.Subscriber.Address)
	}
}

func TestReadClaimsMarksTheRejectedClaim(t *testing.T) {
	claims, _ := readClaims(t, filepath.Join("..", "fixtures", "edi", "cigna-837p-one-claim-rejected.edi"))
	if len(claims) != 2 || claims[0].Status != edigw.ClaimSubmitted || claims[1].Status != edigw.ClaimRejected {
		t.Fatalf("claims %d: %v %v", len(claims), claims[0].Status, claims[len(claims)-1].Status)
	}
	if claims[1].Subscriber.LastName != "ROE" || claims[1].Lines[0].ProcedureCode != "E0260" {
		t.Errorf("second claim read wrong: %+v", claims[1])
	}
}

// TestReadClaimsCorpus reads every 837 corpus file that validates clean and
// checks each claim against its own segments: as many claims as CLM
// segments, every claim with lines, and CLM02 equal to the sum of the line
// charges (the TR3's balancing rule) — the X12.org examples all balance.
func TestReadClaimsCorpus(t *testing.T) {
	dir, entries := corpus.Manifest(t)
	files := 0
	for _, e := range entries {
		if !strings.HasPrefix(e.Transaction, "837") {
			continue
		}
		path := filepath.Join(dir, e.File)
		claims, res := readClaims(t, path)
		if !guideClean(res) {
			continue // outcomes of invalid files are edi/ig's corpus test
		}
		byRules := rejectedByRules(res)
		files++
		raw, _ := os.ReadFile(path)
		if n := countSegments(string(raw), "CLM"); n != len(claims) {
			t.Errorf("%s: %d claims, %d CLM segments", e.File, len(claims), n)
		}
		for _, c := range claims {
			var sum edigw.Amount
			for _, l := range c.Lines {
				sum += l.Charge
			}
			want := edigw.ClaimSubmitted
			if byRules[c.PatientControlNumber] {
				want = edigw.ClaimRejected // a business rule (TestBusinessRulesCorpus says which)
			}
			if len(c.Lines) == 0 || sum != c.TotalCharge && !byRules[c.PatientControlNumber] || c.Status != want || c.Kind == "" {
				t.Errorf("%s: claim %s: %d lines summing %s, CLM02 %s, status %s, kind %q", e.File, c.PatientControlNumber, len(c.Lines), sum, c.TotalCharge, c.Status, c.Kind)
			}
		}
	}
	if files < 25 {
		t.Errorf("only %d valid 837 corpus files read", files)
	}
}

// countSegments counts segments with the ID whatever the delimiters: CLM
// is always followed by the element separator.
func countSegments(raw, id string) int {
	n := 0
	for i := 0; i+len(id) < len(raw); i++ {
		if strings.HasPrefix(raw[i:], id) && (i == 0 || raw[i-1] == '~' || raw[i-1] == '\n' || raw[i-1] == '\r') {
			if c := raw[i+len(id)]; c < 'A' || c > 'Z' {
				n++
			}
		}
	}
	return n
}
