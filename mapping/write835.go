package mapping

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
)

// Version835 is the guide Write835 writes: the 835 HIPAA adopted.
const Version835 = "005010X221A1"

// Write835 writes remittances as one 835 interchange: one functional group
// (HP) with one transaction set per remittance, every segment in guide
// order. Claims sit in 2000 loops by their HeaderNumber: consecutive claims
// with the same number share one LX (0 is written as 1), followed by the
// provider summary (TS3/TS2) of that number, if any.
//
// What the records do not hold is fixed by the guide: no ST03 (Not Used in
// X221A1), TRN01 1 (current transaction), CUR01 PR, the patient's NM102 1
// and NM108 MI unless PatientIDQualifier says otherwise, a claim NM102
// from the first name when EntityType is empty. CLP05 is left out when the
// patient owes nothing, as the guide asks. PER numbers go where the guide
// allows their qualifier (a fax never first in PER*BL, say).
//
// Remittances are checked before anything is written: one that lacks what
// the guide requires, or holds a delimiter in its data, is a
// *RecordError naming its place in the batch (and the claim's), and nothing
// is written.
func Write835(w io.Writer, env Envelope, remittances []*edigw.Remittance) error {
	if len(remittances) == 0 {
		return errors.New("mapping: no remittances to write")
	}
	d := env.Delimiters
	if d == (edi.Delimiters{}) {
		d = edi.DefaultDelimiters
	}
	for i, rm := range remittances {
		if rm == nil {
			return &RecordError{Kind: RemittanceRecord, Index: i + 1, Err: errNilRecord}
		}
		problems := remittanceProblems(rm)
		if path, c := delimiterIn(reflect.ValueOf(rm), d, "remittance"); path != "" {
			problems = append(problems, fmt.Sprintf("%s holds the delimiter %q", path, c))
		}
		if len(problems) > 0 {
			return &RecordError{Kind: RemittanceRecord, Index: i + 1, Reasons: problems, Err: ErrIncomplete}
		}
	}
	o, err := env.begin(w, "HP", Version835)
	if err != nil {
		return err
	}
	for _, rm := range remittances {
		o.remittance(rm)
	}
	return o.finish()
}

// CheckRemittanceForWriting reports what a remittance lacks that the 835
// guide requires: a *RecordError naming the fields, and each claim by its
// place (claims[1]).
func CheckRemittanceForWriting(rm *edigw.Remittance) error {
	if problems := remittanceProblems(rm); len(problems) > 0 {
		return &RecordError{Kind: RemittanceRecord, Reasons: problems, Err: ErrIncomplete}
	}
	return nil
}

