package mapping

import (
	"bytes"
	"fmt"
	"io"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
)

const x279 = "005010X279A1"

// The eligibility records a writer may refuse.
const (
	EligibilityInquiryRecord  RecordKind = "eligibility inquiry"
	EligibilityResponseRecord RecordKind = "eligibility response"
)

// Write270 writes eligibility inquiries as one 270 interchange: one
// functional group (HS) and one transaction set per record, so that each
// set's BHT03 and trace belong to one member. A record with a Dependent is
// written as the subscriber (2000C, HL04 1, without questions) and the
// dependent (2000D) asked about.
//
// Defaults, as Write278's: BHT03 is ST02 and BHT04-05 the envelope's clock
// when the record has none; the source is NM1*PR with the payer ID (PI);
// the source's name its ID when it has none; the receiver's role is 1P; a TraceNumber without Traces becomes TRN*1
// assigned by 1 + the receiver's EIN (receiver.taxId, also REF*TJ). A
// question without service type or procedure asks for 30 (health benefit
// plan coverage). The file is built in memory and validated against
// X279A1 before it goes to w: a record that would not validate is a
// RecordError naming it, and w receives nothing.
func Write270(w io.Writer, env Envelope, inquiries []*edigw.EligibilityInquiry) error {
	members := make([]eligibilitySet, len(inquiries))
	for i, q := range inquiries {
		if q == nil {
			return &RecordError{Kind: EligibilityInquiryRecord, Index: i + 1, Err: errNilRecord}
		}
		members[i] = eligibilitySet{member: &q.EligibilityMember, questions: q.Questions}
		if err := checkEligibility(&q.EligibilityMember, EligibilityInquiryRecord, i+1, false); err != nil {
			return err
		}
	}
	return writeEligibility(w, env, "HS", EligibilityInquiryRecord, members)
}

// CheckEligibilityInquiryForWriting reports what an inquiry lacks that
// every 270 requires: a *RecordError naming the fields.
func CheckEligibilityInquiryForWriting(q *edigw.EligibilityInquiry) error {
	return checkEligibility(&q.EligibilityMember, EligibilityInquiryRecord, 0, false)
}

// Write271 writes eligibility responses as one 271 interchange (group HB),
// one set per record, as Write270 does; validations are written at their
// levels (system 2000A, reviewer 2100A, requester 2100B, subscriber
// 2100C, patient 2100D) and each benefit as an EB loop with its dates,
// references, validations, messages and related entities (LS/LE 2120).
func Write271(w io.Writer, env Envelope, responses []*edigw.EligibilityResponse) error {
	members := make([]eligibilitySet, len(responses))
	for i, r := range responses {
		if r == nil {
			return &RecordError{Kind: EligibilityResponseRecord, Index: i + 1, Err: errNilRecord}
		}
		members[i] = eligibilitySet{member: &r.EligibilityMember, response: true, validations: r.Validations, benefits: r.Benefits}
		if err := checkEligibility(&r.EligibilityMember, EligibilityResponseRecord, i+1, true); err != nil {
			return err
		}
	}
	return writeEligibility(w, env, "HB", EligibilityResponseRecord, members)
}

// eligibilitySet is one record to write, inquiry or response.
type eligibilitySet struct {
	member      *edigw.EligibilityMember
	response    bool
	questions   []edigw.BenefitQuestion
	validations []edigw.Rejection
	benefits    []edigw.Benefit
}

