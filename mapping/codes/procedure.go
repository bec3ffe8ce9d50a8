package codes

// ValidCPT says whether code has the form of a CPT code: five digits
// (category I), or four digits and a letter: F (category II performance
// measures), T (category III emerging technology), U (proprietary
// laboratory analyses) or M (multianalyte assays with algorithmic
// analyses, CPT appendix O). The form only: CPT is licensed by the AMA.
func ValidCPT(code string) bool {
	if len(code) != 5 || !allDigits(code[:4]) {
		return false
	}
	switch code[4] {
	case 'F', 'T', 'U', 'M':
		return true
	}
	return isDigit(code[4])
}

// hcpcsLetters are the first letters in use in HCPCS level II: A transport
// and supplies, B enteral/parenteral, C outpatient PPS, D dental (the CDT
// set, published within level II), E durable medical equipment, G
// professional services, H behavioral health, J drugs, K and L DME and
// orthotics/prosthetics, M medical services and quality measures, P
// pathology, Q temporary, R diagnostic radiology, S private payer
// temporary, T Medicaid, U coronavirus laboratory tests, V vision and
// hearing. F, I, N, O, W, X, Y and Z are not used.
const hcpcsLetters = "ABCDEGHJKLMPQRSTUV"

// ValidHCPCS says whether code has the form of a HCPCS level II code: one of
// the letters in use followed by four digits.
func ValidHCPCS(code string) bool {
	if len(code) != 5 || !allDigits(code[1:]) {
		return false
	}
	for i := 0; i < len(hcpcsLetters); i++ {
		if code[0] == hcpcsLetters[i] {
			return true
		}
	}
	return false
}

// ValidCDT says whether code has the form of an ADA CDT dental procedure
// code: D and four digits.
func ValidCDT(code string) bool {
	return len(code) == 5 && code[0] == 'D' && allDigits(code[1:])
}

// ValidICD10PCS says whether code has the form of an ICD-10-PCS procedure
// code (HI qualifiers BBR, BBQ): seven characters, digits and upper-case
// letters except I and O, which PCS leaves out so they are not read as 1
// and 0.
func ValidICD10PCS(code string) bool {
	if len(code) != 7 {
		return false
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		if !isAlnum(c) || c == 'I' || c == 'O' {
			return false
		}
	}
	return true
}

// ValidICD9Procedure says whether code has the form of an ICD-9-CM procedure
// code without its decimal point (HI qualifiers BR, BQ): three or four
// digits.
func ValidICD9Procedure(code string) bool {
	return (len(code) == 3 || len(code) == 4) && allDigits(code)
}

// ValidNDC says whether code has the form of a National Drug Code in the
// 5-4-2 layout 5010 requires (qualifier N4): eleven digits, no hyphens.
func ValidNDC(code string) bool {
	return len(code) == 11 && allDigits(code)
}

// ValidHIPPS says whether code has the form of a HIPPS rate code (qualifier
// HP): five letters or digits.
func ValidHIPPS(code string) bool {
	return len(code) == 5 && allAlnum(code)
}

// ValidProcedure checks a procedure code against the code set its
// qualifier names (SV101-1, SV202-1, SV301-1, SVC01-1, HI):
//
//	HC, BP, BO   CPT or HCPCS level II
//	AD           CDT
//	NU           NUBC revenue code
//	N4           NDC (11 digits)
//	HP           HIPPS rate code
//	BBR, BBQ     ICD-10-PCS
//	BR, BQ       ICD-9-CM procedure
//	CAH          advanced billing concepts code (HI): non-empty only
//	ER, IV, WK   jurisdiction-specific, HIEC product/service and advanced
//	             billing concepts codes: non-empty only
//
// An empty code or an unknown qualifier fails.
func ValidProcedure(qualifier, code string) bool {
	switch qualifier {
	case "HC", "BP", "BO":
		return ValidCPT(code) || ValidHCPCS(code)
	case "AD":
		return ValidCDT(code)
	case "NU":
		return ValidRevenueCode(code)
	case "N4":
		return ValidNDC(code)
	case "HP":
		return ValidHIPPS(code)
	case "BBR", "BBQ":
		return ValidICD10PCS(code)
	case "BR", "BQ":
		return ValidICD9Procedure(code)
	case "ER", "IV", "WK", "CAH":
		return code != ""
	}
	return false
}
