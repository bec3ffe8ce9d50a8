package codes

// Byte-class helpers for the format checks. X12 code values are ASCII and
// case-sensitive: lower-case letters are not the same code, so they fail.

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }

func isAlnum(b byte) bool { return isDigit(b) || isUpper(b) }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func allAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) {
			return false
		}
	}
	return true
}
