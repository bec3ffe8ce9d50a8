package mapping

import (
	"testing"

	"github.com/edigw/edigw"
)

func TestCheckClaimsNamesRecordsAndFields(t *testing.T) {
	good := dmeClaim("GOOD")
	missing := dmeClaim("MISSING")
	missing.BillingProvider.TaxID = ""
	badNPI := dmeClaim("BADNPI")
	badNPI.BillingProvider.ID = "1234567890"
	unbalanced := dmeClaim("UNBALANCED")
	unbalanced.TotalCharge = 1
	problems := CheckClaims([]*edigw.Claim{good, missing, badNPI, unbalanced})
	want := []Problem{
		{Record: 1, Field: "billingProvider.taxId"},
		{Record: 2, Field: "billingProvider.id"},
		{Record: 3, Field: "totalCharge"},
	}
	if len(problems) != len(want) {
		t.Fatalf("problems %+v", problems)
	}
	for i, w := range want {
		p := problems[i]
		if p.Record != w.Record || p.Field != w.Field || p.Message == "" {
			t.Errorf("problem %d: %+v, want %+v", i, p, w)
		}
	}
}

func TestCheckClaimsReportsGuideErrors(t *testing.T) {
	c := dmeClaim("LONG")
	c.FrequencyCode = "12" // CLM05-3 is one character
	problems := CheckClaims([]*edigw.Claim{c})
	if len(problems) == 0 || problems[0].Record != 0 || problems[0].Message[:3] != "CLM" {
		t.Errorf("problems %+v", problems)
	}
}
