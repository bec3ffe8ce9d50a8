package ig

// X222A1 is the ASC X12N 005010X222A1 implementation guide: Health Care
// Claim: Professional (837P), the errata version HIPAA adopted.
var X222A1 = &Guide{
	Version:      "005010X222A1",
	SetID:        "837",
	FunctionalID: "HC",
	Name:         "Health Care Claim: Professional",
	Root: loop("ST", "Health Care Claim: Professional", R, 1,
		stSeg("837", "005010X222A1"),
		// 31 (subrogation demand) came with the A1 errata; pyx12's map lacks it.
		x837BHT("31", "CH", "RP"),
		// ED, which pyx12 still lists in PER03/05/07, was dropped after 4010.
		x837Submitter(x837PER("Submitter EDI Contact Information", R, 2)),
		x837Receiver(),
		x837BillingProvider(
			x837BillingProviderName(),
			x837PayToAddress("1", "2"),
			x837PayToPlan(),
			x837Subscriber(
				x837SubscriberSBR(x222InsuranceType...),
				x222PAT(S, N),
				x837SubscriberName(R, x222PhonePER("Property and Casualty Subscriber Contact Information")),
				x837PayerName(2),
				x222Claim(S),
				x837Patient(
					x222PAT(R, R),
					x837PatientName(x222PhonePER("Property and Casualty Patient Contact Information")),
					x222Claim(R),
				),
			),
		),
		seSeg(),
	),
}

var (
	x222InsuranceType       = []string{"12", "13", "14", "15", "16", "41", "42", "43", "47"}
	x222ProcedureQualifiers = []string{"ER", "HC", "IV", "WK"}
	x222DiagnosisPointers   = []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}
	x222AmbulanceConditions = []string{"01", "04", "05", "06", "07", "08", "09", "12"}
)

