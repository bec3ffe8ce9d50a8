package ig

import "slices"

// X217Request and X217Response are the ASC X12N 005010X217 implementation
// guide: Health Care Services Review - Request for Review and Response
// (278). The two share ST03 and are told apart by BHT02: "13" request,
// "11" response. The request guide is registered first, so a request with
// BHT02 "01" (cancellation) or "36", which name neither guide, is read as
// a request.
var X217Request = &Guide{
	Version:      "005010X217",
	SetID:        "278",
	FunctionalID: "HI",
	Name:         "Health Care Services Review: Request for Review",
	BHT02:        []string{"13"},
	Root: loop("ST", "Health Care Services Review: Request for Review", R, 1,
		stSeg("278", "005010X217"),
		x217BHT([]string{"01", "13", "36"}, "RU"),
		loop("2000A", "Utilization Management Organization (UMO) Level", R, 1,
			hlSeg("Utilization Management Organization (UMO) Level", "20", N, R, "1"),
			loop("2010A", "Utilization Management Organization (UMO) Name", R, 1,
				x217UMONM1(),
			),
			loop("2000B", "Requester Level", R, 1,
				hlSeg("Requester Level", "21", R, R, "1"),
				loop("2010B", "Requester Name", R, 1,
					x217RequesterNM1([]string{"1P", "2B", "36", "FA", "PR"}),
					refSeg("Requester Supplemental Identification", S, 9, x217RequesterREF...),
					n3Seg("Requester Address", S),
					n4Seg("Requester City, State, ZIP Code", S),
					perSeg("Requester Contact Information", S, 1, []string{"IC"}, S),
					x217PRV("Requester Provider Information", x217RequesterPRV...),
				),
				loop("2000C", "Subscriber Level", R, 1,
					hlSeg("Subscriber Level", "22", R, R, "1"),
					loop("2010C", "Subscriber Name", R, 1,
						x217SubscriberNM1(),
						refSeg("Subscriber Supplemental Identification", S, 9, x217SubscriberREF...),
						n3Seg("Subscriber Address", S),
						n4Seg("Subscriber City, State, ZIP Code", S),
						x217DMG("Subscriber Demographic Information"),
						x217SubscriberINS(),
					),
					loop("2000D", "Dependent Level", S, 1,
						hlSeg("Dependent Level", "23", R, R, "1"),
						loop("2010D", "Dependent Name", R, 1,
							x217DependentNM1(),
							refSeg("Dependent Supplemental Identification", S, 3, "EJ", "SY"),
							n3Seg("Dependent Address", S),
							n4Seg("Dependent City, State, ZIP Code", S),
							x217DMG("Dependent Demographic Information"),
							x217DependentINS(),
						),
						x217RequestEvent(R),
					),
					x217RequestEvent(S),
				),
			),
		),
		seSeg(),
	),
}

// X217Response is the 278 response: the request's levels echoed, with
// request validation (AAA) at each level and the review outcome (HCR).
var X217Response = &Guide{
	Version:      "005010X217",
	SetID:        "278",
	FunctionalID: "HI",
	Name:         "Health Care Services Review: Response",
	BHT02:        []string{"11"},
	Root: loop("ST", "Health Care Services Review: Response", R, 1,
		stSeg("278", "005010X217"),
		x217BHT([]string{"11"}, "18", "19", "RU"),
		loop("2000A", "Utilization Management Organization (UMO) Level", R, 1,
			hlSeg("Utilization Management Organization (UMO) Level", "20", N, R, "1"),
			x217AAA("Request Validation", "N", "Y"),
			loop("2010A", "Utilization Management Organization (UMO) Name", R, 1,
				x217UMONM1(),
				perSeg("Utilization Management Organization (UMO) Contact Information", S, 1, []string{"IC"}, S),
				x217AAA("Utilization Management Organization (UMO) Request Validation", "N"),
			),
			loop("2000B", "Requester Level", R, 1,
				hlSeg("Requester Level", "21", R, R, "1"),
				loop("2010B", "Requester Name", R, 1,
					x217RequesterNM1([]string{"1P", "FA"}),
					refSeg("Requester Supplemental Identification", S, 9, x217RequesterREF...),
					x217AAA("Requester Request Validation", "N"),
					x217PRV("Requester Provider Information", x217RequesterPRV...),
				),
				loop("2000C", "Subscriber Level", R, 1,
					hlSeg("Subscriber Level", "22", R, R, "1"),
					loop("2010C", "Subscriber Name", R, 1,
						x217SubscriberNM1(),
						refSeg("Subscriber Supplemental Identification", S, 9, x217SubscriberREF...),
						n3Seg("Subscriber Mailing Address", S),
						n4Seg("Subscriber City, State, ZIP Code", S),
						x217AAA("Subscriber Request Validation", "N"),
						x217DMG("Subscriber Demographic Information"),
						x217SubscriberINS(),
					),
					loop("2000D", "Dependent Level", S, 1,
						hlSeg("Dependent Level", "23", R, R, "1"),
						loop("2010D", "Dependent Name", R, 1,
							x217DependentNM1(),
							refSeg("Dependent Supplemental Identification", S, 3, "EJ", "SY"),
							n3Seg("Dependent Address", S),
							n4Seg("Dependent City, State, ZIP Code", S),
							x217AAA("Dependent Request Validation", "N"),
							x217DMG("Dependent Demographic Information"),
							x217DependentINS(),
						),
						x217ResponseEvent(R),
					),
					x217ResponseEvent(S),
				),
			),
		),
		seSeg(),
	),
}

