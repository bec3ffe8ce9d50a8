package mapping

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/fixtures/synth"
	"github.com/edigw/edigw/internal/corpus"
)

// roundTrip835 writes remittances and reads them back; the written file
// must validate clean. It returns the file too.
func roundTrip835(t *testing.T, name string, rms []*edigw.Remittance) ([]*edigw.Remittance, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write835(&buf, testEnvelope(), rms); err != nil {
		t.Errorf("%s: Write835: %v", name, err)
		return nil, nil
	}
	file := bytes.Clone(buf.Bytes())
	// The records read back carry what mapping derives from CLP02 and the
	// amounts (each payment's claim status): give the originals theirs.
	for _, rm := range rms {
		DecideRemittance(rm)
	}
	back, res := readRemits(t, name+".regenerated", file)
	if !res.Report.OK() || res.Rejected != 0 {
		t.Errorf("%s: the regenerated 835 does not validate: %v", name, res.Report.Errors)
		return nil, nil
	}
	return back, file
}

// remittanceFiles are the 835s the round trip runs over: the corpus (valid
// ones are kept by the caller), the story fixture and a generated file.
func remittanceFiles(t *testing.T) map[string]string {
	files := map[string]string{}
	dir, entries := corpus.Manifest(t)
	for _, e := range entries {
		if strings.HasPrefix(e.Transaction, "835") {
			files[e.File] = filepath.Join(dir, e.File)
		}
	}
	files["fixtures/story/06-835-remittance.edi"] = filepath.Join("..", "fixtures", "story", "06-835-remittance.edi")
	var gen bytes.Buffer
	if _, err := synth.Write(&gen, synth.Options{Kind: synth.Kind835, Claims: 150, PerSet: 40, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(t.TempDir(), "synth-835.edi")
	if err := os.WriteFile(tmp, gen.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	files["synth-835.edi"] = tmp
	return files
}

// TestRemittancesRoundTrip is the round-trip guarantee for 835s: every
// valid 835 of the corpus, the story fixture and a generated file, read
// into remittances, written back and read again gives equal remittances;
// and writing those again gives the same bytes.
func TestRemittancesRoundTrip(t *testing.T) {
	files := remittanceFiles(t)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	tripped, corpusTripped := 0, 0
	for _, name := range names {
		data, err := os.ReadFile(files[name])
		if err != nil {
			t.Fatal(err)
		}
		rms, res := readRemits(t, name, data)
		if !res.Report.OK() || len(rms) == 0 {
			continue
		}
		back, file := roundTrip835(t, name, rms)
		if back == nil {
			continue
		}
		if len(back) != len(rms) {
			t.Errorf("%s: %d remittances back, %d sent", name, len(back), len(rms))
			continue
		}
		for i := range rms {
			sameRecords(t, name+" remittance "+rms[i].TraceNumber, back[i], rms[i])
		}
		if _, again := roundTrip835(t, name+" (again)", back); !bytes.Equal(again, file) {
			t.Errorf("%s: writing the read-back remittances gives a different file", name)
		}
		tripped++
		if !strings.HasPrefix(name, "fixtures/") && !strings.HasPrefix(name, "synth") {
			corpusTripped++
		}
	}
	t.Logf("%d 835 files round-tripped (%d from the corpus)", tripped, corpusTripped)
	// 14: the keironstoddart UHC legacy sample's payee state "NP" is no
	// state (IK403=7, decisions/0020), so it is no longer read.
	if corpusTripped < 14 || tripped != corpusTripped+2 {
		t.Errorf("only %d 835 files round-tripped (%d from the corpus)", tripped, corpusTripped)
	}
}

func amount(a edigw.Amount) *edigw.Amount { return &a }

// dmeRemittance is Cigna paying a home-care DME supplier by ACH for one
// rental and denying one, with interest added in a PLB.
func dmeRemittance() *edigw.Remittance {
	allowed := edigw.Amount(120000)
	return &edigw.Remittance{
		PayerID: edigw.Cigna, Handling: "I", PaymentAmount: 89250, CreditDebit: "C", PaymentMethod: "ACH", PaymentFormat: "CCP",
		SenderAccount:        &edigw.BankAccount{BankIDQualifier: "01", BankID: "021000021", AccountQualifier: "DA", AccountNumber: "1234567890"},
		OriginatingCompanyID: "1591234567",
		ReceiverAccount:      &edigw.BankAccount{BankIDQualifier: "01", BankID: "011000015", AccountQualifier: "DA", AccountNumber: "9876543210"},
		PaymentDate:          "20260305", TraceNumber: "EFT00012345", TraceOriginator: "1591234567", ProductionDate: "20260304",
		Payer: edigw.Party{Name: "CIGNA HEALTHCARE", Address: &edigw.Address{Line1: "900 COTTAGE GROVE RD", City: "BLOOMFIELD", State: "CT", PostalCode: "06002"},
			Contact: &edigw.Contact{Name: "EDI SUPPORT", Phone: "8005550199", Email: "EDI@CIGNA.EXAMPLE", Fax: "8005550198"}},
		MoreTechnicalContacts: []edigw.Contact{{Fax: "8005550197", URL: "CIGNA.EXAMPLE/EDI"}},
		Payee: edigw.Party{Name: "HOMECARE MEDICAL SUPPLY", IDQualifier: "XX", ID: "1234567893", TaxID: "061234567",
			Address: &edigw.Address{Line1: "120 MAPLE DR", City: "HARTFORD", State: "CT", PostalCode: "061031234"}},
		Claims: []edigw.ClaimPayment{{
			HeaderNumber: 1, PatientControlNumber: "DME-2026-0101", StatusCode: "1", Charge: 145000, Paid: 88000, PatientResponsibility: 32000,
			FilingCode: "12", PayerClaimNumber: "2026036000101", FacilityCode: "12", FrequencyCode: "1",
			Patient: edigw.Person{LastName: "DOE", FirstName: "JANE", MemberID: "U1234567801"},
			Services: []edigw.ServicePayment{{ProcedureQualifier: "HC", ProcedureCode: "E0250", Modifiers: []string{"NU"}, Charge: 145000, Paid: 88000, Units: "1",
				ServiceDate:           &edigw.Period{From: "20260203"},
				Adjustments:           []edigw.Adjustment{{Group: "CO", Reason: "45", Amount: 25000}, {Group: "PR", Reason: "1", Amount: 10000}, {Group: "PR", Reason: "2", Amount: 22000}},
				LineItemControlNumber: "DME-2026-0101-1", Allowed: &allowed}},
		}, {
			HeaderNumber: 2, PatientControlNumber: "DME-2026-0102", StatusCode: "4", Charge: 185000, FilingCode: "12", PayerClaimNumber: "2026036000102",
			FacilityCode: "12", FrequencyCode: "1", Patient: edigw.Person{LastName: "ROE", FirstName: "JOHN", MemberID: "U7654321001"},
			Services: []edigw.ServicePayment{{ProcedureQualifier: "HC", ProcedureCode: "E0260", Modifiers: []string{"NU"}, Charge: 185000, Units: "1",
				ServiceDate: &edigw.Period{From: "20260205"}, Adjustments: []edigw.Adjustment{{Group: "CO", Reason: "197", Amount: 185000}},
				LineItemControlNumber: "DME-2026-0102-1", RemarkCodes: []string{"M62"}}},
		}},
		ProviderSummaries: []edigw.ProviderSummary{{HeaderNumber: 2, ProviderID: "1234567893", FacilityCode: "12", FiscalPeriodDate: "20261231",
			ClaimCount: "1", TotalCharge: 185000}},
		ProviderAdjusts: []edigw.ProviderAdjust{{ProviderID: "1234567893", FiscalDate: "20261231", Reason: "L6", Reference: "INT0101", Amount: -1250}},
	}
}

// TestWrite835Segments checks the segments of a hand-built remittance and
// that it comes back equal.
func TestWrite835Segments(t *testing.T) {
	rm := dmeRemittance()
	back, file := roundTrip835(t, "dme", []*edigw.Remittance{rm})
	out := string(file)
	for _, want := range []string{
		"GS*HP*EDIGW*62308*20261122*0930*1001*X*005010X221A1~",
		"ST*835*1001~", // ST03 is Not Used in X221A1
		"BPR*I*892.5*C*ACH*CCP*01*021000021*DA*1234567890*1591234567**01*011000015*DA*9876543210*20260305~",
		"TRN*1*EFT00012345*1591234567~",
		"DTM*405*20260304~",
		"N1*PR*CIGNA HEALTHCARE~", "N3*900 COTTAGE GROVE RD~", "N4*BLOOMFIELD*CT*06002~", "REF*2U*62308~",
		"PER*BL*EDI SUPPORT*TE*8005550199*EM*EDI@CIGNA.EXAMPLE*FX*8005550198~",
		"PER*BL**UR*CIGNA.EXAMPLE/EDI*FX*8005550197~", // a fax cannot come first in PER*BL
		"N1*PE*HOMECARE MEDICAL SUPPLY*XX*1234567893~", "REF*TJ*061234567~",
		"LX*1~",
		"CLP*DME-2026-0101*1*1450*880*320*12*2026036000101*12*1~",
		"NM1*QC*1*DOE*JANE****MI*U1234567801~",
		"SVC*HC:E0250:NU*1450*880**1~", "DTM*472*20260203~",
		"CAS*CO*45*250~", "CAS*PR*1*100**2*220~", // one CAS per group, triples side by side
		"REF*6R*DME-2026-0101-1~", "AMT*B6*1200~",
		"LX*2~", "TS3*1234567893*12*20261231*1*1850~",
		"CLP*DME-2026-0102*4*1850*0**12*2026036000102*12*1~", // no CLP05 when the patient owes nothing
		"CAS*CO*197*1850~", "LQ*HE*M62~",
		"PLB*1234567893*20261231*L6:INT0101*-12.5~",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if strings.Index(out, "LX*2~") > strings.Index(out, "TS3*") || strings.Index(out, "TS3*") > strings.Index(out, "CLP*DME-2026-0102") {
		t.Errorf("TS3 is not between LX*2 and its claim:\n%s", out)
	}
	if len(back) == 1 {
		sameRecords(t, "dme", back[0], rm)
	}
}

// everyFieldRemittance sets every field of the remittance records that the
// 835 carries (see notIn835) somewhere, with values the guide allows.
func everyFieldRemittance() *edigw.Remittance {
	rm := dmeRemittance()
	rm.OriginatingCompanyCode = "000000001"
	rm.TraceSupplementalCode = "DIV01"
	rm.Currency = "CAD"
	rm.ReceiverID = "CLEARINGHOUSE1"
	rm.PayerSystemVersion = "4.2"
	rm.Payer.IDQualifier, rm.Payer.ID = "XV", "PLAN0062308"
	rm.Payer.Address = &edigw.Address{Line1: "1 FRONT ST W", City: "TORONTO", State: "ON", PostalCode: "M5J2X5", Country: "CA"}
	rm.Payer.Address.Line2 = "ROUTE B6LPA"
	rm.Payer.Contact = &edigw.Contact{Name: "EDI SUPPORT", URL: "CIGNA.EXAMPLE/SUPPORT", Email: "EDI@CIGNA.EXAMPLE", Fax: "8005550198"}
	rm.PayerReferences = []edigw.Reference{{Qualifier: "NF", Value: "67369"}, {Qualifier: "2U", Value: "62308A"}}
	rm.PayerBusinessContact = &edigw.Contact{Name: "PROVIDER SERVICES", Phone: "8005550100", Fax: "8005550101"}
	rm.MoreTechnicalContacts = append(rm.MoreTechnicalContacts, edigw.Contact{Name: "EDI HELP DESK", Email: "HELP@CIGNA.EXAMPLE", Phone: "8005550104"})
	rm.PayerWebsite = "WWW.CIGNA.EXAMPLE"
	rm.Payee.Address.Line2 = "SUITE 4"
	rm.PayeeReferences = []edigw.Reference{{Qualifier: "PQ", Value: "HMS0001"}, {Qualifier: "TJ", Value: "061234568"}}
	rm.Delivery = &edigw.RemittanceDelivery{Method: "EM", Name: "BILLING OFFICE", Communication: "ERA@HOMECARE.EXAMPLE"}
	rm.ProviderSummaries[0].MSPPayer = amount(100)
	s := &rm.ProviderSummaries[0]
	s.NonLabCharge, s.HCPCSCharge, s.HCPCSPayable, s.ProfessionalPart = amount(200), amount(300), amount(400), amount(500)
	s.MSPPatientMet, s.PatientRefund, s.PIPClaimCount, s.PIPAdjustment = amount(600), amount(700), "2", amount(-800)
	s.Supplemental = &edigw.SupplementalSummary{DRG: amount(1), FederalSpecific: amount(2), HospitalSpecific: amount(3),
		DisproportionateShare: amount(4), Capital: amount(5), IndirectMedicalEd: amount(6), OutlierDays: "7", DayOutlier: amount(8),
		CostOutlier: amount(9), AverageStay: "10.5", Discharges: "11", CostReportDays: "12", CoveredDays: "13", NoncoveredDays: "14",
		MSPPassThrough: amount(15), AverageDRGWeight: "1.6", CapitalFederalDRG: amount(17), CapitalHospitalDRG: amount(18),
		DisproportionateShrDRG: amount(19)}

	c := &rm.Claims[1]
	c.DRGCode, c.DRGWeight, c.DischargeFraction = "470", "1.9", "0.5"
	c.PatientIDQualifier = "HN"
	c.Patient.MiddleName, c.Patient.Suffix = "Q", "JR"
	c.PatientResponsibility = 100
	c.Adjustments = []edigw.Adjustment{{Group: "OA", Reason: "23", Amount: -100, Quantity: "1"}}
	c.Insured = &edigw.NamedParty{EntityType: "1", Name: "ROE", FirstName: "MARY", MiddleName: "A", Suffix: "SR", IDQualifier: "MI", ID: "U7654321000"}
	c.CorrectedName = &edigw.NamedParty{EntityType: "1", Name: "ROE", FirstName: "JON", MiddleName: "B", Suffix: "III", IDQualifier: "C", ID: "U7654321002"}
	c.ServiceProvider = &edigw.NamedParty{EntityType: "1", Name: "SMITH", FirstName: "ANNA", MiddleName: "C", Suffix: "MD", IDQualifier: "XX", ID: "1497758544"}
	c.CrossoverCarrier = &edigw.NamedParty{EntityType: "2", Name: "MEDIGAP PLAN", IDQualifier: "PI", ID: "99999"}
	c.CorrectedPriorityPayer = &edigw.NamedParty{EntityType: "2", Name: "OTHER PAYER", IDQualifier: "PI", ID: "88888"}
	c.OtherSubscriber = &edigw.NamedParty{EntityType: "1", Name: "ROE", FirstName: "MAX", MiddleName: "D", Suffix: "II", IDQualifier: "MI", ID: "X1"}
	c.Inpatient = &edigw.InpatientAdjudication{CoveredDays: "3", OperatingOutlier: amount(1), LifetimePsychiatricDays: "4", DRG: amount(2),
		DisproportionateShare: amount(3), MSPPassThrough: amount(4), PPSCapital: amount(5), CapitalFederalDRG: amount(6),
		CapitalHospitalDRG: amount(7), CapitalDSHDRG: amount(8), OldCapital: amount(9), CapitalIME: amount(10),
		OperatingHospitalDRG: amount(11), CostReportDays: "5", OperatingFederalDRG: amount(12), CapitalOutlier: amount(13),
		IndirectTeaching: amount(14), NonpayableProfessional: amount(15), CapitalException: amount(16),
		RemarkCodes: []string{"MA01", "MA02", "MA03", "MA04", "MA05"}}
	c.Outpatient = &edigw.OutpatientAdjudication{ReimbursementRate: "0.8", HCPCSPayable: amount(20), ESRDPayment: amount(21),
		NonpayableProfessional: amount(22), RemarkCodes: []string{"MA15", "MA18", "N10", "N20", "M1"}}
	c.References = []edigw.Reference{{Qualifier: "1L", Value: "GRP100"}, {Qualifier: "G1", Value: "AUTH20260001"}}
	c.ProviderReferences = []edigw.Reference{{Qualifier: "G2", Value: "PRV77"}}
	c.StatementPeriod = &edigw.Period{From: "20260201", To: "20260228"}
	c.CoverageExpiration, c.ReceivedDate = "20261231", "20260210"
	c.Contacts = []edigw.Contact{{Name: "CLAIMS", Phone: "8005550102", Email: "CLAIMS@CIGNA.EXAMPLE"}, {Fax: "8005550103"}}
	c.Amounts = []edigw.SupplementalAmount{{Qualifier: "AU", Amount: 185000}, {Qualifier: "I", Amount: 150}}
	c.Quantities = []edigw.SupplementalQuantity{{Qualifier: "CA", Quantity: "3"}}
	sv := &c.Services[0]
	sv.RevenueCode, sv.OriginalUnits = "0274", "2"
	sv.SubmittedProcedure = &edigw.Procedure{Qualifier: "HC", Code: "E0261", Modifiers: []string{"RR", "KH"}, Description: "HOSPITAL BED"}
	sv.ServiceDate = &edigw.Period{From: "20260205", To: "20260305"}
	sv.References = []edigw.Reference{{Qualifier: "APC", Value: "0123"}}
	sv.ProviderReferences = []edigw.Reference{{Qualifier: "HPI", Value: "1497758544"}}
	sv.HealthcarePolicies = []string{"LCD33820"}
	sv.Amounts = []edigw.SupplementalAmount{{Qualifier: "KH", Amount: 10}}
	sv.Quantities = []edigw.SupplementalQuantity{{Qualifier: "ZK", Quantity: "1"}}
	sv.PharmacyRejectCodes = []string{"70"}
	sv.Allowed = amount(0)
	sv.Adjustments[0].Quantity = "1"
	c.HeaderNumber, rm.ProviderSummaries[0].HeaderNumber = 3, 3
	for i := range 7 { // seven adjustments: two PLB segments
		rm.ProviderAdjusts = append(rm.ProviderAdjusts, edigw.ProviderAdjust{ProviderID: "1234567893", FiscalDate: "20261231",
			Reason: "WO", Reference: "OVERPAY" + strconv.Itoa(i), Amount: 100})
	}
	return rm
}

// notIn835 are the fields of shared types that the 835 has no place for:
// N1 has no entity type, first name or taxonomy, and the patient's NM1 no
// demographics.
var notIn835 = map[string]bool{
	"Party.entityType": true, "Party.firstName": true, "Party.middleName": true, "Party.suffix": true, "Party.taxonomy": true,
	"Person.birthDate": true, "Person.gender": true, "Person.address": true, "Person.ssn": true,
	"ClaimPayment.-": true, // derived (ClaimStatus, StatusReason), not part of the record
}

// setFields adds the fields (Type.jsonName) that hold a non-zero value
// anywhere in v.
func setFields(v reflect.Value, set map[string]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			setFields(v.Elem(), set)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Field(i)
			if leaf(f.Type()) && !f.IsZero() {
				set[fieldName(v.Type(), i)] = true
			}
			setFields(f, set)
		}
	case reflect.Slice:
		for i := range v.Len() {
			setFields(v.Index(i), set)
		}
	}
}

// allFields lists the leaf fields (Type.jsonName) of a type and the types
// it holds, leaving out notIn835.
func allFields(t reflect.Type, seen map[reflect.Type]bool, out *[]string) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return
	}
	seen[t] = true
	for i := range t.NumField() {
		name := fieldName(t, i)
		switch {
		case notIn835[name]:
		case leaf(t.Field(i).Type):
			*out = append(*out, name)
		default:
			allFields(t.Field(i).Type, seen, out)
		}
	}
}