func checkEligibility(m *edigw.EligibilityMember, kind RecordKind, index int, response bool) error {
	var missing []string
	need := func(ok bool, what string) {
		if !ok {
			missing = append(missing, what)
		}
	}
	need(m.PayerID != "" || m.Source.ID != "", "payerId (2100A NM109)")
	need(m.PayerID == "" || m.Source.ID == "" || string(m.PayerID) == m.Source.ID, "payerId and source.id to agree (both are 2100A NM109)")
	need(m.Receiver.ID != "" && m.Receiver.IDQualifier != "", "receiver id and idQualifier (2100B NM108-09)")
	need(m.Subscriber.LastName != "" || m.Subscriber.MemberID != "", "subscriber lastName or memberId (2100C)")
	need(m.SubmittedAt == "" || validStamp(m.SubmittedAt), "submittedAt as CCYYMMDDHHMM[SS[DD]] (BHT04-05)")
	need(m.Dependent != nil || m.DependentRelationship == "" && len(m.DependentReferences) == 0,
		"dependent (2100D) for the dependent's relationship and references")
	need(m.Purpose == "" || !response && m.Purpose == "01" || response && m.Purpose == "06", "purpose (BHT02) 01 on an inquiry or 06 on a response")
	missing = append(missing, checkTraces(m.Traces, "traces")...)
	if len(m.Traces) == 0 && m.TraceNumber != "" {
		need(len(m.Receiver.TaxID) == 9, "traces, or receiver.taxId (an EIN) to assign the trace number (TRN03)")
	}
	if len(missing) > 0 {
		return &RecordError{Kind: kind, Index: index, Reasons: missing, Err: ErrIncomplete}
	}
	return nil
}

func writeEligibility(w io.Writer, env Envelope, functionalID string, kind RecordKind, sets []eligibilitySet) error {
	if len(sets) == 0 {
		return fmt.Errorf("mapping: no %ss to write", kind)
	}
	return writeValidated(w, env, functionalID, x279, kind, string(kind), "", len(sets), func(o *out, i int) string {
		return o.eligibilitySet(&sets[i])
	})
}

// eligibilitySet writes one record as a 270 or 271 set and returns ST02.
func (o *out) eligibilitySet(s *eligibilitySet) string {
	m := s.member
	set, purpose := "270", "13"
	if s.response {
		set, purpose = "271", "11"
	}
	st02 := o.beginSet(set, x279)
	at := or(m.SubmittedAt, o.now.Format("200601021504"))
	o.seg("BHT", "0022", or(m.Purpose, purpose), or(m.SubmissionReference, st02), at[:8], at[8:])
	aaa := func(level string) {
		for _, r := range s.validations {
			if r.Level == level {
				o.aaa(r)
			}
		}
	}

	o.seg("HL", "1", "", "20", "1")
	aaa(edigw.LevelSystem)
	src := m.Source
	src.Role = or(src.Role, "PR")
	src.ID = or(src.ID, string(m.PayerID))
	src.IDQualifier = or(src.IDQualifier, "PI")
	src.Name = or(src.Name, src.ID) // NM103 is required; a submission may name the payer by ID alone
	o.reviewNM1(src)
	if s.response {
		o.per("IC", src.Contact)
		aaa(edigw.LevelReviewer)
	}

	o.seg("HL", "2", "1", "21", "1")
	rcv := m.Receiver
	rcv.Role = or(rcv.Role, "1P")
	o.reviewNM1(rcv)
	if rcv.TaxID != "" {
		o.seg("REF", "TJ", rcv.TaxID)
	}
	for _, r := range rcv.References {
		o.seg("REF", r.Qualifier, r.Value)
	}
	if s.response {
		aaa(edigw.LevelRequester)
	} else {
		o.address(rcv.Address)
	}
	o.prv(rcv)

	dependent := m.Dependent != nil
	child := "0"
	if dependent {
		child = "1"
	}
	o.seg("HL", "3", "2", "22", child)
	traces := m.Traces
	if len(traces) == 0 && m.TraceNumber != "" {
		t := "1"
		if s.response {
			t = "2"
		}
		traces = []edigw.Trace{{Type: t, Number: m.TraceNumber, Assigner: "1" + rcv.TaxID}}
	}
	if !dependent {
		o.traces(traces)
	}
	o.personNM1("IL", m.Subscriber)
	o.memberRefs(m.SubscriberReferences)
	o.address(m.Subscriber.Address)
	aaa(edigw.LevelSubscriber)
	o.dmg(m.Subscriber)
	if !dependent {
		o.memberDates(m.Dates)
		o.memberBody(s)
		o.endSet()
		return st02
	}
	d := m.Dependent
	o.seg("HL", "4", "3", "23", "0")
	o.traces(traces)
	o.seg("NM1", "03", "1", d.LastName, d.FirstName, d.MiddleName, "", d.Suffix)
	o.memberRefs(m.DependentReferences)
	o.address(d.Address)
	aaa(edigw.LevelPatient)
	o.dmg(*d)
	if m.DependentRelationship != "" {
		o.seg("INS", "N", m.DependentRelationship)
	}
	o.memberDates(m.Dates)
	o.memberBody(s)
	o.endSet()
	return st02
}

