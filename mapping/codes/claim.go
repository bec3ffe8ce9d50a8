package codes

// Code lists of the 837 claim (and the 835 fields that echo it).

// ClaimFrequency is CLM05-3 and CLP09: the third character of the NUBC type
// of bill, saying whether a claim is original, a replacement, a void...
// Professional and dental claims use 1, 7 and 8; the rest are institutional.
// 6 (adjustment of prior claim) was withdrawn by the NUBC and is kept,
// retired, for old files.
var ClaimFrequency = newList("ClaimFrequency", []Code{
	{"0", "Non-payment/zero claim", Active},
	{"1", "Original claim (admit through discharge)", Active},
	{"2", "Interim, first claim", Active},
	{"3", "Interim, continuing claim", Active},
	{"4", "Interim, last claim", Active},
	{"5", "Late charge(s) only", Active},
	{"6", "Adjustment of prior claim", Retired},
	{"7", "Replacement of prior claim", Active},
	{"8", "Void/cancel of prior claim", Active},
	{"9", "Final claim for a home health PPS episode", Active},
	{"A", "Hospice admission/election notice", Active},
	{"B", "Hospice termination/revocation notice", Active},
	{"C", "Hospice change of provider notice", Active},
	{"D", "Hospice election void/cancel", Active},
	{"E", "Hospice change of ownership", Active},
	{"F", "Beneficiary initiated adjustment claim", Active},
	{"G", "CWF initiated adjustment claim", Active},
	{"H", "CMS initiated adjustment claim", Active},
	{"I", "Intermediary/MAC adjustment claim (not QIO or provider)", Active},
	{"J", "Initiated adjustment claim, other", Active},
	{"K", "OIG initiated adjustment claim", Active},
	{"M", "MSP initiated adjustment claim", Active},
	{"P", "QIO adjustment claim", Active},
	{"Q", "Claim submitted for reconsideration outside timely limits (reopening)", Active},
})

// ClaimFilingIndicator is SBR09 of the 837 and CLP06 of the 835: the kind
// of coverage. The 835 allows a subset (X221A1 has no 11, BL, CI or FI).
var ClaimFilingIndicator = newList("ClaimFilingIndicator", []Code{
	{"11", "Other non-federal programs", Active},
	{"12", "Preferred provider organization (PPO)", Active},
	{"13", "Point of service (POS)", Active},
	{"14", "Exclusive provider organization (EPO)", Active},
	{"15", "Indemnity insurance", Active},
	{"16", "Health maintenance organization (HMO) Medicare risk", Active},
	{"17", "Dental maintenance organization", Active},
	{"AM", "Automobile medical", Active},
	{"BL", "Blue Cross/Blue Shield", Active},
	{"CH", "CHAMPUS (TRICARE)", Active},
	{"CI", "Commercial insurance company", Active},
	{"DS", "Disability", Active},
	{"FI", "Federal Employees Program", Active},
	{"HM", "Health maintenance organization (HMO)", Active},
	{"LM", "Liability medical", Active},
	{"MA", "Medicare Part A", Active},
	{"MB", "Medicare Part B", Active},
	{"MC", "Medicaid", Active},
	{"OF", "Other federal program", Active},
	{"TV", "Title V", Active},
	{"VA", "Veterans Affairs plan", Active},
	{"WC", "Workers' compensation health claim", Active},
	{"ZZ", "Mutually defined", Active},
})

// DiagnosisQualifier is the code list qualifier (C022-1) of an HI composite
// that carries a diagnosis: ICD-10-CM (AB*, APR), ICD-9-CM (B*, PR; for
// dates of service before October 1, 2015) and the DRG.
var DiagnosisQualifier = newList("DiagnosisQualifier", []Code{
	{"ABK", "ICD-10-CM principal diagnosis", Active},
	{"ABF", "ICD-10-CM diagnosis", Active},
	{"ABJ", "ICD-10-CM admitting diagnosis", Active},
	{"ABN", "ICD-10-CM external cause of injury", Active},
	{"APR", "ICD-10-CM patient's reason for visit", Active},
	{"BK", "ICD-9-CM principal diagnosis", Active},
	{"BF", "ICD-9-CM diagnosis", Active},
	{"BJ", "ICD-9-CM admitting diagnosis", Active},
	{"BN", "ICD-9-CM external cause of injury", Active},
	{"PR", "ICD-9-CM patient's reason for visit", Active},
	{"DR", "Diagnosis related group (DRG)", Active},
})

// ProcedureQualifier is the code list qualifier of an HI composite that
// carries a procedure: ICD-10-PCS and ICD-9-CM on institutional claims,
// HCPCS on professional ones, and the advanced billing concepts code.
var ProcedureQualifier = newList("ProcedureQualifier", []Code{
	{"BBR", "ICD-10-PCS principal procedure", Active},
	{"BBQ", "ICD-10-PCS other procedure", Active},
	{"BR", "ICD-9-CM principal procedure", Active},
	{"BQ", "ICD-9-CM other procedure", Active},
	{"BP", "HCPCS principal procedure", Active},
	{"BO", "HCPCS procedure", Active},
	{"CAH", "Advanced billing concepts (ABC) code", Active},
})

// UnitBasis is element 355, the unit of a quantity: SV103 and SV204
// (service units), CTP05-1 (drug quantity), HSD03 (278 delivery pattern),
// CR1 (ambulance weight and distance).
var UnitBasis = newList("UnitBasis", []Code{
	{"DA", "Days", Active},
	{"DH", "Miles", Active},
	{"F2", "International unit", Active},
	{"GR", "Gram", Active},
	{"KG", "Kilogram", Active},
	{"LB", "Pound", Active},
	{"ME", "Milligram", Active},
	{"MJ", "Minutes", Active},
	{"ML", "Milliliter", Active},
	{"MO", "Months", Active},
	{"UN", "Unit", Active},
	{"VS", "Visit", Active},
	{"WK", "Week", Active},
	{"YR", "Years", Active},
})

// Gender is DMG03.
var Gender = newList("Gender", []Code{
	{"F", "Female", Active},
	{"M", "Male", Active},
	{"U", "Unknown", Active},
})
