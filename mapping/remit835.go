package mapping

import (
	"io"
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

// ReadRemittances validates an 835 file and calls fn with the remittance of
// every 835 transaction set without errors, in file order. A set with
// errors is counted, not handed over: a payment is taken whole or not at
// all. An error from fn stops reading and is returned.
func ReadRemittances(r io.Reader, name string, fn func(*edigw.Remittance) error) (*Result, error) {
	return Read(r, name, Handlers{Remittance: fn})
}

type remitBuilder struct {
	set      *ig.SetResult
	rm       *edigw.Remittance
	payerRef bool // REF*2U seen: a second one is a plain reference
	header   int  // LX01 of the open 2000 loop
	summary  *edigw.ProviderSummary
	claim    *edigw.ClaimPayment
	svc      *edigw.ServicePayment
	at       remitSpots // where the parts are, for balancing errors
}

// take hands over the set's remittance and where its parts are.
func (b *remitBuilder) take(s *ig.SetResult) (*edigw.Remittance, *remitSpots) {
	if b.set != s {
		return nil, nil
	}
	rm, at := b.rm, b.at
	*b = remitBuilder{}
	if rm != nil {
		DecideRemittance(rm)
	}
	return rm, &at
}

func (b *remitBuilder) segment(ev *ig.Event) {
	if ev.Set == nil || ev.Walker == nil || ev.Set.Header.ID != "835" || ev.Match.Def == nil {
		return
	}
	if b.set != ev.Set {
		*b = remitBuilder{set: ev.Set, rm: &edigw.Remittance{}}
	}
	s, rm := ev.Seg, b.rm
	str := s.String
	loop := ev.Match.Loop.ID
	switch s.ID() {
	case "BPR":
		b.at.bpr = spotOf(ev)
		rm.Handling, rm.CreditDebit, rm.PaymentMethod, rm.PaymentFormat = str(1), str(3), str(4), str(5)
		rm.PaymentAmount, _ = edigw.ParseAmount(str(2))
		rm.SenderAccount = bankAccount(s, 6)
		rm.OriginatingCompanyID, rm.OriginatingCompanyCode = str(10), str(11)
		rm.ReceiverAccount = bankAccount(s, 12)
		rm.PaymentDate = str(16)
	case "TRN":
		rm.TraceNumber, rm.TraceOriginator, rm.TraceSupplementalCode = str(2), str(3), str(4)
	case "CUR":
		rm.Currency = str(2)
	case "DTM":
		b.date(loop, str(1), str(2))
	case "N1":
		p := edigw.Party{Name: str(2), IDQualifier: str(3), ID: str(4)}
		switch loop {
		case "1000A":
			rm.Payer = p
		case "1000B":
			rm.Payee = p
		}
	case "N3", "N4":
		b.address(loop, s)
	case "PER":
		b.contact(loop, s)
	case "RDM":
		rm.Delivery = &edigw.RemittanceDelivery{Method: str(1), Name: str(2), Communication: str(3)}
	case "REF":
		b.reference(loop, edigw.Reference{Qualifier: str(1), Value: str(2)})
	case "LX":
		b.header, _ = strconv.Atoi(str(1))
		b.summary, b.claim, b.svc = nil, nil, nil
	case "TS3":
		rm.ProviderSummaries = append(rm.ProviderSummaries, edigw.ProviderSummary{HeaderNumber: b.header})
		b.summary = &rm.ProviderSummaries[len(rm.ProviderSummaries)-1]
		readSlots(s, b.summary, ts3Slots)
	case "TS2":
		if b.summary == nil || b.summary.Supplemental != nil {
			rm.ProviderSummaries = append(rm.ProviderSummaries, edigw.ProviderSummary{HeaderNumber: b.header})
			b.summary = &rm.ProviderSummaries[len(rm.ProviderSummaries)-1]
		}
		b.summary.Supplemental = &edigw.SupplementalSummary{}
		readSlots(s, b.summary.Supplemental, ts2Slots)
	case "CLP":
		b.at.claims = append(b.at.claims, spotOf(ev))
		b.at.services = append(b.at.services, nil)
		rm.Claims = append(rm.Claims, edigw.ClaimPayment{HeaderNumber: b.header, PatientControlNumber: str(1), StatusCode: str(2),
			FilingCode: str(6), PayerClaimNumber: str(7), FacilityCode: str(8), FrequencyCode: str(9),
			DRGCode: str(11), DRGWeight: str(12), DischargeFraction: str(13)})
		b.claim, b.svc = &rm.Claims[len(rm.Claims)-1], nil
		b.claim.Charge, _ = edigw.ParseAmount(str(3))
		b.claim.Paid, _ = edigw.ParseAmount(str(4))
		b.claim.PatientResponsibility, _ = edigw.ParseAmount(str(5))
	case "NM1":
		if b.claim != nil && loop == "2100" {
			b.claimName(s)
		}
	case "MIA":
		if b.claim != nil {
			b.claim.Inpatient = &edigw.InpatientAdjudication{RemarkCodes: valuesAt(s, 5, 20, 21, 22, 23)}
			readSlots(s, b.claim.Inpatient, miaSlots)
		}
	case "MOA":
		if b.claim != nil {
			b.claim.Outpatient = &edigw.OutpatientAdjudication{RemarkCodes: valuesAt(s, 3, 4, 5, 6, 7)}
			readSlots(s, b.claim.Outpatient, moaSlots)
		}
	case "CAS":
		adj := adjustments(s)
		switch {
		case b.svc != nil && loop == "2110":
			b.svc.Adjustments = append(b.svc.Adjustments, adj...)
		case b.claim != nil:
			b.claim.Adjustments = append(b.claim.Adjustments, adj...)
		}
	case "SVC":
		if b.claim != nil {
			b.claim.Services = append(b.claim.Services, servicePayment(s))
			if n := len(b.at.services); n > 0 {
				b.at.services[n-1] = append(b.at.services[n-1], spotOf(ev))
			}
			b.svc = &b.claim.Services[len(b.claim.Services)-1]
		}
	case "AMT":
		amt, _ := edigw.ParseAmount(str(2))
		a := edigw.SupplementalAmount{Qualifier: str(1), Amount: amt}
		switch {
		case b.svc != nil && loop == "2110" && a.Qualifier == "B6" && b.svc.Allowed == nil:
			b.svc.Allowed = &a.Amount
		case b.svc != nil && loop == "2110":
			b.svc.Amounts = append(b.svc.Amounts, a)
		case b.claim != nil && loop == "2100":
			b.claim.Amounts = append(b.claim.Amounts, a)
		}
	case "QTY":
		q := edigw.SupplementalQuantity{Qualifier: str(1), Quantity: str(2)}
		switch {
		case b.svc != nil && loop == "2110":
			b.svc.Quantities = append(b.svc.Quantities, q)
		case b.claim != nil && loop == "2100":
			b.claim.Quantities = append(b.claim.Quantities, q)
		}
	case "LQ":
		switch {
		case b.svc == nil:
		case str(1) == "HE":
			b.svc.RemarkCodes = append(b.svc.RemarkCodes, str(2))
		case str(1) == "RX":
			b.svc.PharmacyRejectCodes = append(b.svc.PharmacyRejectCodes, str(2))
		}
	case "PLB":
		// Up to six adjustments per PLB: pairs of reason composite and amount.
		for i := 3; i+1 <= s.Len(); i += 2 {
			if len(s.Element(i)) == 0 {
				continue
			}
			amt, _ := edigw.ParseAmount(str(i + 1))
			rm.ProviderAdjusts = append(rm.ProviderAdjusts, edigw.ProviderAdjust{ProviderID: str(1), FiscalDate: str(2),
				Reason: string(s.Component(i, 1)), Reference: string(s.Component(i, 2)), Amount: amt})
		}
	}
}

// date places a DTM: the production date in the header, statement, coverage
// and received dates on the claim, the service date on the line.
func (b *remitBuilder) date(loop, qualifier, v string) {
	switch {
	case loop == "ST" && qualifier == "405":
		b.rm.ProductionDate = v
	case loop == "2100" && b.claim != nil:
		c := b.claim
		switch qualifier {
		case "232", "233":
			if c.StatementPeriod == nil {
				c.StatementPeriod = &edigw.Period{}
			}
			setPeriodEnd(c.StatementPeriod, qualifier == "232", v)
		case "036":
			c.CoverageExpiration = v
		case "050":
			c.ReceivedDate = v
		}
	case loop == "2110" && b.svc != nil:
		if b.svc.ServiceDate == nil {
			b.svc.ServiceDate = &edigw.Period{}
		}
		setPeriodEnd(b.svc.ServiceDate, qualifier != "151", v) // 472 a day, 150/151 a period's ends
	}
}

func setPeriodEnd(p *edigw.Period, from bool, v string) {
	if from {
		p.From = v
	} else {
		p.To = v
	}
}

// address reads the payer's or payee's N3 or N4.
func (b *remitBuilder) address(loop string, s *edi.Segment) {
	var p *edigw.Party
	switch loop {
	case "1000A":
		p = &b.rm.Payer
	case "1000B":
		p = &b.rm.Payee
	default:
		return
	}
	if p.Address == nil {
		p.Address = &edigw.Address{}
	}
	if s.ID() == "N3" {
		p.Address.Line1, p.Address.Line2 = s.String(1), s.String(2)
	} else {
		p.Address.City, p.Address.State, p.Address.PostalCode, p.Address.Country = s.String(1), s.String(2), s.String(3), s.String(4)
	}
}

// contact reads the payer's PERs (CX business, BL technical, IC web site)
// and a claim's PER*CX.
func (b *remitBuilder) contact(loop string, s *edi.Segment) {
	rm := b.rm
	switch fn := s.String(1); {
	case loop == "1000A" && fn == "BL" && rm.Payer.Contact == nil:
		rm.Payer.Contact = contact(s)
	case loop == "1000A" && fn == "BL":
		rm.MoreTechnicalContacts = append(rm.MoreTechnicalContacts, *contact(s))
	case loop == "1000A" && fn == "CX":
		rm.PayerBusinessContact = contact(s)
	case loop == "1000A" && fn == "IC":
		rm.PayerWebsite = s.String(4)
	case loop == "2100" && b.claim != nil:
		b.claim.Contacts = append(b.claim.Contacts, *contact(s))
	}
}

// claimProviderRefs and lineProviderRefs are the REF01 codes of the
// rendering provider's REF in loops 2100 and 2110; the other REF01 codes
// there identify the claim or line itself.
var (
	claimProviderRefs = codeSet("0B", "1A", "1B", "1C", "1D", "1G", "1H", "1J", "D3", "G2", "LU")
	lineProviderRefs  = codeSet("0B", "1A", "1B", "1C", "1D", "1G", "1H", "1J", "D3", "G2", "HPI", "SY", "TJ")
)

func codeSet(codes ...string) map[string]bool {
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c] = true
	}
	return m
}

