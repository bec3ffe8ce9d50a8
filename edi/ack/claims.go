package ack

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
	"github.com/edigw/edigw/internal/spool"
)

// Claim is what a 277CA says about one claim of an 837, collected while the
// 837 is validated.
type Claim struct {
	PatientControlNumber string // CLM01
	Charge               string // CLM02
	PatientLast          string // NM103 of the patient (2010CA), or of the subscriber (2010BA)
	PatientFirst         string
	MemberID             string // NM109 of the subscriber (2010BA)
	ServiceFrom          string // CCYYMMDD, from DTP*472/434 (claim or lines)
	ServiceTo            string
	Provider             *Provider // the billing provider (2010AA)
	// provider numbers the billing provider levels (HL*20) of the set
	// from 1 (0: none): claims of one level share it, as a 277CA's 2000C
	// groups them.
	provider int
	// ranges are the set positions (SetIndex, [from, to)) whose errors
	// reject this claim: its billing provider, subscriber and patient
	// levels and the claim itself.
	ranges [][2]int
	// rangeBuf holds the ranges of a claim being collected (at most four:
	// the claim and three levels).
	rangeBuf [4][2]int
	// Errors are the errors that reject the claim (empty: accepted).
	Errors []*edi.Error
}

// Rejected reports whether the claim has errors.
func (c *Claim) Rejected() bool { return len(c.Errors) > 0 }

// RejectionStatus is the STC01 the 277CA gives claim c when it rejects it
// (category:status[:entity]), as rejection writes it: its first error's
// own status when a business rule brings one (A7:562:85), else A3:21; ""
// when c is accepted.
func (c *Claim) RejectionStatus() string {
	if !c.Rejected() {
		return ""
	}
	if e := c.Errors[0]; e.Code.Kind == edi.STC {
		return e.Code.Value
	}
	return "A3:21" // stcRejected
}

// contains reports whether set position at is within the claim's levels.
func (c *Claim) contains(at int) bool {
	for _, r := range c.ranges {
		if at >= r[0] && at < r[1] {
			return true
		}
	}
	return false
}

// Provider is a billing provider of an 837 (2010AA).
type Provider struct {
	Name, IDQualifier, ID string
}

// claimsInMemory is how many claims of a set wait in memory (a few
// hundred bytes each); those beyond wait in a spool. A variable so that
// tests can send every claim through the spool.
var claimsInMemory = 10_000

// Claims is what a 277CA needs of one 837 set besides its claims. The
// first claimsInMemory claims wait in memory, the others in a spool (on
// disk past 64 KB), so one set of a hundred thousand claims costs no more
// memory than one of ten thousand: read them with Each, in set order, each
// with its errors; Close when done.
type Claims struct {
	Set       *ig.SetResult
	Reference string // BHT03
	Submitter struct{ Name, ID string }
	Receiver  struct{ Name, ID string }
	// Outside are errors not within any claim's levels (the header,
	// submitter, receiver): they reject the whole set.
	Outside []*edi.Error

	n   int
	mem []*Claim // the first claims
	// slabs are where a PlacesOnly collector carved mem's claims from: it
	// takes them back when the Claims are closed (recycle).
	slabs [][]Claim
	data  *spool.Buffer // the others, encoded (claimrecord.go)
	// within are the set's kept errors that may lie within claims (in set
	// order); each claim's Errors are those of them within its levels.
	within []*edi.Error
	// first names, for each position of those errors, the first claim
	// whose levels contain it (a 999's CTX*CLM01).
	first map[int]string
}

// Len is the number of claims.
func (cs *Claims) Len() int { return cs.n }

