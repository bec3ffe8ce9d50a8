package mapping

import (
	"io"
	"strconv"
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

// ReadClaims validates an 837 file and calls fn with every claim of every
// 837 transaction set, in file order. Claims touched by errors, or in a set
// whose errors lie outside claims, come out with Status rejected; the caller
// decides what to keep. An error from fn stops reading and is returned.
func ReadClaims(r io.Reader, name string, fn func(*edigw.Claim) error) (*Result, error) {
	return Read(r, name, Handlers{Claim: fn})
}

// claimBuilder turns the walker's segment events into claims.
type claimBuilder struct {
	set       *ig.SetResult
	kind      edigw.ClaimKind
	submitter edigw.Party
	receiver  edigw.Party
	billing   edigw.Party
	payTo     *edigw.Party // 2010AB
	sbr       [5]string    // SBR01, SBR09, SBR02, SBR03, SBR04 (+SBR05 below)
	insType   string
	patRel    string       // PAT01
	provider  *edigw.Party // the 2310 provider a PRV belongs to
	subscr    edigw.Person
	patient   *edigw.Person
	payer     edigw.Party
	cur       *edigw.Claim
	line      *edigw.ServiceLine
	done      []*edigw.Claim
	// onClaim, when set, takes each claim as it ends (with where its
	// parts are) instead of done: a set's claims need not pile up.
	onClaim func(*edigw.Claim, *claimSpots)
	// Where each claim's parts are, for business-rule errors (SNIP 3-7).
	billingAt    spot
	billingZipAt spot // the 2010AA N4
	curAt        *claimSpots
	doneAt       []*claimSpots
}

// take hands over the set's claims and where each claim's parts are.
func (b *claimBuilder) take() ([]*edigw.Claim, []*claimSpots) {
	b.close(1 << 30)
	out, at := b.done, b.doneAt
	b.done, b.set, b.doneAt = nil, nil, nil
	return out, at
}

func (b *claimBuilder) close(pos int) {
	if b.cur != nil {
		finishClaim(b.cur)
		if b.onClaim != nil {
			b.onClaim(b.cur, b.curAt)
		} else {
			b.done = append(b.done, b.cur)
			b.doneAt = append(b.doneAt, b.curAt)
		}
		b.cur, b.line, b.curAt = nil, nil, nil
	}
}

// finishClaim derives what the segments leave implicit: the service period
// from the lines when the claim has none.
func finishClaim(c *edigw.Claim) {
	if c.ServicePeriod != nil {
		return
	}
	if p, ok := servicePeriodOfLines(c); ok {
		c.ServicePeriod = &p
	}
}

// servicePeriodOfLines is the period the lines' dates span, To empty when
// it is one day; false when no line has a date.
func servicePeriodOfLines(c *edigw.Claim) (edigw.Period, bool) {
	var p edigw.Period
	ok := false
	for _, l := range c.Lines {
		if l.ServiceDate == nil {
			continue
		}
		to := l.ServiceDate.To
		if to == "" {
			to = l.ServiceDate.From
		}
		if !ok {
			p, ok = edigw.Period{From: l.ServiceDate.From, To: to}, true
			continue
		}
		p.From = min(p.From, l.ServiceDate.From)
		p.To = max(p.To, to)
	}
	if ok && p.To == p.From {
		p.To = ""
	}
	return p, ok
}

var kinds = map[string]edigw.ClaimKind{"005010X222A1": edigw.Professional, "005010X223A2": edigw.Institutional, "005010X224A2": edigw.Dental}

func (b *claimBuilder) segment(ev *ig.Event) {
	if ev.Set == nil || ev.Walker == nil || ev.Set.Header.ID != "837" || ev.Match.Def == nil {
		return
	}
	s, w := ev.Seg, ev.Walker
	pos := s.Pos.SetIndex
	if b.set != ev.Set {
		*b = claimBuilder{set: ev.Set, onClaim: b.onClaim}
		if g := w.Guide(); g != nil {
			b.kind = kinds[g.Version]
		}
	}
	loop := ev.Match.Loop.ID
	str := s.String
	switch s.ID() {
	case "NM1":
		p := party(s)
		switch {
		case loop == "1000A":
			b.submitter = p
		case loop == "1000B":
			b.receiver = p
		case loop == "2010AA":
			p.Taxonomy = b.billing.Taxonomy // PRV comes before the name
			b.billing = p
			b.billingAt = spotOf(ev)
		case loop == "2010AB":
			b.payTo = &edigw.Party{EntityType: str(2)}
		case loop == "2010BA":
			b.subscr = person(s)
		case loop == "2010BB":
			b.payer = p
		case loop == "2010CA":
			pp := person(s)
			b.patient = &pp
		case b.cur != nil && strings.HasPrefix(loop, "2310"): // not 2330x: other payers' providers
			switch str(1) {
			case "82":
				b.cur.RenderingProvider, b.provider = &p, &p
				b.curAt.rendering = spotOf(ev)
			case "DN", "P3":
				if b.cur.ReferringProvider == nil {
					b.cur.ReferringProvider, b.provider = &p, &p
					b.curAt.referring = spotOf(ev)
				}
			case "71":
				b.cur.AttendingProvider, b.provider = &p, &p
				b.curAt.attending = spotOf(ev)
			case "77":
				b.cur.ServiceFacility, b.provider = &p, nil
			default:
				b.provider = nil
			}
		}
	case "PER":
		switch loop {
		case "1000A":
			if b.submitter.Contact == nil {
				b.submitter.Contact = contact(s)
			}
		case "2010AA":
			if b.billing.Contact == nil {
				b.billing.Contact = contact(s)
			}
		}
	case "N3", "N4":
		var a **edigw.Address
		switch loop {
		case "2010AA":
			a = &b.billing.Address
			if s.ID() == "N4" {
				b.billingZipAt = spotOf(ev)
			}
		case "2010AB":
			if b.payTo != nil {
				a = &b.payTo.Address
			}
		case "2010BA":
			a = &b.subscr.Address
		case "2010BB":
			a = &b.payer.Address
		case "2010CA":
			if b.patient != nil {
				a = &b.patient.Address
			}
		default:
			if b.cur != nil && b.cur.ServiceFacility != nil && isFacilityLoop(b.kind, loop) {
				a = &b.cur.ServiceFacility.Address
				if s.ID() == "N4" {
					b.curAt.facilityZip = spotOf(ev)
				}
			}
		}
		if a != nil {
			if *a == nil {
				*a = &edigw.Address{}
			}
			if s.ID() == "N3" {
				(*a).Line1, (*a).Line2 = str(1), str(2)
			} else {
				(*a).City, (*a).State, (*a).PostalCode, (*a).Country = str(1), str(2), str(3), str(4)
			}
		}
	case "REF":
		switch {
		case loop == "2010AA" && (str(1) == "EI" || str(1) == "SY"):
			b.billing.TaxID = str(2)
		case loop == "2010BA" && str(1) == "SY":
			b.subscr.SSN = str(2)
		case b.cur != nil && loop == "2300" && str(1) == "D9":
			b.cur.ClearinghouseTrace = str(2)
		case b.cur != nil && loop == "2300" && str(1) == "EA":
			b.cur.MedicalRecordNumber = str(2)
		case b.cur != nil && loop == "2300" && str(1) == "G1":
			b.cur.PriorAuthorization = str(2)
		case b.cur != nil && loop == "2300" && str(1) == "F8":
			b.cur.PayerClaimNumber = str(2)
		case b.line != nil && loop == "2400" && str(1) == "6R":
			b.line.LineItemControlNumber = str(2)
		}
	case "PRV":
		switch {
		case loop == "2000A":
			b.billing.Taxonomy = str(3)
		case b.provider != nil && len(loop) == 5 && loop[:4] == "2310":
			b.provider.Taxonomy = str(3)
		}
	case "DMG":
		switch loop {
		case "2010BA":
			b.subscr.BirthDate, b.subscr.Gender = str(2), str(3)
		case "2010CA":
			if b.patient != nil {
				b.patient.BirthDate, b.patient.Gender = str(2), str(3)
			}
		}
	case "HL":
		b.close(pos)
		switch str(3) {
		case "20":
			b.billing, b.payTo, b.billingZipAt = edigw.Party{}, nil, spot{}
		case "22":
			b.subscr, b.patient, b.payer, b.sbr, b.insType, b.patRel = edigw.Person{}, nil, edigw.Party{}, [5]string{}, "", ""
		case "23":
			b.patient, b.patRel = nil, ""
		}
	case "SBR":
		b.sbr = [5]string{str(1), str(9), str(2), str(3), str(4)}
		b.insType = str(5)
	case "PAT":
		if loop == "2000C" {
			b.patRel = str(1)
		}
	case "CL1":
		if b.cur != nil {
			b.cur.AdmissionType, b.cur.AdmissionSource, b.cur.PatientStatus = str(1), str(2), str(3)
		}
	case "CLM":
		b.close(pos)
		charge, _ := edigw.ParseAmount(str(2))
		c := &edigw.Claim{
			PayerID: edigw.PayerID(b.payer.ID), Kind: b.kind, PatientControlNumber: str(1), TotalCharge: charge,
			FacilityCode: string(s.Component(5, 1)), FacilityCodeQualifier: string(s.Component(5, 2)), FrequencyCode: string(s.Component(5, 3)),
			Submitter: b.submitter, Receiver: b.receiver, BillingProvider: b.billing, Subscriber: b.subscr, Payer: b.payer,
			PayerResponsibility: b.sbr[0], ClaimFilingCode: b.sbr[1], GroupNumber: b.sbr[3], GroupName: b.sbr[4],
			InsuranceType: b.insType, PatientRelationship: b.sbr[2], Status: edigw.ClaimSubmitted,
			ProviderSignature: str(6), Assignment: str(7), BenefitsAssigned: str(8), ReleaseOfInformation: str(9),
			PatientSignatureSource: str(10), DelayReason: str(20),
		}
		if b.payTo != nil {
			p := *b.payTo
			if p.Address != nil {
				a := *p.Address
				p.Address = &a
			}
			c.PayTo = &p
		}
		if b.patient != nil {
			p := *b.patient
			c.Patient = &p
			c.PatientRelationship = b.patRel
		}
		b.cur, b.provider = c, nil
		b.curAt = &claimSpots{claim: spotOf(ev), billing: b.billingAt, billingZip: b.billingZipAt}
	case "HI":
		if b.cur != nil && loop == "2300" {
			for i := 1; i <= s.Len(); i++ {
				q, code := string(s.Component(i, 1)), string(s.Component(i, 2))
				switch {
				case q == "DR" && code != "":
					b.cur.DRG = code
				case q == "BE" && code != "":
					amt, _ := edigw.ParseAmount(string(s.Component(i, 5)))
					b.cur.ValueCodes = append(b.cur.ValueCodes, edigw.ValueCode{Code: code, Amount: amt})
				}
				if diagnosisQualifiers[q] && code != "" {
					b.cur.Diagnoses = append(b.cur.Diagnoses, edigw.Diagnosis{Qualifier: q, Code: code, PresentOnAdmission: string(s.Component(i, 9))})
					at := spotOf(ev)
					at.element = i
					b.curAt.diagnoses = append(b.curAt.diagnoses, at)
				}
			}
		}
	case "DTP":
		switch {
		case b.line != nil && loop == "2400" && str(1) == "472":
			b.line.ServiceDate = period(str(2), str(3))
		case b.cur != nil && loop == "2300" && (str(1) == "434" || str(1) == "472"):
			b.cur.ServicePeriod = period(str(2), str(3))
		case b.cur != nil && loop == "2300" && str(1) == "435":
			b.cur.AdmissionDate = str(3)
		case b.cur != nil && loop == "2300" && str(1) == "096" && b.kind == edigw.Institutional:
			b.cur.DischargeHour = str(3)
		case b.cur != nil && loop == "2300" && str(1) == "454":
			b.cur.InitialTreatmentDate = str(3)
		case b.cur != nil && loop == "2300" && str(1) == "304":
			b.cur.LastSeenDate = str(3)
		}
	case "LX":
		if b.cur != nil {
			n, _ := strconv.Atoi(str(1))
			b.cur.Lines = append(b.cur.Lines, edigw.ServiceLine{Number: n})
			b.line = &b.cur.Lines[len(b.cur.Lines)-1]
			b.curAt.lines = append(b.curAt.lines, spot{})
		}
	case "SV1", "SV2", "SV3":
		if b.line != nil {
			serviceLine(b.line, s)
			b.curAt.lines[len(b.curAt.lines)-1] = spotOf(ev)
		}
	case "NTE":
		switch {
		case b.line != nil && loop == "2400":
			b.line.Notes = append(b.line.Notes, edigw.Note{Code: str(1), Text: str(2)})
		case b.cur != nil && loop == "2300":
			b.cur.Notes = append(b.cur.Notes, edigw.Note{Code: str(1), Text: str(2)})
		}
	case "TOO":
		if b.line != nil && str(1) == "JP" {
			t := edigw.Tooth{Number: str(2)}
			for j := 1; j <= 5; j++ {
				if v := s.Component(3, j); len(v) > 0 {
					t.Surfaces = append(t.Surfaces, string(v))
				}
			}
			b.line.Teeth = append(b.line.Teeth, t)
		}
	case "SE":
		b.close(pos)
	}
}

// diagnosisQualifiers are the HI qualifiers that carry diagnoses (ICD-10-CM
// with A, ICD-9-CM without): principal, other, admitting, external cause,
// reason for visit.
var diagnosisQualifiers = map[string]bool{"ABK": true, "ABF": true, "ABJ": true, "ABN": true, "APR": true,
	"BK": true, "BF": true, "BJ": true, "BN": true, "PR": true}

// serviceLine reads SV1 (professional), SV2 (institutional) or SV3 (dental).
func serviceLine(l *edigw.ServiceLine, s *edi.Segment) {
	proc, chargeAt, unitAt, unitsAt, posAt, ptrAt := 1, 2, 3, 4, 5, 7
	switch s.ID() {
	case "SV2":
		l.RevenueCode = s.String(1)
		proc, chargeAt, unitAt, unitsAt, posAt, ptrAt = 2, 3, 4, 5, 0, 0
	case "SV3":
		proc, chargeAt, unitAt, unitsAt, posAt, ptrAt = 1, 2, 0, 6, 3, 11
		for j := 1; j <= 5; j++ {
			if v := s.Component(4, j); len(v) > 0 {
				l.OralCavity = append(l.OralCavity, string(v))
			}
		}
	}
	l.ProcedureQualifier = string(s.Component(proc, 1))
	l.ProcedureCode = string(s.Component(proc, 2))
	for j := 3; j <= 6; j++ {
		if m := s.Component(proc, j); len(m) > 0 {
			l.Modifiers = append(l.Modifiers, string(m))
		}
	}
	l.Description = string(s.Component(proc, 7))
	l.Charge, _ = edigw.ParseAmount(s.String(chargeAt))
	if unitAt > 0 {
		l.UnitBasis = s.String(unitAt)
	}
	l.Units = s.String(unitsAt)
	if posAt > 0 {
		l.PlaceOfService = s.String(posAt)
	}
	if ptrAt > 0 {
		for j := 1; j <= 4; j++ {
			if p, err := strconv.Atoi(string(s.Component(ptrAt, j))); err == nil {
				l.DiagnosisPointers = append(l.DiagnosisPointers, p)
			}
		}
	}
}

func party(s *edi.Segment) edigw.Party {
	return edigw.Party{EntityType: s.String(2), Name: s.String(3), FirstName: s.String(4), IDQualifier: s.String(8), ID: s.String(9)}
}

// contact reads a PER: a name and up to three qualified communication numbers.
func contact(s *edi.Segment) *edigw.Contact {
	c := &edigw.Contact{Name: s.String(2)}
	for i := 3; i+1 <= s.Len(); i += 2 {
		v := s.String(i + 1)
		switch s.String(i) {
		case "TE":
			c.Phone = v
		case "EM":
			c.Email = v
		case "FX":
			c.Fax = v
		case "UR":
			c.URL = v
		}
	}
	return c
}

func person(s *edi.Segment) edigw.Person {
	return edigw.Person{LastName: s.String(3), FirstName: s.String(4), MiddleName: s.String(5), Suffix: s.String(7), MemberID: s.String(9)}
}

// period reads a D8 or RD8 date.
func period(format, v string) *edigw.Period {
	switch {
	case format == "D8":
		return &edigw.Period{From: v}
	case format == "RD8" && len(v) == 17:
		return &edigw.Period{From: v[:8], To: v[9:]}
	}
	return nil
}

// isFacilityLoop reports whether a loop is the claim's service facility:
// 2310E in the 837I, 2310C in the 837P and 837D.
func isFacilityLoop(kind edigw.ClaimKind, loop string) bool {
	if kind == edigw.Institutional {
		return loop == "2310E"
	}
	return loop == "2310C"
}
