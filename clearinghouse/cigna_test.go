package clearinghouse

import (
	"github.com/edigw/edigw"
)

// Cigna is the partner migration 0002 (and 0010) seeds: Cigna Healthcare,
// payer 62308. The tests use it where a partner is needed;
// TestSeededPartnerIsCigna holds it equal to the seeded row.
var Cigna = Partner(edigw.TradingPartner{Name: "Cigna Healthcare", PayerID: edigw.Cigna, Prefix: "cigna-62308/",
	OurQualifier: "ZZ", OurID: "EDIGW", OurGroupID: "EDIGW", TheirQualifier: "ZZ", TheirID: "CIGNA62308", TheirGroupID: "62308",
	Usage: "P", Ack999Within: edigw.DefaultAck999Within, Ack277CAWithin: edigw.DefaultAck277CAWithin})
