package mapping

import (
	"io"
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

// ReadAuthorizations validates a 278 file and calls fn with one
// AuthorizationRequest per patient event (2000E) of every set without
// errors: requests as sent, responses with their Decision (HCR, AAA) and
// the worklist status it means. An error from fn stops reading.
func ReadAuthorizations(r io.Reader, name string, fn func(*edigw.AuthorizationRequest) error) (*Result, error) {
	return Read(r, name, Handlers{Authorization: fn})
}

// authBuilder gathers one 278 set. The levels above the patient event
// (UMO, requester, subscriber, dependent) are kept in head and copied
// into each event's record as it opens.
type authBuilder struct {
	set      *ig.SetResult
	response bool // BHT02 11
	head     edigw.AuthorizationRequest
	// rejections of the levels above the event, in file order: the
	// set-wide ones (2000A, 2010A, 2010B) and the member's (2010C, 2010D).
	setRejections    []edigw.Rejection
	memberRejections []edigw.Rejection
	cur              *edigw.AuthorizationRequest
	svc              *edigw.RequestedService
	partyCursor      // the NM1 loop being read
	done             []*edigw.AuthorizationRequest
}

func (b *authBuilder) take(s *ig.SetResult) []*edigw.AuthorizationRequest {
	if b.set != s {
		return nil
	}
	b.close()
	out := b.done
	*b = authBuilder{}
	return out
}

func (b *authBuilder) close() {
	if b.cur == nil {
		return
	}
	a := b.cur
	a.TraceNumber = requesterTrace(a.Traces, b.response)
	DecideAuthorization(a)
	b.done = append(b.done, a)
	b.cur, b.svc = nil, nil
}

// requesterTrace is the requester's tracking number among an event's
// TRNs: the first TRN*1 of a request, the first TRN*2 (the echo) of a
// response, else the first.
func requesterTrace(traces []edigw.Trace, response bool) string {
	want := "1"
	if response {
		want = "2"
	}
	for _, t := range traces {
		if t.Type == want {
			return t.Number
		}
	}
	if len(traces) > 0 {
		return traces[0].Number
	}
	return ""
}

// open starts the record of a patient event from the levels above it.
func (b *authBuilder) open() {
	b.close()
	a := b.head
	if a.Patient != nil {
		p := *a.Patient
		a.Patient = &p
	}
	if b.response {
		rej := append(append([]edigw.Rejection(nil), b.setRejections...), b.memberRejections...)
		a.Decision = &edigw.Decision{Rejections: rej}
	}
	b.cur = &a
}

func (b *authBuilder) segment(ev *ig.Event) {
	if ev.Set == nil || ev.Walker == nil || ev.Set.Header.ID != "278" || ev.Match.Def == nil {
		return
	}
	if b.set != ev.Set {
		*b = authBuilder{set: ev.Set}
	}
	s := ev.Seg
	loop := ev.Match.Loop.ID
	switch s.ID() {
	case "BHT":
		b.bht(s)
	case "HL":
		b.hl(s)
	case "NM1":
		b.nm1(s, loop)
	case "N3", "N4", "PER", "PRV":
		b.partyDetail(s)
	case "REF":
		b.ref(s, loop)
	case "DMG":
		if p := b.member(loop); p != nil {
			p.BirthDate, p.Gender = s.String(2), s.String(3)
		}
	case "INS":
		switch loop {
		case "2010C":
			b.head.SubscriberEmploymentStatus = s.String(8)
		case "2010D":
			b.head.PatientRelationship, b.head.PatientBirthSequence = s.String(2), s.String(17)
		}
	case "AAA":
		b.aaa(s, loop)
	case "SE":
		b.close()
	default:
		switch {
		case b.svc != nil && loop == "2000F":
			b.serviceSegment(s)
		case b.cur != nil && loop == "2000E":
			b.eventSegment(s)
		}
	}
}

func (b *authBuilder) bht(s *edi.Segment) {
	h := &b.head
	b.response = s.String(2) == "11"
	if p := s.String(2); p != "11" && p != "13" {
		h.Purpose = p
	}
	h.SubmissionReference, h.SubmittedAt, h.TransactionType = s.String(3), s.String(4)+s.String(5), s.String(6)
}

func (b *authBuilder) hl(s *edi.Segment) {
	b.leave()
	switch s.String(3) {
	case "EV":
		b.open()
	case "SS":
		if b.cur != nil {
			b.cur.Services = append(b.cur.Services, edigw.RequestedService{})
			b.svc = &b.cur.Services[len(b.cur.Services)-1]
		}
	case "22":
		b.close()
		h := &b.head
		h.Subscriber, h.SubscriberReferences, h.SubscriberEmploymentStatus = edigw.Person{}, nil, ""
		b.clearPatient()
		b.memberRejections = nil
	case "23":
		// A dependent keeps the subscriber's rejections, not a previous
		// dependent's.
		b.close()
		b.clearPatient()
		var kept []edigw.Rejection
		for _, r := range b.memberRejections {
			if r.Level != edigw.LevelPatient {
				kept = append(kept, r)
			}
		}
		b.memberRejections = kept
	default:
		b.close()
	}
}

func (b *authBuilder) clearPatient() {
	h := &b.head
	h.Patient, h.PatientReferences, h.PatientRelationship, h.PatientBirthSequence = nil, nil, "", ""
}

// member is the person a 2010C or 2010D segment describes.
func (b *authBuilder) member(loop string) *edigw.Person {
	switch loop {
	case "2010C":
		return &b.head.Subscriber
	case "2010D":
		return b.head.Patient
	}
	return nil
}

func (b *authBuilder) nm1(s *edi.Segment, loop string) {
	b.leave()
	h := &b.head
	switch loop {
	case "2010A":
		h.Reviewer = reviewParty(s)
		h.PayerID = edigw.PayerID(h.Reviewer.ID)
		b.party = &h.Reviewer
	case "2010B":
		h.Requester = reviewParty(s)
		b.party = &h.Requester
	case "2010C":
		h.Subscriber = person(s)
		b.address = &h.Subscriber.Address
	case "2010D":
		p := person(s)
		h.Patient = &p
		b.address = &p.Address
	case "2010EA":
		if b.cur != nil {
			b.cur.Providers = append(b.cur.Providers, reviewParty(s))
			b.party = &b.cur.Providers[len(b.cur.Providers)-1]
		}
	case "2010F", "2010FA":
		if b.svc != nil {
			b.svc.Providers = append(b.svc.Providers, reviewParty(s))
			b.party = &b.svc.Providers[len(b.svc.Providers)-1]
		}
	}
	if b.party != nil {
		b.address = &b.party.Address
	}
}

// reviewParty reads a 278 NM1: role, name parts and identifier.
func reviewParty(s *edi.Segment) edigw.ReviewParty {
	return edigw.ReviewParty{Role: s.String(1), Party: party(s), MiddleName: s.String(5), Suffix: s.String(7)}
}

func readAddress(a **edigw.Address, s *edi.Segment) {
	if *a == nil {
		*a = &edigw.Address{}
	}
	if s.ID() == "N3" {
		(*a).Line1, (*a).Line2 = s.String(1), s.String(2)
		return
	}
	(*a).City, (*a).State, (*a).PostalCode, (*a).Country = s.String(1), s.String(2), s.String(3), s.String(4)
}

func (b *authBuilder) ref(s *edi.Segment, loop string) {
	q, v := s.String(1), s.String(2)
	switch {
	case b.party != nil && q == "EI":
		b.party.TaxID = v
	case b.party != nil:
		b.party.References = append(b.party.References, edigw.ProviderReference{Qualifier: q, Value: v, State: s.String(3)})
	case loop == "2010C":
		b.head.SubscriberReferences = append(b.head.SubscriberReferences, edigw.Reference{Qualifier: q, Value: v})
	case loop == "2010D":
		b.head.PatientReferences = append(b.head.PatientReferences, edigw.Reference{Qualifier: q, Value: v})
	case b.svc != nil && loop == "2000F":
		setReference(q, v, &b.svc.PreviousAuthorization, &b.svc.AdministrativeReference)
	case b.cur != nil && loop == "2000E":
		setReference(q, v, &b.cur.PreviousAuthorization, &b.cur.AdministrativeReference)
	}
}

func setReference(q, v string, previous, administrative *string) {
	switch q {
	case "BB":
		*previous = v
	case "NT":
		*administrative = v
	}
}

// aaa files a request validation where it belongs: the levels above the
// event wait in the builder, the rest go to the event's or the service's
// decision.
func (b *authBuilder) aaa(s *edi.Segment, loop string) {
	r := edigw.Rejection{Valid: s.String(1) == "Y", Reason: s.String(3), FollowUp: s.String(4)}
	switch loop {
	case "2000A", "2010A", "2010B":
		r.Level = map[string]string{"2000A": edigw.LevelSystem, "2010A": edigw.LevelReviewer, "2010B": edigw.LevelRequester}[loop]
		b.setRejections = append(b.setRejections, r)
	case "2010C":
		r.Level = edigw.LevelSubscriber
		b.memberRejections = append(b.memberRejections, r)
	case "2010D":
		r.Level = edigw.LevelPatient
		b.memberRejections = append(b.memberRejections, r)
	case "2000E":
		if b.cur != nil && b.cur.Decision != nil {
			b.cur.Decision.Rejections = append(b.cur.Decision.Rejections, r)
		}
	case "2010EA":
		if b.cur != nil && b.cur.Decision != nil {
			r.Level, r.Provider = edigw.LevelProvider, len(b.cur.Providers)
			b.cur.Decision.Rejections = append(b.cur.Decision.Rejections, r)
		}
	case "2000F", "2010FA":
		if b.svc != nil {
			if loop == "2010FA" {
				r.Level, r.Provider = edigw.LevelProvider, len(b.svc.Providers)
			}
			d := serviceDecision(b.svc)
			d.Rejections = append(d.Rejections, r)
		}
	}
}

func serviceDecision(svc *edigw.RequestedService) *edigw.Decision {
	if svc.Decision == nil {
		svc.Decision = &edigw.Decision{}
	}
	return svc.Decision
}

// eventSegment reads the 2000E segments that are not names or levels.
func (b *authBuilder) eventSegment(s *edi.Segment) {
	a := b.cur
	switch s.ID() {
	case "TRN":
		a.Traces = append(a.Traces, trace(s))
	case "UM":
		a.RequestCategory, a.CertificationType, a.ServiceType = s.String(1), s.String(2), s.String(3)
		a.PlaceOfService, a.FacilityCodeQualifier = string(s.Component(4, 1)), string(s.Component(4, 2))
		for j := 1; j <= 3; j++ {
			if c := s.Component(5, j); len(c) > 0 {
				a.RelatedCauses = append(a.RelatedCauses, string(c))
			}
		}
		a.AccidentState, a.AccidentCountry = string(s.Component(5, 4)), string(s.Component(5, 5))
		a.LevelOfService, a.HealthCondition, a.Prognosis = s.String(6), s.String(7), s.String(8)
		a.ReleaseOfInformation, a.DelayReason = s.String(9), s.String(10)
	case "HCR":
		if a.Decision != nil {
			hcr(a.Decision, s)
		}
	case "DTP":
		p := period(s.String(2), s.String(3))
		if p == nil {
			return
		}
		switch q := s.String(1); q {
		case "439":
			a.AccidentDate = p.From
		case "484":
			a.LastMenstrualPeriod = p.From
		case "ABC":
			a.EstimatedBirthDate = p.From
		case "431":
			a.OnsetDate = p.From
		case "AAH":
			a.EventPeriod = p
		case "435":
			a.AdmissionPeriod = p
		case "096":
			a.DischargeDate = p.From
		case "102", "036", "007":
			if a.Decision != nil {
				decisionDate(a.Decision, q, p)
			}
		}
	case "HI":
		for i := 1; i <= s.Len(); i++ {
			q, code := string(s.Component(i, 1)), string(s.Component(i, 2))
			if code == "" {
				continue
			}
			d := edigw.DatedDiagnosis{Diagnosis: edigw.Diagnosis{Qualifier: q, Code: code}}
			if string(s.Component(i, 3)) == "D8" {
				d.Date = string(s.Component(i, 4))
			}
			a.Diagnoses = append(a.Diagnoses, d)
		}
	case "HSD":
		a.Delivery = delivery(s)
	case "CL1":
		a.AdmissionType, a.AdmissionSource, a.PatientStatus, a.NursingHomeStatus = s.String(1), s.String(2), s.String(3), s.String(4)
	case "PWK":
		a.Attachments = append(a.Attachments, attachment(s))
	case "MSG":
		a.Message = s.String(1)
	}
}

// serviceSegment reads the 2000F segments that are not names or levels.
func (b *authBuilder) serviceSegment(s *edi.Segment) {
	v := b.svc
	switch s.ID() {
	case "TRN":
		v.Traces = append(v.Traces, trace(s))
	case "UM":
		v.RequestCategory, v.CertificationType, v.ServiceType = s.String(1), s.String(2), s.String(3)
		v.PlaceOfService, v.FacilityCodeQualifier = string(s.Component(4, 1)), string(s.Component(4, 2))
		v.LevelOfService = s.String(6)
	case "HCR":
		hcr(serviceDecision(v), s)
	case "DTP":
		p := period(s.String(2), s.String(3))
		switch q := s.String(1); {
		case p == nil:
		case q == "472":
			v.Period = p
		case q == "102" || q == "036" || q == "007":
			decisionDate(serviceDecision(v), q, p)
		}
	case "SV1", "SV2", "SV3":
		requestedService(v, s)
	case "TOO":
		t := edigw.Tooth{Number: s.String(2)}
		for j := 1; j <= 5; j++ {
			if c := s.Component(3, j); len(c) > 0 {
				t.Surfaces = append(t.Surfaces, string(c))
			}
		}
		v.Teeth = append(v.Teeth, t)
	case "HSD":
		v.Delivery = delivery(s)
	case "PWK":
		v.Attachments = append(v.Attachments, attachment(s))
	case "MSG":
		v.Message = s.String(1)
	}
}

func trace(s *edi.Segment) edigw.Trace {
	return edigw.Trace{Type: s.String(1), Number: s.String(2), Assigner: s.String(3), AssignerDetail: s.String(4)}
}

func hcr(d *edigw.Decision, s *edi.Segment) {
	d.Action, d.CertificationNumber, d.SecondSurgicalOpinion = s.String(1), s.String(2), s.String(4)
	for _, r := range s.Repetitions(3) {
		d.Reasons = append(d.Reasons, string(r))
	}
}

// decisionDate reads the certification dates: 102 issue; 007 effective,
// a date (the start) or a range (start and end); 036 expiration (the end).
// The writer gives an open-ended period as 007, an end alone as 036, and
// both as 036 with 007's start.
func decisionDate(d *edigw.Decision, qualifier string, p *edigw.Period) {
	if qualifier == "102" {
		d.IssueDate = p.From
		return
	}
	if d.EffectivePeriod == nil {
		d.EffectivePeriod = &edigw.Period{}
	}
	ep := d.EffectivePeriod
	if qualifier == "036" {
		ep.To = p.From
		return
	}
	ep.From, ep.To = p.From, max(p.To, ep.To)
}

func delivery(s *edi.Segment) *edigw.DeliveryPattern {
	return &edigw.DeliveryPattern{QuantityQualifier: s.String(1), Quantity: s.String(2), UnitBasis: s.String(3),
		SampleModulus: s.String(4), PeriodQualifier: s.String(5), PeriodCount: s.String(6), Frequency: s.String(7), TimeOfDay: s.String(8)}
}

func attachment(s *edi.Segment) edigw.Attachment {
	return edigw.Attachment{ReportType: s.String(1), Transmission: s.String(2), ControlNumber: s.String(6), Description: s.String(7)}
}

// requestedService reads the procedure, amount and quantity of a 2000F
// service from its SV1, SV2 or SV3.
func requestedService(r *edigw.RequestedService, s *edi.Segment) {
	proc, amountAt, unitAt, qtyAt := 1, 2, 3, 4
	r.Kind = edigw.Professional
	switch s.ID() {
	case "SV2":
		proc, amountAt, unitAt, qtyAt = 2, 3, 4, 5
		r.Kind, r.RevenueCode = edigw.Institutional, s.String(1)
	case "SV3":
		proc, amountAt, unitAt, qtyAt = 1, 2, 0, 6
		r.Kind = edigw.Dental
		for j := 1; j <= 5; j++ {
			if c := s.Component(4, j); len(c) > 0 {
				r.OralCavity = append(r.OralCavity, string(c))
			}
		}
	}
	r.ProcedureQualifier, r.ProcedureCode = string(s.Component(proc, 1)), string(s.Component(proc, 2))
	for j := 3; j <= 6; j++ {
		if m := s.Component(proc, j); len(m) > 0 {
			r.Modifiers = append(r.Modifiers, string(m))
		}
	}
	if amt, err := edigw.ParseAmount(s.String(amountAt)); err == nil {
		r.Charge = amt
	}
	if unitAt > 0 {
		r.UnitBasis = s.String(unitAt)
	}
	r.Quantity = s.String(qtyAt)
	if s.ID() == "SV1" {
		for j := 1; j <= 4; j++ {
			if n, err := strconv.Atoi(string(s.Component(7, j))); err == nil {
				r.DiagnosisPointers = append(r.DiagnosisPointers, n)
			}
		}
	}
}