// Qualifier lists that several loops share.
var (
	x217RequesterREF  = []string{"1G", "1J", "EI", "G5", "N5", "N7", "SY", "ZH"}
	x217SubscriberREF = []string{"1L", "3L", "6P", "DP", "EJ", "F6", "HJ", "IG", "N6", "NQ", "SY"}
	x217ProviderREF   = []string{"0B", "1G", "1J", "EI", "N5", "N7", "SY", "ZH"}
	x217RequesterPRV  = []string{"AD", "AS", "AT", "CO", "CV", "OP", "OR", "OT", "PC", "PE", "RF"}
	x217EventPRV      = []string{"AD", "AS", "AT", "OP", "OR", "OT", "PC", "PE", "RF"}
	x217ServicePRV    = []string{"AS", "OP", "OR", "OT", "PC", "PE"}
	x217ProviderIDs   = []string{"24", "34", "46", "XX"}
	x217EventProvider = []string{"71", "72", "73", "77", "AAJ", "DD", "DK", "DN", "FA", "G3", "P3", "QB", "QV", "SJ"}
	x217Transport     = []string{"45", "FS", "ND", "PW", "R3"}
	x217Certification = []string{"1", "2", "3", "4", "I", "N", "R", "S"}
	x217Diagnosis     = []string{"ABF", "ABJ", "APR", "BF", "BJ", "DR", "PR"}
	x217Principal     = []string{"ABF", "ABJ", "ABK", "APR", "BF", "BJ", "BK", "DR", "PR"}
	x217AttachmentRpt = []string{"03", "04", "05", "06", "07", "08", "09", "10", "11", "13", "15", "21", "48", "55", "59", "77",
		"A3", "A4", "AM", "AS", "AT", "B2", "B3", "BR", "BS", "BT", "CB", "CK", "D2", "DA", "DB", "DG", "DJ", "DS", "FM",
		"HC", "HR", "I5", "IR", "LA", "M1", "NN", "OB", "OC", "OD", "OE", "OX", "P4", "P5", "P6", "P7", "PE", "PN", "PO",
		"PQ", "PY", "PZ", "QC", "QR", "RB", "RR", "RT", "RX", "SG", "V5", "XP"}
)

// x217RequestEvent is the request's 2000E loop, under 2000C when the
// patient is the subscriber (there situational: absent when the patient is
// a dependent) and under 2000D when a dependent.
func x217RequestEvent(usage Usage) *Loop {
	return loop("2000E", "Patient Event Level", usage, 1,
		hlSeg("Patient Event Level", "EV", R, R, "0", "1"),
		x217TRN("Patient Event Tracking Number", 2, "1"),
		x217UM(R, []string{"AR", "HS", "IN", "SC"}, true),
		refSeg("Previous Review Authorization Number", S, 1, "BB"),
		refSeg("Previous Review Administrative Reference Number", S, 1, "NT"),
		dtpSeg("Accident Date", S, 1, []string{"439"}, "D8"),
		dtpSeg("Last Menstrual Period Date", S, 1, []string{"484"}, "D8"),
		dtpSeg("Estimated Date of Birth", S, 1, []string{"ABC"}, "D8"),
		dtpSeg("Onset of Current Symptoms or Illness Date", S, 1, []string{"431"}, "D8"),
		dtpSeg("Event Date", S, 1, []string{"AAH"}, "D8", "RD8"),
		dtpSeg("Admission Date", S, 1, []string{"435"}, "D8", "RD8"),
		dtpSeg("Discharge Date", S, 1, []string{"096"}, "D8"),
		x217HI("Patient Diagnosis", x217Principal, x217Diagnosis, true),
		x217HSD(),
		x217CRC("Ambulance Certification Information", "07", "01", "04", "05", "06", "07", "08", "09", "12"),
		x217CRC("Chiropractic Certification Information", "08"),
		x217CRC("Durable Medical Equipment Information", "09", "38", "ZV"),
		x217CRC("Oxygen Therapy Certification Information", "11"),
		x217CRC("Functional Limitations Information", "75"),
		x217CRC("Activities Permitted Information", "76"),
		x217CRC("Mental Status Information", "77"),
		x217CL1(),
		x217CR1(),
		x217CR2(),
		x217CR5(),
		x217CR6(),
		x217PWK("Additional Patient Information", "AA", "BM", "EL", "EM", "FX", "VO"),
		x217MSG(),
		loop("2010EA", "Patient Event Provider Name", S, 12,
			x217ProviderNM1("Patient Event Provider Name", x217EventProvider),
			x217ProviderREFSeg("Patient Event Provider Supplemental Information"),
			n3Seg("Patient Event Provider Address", S),
			n4Seg("Patient Event Provider City, State, ZIP Code", S),
			perSeg("Patient Event Provider Contact Information", S, 1, []string{"IC"}, S),
			x217PRV("Patient Event Provider Information", x217EventPRV...),
		),
		loop("2010EB", "Patient Event Transport Information", S, 5,
			x217TransportNM1(),
			n3Seg("Patient Event Transport Location Address", R),
			x217TransportN4(),
		),
		loop("2010EC", "Patient Event Other UMO Name", S, 3,
			nm1Seg("Patient Event Other UMO Name", R, 1, []string{"00", "CA", "GG"}, []string{"2"}, nameParts{Last: S}),
			seg("REF", "Other UMO Denial Reason", S, 1,
				elem(128, "Reference Identification Qualifier", R, ID, 2, 3, "ZZ"),
				elem(127, "Other UMO Denial Reason", R, AN, 1, 50),
				unused(352, "Description"),
				composite("C040", "Reference Identifier", S,
					elem(128, "Reference Identification Qualifier", R, ID, 2, 3, "ZZ"),
					elem(127, "Other UMO Denial Reason", R, AN, 1, 50),
					elem(128, "Reference Identification Qualifier", S, ID, 2, 3, "ZZ"),
					elem(127, "Other UMO Denial Reason", S, AN, 1, 50),
					elem(128, "Reference Identification Qualifier", S, ID, 2, 3, "ZZ"),
					elem(127, "Other UMO Denial Reason", S, AN, 1, 50),
				),
			).syntax("R0203"),
			dtpSeg("Other UMO Denial Date", S, 1, []string{"598"}, "D8"),
		),
		loop("2000F", "Service Level", S, Many,
			hlSeg("Service Level", "SS", R, R, "0"),
			x217TRN("Service Trace Number", 2, "1"),
			x217UM(S, []string{"HS", "SC"}, false),
			refSeg("Previous Review Authorization Number", S, 1, "BB"),
			refSeg("Previous Review Administrative Reference Number", S, 1, "NT"),
			dtpSeg("Service Date", S, 1, []string{"472"}, "D8", "RD8"),
			x217SV1(),
			x217SV2(),
			x217SV3(),
			x217TOO(),
			x217HSD(),
			x217PWK("Additional Service Information", "AA", "BM", "EL", "EM", "FX", "VO"),
			x217MSG(),
			loop("2010F", "Service Provider Name", S, 12,
				x217ProviderNM1("Service Provider Name",
					[]string{"1T", "72", "73", "77", "DD", "DK", "DQ", "FA", "G3", "P3", "QB", "QV", "SJ"}),
				x217ProviderREFSeg("Service Provider Supplemental Identification"),
				n3Seg("Service Provider Address", S),
				n4Seg("Service Provider City, State, ZIP Code", S),
				perSeg("Service Provider Contact Information", S, 1, []string{"IC"}, S),
				x217PRV("Service Provider Information", x217ServicePRV...),
			),
		),
	)
}

