package mapping

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
)

// withZip gives a party its own copy of its address with the ZIP code and
// country given: dmeClaim's parties share one address.
func withZip(p *edigw.Party, zip, country string) {
	a := *p.Address
	a.PostalCode, a.Country = zip, country
	p.Address = &a
}

// stcOf returns the 277CA's STC segment for a claim (the one after its
// TRN*2), and the 277CA's date (BHT04), which STC02 carries.
func stcOf(t *testing.T, a277, pcn string) (stc, date string) {
	t.Helper()
	_, after, ok := strings.Cut(a277, "TRN*2*"+pcn+"~\n")
	if !ok {
		t.Fatalf("277CA names no claim %s:\n%s", pcn, a277)
	}
	stc, _, _ = strings.Cut(after, "~")
	_, bht, _ := strings.Cut(a277, "\nBHT*")
	if f := strings.Split(bht, "*"); len(f) > 3 {
		date = f[3]
	}
	return stc, date
}

// The 5010 837 guides require the 9-digit ZIP (N403) of the billing
// provider and the service facility; a claim with 5 digits there is
// rejected in the 277CA with A7:500 ("Entity's Postal/Zip Code") and the
// entity, unless the address is outside the US (N404).
func TestZip9RejectsClaimsThroughThe277CA(t *testing.T) {
	cases := []struct {
		name  string
		spoil func(c *edigw.Claim)
		stc   string // the whole STC of the claim, %s for the date; "" when accepted
		loop  string
		field string
	}{
		{"billing provider 5-digit ZIP", func(c *edigw.Claim) { withZip(&c.BillingProvider, "06103", "") },
			"STC*A7:500:85*%s*U*1450", "2010AA", "billingProvider.address.postalCode"},
		{"billing provider ZIP+4 with a hyphen", func(c *edigw.Claim) { withZip(&c.BillingProvider, "06103-123", "") },
			"STC*A7:500:85*%s*U*1450", "2010AA", "billingProvider.address.postalCode"},
		{"billing provider N404 US, 5 digits", func(c *edigw.Claim) { withZip(&c.BillingProvider, "06103", "US") },
			"STC*A7:500:85*%s*U*1450", "2010AA", "billingProvider.address.postalCode"},
		{"billing provider 9-digit ZIP", func(c *edigw.Claim) { withZip(&c.BillingProvider, "061030001", "") },
			"", "", ""},
		{"billing provider outside the US (N404)", func(c *edigw.Claim) {
			c.BillingProvider.Address = &edigw.Address{Line1: "1 KING ST", City: "TORONTO", State: "ON", PostalCode: "M5H1A1", Country: "CA"}
		}, "", "", ""},
		{"service facility 5-digit ZIP", func(c *edigw.Claim) {
			c.ServiceFacility = &edigw.Party{EntityType: "2", Name: "HOME CARE SITE", Address: &edigw.Address{Line1: "5 FACILITY RD", City: "HARTFORD", State: "CT", PostalCode: "06105"}}
		}, "STC*A7:500:77*%s*U*1450", "2310C", "serviceFacility.address.postalCode"},
		{"service facility 9-digit ZIP", func(c *edigw.Claim) {
			c.ServiceFacility = &edigw.Party{EntityType: "2", Name: "HOME CARE SITE", Address: &edigw.Address{Line1: "5 FACILITY RD", City: "HARTFORD", State: "CT", PostalCode: "061051234"}}
		}, "", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			good, bad := dmeClaim("GOOD-1"), dmeClaim("BAD-1")
			tc.spoil(bad)
			back, res, acks := readWithAcks(t, good, bad)
			if !guideClean(res) {
				t.Fatalf("guide errors %v", res.Report.Errors)
			}
			a277 := acks["277ca"].String()
			if stc, _ := stcOf(t, a277, "GOOD-1"); !strings.HasPrefix(stc, "STC*A2:20*") {
				t.Errorf("good claim: %s", stc)
			}
			stc, date := stcOf(t, a277, "BAD-1")
			if tc.stc == "" {
				if len(res.Issues) != 0 || back[1].Status != edigw.ClaimSubmitted || !strings.HasPrefix(stc, "STC*A2:20*") {
					t.Fatalf("not accepted: %s, issues %v", stc, res.Issues)
				}
				return
			}
			if want := strings.Replace(tc.stc, "%s", date, 1); stc != want {
				t.Errorf("277CA STC %q, want %q:\n%s", stc, want, a277)
			}
			// A business rule, not a guide error: the 999 accepts the set.
			if a999 := acks["999"].String(); !strings.Contains(a999, "IK5*A~") || strings.Contains(a999, "IK3") {
				t.Errorf("999:\n%s", a999)
			}
			if len(res.Issues) != 1 || back[1].Status != edigw.ClaimRejected {
				t.Fatalf("issues %v, status %s", res.Issues, back[1].Status)
			}
			is := res.Issues[0]
			e := is.Err
			wantCode := edi.Code{Kind: edi.STC, Value: strings.Split(tc.stc, "*")[1]}
			if is.Rule != "zip-9" || is.Claim != "BAD-1" || is.Field != tc.field || e.SegmentID != "N4" || e.Element != 3 ||
				e.Loop != tc.loop || e.Code != wantCode || e.Pos.Line == 0 {
				t.Errorf("issue %v: rule %s field %s at %s%02d loop %s code %v", is, is.Rule, is.Field, e.SegmentID, e.Element, e.Loop, e.Code)
			}
			if msg := is.Error(); strings.Contains(msg, "06103") || strings.Contains(msg, "06105") || !strings.Contains(msg, "N403") {
				t.Errorf("message names the value or not the element: %s", msg)
			}
		})
	}
}