// Each calls f with every claim, in set order, its Errors assigned. The
// Claim is valid only during the call.
func (cs *Claims) Each(f func(*Claim) error) error {
	for _, c := range cs.mem {
		if err := f(cs.place(c)); err != nil {
			return err
		}
	}
	spooled := cs.n - len(cs.mem)
	if spooled == 0 {
		return nil
	}
	r := bufio.NewReaderSize(cs.data.Reader(), 32<<10)
	for range spooled {
		c, err := readClaim(r)
		if err != nil {
			return fmt.Errorf("ack: reading back the spooled claims: %w", err)
		}
		if err := f(cs.place(c)); err != nil {
			return err
		}
	}
	return nil
}

// place gives c the errors within its levels.
func (cs *Claims) place(c *Claim) *Claim {
	c.Errors = nil
	for _, e := range cs.within {
		if c.contains(placeAt(e)) {
			c.Errors = append(c.Errors, e)
		}
	}
	return c
}

// placeAt is the set position by which an error is placed on a claim: the
// segment in error, or for a required segment or loop found missing, the
// last segment of the loop it is missing from (edi.Error.LastInLoop). The
// walker finds such a segment missing only at the segment after the loop,
// which may be the next claim's CLM or HL, or SE: placed by that, a DTP*472
// missing from a claim's last line would reject the next claim, another
// patient's, or the whole set.
func placeAt(e *edi.Error) int {
	if e.Code == edi.SegRequiredMissing && e.LastInLoop > 0 {
		return e.LastInLoop
	}
	return e.Pos.SetIndex
}

// AnyRejected reports whether some claim has errors (Each would give it
// Errors): when none has, a caller need not read the claims back.
func (cs *Claims) AnyRejected() bool { return len(cs.first) > 0 }

// ClaimAt is the CLM01 of the first claim whose levels hold set position
// at, among the positions by which the set's kept errors are placed
// (placeAt; "" for any other).
func (cs *Claims) ClaimAt(at int) string { return cs.first[at] }

// Close frees the spool.
func (cs *Claims) Close() {
	if cs.data != nil {
		cs.data.Close()
	}
}

// ClaimCollector gathers the claims of every 837 set from a Validator's
// segment events and places each set's errors on them: an ig.Handler
// (the Acknowledger holds one; a caller that acknowledges nothing puts
// one in its Validator's Handlers) whose Claims answers in SetEnd. It
// holds one set's claims at a time, in a spool.
type ClaimCollector struct {
	ig.NopHandler
	// PlacesOnly keeps only where each claim's levels are, which is all
	// that placing errors and a verdict (Disposition, Each's Errors and
	// RejectionStatus) read: no claim's numbers, names, dates or
	// provider, and no submitter, receiver or BHT03, which only a 277CA
	// writes. mapping's Mapper collects so when no Acknowledger does.
	PlacesOnly bool
	slab       []Claim   // PlacesOnly: where claims are carved from
	spare      [][]Claim // PlacesOnly: slabs of closed sets, to carve again
	spill      Claim     // PlacesOnly: the claim past claimsInMemory, spooled as it closes
	cur        *Claims   // the open set's, being collected
	placed     *Claims   // the last set's, its errors placed (Claims)

	provider   *Provider
	providers  int
	provStart  int
	provEnd    int
	subStart   int
	subEnd     int
	patStart   int
	patEnd     int
	claim      *Claim
	subLast    string
	subFirst   string
	member     string
	patLast    string
	patFirst   string
	hasPatient bool
	rec        []byte // encoding scratch
}

