package codes

// PresentOnAdmission is the 837I present-on-admission indicator (HI
// C022-9, the CMS POA reporting codes): whether a diagnosis was present
// when the patient was admitted.
var PresentOnAdmission = newList("PresentOnAdmission", []Code{
	{"1", "Exempt from POA reporting", Active},
	{"N", "Not present at the time of inpatient admission", Active},
	{"U", "Documentation insufficient to determine", Active},
	{"W", "Clinically undetermined", Active},
	{"Y", "Present at the time of inpatient admission", Active},
})
