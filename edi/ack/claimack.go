package ack

import (
	"strconv"

	"github.com/edigw/edigw/edi"
)

// The 277CA's levels, written one way for both callers (see segments.go):
// the Acknowledger streams an 837 set's claims into them as it reads its
// spool, and mapping walks a 277CA record. ClaimAckWriter numbers the
// hierarchical levels (HL) as they come.

// Party is an NM1 of a 277CA: entity identifier (PR, 41, 85, QC), entity
// type (1 person, 2 organization), last or organization name, first and
// middle name, suffix, ID qualifier and ID.
type Party struct {
	Entity, Type                string
	Name, First, Middle, Suffix string
	IDQualifier, ID             string
}

// Receipt is a 2200A trace of the information source: TRN*1 with the
// dates it received (DTP*050) and processed (DTP*009) the batch.
type Receipt struct{ TraceNumber, Received, Processed string }

// Reference is a REF: qualifier and value.
type Reference struct{ Qualifier, Value string }

// Period is a DTP's date: D8 when To is empty, else RD8 From-To; nothing
// when From is empty.
type Period struct{ From, To string }

// ClaimAnswer is a 2200D claim status with its service lines (2220D).
type ClaimAnswer struct {
	PatientControlNumber string // TRN*2
	Statuses             []Status
	References           []Reference // 1K payer claim number, D9 clearinghouse trace, BLT bill type
	ServiceDate          Period      // DTP*472
	Lines                []LineAnswer
}

// LineAnswer is a 2220D service line status.
type LineAnswer struct {
	Procedure          []string // SVC01: qualifier, code, modifiers
	Charge             string   // SVC02
	RevenueCode, Units string   // SVC04, SVC07
	Statuses           []Status
	References         []Reference // FJ line item control number, XZ prescription
	ServiceDate        Period      // DTP*472
}

// ClaimAckWriter writes the body of one 277CA set, from BHT on, level by
// level; it keeps the first error (Err).
type ClaimAckWriter struct {
	w                          SegmentWriter
	hl                         int
	source, receiver, provider int // the open levels' HL numbers
	err                        error
}

// NewClaimAckWriter writes a 277CA body to w.
func NewClaimAckWriter(w SegmentWriter) *ClaimAckWriter { return &ClaimAckWriter{w: w} }

// Err is the first error a write met.
func (c *ClaimAckWriter) Err() error { return c.err }

func (c *ClaimAckWriter) write(id string, elems ...string) {
	if c.err == nil {
		c.err = c.w.WriteStrings(id, elems...)
	}
}

func (c *ClaimAckWriter) level(parent int, code string, children string) int {
	c.hl++
	p := ""
	if parent > 0 {
		p = strconv.Itoa(parent)
	}
	c.write("HL", strconv.Itoa(c.hl), p, code, children)
	return c.hl
}

func (c *ClaimAckWriter) nm1(p *Party) {
	c.write("NM1", p.Entity, p.Type, p.Name, p.First, p.Middle, "", p.Suffix, p.IDQualifier, p.ID)
}

func (c *ClaimAckWriter) statuses(sts []Status) {
	for i := range sts {
		if c.err == nil {
			c.err = WriteSTC(c.w, &sts[i])
		}
	}
}

func (c *ClaimAckWriter) references(refs []Reference) {
	for _, r := range refs {
		c.write("REF", r.Qualifier, r.Value)
	}
}

func (c *ClaimAckWriter) totals(accepted, rejected string, t *Totals) {
	if c.err == nil {
		c.err = WriteTotals(c.w, accepted, rejected, t)
	}
}

func (c *ClaimAckWriter) date(qualifier string, p Period) {
	switch {
	case p.From == "":
	case p.To == "":
		c.write("DTP", qualifier, "D8", p.From)
	default:
		c.write("DTP", qualifier, "RD8", p.From+"-"+p.To)
	}
}

// Header writes the BHT: the batch's reference, date and time.
func (c *ClaimAckWriter) Header(reference, date, time string) {
	c.write("BHT", "0085", "08", reference, date, time, "TH")
}

// Source opens a 2000A information source (the payer or clearinghouse
// that answers) with its receipts.
func (c *ClaimAckWriter) Source(p *Party, receipts []Receipt) {
	c.source = c.level(0, "20", "1")
	c.nm1(p)
	for _, r := range receipts {
		c.write("TRN", "1", r.TraceNumber)
		c.write("DTP", "050", "D8", r.Received)
		c.write("DTP", "009", "D8", r.Processed)
	}
}

// Receiver opens the 2000B information receiver (the submitter) with its
// batch (TRN*2), the batch's statuses and totals (QTY 90/AA).
func (c *ClaimAckWriter) Receiver(p *Party, batchNumber string, statuses []Status, t *Totals, providers bool) {
	c.receiver = c.level(c.source, "21", children(providers))
	c.nm1(p)
	c.write("TRN", "2", batchNumber)
	c.statuses(statuses)
	c.totals("90", "AA", t)
}

// Provider opens a 2000C billing provider; its 2200C (TRN*1, statuses,
// references, totals QA/QC) is written when traceNumber is not empty.
func (c *ClaimAckWriter) Provider(p *Party, traceNumber string, statuses []Status, refs []Reference, t *Totals, patients bool) {
	c.provider = c.level(c.receiver, "19", children(patients))
	c.nm1(p)
	if traceNumber == "" {
		return
	}
	c.write("TRN", "1", traceNumber)
	c.statuses(statuses)
	c.references(refs)
	c.totals("QA", "QC", t)
}

// Patient opens a 2000D patient under the open provider.
func (c *ClaimAckWriter) Patient(p *Party) {
	c.level(c.provider, "PT", "")
	c.nm1(p)
}

// Claim writes a 2200D claim of the open patient, with its lines.
func (c *ClaimAckWriter) Claim(a *ClaimAnswer) {
	c.write("TRN", "2", a.PatientControlNumber)
	c.statuses(a.Statuses)
	c.references(a.References)
	c.date("472", a.ServiceDate)
	for i := range a.Lines {
		l := &a.Lines[i]
		if c.err == nil {
			c.err = c.w.Write("SVC", edi.Composite(l.Procedure...), edi.Simple(l.Charge), edi.Simple(""),
				edi.Simple(l.RevenueCode), edi.Simple(""), edi.Simple(""), edi.Simple(l.Units))
		}
		c.statuses(l.Statuses)
		c.references(l.References)
		c.date("472", l.ServiceDate)
	}
}

func children(yes bool) string {
	if yes {
		return "1"
	}
	return "0"
}
