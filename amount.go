package edigw

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Amount is money in cents. X12 writes amounts as decimals (R type: "125",
// "125.5", "-1.27"); floating point would lose cents in sums, so records keep
// integers and JSON carries amounts as strings.
type Amount int64

// ParseAmount reads an X12 decimal amount. More than two decimals are an
// error: no HIPAA amount has them.
func ParseAmount(s string) (Amount, error) {
	if s == "" {
		return 0, errors.New("edigw: empty amount")
	}
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" && frac == "" || len(frac) > 2 || hasDot && frac == "" && whole == "" {
		return 0, fmt.Errorf("edigw: %q is not an amount", s)
	}
	for _, c := range whole + frac {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("edigw: %q is not an amount", s)
		}
	}
	var w int64
	if whole != "" {
		var err error
		if w, err = strconv.ParseInt(whole, 10, 64); err != nil {
			return 0, fmt.Errorf("edigw: amount %q: %w", s, err)
		}
	}
	for len(frac) < 2 {
		frac += "0"
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	a := Amount(w*100 + f)
	if neg {
		a = -a
	}
	return a, nil
}

// String writes the amount the way X12 and the JSON views do: no trailing
// zero decimals ("125", "125.5", "-1.27").
func (a Amount) String() string {
	neg := a < 0
	if neg {
		a = -a
	}
	s := strconv.FormatInt(int64(a/100), 10)
	if c := int64(a % 100); c != 0 {
		if c%10 == 0 {
			s += "." + strconv.FormatInt(c/10, 10)
		} else {
			s += fmt.Sprintf(".%02d", c)
		}
	}
	if neg {
		s = "-" + s
	}
	return s
}

// MarshalText writes the amount as a decimal string (JSON: "125.5").
func (a Amount) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText reads a decimal string.
func (a *Amount) UnmarshalText(b []byte) error {
	v, err := ParseAmount(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}
