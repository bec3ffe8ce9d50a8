package edigw

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// TradingPartner is one payer's trading-partner agreement as data: who
// edigw is to the partner and who the partner is on the envelopes, where
// their files live in the object store, whether the exchange is in test
// or production, and how soon acknowledgments are due. Partners are kept
// in the trading_partners table or in a partners file; no partner is
// wired in code (decision 0010).
type TradingPartner struct {
	Name    string
	PayerID PayerID
	// Prefix is the partner's corner of the object store, ending in "/"
	// (e.g. "cigna-62308/"): inbound/, outbound/, archive/ and error/
	// live under it.
	Prefix string
	// Our and the partner's interchange IDs (ISA05/ISA06 and ISA07/ISA08
	// on what edigw sends) and application IDs (GS02 and GS03).
	OurQualifier, OurID, OurGroupID       string
	TheirQualifier, TheirID, TheirGroupID string
	// Usage is ISA15 on what edigw sends the partner: P production or T
	// test.
	Usage string
	// How soon the partner's 999 and 277CA are expected after a file is
	// sent (defaults 24 h and 72 h).
	Ack999Within, Ack277CAWithin time.Duration
	Contact                      string // who to call about the exchange: free text
}

// Defaults of a partner's acknowledgment windows and usage indicator.
const (
	DefaultAck999Within   = 24 * time.Hour
	DefaultAck277CAWithin = 72 * time.Hour
	UsageProduction       = "P"
	UsageTest             = "T"
	// DefaultOurID is edigw's interchange ID unless a partner says
	// otherwise (as the trading_partners table's default).
	DefaultOurID = "EDIGW"
)

// WithDefaults fills what a partner may leave out: qualifiers ZZ, our
// interchange ID EDIGW, group
// IDs equal to the interchange IDs, production usage, the default
// acknowledgment windows and a prefix "<lowercase name>-<payer>/".
func (p TradingPartner) WithDefaults() TradingPartner {
	def := func(v *string, d string) {
		if strings.TrimSpace(*v) == "" {
			*v = d
		}
	}
	def(&p.OurQualifier, "ZZ")
	def(&p.OurID, DefaultOurID)
	def(&p.TheirQualifier, "ZZ")
	def(&p.OurGroupID, p.OurID)
	def(&p.TheirGroupID, p.TheirID)
	def(&p.Usage, UsageProduction)
	if p.Ack999Within == 0 {
		p.Ack999Within = DefaultAck999Within
	}
	if p.Ack277CAWithin == 0 {
		p.Ack277CAWithin = DefaultAck277CAWithin
	}
	if p.Prefix != "" && !strings.HasSuffix(p.Prefix, "/") {
		p.Prefix += "/"
	}
	return p
}

// Validate checks a partner against the envelope's rules (X12 ISA
// qualifiers of 2 characters, IDs of at most 15, GS IDs of 2 to 15) and
// edigw's (a payer ID, a relative prefix, positive windows). The error
// lists every problem, naming the field.
func (p TradingPartner) Validate() error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", field, fmt.Sprintf(format, args...)))
	}
	if strings.TrimSpace(p.Name) == "" {
		bad("name", "required")
	}
	if p.PayerID == "" {
		bad("payer_id", "required")
	} else if len(p.PayerID) > 80 || strings.ContainsAny(string(p.PayerID), "*~:^ /") {
		bad("payer_id", "%q: at most 80 characters, no spaces, slashes or X12 delimiters", p.PayerID)
	}
	switch {
	case p.Prefix == "":
		bad("prefix", "required")
	case !strings.HasSuffix(p.Prefix, "/") || strings.HasPrefix(p.Prefix, "/") || strings.Contains(p.Prefix, ".."):
		bad("prefix", "%q: a relative prefix ending in /, without ..", p.Prefix)
	}
	for _, q := range []struct{ field, v string }{{"our_isa_qualifier", p.OurQualifier}, {"their_isa_qualifier", p.TheirQualifier}} {
		if len(q.v) != 2 || !envelopeText(q.v) {
			bad(q.field, "%q: 2 characters (ZZ, 01, 30 ...)", q.v)
		}
	}
	for _, id := range []struct {
		field, v string
		min, max int
	}{{"our_isa_id", p.OurID, 1, 15}, {"their_isa_id", p.TheirID, 1, 15}, {"our_gs_id", p.OurGroupID, 2, 15}, {"their_gs_id", p.TheirGroupID, 2, 15}} {
		if n := len(id.v); n < id.min || n > id.max || !envelopeText(id.v) || strings.TrimSpace(id.v) != id.v {
			bad(id.field, "%q: %d to %d characters, no X12 delimiters or surrounding spaces", id.v, id.min, id.max)
		}
	}
	if p.Usage != UsageProduction && p.Usage != UsageTest {
		bad("usage", "%q: P (production) or T (test)", p.Usage)
	}
	if p.Ack999Within <= 0 {
		bad("ack_999_within", "%s: want a positive duration", p.Ack999Within)
	}
	if p.Ack277CAWithin <= 0 {
		bad("ack_277ca_within", "%s: want a positive duration", p.Ack277CAWithin)
	}
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("partner %q: %w", p.Name, errors.Join(errs...))
}

// envelopeText reports whether s is printable ASCII without the
// delimiters edigw writes (* ~ : ^).
func envelopeText(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c > 0x7e || strings.IndexByte("*~:^", c) >= 0 {
			return false
		}
	}
	return true
}

// ValidatePartners checks each partner and that no two share a payer ID,
// a prefix or a pair of interchange IDs: a file or a queued claim must
// belong to one partner.
func ValidatePartners(ps []TradingPartner) error {
	var errs []error
	payers, prefixes, ids := map[string]string{}, map[string]string{}, map[string]string{}
	for _, p := range ps {
		if err := p.Validate(); err != nil {
			errs = append(errs, err)
		}
		same := func(what, key string, seen map[string]string) {
			if other, dup := seen[key]; dup {
				errs = append(errs, fmt.Errorf("partners %q and %q share %s %s", other, p.Name, what, key))
			}
			seen[key] = p.Name
		}
		same("payer ID", string(p.PayerID), payers)
		same("prefix", p.Prefix, prefixes)
		same("interchange ID", p.TheirQualifier+":"+p.TheirID, ids)
	}
	return errors.Join(errs...)
}