func remittanceProblems(rm *edigw.Remittance) []string {
	var problems []string
	need := func(ok bool, what string) {
		if !ok {
			problems = append(problems, "missing "+what)
		}
	}
	need(rm.Handling != "", "handling (BPR01)")
	need(rm.CreditDebit != "", "creditDebit (BPR03)")
	need(rm.PaymentMethod != "", "paymentMethod (BPR04)")
	need(rm.PaymentDate != "", "paymentDate (BPR16)")
	need(rm.TraceNumber != "", "traceNumber (TRN02)")
	need(rm.TraceOriginator != "", "traceOriginator (TRN03, the payer's identifier)")
	if n := len(rm.TraceOriginator); n != 0 && n != 10 {
		problems = append(problems, "traceOriginator (TRN03) must be 10 characters: 1 and the payer's tax ID")
	}
	for _, a := range []*edigw.BankAccount{rm.SenderAccount, rm.ReceiverAccount} {
		if a != nil {
			// The guide's syntax notes, no more (P0607, C0809, P1213,
			// C1415): an account the reader accepts is written back, even
			// one with only its number (BPR15 without BPR12-14).
			need((a.BankIDQualifier == "") == (a.BankID == ""), "bankIdQualifier with bankId of a bank account (BPR06-07, BPR12-13)")
			need(a.AccountQualifier == "" || a.AccountNumber != "", "accountNumber with accountQualifier (BPR08-09, BPR14-15)")
		}
	}
	need(rm.Payer.Name != "", "payer.name (N1*PR)")
	need(rm.Payer.Address != nil && rm.Payer.Address.Line1 != "" && rm.Payer.Address.City != "", "payer.address line1 and city (1000A N3/N4)")
	need(rm.Payer.Contact != nil, "payer.contact (PER*BL, the payer's technical contact)")
	need(rm.Payee.Name != "", "payee.name (N1*PE)")
	need(rm.Payee.IDQualifier != "" && rm.Payee.ID != "", "payee.idQualifier and id (N103/N104: FI, XV or XX)")
	problems = append(problems, addressProblems("payee", rm.Payee.Address)...)
	problems = append(problems, technicalPER.problems("payer.contact", rm.Payer.Contact)...)
	problems = append(problems, businessPER.problems("payerBusinessContact", rm.PayerBusinessContact)...)
	for i := range rm.MoreTechnicalContacts {
		problems = append(problems, technicalPER.problems(fmt.Sprintf("moreTechnicalContacts[%d]", i), &rm.MoreTechnicalContacts[i])...)
	}
	if rm.Delivery != nil {
		need(rm.Delivery.Method != "", "delivery.method (RDM01)")
	}
	problems = append(problems, referenceProblems("payerReferences", rm.PayerReferences)...)
	problems = append(problems, referenceProblems("payeeReferences", rm.PayeeReferences)...)
	for i := range rm.ProviderSummaries {
		s := &rm.ProviderSummaries[i]
		what := fmt.Sprintf("providerSummaries[%d] (header %d)", i, s.HeaderNumber)
		if s.ProviderID != "" {
			need(s.FacilityCode != "" && s.FiscalPeriodDate != "" && s.ClaimCount != "",
				what+" facilityCode, fiscalPeriodDate and claimCount (TS302-304)")
		} else {
			need(s.Supplemental != nil, what+" providerId (TS301) or supplemental (TS2)")
		}
	}
	if _, left := placeSummaries(rm); left > 0 {
		problems = append(problems, fmt.Sprintf("%d provider summaries do not match the header numbers of the claims, in order (a 2000 loop needs claims)", left))
	}
	for i := range rm.Claims {
		problems = append(problems, claimPaymentProblems(i, &rm.Claims[i])...)
	}
	for i, p := range rm.ProviderAdjusts {
		need(p.ProviderID != "" && p.FiscalDate != "" && p.Reason != "",
			fmt.Sprintf("providerAdjustments[%d] providerId, fiscalDate and reason (PLB01, PLB02, PLB03-1)", i))
	}
	return problems
}

