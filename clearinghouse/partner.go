package clearinghouse

import (
	"path"
	"strings"

	"github.com/edigw/edigw"
)

// Partner is a trading partner's corner of the object store and the IDs
// edigw uses with it. Each partner has four prefixes under Prefix:
//
//	inbound/   files the partner drops for edigw
//	outbound/  files edigw writes for the partner: acknowledgments, 837s, 278s
//	archive/   inbound files whose outcome is committed
//	error/     inbound files rejected or duplicate, each with NAME.reason.txt
type Partner struct {
	Name    string
	PayerID edigw.PayerID
	Prefix  string // e.g. "cigna-62308/"
	// Our and the partner's interchange IDs on outbound files (ISA05-08).
	OurQualifier, OurID     string
	TheirQualifier, TheirID string
}

// Cigna is the first trading partner: Cigna Healthcare, payer 62308.
var Cigna = Partner{Name: "Cigna Healthcare", PayerID: edigw.Cigna, Prefix: "cigna-62308/",
	OurQualifier: "ZZ", OurID: "EDIGW", TheirQualifier: "ZZ", TheirID: "CIGNA62308"}

func (p Partner) key(dir, name string) string {
	return path.Join(strings.TrimSuffix(p.Prefix, "/"), dir, name)
}

// Inbound, Outbound, Archive and Error are the partner's prefixes.
func (p Partner) Inbound() string  { return p.key("inbound", "") + "/" }
func (p Partner) Outbound() string { return p.key("outbound", "") + "/" }
func (p Partner) Archive() string  { return p.key("archive", "") + "/" }
func (p Partner) Error() string    { return p.key("error", "") + "/" }