// x222Claim is loop 2300 with its subloops. It is Situational under the
// subscriber (2000B) and Required under the patient (2000C).
func x222Claim(usage Usage) *Loop {
	return loop("2300", "Claim Information", usage, 100,
		x837CLM("Place of Service Code", "B", []Element{
			elem(1073, "Provider or Supplier Signature Indicator", R, ID, 1, 1, "N", "Y"),
			elem(1359, "Assignment or Plan Participation Code", R, ID, 1, 1, "A", "B", "C"),
			elem(1073, "Benefits Assignment Certification Indicator", R, ID, 1, 1, "N", "W", "Y"),
			elem(1363, "Release of Information Code", R, ID, 1, 1, "I", "Y"),
			elem(1351, "Patient Signature Source Code", S, ID, 1, 1, "P"),
			x837RelatedCauses(),
			elem(1366, "Special Program Indicator", S, ID, 2, 3, "02", "03", "05", "09"),
		}, unused(1383, "Claim Submission Reason Code")),
		dtpSeg("Date - Onset of Current Illness or Symptom", S, 1, []string{"431"}, "D8"),
		dtpSeg("Date - Initial Treatment Date", S, 1, []string{"454"}, "D8"),
		dtpSeg("Date - Last Seen Date", S, 1, []string{"304"}, "D8"),
		dtpSeg("Date - Acute Manifestation", S, 1, []string{"453"}, "D8"),
		dtpSeg("Date - Accident", S, 1, []string{"439"}, "D8"),
		dtpSeg("Date - Last Menstrual Period", S, 1, []string{"484"}, "D8"),
		dtpSeg("Date - Last X-ray Date", S, 1, []string{"455"}, "D8"),
		dtpSeg("Date - Hearing and Vision Prescription Date", S, 1, []string{"471"}, "D8"),
		// 314 (disability) takes RD8; 360 and 361 (initial/final) take D8.
		dtpSeg("Date - Disability Dates", S, 1, []string{"314", "360", "361"}, "D8", "RD8"),
		dtpSeg("Date - Last Worked", S, 1, []string{"297"}, "D8"),
		dtpSeg("Date - Authorized Return to Work", S, 1, []string{"296"}, "D8"),
		dtpSeg("Date - Admission", S, 1, []string{"435"}, "D8"),
		dtpSeg("Date - Discharge", S, 1, []string{"096"}, "D8"),
		dtpSeg("Date - Assumed and Relinquished Care Dates", S, 2, []string{"090", "091"}, "D8"),
		dtpSeg("Date - Property and Casualty Date of First Contact", S, 1, []string{"444"}, "D8"),
		dtpSeg("Date - Repricer Received Date", S, 1, []string{"050"}, "D8"),
		x837PWK("Claim Supplemental Information", x837ReportTypes...),
		x837CN1(),
		amtSeg("Patient Amount Paid", S, 1, "F5"),
		x222CodedREF("Service Authorization Exception Code", "4N", "Service Authorization Exception Code",
			"1", "2", "3", "4", "5", "6", "7"),
		x222CodedREF("Mandatory Medicare (Section 4081) Crossover Indicator", "F5", "Medicare Section 4081 Indicator",
			"N", "Y"),
		refSeg("Mammography Certification Number", S, 1, "EW"),
		refSeg("Referral Number", S, 1, "9F"),
		refSeg("Prior Authorization", S, 1, "G1"),
		refSeg("Payer Claim Control Number", S, 1, "F8"),
		refSeg("Clinical Laboratory Improvement Amendment (CLIA) Number", S, 1, "X4"),
		refSeg("Repriced Claim Number", S, 1, "9A"),
		refSeg("Adjusted Repriced Claim Number", S, 1, "9C"),
		refSeg("Investigational Device Exemption Number", S, 1, "LX"),
		refSeg("Claim Identifier For Transmission Intermediaries", S, 1, "D9"),
		refSeg("Medical Record Number", S, 1, "EA"),
		refSeg("Demonstration Project Identifier", S, 1, "P4"),
		refSeg("Care Plan Oversight", S, 1, "1J"),
		x837K3(),
		seg("NTE", "Claim Note", S, 1,
			elem(363, "Note Reference Code", R, ID, 3, 3, "ADD", "CER", "DCP", "DGN", "TPO"),
			elem(352, "Claim Note Text", R, AN, 1, 80),
		),
		x222CR1(),
		seg("CR2", "Spinal Manipulation Service Information", S, 1,
			unused(609, "Count"),
			unused(380, "Quantity"),
			unused(1367, "Subluxation Level Code"),
			unused(1367, "Subluxation Level Code"),
			unused(355, "Unit or Basis for Measurement Code"),
			unused(380, "Quantity"),
			unused(380, "Quantity"),
			elem(1342, "Patient Condition Code", R, ID, 1, 1, "A", "C", "D", "E", "F", "G", "M"),
			unused(1073, "Yes/No Condition or Response Code"),
			elem(352, "Patient Condition Description", S, AN, 1, 80),
			elem(352, "Patient Condition Description", S, AN, 1, 80),
			unused(1073, "Yes/No Condition or Response Code"),
		).syntax("P0102", "C0403", "P0506"),
		x222CRC("Ambulance Certification", 3, []string{"07"}, []string{"N", "Y"}, x222AmbulanceConditions, 4),
		x222CRC("Patient Condition Information: Vision", 3, []string{"E1", "E2", "E3"}, []string{"N", "Y"},
			[]string{"L1", "L2", "L3", "L4", "L5"}, 4),
		x222CRC("Homebound Indicator", 1, []string{"75"}, []string{"Y"}, []string{"IH"}, 0),
		x222CRC("EPSDT Referral", 1, []string{"ZZ"}, []string{"N", "Y"}, []string{"AV", "NU", "S2", "ST"}, 2),
		x222HI("Health Care Diagnosis Code", R, 1, 12, []string{"ABK", "BK"}, []string{"ABF", "BF"}),
		x222HI("Anesthesia Related Procedure", S, 1, 2, []string{"BP"}, []string{"BO"}),
		x222HI("Condition Information", S, 2, 12, []string{"BG"}, []string{"BG"}),
		x837HCP("Claim Pricing/Repricing Information"),
		loop("2310A", "Referring Provider Name", S, 2,
			x837ProviderNM1("Referring Provider Name", []string{"DN", "P3"}, "1"),
			refSeg("Referring Provider Secondary Identification", S, 3, x837ReferringIDs...),
		),
		loop("2310B", "Rendering Provider Name", S, 1,
			x837ProviderNM1("Rendering Provider Name", []string{"82"}, "1", "2"),
			x837PRV("Rendering Provider Specialty Information", "PE"),
			refSeg("Rendering Provider Secondary Identification", S, 4, x837ProviderIDs...),
		),
		x837Facility("2310C",
			refSeg("Service Facility Location Secondary Identification", S, 3, x837FacilityIDs...),
			x222PhonePER("Service Facility Contact Information"),
		),
		loop("2310D", "Supervising Provider Name", S, 1,
			x837ProviderNM1("Supervising Provider Name", []string{"DQ"}, "1"),
			refSeg("Supervising Provider Secondary Identification", S, 4, x837ProviderIDs...),
		),
		x222PickUp("2310E"),
		x222DropOff("2310F"),
		loop("2320", "Other Subscriber Information", S, 10,
			x837OtherSubscriberSBR(x222InsuranceType...),
			x837CAS("Claim Level Adjustments"),
			amtSeg("Coordination of Benefits (COB) Payer Paid Amount", S, 1, "D"),
			amtSeg("Coordination of Benefits (COB) Total Non-Covered Amount", S, 1, "A8"),
			amtSeg("Remaining Patient Liability", S, 1, "EAF"),
			x837OI(S),
			x837MOA(),
			x837OtherSubscriberName(1),
			x837OtherPayerName(x222CodedREF("Other Payer Claim Adjustment Indicator", "T4", "Other Payer Claim Adjustment Indicator", "Y")),
			x837OtherPayerProvider("2330C", "Other Payer Referring Provider", 2, []string{"DN", "P3"}, []string{"1"},
				"Other Payer Referring Provider Secondary Identification", 3, x837ReferringIDs...),
			x837OtherPayerProvider("2330D", "Other Payer Rendering Provider", 1, []string{"82"}, []string{"1", "2"},
				"Other Payer Rendering Provider Secondary Identification", 3, x837ProviderIDs...),
			x837OtherPayerProvider("2330E", "Other Payer Service Facility Location", 1, []string{"77"}, []string{"2"},
				"Other Payer Service Facility Location Secondary Identification", 3, x837FacilityIDs...),
			x837OtherPayerProvider("2330F", "Other Payer Supervising Provider", 1, []string{"DQ"}, []string{"1"},
				"Other Payer Supervising Provider Secondary Identification", 3, x837ProviderIDs...),
			x837OtherPayerProvider("2330G", "Other Payer Billing Provider", 1, []string{"85"}, []string{"1", "2"},
				"Other Payer Billing Provider Secondary Identification", 2, "G2", "LU"),
		),
		x222ServiceLine(),
	)
}