// claimPaymentProblems checks one 2100 loop, the i-th claim payment,
// named by its place in the record (never by CLP01, a value).
func claimPaymentProblems(i int, c *edigw.ClaimPayment) []string {
	var problems []string
	prefix := fmt.Sprintf("claims[%d]: ", i)
	need := func(ok bool, what string) {
		if !ok {
			problems = append(problems, prefix+"missing "+what)
		}
	}
	fits := func(ok bool, what string) {
		if !ok {
			problems = append(problems, prefix+what)
		}
	}
	need(c.PatientControlNumber != "", "patientControlNumber (CLP01)")
	need(c.StatusCode != "", "statusCode (CLP02)")
	need(c.FilingCode != "", "filingCode (CLP06)")
	need(c.PayerClaimNumber != "", "payerClaimNumber (CLP07)")
	need(c.PatientIDQualifier == "" || c.Patient.MemberID != "", "patient.memberId with patientIdQualifier (NM109)")
	for _, n := range claimNames(c) {
		if n.p == nil {
			continue
		}
		need((n.p.IDQualifier == "") == (n.p.ID == ""), n.what+" idQualifier with id (NM108/NM109)")
		need(!n.needID || n.p.ID != "", n.what+" id (NM109)")
		need(!n.needName || n.p.Name != "", n.what+" name (NM103)")
		fits(!n.organization || n.p.FirstName == "" && n.p.MiddleName == "" && n.p.Suffix == "",
			n.what+": an organization has no first name, middle name or suffix (NM104-107 Not Used)")
	}
	if c.Inpatient != nil {
		need(c.Inpatient.CoveredDays != "", "inpatient.coveredDays (MIA01)")
		fits(len(c.Inpatient.RemarkCodes) <= 5, "inpatient.remarkCodes: at most 5 (MIA05, MIA20-23)")
	}
	if c.Outpatient != nil {
		fits(len(c.Outpatient.RemarkCodes) <= 5, "outpatient.remarkCodes: at most 5 (MOA03-07)")
	}
	fits(len(c.Contacts) <= 2, "contacts: at most 2 (PER*CX)")
	for i := range c.Contacts {
		for _, p := range claimPER.problems(fmt.Sprintf("contacts[%d]", i), &c.Contacts[i]) {
			problems = append(problems, prefix+p)
		}
	}
	for _, p := range referenceProblems("references", c.References) {
		problems = append(problems, prefix+p)
	}
	for _, p := range referenceProblems("providerReferences", c.ProviderReferences) {
		problems = append(problems, prefix+p)
	}
	for _, p := range adjustmentProblems("adjustments", c.Adjustments) {
		problems = append(problems, prefix+p)
	}
	for i := range c.Services {
		s := &c.Services[i]
		what := fmt.Sprintf("services[%d] ", i)
		need(s.ProcedureQualifier != "" && s.ProcedureCode != "", what+"procedureQualifier and procedureCode (SVC01)")
		fits(len(s.Modifiers) <= 4, what+"modifiers: at most 4 (SVC01-3 to -6)")
		if p := s.SubmittedProcedure; p != nil {
			need(p.Qualifier != "" && p.Code != "", what+"submittedProcedure qualifier and code (SVC06)")
			fits(len(p.Modifiers) <= 4, what+"submittedProcedure.modifiers: at most 4")
		}
		for _, p := range adjustmentProblems(what+"adjustments", s.Adjustments) {
			problems = append(problems, prefix+p)
		}
		for _, p := range referenceProblems(what+"references", s.References) {
			problems = append(problems, prefix+p)
		}
		for _, p := range referenceProblems(what+"providerReferences", s.ProviderReferences) {
			problems = append(problems, prefix+p)
		}
	}
	return problems
}

func adjustmentProblems(what string, adjs []edigw.Adjustment) []string {
	for i, a := range adjs {
		if a.Group == "" || a.Reason == "" {
			return []string{fmt.Sprintf("missing %s[%d] group and reason (CAS01, CAS02)", what, i)}
		}
	}
	return nil
}

func referenceProblems(what string, refs []edigw.Reference) []string {
	for i, r := range refs {
		if r.Qualifier == "" || r.Value == "" {
			return []string{fmt.Sprintf("missing %s[%d] qualifier and value (REF01, REF02)", what, i)}
		}
	}
	return nil
}

func addressProblems(what string, a *edigw.Address) []string {
	if a == nil {
		return nil
	}
	var problems []string
	if a.Line2 != "" && a.Line1 == "" {
		problems = append(problems, "missing "+what+".address line1 before line2 (N301)")
	}
	if (a.State != "" || a.PostalCode != "") && a.City == "" {
		problems = append(problems, "missing "+what+".address city with state or postal code (N401)")
	}
	return problems
}

// namedParty is a claim-level NM1 with its entity code and what the guide
// requires of it.
type namedParty struct {
	entity, what     string
	p                *edigw.NamedParty
	needID, needName bool
	organization     bool // NM102 can only be 2
}

