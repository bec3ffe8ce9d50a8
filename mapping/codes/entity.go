package codes

// EntityIdentifier is NM101 and STC01-3 (code list 98): whom a segment
// or a claim status names. Only the codes a 277CA's claim statuses and
// the 837's parties use are listed; a status naming another entity keeps
// its code without a description.
var EntityIdentifier = newList("EntityIdentifier", []Code{
	{"03", "Dependent", Active},
	{"1P", "Provider", Active},
	{"2B", "Third-party administrator", Active},
	{"36", "Employer", Active},
	{"40", "Receiver", Active},
	{"41", "Submitter", Active},
	{"71", "Attending physician", Active},
	{"72", "Operating physician", Active},
	{"73", "Other physician", Active},
	{"77", "Service location", Active},
	{"82", "Rendering provider", Active},
	{"85", "Billing provider", Active},
	{"87", "Pay-to provider", Active},
	{"AY", "Clearinghouse", Active}, // 277 (X212) 2200B: the information receiver as a clearinghouse
	{"DK", "Ordering physician", Active},
	{"DN", "Referring provider", Active},
	{"DQ", "Supervising physician", Active},
	{"FA", "Facility", Active},
	{"GB", "Other insured", Active},
	{"IL", "Insured or subscriber", Active},
	{"LI", "Independent lab", Active},
	{"PE", "Payee", Active},
	{"PR", "Payer", Active},
	{"QC", "Patient", Active},
	{"TT", "Transfer to", Active},
})