// leaf reports whether a field holds values rather than records: a
// string, an amount, a pointer to one or a list of them.
func leaf(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t.Kind() != reflect.Struct
}

func fieldName(t reflect.Type, i int) string {
	name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
	return t.Name() + "." + name
}

// TestWrite835EveryField writes a remittance with every field the 835
// carries set and reads it back equal: a field added to the records but
// not to the writer (or the reader) fails here.
func TestWrite835EveryField(t *testing.T) {
	rm := everyFieldRemittance()
	set := map[string]bool{}
	setFields(reflect.ValueOf(rm), set)
	var all []string
	allFields(reflect.TypeOf(rm), map[reflect.Type]bool{}, &all)
	for _, p := range all {
		if !set[p] {
			t.Errorf("everyFieldRemittance leaves %s unset", p)
		}
	}
	back, file := roundTrip835(t, "every field", []*edigw.Remittance{rm})
	if len(back) != 1 {
		t.Fatalf("%d remittances back", len(back))
	}
	sameRecords(t, "every field", back[0], rm)
	out := string(file)
	for _, want := range []string{
		"CUR*PR*CAD~", "N4*TORONTO*ON*M5J2X5*CA~", "REF*EV*CLEARINGHOUSE1~", "REF*F2*4.2~", "N1*PR*CIGNA HEALTHCARE*XV*PLAN0062308~",
		"PER*CX*PROVIDER SERVICES*TE*8005550100*FX*8005550101~", "PER*IC**UR*WWW.CIGNA.EXAMPLE~",
		"RDM*EM*BILLING OFFICE*ERA@HOMECARE.EXAMPLE~", "LX*3~",
		"TS2*0.01*0.02*0.03*0.04*0.05*0.06*7*0.08*0.09*10.5*11*12*13*14*0.15*1.6*0.17*0.18*0.19~",
		"CLP*DME-2026-0102*4*1850*0*1*12*2026036000102*12*1**470*1.9*0.5~",
		"NM1*QC*1*ROE*JOHN*Q**JR*HN*U7654321001~", "NM1*TT*2*MEDIGAP PLAN*****PI*99999~",
		"MIA*3*0.01*4*0.02*MA01*0.03*0.04*0.05*0.06*0.07*0.08*0.09*0.1*0.11*5*0.12*0.13*0.14*0.15*MA02*MA03*MA04*MA05*0.16~",
		"MOA*0.8*0.2*MA15*MA18*N10*N20*M1*0.21*0.22~",
		"DTM*232*20260201~", "DTM*233*20260228~", "DTM*036*20261231~", "DTM*050*20260210~",
		"PER*CX**FX*8005550103~",
		"SVC*HC:E0260:NU*1850*0*0274*1*HC:E0261:RR:KH:::HOSPITAL BED*2~", "DTM*150*20260205~", "DTM*151*20260305~",
		"REF*0K*LCD33820~", "AMT*B6*0~", "LQ*RX*70~",
		"PLB*1234567893*20261231*L6:INT0101*-12.5*WO:OVERPAY0*1*WO:OVERPAY1*1*WO:OVERPAY2*1*WO:OVERPAY3*1*WO:OVERPAY4*1~",
		"PLB*1234567893*20261231*WO:OVERPAY5*1*WO:OVERPAY6*1~",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
}

// TestWrite835RefusesIncompleteRemittances: a remittance that lacks what
// the guide requires is an error naming its trace number, the claim and the
// fields, and nothing is written.
func TestWrite835RefusesIncompleteRemittances(t *testing.T) {
	bad := dmeRemittance()
	bad.TraceNumber = "EFT-BAD"
	bad.Payer.Contact = nil
	bad.TraceOriginator = "62308"
	bad.Claims[1].PayerClaimNumber = ""
	bad.Claims[1].Services[0].ProcedureCode = ""
	bad.Claims[1].Contacts = []edigw.Contact{{URL: "CIGNA.EXAMPLE"}} // PER*CX takes no URL
	var buf bytes.Buffer
	err := Write835(&buf, testEnvelope(), []*edigw.Remittance{dmeRemittance(), bad})
	var re *RecordError
	if !errorsAs(err, &re) || re.Kind != RemittanceRecord || re.Index != 2 {
		t.Fatalf("err %v", err)
	}
	for _, want := range []string{
		"remittance #2 cannot be written",
		"missing payer.contact (PER*BL",
		"traceOriginator (TRN03) must be 10 characters",
		`claims[1]: missing payerClaimNumber (CLP07)`,
		`claims[1]: missing services[0] procedureQualifier and procedureCode (SVC01)`,
		`claims[1]: contacts[0]: PER*CX takes`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
	if len(re.Reasons) != 5 || buf.Len() != 0 {
		t.Errorf("%d problems (want 5), %d bytes written: %v", len(re.Reasons), buf.Len(), err)
	}
	if err := CheckRemittanceForWriting(dmeRemittance()); err != nil {
		t.Errorf("complete remittance: %v", err)
	}

	// A 2000 loop needs claims: a provider summary without them cannot be written.
	orphan := dmeRemittance()
	orphan.ProviderSummaries[0].HeaderNumber = 7
	if err := CheckRemittanceForWriting(orphan); err == nil || !strings.Contains(err.Error(), "provider summaries do not match") {
		t.Errorf("orphan summary: %v", err)
	}

	// Data holding a delimiter is refused before writing, naming the field
	// but not its value (patient names are PHI).
	delim := dmeRemittance()
	delim.TraceNumber = ""
	delim.Claims[0].Patient.LastName = "O*BRIEN"
	err = Write835(&buf, testEnvelope(), []*edigw.Remittance{delim})
	if err == nil || !strings.Contains(err.Error(), "remittance #1 cannot") ||
		!strings.Contains(err.Error(), `remittance.claims[0].patient.lastName holds the delimiter '*'`) || strings.Contains(err.Error(), "BRIEN") {
		t.Errorf("delimiter: %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written", buf.Len())
	}

	if err := Write835(&buf, testEnvelope(), nil); err == nil {
		t.Error("no remittances: no error")
	}
	if err := Write835(&buf, Envelope{SenderID: "A", ReceiverID: "B"}, []*edigw.Remittance{dmeRemittance()}); err == nil {
		t.Error("no control numbers: no error")
	}
}

// TestWrite835HeaderNumberZero: claims without a header number go under
// LX*1, and read back with 1.
func TestWrite835HeaderNumberZero(t *testing.T) {
	rm := dmeRemittance()
	rm.ProviderSummaries = nil
	for i := range rm.Claims {
		rm.Claims[i].HeaderNumber = 0
	}
	back, file := roundTrip835(t, "no header numbers", []*edigw.Remittance{rm})
	if n := strings.Count(string(file), "\nLX*"); n != 1 || !strings.Contains(string(file), "\nLX*1~") {
		t.Errorf("%d LX segments, want one LX*1:\n%s", n, file)
	}
	for i := range rm.Claims {
		rm.Claims[i].HeaderNumber = 1
	}
	if len(back) == 1 {
		sameRecords(t, "no header numbers", back[0], rm)
	}
}
