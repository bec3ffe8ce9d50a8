package codes

import "testing"

func TestValidNPI(t *testing.T) {
	tests := []struct {
		npi  string
		want bool
	}{
		{"1234567893", true}, // the CMS worked example
		{"1245319599", true},
		{"1003000126", true},
		{"1114025228", true},
		{"1234567890", false}, // wrong check digit
		{"1234567894", false},
		{"1245319590", false},
		{"2134567893", false}, // two digits swapped
		{"123456789", false},
		{"12345678931", false},
		{"123456789X", false},
		{" 234567893", false},
		{"1234-67893", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := ValidNPI(tt.npi); got != tt.want {
			t.Errorf("ValidNPI(%q) = %v, want %v", tt.npi, got, tt.want)
		}
	}
}

func TestValidICD10CM(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"E119", true},    // E11.9
		{"I10", true},     // three characters, a complete code
		{"Z3A01", true},   // letter in third place
		{"C7A010", true},  //
		{"S72001A", true}, // seventh character
		{"T1491XA", true}, // X placeholder
		{"M1A0710", true},
		{"U071", true}, // COVID-19
		{"U070", true},
		{"U099", true},
		{"U072", false}, // other U codes are WHO's, not ICD-10-CM's
		{"U00", false},
		{"U0710", false},
		{"E11.9", false}, // 5010 sends no decimal point
		{"e119", false},  // lower case
		{"E1", false},
		{"E11900000", false}, // eight characters
		{"11E9", false},
		{"EE19", false}, // second character must be a digit
		{"E11-9", false},
		{"E11 ", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := ValidICD10CM(tt.code); got != tt.want {
			t.Errorf("ValidICD10CM(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestValidICD9CM(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"250", true}, {"25000", true}, {"4019", true},
		{"V221", true}, {"V10", true}, {"V5883", true},
		{"E8889", true}, {"E849", true},
		{"25", false}, {"250000", false}, {"250.00", false},
		{"V1", false}, {"V588311", false}, {"E88", false}, {"E88891", false},
		{"E119", true}, // the form only: E-codes start at E800 but the check does not know that
		{"A01", false}, {"", false},
	}
	for _, tt := range tests {
		if got := ValidICD9CM(tt.code); got != tt.want {
			t.Errorf("ValidICD9CM(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestValidDiagnosis(t *testing.T) {
	tests := []struct {
		qualifier, code string
		want            bool
	}{
		{"ABK", "E119", true},
		{"ABF", "Z3A01", true},
		{"APR", "R51", true},
		{"ABK", "250", false}, // ICD-9 under an ICD-10 qualifier
		{"BK", "25000", true},
		{"BK", "E1190", true}, // a valid ICD-9 E code shape
		{"BF", "Z3A01", false},
		{"DR", "470", true},
		{"DR", "", false},
		{"ZZ", "E119", false},
		{"", "E119", false},
	}
	for _, tt := range tests {
		if got := ValidDiagnosis(tt.qualifier, tt.code); got != tt.want {
			t.Errorf("ValidDiagnosis(%q, %q) = %v, want %v", tt.qualifier, tt.code, got, tt.want)
		}
	}
}

func TestValidCPT(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"99213", true}, {"00100", true},
		{"3074F", true}, {"0042T", true}, {"0001U", true}, {"0002M", true},
		{"9921", false}, {"992130", false}, {"0042X", false}, {"0042t", false},
		{"A0428", false}, {"D0120", false}, {"9921F", true}, {"99F13", false}, {"", false},
	}
	for _, tt := range tests {
		if got := ValidCPT(tt.code); got != tt.want {
			t.Errorf("ValidCPT(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestValidHCPCS(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"E0601", true}, {"K0001", true}, {"A4253", true}, {"J1100", true},
		{"G0151", true}, {"T1019", true}, {"S9123", true}, {"L3000", true},
		{"V2020", true}, {"U0003", true}, {"M0201", true}, {"D0120", true},
		{"F0001", false}, {"I1234", false}, {"N1234", false}, {"W1234", false},
		{"X1234", false}, {"Z1234", false}, {"O1234", false}, {"Y1234", false},
		{"e0601", false}, {"E060", false}, {"E06011", false}, {"E06O1", false},
		{"99213", false}, {"", false},
	}
	for _, tt := range tests {
		if got := ValidHCPCS(tt.code); got != tt.want {
			t.Errorf("ValidHCPCS(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestValidCDT(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"D0120", true}, {"D9999", true},
		{"d0120", false}, {"D012", false}, {"D01200", false}, {"E0120", false}, {"D012A", false}, {"", false},
	}
	for _, tt := range tests {
		if got := ValidCDT(tt.code); got != tt.want {
			t.Errorf("ValidCDT(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestValidICD10PCS(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"0DTJ4ZZ", true}, {"027034Z", true}, {"B2111ZZ", true},
		{"0DTJ4Z", false}, {"0DTJ4ZZZ", false}, {"0DIJ4ZZ", false}, {"0DOJ4ZZ", false},
		{"0dtj4zz", false}, {"", false},
	}
	for _, tt := range tests {
		if got := ValidICD10PCS(tt.code); got != tt.want {
			t.Errorf("ValidICD10PCS(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestValidProcedure(t *testing.T) {
	tests := []struct {
		qualifier, code string
		want            bool
	}{
		{"HC", "99213", true},
		{"HC", "E0601", true},
		{"HC", "0042T", true},
		{"HC", "D0120", true}, // dental codes are HCPCS level II too
		{"HC", "9921", false},
		{"HC", "F0601", false},
		{"AD", "D0120", true},
		{"AD", "99213", false},
		{"NU", "0300", true},
		{"NU", "300", false},
		{"N4", "00002143301", true},
		{"N4", "0002-1433-01", false},
		{"HP", "1AA11", true},
		{"HP", "1AA1", false},
		{"BBR", "0DTJ4ZZ", true},
		{"BBQ", "0DTJ4Z", false},
		{"BR", "4513", true},
		{"BO", "97110", true},
		{"ER", "ANYTHING-1", true},
		{"WK", "X", true},
		{"IV", "", false},
		{"ZZ", "99213", false},
		{"", "99213", false},
	}
	for _, tt := range tests {
		if got := ValidProcedure(tt.qualifier, tt.code); got != tt.want {
			t.Errorf("ValidProcedure(%q, %q) = %v, want %v", tt.qualifier, tt.code, got, tt.want)
		}
	}
}

func TestValidModifier(t *testing.T) {
	tests := []struct {
		m    string
		want bool
	}{
		{"25", true}, {"RR", true}, {"NU", true}, {"KX", true}, {"59", true}, {"F1", true},
		{"rr", false}, {"R", false}, {"RRR", false}, {"R-", false}, {" R", false}, {"", false},
	}
	for _, tt := range tests {
		if got := ValidModifier(tt.m); got != tt.want {
			t.Errorf("ValidModifier(%q) = %v, want %v", tt.m, got, tt.want)
		}
	}
}

func TestValidRevenueCode(t *testing.T) {
	tests := []struct {
		c    string
		want bool
	}{
		{"0001", true}, {"0022", true}, {"0024", true}, {"0100", true}, {"0300", true},
		{"0450", true}, {"0999", true}, {"1000", true}, {"1005", true}, {"2101", true},
		{"3109", true},
		{"0000", false}, {"0002", false}, {"0025", false}, {"0099", false}, {"1006", false},
		{"2110", false}, {"3110", false}, {"9999", false}, {"300", false}, {"03000", false},
		{"03A0", false}, {"", false},
	}
	for _, tt := range tests {
		if got := ValidRevenueCode(tt.c); got != tt.want {
			t.Errorf("ValidRevenueCode(%q) = %v, want %v", tt.c, got, tt.want)
		}
	}
}

func TestValidTaxonomy(t *testing.T) {
	tests := []struct {
		c    string
		want bool
	}{
		{"207Q00000X", true}, {"261QM0801X", true}, {"332B00000X", true}, {"163W00000X", true},
		{"207Q00000", false}, {"207Q00000Y", false}, {"207q00000X", false}, {"207Q0000-X", false},
		{"207Q00000XX", false}, {"", false},
	}
	for _, tt := range tests {
		if got := ValidTaxonomy(tt.c); got != tt.want {
			t.Errorf("ValidTaxonomy(%q) = %v, want %v", tt.c, got, tt.want)
		}
	}
}
