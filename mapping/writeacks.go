package mapping

import (
	"fmt"
	"io"
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
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
			o.err = o.ew.WriteInterchangeSegment("TA1", t.ControlNumber, t.Date, t.Time, t.Code, t.NoteCode)
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

func (o *out) group999(g *edigw.GroupAck) {
	o.beginSet("999", o.version)
	o.seg("AK1", g.FunctionalID, g.ControlNumber, g.Version)
	for _, s := range g.Sets {
		o.seg("AK2", s.SetID, s.ControlNumber, s.Convention)
		for _, se := range s.SegmentErrors {
			o.seg("IK3", se.SegmentID, strconv.Itoa(se.Position), se.Loop, se.Code)
			for _, c := range se.Contexts {
				o.ctx(c)
			}
			for _, ee := range se.Elements {
				o.segE("IK4", elementPositionElem(ee.Position), edi.Simple(ee.Reference), edi.Simple(ee.Code), edi.Simple(ee.BadValue))
				for _, c := range ee.Contexts {
					o.ctx(c)
				}
			}
		}
		o.seg("IK5", append([]string{s.Code}, s.Errors...)...)
	}
	ak9 := []string{g.Code, strconv.Itoa(g.Included), strconv.Itoa(g.Received), strconv.Itoa(g.Accepted)}
	o.seg("AK9", append(ak9, g.Errors...)...)
	o.endSet()
}

// ctx writes a CTX: its C998 pairs, then where the triggering segment is.
func (o *out) ctx(c edigw.ErrorContext) {
	reps := make([][]string, len(c.IDs))
	for i, id := range c.IDs {
		reps[i] = []string{id.Name, id.Reference}
	}
	elems := []edi.Elem{edi.Repeated(reps...)}
	if c.SegmentID != "" {
		elems = append(elems, edi.Simple(c.SegmentID), edi.Simple(strconv.Itoa(c.Position)), edi.Simple(c.Loop))
		if c.Element != nil {
			elems = append(elems, elementPositionElem(*c.Element))
		}
	}
	o.segE("CTX", elems...)
}

// elementPositionElem writes a C030: element, then component and
// repetition when given.
func elementPositionElem(p edigw.ElementPosition) edi.Elem {
	c := []string{strconv.Itoa(p.Element), "", ""}
	if p.Component > 0 {
		c[1] = strconv.Itoa(p.Component)
	}
	if p.Repetition > 0 {
		c[2] = strconv.Itoa(p.Repetition)
	}
	return edi.Composite(c...)
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

// stc writes a status: codes at STC01, STC10 and STC11.
func (o *out) stc(st edigw.StatusInfo) {
	elems := make([]edi.Elem, 12)
	for i := range elems {
		elems[i] = edi.Simple("")
	}
	for i, c := range st.Codes {
		if i > 2 {
			break
		}
		elems[[...]int{0, 9, 10}[i]] = edi.Composite(c.Category, c.Status, c.Entity, c.CodeList)
	}
	elems[1], elems[2], elems[11] = edi.Simple(st.Date), edi.Simple(st.Action), edi.Simple(st.Message)
	if st.Charge != nil {
		elems[3] = edi.Simple(st.Charge.String())
	}
	o.segE("STC", elems...)
}

// totals writes the QTY and AMT of accepted and rejected claims.
func (o *out) totals(t edigw.AckTotals, accepted, rejected string) {
	if t.AcceptedClaims != nil {
		o.seg("QTY", accepted, strconv.Itoa(*t.AcceptedClaims))
	}
	if t.RejectedClaims != nil {
		o.seg("QTY", rejected, strconv.Itoa(*t.RejectedClaims))
	}
	if t.AcceptedAmount != nil {
		o.seg("AMT", "YU", t.AcceptedAmount.String())
	}
	if t.RejectedAmount != nil {
		o.seg("AMT", "YY", t.RejectedAmount.String())
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
