package codes

// Code lists of the 278 health care services review (X217).

// HCRAction is HCR01, the outcome of a review. These are the eight values
// X217 allows; the 4010 guide (X094A1) allowed a subset of them.
var HCRAction = newList("HCRAction", []Code{
	{"A1", "Certified in total", Active},
	{"A2", "Certified, partial", Active},
	{"A3", "Not certified", Active},
	{"A4", "Pended", Active},
	{"A6", "Modified", Active},
	{"C", "Cancelled", Active},
	{"CT", "Contact payer", Active},
	{"NA", "No action required", Active},
})

// UMRequestCategory is UM01, what kind of review is asked for. IN
// (individual) appears in the X217 request only.
var UMRequestCategory = newList("UMRequestCategory", []Code{
	{"AR", "Admission review", Active},
	{"HS", "Health services review", Active},
	{"IN", "Individual", Active},
	{"SC", "Specialty care review", Active},
})

// CertificationType is UM02, the request's place in the review's life.
var CertificationType = newList("CertificationType", []Code{
	{"1", "Appeal, immediate", Active},
	{"2", "Appeal, standard", Active},
	{"3", "Cancel", Active},
	{"4", "Extension", Active},
	{"I", "Initial", Active},
	{"N", "Reconsideration", Active},
	{"R", "Renewal", Active},
	{"S", "Revised", Active},
})

// DecisionReason is HCR03, why a review came out as it did: X12's
// external code source 886 (Service Review Decision Reason Codes). A
// payer profile may describe its reviewer's own codes on top of these
// (payers.DenialReasons).
var DecisionReason = newList("DecisionReason", []Code{
	{"01", "Price authorization expired", Active},
	{"02", "Price authorization no longer required", Active},
	{"03", "Product not on the price authorization", Active},
	{"04", "Authorized quantity exceeded", Active},
	{"05", "Special cost incorrect", Active},
	{"06", "No credit allowed", Active},
	{"07", "Administrative cancellation", Active},
	{"08", "Unit resale higher than authorized", Active},
	{"09", "Out of network", Active},
	{"0A", "Testing not included", Active},
	{"0B", "Request forwarded to an external review organization, whose decision will follow", Active},
	{"0C", "Authorization or access restrictions", Active},
	{"0D", "Requires primary care physician authorization", Active},
	{"0E", "Provider is not the primary care physician", Active},
	{"0F", "Not medically necessary", Active},
	{"0G", "Level of care not appropriate", Active},
	{"0H", "Certification not required for this service", Active},
	{"0J", "Certification is the responsibility of an external review organization", Active},
	{"0K", "Primary care service", Active},
	{"0L", "Exceeds plan maximums", Active},
	{"0M", "Non-covered service", Active},
	{"0N", "No prior approval", Active},
	{"0P", "Requested information not received", Active},
	{"0Q", "Duplicate request", Active},
	{"0R", "Service inconsistent with diagnosis", Active},
	{"0S", "Pre-existing condition", Active},
	{"0T", "Experimental service or procedure", Active},
	{"0U", "Additional patient information required", Active},
	{"0V", "Requires medical review", Active},
	{"0W", "Disposition pending review", Active},
	{"0X", "Service inconsistent with provider type", Active},
	{"0Y", "Service inconsistent with the patient's age", Active},
	{"0Z", "Service inconsistent with the patient's gender", Active},
	{"10", "Delivery pattern of the product, service or procedure (units, days, visits, weeks, hours, months)", Active},
	{"11", "Pricing", Active},
	{"12", "Patient is restricted to a specific provider", Active},
	{"13", "Service authorized for another provider", Active},
	{"14", "Plan or contractual guidelines not followed", Active},
	{"15", "Plan or contractual geographic restriction", Active},
	{"16", "Inappropriate facility type", Active},
	{"17", "Time limits not met", Active},
	{"18", "Notification received", Active},
	{"19", "Cosmetic", Active},
	{"20", "Once in a lifetime restriction applies", Active},
	{"21", "Transport request denied", Active},
	{"22", "Ambulance certification does not correspond to the transport address", Active},
	{"23", "Mileage cannot be computed from the data submitted", Active},
	{"24", "Computed mileage is inconsistent with the transport information or service units", Active},
	{"25", "Services not considered because of other errors in the request", Active},
	{"26", "Missing provider role", Active},
	{"27", "Patient in an exchange plan's premium payment grace period, first month", Active},
	{"28", "Patient in an exchange plan's premium payment grace period, second month", Active},
	{"29", "Patient in an exchange plan's premium payment grace period, third month", Active},
})
