package mapping

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
)

// claimGuides is the implementation guide each claim kind is written in.
var claimGuides = map[edigw.ClaimKind]string{
	edigw.Professional:  "005010X222A1",
	edigw.Institutional: "005010X223A2",
	edigw.Dental:        "005010X224A2",
}

// Write837 writes claims as one 837 interchange: one functional group (HC)
// of transaction sets of at most Envelope.MaxPerSet claims, a new set
// whenever the submitter or receiver changes. Consecutive claims of one
// billing provider share a 2000A loop, of one subscriber and payer a 2000B,
// of one dependent patient a 2000C. All claims must be of one kind.
//
// Claims are checked before anything is written: a claim that lacks what
// the guide requires is a *RecordError naming its place in the batch and
// the fields, and no file is written.
func Write837(w io.Writer, env Envelope, claims []*edigw.Claim) error {
	if len(claims) == 0 {
		return errors.New("mapping: no claims to write")
	}
	kind := claims[0].Kind
	version, ok := claimGuides[kind]
	if !ok {
		return &RecordError{Kind: ClaimRecord, Index: 1, Err: errUnknownClaimKind}
	}
	for i, c := range claims {
		if c.Kind != kind {
			return &RecordError{Kind: ClaimRecord, Index: i + 1, Err: errMixedClaimKinds}
		}
		if err := checkClaim(c, i+1); err != nil {
			return err
		}
	}
	o, err := env.begin(w, "HC", version)
	if err != nil {
		return err
	}
	for _, set := range ClaimSets(claims, env.perSet()) {
		o.claimSet(version, set)
	}
	return o.finish()
}

// ClaimSets splits claims into the transaction sets Write837 writes them
// in: at most perSet claims each, a new set whenever the submitter or
// receiver changes. A batcher uses it to number the sets before writing.
func ClaimSets(claims []*edigw.Claim, perSet int) [][]*edigw.Claim {
	var sets [][]*edigw.Claim
	for start := 0; start < len(claims); {
		end := start + 1
		for end < len(claims) && end-start < perSet && sameSubmission(claims[start], claims[end]) {
			end++
		}
		sets = append(sets, claims[start:end])
		start = end
	}
	return sets
}

// CheckClaimForWriting reports what a claim lacks that every 837 requires:
// a *RecordError naming the fields.
func CheckClaimForWriting(c *edigw.Claim) error {
	return checkClaim(c, 0)
}

// checkClaim checks the index-th claim of a batch (0: a claim alone).
func checkClaim(c *edigw.Claim, index int) error {
	var missing []string
	need := func(ok bool, what string) {
		if !ok {
			missing = append(missing, "missing "+what)
		}
	}
	need(c.PatientControlNumber != "", "patientControlNumber (CLM01)")
	need(c.Submitter.Name != "" && c.Submitter.ID != "", "submitter name and ID (1000A)")
	need(c.Submitter.Contact != nil, "submitter contact (1000A PER)")
	need(c.Receiver.Name != "" && c.Receiver.ID != "", "receiver name and ID (1000B)")
	need(c.BillingProvider.Name != "", "billingProvider.name (2010AA)")
	need(c.BillingProvider.Address != nil, "billingProvider.address (2010AA N3/N4)")
	need(c.BillingProvider.TaxID != "", "billingProvider.taxId (2010AA REF*EI)")
	need(c.Subscriber.LastName != "" && c.Subscriber.MemberID != "", "subscriber lastName and memberId (2010BA)")
	need(c.Payer.Name != "" && c.Payer.ID != "", "payer name and ID (2010BB)")
	need(c.FacilityCode != "", "facilityCode (CLM05-1)")
	need(c.FrequencyCode != "", "frequencyCode (CLM05-3)")
	need(c.Kind == edigw.Dental || len(c.Diagnoses) > 0, "diagnoses (HI)")
	need(c.Kind != edigw.Institutional || c.ServicePeriod != nil, "servicePeriod (DTP*434 statement dates)")
	need(c.Kind != edigw.Institutional || c.PatientStatus != "", "patientStatus (CL103)")
	need(len(c.Lines) > 0, "lines (2400)")
	if c.Patient != nil {
		need(c.PatientRelationship != "", "patientRelationship (PAT01)")
		need(c.Patient.Address != nil, "patient.address (2010CA N3/N4)")
		need(c.Patient.BirthDate != "" && c.Patient.Gender != "", "patient birthDate and gender (2010CA DMG)")
	}
	for _, l := range c.Lines {
		need(l.Charge >= 0, fmt.Sprintf("line %d charge", l.Number))
		need(l.ProcedureCode != "" || l.RevenueCode != "", fmt.Sprintf("line %d procedureCode or revenueCode", l.Number))
	}
	if len(missing) > 0 {
		return &RecordError{Kind: ClaimRecord, Index: index, Reasons: missing, Err: ErrIncomplete}
	}
	return nil
}