func claimNames(c *edigw.ClaimPayment) []namedParty {
	return []namedParty{
		{entity: "IL", what: "insured", p: c.Insured, needID: true},
		{entity: "74", what: "correctedName", p: c.CorrectedName},
		{entity: "82", what: "serviceProvider", p: c.ServiceProvider, needID: true},
		{entity: "TT", what: "crossoverCarrier", p: c.CrossoverCarrier, needID: true, needName: true, organization: true},
		{entity: "PR", what: "correctedPriorityPayer", p: c.CorrectedPriorityPayer, needID: true, needName: true, organization: true},
		{entity: "GB", what: "otherSubscriber", p: c.OtherSubscriber},
	}
}

// remittance writes one 835 transaction set.
func (o *out) remittance(rm *edigw.Remittance) {
	o.beginSet("835", "") // ST03 is Not Used in X221A1
	bpr := []string{rm.Handling, rm.PaymentAmount.String(), rm.CreditDebit, rm.PaymentMethod, rm.PaymentFormat}
	bpr = append(bpr, accountElems(rm.SenderAccount)...)
	bpr = append(bpr, rm.OriginatingCompanyID, rm.OriginatingCompanyCode)
	bpr = append(bpr, accountElems(rm.ReceiverAccount)...)
	o.seg("BPR", append(bpr, rm.PaymentDate)...)
	o.seg("TRN", "1", rm.TraceNumber, rm.TraceOriginator, rm.TraceSupplementalCode)
	if rm.Currency != "" {
		o.seg("CUR", "PR", rm.Currency)
	}
	o.ref("EV", rm.ReceiverID)
	o.ref("F2", rm.PayerSystemVersion)
	if rm.ProductionDate != "" {
		o.seg("DTM", "405", rm.ProductionDate)
	}

	o.seg("N1", "PR", rm.Payer.Name, rm.Payer.IDQualifier, rm.Payer.ID)
	o.n3n4(rm.Payer.Address)
	o.ref("2U", string(rm.PayerID))
	o.refs(rm.PayerReferences)
	o.per835(businessPER, rm.PayerBusinessContact)
	o.per835(technicalPER, rm.Payer.Contact)
	for i := range rm.MoreTechnicalContacts {
		o.per835(technicalPER, &rm.MoreTechnicalContacts[i])
	}
	if rm.PayerWebsite != "" {
		o.seg("PER", "IC", "", "UR", rm.PayerWebsite)
	}

	o.seg("N1", "PE", rm.Payee.Name, rm.Payee.IDQualifier, rm.Payee.ID)
	o.n3n4(rm.Payee.Address)
	o.ref("TJ", rm.Payee.TaxID)
	o.refs(rm.PayeeReferences)
	if d := rm.Delivery; d != nil {
		o.seg("RDM", d.Method, d.Name, d.Communication)
	}

	summaries, _ := placeSummaries(rm)
	for r, run := range headerRuns(rm.Claims) {
		o.seg("LX", strconv.Itoa(max(rm.Claims[run[0]].HeaderNumber, 1)))
		o.providerSummary(summaries[r])
		for i := run[0]; i < run[1]; i++ {
			o.claimPayment(&rm.Claims[i])
		}
	}
	o.plb(rm.ProviderAdjusts)
	o.endSet()
}

// headerRuns splits claims into runs of one header number: the 2000 loops.
func headerRuns(claims []edigw.ClaimPayment) [][2]int {
	var runs [][2]int
	for start := 0; start < len(claims); {
		end := start + 1
		for end < len(claims) && claims[end].HeaderNumber == claims[start].HeaderNumber {
			end++
		}
		runs = append(runs, [2]int{start, end})
		start = end
	}
	return runs
}

// placeSummaries gives each 2000 loop its provider summary: the summaries
// in order, each to the next loop with its header number. It returns how
// many summaries found no loop.
func placeSummaries(rm *edigw.Remittance) ([]*edigw.ProviderSummary, int) {
	runs := headerRuns(rm.Claims)
	placed := make([]*edigw.ProviderSummary, len(runs))
	next := 0
	for r, run := range runs {
		if next < len(rm.ProviderSummaries) && rm.ProviderSummaries[next].HeaderNumber == rm.Claims[run[0]].HeaderNumber {
			placed[r] = &rm.ProviderSummaries[next]
			next++
		}
	}
	return placed, len(rm.ProviderSummaries) - next
}

