package mapping

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ack"
)

// Envelope says who a generated file is from and to, and where its control
// numbers come from. Records carry the business content; the envelope is
// the trading-partner agreement around it.
type Envelope struct {
	SenderQualifier   string // ISA05 (default ZZ)
	SenderID          string // ISA06; GS02 too
	ReceiverQualifier string // ISA07 (default ZZ)
	ReceiverID        string // ISA08; GS03 too
	Usage             string // ISA15: P production (default), T test
	GroupSenderID     string // GS02 (default SenderID)
	GroupReceiverID   string // GS03 (default ReceiverID)
	// Numbers allocates ISA13, GS06 and ST02 per sender and receiver.
	// Required. The writers call it without a context of theirs: the
	// clearinghouse hands them numbers its ledger allocated before
	// (clearinghouse/outbound.go), the commands an ack.Sequence.
	Numbers    ack.ControlNumbers
	Now        func() time.Time
	Delimiters edi.Delimiters // default * ^ : ~
	Newline    bool           // a line feed after each segment, for people
	// MaxPerSet bounds the claims in one 837 transaction set (default and
	// at most 5000, the guide's recommendation).
	MaxPerSet int
}

// MaxClaimsPerSet is the X12 837 guides' recommended limit of claims (2300
// loops) per transaction set.
const MaxClaimsPerSet = 5000

func (e *Envelope) now() time.Time {
	if e.Now != nil {
		return e.Now().UTC()
	}
	return time.Now().UTC()
}

func (e *Envelope) perSet() int {
	if e.MaxPerSet <= 0 || e.MaxPerSet > MaxClaimsPerSet {
		return MaxClaimsPerSet
	}
	return e.MaxPerSet
}

// out writes one interchange holding one functional group, remembering the
// first error so the record writers can emit a run of segments and check
// once, the way bufio.Writer does.
type out struct {
	env     *Envelope
	ew      *edi.EnvelopeWriter
	version string
	group   bool // a functional group is open
	now     time.Time
	sets    int
	err     error
}