// Segment takes one validator event.
func (c *ClaimCollector) Segment(ev *ig.Event) {
	if ev.Set == nil || ev.Walker == nil {
		return
	}
	if c.placed != nil && c.placed.Set != ev.Set {
		c.recycle(c.placed) // a new set: the last one's claims were answered
		c.placed = nil
	}
	if ev.Set.Header.ID != "837" {
		return
	}
	if c.cur == nil || c.cur.Set != ev.Set {
		if c.cur != nil {
			c.recycle(c.cur) // a set never taken
		}
		c.cur = &Claims{Set: ev.Set, data: &spool.Buffer{}}
		c.provider, c.claim, c.providers = nil, nil, 0
		c.slab = nil // a set's claims come from slabs of its own
	}
	s := ev.Seg
	pos := s.Pos.SetIndex
	if c.PlacesOnly {
		c.place(s, pos)
		return
	}
	w := ev.Walker
	switch s.ID() {
	case "BHT":
		c.cur.Reference = s.String(3)
	case "NM1":
		switch string(s.Element(1)) {
		case "41":
			c.cur.Submitter.Name, c.cur.Submitter.ID = s.String(3), s.String(9)
		case "40":
			c.cur.Receiver.Name, c.cur.Receiver.ID = s.String(3), s.String(9)
		case "85":
			if c.provider != nil && w.InLoop("2010AA") {
				c.provider.Name, c.provider.IDQualifier, c.provider.ID = s.String(3), s.String(8), s.String(9)
			}
		case "IL":
			if w.InLoop("2010BA") {
				c.subLast, c.subFirst, c.member = s.String(3), s.String(4), s.String(9)
			}
		case "QC":
			if w.InLoop("2010CA") {
				c.patLast, c.patFirst, c.hasPatient = s.String(3), s.String(4), true
			}
		}
	case "HL":
		c.hl(s, pos)
		switch string(s.Element(3)) {
		case "22":
			c.subLast, c.subFirst, c.member, c.hasPatient = "", "", "", false
		case "23":
			c.patLast, c.patFirst, c.hasPatient = "", "", false
		}
	case "CLM":
		c.clm(pos)
		last, first := c.subLast, c.subFirst
		if c.hasPatient {
			last, first = c.patLast, c.patFirst
		}
		c.claim = &Claim{PatientControlNumber: s.String(1), Charge: s.String(2), PatientLast: last, PatientFirst: first,
			MemberID: c.member, Provider: c.provider}
		c.levels(pos)
	case "DTP":
		if c.claim != nil && (w.InLoop("2300") || w.InLoop("2400")) {
			q := string(s.Element(1))
			if q == "472" || q == "434" {
				c.claim.widen(string(s.Element(2)), string(s.Element(3)))
			}
		}
	case "SE":
		c.closeClaim(pos)
	}
}

// place follows the levels and claims of an 837 as Segment does, keeping
// only where they are (PlacesOnly).
func (c *ClaimCollector) place(s *edi.Segment, pos int) {
	switch s.ID() {
	case "HL":
		c.hl(s, pos)
	case "CLM":
		c.clm(pos)
		// Carved from a slab: a set's claims are its largest number of
		// small objects, and places are all they hold here. The slabs of a
		// set whose claims were answered are carved again (recycle), so
		// that a file's claims do not cost a new slab each 256 (some 65 MB
		// of a 100 MB 837P, and the collections they bring). A claim past
		// those kept in memory is spooled when it closes: one serves them
		// all.
		switch {
		case len(c.cur.mem) >= claimsInMemory:
			c.spill = Claim{}
			c.claim = &c.spill
		default:
			if len(c.slab) == cap(c.slab) {
				c.slab = c.newSlab()
				c.cur.slabs = append(c.cur.slabs, c.slab)
			}
			c.slab = c.slab[:len(c.slab)+1]
			c.claim = &c.slab[len(c.slab)-1]
		}
		c.levels(pos)
	case "SE":
		c.closeClaim(pos)
	}
}

// hl follows an 837's levels at its HL at pos: the open claim ends, and a
// billing provider (20), subscriber (22) or patient (23) level begins,
// ending the levels above it that had none of their own below.
func (c *ClaimCollector) hl(s *edi.Segment, pos int) {
	c.closeClaim(pos)
	switch string(s.Element(3)) {
	case "20":
		c.provider = &Provider{}
		c.providers++
		c.provStart, c.provEnd = pos, pos
	case "22":
		if c.provEnd == c.provStart {
			c.provEnd = pos
		}
		c.subStart, c.subEnd = pos, pos
		c.patStart, c.patEnd = 0, 0
	case "23":
		if c.subEnd == c.subStart {
			c.subEnd = pos // the subscriber's own levels end at its first patient
		}
		c.patStart, c.patEnd = pos, pos
	}
}