// In the 837I the service facility is 2310E.
func TestZip9InstitutionalServiceFacility(t *testing.T) {
	claims, res := readClaims(t, filepath.Join("testdata", "issue15", "837i-round-trip.edi"))
	if !guideClean(res) || len(claims) != 1 || claims[0].ServiceFacility == nil || len(res.Issues) != 0 {
		t.Fatalf("%d claims, issues %v, errors %v", len(claims), res.Issues, res.Report.Errors)
	}
	c := claims[0]
	withZip(c.ServiceFacility, "06105", "")
	back, res, acks := readWithAcks(t, c)
	if len(res.Issues) != 1 || back[0].Status != edigw.ClaimRejected {
		t.Fatalf("issues %v", res.Issues)
	}
	if e := res.Issues[0].Err; res.Issues[0].Rule != "zip-9" || e.SegmentID != "N4" || e.Element != 3 || e.Loop != "2310E" {
		t.Errorf("issue %v", res.Issues[0])
	}
	if stc, _ := stcOf(t, acks["277ca"].String(), c.PatientControlNumber); !strings.HasPrefix(stc, "STC*A7:500:77*") {
		t.Errorf("277CA STC %s", stc)
	}
}

// In the 837D the billing provider is 2010AA and the service facility
// 2310C, as in the 837P; each 5-digit ZIP rejects the claim in the 277CA.
func TestZip9Dental(t *testing.T) {
	dental := func(pcn string) *edigw.Claim {
		c := dmeClaim(pcn)
		c.Kind, c.Diagnoses, c.PriorAuthorization = edigw.Dental, nil, ""
		c.Lines = []edigw.ServiceLine{{Number: 1, ProcedureQualifier: "AD", ProcedureCode: "D0120", Charge: 145000, Units: "1",
			ServiceDate: &edigw.Period{From: "20260203"}, LineItemControlNumber: pcn + "-1"}}
		return c
	}
	for _, tc := range []struct {
		name  string
		spoil func(c *edigw.Claim)
		stc   string
		loop  string
	}{
		{"billing provider", func(c *edigw.Claim) { withZip(&c.BillingProvider, "06103", "") }, "STC*A7:500:85*", "2010AA"},
		{"service facility", func(c *edigw.Claim) {
			c.ServiceFacility = &edigw.Party{EntityType: "2", Name: "DENTAL SITE", Address: &edigw.Address{Line1: "5 FACILITY RD", City: "HARTFORD", State: "CT", PostalCode: "06105"}}
		}, "STC*A7:500:77*", "2310C"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			good, bad := dental("GOOD-1"), dental("BAD-1")
			tc.spoil(bad)
			back, res, acks := readWithAcks(t, good, bad)
			if !guideClean(res) || len(back) != 2 || len(res.Issues) != 1 {
				t.Fatalf("%d claims, issues %v, errors %v", len(back), res.Issues, res.Report.Errors)
			}
			if is := res.Issues[0]; is.Rule != "zip-9" || is.Err.SegmentID != "N4" || is.Err.Element != 3 || is.Err.Loop != tc.loop {
				t.Errorf("issue %v at %s%02d loop %s", is, is.Err.SegmentID, is.Err.Element, is.Err.Loop)
			}
			if back[0].Status == edigw.ClaimRejected || back[1].Status != edigw.ClaimRejected {
				t.Errorf("statuses %s, %s", back[0].Status, back[1].Status)
			}
			if a999 := acks["999"]; a999 == nil || !strings.Contains(a999.String(), "AK2*837*1001*005010X224A2~") {
				t.Fatalf("not an 837D, or no 999: %v", a999)
			}
			a277 := acks["277ca"].String()
			if stc, date := stcOf(t, a277, "BAD-1"); stc != tc.stc+date+"*U*1450" {
				t.Errorf("277CA STC %q, want %s<date>*U*1450", stc, tc.stc)
			}
			if stc, _ := stcOf(t, a277, "GOOD-1"); !strings.HasPrefix(stc, "STC*A2:20*") {
				t.Errorf("the good claim's STC %q", stc)
			}
		})
	}
}