// x222ServiceLine is loop 2400 with its subloops.
func x222ServiceLine() *Loop {
	return loop("2400", "Service Line Number", R, 50,
		x837LX(),
		seg("SV1", "Professional Service", R, 1,
			x837Procedure("Composite Medical Procedure Identifier", R, x222ProcedureQualifiers...),
			elem(782, "Line Item Charge Amount", R, R_, 1, 18),
			elem(355, "Unit or Basis for Measurement Code", R, ID, 2, 2, "MJ", "UN"),
			elem(380, "Service Unit Count", R, R_, 1, 15),
			elem(1331, "Place of Service Code", S, AN, 1, 2),
			unused(1365, "Service Type Code"),
			composite("C004", "Composite Diagnosis Code Pointer", R,
				elem(1328, "Diagnosis Code Pointer", R, N0, 1, 2, x222DiagnosisPointers...),
				elem(1328, "Diagnosis Code Pointer", S, N0, 1, 2, x222DiagnosisPointers...),
				elem(1328, "Diagnosis Code Pointer", S, N0, 1, 2, x222DiagnosisPointers...),
				elem(1328, "Diagnosis Code Pointer", S, N0, 1, 2, x222DiagnosisPointers...),
			),
			unused(782, "Monetary Amount"),
			elem(1073, "Emergency Indicator", S, ID, 1, 1, "Y"),
			unused(1340, "Multiple Procedure Code"),
			elem(1073, "EPSDT Indicator", S, ID, 1, 1, "Y"),
			elem(1073, "Family Planning Indicator", S, ID, 1, 1, "Y"),
			unused(1364, "Review Code"),
			unused(1341, "National or Local Assigned Review Value"),
			elem(1327, "Co-Pay Status Code", S, ID, 1, 1, "0"),
			unused(1334, "Health Care Professional Shortage Area Code"),
			unused(127, "Reference Identification"),
			unused(116, "Postal Code"),
			unused(782, "Monetary Amount"),
			unused(1337, "Level of Care Code"),
			unused(1360, "Provider Agreement Code"),
		).syntax("P0304"),
		seg("SV5", "Durable Medical Equipment Service", S, 1,
			composite("C003", "Composite Medical Procedure Identifier", R,
				elem(235, "Product or Service ID Qualifier", R, ID, 2, 2, "HC"),
				elem(234, "Procedure Code", R, AN, 1, 48),
				unused(1339, "Procedure Modifier"),
				unused(1339, "Procedure Modifier"),
				unused(1339, "Procedure Modifier"),
				unused(1339, "Procedure Modifier"),
				unused(352, "Description"),
				unused(234, "Product/Service ID"),
			),
			elem(355, "Unit or Basis for Measurement Code", R, ID, 2, 2, "DA"),
			elem(380, "Length of Medical Necessity", R, R_, 1, 15),
			elem(782, "DME Rental Price", R, R_, 1, 18),
			elem(782, "DME Purchase Price", R, R_, 1, 18),
			elem(594, "Rental Unit Price Indicator", R, ID, 1, 1, "1", "4", "6"),
			unused(923, "Prognosis Code"),
		).syntax("R0405", "C0604"),
		x837PWK("Line Supplemental Information", x837ReportTypes...),
		// PWK01 is CT here as in the Line Supplemental PWK's list; PWK02
		// is what tells the two apart.
		seg("PWK", "Durable Medical Equipment Certificate of Medical Necessity Indicator", S, 1,
			elem(755, "Attachment Report Type Code", R, ID, 2, 2, "CT"),
			elem(756, "Attachment Transmission Code", R, ID, 1, 2, "AB", "AD", "AF", "AG", "NS"),
			unused(757, "Report Copies Needed"),
			unused(98, "Entity Identifier Code"),
			unused(66, "Identification Code Qualifier"),
			unused(67, "Identification Code"),
			unused(352, "Description"),
			unusedComposite("C002", "Actions Indicated"),
			unused(1525, "Request Category Code"),
		).syntax("P0506"),
		x222CR1(),
		seg("CR3", "Durable Medical Equipment Certification", S, 1,
			elem(1322, "Certification Type Code", R, ID, 1, 1, "I", "R", "S"),
			elem(355, "Unit or Basis for Measurement Code", R, ID, 2, 2, "MO"),
			elem(380, "Durable Medical Equipment Duration", R, R_, 1, 15),
			unused(1335, "Insulin Dependent Code"),
			unused(352, "Description"),
		).syntax("P0203"),
		x222CRC("Ambulance Certification", 3, []string{"07"}, []string{"N", "Y"}, x222AmbulanceConditions, 4),
		x222CRC("Hospice Employee Indicator", 1, []string{"70"}, []string{"N", "Y"}, []string{"65"}, 0),
		x222CRC("Condition Indicator/Durable Medical Equipment", 1, []string{"09"}, []string{"N", "Y"}, []string{"38", "ZV"}, 1),
		dtpSeg("Date - Service Date", R, 1, []string{"472"}, "D8", "RD8"),
		dtpSeg("Date - Prescription Date", S, 1, []string{"471"}, "D8"),
		dtpSeg("DATE - Certification Revision/Recertification Date", S, 1, []string{"607"}, "D8"),
		dtpSeg("Date - Begin Therapy Date", S, 1, []string{"463"}, "D8"),
		dtpSeg("Date - Last Certification Date", S, 1, []string{"461"}, "D8"),
		dtpSeg("Date - Last Seen Date", S, 1, []string{"304"}, "D8"),
		dtpSeg("Date - Test Date", S, 2, []string{"738", "739"}, "D8"),
		dtpSeg("Date - Shipped Date", S, 1, []string{"011"}, "D8"),
		dtpSeg("Date - Last X-ray Date", S, 1, []string{"455"}, "D8"),
		dtpSeg("Date - Initial Treatment Date", S, 1, []string{"454"}, "D8"),
		x222QTY("Ambulance Patient Count", "PT", "Ambulance Patient Count"),
		x222QTY("Obstetric Anesthesia Additional Units", "FL", "Obstetric Additional Units"),
		seg("MEA", "Test Result", S, 5,
			elem(737, "Measurement Reference Identification Code", R, ID, 2, 2, "OG", "TR"),
			elem(738, "Measurement Qualifier", R, ID, 1, 3, "HT", "R1", "R2", "R3", "R4"),
			elem(739, "Test Results", R, R_, 1, 20),
			unusedComposite("C001", "Composite Unit of Measure"),
			unused(740, "Range Minimum"),
			unused(741, "Range Maximum"),
			unused(935, "Measurement Significance Code"),
			unused(936, "Measurement Attribute Code"),
			unused(752, "Surface/Layer/Position Code"),
			unused(1373, "Measurement Method or Device"),
			unused(1270, "Code List Qualifier Code"),
			unused(1271, "Industry Code"),
		).syntax("R03050608", "L050412", "L060412", "L07030506", "E0803", "P1112"),
		x837CN1(),
		refSeg("Repriced Line Item Reference Number", S, 1, "9B"),
		refSeg("Adjusted Repriced Line Item Reference Number", S, 1, "9D"),
		x837LineREF("Prior Authorization", 5, "G1"),
		refSeg("Line Item Control Number", S, 1, "6R"),
		refSeg("Mammography Certification Number", S, 1, "EW"),
		refSeg("Clinical Laboratory Improvement Amendment (CLIA) Number", S, 1, "X4"),
		refSeg("Referring Clinical Laboratory Improvement Amendment (CLIA) Facility Identification", S, 1, "F4"),
		refSeg("Immunization Batch Number", S, 1, "BT"),
		x837LineREF("Referral Number", 5, "9F"),
		amtSeg("Sales Tax Amount", S, 1, "T"),
		amtSeg("Postage Claimed Amount", S, 1, "F4"),
		x837K3(),
		seg("NTE", "Line Note", S, 1,
			elem(363, "Note Reference Code", R, ID, 3, 3, "ADD", "DCP"),
			elem(352, "Line Note Text", R, AN, 1, 80),
		),
		seg("NTE", "Third Party Organization Notes", S, 1,
			elem(363, "Note Reference Code", R, ID, 3, 3, "TPO"),
			elem(352, "Line Note Text", R, AN, 1, 80),
		),
		seg("PS1", "Purchased Service Information", S, 1,
			elem(127, "Purchased Service Provider Identifier", R, AN, 1, 50),
			elem(782, "Purchased Service Charge Amount", R, R_, 1, 18),
			unused(156, "State or Province Code"),
		),
		x837HCP("Line Pricing/Repricing Information",
			elem(235, "Product or Service ID Qualifier", S, ID, 2, 2, x222ProcedureQualifiers...),
			elem(234, "Repriced Approved HCPCS Code", S, AN, 1, 48),
			elem(355, "Unit or Basis for Measurement Code", S, ID, 2, 2, "MJ", "UN"),
			elem(380, "Repriced Approved Service Unit Count", S, R_, 1, 15),
		),
		x837Drug(x837LIN("National Drug Code or Universal Product Number", "EN", "EO", "HI", "N4", "ON", "UK", "UP")),
		loop("2420A", "Rendering Provider Name", S, 1,
			x837ProviderNM1("Rendering Provider Name", []string{"82"}, "1", "2"),
			x837PRV("Rendering Provider Specialty Information", "PE"),
			x837LineREF("Rendering Provider Secondary Identification", 20, x837ProviderIDs...),
		),
		loop("2420B", "Purchased Service Provider Name", S, 1,
			nm1Seg("Purchased Service Provider Name", R, 1, []string{"QB"}, []string{"1", "2"},
				nameParts{IDQualifiers: []string{"XX"}, ID: S}),
			x837LineREF("Purchased Service Provider Secondary Identification", 20, x837ReferringIDs...),
		),
		x837Facility("2420C", x837LineREF("Service Facility Location Secondary Identification", 3, "G2", "LU")),
		loop("2420D", "Supervising Provider Name", S, 1,
			x837ProviderNM1("Supervising Provider Name", []string{"DQ"}, "1"),
			x837LineREF("Supervising Provider Secondary Identification", 20, x837ProviderIDs...),
		),
		loop("2420E", "Ordering Provider Name", S, 1,
			x837ProviderNM1("Ordering Provider Name", []string{"DK"}, "1"),
			n3Seg("Ordering Provider Address", S),
			n4Seg("Ordering Provider City, State, ZIP Code", S),
			x837LineREF("Ordering Provider Secondary Identification", 20, x837ReferringIDs...),
			x837PER("Ordering Provider Contact Information", S, 1),
		),
		loop("2420F", "Referring Provider Name", S, 2,
			x837ProviderNM1("Referring Provider Name", []string{"DN", "P3"}, "1"),
			x837LineREF("Referring Provider Secondary Identification", 20, x837ReferringIDs...),
		),
		x222PickUp("2420G"),
		x222DropOff("2420H"),
		x837LineAdjudication(seg("SVD", "Line Adjudication Information", R, 1,
			elem(67, "Other Payer Primary Identifier", R, AN, 2, 80),
			elem(782, "Service Line Paid Amount", R, R_, 1, 18),
			x837Procedure("Composite Medical Procedure Identifier", R, x222ProcedureQualifiers...),
			unused(234, "Product/Service ID"),
			elem(380, "Paid Service Unit Count", R, R_, 1, 15),
			elem(554, "Bundled or Unbundled Line Number", S, N0, 1, 6),
		)),
		loop("2440", "Form Identification Code", S, Many,
			seg("LQ", "Form Identification Code", R, 1,
				elem(1270, "Code List Qualifier Code", R, ID, 1, 3, "AS", "UT"),
				elem(1271, "Form Identifier", R, AN, 1, 30),
			).syntax("C0102"),
			seg("FRM", "Supporting Documentation", R, 99,
				elem(350, "Question Number/Letter", R, AN, 1, 20),
				elem(1073, "Question Response", S, ID, 1, 1, "N", "W", "Y"),
				elem(127, "Question Response", S, AN, 1, 50),
				elem(373, "Question Response", S, DT, 8, 8),
				elem(332, "Question Response", S, R_, 1, 6),
			).syntax("R02030405"),
		),
	)
}