// clm follows an 837's levels at its CLM at pos: the open claim ends, and
// so do the patient's (else the subscriber's) own levels if this is its
// first claim.
func (c *ClaimCollector) clm(pos int) {
	c.closeClaim(pos)
	if c.patStart > 0 && c.patEnd == c.patStart {
		c.patEnd = pos
	} else if c.subEnd == c.subStart {
		c.subEnd = pos
	}
}

// levels gives the new claim at pos its ranges: itself, then its billing
// provider's, subscriber's and patient's levels.
func (c *ClaimCollector) levels(pos int) {
	if c.provider != nil {
		c.claim.provider = c.providers
	}
	c.claim.ranges = append(c.claim.rangeBuf[:0], [2]int{pos, 1 << 30})
	if c.provider != nil {
		c.claim.ranges = append(c.claim.ranges, [2]int{c.provStart, max(c.provEnd, c.provStart+1)})
	}
	if c.subStart > 0 {
		c.claim.ranges = append(c.claim.ranges, [2]int{c.subStart, max(c.subEnd, c.subStart+1)})
	}
	if c.patStart > 0 {
		c.claim.ranges = append(c.claim.ranges, [2]int{c.patStart, max(c.patEnd, c.patStart+1)})
	}
}

// closeClaim ends the open claim's own range before pos and spools it:
// its levels, the provider's included, are all known by now.
func (c *ClaimCollector) closeClaim(pos int) {
	if c.claim == nil {
		return
	}
	c.claim.ranges[0][1] = pos
	if len(c.cur.mem) < claimsInMemory {
		c.cur.mem = append(c.cur.mem, c.claim)
	} else {
		c.rec = appendClaim(c.rec[:0], c.claim)
		_, _ = c.cur.data.Write(c.rec) // an error stays in the Buffer: take reports it
	}
	c.cur.n++
	c.claim = nil
}

// widen extends the claim's service period with a D8 or RD8 date.
func (c *Claim) widen(format, v string) {
	from, to := "", ""
	switch {
	case format == "D8" && len(v) == 8:
		from, to = v, v
	case format == "RD8" && len(v) == 17:
		from, to = v[:8], v[9:]
	default:
		return
	}
	if c.ServiceFrom == "" || from < c.ServiceFrom {
		c.ServiceFrom = from
	}
	if to > c.ServiceTo {
		c.ServiceTo = to
	}
}

// Claims returns the claims of set s, the set that ended last, with
// each claim's errors assigned: call it in SetEnd, once every CheckSet
// has added its errors to s. It returns nil for a set that is not an 837.
// The Claims stay valid until the next set's segments or Close, and every
// call for s returns the same ones: the Acknowledger's 999 and 277CA and
// a mapper's rejected claims come from one placing.
func (c *ClaimCollector) Claims(s *ig.SetResult) (*Claims, error) {
	if c.placed != nil && c.placed.Set == s {
		return c.placed, nil
	}
	cs, err := c.take(s)
	if err != nil || cs == nil {
		return nil, err
	}
	if c.placed != nil {
		c.recycle(c.placed)
	}
	c.placed = cs
	return cs, nil
}

// Close frees the claims held.
func (c *ClaimCollector) Close() {
	for _, cs := range []*Claims{c.cur, c.placed} {
		if cs != nil {
			c.recycle(cs)
		}
	}
	c.cur, c.placed = nil, nil
}

// claimSlab is how many claims a PlacesOnly collector carves from one
// allocation.
const claimSlab = 256

// newSlab is an empty slab of zero claims: a spare one, else a new one.
func (c *ClaimCollector) newSlab() []Claim {
	if n := len(c.spare); n > 0 {
		s := c.spare[n-1]
		c.spare = c.spare[:n-1]
		clear(s[:cap(s)])
		return s[:0]
	}
	return make([]Claim, 0, claimSlab)
}

