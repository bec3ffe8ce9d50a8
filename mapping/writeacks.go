package mapping

import (
	"fmt"
	"io"
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
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

// hl numbers the hierarchical levels of one set.
type hl struct{ n int }

func (h *hl) next() int { h.n++; return h.n }

func (o *out) set277CA(ca *edigw.ClaimAcknowledgment) {
	o.beginSet("277", o.version)
	o.seg("BHT", "0085", "08", ca.Reference, ca.Date, ca.Time, "TH")
	var h hl
	for _, src := range ca.Sources {
		srcHL := h.next()
		o.seg("HL", strconv.Itoa(srcHL), "", "20", "1")
		o.nm1(or(src.SourceEntity, "PR"), src.Source)
		for _, r := range src.Receipts {
			o.seg("TRN", "1", r.TraceNumber)
			o.seg("DTP", "050", "D8", r.Received)
			o.seg("DTP", "009", "D8", r.Processed)
		}
		rcvHL := h.next()
		o.seg("HL", strconv.Itoa(rcvHL), strconv.Itoa(srcHL), "21", hasChildren(len(src.Providers)))
		o.nm1("41", src.Receiver)
		o.seg("TRN", "2", src.BatchNumber)
		for _, st := range src.Statuses {
			o.stc(st)
		}
		o.totals(src.Totals, "90", "AA")
		for _, p := range src.Providers {
			o.provider277(&h, rcvHL, p)
		}
	}
	o.endSet()
}

func (o *out) provider277(h *hl, parent int, p edigw.ProviderStatus) {
	provHL := h.next()
	o.seg("HL", strconv.Itoa(provHL), strconv.Itoa(parent), "19", hasChildren(len(p.Patients)))
	o.nm1("85", p.Provider)
	if p.TraceNumber != "" {
		o.seg("TRN", "1", p.TraceNumber)
		for _, st := range p.Statuses {
			o.stc(st)
		}
		for _, r := range p.References {
			o.seg("REF", r.Qualifier, r.Value)
		}
		o.totals(p.Totals, "QA", "QC")
	}
	for _, pat := range p.Patients {
		o.seg("HL", strconv.Itoa(h.next()), strconv.Itoa(provHL), "PT")
		pt := pat.Patient
		o.seg("NM1", "QC", "1", pt.LastName, pt.FirstName, pt.MiddleName, "", pt.Suffix, pat.IDQualifier, pt.MemberID)
		for _, c := range pat.Claims {
			o.claim277(c)
		}
	}
}

func (o *out) claim277(c edigw.ClaimStatusInfo) {
	o.seg("TRN", "2", c.PatientControlNumber)
	for _, st := range c.Statuses {
		o.stc(st)
	}
	for _, r := range [...][2]string{{"1K", c.PayerClaimNumber}, {"D9", c.ClearinghouseTrace}, {"BLT", c.BillType}} {
		if r[1] != "" {
			o.seg("REF", r[0], r[1])
		}
	}
	o.dtp("472", &c.ServiceDate)
	for _, l := range c.Lines {
		units := l.Units
		o.segE("SVC", procedure(l.Qualifier, l.Code, l.Modifiers), edi.Simple(l.Charge.String()), edi.Simple(""),
			edi.Simple(l.RevenueCode), edi.Simple(""), edi.Simple(""), edi.Simple(units))
		for _, st := range l.Statuses {
			o.stc(st)
		}
		if l.LineItemNumber != "" {
			o.seg("REF", "FJ", l.LineItemNumber)
		}
		if l.Prescription != "" {
			o.seg("REF", "XZ", l.Prescription)
		}
		o.dtp("472", l.ServiceDate)
	}
}

// stc writes a status with edi/ack's segment writer.
func (o *out) stc(st edigw.StatusInfo) {
	s := ack.Status{Date: st.Date, Action: st.Action, Message: st.Message}
	for _, c := range st.Codes {
		s.Codes = append(s.Codes, []string{c.Category, c.Status, c.Entity, c.CodeList})
	}
	if st.Charge != nil {
		s.Charge = st.Charge.String()
	}
	if o.err == nil {
		o.err = ack.WriteSTC(o.ew, &s)
	}
}

// totals writes the QTY and AMT of accepted and rejected claims with
// edi/ack's segment writer.
func (o *out) totals(t edigw.AckTotals, accepted, rejected string) {
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
	if o.err == nil {
		o.err = ack.WriteTotals(o.ew, accepted, rejected, &at)
	}
}

func hasChildren(n int) string {
	if n > 0 {
		return "1"
	}
	return "0"
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