// reference places a REF by its loop and qualifier.
func (b *remitBuilder) reference(loop string, r edigw.Reference) {
	rm := b.rm
	switch {
	case loop == "ST" && r.Qualifier == "EV":
		rm.ReceiverID = r.Value
	case loop == "ST" && r.Qualifier == "F2":
		rm.PayerSystemVersion = r.Value
	case loop == "1000A" && r.Qualifier == "2U" && !b.payerRef:
		rm.PayerID, b.payerRef = edigw.PayerID(r.Value), true
	case loop == "1000A":
		rm.PayerReferences = append(rm.PayerReferences, r)
	case loop == "1000B" && r.Qualifier == "TJ" && rm.Payee.TaxID == "":
		rm.Payee.TaxID = r.Value
	case loop == "1000B":
		rm.PayeeReferences = append(rm.PayeeReferences, r)
	case loop == "2100" && b.claim != nil && claimProviderRefs[r.Qualifier]:
		b.claim.ProviderReferences = append(b.claim.ProviderReferences, r)
	case loop == "2100" && b.claim != nil:
		b.claim.References = append(b.claim.References, r)
	case loop == "2110" && b.svc != nil:
		switch {
		case r.Qualifier == "6R":
			b.svc.LineItemControlNumber = r.Value
		case r.Qualifier == "0K":
			b.svc.HealthcarePolicies = append(b.svc.HealthcarePolicies, r.Value)
		case lineProviderRefs[r.Qualifier]:
			b.svc.ProviderReferences = append(b.svc.ProviderReferences, r)
		default:
			b.svc.References = append(b.svc.References, r)
		}
	}
}

