package mapping

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/fixtures/synth"
	"github.com/edigw/edigw/internal/corpus"
)

// roundTrip278 writes requests and reads them back; the written file must
// validate clean under X217.
func roundTrip278(t *testing.T, name string, reqs []*edigw.AuthorizationRequest) ([]*edigw.AuthorizationRequest, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write278(&buf, testEnvelope(), reqs); err != nil {
		t.Errorf("%s: Write278: %v", name, err)
		return nil, nil
	}
	written := bytes.Clone(buf.Bytes())
	// The records read back carry what mapping derives from HCR01 (each
	// decision's status): give the originals theirs, to compare.
	for _, r := range reqs {
		DecideAuthorization(r)
	}
	back, res := readAuths(t, name+".regenerated", written)
	if !res.Report.OK() {
		t.Errorf("%s: the regenerated 278 does not validate: %v", name, res.Report.Errors)
		return nil, written
	}
	return back, written
}

// sameAuthorizations compares records read back with the records written.
func sameAuthorizations(t *testing.T, name string, back, sent []*edigw.AuthorizationRequest) {
	t.Helper()
	if len(back) != len(sent) {
		t.Errorf("%s: %d records back, %d sent", name, len(back), len(sent))
		return
	}
	for i := range sent {
		sameRecords(t, name+" request "+sent[i].TraceNumber, back[i], sent[i])
	}
}

// TestAuthorizationsRoundTrip is the round-trip guarantee for 278s: every
// guide-valid 278 of the corpus, the story fixtures and generated files,
// read into records, written back and read again gives equal records.
func TestAuthorizationsRoundTrip(t *testing.T) {
	files := map[string][]byte{}
	dir, entries := corpus.Manifest(t)
	for _, e := range entries {
		if !strings.HasPrefix(e.Transaction, "278") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.File))
		if err != nil {
			t.Fatal(err)
		}
		files[e.File] = data
	}
	stories, _ := filepath.Glob(filepath.Join("..", "fixtures", "story", "*278*.edi"))
	for _, f := range stories {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		files["story/"+filepath.Base(f)] = data
	}
	for _, seed := range []uint64{1, 8, 42} {
		var gen bytes.Buffer
		if _, err := synth.Write(&gen, synth.Options{Kind: synth.Kind278, Claims: 30, Seed: seed}); err != nil {
			t.Fatal(err)
		}
		files[fmt.Sprintf("synth-278-seed%d.edi", seed)] = gen.Bytes()
	}
	tripped, corpusTripped, responses := 0, 0, 0
	for name, data := range files {
		reqs, res := readAuths(t, name, data)
		if !res.Report.OK() || len(reqs) == 0 {
			continue
		}
		back, _ := roundTrip278(t, name, reqs)
		if back == nil {
			continue
		}
		sameAuthorizations(t, name, back, reqs)
		tripped++
		if !strings.HasPrefix(name, "story/") && !strings.HasPrefix(name, "synth-") {
			corpusTripped++
		}
		for _, r := range reqs {
			if r.Decision != nil {
				responses++
			}
		}
	}
	t.Logf("%d 278 files round-tripped (%d from the corpus), %d response records", tripped, corpusTripped, responses)
	if corpusTripped < 8 || tripped < 13 || responses < 6 {
		t.Errorf("only %d 278 files (%d corpus) and %d responses round-tripped", tripped, corpusTripped, responses)
	}
}

