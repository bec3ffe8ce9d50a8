package edi

// ValidDate reports whether v is a calendar date in CCYYMMDD (8 digits) or
// YYMMDD (6 digits) form.
func ValidDate(v []byte) bool {
	if !allDigits(v) {
		return false
	}
	var y, m, d int
	switch len(v) {
	case 8:
		y, m, d = atoi(v[:4]), atoi(v[4:6]), atoi(v[6:8])
	case 6:
		y, m, d = 2000+atoi(v[:2]), atoi(v[2:4]), atoi(v[4:6])
	default:
		return false
	}
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(y, m)
}

// ValidTime reports whether v is a time in HHMM, HHMMSS, HHMMSSd or HHMMSSdd form.
func ValidTime(v []byte) bool {
	if !allDigits(v) || len(v) < 4 || len(v) == 5 || len(v) > 8 {
		return false
	}
	if atoi(v[:2]) > 23 || atoi(v[2:4]) > 59 {
		return false
	}
	return len(v) < 6 || atoi(v[4:6]) <= 59
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func allDigits(v []byte) bool {
	if len(v) == 0 {
		return false
	}
	for _, c := range v {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func atoi(v []byte) int {
	n := 0
	for _, c := range v {
		n = n*10 + int(c-'0')
	}
	return n
}