// begin opens the interchange and the group for a functional ID (HC, HP,
// HI, FA ...) and a guide version.
func (e *Envelope) begin(w io.Writer, functionalID, version string) (*out, error) {
	o, err := e.beginInterchange(w)
	if err != nil {
		return nil, err
	}
	gs, err := e.Numbers.Next(context.Background(), ack.GroupNumber, e.SenderID, e.ReceiverID)
	if err != nil {
		return nil, fmt.Errorf("mapping: allocating GS06: %w", err)
	}
	o.version, o.group = version, true
	err = o.ew.BeginGroup(edi.GroupHeader{FunctionalID: functionalID, Sender: or(e.GroupSenderID, e.SenderID), Receiver: or(e.GroupReceiverID, e.ReceiverID),
		Date: o.now.Format("20060102"), Time: o.now.Format("1504"), ControlNumber: strconv.FormatInt(gs, 10), Version: version})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// beginInterchange opens an interchange without a group: what TA1s travel in.
func (e *Envelope) beginInterchange(w io.Writer) (*out, error) {
	if e.Numbers == nil {
		return nil, errors.New("mapping: Envelope.Numbers is required to write a file")
	}
	if e.SenderID == "" || e.ReceiverID == "" {
		return nil, errors.New("mapping: Envelope needs a sender and a receiver ID")
	}
	d := e.Delimiters
	if d == (edi.Delimiters{}) {
		d = edi.DefaultDelimiters
	}
	wr := edi.NewWriter(w, d)
	wr.Newline = e.Newline
	o := &out{env: e, ew: edi.NewEnvelopeWriter(wr), now: e.now()}
	isa, err := e.Numbers.Next(context.Background(), ack.InterchangeNumber, e.SenderID, e.ReceiverID)
	if err != nil {
		return nil, fmt.Errorf("mapping: allocating ISA13: %w", err)
	}
	usage := e.Usage
	if usage == "" {
		usage = "P"
	}
	err = o.ew.BeginInterchange(edi.InterchangeHeader{
		SenderQualifier: or(e.SenderQualifier, "ZZ"), SenderID: e.SenderID,
		ReceiverQualifier: or(e.ReceiverQualifier, "ZZ"), ReceiverID: e.ReceiverID,
		Date: o.now.Format("060102"), Time: o.now.Format("1504"),
		ControlNumber: fmt.Sprintf("%09d", isa), Usage: usage,
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// beginSet opens a transaction set with the next ST02; convention is ST03
// (empty where the guide marks it Not Used, as X221A1 does). It returns
// ST02, which BHT03 often repeats.
func (o *out) beginSet(id, convention string) string {
	if o.err != nil {
		return ""
	}
	n, err := o.env.Numbers.Next(context.Background(), ack.SetNumber, o.env.SenderID, o.env.ReceiverID)
	if err != nil {
		o.err = fmt.Errorf("mapping: allocating ST02: %w", err)
		return ""
	}
	o.sets++
	st02 := fmt.Sprintf("%04d", n)
	o.err = o.ew.BeginSet(edi.SetHeader{ID: id, ControlNumber: st02, Convention: convention})
	return st02
}

func (o *out) endSet() {
	if o.err == nil {
		o.err = o.ew.EndSet()
	}
}

// finish closes the group and the interchange.
func (o *out) finish() error {
	if o.err == nil && o.group {
		o.err = o.ew.EndGroup()
	}
	if o.err == nil {
		o.err = o.ew.EndInterchange()
	}
	return o.err
}

// seg writes a segment of simple elements; trailing empty ones are dropped.
func (o *out) seg(id string, elems ...string) {
	if o.err == nil {
		o.err = o.ew.WriteStrings(id, elems...)
	}
}

// segE writes a segment with composite or repeated elements.
func (o *out) segE(id string, elems ...edi.Elem) {
	if o.err == nil {
		o.err = o.ew.Write(id, elems...)
	}
}

// nm1 writes a party's NM1 with the entity identifier code; NM102 is 1 for
// a person (a first name or an explicit entity type 1) and 2 otherwise.
func (o *out) nm1(entity string, p edigw.Party) {
	o.seg("NM1", entity, entityType(p), p.Name, p.FirstName, p.MiddleName, "", p.Suffix, p.IDQualifier, p.ID)
}

func entityType(p edigw.Party) string {
	if p.EntityType != "" {
		return p.EntityType
	}
	if p.FirstName != "" {
		return "1"
	}
	return "2"
}

// personNM1 writes a subscriber's or patient's NM1 (entity IL or QC).
func (o *out) personNM1(entity string, p edigw.Person) {
	q := ""
	if p.MemberID != "" {
		q = "MI"
	}
	o.seg("NM1", entity, "1", p.LastName, p.FirstName, p.MiddleName, "", p.Suffix, q, p.MemberID)
}

// address writes N3 and N4 when there is an address: each only when it
// has something to say (an address read from an N4 without N3 has no
// lines, and a bare N3 would not validate).
func (o *out) address(a *edigw.Address) {
	if a == nil {
		return
	}
	if a.Line1 != "" || a.Line2 != "" {
		o.seg("N3", a.Line1, a.Line2)
	}
	if a.City != "" || a.State != "" || a.PostalCode != "" || a.Country != "" {
		o.seg("N4", a.City, a.State, a.PostalCode, a.Country)
	}
}

// dmg writes a demographic segment when a birth date or gender is known.
func (o *out) dmg(p edigw.Person) {
	if p.BirthDate != "" || p.Gender != "" {
		o.seg("DMG", "D8", p.BirthDate, p.Gender)
	}
}

// per writes a contact: PER01 function code, name, then up to three
// communication numbers (TE phone, EM email, FX fax).
func (o *out) per(function string, c *edigw.Contact) {
	if c == nil {
		return
	}
	elems := []string{function, c.Name}
	for _, n := range [...][2]string{{"TE", c.Phone}, {"EM", c.Email}, {"FX", c.Fax}, {"UR", c.URL}} {
		if n[1] != "" && len(elems) < 8 {
			elems = append(elems, n[0], n[1])
		}
	}
	o.seg("PER", elems...)
}

// dtp writes a DTP with D8 for a single date and RD8 for a range.
func (o *out) dtp(qualifier string, p *edigw.Period) {
	if p == nil || p.From == "" {
		return
	}
	if p.To == "" {
		o.seg("DTP", qualifier, "D8", p.From)
		return
	}
	o.seg("DTP", qualifier, "RD8", p.From+"-"+p.To)
}

// procedure builds a composite procedure identifier: qualifier, code and
// up to four modifiers.
func procedure(qualifier, code string, modifiers []string) edi.Elem {
	c := append([]string{qualifier, code}, modifiers...)
	return edi.Composite(c...)
}

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
