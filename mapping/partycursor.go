package mapping

import (
	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
)

// partyCursor is the NM1 loop a 278 or 270/271 builder is reading: party
// is its ReviewParty (nil outside one), address the target of its N3 and
// N4. Both builders read those loops' N3, N4, PER and PRV the same way.
type partyCursor struct {
	party   *edigw.ReviewParty
	address **edigw.Address
}

// leave forgets the loop: an HL or the next NM1 ends it.
func (c *partyCursor) leave() { c.party, c.address = nil, nil }

// partyDetail reads an N3, N4, PER or PRV into the loop being read (none
// outside one).
func (c *partyCursor) partyDetail(s *edi.Segment) {
	switch s.ID() {
	case "N3", "N4":
		if c.address != nil {
			readAddress(c.address, s)
		}
	case "PER":
		if c.party != nil {
			c.party.Contact = contact(s)
		}
	case "PRV":
		if c.party != nil {
			c.party.ProviderCode, c.party.Taxonomy = s.String(1), s.String(3)
		}
	}
}
