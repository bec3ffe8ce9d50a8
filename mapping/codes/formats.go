package codes

// ValidModifier says whether m has the form of a procedure modifier (CPT,
// HCPCS or CDT; SV101-3 to -6 and the like): two upper-case letters or
// digits.
func ValidModifier(m string) bool {
	return len(m) == 2 && isAlnum(m[0]) && isAlnum(m[1])
}

// ValidRevenueCode says whether c has the form of a NUBC revenue code (SV201,
// SVC04, qualifier NU): four digits in the ranges the NUBC assigns —
// 0001 (total charges), 0022-0024 (HIPPS rate codes for SNF, home health
// and inpatient rehabilitation), 0100-0999 (accommodations and ancillary
// services), 1000-1005 (behavioral health accommodations), 2100-2109
// (alternative therapy) and 3100-3109 (adult care). A three-digit code is
// not padded: 5010 requires all four digits. Whether a code inside a range
// is assigned needs the licensed NUBC manual.
func ValidRevenueCode(c string) bool {
	if len(c) != 4 || !allDigits(c) {
		return false
	}
	n := int(c[0]-'0')*1000 + int(c[1]-'0')*100 + int(c[2]-'0')*10 + int(c[3]-'0')
	switch {
	case n == 1, n >= 22 && n <= 24:
		return true
	case n >= 100 && n <= 999:
		return true
	case n >= 1000 && n <= 1005, n >= 2100 && n <= 2109, n >= 3100 && n <= 3109:
		return true
	}
	return false
}

// ValidTaxonomy says whether c has the form of a NUCC health care provider
// taxonomy code (PRV03): ten characters, nine upper-case letters or digits
// and a closing X, as in 207Q00000X or 261QM0801X.
func ValidTaxonomy(c string) bool {
	return len(c) == 10 && c[9] == 'X' && allAlnum(c[:9])
}
