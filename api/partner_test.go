package api_test

import (
	"github.com/edigw/edigw"
	"github.com/edigw/edigw/clearinghouse"
)

// cigna is the partner migrations 0002 and 0010 seed, which the tests'
// pipeline reads from the store (env_test.go): the prefix and interchange
// IDs the tests write partner files with.
var cigna = clearinghouse.Partner(edigw.TradingPartner{Name: "Cigna Healthcare", PayerID: edigw.Cigna, Prefix: "cigna-62308/",
	OurQualifier: "ZZ", OurID: "EDIGW", OurGroupID: "EDIGW", TheirQualifier: "ZZ", TheirID: "CIGNA62308", TheirGroupID: "62308"})
