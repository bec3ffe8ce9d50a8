package edigw

import (
	"strings"
	"testing"
	"time"
)

func TestTradingPartnerDefaultsAndValidation(t *testing.T) {
	p := TradingPartner{Name: "Aetna", PayerID: "60054", Prefix: "aetna", TheirID: "AETNA60054"}.WithDefaults()
	want := TradingPartner{Name: "Aetna", PayerID: "60054", Prefix: "aetna/", OurQualifier: "ZZ", OurID: "EDIGW", OurGroupID: "EDIGW",
		TheirQualifier: "ZZ", TheirID: "AETNA60054", TheirGroupID: "AETNA60054", Usage: "P",
		Ack999Within: 24 * time.Hour, Ack277CAWithin: 72 * time.Hour}
	if p != want {
		t.Fatalf("%+v\nwant %+v", p, want)
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := p
	bad.Usage, bad.OurQualifier, bad.TheirID, bad.TheirGroupID, bad.Prefix, bad.Ack999Within = "X", "Z", "WAY*TOO~LONG:ID", "1", "/abs/", -time.Hour
	err := bad.Validate()
	for _, field := range []string{"usage", "our_isa_qualifier", "their_isa_id", "their_gs_id", "prefix", "ack_999_within"} {
		if err == nil || !strings.Contains(err.Error(), field+":") {
			t.Errorf("%s not reported: %v", field, err)
		}
	}
	other := TradingPartner{Name: "Other", PayerID: "60054", Prefix: "aetna/", TheirID: "AETNA60054"}.WithDefaults()
	err = ValidatePartners([]TradingPartner{p, other})
	for _, what := range []string{"share payer ID 60054", "share prefix aetna/", "share interchange ID ZZ:AETNA60054"} {
		if err == nil || !strings.Contains(err.Error(), what) {
			t.Errorf("%q not reported: %v", what, err)
		}
	}
}