// TestAuthorizationRoundTripCorpusFields checks that the round trip keeps
// what the X12.org examples carry beyond the basics: BHT, UMO, AAA-free
// HCR reasons, HSD, CL1, PWK, providers with addresses and dated diagnoses.
func TestAuthorizationRoundTripCorpusFields(t *testing.T) {
	dir, _ := corpus.Manifest(t)
	read := func(file string) *edigw.AuthorizationRequest {
		data, err := os.ReadFile(filepath.Join(dir, "kputnam__stupidedi", file))
		if err != nil {
			t.Fatal(err)
		}
		reqs, _ := readAuths(t, file, data)
		if len(reqs) != 1 {
			t.Fatalf("%s: %d records", file, len(reqs))
		}
		back, _ := roundTrip278(t, file, reqs)
		if len(back) != 1 {
			t.Fatalf("%s: %d records back", file, len(back))
		}
		return back[0]
	}
	a := read("X217_pass__emergency-admission-response-to-request-for-review.edi")
	if a.SubmissionReference != "YZZ345" || a.SubmittedAt != "200505021102" || a.TransactionType != "19" ||
		a.Reviewer.Role != "X3" || a.Reviewer.Name != "CAPITAL INSURANCE COMPANY" || a.Reviewer.Contact == nil || a.Reviewer.Contact.Phone != "3936533000" ||
		a.LevelOfService != "03" || a.AdministrativeReference != "P20030216001" ||
		len(a.Attachments) != 1 || a.Attachments[0] != (edigw.Attachment{ReportType: "AS", Transmission: "VO"}) ||
		len(a.Providers) != 3 || a.Providers[1].Role != "71" || a.Providers[2].Role != "SJ" ||
		len(a.Diagnoses) != 1 || a.Diagnoses[0].Date != "20050429" ||
		a.Decision == nil || a.Decision.Action != "A4" || len(a.Decision.Reasons) != 1 || a.Decision.Reasons[0] != "0U" {
		t.Errorf("emergency admission response lost fields: %+v decision %+v", a, a.Decision)
	}
	a = read("X217_pass__admission-response-to-request-for-review.edi")
	if a.Delivery == nil || *a.Delivery != (edigw.DeliveryPattern{QuantityQualifier: "DY", Quantity: "5"}) ||
		a.AdmissionPeriod == nil || a.AdmissionPeriod.From != "20050516" || len(a.Providers) != 1 || a.Providers[0].Address == nil ||
		len(a.Services) != 1 || a.Services[0].Kind != edigw.Institutional || a.Services[0].ProcedureCode != "33510" ||
		a.Services[0].Decision == nil || a.Services[0].Decision.Action != "A1" ||
		len(a.Services[0].Providers) != 1 || a.Services[0].Providers[0].ProviderCode != "PE" || a.Services[0].Providers[0].Taxonomy != "203BS0133X" {
		t.Errorf("admission response lost fields: %+v", a)
	}
	a = read("X217_pass__emergency-admission-request-for-review.edi")
	if a.AdmissionType != "1" || a.ReleaseOfInformation != "Y" || len(a.Traces) != 1 || a.Traces[0].Assigner != "9876543210" ||
		a.Decision != nil || len(a.Providers) != 3 || a.Providers[0].Contact == nil {
		t.Errorf("emergency admission request lost fields: %+v", a)
	}
}

