package mapping

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/mapping/codes"
)

type ackBufs map[string]*bytes.Buffer

type nopCloser struct{ *bytes.Buffer }

func (nopCloser) Close() error { return nil }

func (a ackBufs) sink(kind, _ string) (io.WriteCloser, error) {
	b := &bytes.Buffer{}
	a[kind] = b
	return nopCloser{b}, nil
}

// readWithAcks writes claims as an 837, reads it back with the business
// rules and builds its acknowledgments in the same pass.
func readWithAcks(t *testing.T, claims ...*edigw.Claim) ([]*edigw.Claim, *Result, ackBufs) {
	t.Helper()
	var file bytes.Buffer
	if err := Write837(&file, testEnvelope(), claims); err != nil {
		t.Fatal(err)
	}
	acks := ackBufs{}
	var back []*edigw.Claim
	res, err := Read(&file, "crafted.837", Handlers{
		Claim:        func(c *edigw.Claim) error { back = append(back, c); return nil },
		Acknowledger: ack.NewAcknowledger(context.Background(), ack.Options{Numbers: &ack.Sequence{}, Newline: true}, acks.sink),
	})
	if err != nil {
		t.Fatal(err)
	}
	return back, res, acks
}

func TestBusinessRulesRejectClaimsAtTheirPlace(t *testing.T) {
	cases := []struct {
		name    string
		spoil   func(c *edigw.Claim)
		rule    string
		segment string
		element int
		field   string
		status  string // STC01 of the 277CA
	}{
		{"total is not the sum of the lines", func(c *edigw.Claim) { c.TotalCharge = 150000 },
			"claim-balance", "CLM", 2, "totalCharge", "A7:400"},
		{"billing NPI check digit", func(c *edigw.Claim) { c.BillingProvider.ID = "1234567890" },
			"npi", "NM1", 9, "billingProvider.id", "A7:562:85"},
		{"rendering NPI check digit", func(c *edigw.Claim) {
			c.RenderingProvider = &edigw.Party{EntityType: "1", Name: "SMITH", FirstName: "ANN", IDQualifier: "XX", ID: "9876543210"}
		}, "npi", "NM1", 9, "renderingProvider.id", "A7:562:82"},
		{"principal diagnosis not ICD-10-CM", func(c *edigw.Claim) { c.Diagnoses[0].Code = "4019" },
			"diagnosis-code", "HI", 1, "diagnoses[0].code", "A7:254"},
		{"other diagnosis not ICD-10-CM", func(c *edigw.Claim) {
			c.Diagnoses = append(c.Diagnoses, edigw.Diagnosis{Qualifier: "ABF", Code: "99999"})
		}, "diagnosis-code", "HI", 2, "diagnoses[1].code", "A7:255"},
		{"procedure code", func(c *edigw.Claim) { c.Lines[0].ProcedureCode = "E025" },
			"procedure-code", "SV1", 1, "lines[0].procedureCode", "A7:454"},
		{"place of service", func(c *edigw.Claim) { c.FacilityCode = "00" },
			"place-of-service", "CLM", 5, "facilityCode", "A7:249"},
		{"pointer to no diagnosis", func(c *edigw.Claim) { c.Lines[0].DiagnosisPointers = []int{1, 3} },
			"diagnosis-pointer", "SV1", 0, "lines[0].diagnosisPointers", "A7:255"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			good, bad := dmeClaim("GOOD-1"), dmeClaim("BAD-1")
			tc.spoil(bad)
			back, res, acks := readWithAcks(t, good, bad)
			if len(res.Issues) != 1 {
				t.Fatalf("issues %v", res.Issues)
			}
			is := res.Issues[0]
			e := is.Err
			if is.Rule != tc.rule || is.Claim != "BAD-1" || is.Field != tc.field || e.SegmentID != tc.segment ||
				e.Element != tc.element || e.Code != (edi.Code{Kind: edi.STC, Value: tc.status}) || e.Pos.Line == 0 || e.File != "crafted.837" {
				t.Errorf("issue %s: rule %s claim %s field %s at %s%02d code %v", is, is.Rule, is.Claim, is.Field, e.SegmentID, e.Element, e.Code)
			}
			if back[0].Status != edigw.ClaimSubmitted || back[1].Status != edigw.ClaimRejected {
				t.Errorf("statuses %s %s", back[0].Status, back[1].Status)
			}
			// The 999 answers syntax only: the set is accepted.
			if a999 := acks["999"].String(); !strings.Contains(a999, "IK5*A~") || strings.Contains(a999, "IK3") {
				t.Errorf("999:\n%s", a999)
			}
			// The 277CA accepts the good claim and rejects the other with the rule's status.
			a277 := acks["277ca"].String()
			if !strings.Contains(a277, "TRN*2*GOOD-1~\nSTC*A2:20*") || !strings.Contains(a277, "TRN*2*BAD-1~\nSTC*"+tc.status+"*") {
				t.Errorf("277CA:\n%s", a277)
			}
			if !codes.ClaimStatusCode.Has(strings.Split(tc.status, ":")[1]) {
				t.Errorf("status code %s is not in the 277 claim status code list", tc.status)
			}
		})
	}
}

func TestRemittanceImbalanceIsReportedAndKept(t *testing.T) {
	rm := storyRemittance(t)
	rm.PaymentAmount += 1     // BPR02 a cent more than the claims pay
	rm.Claims[0].Paid -= 1000 // CLP04 ten dollars short of its adjustments
	var buf bytes.Buffer
	if err := Write835(&buf, testEnvelope(), []*edigw.Remittance{rm}); err != nil {
		t.Fatal(err)
	}
	var kept []*edigw.Remittance
	res, err := ReadRemittances(&buf, "crafted.835", func(r *edigw.Remittance) error { kept = append(kept, r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != 1 || !res.Report.OK() {
		t.Fatalf("kept %d, report errors %v", len(kept), res.Report.Errors)
	}
	if got := issueSummary(res.Issues); got != "claim-payment-balance×1 payment-balance×1" {
		t.Fatalf("issues %q: %v", got, res.Issues)
	}
	for _, is := range res.Issues {
		if !is.Warning || is.Err.Pos.Line == 0 {
			t.Errorf("issue %v: warning %v", is, is.Warning)
		}
	}
	if is := res.Issues[0]; is.Rule != "claim-payment-balance" || is.Claim != rm.Claims[0].PatientControlNumber || is.Err.SegmentID != "CLP" || is.Err.Element != 4 {
		t.Errorf("claim issue %v", is)
	}
}

// storyRemittance reads the story's 835: a balanced remittance to spoil.
func storyRemittance(t *testing.T) *edigw.Remittance {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "story", "06-835-remittance.edi"))
	if err != nil {
		t.Fatal(err)
	}
	var rm *edigw.Remittance
	if _, err := ReadRemittances(bytes.NewReader(data), "story.835", func(r *edigw.Remittance) error { rm = r; return nil }); err != nil || rm == nil {
		t.Fatalf("story 835: %v", err)
	}
	return rm
}
