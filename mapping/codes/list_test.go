package codes

import (
	"fmt"
	"strings"
	"testing"
)

func TestListsHaveNoDuplicatesOrEmptyDescriptions(t *testing.T) {
	names := map[string]bool{}
	for _, l := range Lists() {
		if names[l.Name()] {
			t.Errorf("two lists are named %q", l.Name())
		}
		names[l.Name()] = true
		codes := l.Codes()
		if len(codes) == 0 {
			t.Errorf("%s is empty", l.Name())
		}
		seen := map[string]bool{}
		for _, c := range codes {
			if seen[c.Value] {
				t.Errorf("%s lists %q twice", l.Name(), c.Value)
			}
			seen[c.Value] = true
			if c.Value == "" || strings.TrimSpace(c.Value) != c.Value {
				t.Errorf("%s has a blank or padded code %q", l.Name(), c.Value)
			}
			d := c.Description
			if d == "" || strings.TrimSpace(d) != d || strings.Contains(d, "  ") {
				t.Errorf("%s %s: empty or badly spaced description %q", l.Name(), c.Value, d)
			}
			if strings.HasSuffix(d, ".") || len(d) > 110 {
				t.Errorf("%s %s: description is not a short phrase: %q", l.Name(), c.Value, d)
			}
			for i := 0; i < len(d); i++ {
				if d[i] < ' ' || d[i] > '~' {
					t.Errorf("%s %s: non-ASCII or control byte in %q", l.Name(), c.Value, d)
					break
				}
			}
		}
		if l.Len() != len(codes) {
			t.Errorf("%s: Len %d, %d entries (a duplicate hides one)", l.Name(), l.Len(), len(codes))
		}
	}
}

func TestSpotChecks(t *testing.T) {
	tests := []struct {
		list *List
		code string
		want string // a part of the description, case-insensitive
	}{
		{CARC, "1", "deductible"},
		{CARC, "2", "coinsurance"},
		{CARC, "3", "co-payment"},
		{CARC, "16", "lacks information"},
		{CARC, "45", "fee schedule"},
		{CARC, "50", "medical necessity"},
		{CARC, "96", "non-covered"},
		{CARC, "97", "included in the payment/allowance for another service"},
		{CARC, "197", "authorization"},
		{CARC, "253", "sequestration"},
		{CARC, "A1", "denied"},
		{CARC, "B7", "not certified/eligible"},
		{CARC, "P1", "property and casualty"},
		{RARC, "N130", "plan benefit documents"},
		{RARC, "M15", "bundled"},
		{RARC, "MA130", "unprocessable"},
		{RARC, "N4", "prior insurance carrier"},
		{RARC, "N940", "x-ray"},
		{AdjustmentGroup, "CO", "contractual"},
		{AdjustmentGroup, "PR", "patient responsibility"},
		{PlaceOfService, "11", "office"},
		{PlaceOfService, "12", "home"},
		{PlaceOfService, "21", "inpatient hospital"},
		{PlaceOfService, "22", "on campus outpatient hospital"},
		{HCRAction, "A1", "certified in total"},
		{HCRAction, "A2", "certified, partial"},
		{HCRAction, "A3", "not certified"},
		{HCRAction, "A4", "pended"},
		{HCRAction, "A6", "modified"},
		{HCRAction, "CT", "contact payer"},
		{ServiceType, "12", "durable medical equipment purchase"},
		{ServiceType, "18", "durable medical equipment rental"},
		{ServiceType, "42", "home health care"},
		{ServiceType, "30", "health benefit plan coverage"},
		{ClaimStatus, "4", "denied"},
		{ClaimStatus, "22", "reversal"},
		{ClaimFrequency, "7", "replacement"},
		{ClaimFrequency, "8", "void"},
		{ClaimFilingIndicator, "CI", "commercial"},
		{ClaimFilingIndicator, "MB", "medicare part b"},
		{PaymentMethod, "ACH", "automated clearing house"},
		{ProviderAdjustmentReason, "WO", "overpayment recovery"},
		{ProviderAdjustmentReason, "L6", "interest"},
		{ClaimStatusCategory, "A3", "unprocessable"},
		{ClaimStatusCategory, "A7", "invalid information"},
		{ClaimStatusCode, "21", "missing or invalid information"},
		{ClaimStatusCode, "562", "national provider identifier"},
		{ClaimStatusCode, "400", "out of balance"},
		{UMRequestCategory, "HS", "health services review"},
		{CertificationType, "I", "initial"},
		{UnitBasis, "UN", "unit"},
		{Gender, "F", "female"},
		{DiagnosisQualifier, "ABK", "principal"},
		{ProcedureQualifier, "BBR", "icd-10-pcs"},
	}
	for _, tt := range tests {
		got := tt.list.Describe(tt.code)
		if !strings.Contains(strings.ToLower(got), tt.want) {
			t.Errorf("%s %s = %q, want it to mention %q", tt.list.Name(), tt.code, got, tt.want)
		}
		if !tt.list.Has(tt.code) {
			t.Errorf("%s.Has(%q) = false", tt.list.Name(), tt.code)
		}
	}
}

