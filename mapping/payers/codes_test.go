package payers

import "testing"

func TestParseCodeRange(t *testing.T) {
	tests := []struct {
		in       string
		from, to string
		bad      bool
	}{
		{in: "E0424-E0447", from: "E0424", to: "E0447"},
		{in: "E0455", from: "E0455", to: "E0455"},
		{in: " K0800 - K0899 ", from: "K0800", to: "K0899"},
		{in: "97010-97150", from: "97010", to: "97150"},
		{in: "E0447-E0424", bad: true}, // backwards
		{in: "E0424-K0447", bad: true}, // two letters
		{in: "E0424-90447", bad: true}, // letter and digit
		{in: "E042", bad: true},        // short
		{in: "E04245", bad: true},      // long
		{in: "F0100", bad: true},       // F is a letter, but lower case is not
		{in: "e0100", bad: true},
		{in: "E01A0", bad: true},
		{in: "", bad: true},
		{in: "E0100-", bad: true},
	}
	for _, tt := range tests {
		r, err := ParseCodeRange(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("ParseCodeRange(%q) = %v, want an error", tt.in, r)
			}
			continue
		}
		if err != nil || r.From != tt.from || r.To != tt.to {
			t.Errorf("ParseCodeRange(%q) = %v, %v; want %s-%s", tt.in, r, err, tt.from, tt.to)
		}
	}
}

func TestCodeRangeContains(t *testing.T) {
	beds, _ := ParseCodeRange("E0250-E0273")
	therapy, _ := ParseCodeRange("97010-97150")
	tests := []struct {
		r    CodeRange
		code string
		want bool
	}{
		{beds, "E0250", true},
		{beds, "E0273", true},
		{beds, "E0261", true},
		{beds, "E0249", false},
		{beds, "E0274", false},
		{beds, "E025A", false}, // between the ends as a string, but not a code
		{beds, "K0250", false},
		{beds, "E02500", false},
		{therapy, "97110", true},
		{therapy, "97151", false},
		{therapy, "9711F", false}, // CPT category II shape is not in a numeric range
	}
	for _, tt := range tests {
		if got := tt.r.Contains(tt.code); got != tt.want {
			t.Errorf("%v.Contains(%q) = %v, want %v", tt.r, tt.code, got, tt.want)
		}
	}
}

func TestRevenueCodeMatches(t *testing.T) {
	tests := []struct {
		rc   RevenueCode
		code string
		want bool
	}{
		{"042X", "0420", true},
		{"042X", "0429", true},
		{"042X", "421", true}, // leading zero dropped
		{"042X", "0430", false},
		{"0551", "0551", true},
		{"0551", "0552", false},
		{"042X", "", false},
		{"042X", "042A", false},
	}
	for _, tt := range tests {
		if got := tt.rc.Matches(tt.code); got != tt.want {
			t.Errorf("%s.Matches(%q) = %v, want %v", tt.rc, tt.code, got, tt.want)
		}
	}
}
