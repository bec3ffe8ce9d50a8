package codes

// ValidNPI says whether npi is a well-formed National Provider Identifier:
// ten digits whose last is the Luhn check digit of the first nine, computed
// as if they were prefixed by 80840 (the NPI's issuer prefix under ISO 7812).
// The prefix contributes a constant 24 to the Luhn sum. The first digit is
// not restricted: 1 and 2 are the only ones issued so far, but the standard
// does not forbid others.
func ValidNPI(npi string) bool {
	if len(npi) != 10 || !allDigits(npi) {
		return false
	}
	sum := 24
	// Walk the nine payload digits from the right; the rightmost is
	// doubled, as it sits next to the check digit.
	for i := 8; i >= 0; i-- {
		d := int(npi[i] - '0')
		if (8-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	check := (10 - sum%10) % 10
	return int(npi[9]-'0') == check
}