// x222PhonePER is a telephone contact (property and casualty, service
// facility): a number and its extension only.
func x222PhonePER(name string) *Segment {
	return seg("PER", name, S, 1,
		elem(366, "Contact Function Code", R, ID, 2, 2, "IC"),
		elem(93, "Name", S, AN, 1, 60),
		elem(365, "Communication Number Qualifier", R, ID, 2, 2, "TE"),
		elem(364, "Communication Number", R, AN, 1, 256),
		elem(365, "Communication Number Qualifier", S, ID, 2, 2, "EX"),
		elem(364, "Communication Number", S, AN, 1, 256),
		unused(365, "Communication Number Qualifier"),
		unused(364, "Communication Number"),
		unused(443, "Contact Inquiry Reference"),
	).syntax("P0304", "P0506", "P0708")
}

// x222PAT is patient information: death date, weight and pregnancy in both
// places; the relationship to the subscriber (PAT01) only under 2000C.
func x222PAT(usage, relationship Usage) *Segment {
	rel := unused(1069, "Individual Relationship Code")
	if relationship != N {
		rel = elem(1069, "Individual Relationship Code", relationship, ID, 2, 2, "01", "19", "20", "21", "39", "40", "53", "G8")
	}
	return seg("PAT", "Patient Information", usage, 1,
		rel,
		unused(1384, "Patient Location Code"),
		unused(584, "Employment Status Code"),
		unused(1220, "Student Status Code"),
		elem(1250, "Date Time Period Format Qualifier", S, ID, 2, 3, "D8"),
		elem(1251, "Patient Death Date", S, AN, 1, 35).date(5),
		elem(355, "Unit or Basis for Measurement Code", S, ID, 2, 2, "01"),
		elem(81, "Patient Weight", S, R_, 1, 10),
		elem(1073, "Pregnancy Indicator", S, ID, 1, 1, "Y"),
	).syntax("P0506", "P0708")
}