// x217ResponseEvent is the response's 2000E loop. Its name loops differ
// from the request's: 2010EB is the contact for additional information,
// 2010EC the transport, and there is no other-UMO loop.
func x217ResponseEvent(usage Usage) *Loop {
	// The response's diagnosis codes may also be LOINC codes naming the
	// additional information the UMO needs.
	resultDiagnosis := append(slices.Clone(x217Diagnosis), "LOI")
	resultPrincipal := append(slices.Clone(x217Principal), "LOI")
	return loop("2000E", "Patient Event Level", usage, Many,
		hlSeg("Patient Event Level", "EV", R, R, "0", "1"),
		x217TRN("Patient Event Tracking Number", 3, "1", "2"),
		x217AAA("Patient Event Request Validation", "N"),
		x217UM(R, []string{"AR", "HS", "IN", "SC"}, true),
		x217HCR("A1", "A2", "A3", "A4", "A6", "C", "CT", "NA"),
		refSeg("Administrative Reference Number", S, 1, "NT"),
		refSeg("Previous Review Authorization Number", S, 1, "BB"),
		dtpSeg("Accident Date", S, 1, []string{"439"}, "D8"),
		dtpSeg("Last Menstrual Period Date", S, 1, []string{"484"}, "D8"),
		dtpSeg("Estimated Date of Birth", S, 1, []string{"ABC"}, "D8"),
		dtpSeg("Onset of Current Symptoms or Illness Date", S, 1, []string{"431"}, "D8"),
		dtpSeg("Event Date", S, 1, []string{"AAH"}, "D8", "RD8"),
		dtpSeg("Admission Date", S, 1, []string{"435"}, "D8", "RD8"),
		dtpSeg("Discharge Date", S, 1, []string{"096"}, "D8"),
		dtpSeg("Certification Issue Date", S, 1, []string{"102"}, "D8"),
		dtpSeg("Certification Expiration Date", S, 1, []string{"036"}, "D8"),
		dtpSeg("Certification Effective Date", S, 1, []string{"007"}, "D8", "RD8"),
		x217HI("Patient Diagnosis", resultPrincipal, resultDiagnosis, true),
		x217HSD(),
		x217CL1(),
		x217CR1(),
		x217CR2(),
		x217CR5(),
		x217CR6(),
		x217PWK("Additional Patient Information", "BM", "EL", "EM", "FX", "VO"),
		x217MSG(),
		loop("2010EA", "Patient Event Provider Name", S, 12,
			x217ProviderNM1("Patient Event Provider Name", x217EventProvider),
			x217ProviderREFSeg("Patient Event Provider Supplemental Identification"),
			n3Seg("Patient Event Provider Address", S),
			n4Seg("Patient Event Provider City, State, ZIP Code", S),
			perSeg("Provider Contact Information", S, 1, []string{"IC"}, S),
			x217AAA("Patient Event Provider Request Validation", "N"),
			x217PRV("Patient Event Provider Information", x217EventPRV...),
		),
		loop("2010EB", "Additional Patient Information Contact Name", S, 1,
			x217ContactNM1("Additional Patient Information Contact Name"),
			n3Seg("Additional Patient Information Contact Address", S),
			n4Seg("Additional Patient Information Contact City, State, ZIP Code", S),
			perSeg("Additional Patient Information Contact Information", S, 1, []string{"IC"}, S),
		),
		loop("2010EC", "Patient Event Transport Information", S, 5,
			x217TransportNM1(),
			n3Seg("Patient Event Transport Location Address", R),
			x217TransportN4(),
			x217AAA("Patient Event Transport Location Request Validation", "N"),
		),
		loop("2000F", "Service Level", S, Many,
			hlSeg("Service Level", "SS", R, R, "0"),
			x217TRN("Service Trace Number", 3, "1", "2"),
			x217AAA("Service Request Validation", "N"),
			x217UM(S, []string{"HS", "SC"}, false),
			x217HCR("A1", "A3", "A4", "A6", "C", "CT", "NA"),
			refSeg("Administrative Reference Number", S, 1, "NT"),
			refSeg("Previous Review Authorization Number", S, 1, "BB"),
			dtpSeg("Service Date", S, 1, []string{"472"}, "D8", "RD8"),
			dtpSeg("Certification Issue Date", S, 1, []string{"102"}, "D8"),
			dtpSeg("Certification Expiration Date", S, 1, []string{"036"}, "D8"),
			dtpSeg("Certification Effective Date", S, 1, []string{"007"}, "D8", "RD8"),
			x217HI("Request for Additional Information", []string{"LOI"}, []string{"LOI"}, false),
			x217SV1(),
			x217SV2(),
			x217SV3(),
			x217TOO(),
			x217HSD(),
			x217PWK("Additional Service Information", "BM", "EL", "EM", "FX", "VO"),
			x217MSG(),
			loop("2010FA", "Service Provider Name", S, 12,
				x217ProviderNM1("Service Provider Name",
					[]string{"72", "73", "77", "DD", "DK", "DQ", "FA", "G3", "P3", "QB", "QV", "SJ"}),
				x217ProviderREFSeg("Service Provider Supplemental Identification"),
				n3Seg("Service Provider Address", S),
				n4Seg("Service Provider City, State, ZIP Code", S),
				perSeg("Service Provider Contact Information", S, 1, []string{"IC"}, S),
				x217AAA("Service Provider Request Validation", "N"),
				x217PRV("Service Provider Information", x217ServicePRV...),
			),
			loop("2010FB", "Additional Service Information Contact Name", S, 1,
				x217ContactNM1("Additional Service Information Contact Name"),
				n3Seg("Additional Service Information Contact Address", S),
				n4Seg("Additional Service Information Contact City, State, ZIP Code", S),
				perSeg("Additional Service Information Contact Information", S, 1, []string{"IC"}, S),
			),
		),
	)
}