func sameSubmission(a, b *edigw.Claim) bool {
	return reflect.DeepEqual(a.Submitter, b.Submitter) && reflect.DeepEqual(a.Receiver, b.Receiver)
}

// subscriberKey is what a 2000B loop holds: claims that agree on it share one.
type subscriberKey struct {
	subscriber edigw.Person
	payer      edigw.Party
	sbr        [6]string
	dependent  bool
}

func keyOfSubscriber(c *edigw.Claim) subscriberKey {
	rel := c.PatientRelationship
	if c.Patient != nil {
		rel = ""
	}
	return subscriberKey{c.Subscriber, c.Payer,
		[6]string{c.PayerResponsibility, rel, c.GroupNumber, c.GroupName, c.InsuranceType, c.ClaimFilingCode}, c.Patient != nil}
}

// claimSet writes one 837 transaction set.
func (o *out) claimSet(version string, claims []*edigw.Claim) {
	st02 := o.beginSet("837", version)
	first := claims[0]
	o.seg("BHT", "0019", "00", st02, o.now.Format("20060102"), o.now.Format("1504"), "CH")
	o.nm1("41", first.Submitter)
	o.per("IC", first.Submitter.Contact)
	o.nm1("40", first.Receiver)
	kind := first.Kind
	hl, billingHL, subscriberHL := 0, 0, 0
	var billing *edigw.Party
	var payTo *edigw.Party
	var sub *subscriberKey
	var patient *edigw.Person
	var patientRel string
	for i, c := range claims {
		if billing == nil || !reflect.DeepEqual(*billing, c.BillingProvider) || !reflect.DeepEqual(payTo, c.PayTo) {
			hl++
			billingHL, billing, payTo, sub = hl, &claims[i].BillingProvider, c.PayTo, nil
			o.seg("HL", strconv.Itoa(hl), "", "20", "1")
			if c.BillingProvider.Taxonomy != "" {
				o.seg("PRV", "BI", "PXC", c.BillingProvider.Taxonomy)
			}
			o.nm1("85", c.BillingProvider)
			o.address(c.BillingProvider.Address)
			o.seg("REF", "EI", c.BillingProvider.TaxID)
			o.per("IC", c.BillingProvider.Contact)
			if c.PayTo != nil {
				o.seg("NM1", "87", entityType(*c.PayTo))
				o.address(c.PayTo.Address)
			}
		}
		if k := keyOfSubscriber(c); sub == nil || !reflect.DeepEqual(*sub, k) {
			hl++
			subscriberHL, sub, patient = hl, &k, nil
			child := "0"
			if k.dependent {
				child = "1"
			}
			o.seg("HL", strconv.Itoa(hl), strconv.Itoa(billingHL), "22", child)
			ins := k.sbr[4]
			if kind != edigw.Professional {
				ins = "" // SBR05 is Not Used in 837I and 837D
			}
			o.seg("SBR", k.sbr[0], k.sbr[1], k.sbr[2], k.sbr[3], ins, "", "", "", k.sbr[5])
			o.personNM1("IL", c.Subscriber)
			o.address(c.Subscriber.Address)
			o.dmg(c.Subscriber)
			if c.Subscriber.SSN != "" {
				o.seg("REF", "SY", c.Subscriber.SSN)
			}
			o.nm1("PR", c.Payer)
			o.address(c.Payer.Address)
		}
		if c.Patient != nil && (patient == nil || !reflect.DeepEqual(*patient, *c.Patient) || patientRel != c.PatientRelationship) {
			hl++
			patient, patientRel = c.Patient, c.PatientRelationship
			o.seg("HL", strconv.Itoa(hl), strconv.Itoa(subscriberHL), "23", "0")
			o.seg("PAT", c.PatientRelationship)
			p := *c.Patient
			p.MemberID = "" // 2010CA carries no member ID in 5010
			o.personNM1("QC", p)
			o.address(c.Patient.Address)
			o.dmg(*c.Patient)
		}
		o.claim(c)
	}
	o.endSet()
}