func (o *out) memberDates(ds []edigw.EligibilityDate) {
	for _, d := range ds {
		p := d.Period
		o.dtp(d.Qualifier, &p)
	}
}

// memberBody writes the member's EQ or EB loops.
func (o *out) memberBody(s *eligibilitySet) {
	for _, q := range s.questions {
		types := q.ServiceTypes
		if len(types) == 0 && q.Procedure == nil {
			types = []string{"30"}
		}
		o.segE("EQ", repeated(types), benefitProcedureElem(q.Procedure), edi.Simple(q.CoverageLevel))
		if q.PlaceOfService != "" {
			o.seg("III", "ZZ", q.PlaceOfService)
		}
		for _, r := range q.References {
			o.seg("REF", r.Qualifier, r.Value)
		}
		o.dtp("291", q.Date)
	}
	for i := range s.benefits {
		o.benefit(&s.benefits[i])
	}
}

func (o *out) benefit(b *edigw.Benefit) {
	amount := ""
	if b.Amount != nil {
		amount = b.Amount.String()
	}
	o.segE("EB", edi.Simple(b.Code), edi.Simple(b.CoverageLevel), repeated(b.ServiceTypes), edi.Simple(b.InsuranceType),
		edi.Simple(b.PlanDescription), edi.Simple(b.TimePeriod), edi.Simple(amount), edi.Simple(b.Percent),
		edi.Simple(b.QuantityQualifier), edi.Simple(b.Quantity), edi.Simple(b.AuthorizationRequired),
		edi.Simple(b.InNetwork), benefitProcedureElem(b.Procedure))
	for _, r := range b.References {
		o.seg("REF", r.Qualifier, r.Value)
	}
	o.memberDates(b.Dates)
	for _, r := range b.Validations {
		o.aaa(r)
	}
	for _, msg := range b.Messages {
		o.seg("MSG", msg)
	}
	if len(b.Entities) == 0 {
		return
	}
	o.seg("LS", "2120")
	for _, e := range b.Entities {
		o.reviewNM1(e)
		o.address(e.Address)
		o.per("IC", e.Contact)
		o.prv(e)
	}
	o.seg("LE", "2120")
}

// repeated is a repeating element (EQ01, EB03): nil when empty.
func repeated(vs []string) edi.Elem {
	if len(vs) == 0 {
		return nil
	}
	e := make(edi.Elem, len(vs))
	for i, v := range vs {
		e[i] = []string{v}
	}
	return e
}

func benefitProcedureElem(p *edigw.BenefitProcedure) edi.Elem {
	if p == nil {
		return nil
	}
	return procedure(p.Qualifier, p.Code, p.Modifiers)
}

// CheckEligibilityInquiries checks submitted inquiries the way Write270
// and the reader would, one Problem a finding, by record index.
func CheckEligibilityInquiries(inquiries []*edigw.EligibilityInquiry) []Problem {
	var out []Problem
	for i, q := range inquiries {
		var buf bytes.Buffer
		if err := Write270(&buf, checkEnvelope(), []*edigw.EligibilityInquiry{q}); err != nil {
			out = append(out, Problem{Record: i, Message: writeProblem(err)})
		}
	}
	return out
}