// x217BHT is the BHT with the purposes (BHT02) and transaction types
// (BHT06) of the request or the response.
func x217BHT(purposes []string, types ...string) *Segment {
	return seg("BHT", "Beginning of Hierarchical Transaction", R, 1,
		elem(1005, "Hierarchical Structure Code", R, ID, 4, 4, "0007"),
		elem(353, "Transaction Set Purpose Code", R, ID, 2, 2, purposes...),
		elem(127, "Submitter Transaction Identifier", R, AN, 1, 50),
		elem(373, "Transaction Set Creation Date", R, DT, 8, 8),
		elem(337, "Transaction Set Creation Time", R, TM, 4, 8),
		elem(640, "Transaction Type Code", S, ID, 2, 2, types...),
	)
}

func x217UMONM1() *Segment {
	return nm1Seg("Utilization Management Organization (UMO) Name", R, 1,
		[]string{"2B", "36", "PR", "X3"}, []string{"1", "2"},
		nameParts{Last: S, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"24", "46", "PI", "XV", "XX"}, ID: R})
}

func x217RequesterNM1(entities []string) *Segment {
	return nm1Seg("Requester Name", R, 1, entities, []string{"1", "2"},
		nameParts{Last: S, First: S, Middle: S, Suffix: S, IDQualifiers: x217ProviderIDs, ID: R})
}

func x217SubscriberNM1() *Segment {
	return nm1Seg("Subscriber Name", R, 1, []string{"IL"}, []string{"1"},
		nameParts{Last: S, First: S, Middle: S, Prefix: S, Suffix: S, IDQualifiers: []string{"MI"}, ID: R})
}

// x217DependentNM1 has no identifier: a dependent is known by the
// subscriber's member ID and the dependent's name and demographics.
func x217DependentNM1() *Segment {
	return nm1Seg("Dependent Name", R, 1, []string{"QC"}, []string{"1"},
		nameParts{Last: S, First: S, Middle: S, Suffix: S})
}

func x217ProviderNM1(name string, entities []string) *Segment {
	return nm1Seg(name, R, 1, entities, []string{"1", "2"},
		nameParts{Last: S, First: S, Middle: S, Prefix: S, Suffix: S, IDQualifiers: x217ProviderIDs, ID: S})
}

func x217ContactNM1(name string) *Segment {
	return nm1Seg(name, R, 1, []string{"L5"}, []string{"1", "2"},
		nameParts{Last: S, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"24", "46", "PI", "XV", "XX"}, ID: S})
}

func x217TransportNM1() *Segment {
	return nm1Seg("Patient Event Transport Information", R, 1, x217Transport, []string{"2"}, nameParts{Last: S})
}

// x217TransportN4 is a transport location's city, state and ZIP code: no
// country or subdivision.
func x217TransportN4() *Segment {
	return seg("N4", "Patient Event Transport Location City, State, ZIP Code", R, 1,
		elem(19, "Patient Event Transport Location City Name", S, AN, 2, 30),
		elem(156, "Patient Event Transport Location State or Province Code", S, ID, 2, 2).from(StateCodes),
		elem(116, "Patient Event Transport Location Postal Zone or ZIP Code", S, ID, 3, 15),
		unused(26, "Country Code"),
		unused(309, "Location Qualifier"),
		unused(310, "Location Identifier"),
		unused(1715, "Country Subdivision Code"),
	)
}