// everyField is a response that uses every field the 278 writer knows:
// a dependent, AAA at every level, providers with references, contacts and
// taxonomy, services of all three kinds.
func everyField() *edigw.AuthorizationRequest {
	addr := &edigw.Address{Line1: "1 MAIN ST", Line2: "SUITE 2", City: "HARTFORD", State: "CT", PostalCode: "06103"}
	contact := &edigw.Contact{Name: "INTAKE", Phone: "8605550142", Fax: "8605550143"}
	patient := edigw.Person{LastName: "DOE", FirstName: "JIM", MiddleName: "A", Suffix: "JR", BirthDate: "20100101", Gender: "M", Address: addr}
	trace := edigw.Trace{Type: "2", Number: "TRK1", Assigner: "1061234567", AssignerDetail: "DME"}
	return &edigw.AuthorizationRequest{
		PayerID: edigw.Cigna, SubmissionReference: "REQ9", SubmittedAt: "20260114103015", TransactionType: "18",
		TraceNumber: "TRK1",
		Traces:      []edigw.Trace{trace, {Type: "1", Number: "UMO77", Assigner: "9062308000"}},
		Reviewer: edigw.ReviewParty{Role: "X3", Party: edigw.Party{EntityType: "2", Name: "CIGNA HEALTHCARE", IDQualifier: "PI", ID: "62308",
			Contact: &edigw.Contact{Name: "UM DESK", Phone: "8005550000"}}},
		Requester: edigw.ReviewParty{Role: "1P", Party: edigw.Party{EntityType: "1", Name: "WATSON", FirstName: "SUSAN", IDQualifier: "XX", ID: "1234567893",
			TaxID: "061234567", Taxonomy: "207X00000X"}, MiddleName: "B", Suffix: "MD", ProviderCode: "PE",
			References: []edigw.ProviderReference{{Qualifier: "ZH", Value: "CIGNA123"}}},
		Subscriber:                 edigw.Person{LastName: "DOE", FirstName: "JANE", MemberID: "U1234567801", BirthDate: "19800312", Gender: "F", Address: addr},
		SubscriberReferences:       []edigw.Reference{{Qualifier: "6P", Value: "GRP100"}},
		SubscriberEmploymentStatus: "FT",
		Patient:                    &patient,
		PatientReferences:          []edigw.Reference{{Qualifier: "EJ", Value: "ACCT9"}},
		PatientRelationship:        "19", PatientBirthSequence: "2",
		RequestCategory: "AR", CertificationType: "I", ServiceType: "48", PlaceOfService: "21", FacilityCodeQualifier: "B",
		RelatedCauses: []string{"AA", "EM"}, AccidentState: "CT", LevelOfService: "U", HealthCondition: "2", Prognosis: "3",
		ReleaseOfInformation: "Y", DelayReason: "1",
		PreviousAuthorization: "C25000001", AdministrativeReference: "CASE42",
		AccidentDate: "20260101", OnsetDate: "20260102", EventPeriod: &edigw.Period{From: "20260115", To: "20260120"},
		AdmissionPeriod: &edigw.Period{From: "20260115"}, DischargeDate: "20260120",
		Diagnoses: []edigw.DatedDiagnosis{{Diagnosis: edigw.Diagnosis{Qualifier: "ABK", Code: "S72001A"}, Date: "20260101"},
			{Diagnosis: edigw.Diagnosis{Qualifier: "ABF", Code: "V4352XA"}}},
		Delivery:      &edigw.DeliveryPattern{QuantityQualifier: "DY", Quantity: "5"},
		AdmissionType: "1", AdmissionSource: "7", PatientStatus: "30",
		Attachments: []edigw.Attachment{{ReportType: "OB", Transmission: "FX", ControlNumber: "ATT1", Description: "OPERATIVE NOTE"}},
		Message:     "ADMITTED FROM ER",
		Providers: []edigw.ReviewParty{
			{Role: "FA", Party: edigw.Party{EntityType: "2", Name: "HARTFORD HOSPITAL", IDQualifier: "XX", ID: "1972545924", Address: addr, Contact: contact},
				References: []edigw.ProviderReference{{Qualifier: "0B", Value: "LIC55", State: "CT"}}},
			{Role: "71", Party: edigw.Party{EntityType: "1", Name: "JONES", FirstName: "MARCUS", IDQualifier: "XX", ID: "1093817559", Taxonomy: "207X00000X"},
				ProviderCode: "AT"},
		},
		Services: []edigw.RequestedService{
			{Traces: []edigw.Trace{{Type: "2", Number: "SVC1", Assigner: "1061234567"}},
				RequestCategory: "HS", CertificationType: "I", ServiceType: "2", PlaceOfService: "21", FacilityCodeQualifier: "B", LevelOfService: "U",
				Period: &edigw.Period{From: "20260115"}, Kind: edigw.Institutional, RevenueCode: "0120", ProcedureQualifier: "HC", ProcedureCode: "27236",
				Charge: 1250050, UnitBasis: "DA", Quantity: "5",
				Decision: &edigw.Decision{Action: "A1", CertificationNumber: "C26014A00123", EffectivePeriod: &edigw.Period{From: "20260115", To: "20260120"},
					IssueDate: "20260114"},
				Providers: []edigw.ReviewParty{{Role: "SJ", Party: edigw.Party{EntityType: "2", Name: "HARTFORD HOSPITAL", IDQualifier: "XX", ID: "1972545924"}}},
			},
			{Kind: edigw.Professional, ProcedureQualifier: "HC", ProcedureCode: "E0250", Modifiers: []string{"NU", "RR"}, Charge: 15000, UnitBasis: "UN",
				Quantity: "1", DiagnosisPointers: []int{1, 2}, Period: &edigw.Period{From: "20260120", To: "20260420"},
				Delivery:    &edigw.DeliveryPattern{QuantityQualifier: "FL", Quantity: "1", PeriodQualifier: "34", PeriodCount: "3"},
				Attachments: []edigw.Attachment{{ReportType: "CK", Transmission: "EL"}}, Message: "RENTAL",
				Decision: &edigw.Decision{Action: "A3", Reasons: []string{"0V", "0P"}, SecondSurgicalOpinion: "N",
					EffectivePeriod: &edigw.Period{To: "20260420"},
					Rejections:      []edigw.Rejection{{Reason: "33", FollowUp: "C"}, {Level: edigw.LevelProvider, Provider: 1, Reason: "35", FollowUp: "N"}}},
				Providers: []edigw.ReviewParty{{Role: "SJ", Party: edigw.Party{EntityType: "2", Name: "HOMECARE MEDICAL SUPPLY", IDQualifier: "XX", ID: "1234567893"}}},
			},
			{Kind: edigw.Dental, ProcedureQualifier: "AD", ProcedureCode: "D7240", Charge: 40000, Quantity: "1", OralCavity: []string{"01"},
				Teeth: []edigw.Tooth{{Number: "1", Surfaces: []string{"O", "B"}}}},
		},
		Decision: &edigw.Decision{Action: "A6", CertificationNumber: "C26014A00123", Reasons: []string{"0U"},
			EffectivePeriod: &edigw.Period{From: "20260115", To: "20260120"}, IssueDate: "20260114",
			Rejections: []edigw.Rejection{
				{Level: edigw.LevelSystem, Valid: true, Reason: "42", FollowUp: "Y"},
				{Level: edigw.LevelReviewer, Reason: "79", FollowUp: "R"},
				{Level: edigw.LevelRequester, Reason: "51", FollowUp: "C"},
				{Level: edigw.LevelSubscriber, Reason: "72", FollowUp: "C"},
				{Level: edigw.LevelPatient, Reason: "64", FollowUp: "C"},
				{Reason: "T5", FollowUp: "C"},
				{Level: edigw.LevelProvider, Provider: 2, Reason: "44", FollowUp: "C"},
			}},
		Status: edigw.AuthPartiallyApproved,
	}
}