// x222PickUp is the ambulance pick-up location (2310E, 2420G): an address
// without a name.
func x222PickUp(id string) *Loop {
	return loop(id, "Ambulance Pick-up Location", S, 1,
		nm1Seg("Ambulance Pick-up Location", R, 1, []string{"PW"}, []string{"2"}, nameParts{}),
		n3Seg("Ambulance Pick-up Location Address", R),
		n4Seg("Ambulance Pick-up Location City, State, ZIP Code", R),
	)
}

// x222DropOff is the ambulance drop-off location (2310F, 2420H): an address
// and the facility's name when it has one.
func x222DropOff(id string) *Loop {
	return loop(id, "Ambulance Drop-off Location", S, 1,
		nm1Seg("Ambulance Drop-off Location", R, 1, []string{"45"}, []string{"2"}, nameParts{Last: S}),
		n3Seg("Ambulance Drop-off Location Address", R),
		n4Seg("Ambulance Drop-off Location City, State, ZIP Code", R),
	)
}

// x222CodedREF is a 2300/2330B REF whose REF02 takes a value from a list
// the guide gives (REF02 is AN in the standard, so the walker does not
// enforce the list).
func x222CodedREF(name, qualifier, valueName string, values ...string) *Segment {
	return seg("REF", name, S, 1,
		elem(128, "Reference Identification Qualifier", R, ID, 2, 3, qualifier),
		elem(127, valueName, R, AN, 1, 50, values...),
		unused(352, "Description"),
		unusedComposite("C040", "Reference Identifier"),
	).syntax("R0203")
}