func (o *out) providerSummary(s *edigw.ProviderSummary) {
	if s == nil {
		return
	}
	if s.ProviderID != "" {
		elems := make([]string, 24)
		writeSlots(s, ts3Slots, elems)
		o.seg("TS3", elems...)
	}
	if s.Supplemental != nil {
		elems := make([]string, 19)
		writeSlots(s.Supplemental, ts2Slots, elems)
		o.seg("TS2", elems...)
	}
}

// claimPayment writes one 2100 loop and its service lines.
func (o *out) claimPayment(c *edigw.ClaimPayment) {
	patient := ""
	if c.PatientResponsibility != 0 {
		patient = c.PatientResponsibility.String() // the guide: send CLP05 only when there is one
	}
	o.seg("CLP", c.PatientControlNumber, c.StatusCode, c.Charge.String(), c.Paid.String(), patient, c.FilingCode,
		c.PayerClaimNumber, c.FacilityCode, c.FrequencyCode, "", c.DRGCode, c.DRGWeight, c.DischargeFraction)
	o.cas(c.Adjustments)
	q := c.PatientIDQualifier
	if q == "" && c.Patient.MemberID != "" {
		q = "MI"
	}
	p := c.Patient
	o.seg("NM1", "QC", "1", p.LastName, p.FirstName, p.MiddleName, "", p.Suffix, q, p.MemberID)
	for _, n := range claimNames(c) {
		if n.p != nil {
			o.seg("NM1", n.entity, namedEntityType(n), n.p.Name, n.p.FirstName, n.p.MiddleName, "", n.p.Suffix, n.p.IDQualifier, n.p.ID)
		}
	}
	if m := c.Inpatient; m != nil {
		elems := make([]string, 24)
		writeSlots(m, miaSlots, elems)
		spread(elems, m.RemarkCodes, 5, 20, 21, 22, 23)
		o.seg("MIA", elems...)
	}
	if m := c.Outpatient; m != nil {
		elems := make([]string, 9)
		writeSlots(m, moaSlots, elems)
		spread(elems, m.RemarkCodes, 3, 4, 5, 6, 7)
		o.seg("MOA", elems...)
	}
	o.refs(c.References)
	o.refs(c.ProviderReferences)
	if sp := c.StatementPeriod; sp != nil {
		o.dtm("232", sp.From)
		o.dtm("233", sp.To)
	}
	o.dtm("036", c.CoverageExpiration)
	o.dtm("050", c.ReceivedDate)
	for i := range c.Contacts {
		o.per835(claimPER, &c.Contacts[i])
	}
	for _, a := range c.Amounts {
		o.seg("AMT", a.Qualifier, a.Amount.String())
	}
	for _, q := range c.Quantities {
		o.seg("QTY", q.Qualifier, q.Quantity)
	}
	for i := range c.Services {
		o.servicePayment(&c.Services[i])
	}
}

// namedEntityType is NM102: as recorded, else 1 for a person with a first
// name and 2 otherwise (always 2 where the guide allows only organizations).
func namedEntityType(n namedParty) string {
	switch {
	case n.organization:
		return "2"
	case n.p.EntityType != "":
		return n.p.EntityType
	case n.p.FirstName != "":
		return "1"
	}
	return "2"
}