// recycle closes cs, one of this collector's Claims nobody reads any
// more (the Claims' contract: valid until the next set's segments or
// Close), and keeps its slabs to carve again.
func (c *ClaimCollector) recycle(cs *Claims) {
	cs.Close()
	if cs.slabs == nil {
		return
	}
	// Kept: the slabs of two sets' claims in memory (the set being read
	// and the one last answered), about 5 MB.
	maxSpare := 2 * (claimsInMemory/claimSlab + 1)
	for _, s := range cs.slabs {
		if len(c.spare) < maxSpare {
			c.spare = append(c.spare, s)
		}
	}
	cs.slabs, cs.mem = nil, nil // its claims are carved again
}

// take returns the claims of set s, with each claim's errors assigned, and
// forgets them. It returns nil for a set that is not an 837.
func (c *ClaimCollector) take(s *ig.SetResult) (*Claims, error) {
	if c.cur == nil || c.cur.Set != s {
		if s.Header.ID != "837" {
			return nil, nil
		}
		return &Claims{Set: s}, nil
	}
	c.closeClaim(1 << 30)
	out := c.cur
	c.cur = nil
	if err := out.data.Err(); err != nil {
		out.Close()
		return nil, fmt.Errorf("ack: spooling the claims of set %s: %w", s.Header.ControlNumber, err)
	}
	for _, e := range s.Errors {
		if mayBeWithinClaim(e) {
			out.within = append(out.within, e)
		}
	}
	// One pass over the claims: which errors lie within some claim, and
	// the first claim holding each one's position.
	hit := make(map[*edi.Error]bool, len(out.within))
	if len(out.within) > 0 {
		out.first = make(map[int]string, len(out.within))
		err := out.Each(func(cl *Claim) error {
			for _, e := range cl.Errors {
				hit[e] = true
				if _, ok := out.first[placeAt(e)]; !ok {
					out.first[placeAt(e)] = cl.PatientControlNumber
				}
			}
			return nil
		})
		if err != nil {
			out.Close()
			return nil, err
		}
	}
	for _, e := range s.Errors {
		if !hit[e] {
			// Envelope errors, the header, submitter (1000A) and receiver
			// (1000B), and errors between claims belong to the whole set.
			out.Outside = append(out.Outside, e)
		}
	}
	if s.ErrorCount > len(s.Errors) {
		// Errors beyond those kept cannot be placed: do not accept the set.
		out.Outside = append(out.Outside, &edi.Error{Code: edi.SetSegmentsInError, Msg: "more errors than were kept"})
	}
	return out, nil
}

// mayBeWithinClaim reports whether an error can reject a single claim: a
// segment, element or business-rule error in a loop below the header.
func mayBeWithinClaim(e *edi.Error) bool {
	return (e.Code.Kind == edi.IK304 || e.Code.Kind == edi.IK403 || e.Code.Kind == edi.STC) && strings.HasPrefix(e.Loop, "2")
}

// Disposition is the SetDisposition of an 837 set whose claims were
// collected: errors confined to claims leave the set accepted with errors
// (the 277CA rejects those claims); any other error rejects the set.
func (cs *Claims) Disposition(s *ig.SetResult) string {
	switch {
	case s.Guide == nil || len(cs.Outside) > 0:
		return DefaultDisposition(s)
	case s.ErrorCount == 0 || s.ErrorCount == len(s.Errors) && onlyBusiness(s.Errors):
		// A 999 answers syntax (SNIP 1-2); claims failing business
		// rules are rejected by the 277CA alone.
		return Accepted
	}
	return AcceptedWithErrors
}

// onlyBusiness reports whether every error is a business-rule error (a 277
// claim status), which a 999 does not report.
func onlyBusiness(errs []*edi.Error) bool {
	for _, e := range errs {
		if e.Code.Kind != edi.STC {
			return false
		}
	}
	return true
}