// x217ProviderREFSeg carries a provider's other identifiers; REF03 holds
// the licensing state when REF01 is 0B.
func x217ProviderREFSeg(name string) *Segment {
	return seg("REF", name, S, 9,
		elem(128, "Reference Identification Qualifier", R, ID, 2, 3, x217ProviderREF...),
		elem(127, "Reference Identification", R, AN, 1, 50),
		elem(352, "License Number State Code", S, AN, 1, 80),
		unusedComposite("C040", "Reference Identifier"),
	).syntax("R0203")
}

func x217PRV(name string, codes ...string) *Segment {
	return seg("PRV", name, S, 1,
		elem(1221, "Provider Code", R, ID, 1, 3, codes...),
		elem(128, "Reference Identification Qualifier", R, ID, 2, 3, "PXC"),
		elem(127, "Provider Taxonomy Code", R, AN, 1, 50),
		unused(156, "State or Province Code"),
		unusedComposite("C035", "Provider Specialty Information"),
		unused(1223, "Provider Organization Code"),
	).syntax("P0203")
}

// x217DMG is a birth date with an optional gender.
func x217DMG(name string) *Segment {
	return seg("DMG", name, S, 1,
		elem(1250, "Date Time Period Format Qualifier", R, ID, 2, 3, "D8"),
		elem(1251, "Birth Date", R, AN, 1, 35).date(1),
		elem(1068, "Gender Code", S, ID, 1, 1, "F", "M", "U"),
		unused(1067, "Marital Status Code"),
		unusedComposite("C056", "Composite Race or Ethnicity Information"),
		unused(1066, "Citizenship Status Code"),
		unused(26, "Country Code"),
		unused(659, "Basis of Verification Code"),
		unused(380, "Quantity"),
		unused(1270, "Code List Qualifier Code"),
		unused(1271, "Industry Code"),
	).syntax("P0102", "P1011", "C1105")
}

// x217INS is the relationship to the insured: the subscriber's carries the
// employment status (INS08), the dependent's the birth sequence (INS17).
func x217INS(name, insured string, relationships []string, employment, birth Usage) *Segment {
	emp, seq := unused(584, "Employment Status Code"), unused(1470, "Birth Sequence Number")
	if employment != N {
		emp = elem(584, "Employment Status Code", employment, ID, 2, 2)
	}
	if birth != N {
		seq = elem(1470, "Birth Sequence Number", birth, N0, 1, 9)
	}
	return seg("INS", name, S, 1,
		elem(1073, "Insured Indicator", R, ID, 1, 1, insured),
		elem(1069, "Individual Relationship Code", R, ID, 2, 2, relationships...),
		unused(875, "Maintenance Type Code"),
		unused(1203, "Maintenance Reason Code"),
		unused(1216, "Benefit Status Code"),
		unusedComposite("C052", "Medicare Status Code"),
		unused(1219, "Consolidated Omnibus Budget Reconciliation Act (COBRA) Qualifying Event Code"),
		emp,
		unused(1220, "Student Status Code"),
		unused(1073, "Yes/No Condition or Response Code"),
		unused(1250, "Date Time Period Format Qualifier"),
		unused(1251, "Date Time Period"),
		unused(1165, "Confidentiality Code"),
		unused(19, "City Name"),
		unused(156, "State or Province Code"),
		unused(26, "Country Code"),
		seq,
	).syntax("P1112")
}

func x217SubscriberINS() *Segment {
	return x217INS("Subscriber Relationship", "Y", []string{"18"}, R, N)
}

func x217DependentINS() *Segment {
	return x217INS("Dependent Relationship", "N", []string{"01", "19", "G8"}, N, S)
}

// x217TRN is a trace number; TRN03 names who assigned it.
func x217TRN(name string, max int, types ...string) *Segment {
	return seg("TRN", name, S, max,
		elem(481, "Trace Type Code", R, ID, 1, 2, types...),
		elem(127, "Reference Identification", R, AN, 1, 50),
		elem(509, "Trace Assigning Entity Identifier", R, AN, 10, 10),
		elem(127, "Trace Assigning Entity Additional Identification", S, AN, 1, 50),
	)
}

// x217AAA reports a request the UMO could not process at this level.
func x217AAA(name string, valid ...string) *Segment {
	return seg("AAA", name, S, 9,
		elem(1073, "Valid Request Indicator", R, ID, 1, 1, valid...),
		unused(559, "Agency Qualifier Code"),
		// AAA03 lists differ by level in the TR3; not enumerated here.
		elem(901, "Reject Reason Code", R, ID, 2, 2),
		elem(889, "Follow-up Action Code", R, ID, 1, 1, "C", "N", "P", "R", "S", "W", "X", "Y"),
	)
}

