package clearinghouse

import (
	"path"
	"strings"

	"github.com/edigw/edigw"
)

// Partner is a trading partner as the pipeline sees it: the agreement
// (edigw.TradingPartner, read from the store or a partners file) with its
// corner of the object store. Each partner has four prefixes under Prefix:
//
//	inbound/   files the partner drops for edigw
//	outbound/  files edigw writes for the partner: acknowledgments, 837s, 278s
//	archive/   inbound files whose outcome is committed
//	error/     inbound files rejected or duplicate, each with NAME.reason.txt
//
// It converts to and from edigw.TradingPartner: clearinghouse.Partner(tp).
type Partner edigw.TradingPartner

// Partners converts the agreements to the pipeline's partners, with
// defaults filled in.
func Partners(tps []edigw.TradingPartner) []Partner {
	out := make([]Partner, len(tps))
	for i, tp := range tps {
		out[i] = Partner(tp.WithDefaults())
	}
	return out
}

func (p Partner) key(dir, name string) string {
	return path.Join(strings.TrimSuffix(p.Prefix, "/"), dir, name)
}

// Inbound, Outbound, Archive and Error are the partner's prefixes.
func (p Partner) Inbound() string  { return p.key("inbound", "") + "/" }
func (p Partner) Outbound() string { return p.key("outbound", "") + "/" }
func (p Partner) Archive() string  { return p.key("archive", "") + "/" }
func (p Partner) Error() string    { return p.key("error", "") + "/" }

// usage is ISA15 on what edigw sends the partner (P unless set to T).
func (p Partner) usage() string {
	if p.Usage == edigw.UsageTest {
		return edigw.UsageTest
	}
	return edigw.UsageProduction
}

// partnerOf returns the partner of a payer.
func (p *Pipeline) partnerOf(payer edigw.PayerID) (Partner, bool) {
	for _, pt := range p.Partners {
		if pt.PayerID == payer {
			return pt, true
		}
	}
	return Partner{}, false
}
