package payers

import (
	"fmt"
	"strings"

	"github.com/edigw/edigw/mapping/codes"
)

// CodeRange is an inclusive range of procedure codes of one family: HCPCS
// level II (a letter and four digits, both ends with the same letter) or
// CPT category I (five digits). A single code is a range of one. Within a
// family every code has the same length and shape, so comparing strings
// orders them.
type CodeRange struct {
	From, To string
}

// ParseCodeRange reads "E0424-E0447" or "E0455".
func ParseCodeRange(s string) (CodeRange, error) {
	from, to, isRange := strings.Cut(strings.TrimSpace(s), "-")
	if !isRange {
		to = from
	}
	r := CodeRange{From: strings.TrimSpace(from), To: strings.TrimSpace(to)}
	switch {
	case !procedureShaped(r.From):
		return CodeRange{}, fmt.Errorf("code range %q: %q is neither a HCPCS code (a letter in use and four digits) nor a CPT code (five digits)", s, r.From)
	case !procedureShaped(r.To):
		return CodeRange{}, fmt.Errorf("code range %q: %q is neither a HCPCS code (a letter in use and four digits) nor a CPT code (five digits)", s, r.To)
	case r.From[0] != r.To[0] && (isLetter(r.From[0]) || isLetter(r.To[0])):
		return CodeRange{}, fmt.Errorf("code range %q: both ends must have the same letter prefix", s)
	case r.From > r.To:
		return CodeRange{}, fmt.Errorf("code range %q: %s comes after %s", s, r.From, r.To)
	}
	return r, nil
}

// Contains says whether code falls in the range.
func (r CodeRange) Contains(code string) bool {
	if !procedureShaped(code) || isLetter(code[0]) != isLetter(r.From[0]) {
		return false
	}
	return r.From <= code && code <= r.To
}

// Overlaps says whether two ranges share a code.
func (r CodeRange) Overlaps(o CodeRange) bool {
	return isLetter(r.From[0]) == isLetter(o.From[0]) && r.From <= o.To && o.From <= r.To
}

func (r CodeRange) String() string {
	if r.From == r.To {
		return r.From
	}
	return r.From + "-" + r.To
}

// UnmarshalText lets profiles write ranges as strings.
func (r *CodeRange) UnmarshalText(b []byte) error {
	parsed, err := ParseCodeRange(string(b))
	if err != nil {
		return err
	}
	*r = parsed
	return nil
}

// MarshalText writes the range as a profile does.
func (r CodeRange) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// RevenueCode is a NUBC revenue code (837I SV201) or a group of ten of them
// written with a trailing X: "042X" is 0420-0429, physical therapy.
type RevenueCode string

// validRevenueCode: four characters, the first three digits, the last a
// digit or X.
func validRevenueCode(s string) bool {
	return len(s) == 4 && allDigits(s[:3]) && (isDigit(s[3]) || s[3] == 'X')
}

// Matches says whether a claim's revenue code is this one or in this group.
// Claims sometimes drop the leading zero ("421"); it is put back first.
func (rc RevenueCode) Matches(code string) bool {
	code = strings.TrimSpace(code)
	if len(code) == 3 {
		code = "0" + code
	}
	if len(code) != 4 || !allDigits(code) {
		return false
	}
	if rc[3] == 'X' {
		return code[:3] == string(rc[:3])
	}
	return code == string(rc)
}

// Overlaps says whether two revenue codes or groups share a code.
func (rc RevenueCode) Overlaps(o RevenueCode) bool {
	if rc[:3] != o[:3] {
		return false
	}
	return rc[3] == 'X' || o[3] == 'X' || rc[3] == o[3]
}

// procedureShaped: a HCPCS level II code (with a letter in use) or a CPT
// category I code (five digits).
func procedureShaped(code string) bool {
	return codes.ValidHCPCS(code) || (len(code) == 5 && allDigits(code))
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'A' <= c && c <= 'Z' }
