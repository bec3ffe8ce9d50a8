package codes

// Code lists of the 835 remittance that are defined by the X12 standard
// itself (X221A1), not by an external maintainer.

// AdjustmentGroup is CAS01, the claim adjustment group code: who bears an
// adjustment. CR was dropped from the 5010 835 (X221A1 allows CO, OA, PI,
// PR) and is kept, retired, for 4010 remittances.
var AdjustmentGroup = newList("AdjustmentGroup", []Code{
	{"CO", "Contractual obligations", Active},
	{"CR", "Corrections and reversals", Retired},
	{"OA", "Other adjustments", Active},
	{"PI", "Payer initiated reductions", Active},
	{"PR", "Patient responsibility", Active},
})

// ClaimStatus is CLP02, how the payer processed the claim.
var ClaimStatus = newList("ClaimStatus", []Code{
	{"1", "Processed as primary", Active},
	{"2", "Processed as secondary", Active},
	{"3", "Processed as tertiary", Active},
	{"4", "Denied", Active},
	{"19", "Processed as primary, forwarded to additional payer(s)", Active},
	{"20", "Processed as secondary, forwarded to additional payer(s)", Active},
	{"21", "Processed as tertiary, forwarded to additional payer(s)", Active},
	{"22", "Reversal of previous payment", Active},
	{"23", "Not our claim, forwarded to additional payer(s)", Active},
	{"25", "Predetermination pricing only, no payment", Active},
})

// PaymentMethod is BPR04, how the money moves.
var PaymentMethod = newList("PaymentMethod", []Code{
	{"ACH", "Automated Clearing House (ACH)", Active},
	{"BOP", "Financial institution option", Active},
	{"CHK", "Check", Active},
	{"FWT", "Federal Reserve funds/wire transfer, nonrepetitive", Active},
	{"NON", "Non-payment data", Active},
})

// ProviderAdjustmentReason is PLB03-1 (and PLB05-1 ...), the reason for a
// provider-level adjustment that is not tied to one claim.
var ProviderAdjustmentReason = newList("ProviderAdjustmentReason", []Code{
	{"50", "Late charge", Active},
	{"51", "Interest penalty charge", Active},
	{"72", "Authorized return", Active},
	{"90", "Early payment allowance", Active},
	{"AH", "Origination fee", Active},
	{"AM", "Applied to borrower's account", Active},
	{"AP", "Acceleration of benefits", Active},
	{"B2", "Rebate", Active},
	{"B3", "Recovery allowance", Active},
	{"BD", "Bad debt adjustment", Active},
	{"BN", "Bonus", Active},
	{"C5", "Temporary allowance", Active},
	{"CR", "Capitation interest", Active},
	{"CS", "Adjustment", Active},
	{"CT", "Capitation payment", Active},
	{"CV", "Capital passthru", Active},
	{"CW", "Certified registered nurse anesthetist passthru", Active},
	{"DM", "Direct medical education passthru", Active},
	{"E3", "Withholding", Active},
	{"FB", "Forwarding balance", Active},
	{"FC", "Fund allocation", Active},
	{"GO", "Graduate medical education passthru", Active},
	{"HM", "Hemophilia clotting factor supplement", Active},
	{"IP", "Incentive premium payment", Active},
	{"IR", "Internal Revenue Service withholding", Active},
	{"IS", "Interim settlement", Active},
	{"J1", "Nonreimbursable", Active},
	{"L3", "Penalty", Active},
	{"L6", "Interest owed", Active},
	{"LE", "Levy", Active},
	{"LS", "Lump sum", Active},
	{"OA", "Organ acquisition passthru", Active},
	{"OB", "Offset for affiliated providers", Active},
	{"PI", "Periodic interim payment", Active},
	{"PL", "Payment final", Active},
	{"RA", "Retro-activity adjustment", Active},
	{"RE", "Return on equity", Active},
	{"SL", "Student loan repayment", Active},
	{"TL", "Third party liability", Active},
	{"WO", "Overpayment recovery", Active},
	{"WU", "Unspecified recovery", Active},
})
