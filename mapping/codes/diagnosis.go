package codes

// ValidICD10CM says whether code has the form of an ICD-10-CM diagnosis code
// as 5010 transmits it (HI segments, qualifiers ABK, ABF, ABJ, ABN, APR):
//
//   - no decimal point: the TR3s say the point is implied, never sent;
//   - 3 to 7 characters, upper case;
//   - first a letter, second a digit, then letters or digits (the third can
//     be a letter, as in C7A or M1A; the seventh is often A, D or S, and X
//     fills unused places before it);
//   - the letter U is reserved by WHO for provisional codes; ICD-10-CM uses
//     only U07.0, U07.1 and U09.9, so those three are the only U codes
//     accepted.
//
// It checks the form only: whether the code exists, is a billable leaf and
// was valid on the date of service needs the CMS code table.
func ValidICD10CM(code string) bool {
	n := len(code)
	if n < 3 || n > 7 || !isUpper(code[0]) || !isDigit(code[1]) || !allAlnum(code[2:]) {
		return false
	}
	if code[0] == 'U' {
		return code == "U070" || code == "U071" || code == "U099"
	}
	return true
}

// ValidICD9CM says whether code has the form of an ICD-9-CM diagnosis code
// without its decimal point (qualifiers BK, BF, BJ, BN, PR; dates of service
// before October 1, 2015): three to five digits, V and two to four digits,
// or E and three or four digits.
func ValidICD9CM(code string) bool {
	n := len(code)
	switch {
	case n == 0:
		return false
	case code[0] == 'V':
		return n >= 3 && n <= 5 && allDigits(code[1:])
	case code[0] == 'E':
		return n >= 4 && n <= 5 && allDigits(code[1:])
	default:
		return n >= 3 && n <= 5 && allDigits(code)
	}
}

// ValidDiagnosis checks a diagnosis code against the code set its HI
// qualifier names. An unknown qualifier fails. DR (a DRG) is checked only
// for being one to four letters or digits, since payers use different
// groupers.
func ValidDiagnosis(qualifier, code string) bool {
	switch qualifier {
	case "ABK", "ABF", "ABJ", "ABN", "APR":
		return ValidICD10CM(code)
	case "BK", "BF", "BJ", "BN", "PR":
		return ValidICD9CM(code)
	case "DR":
		return len(code) >= 1 && len(code) <= 4 && allAlnum(code)
	}
	return false
}