// servicePayment writes one 2110 loop.
func (o *out) servicePayment(s *edigw.ServicePayment) {
	var submitted edi.Elem
	if p := s.SubmittedProcedure; p != nil {
		comps := make([]string, 7)
		comps[0], comps[1], comps[6] = p.Qualifier, p.Code, p.Description
		copy(comps[2:6], p.Modifiers)
		submitted = edi.Composite(comps...)
	}
	o.segE("SVC", procedure(s.ProcedureQualifier, s.ProcedureCode, s.Modifiers), edi.Simple(s.Charge.String()),
		edi.Simple(s.Paid.String()), edi.Simple(s.RevenueCode), edi.Simple(s.Units), submitted, edi.Simple(s.OriginalUnits))
	if d := s.ServiceDate; d != nil {
		if d.To == "" {
			o.dtm("472", d.From)
		} else {
			o.dtm("150", d.From)
			o.dtm("151", d.To)
		}
	}
	o.cas(s.Adjustments)
	o.refs(s.References)
	o.ref("6R", s.LineItemControlNumber)
	o.refs(s.ProviderReferences)
	for _, p := range s.HealthcarePolicies {
		o.ref("0K", p)
	}
	if s.Allowed != nil {
		o.seg("AMT", "B6", s.Allowed.String())
	}
	for _, a := range s.Amounts {
		o.seg("AMT", a.Qualifier, a.Amount.String())
	}
	for _, q := range s.Quantities {
		o.seg("QTY", q.Qualifier, q.Quantity)
	}
	for _, c := range s.RemarkCodes {
		o.seg("LQ", "HE", c)
	}
	for _, c := range s.PharmacyRejectCodes {
		o.seg("LQ", "RX", c)
	}
}

// cas writes adjustments as CAS segments: consecutive adjustments of one
// group share a segment, up to six reason/amount/quantity triples each.
func (o *out) cas(adjs []edigw.Adjustment) {
	for start := 0; start < len(adjs); {
		end := start + 1
		for end < len(adjs) && end-start < 6 && adjs[end].Group == adjs[start].Group {
			end++
		}
		elems := []string{adjs[start].Group}
		for _, a := range adjs[start:end] {
			elems = append(elems, a.Reason, a.Amount.String(), a.Quantity)
		}
		o.seg("CAS", elems...)
		start = end
	}
}

// plb writes provider adjustments: consecutive ones of one provider and
// fiscal date share a PLB, up to six reason/amount pairs each.
func (o *out) plb(adjs []edigw.ProviderAdjust) {
	for start := 0; start < len(adjs); {
		end := start + 1
		for end < len(adjs) && end-start < 6 && adjs[end].ProviderID == adjs[start].ProviderID && adjs[end].FiscalDate == adjs[start].FiscalDate {
			end++
		}
		elems := []edi.Elem{edi.Simple(adjs[start].ProviderID), edi.Simple(adjs[start].FiscalDate)}
		for _, a := range adjs[start:end] {
			elems = append(elems, edi.Composite(a.Reason, a.Reference), edi.Simple(a.Amount.String()))
		}
		o.segE("PLB", elems...)
		start = end
	}
}

func (o *out) ref(qualifier, v string) {
	if v != "" {
		o.seg("REF", qualifier, v)
	}
}

func (o *out) refs(rs []edigw.Reference) {
	for _, r := range rs {
		o.seg("REF", r.Qualifier, r.Value)
	}
}

func (o *out) dtm(qualifier, date string) {
	if date != "" {
		o.seg("DTM", qualifier, date)
	}
}

// n3n4 writes the lines and the city of an address that has them (both
// are situational for the payee).
func (o *out) n3n4(a *edigw.Address) {
	if a == nil {
		return
	}
	if a.Line1 != "" {
		o.seg("N3", a.Line1, a.Line2)
	}
	if a.City != "" {
		o.seg("N4", a.City, a.State, a.PostalCode, a.Country)
	}
}

func accountElems(a *edigw.BankAccount) []string {
	if a == nil {
		return make([]string, 4)
	}
	return []string{a.BankIDQualifier, a.BankID, a.AccountQualifier, a.AccountNumber}
}

// spread puts values at the 1-based positions, in order.
func spread(elems, values []string, positions ...int) {
	for i, v := range values {
		if i < len(positions) {
			elems[positions[i]-1] = v
		}
	}
}