// claimName reads the NM1s of loop 2100: the patient and the other parties.
func (b *remitBuilder) claimName(s *edi.Segment) {
	c := b.claim
	if s.String(1) == "QC" {
		c.Patient = person(s)
		if q := s.String(8); q != "MI" {
			c.PatientIDQualifier = q
		}
		return
	}
	p := &edigw.NamedParty{EntityType: s.String(2), Name: s.String(3), FirstName: s.String(4), MiddleName: s.String(5),
		Suffix: s.String(7), IDQualifier: s.String(8), ID: s.String(9)}
	switch s.String(1) {
	case "IL":
		c.Insured = p
	case "74":
		c.CorrectedName = p
	case "82":
		c.ServiceProvider = p
	case "TT":
		c.CrossoverCarrier = p
	case "PR":
		c.CorrectedPriorityPayer = p
	case "GB":
		c.OtherSubscriber = p
	}
}

// servicePayment reads an SVC.
func servicePayment(s *edi.Segment) edigw.ServicePayment {
	sp := edigw.ServicePayment{ProcedureQualifier: string(s.Component(1, 1)), ProcedureCode: string(s.Component(1, 2)),
		Modifiers: procModifiers(s, 1), RevenueCode: s.String(4), Units: s.String(5), OriginalUnits: s.String(7)}
	sp.Charge, _ = edigw.ParseAmount(s.String(2))
	sp.Paid, _ = edigw.ParseAmount(s.String(3))
	if len(s.Element(6)) > 0 {
		sp.SubmittedProcedure = &edigw.Procedure{Qualifier: string(s.Component(6, 1)), Code: string(s.Component(6, 2)),
			Modifiers: procModifiers(s, 6), Description: string(s.Component(6, 7))}
	}
	return sp
}

