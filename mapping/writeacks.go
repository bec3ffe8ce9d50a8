package mapping

import (
	"fmt"
	"io"
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
)

// WriteTA1 writes TA1 acknowledgments (Kind TA1) as one interchange of
// TA1 segments; the envelope is env's, not the records'.
func WriteTA1(w io.Writer, env Envelope, acks []*edigw.Acknowledgment) error {
	if err := checkAcks(acks, edigw.AckTA1); err != nil {
		return err
	}
	o, err := env.beginInterchange(w)
	if err != nil {
		return err
	}
	for _, a := range acks {
		t := a.Interchange
		if o.err == nil {
			o.err = ack.WriteTA1Segment(o.ew, &ack.InterchangeAnswer{ControlNumber: t.ControlNumber, Date: t.Date, Time: t.Time,
				Code: t.Code, NoteCode: t.NoteCode})
		}
	}
	return o.finish()
}

// Write999 writes 999 acknowledgments (Kind 999) as one functional group
// (FA, 005010X231A1) holding a transaction set per record.
func Write999(w io.Writer, env Envelope, acks []*edigw.Acknowledgment) error {
	if err := checkAcks(acks, edigw.Ack999); err != nil {
		return err
	}
	o, err := env.begin(w, "FA", "005010X231A1")
	if err != nil {
		return err
	}
	for _, a := range acks {
		o.group999(a.Group)
	}
	return o.finish()
}

// group999 writes one 999 set with edi/ack's segment writer: the record
// becomes the writer's types, values as they are.
func (o *out) group999(g *edigw.GroupAck) {
	o.beginSet("999", o.version)
	if o.err == nil {
		o.err = ack.WriteAK1(o.ew, g.FunctionalID, g.ControlNumber, g.Version)
	}
	for i := range g.Sets {
		if o.err == nil {
			o.err = ack.WriteSetAnswer(o.ew, setAnswer(&g.Sets[i]))
		}
	}
	if o.err == nil {
		o.err = ack.WriteAK9(o.ew, g.Code, g.Included, g.Received, g.Accepted, g.Errors)
	}
	o.endSet()
}

// setAnswer is a 999 record's set as edi/ack writes it.
func setAnswer(s *edigw.SetAck) *ack.SetAnswer {
	a := &ack.SetAnswer{SetID: s.SetID, ControlNumber: s.ControlNumber, Convention: s.Convention, Code: s.Code, Errors: s.Errors}
	for _, se := range s.SegmentErrors {
		seg := ack.SegmentAnswer{SegmentID: se.SegmentID, Position: se.Position, Loop: se.Loop, Code: se.Code,
			Contexts: contexts(se.Contexts)}
		for _, ee := range se.Elements {
			seg.Elements = append(seg.Elements, ack.ElementAnswer{Position: ack.ElementPosition(ee.Position),
				Reference: ee.Reference, Code: ee.Code, BadValue: ee.BadValue, Contexts: contexts(ee.Contexts)})
		}
		a.Segments = append(a.Segments, seg)
	}
	return a
}

func contexts(cs []edigw.ErrorContext) []ack.Context {
	if len(cs) == 0 {
		return nil
	}
	out := make([]ack.Context, len(cs))
	for i, c := range cs {
		out[i] = ack.Context{SegmentID: c.SegmentID, Position: c.Position, Loop: c.Loop}
		for _, id := range c.IDs {
			out[i].IDs = append(out[i].IDs, ack.ContextID(id))
		}
		if c.Element != nil {
			p := ack.ElementPosition(*c.Element)
			out[i].Element = &p
		}
	}
	return out
}

// Write277CA writes 277CA acknowledgments (Kind 277CA) as one functional
// group (HN, 005010X214) holding a transaction set per record.
func Write277CA(w io.Writer, env Envelope, acks []*edigw.Acknowledgment) error {
	if err := checkAcks(acks, edigw.Ack277CA); err != nil {
		return err
	}
	o, err := env.begin(w, "HN", "005010X214")
	if err != nil {
		return err
	}
	for _, a := range acks {
		o.set277CA(a.Claims)
	}
	return o.finish()
}