// perRule is what X221A1 allows in one kind of PER: each of the three
// communication number qualifiers has its own code list.
type perRule struct {
	function   string
	needNumber bool // PER03 required
	slots      [3][]string
}

var (
	technicalPER = perRule{function: "BL", slots: [3][]string{{"EM", "TE", "UR"}, {"EM", "EX", "FX", "TE", "UR"}, {"EM", "EX", "FX", "UR"}}}
	businessPER  = perRule{function: "CX", slots: [3][]string{{"EM", "FX", "TE"}, {"EM", "EX", "FX", "TE"}, {"EX"}}}
	claimPER     = perRule{function: "CX", needNumber: true, slots: businessPER.slots}
)

// problems says why a contact cannot be written as this PER (nil when it
// can, or when there is no contact).
func (r perRule) problems(what string, c *edigw.Contact) []string {
	if _, ok := r.arrange(c); c == nil || ok {
		return nil
	}
	s := fmt.Sprintf("%s: PER*%s takes %s first, then %s, then %s", what, r.function,
		orList(r.slots[0]), orList(r.slots[1]), orList(r.slots[2]))
	if r.needNumber {
		s += ", and at least one number"
	}
	return []string{s}
}

// orList writes qualifiers as text: "EM, TE or UR".
func orList(qs []string) string {
	if len(qs) < 2 {
		return strings.Join(qs, "")
	}
	return strings.Join(qs[:len(qs)-1], ", ") + " or " + qs[len(qs)-1]
}

// arrange orders a contact's numbers (phone, e-mail, fax, URL first by
// preference) so that each stands where the guide allows its qualifier.
func (r perRule) arrange(c *edigw.Contact) ([]string, bool) {
	if c == nil {
		return nil, false
	}
	var nums [][2]string
	for _, n := range [...][2]string{{"TE", c.Phone}, {"EM", c.Email}, {"FX", c.Fax}, {"UR", c.URL}} {
		if n[1] != "" {
			nums = append(nums, n)
		}
	}
	if len(nums) > len(r.slots) || r.needNumber && len(nums) == 0 {
		return nil, false
	}
	var place func(placed []string, left [][2]string) []string
	place = func(placed []string, left [][2]string) []string {
		if len(left) == 0 {
			return placed
		}
		for i, n := range left {
			if !slices.Contains(r.slots[len(placed)/2], n[0]) {
				continue
			}
			rest := append(slices.Clone(left[:i]), left[i+1:]...)
			if got := place(append(slices.Clone(placed), n[0], n[1]), rest); got != nil {
				return got
			}
		}
		return nil
	}
	numbers := place([]string{}, nums)
	if numbers == nil {
		return nil, false
	}
	return append([]string{r.function, c.Name}, numbers...), true
}

// per835 writes a contact whose numbers CheckRemittanceForWriting has found
// a place for.
func (o *out) per835(r perRule, c *edigw.Contact) {
	if elems, ok := r.arrange(c); ok {
		o.seg("PER", elems...)
	}
}

// delimiterIn returns the path (JSON names) of the first text in v that
// holds one of the delimiters, and that delimiter: X12 has no escaping, so
// such a value cannot be written. The path names the field, never its value.
func delimiterIn(v reflect.Value, d edi.Delimiters, path string) (string, byte) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			return delimiterIn(v.Elem(), d, path)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			if name == "-" {
				continue // derived (a status reason), never written
			}
			if p, c := delimiterIn(v.Field(i), d, path+"."+name); p != "" {
				return p, c
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			if p, c := delimiterIn(v.Index(i), d, fmt.Sprintf("%s[%d]", path, i)); p != "" {
				return p, c
			}
		}
	case reflect.String:
		s := v.String()
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == d.Element || c == d.Component || c == d.Segment || d.Repetition != 0 && c == d.Repetition {
				return path, c
			}
		}
	}
	return "", 0
}
