package mapping

import (
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

// spot is where a record's part came from: the segment, its loop and, for
// composite repeats like HI, the element. Business-rule errors point here.
type spot struct {
	pos     edi.Position
	segment string
	loop    string
	element int
}

// spotAt is where segment s, found in loop, is.
func spotAt(s *edi.Segment, loop string) spot {
	return spot{pos: s.Pos, segment: s.ID(), loop: loop}
}

// set makes p the place of segment s, found in loop, field by field:
// spotAt's result copied whole reads back narrow stores with wide loads
// (a store-forwarding stall), once per service line and diagnosis.
func (p *spot) set(s *edi.Segment, loop string) {
	q := &s.Pos
	p.pos.Offset, p.pos.Line, p.pos.Index, p.pos.SetIndex = q.Offset, q.Line, q.Index, q.SetIndex
	p.pos.Interchange, p.pos.Group, p.pos.Set = q.Interchange, q.Group, q.Set
	p.segment, p.loop, p.element = s.ID(), loop, 0
}

func spotOf(ev *ig.Event) spot {
	s := spot{pos: ev.Seg.Pos, segment: ev.Seg.ID()}
	if ev.Match.Loop != nil {
		s.loop = ev.Match.Loop.ID
	}
	return s
}

// claimSpots are the places of one claim's parts.
type claimSpots struct {
	claim                           spot // CLM
	billing                         spot // NM1*85
	billingZip, facilityZip         spot // N4 of 2010AA and of the service facility (2310C, 2310E in the 837I)
	rendering, referring, attending spot
	diagnoses                       []spot // one per Claim.Diagnoses, element set
	lines                           []spot // the SV1/SV2/SV3 of each line
}

// remitSpots are the places of one remittance's parts.
type remitSpots struct {
	bpr      spot
	claims   []spot   // CLP of each claim
	services [][]spot // SVC of each service, per claim
}

func (r *remitSpots) header() spot {
	if r != nil {
		return r.bpr
	}
	return spot{}
}

func (r *remitSpots) claim(i int) spot {
	if r != nil && i < len(r.claims) {
		return r.claims[i]
	}
	return spot{}
}

func (r *remitSpots) service(i, j int) spot {
	if r != nil && i < len(r.services) && j < len(r.services[i]) {
		return r.services[i][j]
	}
	return r.claim(i)
}
