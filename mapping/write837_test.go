package mapping

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/fixtures/synth"
	"github.com/edigw/edigw/internal/corpus"
)

func testEnvelope() Envelope {
	return Envelope{SenderID: "EDIGW", ReceiverID: "62308", Usage: "T", Numbers: &ack.Sequence{Start: 1001},
		Now: func() time.Time { return time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC) }, Newline: true}
}

// sameRecords fails the test with the first differing line of the two
// records' JSON when they differ.
func sameRecords(t *testing.T, what string, got, want any) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
	for i := range min(len(gl), len(wl)) {
		if gl[i] != wl[i] {
			t.Errorf("%s: records differ at JSON line %d: got %s, want %s", what, i+1, strings.TrimSpace(gl[i]), strings.TrimSpace(wl[i]))
			return
		}
	}
	t.Errorf("%s: records differ (got %d JSON lines, want %d)", what, len(gl), len(wl))
}

// roundTrip837 writes claims and reads them back; the written file must
// validate clean.
func roundTrip837(t *testing.T, name string, claims []*edigw.Claim) []*edigw.Claim {
	t.Helper()
	var buf bytes.Buffer
	if err := Write837(&buf, testEnvelope(), claims); err != nil {
		t.Errorf("%s: Write837: %v", name, err)
		return nil
	}
	var back []*edigw.Claim
	res, err := ReadClaims(&buf, name+".regenerated", func(c *edigw.Claim) error { back = append(back, c); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if !guideClean(res) {
		t.Errorf("%s: the regenerated 837 does not validate: %v", name, res.Report.Errors)
		return nil
	}
	return back
}

// TestClaimsRoundTrip is the round-trip guarantee for 837s: every valid
// 837 of the corpus and the fixtures, and a generated one, read into claims,
// written back and read again gives equal claims.
func TestClaimsRoundTrip(t *testing.T) {
	files := map[string]string{}
	dir, entries := corpus.Manifest(t)
	for _, e := range entries {
		if strings.HasPrefix(e.Transaction, "837") {
			files[e.File] = filepath.Join(dir, e.File)
		}
	}
	fx, _ := filepath.Glob(filepath.Join("..", "fixtures", "edi", "*.edi"))
	for _, f := range fx {
		files["fixtures/"+filepath.Base(f)] = f
	}
	var gen bytes.Buffer
	if _, err := synth.Write(&gen, synth.Options{Kind: synth.Kind837P, Claims: 60, PerSet: 25, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(t.TempDir(), "synth-837p.edi")
	if err := os.WriteFile(tmp, gen.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	files["synth-837p.edi"] = tmp
	tripped := 0
	for name, path := range files {
		claims, res := readClaims(t, path)
		if !guideClean(res) || len(claims) == 0 {
			continue
		}
		back := roundTrip837(t, name, claims)
		if back == nil {
			continue
		}
		if len(back) != len(claims) {
			t.Errorf("%s: %d claims back, %d sent", name, len(back), len(claims))
			continue
		}
		for i := range claims {
			sameRecords(t, name+" claim "+claims[i].PatientControlNumber, back[i], claims[i])
		}
		tripped++
	}
	t.Logf("%d 837 files round-tripped", tripped)
	if tripped < 27 {
		t.Errorf("only %d 837 files round-tripped", tripped)
	}
}

func dmeClaim(pcn string) *edigw.Claim {
	addr := &edigw.Address{Line1: "1 MAIN ST", City: "HARTFORD", State: "CT", PostalCode: "061031234"}
	return &edigw.Claim{
		PayerID: edigw.Cigna, Kind: edigw.Professional, PatientControlNumber: pcn, TotalCharge: 145000,
		FacilityCode: "12", FacilityCodeQualifier: "B", FrequencyCode: "1",
		ProviderSignature: "Y", Assignment: "A", BenefitsAssigned: "Y", ReleaseOfInformation: "Y",
		Submitter:           edigw.Party{EntityType: "2", Name: "HOME CARE DME", IDQualifier: "46", ID: "HOMECAREDME", Contact: &edigw.Contact{Name: "BILLING", Phone: "8605550100"}},
		Receiver:            edigw.Party{EntityType: "2", Name: "CIGNA", IDQualifier: "46", ID: "62308"},
		BillingProvider:     edigw.Party{EntityType: "2", Name: "HOME CARE DME", IDQualifier: "XX", ID: "1234567893", TaxID: "061234567", Address: addr},
		Subscriber:          edigw.Person{LastName: "DOE", FirstName: "JANE", MemberID: "U1234567801", BirthDate: "19480312", Gender: "F"},
		Payer:               edigw.Party{EntityType: "2", Name: "CIGNA HEALTHCARE", IDQualifier: "PI", ID: "62308"},
		PayerResponsibility: "P", PatientRelationship: "18", ClaimFilingCode: "CI",
		Diagnoses:          []edigw.Diagnosis{{Qualifier: "ABK", Code: "Z89512"}},
		PriorAuthorization: "AUTH20260001", ServicePeriod: &edigw.Period{From: "20260203"},
		Lines: []edigw.ServiceLine{{Number: 1, ProcedureQualifier: "HC", ProcedureCode: "E0250", Modifiers: []string{"RR"},
			Charge: 145000, UnitBasis: "UN", Units: "1", DiagnosisPointers: []int{1},
			ServiceDate: &edigw.Period{From: "20260203"}, LineItemControlNumber: pcn + "-1"}},
		Status: edigw.ClaimSubmitted,
	}
}

func TestWrite837Segments(t *testing.T) {
	var buf bytes.Buffer
	if err := Write837(&buf, testEnvelope(), []*edigw.Claim{dmeClaim("DME-1"), dmeClaim("DME-2")}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"GS*HC*EDIGW*62308*20261122*0930*1001*X*005010X222A1~",
		"ST*837*1001*005010X222A1~",
		"BHT*0019*00*1001*20261122*0930*CH~",
		"PER*IC*BILLING*TE*8605550100~",
		"HL*1**20*1~", "NM1*85*2*HOME CARE DME*****XX*1234567893~", "REF*EI*061234567~",
		"HL*2*1*22*0~", "SBR*P*18*******CI~", "NM1*IL*1*DOE*JANE****MI*U1234567801~", "DMG*D8*19480312*F~",
		"CLM*DME-1*1450***12:B:1*Y*A*Y*Y~", "REF*G1*AUTH20260001~", "HI*ABK:Z89512~",
		"SV1*HC:E0250:RR*1450*UN*1***1~", "DTP*472*D8*20260203~", "REF*6R*DME-1-1~",
		"CLM*DME-2*1450***12:B:1*Y*A*Y*Y~",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	// One billing provider and one subscriber: both claims share the 2000A and 2000B.
	if n := strings.Count(out, "HL*"); n != 2 {
		t.Errorf("%d HL segments, want 2", n)
	}
}

func TestWrite837SplitsSetsAndGroupsDependents(t *testing.T) {
	claims := make([]*edigw.Claim, 5)
	for i := range claims {
		claims[i] = dmeClaim("C" + string(rune('1'+i)))
	}
	child := *dmeClaim("CHILD")
	child.Patient = &edigw.Person{LastName: "DOE", FirstName: "TIM", BirthDate: "20150101", Gender: "M",
		Address: &edigw.Address{Line1: "1 MAIN ST", City: "HARTFORD", State: "CT", PostalCode: "061031234"}}
	child.PatientRelationship = "19"
	claims = append(claims, &child)
	env := testEnvelope()
	env.MaxPerSet = 2
	var buf bytes.Buffer
	if err := Write837(&buf, env, claims); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if n := strings.Count(out, "\nST*837*"); n != 3 {
		t.Errorf("%d sets for 6 claims at 2 per set, want 3", n)
	}
	for _, want := range []string{"HL*3*1*22*1~", "HL*4*3*23*0~", "PAT*19~", "NM1*QC*1*DOE*TIM~", "SBR*P********CI~"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s", want)
		}
	}
	back := roundTrip837(t, "split", claims)
	if len(back) != len(claims) {
		t.Fatalf("%d claims back", len(back))
	}
	for i := range claims {
		sameRecords(t, claims[i].PatientControlNumber, back[i], claims[i])
	}
}

func TestWrite837RefusesIncompleteClaims(t *testing.T) {
	bad := dmeClaim("NO-LINES")
	bad.Lines = nil
	bad.BillingProvider.TaxID = ""
	var buf bytes.Buffer
	err := Write837(&buf, testEnvelope(), []*edigw.Claim{dmeClaim("OK"), bad})
	var ce *RecordError
	if !errorsAs(err, &ce) || ce.Index != 2 || len(ce.Missing()) != 2 {
		t.Fatalf("err %v", err)
	}
	if !strings.Contains(err.Error(), "billingProvider.taxId") || buf.Len() != 0 {
		t.Errorf("err %q, %d bytes written", err, buf.Len())
	}
	mixed := dmeClaim("I")
	mixed.Kind = edigw.Institutional
	if err := Write837(&buf, testEnvelope(), []*edigw.Claim{dmeClaim("P"), mixed}); err == nil || !strings.Contains(err.Error(), "one kind per file") {
		t.Errorf("mixed kinds: %v", err)
	}
	if err := Write837(&buf, Envelope{SenderID: "A", ReceiverID: "B"}, []*edigw.Claim{dmeClaim("P")}); err == nil {
		t.Error("no control numbers: no error")
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