// TestAuthorizationRoundTripEveryField round-trips a response using every
// field, and the request made of it without the decisions.
func TestAuthorizationRoundTripEveryField(t *testing.T) {
	resp := everyField()
	back, raw := roundTrip278(t, "every-field response", []*edigw.AuthorizationRequest{resp})
	sameAuthorizations(t, "every-field response", back, []*edigw.AuthorizationRequest{resp})
	for _, want := range []string{"BHT*0007*11*REQ9*20260114*103015*18~", "HL*4*3*23*1~", "HL*5*4*EV*1~", "HL*8*5*SS*0~",
		"AAA*Y**42*Y~", "HCR*A3**0V^0P*N~", "DTP*036*D8*20260420~", "INS*N*19***************2~", "TOO*JP*1*O:B~"} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("every-field response: no %s in\n%s", want, raw)
		}
	}

	req := everyField()
	req.Decision, req.Status = nil, edigw.AuthPending
	req.Traces = req.Traces[:1]
	req.Traces[0].Type = "1"
	req.Reviewer.Contact = nil // the request has no UMO contact
	for i := range req.Services {
		req.Services[i].Decision = nil
		for j := range req.Services[i].Traces {
			req.Services[i].Traces[j].Type = "1"
		}
	}
	req.Requester.Address = &edigw.Address{Line1: "9 ELM ST", City: "HARTFORD", State: "CT", PostalCode: "06103"}
	req.Requester.Contact = &edigw.Contact{Name: "INTAKE", Phone: "8605550142"}
	req.TransactionType = ""
	req.Purpose = "01"
	back, raw = roundTrip278(t, "every-field request", []*edigw.AuthorizationRequest{req})
	sameAuthorizations(t, "every-field request", back, []*edigw.AuthorizationRequest{req})
	if !bytes.Contains(raw, []byte("BHT*0007*01*REQ9*")) {
		t.Errorf("a cancellation request is not BHT02 01:\n%s", raw)
	}
}