// set277CA writes one 277CA set with edi/ack's level writer: the record
// becomes the writer's types, values as they are.
func (o *out) set277CA(ca *edigw.ClaimAcknowledgment) {
	o.beginSet("277", o.version)
	if o.err != nil {
		return
	}
	w := ack.NewClaimAckWriter(o.ew)
	w.Header(ca.Reference, ca.Date, ca.Time)
	for _, src := range ca.Sources {
		receipts := make([]ack.Receipt, len(src.Receipts))
		for i, r := range src.Receipts {
			receipts[i] = ack.Receipt(r)
		}
		w.Source(ackParty(or(src.SourceEntity, "PR"), src.Source), receipts)
		w.Receiver(ackParty("41", src.Receiver), src.BatchNumber, ackStatuses(src.Statuses), ackTotals(src.Totals), len(src.Providers) > 0)
		for _, p := range src.Providers {
			refs := make([]ack.Reference, len(p.References))
			for i, r := range p.References {
				refs[i] = ack.Reference{Qualifier: r.Qualifier, Value: r.Value}
			}
			w.Provider(ackParty("85", p.Provider), p.TraceNumber, ackStatuses(p.Statuses), refs, ackTotals(p.Totals), len(p.Patients) > 0)
			for _, pat := range p.Patients {
				pt := pat.Patient
				w.Patient(&ack.Party{Entity: "QC", Type: "1", Name: pt.LastName, First: pt.FirstName, Middle: pt.MiddleName,
					Suffix: pt.Suffix, IDQualifier: pat.IDQualifier, ID: pt.MemberID})
				for i := range pat.Claims {
					w.Claim(claimAnswer(&pat.Claims[i]))
				}
			}
		}
	}
	o.err = w.Err()
	o.endSet()
}

// ackParty is a party's NM1 as edi/ack writes it (NM102 as nm1 says).
func ackParty(entity string, p edigw.Party) *ack.Party {
	return &ack.Party{Entity: entity, Type: entityType(p), Name: p.Name, First: p.FirstName, Middle: p.MiddleName,
		Suffix: p.Suffix, IDQualifier: p.IDQualifier, ID: p.ID}
}

func claimAnswer(c *edigw.ClaimStatusInfo) *ack.ClaimAnswer {
	a := &ack.ClaimAnswer{PatientControlNumber: c.PatientControlNumber, Statuses: ackStatuses(c.Statuses),
		References:  given("1K", c.PayerClaimNumber, "D9", c.ClearinghouseTrace, "BLT", c.BillType),
		ServiceDate: ackPeriod(&c.ServiceDate)}
	for _, l := range c.Lines {
		a.Lines = append(a.Lines, ack.LineAnswer{Procedure: append([]string{l.Qualifier, l.Code}, l.Modifiers...),
			Charge: l.Charge.String(), RevenueCode: l.RevenueCode, Units: l.Units, Statuses: ackStatuses(l.Statuses),
			References:  given("FJ", l.LineItemNumber, "XZ", l.Prescription),
			ServiceDate: ackPeriod(l.ServiceDate)})
	}
	return a
}

// given are the references among qualifier, value pairs whose value is
// not empty.
func given(pairs ...string) []ack.Reference {
	var out []ack.Reference
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] != "" {
			out = append(out, ack.Reference{Qualifier: pairs[i], Value: pairs[i+1]})
		}
	}
	return out
}

func ackPeriod(p *edigw.Period) ack.Period {
	if p == nil {
		return ack.Period{}
	}
	return ack.Period{From: p.From, To: p.To}
}

func ackStatuses(sts []edigw.StatusInfo) []ack.Status {
	if len(sts) == 0 {
		return nil
	}
	out := make([]ack.Status, len(sts))
	for i, st := range sts {
		out[i] = ackStatus(st)
	}
	return out
}

// ackStatus is an STC as edi/ack writes it.
func ackStatus(st edigw.StatusInfo) ack.Status {
	s := ack.Status{Date: st.Date, Action: st.Action, Message: st.Message}
	for _, c := range st.Codes {
		s.Codes = append(s.Codes, []string{c.Category, c.Status, c.Entity, c.CodeList})
	}
	if st.Charge != nil {
		s.Charge = st.Charge.String()
	}
	return s
}

// ackTotals are a level's counts and amounts as edi/ack writes them.
func ackTotals(t edigw.AckTotals) *ack.Totals {
	var at ack.Totals
	if t.AcceptedClaims != nil {
		at.AcceptedClaims = strconv.Itoa(*t.AcceptedClaims)
	}
	if t.RejectedClaims != nil {
		at.RejectedClaims = strconv.Itoa(*t.RejectedClaims)
	}
	if t.AcceptedAmount != nil {
		at.AcceptedAmount = t.AcceptedAmount.String()
	}
	if t.RejectedAmount != nil {
		at.RejectedAmount = t.RejectedAmount.String()
	}
	return &at
}

// checkAcks refuses records of another kind, or without their part.
func checkAcks(acks []*edigw.Acknowledgment, kind edigw.AckKind) error {
	for i, a := range acks {
		ok := a != nil && a.Kind == kind
		if ok {
			switch kind {
			case edigw.AckTA1:
				ok = a.Interchange != nil
			case edigw.Ack999:
				ok = a.Group != nil
			case edigw.Ack277CA:
				ok = a.Claims != nil
			}
		}
		if !ok {
			return fmt.Errorf("mapping: acknowledgment %d is not a complete %s record", i+1, kind)
		}
	}
	return nil
}