// x222CR1 is ambulance transport information (2300 and 2400 alike).
func x222CR1() *Segment {
	return seg("CR1", "Ambulance Transport Information", S, 1,
		elem(355, "Unit or Basis for Measurement Code", S, ID, 2, 2, "LB"),
		elem(81, "Patient Weight", S, R_, 1, 10),
		unused(1316, "Ambulance Transport Code"),
		elem(1317, "Ambulance Transport Reason Code", R, ID, 1, 1, "A", "B", "C", "D", "E"),
		elem(355, "Unit or Basis for Measurement Code", R, ID, 2, 2, "DH"),
		elem(380, "Transport Distance", R, R_, 1, 15),
		unused(166, "Address Information"),
		unused(166, "Address Information"),
		elem(352, "Round Trip Purpose Description", S, AN, 1, 80),
		elem(352, "Stretcher Purpose Description", S, AN, 1, 80),
	).syntax("P0102", "P0506")
}

// x222HI is a 2300 HI segment whose HI01 takes the first qualifiers and
// HI02 up to HI<used> the rest. No C022 in the 837P carries a date, amount
// or POA indicator.
func x222HI(name string, usage Usage, max, used int, first, rest []string) *Segment {
	return x837HI(name, usage, max, used, x837CodeOnly("Code List Qualifier Code", "Industry Code", first, rest))
}