func dmeRequest(trace string) *edigw.AuthorizationRequest {
	return &edigw.AuthorizationRequest{
		PayerID:     edigw.Cigna,
		TraceNumber: trace,
		Reviewer:    edigw.ReviewParty{Party: edigw.Party{Name: "CIGNA HEALTHCARE"}},
		Requester: edigw.ReviewParty{Party: edigw.Party{Name: "HOMECARE MEDICAL SUPPLY", IDQualifier: "XX", ID: "1234567893", TaxID: "061234567",
			Contact: &edigw.Contact{Name: "INTAKE DESK", Phone: "8605550142"}}},
		Subscriber:      edigw.Person{LastName: "DOE", FirstName: "JANE", MemberID: "U1234567801", BirthDate: "19480312", Gender: "F"},
		RequestCategory: "HS", CertificationType: "I", ServiceType: "12", PlaceOfService: "12",
		EventPeriod: &edigw.Period{From: "20260201", To: "20260501"},
		Diagnoses:   []edigw.DatedDiagnosis{{Diagnosis: edigw.Diagnosis{Qualifier: "ABK", Code: "Z89512"}}},
		Providers:   []edigw.ReviewParty{{Party: edigw.Party{Name: "HOMECARE MEDICAL SUPPLY", IDQualifier: "XX", ID: "1234567893"}}},
		Services: []edigw.RequestedService{{RequestCategory: "HS", CertificationType: "I", Period: &edigw.Period{From: "20260201", To: "20260501"},
			ProcedureQualifier: "HC", ProcedureCode: "E0250", Modifiers: []string{"NU"}, UnitBasis: "UN", Quantity: "1"}},
		Status: edigw.AuthPending,
	}
}

// TestWrite278Segments writes a hand-built DME request and its approval
// and looks at the segments the defaults and the decision produce.
func TestWrite278Segments(t *testing.T) {
	req := dmeRequest("TRK20260112001")
	resp := dmeRequest("TRK20260112002")
	resp.SubmissionReference, resp.SubmittedAt = "REQ5001", "202601141030"
	resp.Decision = &edigw.Decision{Action: "A1", CertificationNumber: "C26014A00123", IssueDate: "20260114",
		EffectivePeriod: &edigw.Period{From: "20260201", To: "20260501"}}
	resp.Services[0].Decision = &edigw.Decision{Action: "A1", CertificationNumber: "C26014A00123"}
	var buf bytes.Buffer
	if err := Write278(&buf, testEnvelope(), []*edigw.AuthorizationRequest{req, resp}); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	sets := strings.Split(got, "ST*278*")
	if len(sets) != 3 {
		t.Fatalf("want two transaction sets:\n%s", got)
	}
	request, response := sets[1], sets[2]
	for _, want := range []string{
		"BHT*0007*13*1001*20261122*0930~", // defaults: BHT03 is ST02, BHT04-05 the envelope's clock
		"HL*1**20*1~\nNM1*X3*2*CIGNA HEALTHCARE*****PI*62308~",
		"NM1*1P*2*HOMECARE MEDICAL SUPPLY*****XX*1234567893~\nREF*EI*061234567~\nPER*IC*INTAKE DESK*TE*8605550142~",
		"HL*4*3*EV*1~\nTRN*1*TRK20260112001*1061234567~\nUM*HS*I*12*12:B~\nDTP*AAH*RD8*20260201-20260501~\nHI*ABK:Z89512~\nNM1*SJ*2*HOMECARE MEDICAL SUPPLY*****XX*1234567893~",
		"HL*5*4*SS*0~\nUM*HS*I~\nDTP*472*RD8*20260201-20260501~\nSV1*HC:E0250:NU**UN*1~\nSE*",
	} {
		if !strings.Contains(request, want) {
			t.Errorf("request: no\n%s\nin\n%s", want, request)
		}
	}
	if strings.Contains(request, "HCR") {
		t.Errorf("a request carries an HCR:\n%s", request)
	}
	for _, want := range []string{
		"BHT*0007*11*REQ5001*20260114*1030~",
		"NM1*1P*2*HOMECARE MEDICAL SUPPLY*****XX*1234567893~\nREF*EI*061234567~\nHL*3*2*22*1~", // no address or contact in a response
		"TRN*2*TRK20260112002*1061234567~\nUM*HS*I*12*12:B~\nHCR*A1*C26014A00123~\nDTP*AAH*RD8*20260201-20260501~\nDTP*102*D8*20260114~\nDTP*036*D8*20260501~\nDTP*007*D8*20260201~",
		"UM*HS*I~\nHCR*A1*C26014A00123~\nDTP*472*RD8*20260201-20260501~",
	} {
		if !strings.Contains(response, want) {
			t.Errorf("response: no\n%s\nin\n%s", want, response)
		}
	}
	back, res := readAuths(t, "hand-built", buf.Bytes())
	if !res.Report.OK() || len(back) != 2 || back[0].Decision != nil || back[1].Status != edigw.AuthApproved ||
		back[1].Decision.EffectivePeriod.To != "20260501" || back[1].TraceNumber != "TRK20260112002" {
		t.Errorf("hand-built file read back wrong: %v %+v", res.Report.Errors, back)
	}
}

