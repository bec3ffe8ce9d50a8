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
