package codes

import (
	"strings"
	"testing"
)

// luhnValid is a second, independent Luhn check: the textbook algorithm
// over the whole number with the NPI prefix written out.
func luhnValid(digits string) bool {
	sum := 0
	for i := 0; i < len(digits); i++ {
		d := int(digits[len(digits)-1-i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

func FuzzValidNPI(f *testing.F) {
	for _, s := range []string{"1234567893", "1234567890", "", "123456789X", "12345678931", "0000000006"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := ValidNPI(s)
		want := len(s) == 10 && allDigits(s) && luhnValid("80840"+s)
		if got != want {
			t.Fatalf("ValidNPI(%q) = %v, the reference says %v", s, got, want)
		}
		if got {
			// Changing any one digit breaks the check digit.
			b := []byte(s)
			for i := range b {
				orig := b[i]
				b[i] = '0' + (orig-'0'+1)%10
				if ValidNPI(string(b)) {
					t.Fatalf("ValidNPI accepts %q and %q, one digit apart", s, b)
				}
				b[i] = orig
			}
		}
	})
}

func FuzzValidICD10CM(f *testing.F) {
	for _, s := range []string{"E119", "E11.9", "U071", "U072", "S72001A", "Z3A01", "", "e119", "E11900000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !ValidICD10CM(s) {
			return
		}
		if len(s) < 3 || len(s) > 7 {
			t.Fatalf("accepted %q of length %d", s, len(s))
		}
		if strings.ContainsAny(s, ". ") || strings.ToUpper(s) != s {
			t.Fatalf("accepted %q with a point, a space or lower case", s)
		}
		if s[0] < 'A' || s[0] > 'Z' || s[1] < '0' || s[1] > '9' {
			t.Fatalf("accepted %q: must start with a letter and a digit", s)
		}
		if s[0] == 'U' && s != "U070" && s != "U071" && s != "U099" {
			t.Fatalf("accepted the U code %q", s)
		}
		// The dotted form of an accepted code is never accepted.
		if ValidICD10CM(s[:3] + "." + s[3:]) {
			t.Fatalf("accepted the dotted form of %q", s)
		}
	})
}