// procModifiers reads components 3-6 of a procedure composite.
func procModifiers(s *edi.Segment, elem int) []string {
	var out []string
	for j := 3; j <= 6; j++ {
		if m := s.Component(elem, j); len(m) > 0 {
			out = append(out, string(m))
		}
	}
	return out
}

// bankAccount reads four BPR elements from first: bank ID qualifier, bank
// ID, account qualifier, account number.
func bankAccount(s *edi.Segment, first int) *edigw.BankAccount {
	a := edigw.BankAccount{BankIDQualifier: s.String(first), BankID: s.String(first + 1),
		AccountQualifier: s.String(first + 2), AccountNumber: s.String(first + 3)}
	if a == (edigw.BankAccount{}) {
		return nil
	}
	return &a
}

// valuesAt collects the values present at the positions (remark codes
// spread over a segment).
func valuesAt(s *edi.Segment, positions ...int) []string {
	var out []string
	for _, p := range positions {
		if v := s.String(p); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// adjustments reads a CAS: a group and up to six reason/amount/quantity triples.
func adjustments(s *edi.Segment) []edigw.Adjustment {
	var out []edigw.Adjustment
	group := s.String(1)
	for i := 2; i+1 <= s.Len(); i += 3 {
		if len(s.Element(i)) == 0 {
			continue
		}
		amt, _ := edigw.ParseAmount(s.String(i + 1))
		out = append(out, edigw.Adjustment{Group: group, Reason: s.String(i), Amount: amt, Quantity: s.String(i + 2)})
	}
	return out
}

// slot ties one element of a segment to a record field, so that one table
// reads and writes the many-amount segments (TS3, TS2, MIA, MOA) and the
// two directions cannot drift apart.
type slot[T any] struct {
	pos  int
	text func(*T) *string        // a code, count or rate, as sent
	opt  func(*T) **edigw.Amount // situational money: nil when absent
	must func(*T) *edigw.Amount  // required money
}

func textAt[T any](pos int, f func(*T) *string) slot[T]          { return slot[T]{pos: pos, text: f} }
func amountAt[T any](pos int, f func(*T) **edigw.Amount) slot[T] { return slot[T]{pos: pos, opt: f} }

func readSlots[T any](s *edi.Segment, v *T, slots []slot[T]) {
	for _, sl := range slots {
		x := s.String(sl.pos)
		switch {
		case sl.text != nil:
			*sl.text(v) = x
		case sl.must != nil:
			*sl.must(v), _ = edigw.ParseAmount(x)
		case x != "":
			if a, err := edigw.ParseAmount(x); err == nil {
				*sl.opt(v) = &a
			}
		}
	}
}

// writeSlots fills elems (1-based positions at index pos-1) from v.
func writeSlots[T any](v *T, slots []slot[T], elems []string) {
	for _, sl := range slots {
		switch {
		case sl.text != nil:
			elems[sl.pos-1] = *sl.text(v)
		case sl.must != nil:
			elems[sl.pos-1] = sl.must(v).String()
		case *sl.opt(v) != nil:
			elems[sl.pos-1] = (*sl.opt(v)).String()
		}
	}
}

type (
	ts3 = edigw.ProviderSummary
	ts2 = edigw.SupplementalSummary
	mia = edigw.InpatientAdjudication
	moa = edigw.OutpatientAdjudication
)

var ts3Slots = []slot[ts3]{
	textAt(1, func(v *ts3) *string { return &v.ProviderID }),
	textAt(2, func(v *ts3) *string { return &v.FacilityCode }),
	textAt(3, func(v *ts3) *string { return &v.FiscalPeriodDate }),
	textAt(4, func(v *ts3) *string { return &v.ClaimCount }),
	{pos: 5, must: func(v *ts3) *edigw.Amount { return &v.TotalCharge }},
	amountAt(13, func(v *ts3) **edigw.Amount { return &v.MSPPayer }),
	amountAt(15, func(v *ts3) **edigw.Amount { return &v.NonLabCharge }),
	amountAt(17, func(v *ts3) **edigw.Amount { return &v.HCPCSCharge }),
	amountAt(18, func(v *ts3) **edigw.Amount { return &v.HCPCSPayable }),
	amountAt(20, func(v *ts3) **edigw.Amount { return &v.ProfessionalPart }),
	amountAt(21, func(v *ts3) **edigw.Amount { return &v.MSPPatientMet }),
	amountAt(22, func(v *ts3) **edigw.Amount { return &v.PatientRefund }),
	textAt(23, func(v *ts3) *string { return &v.PIPClaimCount }),
	amountAt(24, func(v *ts3) **edigw.Amount { return &v.PIPAdjustment }),
}

var ts2Slots = []slot[ts2]{
	amountAt(1, func(v *ts2) **edigw.Amount { return &v.DRG }),
	amountAt(2, func(v *ts2) **edigw.Amount { return &v.FederalSpecific }),
	amountAt(3, func(v *ts2) **edigw.Amount { return &v.HospitalSpecific }),
	amountAt(4, func(v *ts2) **edigw.Amount { return &v.DisproportionateShare }),
	amountAt(5, func(v *ts2) **edigw.Amount { return &v.Capital }),
	amountAt(6, func(v *ts2) **edigw.Amount { return &v.IndirectMedicalEd }),
	textAt(7, func(v *ts2) *string { return &v.OutlierDays }),
	amountAt(8, func(v *ts2) **edigw.Amount { return &v.DayOutlier }),
	amountAt(9, func(v *ts2) **edigw.Amount { return &v.CostOutlier }),
	textAt(10, func(v *ts2) *string { return &v.AverageStay }),
	textAt(11, func(v *ts2) *string { return &v.Discharges }),
	textAt(12, func(v *ts2) *string { return &v.CostReportDays }),
	textAt(13, func(v *ts2) *string { return &v.CoveredDays }),
	textAt(14, func(v *ts2) *string { return &v.NoncoveredDays }),
	amountAt(15, func(v *ts2) **edigw.Amount { return &v.MSPPassThrough }),
	textAt(16, func(v *ts2) *string { return &v.AverageDRGWeight }),
	amountAt(17, func(v *ts2) **edigw.Amount { return &v.CapitalFederalDRG }),
	amountAt(18, func(v *ts2) **edigw.Amount { return &v.CapitalHospitalDRG }),
	amountAt(19, func(v *ts2) **edigw.Amount { return &v.DisproportionateShrDRG }),
}

// miaSlots leave out the remark codes (MIA05, MIA20-23), kept as a list.
var miaSlots = []slot[mia]{
	textAt(1, func(v *mia) *string { return &v.CoveredDays }),
	amountAt(2, func(v *mia) **edigw.Amount { return &v.OperatingOutlier }),
	textAt(3, func(v *mia) *string { return &v.LifetimePsychiatricDays }),
	amountAt(4, func(v *mia) **edigw.Amount { return &v.DRG }),
	amountAt(6, func(v *mia) **edigw.Amount { return &v.DisproportionateShare }),
	amountAt(7, func(v *mia) **edigw.Amount { return &v.MSPPassThrough }),
	amountAt(8, func(v *mia) **edigw.Amount { return &v.PPSCapital }),
	amountAt(9, func(v *mia) **edigw.Amount { return &v.CapitalFederalDRG }),
	amountAt(10, func(v *mia) **edigw.Amount { return &v.CapitalHospitalDRG }),
	amountAt(11, func(v *mia) **edigw.Amount { return &v.CapitalDSHDRG }),
	amountAt(12, func(v *mia) **edigw.Amount { return &v.OldCapital }),
	amountAt(13, func(v *mia) **edigw.Amount { return &v.CapitalIME }),
	amountAt(14, func(v *mia) **edigw.Amount { return &v.OperatingHospitalDRG }),
	textAt(15, func(v *mia) *string { return &v.CostReportDays }),
	amountAt(16, func(v *mia) **edigw.Amount { return &v.OperatingFederalDRG }),
	amountAt(17, func(v *mia) **edigw.Amount { return &v.CapitalOutlier }),
	amountAt(18, func(v *mia) **edigw.Amount { return &v.IndirectTeaching }),
	amountAt(19, func(v *mia) **edigw.Amount { return &v.NonpayableProfessional }),
	amountAt(24, func(v *mia) **edigw.Amount { return &v.CapitalException }),
}

// moaSlots leave out the remark codes (MOA03-07), kept as a list.
var moaSlots = []slot[moa]{
	textAt(1, func(v *moa) *string { return &v.ReimbursementRate }),
	amountAt(2, func(v *moa) **edigw.Amount { return &v.HCPCSPayable }),
	amountAt(8, func(v *moa) **edigw.Amount { return &v.ESRDPayment }),
	amountAt(9, func(v *moa) **edigw.Amount { return &v.NonpayableProfessional }),
}
