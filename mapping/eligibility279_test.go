package mapping

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
)

// eligibilityFixtures are the 270/271 examples written for edigw.
func eligibilityFixtures(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "fixtures", "eligibility", "*.edi"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no eligibility fixtures: %v", err)
	}
	// The public samples that validate clean (edi/ig x279PublicSamples).
	for _, name := range []string{"dependent-commercial-health-insurance.270", "dependent-health-benefit-check.270",
		"subscriber-drug-in-office.270", "subscriber-health-benefit-check.270", "dependent-health-benefit-check.271", "subscriber.271"} {
		files = append(files, filepath.Join("..", "fixtures", "eligibility", "testdata", "LinuxForHealth__x12", name))
	}
	return files
}

type eligibilityRecords struct {
	inquiries []*edigw.EligibilityInquiry
	responses []*edigw.EligibilityResponse
}

func readEligibility(t testing.TB, name string, data []byte) eligibilityRecords {
	t.Helper()
	var got eligibilityRecords
	res, err := ReadEligibility(bytes.NewReader(data), name,
		func(q *edigw.EligibilityInquiry) error { got.inquiries = append(got.inquiries, q); return nil },
		func(r *edigw.EligibilityResponse) error { got.responses = append(got.responses, r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if !res.Report.OK() {
		t.Fatalf("%s: %v", name, res.Report.Errors)
	}
	return got
}

func eligibilityEnvelope() Envelope {
	return Envelope{SenderID: "HOMECAREDME", ReceiverID: "CIGNA62308", Numbers: &ack.Sequence{Start: 1},
		Now: func() time.Time { return time.Date(2026, 1, 10, 8, 30, 0, 0, time.UTC) }, Newline: true}
}

func asJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestEligibilityRoundTrip: read -> write -> read gives the same records,
// for every eligibility fixture.
func TestEligibilityRoundTrip(t *testing.T) {
	for _, path := range eligibilityFixtures(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		first := readEligibility(t, path, data)
		if len(first.inquiries)+len(first.responses) == 0 {
			t.Fatalf("%s: no records", path)
		}
		var buf bytes.Buffer
		if len(first.inquiries) > 0 {
			if err := Write270(&buf, eligibilityEnvelope(), first.inquiries); err != nil {
				t.Fatalf("%s: Write270: %v", path, err)
			}
		} else if err := Write271(&buf, eligibilityEnvelope(), first.responses); err != nil {
			t.Fatalf("%s: Write271: %v", path, err)
		}
		second := readEligibility(t, "written", buf.Bytes())
		if a, b := asJSON(t, first.inquiries), asJSON(t, second.inquiries); a != b {
			t.Errorf("%s: inquiries differ after the round trip\nfirst  %s\nsecond %s\nfile:\n%s", path, a, b, buf.String())
		}
		if a, b := asJSON(t, first.responses), asJSON(t, second.responses); a != b {
			t.Errorf("%s: responses differ after the round trip\nfirst  %s\nsecond %s\nfile:\n%s", path, a, b, buf.String())
		}
	}
}

// TestEligibilityRecords: what the examples say, field by field.
func TestEligibilityRecords(t *testing.T) {
	read := func(name string) eligibilityRecords {
		data, err := os.ReadFile(filepath.Join("..", "fixtures", "eligibility", name))
		if err != nil {
			t.Fatal(err)
		}
		return readEligibility(t, name, data)
	}
	inq := read("270-subscriber-and-dependent.edi").inquiries
	if len(inq) != 2 {
		t.Fatalf("270: %d inquiries, want 2 (Jane; Sam, dependent of Richard)", len(inq))
	}
	jane, sam := inq[0], inq[1]
	if jane.PayerID != "62308" || jane.TraceNumber != "ELG20260110001" || jane.Subscriber.MemberID != "U1234567801" || jane.Dependent != nil ||
		len(jane.Questions) != 3 || jane.Questions[2].Procedure == nil || jane.Questions[2].Procedure.Code != "E0250" ||
		jane.Questions[1].CoverageLevel != "IND" || jane.Receiver.TaxID != "061234567" || jane.Receiver.NPI() != "1234567893" {
		t.Errorf("Jane: %s", asJSON(t, jane))
	}
	if sam.Dependent == nil || sam.Dependent.FirstName != "SAM" || sam.Subscriber.MemberID != "U7654321001" || sam.DependentRelationship != "19" ||
		sam.TraceNumber != "ELG20260110003" || len(sam.Questions) != 1 || len(sam.Questions[0].ServiceTypes) != 2 {
		t.Errorf("Sam: %s", asJSON(t, sam))
	}

	resp := read("271-benefits.edi").responses
	if len(resp) != 2 {
		t.Fatalf("271: %d responses, want 2", len(resp))
	}
	r := resp[0]
	if r.TraceNumber != "ELG20260110001" || len(r.Benefits) != 7 || r.Source.Contact == nil || r.Source.Contact.Phone != "8005550100" {
		t.Fatalf("response: %s", asJSON(t, r))
	}
	ded := r.Benefits[1]
	if ded.Code != "C" || ded.TimePeriod != "23" || ded.Amount == nil || ded.Amount.String() != "500" || ded.InNetwork != "Y" {
		t.Errorf("deductible: %s", asJSON(t, ded))
	}
	coins := r.Benefits[5]
	if coins.Code != "A" || coins.Percent != "0.4" || coins.InNetwork != "N" || len(coins.Messages) != 1 {
		t.Errorf("co-insurance: %s", asJSON(t, coins))
	}
	bed := r.Benefits[6]
	if bed.AuthorizationRequired != "Y" || bed.Procedure == nil || bed.Procedure.Code != "E0250" || len(bed.Entities) != 1 ||
		bed.Entities[0].Role != "X3" || bed.Entities[0].Contact == nil || len(bed.Dates) != 1 || bed.Dates[0].To != "20261231" {
		t.Errorf("hospital bed: %s", asJSON(t, bed))
	}
	if d := resp[1]; d.Dependent == nil || len(d.Validations) != 1 || d.Validations[0].Level != edigw.LevelPatient || d.Validations[0].Reason != "75" {
		t.Errorf("dependent: %s", asJSON(t, d))
	}
	nf := read("271-subscriber-not-found.edi").responses
	if len(nf) != 1 || len(nf[0].Validations) != 2 || nf[0].Validations[1].Reason != "73" || nf[0].Validations[0].Valid != true {
		t.Errorf("not found: %s", asJSON(t, nf))
	}
}

// TestEligibilityJSONView: the view describes the codes and strips the
// descriptions back off.
func TestEligibilityJSONView(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "eligibility", "271-benefits.edi"))
	if err != nil {
		t.Fatal(err)
	}
	r := readEligibility(t, "271", data).responses[1]
	r.Benefits = []edigw.Benefit{{Code: "C", CoverageLevel: "IND", ServiceTypes: []string{"30", "12"}, TimePeriod: "29", InNetwork: "Y", InsuranceType: "PR"}}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"codeValue":"Deductible"`, `"coverageLevelValue":"Individual"`, `"serviceTypesValue":["Health benefit plan coverage","Durable medical equipment purchase"]`,
		`"timePeriodValue":"Remaining"`, `"inNetworkValue":"In plan network"`, `"reasonValue":"Subscriber/insured not found"`, `"followUpValue":"Please correct and resubmit"`,
		`"insuranceTypeValue":"Preferred provider organization (PPO)"`} {
		if !bytes.Contains(buf.Bytes(), []byte(want)) {
			t.Errorf("view lacks %s:\n%s", want, buf.String())
		}
	}
	stripped, err := StripDescriptions(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var back edigw.EligibilityResponse
	if err := json.Unmarshal(stripped, &back); err != nil {
		t.Fatal(err)
	}
	if asJSON(t, &back) != asJSON(t, r) {
		t.Errorf("view does not strip back to the record:\n%s", stripped)
	}
}