// x217UM is the review information of a patient event (event true) or of a
// service: a service carries no related causes or health condition.
func x217UM(usage Usage, categories []string, event bool) *Segment {
	eventOnly := func(e Element, ref int) Element {
		if event {
			return e
		}
		return unused(ref, e.Name)
	}
	related := unusedComposite("C024", "Related Causes Information")
	if event {
		related = composite("C024", "Related Causes Information", S,
			elem(1362, "Related-Causes Code", R, ID, 2, 3, "AA", "AP", "EM", "OA"),
			elem(1362, "Related-Causes Code", S, ID, 2, 3, "AA", "AP", "EM", "OA"),
			elem(1362, "Related-Causes Code", S, ID, 2, 3, "AA", "AP", "EM", "OA"),
			elem(156, "State or Province Code", S, ID, 2, 2),
			elem(26, "Country Code", S, ID, 2, 3),
		)
	}
	return seg("UM", "Health Care Services Review Information", usage, 1,
		elem(1525, "Request Category Code", R, ID, 1, 2, categories...),
		elem(1322, "Certification Type Code", R, ID, 1, 1, x217Certification...),
		elem(1365, "Service Type Code", S, ID, 1, 2),
		composite("C023", "Health Care Service Location Information", S,
			elem(1331, "Facility Type Code", R, AN, 1, 2),
			elem(1332, "Facility Code Qualifier", R, ID, 1, 2, "A", "B"),
			unused(1325, "Claim Frequency Type Code"),
		),
		related,
		elem(1338, "Level of Service Code", S, ID, 1, 3, "03", "E", "U"),
		eventOnly(elem(1213, "Current Health Condition Code", S, ID, 1, 1, "1", "2", "3", "4", "5"), 1213),
		eventOnly(elem(923, "Prognosis Code", S, ID, 1, 1, "1", "2", "3", "4", "5", "6", "7", "8"), 923),
		eventOnly(elem(1363, "Release of Information Code", S, ID, 1, 1), 1363),
		eventOnly(elem(1514, "Delay Reason Code", S, ID, 1, 2), 1514),
	)
}

// x217HCR is the outcome of the review.
func x217HCR(actions ...string) *Segment {
	return seg("HCR", "Health Care Services Review", S, 1,
		elem(306, "Action Code", R, ID, 1, 2, actions...),
		elem(127, "Review Identification Number", S, AN, 1, 50),
		elem(1271, "Review Decision Reason Code", S, AN, 1, 30).rep(5),
		elem(1073, "Second Surgical Opinion Indicator", S, ID, 1, 1, "N", "Y"),
	)
}

// x217HI is a list of up to twelve codes: first holds the qualifiers of
// HI01, others those of HI02-HI12; dated says whether a code may carry the
// date of the diagnosis.
func x217HI(name string, first, others []string, dated bool) *Segment {
	code := func(usage Usage, qualifiers []string) Element {
		q, d := unused(1250, "Date Time Period Format Qualifier"), unused(1251, "Date Time Period")
		if dated {
			q = elem(1250, "Date Time Period Format Qualifier", S, ID, 2, 3, "D8")
			d = elem(1251, "Diagnosis Date", S, AN, 1, 35)
		}
		return composite("C022", "Health Care Code Information", usage,
			elem(1270, "Code List Qualifier Code", R, ID, 1, 3, qualifiers...),
			elem(1271, "Industry Code", R, AN, 1, 30),
			q,
			d,
			unused(782, "Monetary Amount"),
			unused(380, "Quantity"),
			unused(799, "Version Identifier"),
			unused(1271, "Industry Code"),
			unused(1073, "Yes/No Condition or Response Code"),
		)
	}
	elems := []Element{code(R, first)}
	for range 11 {
		elems = append(elems, code(S, others))
	}
	return seg("HI", name, S, 1, elems...)
}