// claim writes loop 2300 and its service lines.
func (o *out) claim(c *edigw.Claim) {
	sig := c.ProviderSignature
	if c.Kind == edigw.Institutional {
		sig = "" // CLM06 is Not Used in 837I
	}
	clm := []edi.Elem{edi.Simple(c.PatientControlNumber), edi.Simple(c.TotalCharge.String()), nil, nil,
		edi.Composite(c.FacilityCode, or(c.FacilityCodeQualifier, facilityQualifier(c.Kind)), c.FrequencyCode),
		edi.Simple(sig), edi.Simple(c.Assignment), edi.Simple(c.BenefitsAssigned), edi.Simple(c.ReleaseOfInformation),
		edi.Simple(c.PatientSignatureSource)}
	if c.DelayReason != "" {
		for len(clm) < 19 {
			clm = append(clm, nil)
		}
		clm = append(clm, edi.Simple(c.DelayReason))
	}
	o.segE("CLM", clm...)
	switch c.Kind {
	case edigw.Professional:
		// The 837P's dates in the guide's order; the admission date of a
		// professional claim (hospitalization) is D8 only.
		o.date("454", c.InitialTreatmentDate)
		o.date("304", c.LastSeenDate)
		o.date("435", c.AdmissionDate)
	case edigw.Institutional:
		if c.DischargeHour != "" {
			o.seg("DTP", "096", "TM", c.DischargeHour)
		}
		o.dtp("434", rangeOf(c.ServicePeriod))
		if c.AdmissionDate != "" {
			f := "D8"
			if len(c.AdmissionDate) > 8 {
				f = "DT"
			}
			o.seg("DTP", "435", f, c.AdmissionDate)
		}
		o.seg("CL1", c.AdmissionType, c.AdmissionSource, c.PatientStatus)
	case edigw.Dental:
		o.dtp("472", c.ServicePeriod)
	}
	for _, r := range [...][2]string{{"G1", c.PriorAuthorization}, {"F8", c.PayerClaimNumber},
		{"D9", c.ClearinghouseTrace}, {"EA", c.MedicalRecordNumber}} {
		if r[1] != "" {
			o.seg("REF", r[0], r[1])
		}
	}
	o.notes(c.Notes)
	o.diagnoses(c)
	switch c.Kind {
	case edigw.Professional:
		o.provider("DN", c.ReferringProvider, "")
		o.provider("82", c.RenderingProvider, "PE")
		o.facility(c.ServiceFacility)
	case edigw.Institutional:
		o.provider("71", c.AttendingProvider, "AT")
		o.provider("82", c.RenderingProvider, "")
		o.facility(c.ServiceFacility)
		o.provider("DN", c.ReferringProvider, "")
	case edigw.Dental:
		o.provider("DN", c.ReferringProvider, "")
		o.provider("82", c.RenderingProvider, "PE")
		o.facility(c.ServiceFacility)
	}
	for _, l := range c.Lines {
		o.serviceLine(c.Kind, &l)
	}
}

// notes writes NTEs in the order they were read.
func (o *out) notes(ns []edigw.Note) {
	for _, n := range ns {
		o.seg("NTE", n.Code, n.Text)
	}
}

// facility writes the service facility loop (2310C, 2310E): name, NPI
// and address.
func (o *out) facility(p *edigw.Party) {
	if p == nil {
		return
	}
	o.nm1("77", *p)
	o.address(p.Address)
}

// rangeOf makes a single date a one-day range, for DTP*434 which takes RD8 only.
func rangeOf(p *edigw.Period) *edigw.Period {
	if p == nil || p.To != "" {
		return p
	}
	return &edigw.Period{From: p.From, To: p.From}
}

func facilityQualifier(k edigw.ClaimKind) string {
	if k == edigw.Institutional {
		return "A" // uniform billing claim form bill type
	}
	return "B" // place of service
}

// provider writes a 2310 provider: its NM1 (entity code from the record
// when it has one that fits) and, with a PRV code, its taxonomy.
func (o *out) provider(entity string, p *edigw.Party, prv string) {
	if p == nil {
		return
	}
	o.nm1(entity, *p)
	if prv != "" && p.Taxonomy != "" {
		o.seg("PRV", prv, "PXC", p.Taxonomy)
	}
}

