package mapping

import (
	"io"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

// ReadEligibility validates a 270 or 271 file and calls inquiry with each
// member asked about in a 270 set without errors, and response with each
// member answered in a 271 set without errors. Either may be nil. An
// error from a handler stops reading.
func ReadEligibility(r io.Reader, name string, inquiry func(*edigw.EligibilityInquiry) error, response func(*edigw.EligibilityResponse) error) (*Result, error) {
	return Read(r, name, Handlers{EligibilityInquiry: inquiry, EligibilityResponse: response})
}

// eligibilityMapper maps 270 and 271 sets to one record a member.
type eligibilityMapper struct {
	*reading
	b eligibilityBuilder
}

func (m *eligibilityMapper) segment(ev *ig.Event)             { m.b.segment(ev) }
func (m *eligibilityMapper) check(*ig.SetResult) []*edi.Error { return nil }
func (m *eligibilityMapper) forget(s *ig.SetResult)           { m.b.take(s) }

func (m *eligibilityMapper) end(s *ig.SetResult) {
	for _, r := range m.b.take(s) {
		if !s.Accepted() {
			m.res.Rejected++
			continue
		}
		m.res.Eligibility++
		switch {
		case r.response && m.h.EligibilityResponse != nil:
			resp := &edigw.EligibilityResponse{EligibilityMember: r.EligibilityMember, Validations: r.validations, Benefits: r.benefits}
			m.call(func() error { return m.h.EligibilityResponse(resp) })
		case !r.response && m.h.EligibilityInquiry != nil:
			inq := &edigw.EligibilityInquiry{EligibilityMember: r.EligibilityMember, Questions: r.questions}
			m.call(func() error { return m.h.EligibilityInquiry(inq) })
		}
	}
}

// memberRecord is one member of a 270 or 271 being read.
type memberRecord struct {
	edigw.EligibilityMember
	response    bool
	validations []edigw.Rejection
	questions   []edigw.BenefitQuestion
	benefits    []edigw.Benefit
	// parent says a subscriber with dependents (HL04 1): its record is
	// kept only when it asks or answers something of its own.
	parent bool
}

// eligibilityBuilder gathers one 270 or 271 set. The levels above the
// member (source, receiver) are kept in head, the subscriber's in sub;
// each member level copies them as it opens.
type eligibilityBuilder struct {
	set      *ig.SetResult
	response bool
	head     edigw.EligibilityMember
	// validations above the member (2000A, 2100A, 2100B) and of the
	// subscriber (2100C), which its dependents share.
	setValidations []edigw.Rejection
	subValidations []edigw.Rejection
	sub            *memberRecord // the open subscriber (kept for its dependents)
	cur            *memberRecord
	q              *edigw.BenefitQuestion
	eb             *edigw.Benefit
	partyCursor    // the NM1 loop being read
	done           []*memberRecord
}

func (b *eligibilityBuilder) take(s *ig.SetResult) []*memberRecord {
	if b.set != s {
		return nil
	}
	b.close()
	out := b.done
	*b = eligibilityBuilder{}
	return out
}

// close ends the open member.
func (b *eligibilityBuilder) close() {
	r := b.cur
	b.cur, b.q, b.eb = nil, nil, nil
	b.leave()
	if r == nil || r.parent && len(r.questions) == 0 && len(r.benefits) == 0 {
		return
	}
	r.TraceNumber = requesterTrace(r.Traces, b.response)
	b.done = append(b.done, r)
}

func (b *eligibilityBuilder) segment(ev *ig.Event) {
	if ev.Set == nil || ev.Walker == nil || ev.Match.Def == nil {
		return
	}
	if id := ev.Set.Header.ID; id != "270" && id != "271" {
		return
	}
	if b.set != ev.Set {
		*b = eligibilityBuilder{set: ev.Set, response: ev.Set.Header.ID == "271"}
	}
	s := ev.Seg
	loop := ev.Match.Loop.ID
	switch s.ID() {
	case "BHT":
		h := &b.head
		if p := s.String(2); p != "13" && p != "11" {
			h.Purpose = p
		}
		h.SubmissionReference, h.SubmittedAt = s.String(3), s.String(4)+s.String(5)
	case "HL":
		b.hl(s)
	case "NM1":
		b.nm1(s, loop)
	case "N3", "N4", "PER", "PRV":
		b.partyDetail(s)
	case "REF":
		b.ref(s, loop)
	case "TRN":
		if b.cur != nil {
			b.cur.Traces = append(b.cur.Traces, edigw.Trace{Type: s.String(1), Number: s.String(2), Assigner: s.String(3), AssignerDetail: s.String(4)})
		}
	case "DMG":
		if b.cur != nil {
			p := b.cur.Member()
			p.BirthDate, p.Gender = s.String(2), s.String(3)
		}
	case "INS":
		if b.cur != nil && loop == "2100D" {
			b.cur.DependentRelationship = s.String(2)
		}
	case "DTP":
		b.dtp(s, loop)
	case "AAA":
		b.aaa(s, loop)
	case "EQ":
		if b.cur != nil {
			b.cur.questions = append(b.cur.questions, edigw.BenefitQuestion{
				ServiceTypes: repeats(s, 1), Procedure: benefitProcedure(s, 2), CoverageLevel: s.String(3)})
			b.q = &b.cur.questions[len(b.cur.questions)-1]
		}
	case "III":
		if b.q != nil && s.String(1) == "ZZ" && b.q.PlaceOfService == "" {
			b.q.PlaceOfService = s.String(2)
		}
	case "EB":
		if b.cur != nil {
			b.cur.benefits = append(b.cur.benefits, readBenefit(s))
			b.eb = &b.cur.benefits[len(b.cur.benefits)-1]
		}
	case "MSG":
		if b.eb != nil {
			b.eb.Messages = append(b.eb.Messages, s.String(1))
		}
	}
}

func (b *eligibilityBuilder) hl(s *edi.Segment) {
	b.leave()
	switch s.String(3) {
	case "22":
		b.close()
		b.subValidations = nil
		r := &memberRecord{EligibilityMember: b.head, response: b.response, parent: s.String(4) == "1"}
		r.validations = append([]edigw.Rejection(nil), b.setValidations...)
		b.sub, b.cur = r, r
	case "23":
		b.close()
		if b.sub == nil {
			return
		}
		r := &memberRecord{EligibilityMember: b.sub.EligibilityMember, response: b.response}
		r.Traces, r.Dates = nil, nil
		r.Dependent = &edigw.Person{}
		r.validations = append(append([]edigw.Rejection(nil), b.setValidations...), b.subValidations...)
		b.cur = r
	default:
		b.close()
		b.sub = nil
	}
}

func (b *eligibilityBuilder) nm1(s *edi.Segment, loop string) {
	b.leave()
	switch loop {
	case "2100A":
		b.head.Source = reviewParty(s)
		b.head.PayerID = edigw.PayerID(b.head.Source.ID)
		b.party = &b.head.Source
	case "2100B":
		b.head.Receiver = reviewParty(s)
		b.party = &b.head.Receiver
	case "2100C":
		if b.cur != nil {
			b.cur.Subscriber = person(s)
			b.address = &b.cur.Subscriber.Address
		}
	case "2100D":
		if b.cur != nil && b.cur.Dependent != nil {
			*b.cur.Dependent = person(s)
			b.address = &b.cur.Dependent.Address
		}
	case "2120C", "2120D":
		if b.eb != nil {
			b.eb.Entities = append(b.eb.Entities, reviewParty(s))
			b.party = &b.eb.Entities[len(b.eb.Entities)-1]
		}
	}
	if b.party != nil {
		b.address = &b.party.Address
	}
}

func (b *eligibilityBuilder) ref(s *edi.Segment, loop string) {
	q, v := s.String(1), s.String(2)
	r := edigw.Reference{Qualifier: q, Value: v}
	switch {
	case loop == "2100B" && q == "TJ":
		b.head.Receiver.TaxID = v
	case loop == "2100B":
		b.head.Receiver.References = append(b.head.Receiver.References, edigw.ProviderReference{Qualifier: q, Value: v})
	case b.cur == nil:
	case loop == "2100C":
		b.cur.SubscriberReferences = append(b.cur.SubscriberReferences, r)
	case loop == "2100D":
		b.cur.DependentReferences = append(b.cur.DependentReferences, r)
	case b.q != nil:
		b.q.References = append(b.q.References, r)
	case b.eb != nil:
		b.eb.References = append(b.eb.References, r)
	}
}

func (b *eligibilityBuilder) dtp(s *edi.Segment, loop string) {
	p := period(s.String(2), s.String(3))
	if b.cur == nil || p == nil {
		return
	}
	d := edigw.EligibilityDate{Qualifier: s.String(1), Period: *p}
	switch {
	case loop == "2100C" || loop == "2100D":
		b.cur.Dates = append(b.cur.Dates, d)
	case b.q != nil:
		b.q.Date = p
	case b.eb != nil:
		b.eb.Dates = append(b.eb.Dates, d)
	}
}

// aaa files a request validation at its level: those above the member
// go to every member of the set, the subscriber's to its dependents too.
func (b *eligibilityBuilder) aaa(s *edi.Segment, loop string) {
	r := edigw.Rejection{Valid: s.String(1) == "Y", Reason: s.String(3), FollowUp: s.String(4)}
	switch loop {
	case "2000A", "2100A", "2100B":
		r.Level = map[string]string{"2000A": edigw.LevelSystem, "2100A": edigw.LevelReviewer, "2100B": edigw.LevelRequester}[loop]
		b.setValidations = append(b.setValidations, r)
		// A source that rejects the inquiry has no member levels: the
		// record is the receiver's or the source's alone.
	case "2100C":
		r.Level = edigw.LevelSubscriber
		b.subValidations = append(b.subValidations, r)
		if b.cur != nil {
			b.cur.validations = append(b.cur.validations, r)
		}
	case "2100D":
		r.Level = edigw.LevelPatient
		if b.cur != nil {
			b.cur.validations = append(b.cur.validations, r)
		}
	case "2110C", "2110D":
		if b.eb != nil {
			b.eb.Validations = append(b.eb.Validations, r)
		}
	}
}

// repeats returns the repetitions of element i.
func repeats(s *edi.Segment, i int) []string {
	var out []string
	for _, v := range s.Repetitions(i) {
		if len(v) > 0 {
			out = append(out, string(v))
		}
	}
	return out
}

// benefitProcedure reads the C003 at element i (EQ02, EB13).
func benefitProcedure(s *edi.Segment, i int) *edigw.BenefitProcedure {
	code := s.Component(i, 2)
	if len(code) == 0 {
		return nil
	}
	return &edigw.BenefitProcedure{Qualifier: string(s.Component(i, 1)), Code: string(code), Modifiers: procModifiers(s, i)}
}

func readBenefit(s *edi.Segment) edigw.Benefit {
	eb := edigw.Benefit{
		Code: s.String(1), CoverageLevel: s.String(2), ServiceTypes: repeats(s, 3), InsuranceType: s.String(4),
		PlanDescription: s.String(5), TimePeriod: s.String(6), Percent: s.String(8),
		QuantityQualifier: s.String(9), Quantity: s.String(10), AuthorizationRequired: s.String(11),
		InNetwork: s.String(12), Procedure: benefitProcedure(s, 13),
	}
	if v := s.String(7); v != "" {
		if a, err := edigw.ParseAmount(v); err == nil {
			eb.Amount = &a
		}
	}
	return eb
}