// TestWrite278Errors: a record missing what the guide requires is an error
// naming it by trace number, and nothing is written.
func TestWrite278Errors(t *testing.T) {
	noPayer := dmeRequest("TRK-NOPAYER")
	noPayer.PayerID = ""
	noMember := dmeRequest("TRK-NOMEMBER")
	noMember.Subscriber.MemberID = ""
	noMember.Requester.ID = ""
	badCode := dmeRequest("TRK-BADCODE")
	badCode.RequestCategory = "ZZ"
	noOutcome := dmeRequest("TRK-NOOUTCOME")
	noOutcome.Decision = &edigw.Decision{}
	cancelDecided := dmeRequest("TRK-CANCEL")
	cancelDecided.Purpose = "01"
	cancelDecided.Decision = &edigw.Decision{Action: "CT"}
	orphan := dmeRequest("")
	orphan.TraceNumber = ""
	orphan.Services[0].Decision = &edigw.Decision{Action: "A1"}
	noService := dmeRequest("TRK-NOSERVICE")
	noService.Services[0].ProcedureCode = ""

	for _, tc := range []struct {
		name string
		reqs []*edigw.AuthorizationRequest
		want []string
	}{
		{"no payer ID", []*edigw.AuthorizationRequest{dmeRequest("OK1"), noPayer}, []string{"authorization request #2 cannot", "payerId (2010A NM109)"}},
		{"no member or requester ID", []*edigw.AuthorizationRequest{noMember}, []string{"authorization request #1 cannot", "subscriber.memberId", "requester id"}},
		{"invalid code", []*edigw.AuthorizationRequest{dmeRequest("OK1"), badCode}, []string{"authorization request #2 would not validate", "UM01"}},
		{"response without outcome", []*edigw.AuthorizationRequest{noOutcome}, []string{"decision.action (HCR01)"}},
		{"cancellation with a decision", []*edigw.AuthorizationRequest{cancelDecided}, []string{"authorization request #1 cannot", "purpose (BHT02)"}},
		{"service decision in a request", []*edigw.AuthorizationRequest{orphan}, []string{"authorization request #1 cannot", "services[0].decision only in a response"}},
		{"service quantity without procedure", []*edigw.AuthorizationRequest{noService}, []string{"services[0] procedureCode"}},
	} {
		var buf bytes.Buffer
		err := Write278(&buf, testEnvelope(), tc.reqs)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not say %q", tc.name, err, w)
			}
		}
		if buf.Len() != 0 {
			t.Errorf("%s: %d bytes written despite the error", tc.name, buf.Len())
		}
	}
	var ae *RecordError
	if err := CheckAuthorizationForWriting(noPayer); !errors.As(err, &ae) || ae.Kind != AuthorizationRecord || ae.Index != 0 || len(ae.Reasons) != 1 {
		t.Errorf("CheckAuthorizationForWriting: %v", err)
	}
	if err := Write278(&bytes.Buffer{}, testEnvelope(), nil); err == nil {
		t.Error("an empty batch wrote a file")
	}
}

// TestAuthorizationJSONView: the JSON view of a full response, stripped of
// its descriptions, decodes strictly into the same record.
func TestAuthorizationJSONView(t *testing.T) {
	a := everyField()
	var buf bytes.Buffer
	if err := WriteJSON(&buf, a); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"reviewer":{"role":"X3","name":"CIGNA HEALTHCARE"`, `"actionValue":"`, `"rejections":[{"level":"system","valid":true,"reason":"42"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("view lacks %s: %s", want, buf.String())
		}
	}
	stripped, err := StripDescriptions(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var back edigw.AuthorizationRequest
	dec := json.NewDecoder(bytes.NewReader(stripped))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&back); err != nil {
		t.Fatalf("stripped view does not decode strictly: %v", err)
	}
	sameRecords(t, "JSON view", &back, a)
}