// diagnoses writes the claim's HI segments the way each guide groups them:
// the 837P and 837D put every diagnosis in one HI (principal first); the
// 837I gives principal, admitting, reason-for-visit, external-cause and
// other diagnoses their own segments.
func (o *out) diagnoses(c *edigw.Claim) {
	if len(c.Diagnoses) == 0 && c.DRG == "" && len(c.ValueCodes) == 0 {
		return
	}
	if c.Kind != edigw.Institutional {
		o.hi(c.Diagnoses, 12)
		return
	}
	groups := [][]string{{"ABK", "BK"}, {"ABJ", "BJ"}, {"APR", "PR"}, {"ABN", "BN"}, {"DR"}, {"ABF", "BF"}, {"BE"}}
	for _, g := range groups {
		switch g[0] {
		case "DR":
			if c.DRG != "" {
				o.segE("HI", edi.Composite("DR", c.DRG))
			}
			continue
		case "BE":
			for vs := c.ValueCodes; len(vs) > 0; {
				n := min(len(vs), 12)
				elems := make([]edi.Elem, n)
				for i, v := range vs[:n] {
					elems[i] = edi.Composite("BE", v.Code, "", "", v.Amount.String())
				}
				o.segE("HI", elems...)
				vs = vs[n:]
			}
			continue
		}
		var ds []edigw.Diagnosis
		for _, d := range c.Diagnoses {
			if d.Qualifier == g[0] || len(g) > 1 && d.Qualifier == g[1] {
				ds = append(ds, d)
			}
		}
		for len(ds) > 0 {
			n := min(len(ds), 12)
			o.hi(ds[:n], n)
			ds = ds[n:]
		}
	}
}

func (o *out) hi(ds []edigw.Diagnosis, max int) {
	for len(ds) > 0 {
		n := min(len(ds), max)
		elems := make([]edi.Elem, n)
		for i, d := range ds[:n] {
			if d.PresentOnAdmission != "" { // C022-9, 837I only
				elems[i] = edi.Composite(d.Qualifier, d.Code, "", "", "", "", "", "", d.PresentOnAdmission)
				continue
			}
			elems[i] = edi.Composite(d.Qualifier, d.Code)
		}
		o.segE("HI", elems...)
		ds = ds[n:]
	}
}

// serviceLine writes one 2400 loop: LX, the SV1/SV2/SV3, teeth, the
// service date and the line item control number.
func (o *out) serviceLine(kind edigw.ClaimKind, l *edigw.ServiceLine) {
	o.seg("LX", strconv.Itoa(l.Number))
	ptrs := make([]string, len(l.DiagnosisPointers))
	for i, p := range l.DiagnosisPointers {
		ptrs[i] = strconv.Itoa(p)
	}
	var proc edi.Elem
	if l.ProcedureCode != "" {
		proc = procedure(l.ProcedureQualifier, l.ProcedureCode, l.Modifiers)
		if l.Description != "" { // C003-7, after four modifier places
			c := append([]string{l.ProcedureQualifier, l.ProcedureCode}, l.Modifiers...)
			for len(c) < 6 {
				c = append(c, "")
			}
			proc = edi.Composite(append(c[:6], l.Description)...)
		}
	}
	switch kind {
	case edigw.Professional:
		o.segE("SV1", proc, edi.Simple(l.Charge.String()), edi.Simple(or(l.UnitBasis, "UN")), edi.Simple(l.Units),
			edi.Simple(l.PlaceOfService), nil, edi.Composite(ptrs...))
	case edigw.Institutional:
		o.segE("SV2", edi.Simple(l.RevenueCode), proc, edi.Simple(l.Charge.String()), edi.Simple(or(l.UnitBasis, "UN")),
			edi.Simple(l.Units))
	case edigw.Dental:
		o.segE("SV3", proc, edi.Simple(l.Charge.String()), edi.Simple(l.PlaceOfService), edi.Composite(l.OralCavity...),
			nil, edi.Simple(l.Units), nil, nil, nil, nil, edi.Composite(ptrs...))
		for _, t := range l.Teeth {
			o.segE("TOO", edi.Simple("JP"), edi.Simple(t.Number), edi.Composite(t.Surfaces...))
		}
	}
	o.dtp("472", l.ServiceDate)
	if l.LineItemControlNumber != "" {
		o.seg("REF", "6R", l.LineItemControlNumber)
	}
	o.notes(l.Notes)
}
