package codes

import "github.com/edigw/edigw"

// AuthorizationStatus is the worklist status a 278 HCR01 action code
// gives, and false for a code that gives none (C, NA, or nothing: a
// response with only AAA rejections). It lives with the code lists
// because mapping (reading 278 responses) and mapping/payers (checking a
// claim against the authorization it names) both need it, and payers
// cannot import mapping.
func AuthorizationStatus(hcr01 string) (edigw.AuthorizationStatus, bool) {
	switch hcr01 {
	case "A1":
		return edigw.AuthApproved, true
	case "A2", "A6":
		return edigw.AuthPartiallyApproved, true
	case "A3":
		return edigw.AuthDenied, true
	case "A4":
		return edigw.AuthPending, true
	case "CT":
		return edigw.AuthCancelled, true
	}
	return "", false
}