func x217HSD() *Segment {
	return seg("HSD", "Health Care Services Delivery", S, 1,
		elem(673, "Quantity Qualifier", S, ID, 2, 2, "DY", "FL", "HS", "MN", "VS"),
		elem(380, "Service Unit Count", S, R_, 1, 15),
		elem(355, "Unit or Basis for Measurement Code", S, ID, 2, 2, "DA", "MO", "VS", "WK", "YR"),
		elem(1167, "Sample Selection Modulus", S, R_, 1, 6),
		elem(615, "Time Period Qualifier", S, ID, 1, 2,
			"6", "7", "13", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36"),
		elem(616, "Period Count", S, N0, 1, 3),
		elem(678, "Delivery Frequency Code", S, ID, 1, 2),
		elem(679, "Delivery Pattern Time Code", S, ID, 1, 1),
	).syntax("P0102", "C0605")
}

// x217CRC is a certification condition of category code (CRC01) with the
// condition codes (CRC03-CRC07) the guide lists for it.
func x217CRC(name, category string, conditions ...string) *Segment {
	return seg("CRC", name, S, 1,
		elem(1136, "Code Category", R, ID, 2, 2, category),
		elem(1073, "Certification Condition Indicator", R, ID, 1, 1, "N", "Y"),
		elem(1321, "Condition Code", R, ID, 2, 3, conditions...),
		elem(1321, "Condition Code", S, ID, 2, 3, conditions...),
		elem(1321, "Condition Code", S, ID, 2, 3, conditions...),
		elem(1321, "Condition Code", S, ID, 2, 3, conditions...),
		elem(1321, "Condition Code", S, ID, 2, 3, conditions...),
	)
}

func x217CL1() *Segment {
	return seg("CL1", "Institutional Claim Code", S, 1,
		elem(1315, "Admission Type Code", S, ID, 1, 1),
		elem(1314, "Admission Source Code", S, ID, 1, 1),
		elem(1352, "Patient Status Code", S, ID, 1, 2),
		elem(1345, "Nursing Home Residential Status Code", S, ID, 1, 1),
	)
}

func x217CR1() *Segment {
	return seg("CR1", "Ambulance Transport Information", S, 1,
		elem(355, "Unit or Basis for Measurement Code", S, ID, 2, 2, "KG", "LB"),
		elem(81, "Patient Weight", S, R_, 1, 10),
		elem(1316, "Ambulance Transport Code", R, ID, 1, 1, "I", "R", "T", "X"),
		elem(1317, "Ambulance Transport Reason Code", S, ID, 1, 1, "A", "B", "C", "D", "E"),
		elem(355, "Unit or Basis for Measurement Code", S, ID, 2, 2, "DH"),
		elem(380, "Transport Distance", S, R_, 1, 15),
		unused(166, "Address Information"),
		unused(166, "Address Information"),
		elem(352, "Round Trip Purpose Description", S, AN, 1, 80),
		elem(352, "Stretcher Purpose Description", S, AN, 1, 80),
	).syntax("P0102", "P0506")
}

func x217CR2() *Segment {
	subluxation := []string{"C1", "C2", "C3", "C4", "C5", "C6", "C7", "CO", "IL", "L1", "L2", "L3", "L4", "L5", "OC", "SA",
		"T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12"}
	return seg("CR2", "Spinal Manipulation Service Information", S, 1,
		elem(609, "Treatment Series Number", S, N0, 1, 9),
		elem(380, "Treatment Count", S, R_, 1, 15),
		elem(1367, "Subluxation Level Code", S, ID, 2, 3, subluxation...),
		elem(1367, "Subluxation Level Code", S, ID, 2, 3, subluxation...),
		unused(355, "Unit or Basis for Measurement Code"),
		unused(380, "Quantity"),
		unused(380, "Quantity"),
		elem(1342, "Patient Condition Code", R, ID, 1, 1, "A", "C", "D", "E", "F", "G", "M"),
		elem(1073, "Complication Indicator", R, ID, 1, 1, "N", "Y"),
		elem(352, "Patient Condition Description", S, AN, 1, 80),
		elem(352, "Patient Condition Description", S, AN, 1, 80),
		elem(1073, "X-ray Availability Indicator", S, ID, 1, 1, "N", "Y"),
	).syntax("P0102", "C0403", "P0506")
}

func x217CR5() *Segment {
	return seg("CR5", "Home Oxygen Therapy Information", S, 1,
		unused(1322, "Certification Type Code"),
		unused(380, "Quantity"),
		elem(1348, "Oxygen Equipment Type Code", R, ID, 1, 1),
		elem(1348, "Oxygen Equipment Type Code", S, ID, 1, 1),
		elem(352, "Equipment Reason Description", S, AN, 1, 80),
		elem(380, "Oxygen Flow Rate", R, R_, 1, 15),
		elem(380, "Daily Oxygen Use Count", S, R_, 1, 15),
		elem(380, "Oxygen Use Period Hour Count", S, R_, 1, 15),
		elem(352, "Respiratory Therapist Order Text", S, AN, 1, 80),
		elem(380, "Arterial Blood Gas Quantity", S, R_, 1, 15),
		elem(380, "Oxygen Saturation Quantity", S, R_, 1, 15),
		elem(1349, "Oxygen Test Condition Code", S, ID, 1, 1),
		elem(1350, "Oxygen Test Findings Code", S, ID, 1, 1),
		elem(1350, "Oxygen Test Findings Code", S, ID, 1, 1),
		elem(1350, "Oxygen Test Findings Code", S, ID, 1, 1),
		elem(380, "Portable Oxygen System Flow Rate", S, R_, 1, 15),
		elem(1382, "Oxygen Delivery System Code", R, ID, 1, 1),
		elem(1348, "Oxygen Equipment Type Code", S, ID, 1, 1),
	)
}

func x217CR6() *Segment {
	return seg("CR6", "Home Health Care Information", S, 1,
		elem(923, "Prognosis Code", R, ID, 1, 1, "1", "2", "3", "4", "5", "6", "7", "8"),
		elem(373, "Home Health Start Date", R, DT, 8, 8),
		elem(1250, "Date Time Period Format Qualifier", S, ID, 2, 3, "RD8"),
		elem(1251, "Home Health Certification Period", S, AN, 1, 35).date(3),
		unused(373, "Date"),
		unused(1073, "Yes/No Condition or Response Code"),
		elem(1073, "Medicare Coverage Indicator", R, ID, 1, 1, "N", "U", "W", "Y"),
		elem(1322, "Certification Type Code", R, ID, 1, 1, "I", "R", "S"),
		elem(373, "Surgery Date", S, DT, 8, 8),
		elem(235, "Product or Service ID Qualifier", S, ID, 2, 2),
		elem(1137, "Surgical Procedure Code", S, AN, 1, 15),
		elem(373, "Physician Order Date", S, DT, 8, 8),
		elem(373, "Last Visit Date", S, DT, 8, 8),
		elem(373, "Physician Contact Date", S, DT, 8, 8),
		elem(1250, "Date Time Period Format Qualifier", S, ID, 2, 3, "RD8"),
		elem(1251, "Last Admission Period", S, AN, 1, 35).date(15),
		elem(1384, "Patient Location Code", S, ID, 1, 1),
		unused(373, "Date"),
		unused(373, "Date"),
		unused(373, "Date"),
		unused(373, "Date"),
	).syntax("P0304", "P1011", "P1516")
}

func x217PWK(name string, transmissions ...string) *Segment {
	return seg("PWK", name, S, 10,
		elem(755, "Attachment Report Type Code", R, ID, 2, 2, x217AttachmentRpt...),
		elem(756, "Attachment Transmission Code", R, ID, 1, 2, transmissions...),
		unused(757, "Report Copies Needed"),
		unused(98, "Entity Identifier Code"),
		elem(66, "Identification Code Qualifier", S, ID, 1, 2, "AC"),
		elem(67, "Attachment Control Number", S, AN, 2, 80),
		elem(352, "Attachment Description", S, AN, 1, 80),
		unusedComposite("C002", "Actions Indicated"),
		unused(1525, "Request Category Code"),
	).syntax("P0506")
}

func x217MSG() *Segment {
	return seg("MSG", "Message Text", S, 1,
		elem(933, "Free-Form Message Text", R, AN, 1, 264),
		unused(934, "Printer Carriage Control Code"),
		unused(1470, "Number"),
	).syntax("C0302")
}

// x217Procedure is a C003 procedure with the qualifiers this service
// segment allows.
func x217Procedure(qualifiers ...string) Element {
	return composite("C003", "Composite Medical Procedure Identifier", R,
		elem(235, "Product or Service ID Qualifier", R, ID, 2, 2, qualifiers...),
		elem(234, "Procedure Code", R, AN, 1, 48),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(352, "Procedure Code Description", S, AN, 1, 80),
		elem(234, "Procedure Code", S, AN, 1, 48),
	)
}

func x217SV1() *Segment {
	return seg("SV1", "Professional Service", S, 1,
		x217Procedure("HC", "IV", "N4", "WK"),
		elem(782, "Service Line Amount", S, R_, 1, 18),
		elem(355, "Unit or Basis for Measurement Code", S, ID, 2, 2, "MJ", "UN"),
		elem(380, "Service Unit Count", S, R_, 1, 15),
		unused(1331, "Facility Code Value"),
		unused(1365, "Service Type Code"),
		composite("C004", "Composite Diagnosis Code Pointer", S,
			elem(1328, "Diagnosis Code Pointer", R, N0, 1, 2),
			elem(1328, "Diagnosis Code Pointer", S, N0, 1, 2),
			elem(1328, "Diagnosis Code Pointer", S, N0, 1, 2),
			elem(1328, "Diagnosis Code Pointer", S, N0, 1, 2),
		),
		unused(782, "Monetary Amount"),
		unused(1073, "Yes/No Condition or Response Code"),
		unused(1340, "Multiple Procedure Code"),
		elem(1073, "EPSDT Indicator", S, ID, 1, 1, "N", "Y"),
		unused(1073, "Yes/No Condition or Response Code"),
		unused(1364, "Review Code"),
		unused(1341, "National or Local Assigned Review Value"),
		unused(1327, "Copay Status Code"),
		unused(1334, "Health Care Professional Shortage Area Code"),
		unused(127, "Reference Identification"),
		unused(116, "Postal Code"),
		unused(782, "Monetary Amount"),
		elem(1337, "Nursing Home Level of Care", S, ID, 1, 1),
		unused(1360, "Provider Agreement Code"),
	).syntax("P0304")
}

func x217SV2() *Segment {
	proc := x217Procedure("HC", "HP", "IV", "N4", "WK")
	proc.Usage = S
	return seg("SV2", "Institutional Service Line", S, 1,
		elem(234, "Service Line Revenue Code", S, AN, 1, 48),
		proc,
		elem(782, "Service Line Amount", S, R_, 1, 18),
		elem(355, "Unit or Basis for Measurement Code", S, ID, 2, 2, "DA", "UN"),
		elem(380, "Service Unit Count", S, R_, 1, 15),
		elem(1371, "Service Line Rate", S, R_, 1, 10),
		unused(782, "Monetary Amount"),
		unused(1073, "Yes/No Condition or Response Code"),
		elem(1345, "Nursing Home Residential Status Code", S, ID, 1, 1),
		elem(1337, "Nursing Home Level of Care", S, ID, 1, 1),
	).syntax("R0102", "P0405")
}

func x217SV3() *Segment {
	cavity := []string{"00", "01", "02", "09", "10", "20", "30", "40", "L", "R"}
	return seg("SV3", "Dental Service", S, 1,
		x217Procedure("AD"),
		elem(782, "Service Line Amount", S, R_, 1, 18),
		unused(1331, "Facility Code Value"),
		composite("C006", "Oral Cavity Designation", S,
			elem(1361, "Oral Cavity Designation Code", R, ID, 1, 3, cavity...),
			elem(1361, "Oral Cavity Designation Code", S, ID, 1, 3, cavity...),
			elem(1361, "Oral Cavity Designation Code", S, ID, 1, 3, cavity...),
			elem(1361, "Oral Cavity Designation Code", S, ID, 1, 3, cavity...),
			elem(1361, "Oral Cavity Designation Code", S, ID, 1, 3, cavity...),
		),
		elem(1358, "Prosthesis, Crown or Inlay Code", S, ID, 1, 1, "I", "R"),
		elem(380, "Service Unit Count", R, R_, 1, 15),
		elem(352, "Description", S, AN, 1, 80),
		unused(1327, "Copay Status Code"),
		unused(1360, "Provider Agreement Code"),
		unused(1073, "Yes/No Condition or Response Code"),
		unusedComposite("C004", "Composite Diagnosis Code Pointer"),
	)
}

func x217TOO() *Segment {
	surfaces := []string{"B", "D", "F", "I", "L", "M", "O"}
	return seg("TOO", "Tooth Information", S, 32,
		elem(1270, "Code List Qualifier Code", R, ID, 1, 3, "JP"),
		elem(1271, "Tooth Code", R, AN, 1, 30),
		composite("C005", "Tooth Surface", S,
			elem(1369, "Tooth Surface Code", R, ID, 1, 2, surfaces...),
			elem(1369, "Tooth Surface Code", S, ID, 1, 2, surfaces...),
			elem(1369, "Tooth Surface Code", S, ID, 1, 2, surfaces...),
			elem(1369, "Tooth Surface Code", S, ID, 1, 2, surfaces...),
			elem(1369, "Tooth Surface Code", S, ID, 1, 2, surfaces...),
		),
	).syntax("C0302")
}