func TestUnknownCodes(t *testing.T) {
	tests := []struct {
		list *List
		code string
	}{
		{CARC, ""},
		{CARC, "999"},
		{CARC, "045"},   // codes are not numbers: no leading zeros
		{CARC, " 45"},   // nor padding
		{RARC, "n130"},  // X12 codes are case-sensitive
		{RARC, "N9999"}, //
		{PlaceOfService, "1"},
		{PlaceOfService, "28"}, // unassigned
		{HCRAction, "A5"},
		{ServiceType, "E1"}, // later than 5010
		{ClaimStatus, "5"},
	}
	for _, tt := range tests {
		if d := tt.list.Describe(tt.code); d != "" {
			t.Errorf("%s.Describe(%q) = %q, want \"\"", tt.list.Name(), tt.code, d)
		}
		if tt.list.Has(tt.code) || tt.list.Active(tt.code) {
			t.Errorf("%s knows %q", tt.list.Name(), tt.code)
		}
		if c, ok := tt.list.Lookup(tt.code); ok || c != (Code{}) {
			t.Errorf("%s.Lookup(%q) = %+v, %v", tt.list.Name(), tt.code, c, ok)
		}
	}
}

func TestRetiredCodesStayDescribable(t *testing.T) {
	tests := []struct {
		list *List
		code string
	}{
		{CARC, "15"},  // authorization number: replaced by 284 and 296
		{CARC, "42"},  // replaced by 45
		{CARC, "A2"},  // contractual adjustment
		{CARC, "D18"}, // the D codes were all retired
		{CARC, "W1"},  // moved to P12
		{AdjustmentGroup, "CR"},
		{ClaimFrequency, "6"},
	}
	for _, tt := range tests {
		c, ok := tt.list.Lookup(tt.code)
		if !ok || c.Status != Retired || c.Description == "" {
			t.Errorf("%s %s = %+v, %v; want a described retired code", tt.list.Name(), tt.code, c, ok)
		}
		if !tt.list.Has(tt.code) || tt.list.Active(tt.code) {
			t.Errorf("%s %s: Has %v, Active %v; want known but not active",
				tt.list.Name(), tt.code, tt.list.Has(tt.code), tt.list.Active(tt.code))
		}
	}
	for _, code := range []string{"45", "253", "284", "296", "P12"} {
		if !CARC.Active(code) {
			t.Errorf("CARC %s is not active", code)
		}
	}
}

// TestListSizes guards against a list losing entries when it is edited:
// the numbers are the sizes of the published lists this package carries.
func TestListSizes(t *testing.T) {
	tests := []struct {
		list     *List
		min      int
		last     []string
		retired  int
		maxShare float64 // retired share must stay below this
	}{
		{CARC, 400, []string{"308", "A8", "B23", "D23", "P32", "W9", "Y3"}, 100, 0.35},
		{RARC, 1200, []string{"M144", "MA134", "N940"}, 60, 0.1},
		{ClaimStatusCode, 650, []string{"799"}, 0, 0.01},
		{ServiceType, 180, []string{"UC", "CQ"}, 0, 0.01},
		{PlaceOfService, 50, []string{"99", "66", "27"}, 0, 0.01},
	}
	for _, tt := range tests {
		if tt.list.Len() < tt.min {
			t.Errorf("%s has %d codes, want at least %d", tt.list.Name(), tt.list.Len(), tt.min)
		}
		for _, c := range tt.last {
			if !tt.list.Has(c) {
				t.Errorf("%s lacks %s", tt.list.Name(), c)
			}
		}
		retired := 0
		for _, c := range tt.list.Codes() {
			if c.Status == Retired {
				retired++
			}
		}
		if retired < tt.retired || float64(retired) >= tt.maxShare*float64(tt.list.Len()) {
			t.Errorf("%s has %d retired codes, want %d or more and under %.0f%%",
				tt.list.Name(), retired, tt.retired, 100*tt.maxShare)
		}
	}
	// RARC: every M and MA code in its range is there.
	for i := 1; i <= 144; i++ {
		if code := fmt.Sprintf("M%d", i); !RARC.Has(code) {
			t.Errorf("RARC lacks %s", code)
		}
	}
	for i := 1; i <= 134; i++ {
		if code := fmt.Sprintf("MA%02d", i); !RARC.Has(code) {
			t.Errorf("RARC lacks %s", code)
		}
	}
}

func TestCodesReturnsACopy(t *testing.T) {
	codes := Gender.Codes()
	codes[0].Description = "changed"
	if Gender.Describe(codes[0].Value) == "changed" {
		t.Fatal("Codes exposes the list's own entries")
	}
}

func TestStatusString(t *testing.T) {
	if Active.String() != "active" || Retired.String() != "retired" {
		t.Errorf("Status strings: %q, %q", Active, Retired)
	}
}
