package mapping

import (
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

// The business rules without the records (decision 0031). When no handler
// wants the records of a set type (validate, ack: no Handlers.Claim, no
// AuthorizationLookup; no Handlers.Remittance), the Mapper still checks
// every rule, on the same functions (claimIssues, duplicateSeen.check,
// paymentIssues, remittanceIssues) and so with the same verdict, but it
// reads into one record reused from claim to claim only the fields those
// rules read, with strings from arenas: no record is kept, copied or
// collected. Building whole records cost `edigw validate` three quarters
// of its time (benchmarks.md).
//
// Each builder mirrors claimBuilder or remitBuilder for the fields it
// reads, segment by segment and loop by loop; TestRulesOnlyGiveTheSameIssues
// runs both over the corpus, the fixtures and generated files and compares
// every issue and every duplicate key.

// claimRules reads an 837 set's claims for their rules (claimBuilder's
// fields that claimIssues, lifecycleIssues and duplicateKey read).
type claimRules struct {
	set    *ig.SetResult
	guided bool // the set has a guide (SetResult.Guide != nil)
	kind   edigw.ClaimKind
	// The levels' parties, as claimBuilder has them. Addresses are
	// allocated where claimBuilder allocates them (a few a billing
	// provider), so that a claim shares them exactly as it would.
	billing   edigw.Party
	subscr    edigw.Person
	patient   *edigw.Person
	patientV  edigw.Person // what patient points to
	payerID   string
	billingAt spot
	billZipAt spot
	// The open claim, reused; open says whether there is one.
	c         edigw.Claim
	open      bool
	line      int // index of the open line in c.Lines, -1 for none
	claimPat  edigw.Person
	rendering edigw.Party
	referring edigw.Party
	attending edigw.Party
	facility  edigw.Party
	facAddr   edigw.Address
	period    edigw.Period // the 2300 DTP's, when periodOK
	periodOK  bool         // claimBuilder's ServicePeriod != nil before finishClaim
	derived   edigw.Period // finishClaim's, from the lines
	lineDates []linePeriod // each line's DTP*472
	at        claimSpots   // reused
	onClaim   func(*edigw.Claim, *claimSpots)
	// Arenas by lifetime: reset when their level ends (its claims are
	// closed by then).
	billingStr, subscrStr, patientStr, claimStr arena
}

type linePeriod struct {
	p  edigw.Period
	ok bool
}

// take ends the set (its last claim closes).
func (b *claimRules) take() {
	b.close()
	b.set = nil
}

// close hands the open claim to onClaim, with its dates set as
// finishClaim sets them.
func (b *claimRules) close() {
	if !b.open {
		return
	}
	c := &b.c
	c.ServicePeriod = nil
	if b.periodOK {
		c.ServicePeriod = &b.period
	}
	for i := range c.Lines {
		c.Lines[i].ServiceDate = nil
		if i < len(b.lineDates) && b.lineDates[i].ok {
			c.Lines[i].ServiceDate = &b.lineDates[i].p
		}
	}
	if c.ServicePeriod == nil {
		if p, ok := servicePeriodOfLines(c); ok {
			b.derived = p
			c.ServicePeriod = &b.derived
		}
	}
	b.onClaim(c, &b.at)
	b.open, b.line = false, -1
	b.claimStr.reset()
}

// ruleEvent says whether the rules read ev, an 837 segment in its guide.
func ruleEvent(ev *ig.Event) bool {
	return ev.Set != nil && ev.Walker != nil && ev.Set.Header.ID == "837" && ev.Match.Def != nil && ruleSegment(ev.Seg.ID())
}

// kindOf is the kind of claim the guide of ev's walker gives.
func kindOf(ev *ig.Event) edigw.ClaimKind {
	if g := ev.Walker.Guide(); g != nil {
		return kinds[g.Version]
	}
	return ""
}

// ruleSegment says whether claimRules reads segments with this ID.
func ruleSegment(id string) bool { return readersOf(id)&readByRules != 0 }

// readersOf says who reads segments with this ID: claimRules (the IDs its
// next reads), a places-only ack.ClaimCollector (ST starts its set, HL,
// CLM and SE bound levels and claims), both or neither; one switch, as
// the walker's goroutine asks for every segment of an 837.
func readersOf(id string) reads {
	switch id {
	case "NM1", "N3", "N4", "REF", "DMG", "HI", "DTP", "LX", "SV1", "SV2", "SV3":
		return readByRules
	case "HL", "CLM", "SE":
		return readByRules | readByCollector
	case "ST":
		return readByCollector
	}
	return 0
}

func (b *claimRules) segment(ev *ig.Event) {
	if !ruleEvent(ev) {
		return
	}
	var kind edigw.ClaimKind
	if b.set != ev.Set {
		kind = kindOf(ev) // read only as a set starts
	}
	b.next(ev.Seg, ev.Match.Loop.ID, ev.Set, ev.Set.Guide != nil, kind)
}

// next reads segment s of set, found in loop; guided and kind are the
// set's guide as the walker has it.
func (b *claimRules) next(s *edi.Segment, loop string, set *ig.SetResult, guided bool, kind edigw.ClaimKind) {
	if b.set != set {
		b.reset(set)
		b.kind = kind
	}
	b.guided = guided
	switch s.ID() {
	case "NM1":
		b.nm1(s, loop)
	case "N3", "N4":
		b.address(s, loop)
	case "REF":
		q := s.Element(1)
		switch {
		case loop == "2010AA" && (string(q) == "EI" || string(q) == "SY"):
			b.billing.TaxID = b.billingStr.str(s.Element(2))
		case b.open && loop == "2300" && string(q) == "F8":
			b.c.PayerClaimNumber = b.claimStr.str(s.Element(2))
		case b.line >= 0 && loop == "2400" && string(q) == "6R":
			b.c.Lines[b.line].LineItemControlNumber = b.claimStr.str(s.Element(2))
		}
	case "DMG":
		switch loop {
		case "2010BA":
			b.subscr.BirthDate = b.subscrStr.str(s.Element(2))
		case "2010CA":
			if b.patient != nil {
				b.patient.BirthDate = b.patientStr.str(s.Element(2))
			}
		}
	case "HL":
		b.close()
		switch string(s.Element(3)) {
		case "20":
			b.billing, b.billZipAt = edigw.Party{}, spot{}
			b.billingStr.reset()
		case "22":
			b.subscr, b.patient, b.payerID = edigw.Person{}, nil, ""
			b.subscrStr.reset()
			b.patientStr.reset()
		case "23":
			b.patient = nil
			b.patientStr.reset()
		}
	case "CLM":
		b.close()
		b.clm(s, loop)
	case "HI":
		if b.open && loop == "2300" {
			for i := 1; i <= s.Len(); i++ {
				q, code := s.Component(i, 1), s.Component(i, 2)
				if len(code) > 0 && diagnosisQualifiers[string(q)] {
					b.c.Diagnoses = append(b.c.Diagnoses, edigw.Diagnosis{Qualifier: b.claimStr.str(q), Code: b.claimStr.str(code)})
					b.at.diagnoses = append(b.at.diagnoses, spot{})
					at := &b.at.diagnoses[len(b.at.diagnoses)-1]
					at.set(s, loop)
					at.element = i
				}
			}
		}
	case "DTP":
		q := s.Element(1)
		switch {
		case b.line >= 0 && loop == "2400" && string(q) == "472":
			b.lineDates[b.line].p, b.lineDates[b.line].ok = b.periodOf(s)
		case b.open && loop == "2300" && (string(q) == "434" || string(q) == "472"):
			b.period, b.periodOK = b.periodOf(s)
		}
	case "LX":
		if b.open {
			n := 0
			if v := s.Element(1); len(v) > 0 {
				n, _ = strconv.Atoi(view(v))
			}
			b.c.Lines = append(b.c.Lines, edigw.ServiceLine{Number: n, DiagnosisPointers: b.pointersFor(len(b.c.Lines))})
			b.line = len(b.c.Lines) - 1
			b.lineDates = append(b.lineDates[:b.line], linePeriod{})
			b.at.lines = append(b.at.lines, spot{})
		}
	case "SV1", "SV2", "SV3":
		if b.line >= 0 {
			b.serviceLine(&b.c.Lines[b.line], s)
			b.at.lines[len(b.at.lines)-1].set(s, loop)
		}
	case "SE":
		b.close()
	}
}

// reset starts set s. A claim left open by another set is dropped, as
// claimBuilder drops it.
func (b *claimRules) reset(s *ig.SetResult) {
	b.open, b.line = false, -1
	b.claimStr.reset()
	b.set, b.kind = s, ""
	b.billing, b.subscr, b.patient, b.payerID = edigw.Party{}, edigw.Person{}, nil, ""
	b.billingAt, b.billZipAt = spot{}, spot{}
	b.billingStr.reset()
	b.subscrStr.reset()
	b.patientStr.reset()
}

// pointersFor is line i's DiagnosisPointers, emptied, from the slice the
// line before had (the claim is reused, and so are its lines' slices).
func (b *claimRules) pointersFor(i int) []int {
	if i < cap(b.c.Lines) {
		return b.c.Lines[:i+1][i].DiagnosisPointers[:0]
	}
	return nil
}

func (b *claimRules) nm1(s *edi.Segment, loop string) {
	switch {
	case loop == "2010AA":
		// claimBuilder replaces the whole party (keeping PRV's taxonomy).
		b.billing = edigw.Party{IDQualifier: b.billingStr.str(s.Element(8)), ID: b.billingStr.str(s.Element(9))}
		b.billingAt = spotAt(s, loop)
	case loop == "2010BA":
		b.subscr = edigw.Person{LastName: b.subscrStr.str(s.Element(3)), FirstName: b.subscrStr.str(s.Element(4)),
			MemberID: b.subscrStr.str(s.Element(9))}
	case loop == "2010BB":
		b.payerID = b.subscrStr.str(s.Element(9))
	case loop == "2010CA":
		b.patientV = edigw.Person{LastName: b.patientStr.str(s.Element(3)), FirstName: b.patientStr.str(s.Element(4)),
			MemberID: b.patientStr.str(s.Element(9))}
		b.patient = &b.patientV
	case b.open && len(loop) >= 4 && loop[:4] == "2310": // not 2330x: other payers' providers
		p := func(into *edigw.Party) *edigw.Party {
			*into = edigw.Party{IDQualifier: b.claimStr.str(s.Element(8)), ID: b.claimStr.str(s.Element(9))}
			return into
		}
		switch string(s.Element(1)) {
		case "82":
			b.c.RenderingProvider = p(&b.rendering)
			b.at.rendering = spotAt(s, loop)
		case "DN", "P3":
			if b.c.ReferringProvider == nil {
				b.c.ReferringProvider = p(&b.referring)
				b.at.referring = spotAt(s, loop)
			}
		case "71":
			b.c.AttendingProvider = p(&b.attending)
			b.at.attending = spotAt(s, loop)
		case "77":
			b.c.ServiceFacility = p(&b.facility)
		}
	}
}

// address reads what the rules read of an N3 or N4: that the address is
// there, its ZIP code and country, and where the billing provider's and
// the service facility's N4 are.
func (b *claimRules) address(s *edi.Segment, loop string) {
	isN4 := s.ID() == "N4"
	var a **edigw.Address
	var st *arena
	switch loop {
	case "2010AA":
		a, st = &b.billing.Address, &b.billingStr
		if isN4 {
			b.billZipAt = spotAt(s, loop)
		}
	case "2010AB", "2010BA", "2010BB", "2010CA":
		return // no rule reads these addresses
	default:
		if !b.open || b.c.ServiceFacility == nil || !isFacilityLoop(b.kind, loop) {
			return
		}
		a, st = &b.c.ServiceFacility.Address, &b.claimStr
		if *a == nil {
			b.facAddr = edigw.Address{}
			*a = &b.facAddr
		}
		if isN4 {
			b.at.facilityZip = spotAt(s, loop)
		}
	}
	if *a == nil {
		*a = &edigw.Address{}
	}
	if isN4 {
		(*a).PostalCode, (*a).Country = st.str(s.Element(3)), st.str(s.Element(4))
	}
}

func (b *claimRules) clm(s *edi.Segment, loop string) {
	c := &b.c
	lines, diags := c.Lines[:0], c.Diagnoses[:0]
	charge := amountOf(s.Element(2))
	*c = edigw.Claim{
		PayerID: edigw.PayerID(b.payerID), Kind: b.kind, PatientControlNumber: b.claimStr.str(s.Element(1)), TotalCharge: charge,
		FacilityCode: b.claimStr.str(s.Component(5, 1)), FacilityCodeQualifier: b.claimStr.str(s.Component(5, 2)),
		FrequencyCode:   b.claimStr.str(s.Component(5, 3)),
		BillingProvider: b.billing, Subscriber: b.subscr, Lines: lines, Diagnoses: diags,
	}
	if b.patient != nil {
		b.claimPat = *b.patient
		c.Patient = &b.claimPat
	}
	b.open, b.line, b.periodOK = true, -1, false
	b.lineDates = b.lineDates[:0]
	b.at = claimSpots{claim: spotAt(s, loop), billing: b.billingAt, billingZip: b.billZipAt,
		diagnoses: b.at.diagnoses[:0], lines: b.at.lines[:0]}
}

// periodOf reads a D8 or RD8 date as period does.
func (b *claimRules) periodOf(s *edi.Segment) (edigw.Period, bool) {
	format, v := s.Element(2), s.Element(3)
	switch {
	case string(format) == "D8":
		return edigw.Period{From: b.claimStr.str(v)}, true
	case string(format) == "RD8" && len(v) == 17:
		return edigw.Period{From: b.claimStr.str(v[:8]), To: b.claimStr.str(v[9:])}, true
	}
	return edigw.Period{}, false
}

// serviceLine reads what the rules read of SV1, SV2 or SV3, at the places
// serviceLine reads them.
func (b *claimRules) serviceLine(l *edigw.ServiceLine, s *edi.Segment) {
	proc, chargeAt, posAt, ptrAt := 1, 2, 5, 7
	switch s.ID() {
	case "SV2":
		proc, chargeAt, posAt, ptrAt = 2, 3, 0, 0
	case "SV3":
		proc, chargeAt, posAt, ptrAt = 1, 2, 3, 11
	}
	l.ProcedureQualifier = b.claimStr.str(s.Component(proc, 1))
	l.ProcedureCode = b.claimStr.str(s.Component(proc, 2))
	l.Charge = amountOf(s.Element(chargeAt))
	if posAt > 0 {
		l.PlaceOfService = b.claimStr.str(s.Element(posAt))
	}
	if ptrAt > 0 {
		for j := 1; j <= 4; j++ {
			// An empty component is no pointer (strconv.Atoi's error,
			// without allocating it).
			if v := s.Component(ptrAt, j); len(v) > 0 {
				if p, err := strconv.Atoi(view(v)); err == nil {
					l.DiagnosisPointers = append(l.DiagnosisPointers, p)
				}
			}
		}
	}
}