// x222CRC is a condition indicator: its category (CRC01), the yes/no
// answer (CRC02), a required condition (CRC03) and up to extra further
// situational conditions (CRC04 on), the rest not used.
func x222CRC(name string, max int, category, answer, conditions []string, extra int) *Segment {
	elems := []Element{
		elem(1136, "Code Category", R, ID, 2, 2, category...),
		elem(1073, "Certification Condition Indicator", R, ID, 1, 1, answer...),
		elem(1321, "Condition Indicator", R, ID, 2, 3, conditions...),
	}
	for i := range 4 {
		if i < extra {
			elems = append(elems, elem(1321, "Condition Indicator", S, ID, 2, 3, conditions...))
		} else {
			elems = append(elems, unused(1321, "Condition Indicator"))
		}
	}
	return seg("CRC", name, S, max, elems...)
}

// x222QTY is a 2400 quantity with its qualifier.
func x222QTY(name, qualifier, countName string) *Segment {
	return seg("QTY", name, S, 1,
		elem(673, "Quantity Qualifier", R, ID, 2, 2, qualifier),
		elem(380, countName, R, R_, 1, 15),
		unusedComposite("C001", "Composite Unit of Measure"),
		unused(61, "Free-form Information"),
	).syntax("E0204", "R0204")
}
