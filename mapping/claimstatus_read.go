package mapping

import (
	"io"
	"slices"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

// ReadClaimStatus validates a 276 or 277 (005010X212) file and hands over
// one record per claim (2200D or 2200E loop) of every set without errors:
// inquiries of a 276 to inquiry, responses of a 277 to response (either
// may be nil). An error from a handler stops reading.
func ReadClaimStatus(r io.Reader, name string, inquiry func(*edigw.ClaimStatusInquiry) error,
	response func(*edigw.ClaimStatusResponse) error) (*Result, error) {
	return Read(r, name, Handlers{ClaimStatusInquiry: inquiry, ClaimStatusResponse: response})
}

// claimStatusMapper maps 276 and 277 sets of X212. mapperFor sends it
// sets by their guide: a 277CA (X214) shares ST01 277 and goes to the
// acknowledgment mapper.
type claimStatusMapper struct {
	*reading
	b claimStatusBuilder
}

func (m *claimStatusMapper) segment(ev *ig.Event)             { m.b.segment(ev) }
func (m *claimStatusMapper) check(*ig.SetResult) []*edi.Error { return nil }
func (m *claimStatusMapper) forget(s *ig.SetResult)           { m.b.take(s) }

func (m *claimStatusMapper) end(s *ig.SetResult) {
	response := s.Guide == ig.X212Response
	for _, r := range m.b.take(s) {
		if !s.Accepted() {
			m.res.Rejected++
			continue
		}
		m.res.ClaimStatuses++
		switch {
		case response && m.h.ClaimStatusResponse != nil:
			m.call(func() error { return m.h.ClaimStatusResponse(r) })
		case !response && m.h.ClaimStatusInquiry != nil:
			q := r.Inquiry()
			m.call(func() error { return m.h.ClaimStatusInquiry(q) })
		}
	}
}

// claimStatusBuilder gathers one 276 or 277 set. Both are read into
// responses (a 276 claim is a response without statuses); the levels
// above the claim are kept in head and copied into each claim as its TRN
// opens it.
type claimStatusBuilder struct {
	set  *ig.SetResult
	head edigw.ClaimStatusResponse
	cur  *edigw.ClaimStatusResponse
	line *edigw.ClaimStatusLine
	done []*edigw.ClaimStatusResponse
}

func (b *claimStatusBuilder) take(s *ig.SetResult) []*edigw.ClaimStatusResponse {
	if b.set != s {
		return nil
	}
	b.close()
	out := b.done
	*b = claimStatusBuilder{}
	return out
}

func (b *claimStatusBuilder) close() {
	if b.cur != nil {
		b.done = append(b.done, b.cur)
	}
	b.cur, b.line = nil, nil
}

func (b *claimStatusBuilder) segment(ev *ig.Event) {
	if ev.Set == nil || ev.Walker == nil || ev.Match.Def == nil {
		return
	}
	if b.set != ev.Set {
		*b = claimStatusBuilder{set: ev.Set}
		if g := ev.Set.Group; g != nil && g.Interchange != nil {
			h := g.Interchange.Header
			b.head.InterchangeSender, b.head.InterchangeReceiver, b.head.InterchangeNumber = h.SenderID, h.ReceiverID, h.ControlNumber
		}
	}
	s, loop := ev.Seg, ev.Match.Loop.ID
	h := &b.head
	switch s.ID() {
	case "BHT":
		h.Reference, h.CreatedAt = s.String(3), s.String(4)+s.String(5)
	case "HL":
		b.close()
		switch s.String(3) {
		case "21": // a new receiver: its 2200B, and its providers', are its own
			h.ReceiverTrace, h.ReceiverStatuses, h.ProviderTrace, h.ProviderStatuses = "", nil, "", nil
		case "19": // a new provider: no 2100C of the one before is its own
			h.Provider, h.ProviderTrace, h.ProviderStatuses = edigw.Party{}, "", nil
		case "22":
			h.Subscriber, h.SubscriberIDQualifier, h.Patient = edigw.Person{}, "", nil
		case "23":
			h.Patient = &edigw.Person{}
		}
	case "NM1":
		b.nm1(s, loop)
	case "PER":
		if loop == "2100A" {
			h.Payer.Contact = contact(s)
		}
	case "DMG":
		p := &h.Subscriber
		if h.Patient != nil {
			p = h.Patient
		}
		p.BirthDate, p.Gender = s.String(2), s.String(3)
	case "SE":
		b.close()
	default:
		switch loop {
		case "2200B", "2200C":
			b.levelSegment(s, loop == "2200B")
		case "2200D", "2200E":
			b.claimSegment(s)
		case "2210D", "2210E", "2220D", "2220E":
			b.lineSegment(s)
		}
	}
}

func (b *claimStatusBuilder) nm1(s *edi.Segment, loop string) {
	h := &b.head
	switch loop {
	case "2100A":
		h.Payer = nm1Party(s)
		h.PayerID = edigw.PayerID(h.Payer.ID)
	case "2100B":
		h.Receiver = nm1Party(s)
	case "2100C":
		if h.Provider.ID == "" || s.String(8) == "XX" { // a second 2100C (277) adds an NPI
			h.Provider = nm1Party(s)
		}
	case "2100D":
		birth, gender := h.Subscriber.BirthDate, h.Subscriber.Gender
		h.Subscriber = person(s)
		h.Subscriber.Suffix, h.Subscriber.BirthDate, h.Subscriber.Gender = s.String(7), birth, gender
		if q := s.String(8); q != "MI" {
			h.SubscriberIDQualifier = q
		}
	case "2100E":
		if h.Patient == nil { // a set with errors may reach 2100E without its HL
			h.Patient = &edigw.Person{}
		}
		birth, gender := h.Patient.BirthDate, h.Patient.Gender
		p := person(s)
		p.Suffix, p.BirthDate, p.Gender, p.MemberID = s.String(7), birth, gender, ""
		*h.Patient = p
	}
}

func (b *claimStatusBuilder) claimSegment(s *edi.Segment) {
	if s.ID() == "TRN" {
		b.close()
		c := b.head
		// The level statuses are the head's until the next HL 21 or 19;
		// each claim gets its own copy.
		c.ReceiverStatuses, c.ProviderStatuses = slices.Clone(c.ReceiverStatuses), slices.Clone(c.ProviderStatuses)
		if c.Patient != nil {
			p := *c.Patient
			c.Patient = &p
		}
		if c.Payer.Contact != nil {
			ct := *c.Payer.Contact
			c.Payer.Contact = &ct
		}
		c.TraceNumber = s.String(2)
		b.cur = &c
		return
	}
	c := b.cur
	if c == nil {
		return
	}
	switch s.ID() {
	case "STC":
		c.Statuses = append(c.Statuses, claimStatusDetail(s))
	case "REF":
		v := s.String(2)
		switch s.String(1) {
		case "1K":
			c.PayerClaimControlNumber = v
		case "BLT":
			c.BillType = v
		case "EJ":
			c.PatientControlNumber = v
		case "XZ":
			c.Prescription = v
		case "VV":
			c.Voucher = v
		case "D9":
			c.ClearinghouseTrace = v
		}
	case "AMT":
		c.Charge = optionalAmount(s.String(2))
	case "DTP":
		c.ServiceDate = period(s.String(2), s.String(3))
	}
}

// levelSegment reads the 2200B (receiver) or 2200C (provider) loop of a
// 277: its TRN and STCs, which every claim below the level carries.
func (b *claimStatusBuilder) levelSegment(s *edi.Segment, receiver bool) {
	h := &b.head
	trace, statuses := &h.ProviderTrace, &h.ProviderStatuses
	if receiver {
		trace, statuses = &h.ReceiverTrace, &h.ReceiverStatuses
	}
	switch s.ID() {
	case "TRN":
		*trace = s.String(2)
	case "STC":
		*statuses = append(*statuses, claimStatusDetail(s))
	}
}

func (b *claimStatusBuilder) lineSegment(s *edi.Segment) {
	c := b.cur
	if c == nil {
		return
	}
	if s.ID() == "SVC" {
		l := edigw.ClaimStatusLine{
			Procedure:   edigw.Procedure{Qualifier: string(s.Component(1, 1)), Code: string(s.Component(1, 2)), Modifiers: procModifiers(s, 1)},
			Payment:     optionalAmount(s.String(3)),
			RevenueCode: s.String(4), Units: s.String(7),
		}
		l.Charge, _ = edigw.ParseAmount(s.String(2))
		c.Lines = append(c.Lines, l)
		b.line = &c.Lines[len(c.Lines)-1]
		return
	}
	l := b.line
	if l == nil {
		return
	}
	switch s.ID() {
	case "STC":
		l.Statuses = append(l.Statuses, claimStatusDetail(s))
	case "REF":
		l.ControlNumber = s.String(2)
	case "DTP":
		l.ServiceDate = period(s.String(2), s.String(3))
	}
}

// claimStatusDetail reads an STC of X212: C043 at STC01, STC10 and STC11,
// the effective date, and at the claim level the charge, the payment,
// the finalized and remittance dates and the remittance trace.
func claimStatusDetail(s *edi.Segment) edigw.ClaimStatusDetail {
	return edigw.ClaimStatusDetail{StatusCodes: stcCodes(s), Date: s.String(2), Charge: optionalAmount(s.String(4)), Payment: optionalAmount(s.String(5)),
		FinalizedDate: s.String(6), RemittanceDate: s.String(8), RemittanceTrace: s.String(9)}
}

// optionalAmount reads an amount that may be absent (validation has
// checked its form).
func optionalAmount(v string) *edigw.Amount {
	if v == "" {
		return nil
	}
	a, err := edigw.ParseAmount(v)
	if err != nil {
		return nil
	}
	return &a
}
