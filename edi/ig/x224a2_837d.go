package ig

// X224A2 is the ASC X12N 005010X224A2 implementation guide: Health Care
// Claim: Dental (837D), the errata version HIPAA adopted. pyx12 has no map
// for it; shapes shared with the other 837s follow the X222A1 map, dental
// segments (DN1, DN2, SV3, TOO) and the dental provider loops (assistant
// surgeon, supervising provider) the X224A2 TR3.
var X224A2 = &Guide{
	Version:      "005010X224A2",
	SetID:        "837",
	FunctionalID: "HC",
	Name:         "Health Care Claim: Dental",
	Root: loop("ST", "Health Care Claim: Dental", R, 1,
		stSeg("837", "005010X224A2"),
		seg("BHT", "Beginning of Hierarchical Transaction", R, 1,
			elem(1005, "Hierarchical Structure Code", R, ID, 4, 4, "0019"),
			elem(353, "Transaction Set Purpose Code", R, ID, 2, 2, "00", "18"),
			elem(127, "Originator Application Transaction Identifier", R, AN, 1, 50),
			elem(373, "Transaction Set Creation Date", R, DT, 8, 8),
			elem(337, "Transaction Set Creation Time", R, TM, 4, 8),
			elem(640, "Claim or Encounter Identifier", R, ID, 2, 2, "CH", "RP"),
		),
		loop("1000A", "Submitter Name", R, 1,
			nm1Seg("Submitter Name", R, 1, []string{"41"}, []string{"1", "2"},
				nameParts{Last: R, First: S, Middle: S, IDQualifiers: []string{"46"}, ID: R}),
			x224PER("Submitter EDI Contact Information", R),
		),
		loop("1000B", "Receiver Name", R, 1,
			nm1Seg("Receiver Name", R, 1, []string{"40"}, []string{"2"},
				nameParts{Last: R, IDQualifiers: []string{"46"}, ID: R}),
		),
		loop("2000A", "Billing Provider Hierarchical Level", R, Many,
			hlSeg("Billing Provider Hierarchical Level", "20", N, R, "1"),
			x224PRV("Billing Provider Specialty Information", S, "BI"),
			seg("CUR", "Foreign Currency Information", S, 1,
				elem(98, "Entity Identifier Code", R, ID, 2, 3, "85"),
				elem(100, "Currency Code", R, ID, 3, 3),
				unused(280, "Exchange Rate"),
				unused(98, "Entity Identifier Code"),
				unused(100, "Currency Code"),
				unused(669, "Currency Market/Exchange Code"),
				unused(374, "Date/Time Qualifier"),
				unused(373, "Date"),
				unused(337, "Time"),
				unused(374, "Date/Time Qualifier"),
				unused(373, "Date"),
				unused(337, "Time"),
				unused(374, "Date/Time Qualifier"),
				unused(373, "Date"),
				unused(337, "Time"),
				unused(374, "Date/Time Qualifier"),
				unused(373, "Date"),
				unused(337, "Time"),
				unused(374, "Date/Time Qualifier"),
				unused(373, "Date"),
				unused(337, "Time"),
			).syntax("C0807", "C0907", "L101112", "C1110", "C1210", "L131415", "C1413", "C1513",
				"L161718", "C1716", "C1816", "L192021", "C2019", "C2119"),
			loop("2010AA", "Billing Provider Name", R, 1,
				nm1Seg("Billing Provider Name", R, 1, []string{"85"}, []string{"1", "2"},
					nameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"XX"}, ID: S}),
				n3Seg("Billing Provider Address", R),
				n4Seg("Billing Provider City, State, ZIP Code", R),
				refSeg("Billing Provider Tax Identification", R, 1, "EI", "SY"),
				refSeg("Billing Provider UPIN/License Information", S, 2, "0B", "1G"),
				x224PER("Billing Provider Contact Information", S),
			),
			loop("2010AB", "Pay-to Address Name", S, 1,
				nm1Seg("Pay-to Address Name", R, 1, []string{"87"}, []string{"1", "2"}, nameParts{}),
				n3Seg("Pay-to Address - ADDRESS", R),
				n4Seg("Pay-To Address City, State, ZIP Code", R),
			),
			loop("2010AC", "Pay-To Plan Name", S, 1,
				nm1Seg("Pay-To Plan Name", R, 1, []string{"PE"}, []string{"2"},
					nameParts{Last: R, IDQualifiers: []string{"PI", "XV"}, ID: R}),
				n3Seg("Pay-to Plan Address", R),
				n4Seg("Pay-To Plan City, State, ZIP Code", R),
				refSeg("Pay-to Plan Secondary Identification", S, 1, "2U", "FY", "NF"),
				refSeg("Pay-To Plan Tax Identification Number", R, 1, "EI"),
			),
			loop("2000B", "Subscriber Hierarchical Level", R, Many,
				hlSeg("Subscriber Hierarchical Level", "22", R, R, "0", "1"),
				seg("SBR", "Subscriber Information", R, 1,
					elem(1138, "Payer Responsibility Sequence Number Code", R, ID, 1, 1, x224PayerSequence...),
					elem(1069, "Individual Relationship Code", S, ID, 2, 2, "18"),
					elem(127, "Subscriber Group or Policy Number", S, AN, 1, 50),
					elem(93, "Subscriber Group Name", S, AN, 1, 60),
					unused(1336, "Insurance Type Code"),
					unused(1143, "Coordination of Benefits Code"),
					unused(1073, "Yes/No Condition or Response Code"),
					unused(584, "Employment Status Code"),
					elem(1032, "Claim Filing Indicator Code", S, ID, 1, 2, x224ClaimFiling...),
				),
				loop("2010BA", "Subscriber Name", R, 1,
					nm1Seg("Subscriber Name", R, 1, []string{"IL"}, []string{"1", "2"},
						nameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"II", "MI"}, ID: R}),
					n3Seg("Subscriber Address", S),
					n4Seg("Subscriber City, State, ZIP Code", S),
					x224DMG("Subscriber Demographic Information", S),
					refSeg("Subscriber Secondary Identification", S, 1, "SY"),
					refSeg("Property and Casualty Claim Number", S, 1, "Y4"),
				),
				loop("2010BB", "Payer Name", R, 1,
					nm1Seg("Payer Name", R, 1, []string{"PR"}, []string{"2"},
						nameParts{Last: R, IDQualifiers: []string{"PI", "XV"}, ID: R}),
					n3Seg("Payer Address", S),
					n4Seg("Payer City, State, ZIP Code", S),
					refSeg("Payer Secondary Identification", S, 3, "2U", "EI", "FY", "NF"),
					refSeg("Billing Provider Secondary Identification", S, 1, "G2", "LU"),
				),
				x224Claim(S),
				loop("2000C", "Patient Hierarchical Level", S, Many,
					hlSeg("Patient Hierarchical Level", "23", R, R, "0"),
					seg("PAT", "Patient Information", R, 1,
						elem(1069, "Individual Relationship Code", R, ID, 2, 2, "01", "19", "20", "21", "39", "40", "53", "G8"),
						unused(1384, "Patient Location Code"),
						unused(584, "Employment Status Code"),
						unused(1220, "Student Status Code"),
						unused(1250, "Date Time Period Format Qualifier"),
						unused(1251, "Date Time Period"),
						unused(355, "Unit or Basis for Measurement Code"),
						unused(81, "Weight"),
						unused(1073, "Yes/No Condition or Response Code"),
					).syntax("P0506", "P0708"),
					loop("2010CA", "Patient Name", R, 1,
						nm1Seg("Patient Name", R, 1, []string{"QC"}, []string{"1"},
							nameParts{Last: R, First: S, Middle: S, Suffix: S}),
						n3Seg("Patient Address", R),
						n4Seg("Patient City, State, ZIP Code", R),
						x224DMG("Patient Demographic Information", R),
						refSeg("Property and Casualty Claim Number", S, 1, "Y4"),
						refSeg("Property and Casualty Patient Identifier", S, 1, "1W", "SY"),
					),
					x224Claim(R),
				),
			),
		),
		seSeg(),
	),
}

var (
	x224PayerSequence = []string{"A", "B", "C", "D", "E", "F", "G", "H", "P", "S", "T", "U"}
	x224ClaimFiling   = []string{"11", "12", "13", "14", "15", "16", "17", "AM", "BL", "CH", "CI", "DS",
		"FI", "HM", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC", "ZZ"}
	x224Relationship     = []string{"01", "18", "19", "20", "21", "39", "40", "53", "G8"}
	x224ProviderIDs      = []string{"0B", "1G", "G2", "LU"}
	x224ReferringIDs     = []string{"0B", "1G", "G2"}
	x224FacilityIDs      = []string{"0B", "G2", "LU"}
	x224ToothSurfaces    = []string{"B", "D", "F", "I", "L", "M", "O"}
	x224DiagnosisPointer = []string{"1", "2", "3", "4"}
)

// x224Claim is loop 2300 with its subloops. It is Situational under the
// subscriber (2000B) and Required under the patient (2000C).
func x224Claim(usage Usage) *Loop {
	return loop("2300", "Claim Information", usage, 100,
		seg("CLM", "Claim Information", R, 1,
			elem(1028, "Patient Control Number", R, AN, 1, 38),
			elem(782, "Total Claim Charge Amount", R, R_, 1, 18),
			unused(1032, "Claim Filing Indicator Code"),
			unused(1343, "Non-Institutional Claim Type Code"),
			composite("C023", "Health Care Service Location Information", R,
				elem(1331, "Place of Service Code", R, AN, 1, 2),
				elem(1332, "Facility Code Qualifier", R, ID, 1, 2, "B"),
				elem(1325, "Claim Frequency Code", R, ID, 1, 1),
			),
			elem(1073, "Provider or Supplier Signature Indicator", R, ID, 1, 1, "N", "Y"),
			elem(1359, "Assignment or Plan Participation Code", R, ID, 1, 1, "A", "C"),
			elem(1073, "Benefits Assignment Certification Indicator", R, ID, 1, 1, "N", "W", "Y"),
			elem(1363, "Release of Information Code", R, ID, 1, 1, "I", "Y"),
			unused(1351, "Patient Signature Source Code"),
			composite("C024", "Related Causes Information", S,
				elem(1362, "Related Causes Code", R, ID, 2, 3, "AA", "EM", "OA"),
				elem(1362, "Related Causes Code", S, ID, 2, 3, "AA", "EM", "OA"),
				unused(1362, "Related-Causes Code"),
				elem(156, "Auto Accident State or Province Code", S, ID, 2, 2),
				elem(26, "Country Code", S, ID, 2, 3),
			),
			elem(1366, "Special Program Code", S, ID, 2, 3, "01", "02", "03", "05"),
			unused(1073, "Yes/No Condition or Response Code"),
			unused(1338, "Level of Service Code"),
			unused(1073, "Yes/No Condition or Response Code"),
			unused(1360, "Provider Agreement Code"),
			unused(1029, "Claim Status Code"),
			unused(1073, "Yes/No Condition or Response Code"),
			elem(1383, "Predetermination of Benefits Code", S, ID, 2, 2, "PB"),
			elem(1514, "Delay Reason Code", S, ID, 1, 2, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "15"),
		),
		dtpSeg("Date - Accident", S, 1, []string{"439"}, "D8"),
		dtpSeg("Date - Appliance Placement", S, 1, []string{"452"}, "D8"),
		dtpSeg("Date - Service Date", S, 1, []string{"472"}, "D8", "RD8"),
		dtpSeg("Date - Repricer Received Date", S, 1, []string{"050"}, "D8"),
		seg("DN1", "Orthodontic Total Months of Treatment", S, 1,
			elem(380, "Orthodontic Treatment Months Count", S, R_, 1, 15),
			elem(380, "Orthodontic Treatment Months Remaining Count", S, R_, 1, 15),
			unused(1073, "Yes/No Condition or Response Code"),
			elem(352, "Orthodontic Treatment Indicator", S, AN, 1, 80),
		),
		seg("DN2", "Tooth Status", S, 35,
			elem(127, "Tooth Number", R, AN, 1, 50),
			elem(1368, "Tooth Status Code", R, ID, 1, 2, "E", "M"),
			unused(380, "Quantity"),
			unused(1250, "Date Time Period Format Qualifier"),
			unused(1251, "Date Time Period"),
			elem(1270, "Code List Qualifier Code", S, ID, 1, 3, "JP"),
		).syntax("P0405"),
		x224PWK(),
		x224CN1(),
		amtSeg("Patient Amount Paid", S, 1, "F5"),
		refSeg("Predetermination Identification", S, 1, "G3"),
		refSeg("Service Authorization Exception Code", S, 1, "4N"),
		refSeg("Payer Claim Control Number", S, 1, "F8"),
		refSeg("Referral Number", S, 1, "9F"),
		refSeg("Prior Authorization", S, 1, "G1"),
		refSeg("Repriced Claim Number", S, 1, "9A"),
		refSeg("Adjusted Repriced Claim Number", S, 1, "9C"),
		refSeg("Claim Identifier For Transmission Intermediaries", S, 1, "D9"),
		x224K3(),
		seg("NTE", "Claim Note", S, 5,
			elem(363, "Note Reference Code", R, ID, 3, 3, "ADD"),
			elem(352, "Claim Note Text", R, AN, 1, 80),
		),
		x224HI(),
		x224HCP("Claim Pricing/Repricing Information", false),
		loop("2310A", "Referring Provider Name", S, 2,
			x224PersonNM1("Referring Provider Name", []string{"DN", "P3"}, "1"),
			x224PRV("Referring Provider Specialty Information", S, "RF"),
			refSeg("Referring Provider Secondary Identification", S, 3, x224ReferringIDs...),
		),
		loop("2310B", "Rendering Provider Name", S, 1,
			x224PersonNM1("Rendering Provider Name", []string{"82"}, "1", "2"),
			x224PRV("Rendering Provider Specialty Information", S, "PE"),
			refSeg("Rendering Provider Secondary Identification", S, 4, x224ProviderIDs...),
		),
		loop("2310C", "Service Facility Location Name", S, 1,
			nm1Seg("Service Facility Location Name", R, 1, []string{"77"}, []string{"2"},
				nameParts{Last: R, IDQualifiers: []string{"XX"}, ID: S}),
			n3Seg("Service Facility Location Address", R),
			n4Seg("Service Facility Location City, State, ZIP Code", R),
			refSeg("Service Facility Location Secondary Identification", S, 3, x224FacilityIDs...),
		),
		loop("2310D", "Assistant Surgeon Name", S, 1,
			x224PersonNM1("Assistant Surgeon Name", []string{"DD"}, "1", "2"),
			x224PRV("Assistant Surgeon Specialty Information", S, "AS"),
			refSeg("Assistant Surgeon Secondary Identification", S, 4, x224ProviderIDs...),
		),
		loop("2310E", "Supervising Provider Name", S, 1,
			x224PersonNM1("Supervising Provider Name", []string{"DQ"}, "1"),
			refSeg("Supervising Provider Secondary Identification", S, 4, x224ProviderIDs...),
		),
		loop("2320", "Other Subscriber Information", S, 10,
			seg("SBR", "Other Subscriber Information", R, 1,
				elem(1138, "Payer Responsibility Sequence Number Code", R, ID, 1, 1, x224PayerSequence...),
				elem(1069, "Individual Relationship Code", R, ID, 2, 2, x224Relationship...),
				elem(127, "Insured Group or Policy Number", S, AN, 1, 50),
				elem(93, "Other Insured Group Name", S, AN, 1, 60),
				unused(1336, "Insurance Type Code"),
				unused(1143, "Coordination of Benefits Code"),
				unused(1073, "Yes/No Condition or Response Code"),
				unused(584, "Employment Status Code"),
				elem(1032, "Claim Filing Indicator Code", S, ID, 1, 2, x224ClaimFiling...),
			),
			x224CAS("Claim Level Adjustments"),
			amtSeg("Coordination of Benefits (COB) Payer Paid Amount", S, 1, "D"),
			amtSeg("Remaining Patient Liability", S, 1, "EAF"),
			amtSeg("Coordination of Benefits (COB) Total Non-covered Amount", S, 1, "A8"),
			seg("OI", "Other Insurance Coverage Information", R, 1,
				unused(1032, "Claim Filing Indicator Code"),
				unused(1383, "Claim Submission Reason Code"),
				elem(1073, "Benefits Assignment Certification Indicator", R, ID, 1, 1, "N", "W", "Y"),
				unused(1351, "Patient Signature Source Code"),
				unused(1360, "Provider Agreement Code"),
				elem(1363, "Release of Information Code", R, ID, 1, 1, "I", "Y"),
			),
			seg("MOA", "Outpatient Adjudication Information", S, 1,
				elem(954, "Reimbursement Rate", S, R_, 1, 10),
				elem(782, "HCPCS Payable Amount", S, R_, 1, 18),
				elem(127, "Claim Payment Remark Code", S, AN, 1, 50),
				elem(127, "Claim Payment Remark Code", S, AN, 1, 50),
				elem(127, "Claim Payment Remark Code", S, AN, 1, 50),
				elem(127, "Claim Payment Remark Code", S, AN, 1, 50),
				elem(127, "Claim Payment Remark Code", S, AN, 1, 50),
				elem(782, "End Stage Renal Disease Payment Amount", S, R_, 1, 18),
				elem(782, "Non-Payable Professional Component Billed Amount", S, R_, 1, 18),
			),
			loop("2330A", "Other Subscriber Name", R, 1,
				nm1Seg("Other Subscriber Name", R, 1, []string{"IL"}, []string{"1", "2"},
					nameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"II", "MI"}, ID: R}),
				n3Seg("Other Subscriber Address", S),
				n4Seg("Other Subscriber City, State, ZIP Code", S),
				refSeg("Other Subscriber Secondary Identification", S, 2, "SY"),
			),
			loop("2330B", "Other Payer Name", R, 1,
				nm1Seg("Other Payer Name", R, 1, []string{"PR"}, []string{"2"},
					nameParts{Last: R, IDQualifiers: []string{"PI", "XV"}, ID: R}),
				n3Seg("Other Payer Address", S),
				n4Seg("Other Payer City, State, ZIP Code", S),
				dtpSeg("Claim Check or Remittance Date", S, 1, []string{"573"}, "D8"),
				refSeg("Other Payer Secondary Identifier", S, 2, "2U", "EI", "FY", "NF"),
				refSeg("Other Payer Prior Authorization Number", S, 1, "G1"),
				refSeg("Other Payer Referral Number", S, 1, "9F"),
				refSeg("Other Payer Claim Adjustment Indicator", S, 1, "T4"),
				refSeg("Other Payer Predetermination Identification", S, 1, "G3"),
				refSeg("Other Payer Claim Control Number", S, 1, "F8"),
			),
			x224OtherPayerProvider("2330C", "Other Payer Referring Provider", 2, []string{"DN", "P3"}, []string{"1"},
				"Other Payer Referring Provider Secondary Identification", 3, x224ReferringIDs),
			x224OtherPayerProvider("2330D", "Other Payer Rendering Provider", 1, []string{"82"}, []string{"1", "2"},
				"Other Payer Rendering Provider Secondary Identification", 3, x224ProviderIDs),
			x224OtherPayerProvider("2330E", "Other Payer Supervising Provider", 1, []string{"DQ"}, []string{"1"},
				"Other Payer Supervising Provider Identification", 3, x224ProviderIDs),
			x224OtherPayerProvider("2330F", "Other Payer Billing Provider", 1, []string{"85"}, []string{"1", "2"},
				"Other Payer Billing Provider Secondary Identification", 2, []string{"G2", "LU"}),
			x224OtherPayerProvider("2330G", "Other Payer Service Facility Location", 1, []string{"77"}, []string{"2"},
				"Other Payer Service Facility Location Secondary Identification", 3, x224FacilityIDs),
			x224OtherPayerProvider("2330H", "Other Payer Assistant Surgeon", 1, []string{"DD"}, []string{"1", "2"},
				"Other Payer Assistant Surgeon Secondary Identifier", 3, x224ProviderIDs),
		),
		loop("2400", "Service Line Number", R, 50,
			seg("LX", "Service Line Number", R, 1,
				elem(554, "Assigned Number", R, N0, 1, 6),
			),
			seg("SV3", "Dental Service", R, 1,
				x224Procedure("Composite Medical Procedure Identifier"),
				elem(782, "Line Item Charge Amount", R, R_, 1, 18),
				elem(1331, "Place of Service Code", S, AN, 1, 2),
				composite("C006", "Oral Cavity Designation", S,
					elem(1361, "Oral Cavity Designation Code", R, ID, 1, 3),
					elem(1361, "Oral Cavity Designation Code", S, ID, 1, 3),
					elem(1361, "Oral Cavity Designation Code", S, ID, 1, 3),
					elem(1361, "Oral Cavity Designation Code", S, ID, 1, 3),
					elem(1361, "Oral Cavity Designation Code", S, ID, 1, 3),
				),
				elem(1358, "Prosthesis, Crown or Inlay Code", S, ID, 1, 1, "I", "R"),
				elem(380, "Procedure Count", S, R_, 1, 15),
				unused(352, "Description"),
				unused(1327, "Copay Status Code"),
				unused(1360, "Provider Agreement Code"),
				unused(1073, "Yes/No Condition or Response Code"),
				composite("C004", "Composite Diagnosis Code Pointer", S,
					elem(1328, "Diagnosis Code Pointer", R, N0, 1, 2, x224DiagnosisPointer...),
					elem(1328, "Diagnosis Code Pointer", S, N0, 1, 2, x224DiagnosisPointer...),
					elem(1328, "Diagnosis Code Pointer", S, N0, 1, 2, x224DiagnosisPointer...),
					elem(1328, "Diagnosis Code Pointer", S, N0, 1, 2, x224DiagnosisPointer...),
				),
			),
			seg("TOO", "Tooth Information", S, 32,
				elem(1270, "Code List Qualifier Code", R, ID, 1, 3, "JP"),
				elem(1271, "Tooth Code", R, AN, 1, 30),
				composite("C005", "Tooth Surface", S,
					elem(1369, "Tooth Surface Code", R, ID, 1, 2, x224ToothSurfaces...),
					elem(1369, "Tooth Surface Code", S, ID, 1, 2, x224ToothSurfaces...),
					elem(1369, "Tooth Surface Code", S, ID, 1, 2, x224ToothSurfaces...),
					elem(1369, "Tooth Surface Code", S, ID, 1, 2, x224ToothSurfaces...),
					elem(1369, "Tooth Surface Code", S, ID, 1, 2, x224ToothSurfaces...),
				),
			).syntax("P0102"),
			dtpSeg("Date - Service Date", S, 1, []string{"472"}, "D8", "RD8"),
			dtpSeg("Date - Prior Placement", S, 1, []string{"441"}, "D8"),
			dtpSeg("Date - Appliance Placement", S, 1, []string{"452"}, "D8"),
			dtpSeg("Date - Replacement", S, 1, []string{"446"}, "D8"),
			dtpSeg("Date - Treatment Start", S, 1, []string{"196"}, "D8"),
			dtpSeg("Date - Treatment Completion", S, 1, []string{"198"}, "D8"),
			x224CN1(),
			x224LineREF("Service Predetermination Identification", 5, "G3"),
			x224LineREF("Prior Authorization", 5, "G1"),
			refSeg("Line Item Control Number", S, 1, "6R"),
			refSeg("Repriced Line Item Reference Number", S, 1, "9B"),
			refSeg("Adjusted Repriced Line Item Reference Number", S, 1, "9D"),
			x224LineREF("Referral Number", 5, "9F"),
			amtSeg("Sales Tax Amount", S, 1, "T"),
			x224K3(),
			x224HCP("Line Pricing/Repricing Information", true),
			loop("2420A", "Rendering Provider Name", S, 1,
				x224PersonNM1("Rendering Provider Name", []string{"82"}, "1", "2"),
				x224PRV("Rendering Provider Specialty Information", S, "PE"),
				x224LineREF("Rendering Provider Secondary Identification", 20, x224ProviderIDs...),
			),
			loop("2420B", "Assistant Surgeon Name", S, 1,
				x224PersonNM1("Assistant Surgeon Name", []string{"DD"}, "1", "2"),
				x224PRV("Assistant Surgeon Specialty Information", S, "AS"),
				x224LineREF("Assistant Surgeon Secondary Identification", 20, x224ProviderIDs...),
			),
			loop("2420C", "Supervising Provider Name", S, 1,
				x224PersonNM1("Supervising Provider Name", []string{"DQ"}, "1"),
				x224LineREF("Supervising Provider Secondary Identification", 20, x224ProviderIDs...),
			),
			loop("2420D", "Service Facility Location Name", S, 1,
				nm1Seg("Service Facility Location Name", R, 1, []string{"77"}, []string{"2"},
					nameParts{Last: R, IDQualifiers: []string{"XX"}, ID: S}),
				n3Seg("Service Facility Location Address", R),
				n4Seg("Service Facility Location City, State, ZIP Code", R),
				x224LineREF("Service Facility Location Secondary Identification", 3, "G2", "LU"),
			),
			loop("2430", "Line Adjudication Information", S, 15,
				seg("SVD", "Line Adjudication Information", R, 1,
					elem(67, "Other Payer Primary Identifier", R, AN, 2, 80),
					elem(782, "Service Line Paid Amount", R, R_, 1, 18),
					x224Procedure("Composite Medical Procedure Identifier"),
					unused(234, "Product/Service ID"),
					elem(380, "Paid Service Unit Count", R, R_, 1, 15),
					elem(554, "Bundled or Unbundled Line Number", S, N0, 1, 6),
				),
				x224CAS("Line Adjustment"),
				dtpSeg("Line Check or Remittance Date", R, 1, []string{"573"}, "D8"),
				amtSeg("Remaining Patient Liability", S, 1, "EAF"),
			),
		),
	)
}

// x224PER is a contact: PER03/PER04 are required and the first number
// cannot be an extension.
func x224PER(name string, usage Usage) *Segment {
	return seg("PER", name, usage, 2,
		elem(366, "Contact Function Code", R, ID, 2, 2, "IC"),
		elem(93, "Name", S, AN, 1, 60),
		elem(365, "Communication Number Qualifier", R, ID, 2, 2, "EM", "FX", "TE"),
		elem(364, "Communication Number", R, AN, 1, 256),
		elem(365, "Communication Number Qualifier", S, ID, 2, 2, "EM", "EX", "FX", "TE"),
		elem(364, "Communication Number", S, AN, 1, 256),
		elem(365, "Communication Number Qualifier", S, ID, 2, 2, "EM", "EX", "FX", "TE"),
		elem(364, "Communication Number", S, AN, 1, 256),
		unused(443, "Contact Inquiry Reference"),
	).syntax("P0304", "P0506", "P0708")
}

// x224PRV is a provider's taxonomy code.
func x224PRV(name string, usage Usage, providerCode string) *Segment {
	return seg("PRV", name, usage, 1,
		elem(1221, "Provider Code", R, ID, 1, 3, providerCode),
		elem(128, "Reference Identification Qualifier", R, ID, 2, 3, "PXC"),
		elem(127, "Provider Taxonomy Code", R, AN, 1, 50),
		unused(156, "State or Province Code"),
		unusedComposite("C035", "Provider Specialty Information"),
		unused(1223, "Provider Organization Code"),
	).syntax("P0203")
}

// x224DMG is a birth date and gender, with all of DMG's syntax notes.
func x224DMG(name string, usage Usage) *Segment {
	return seg("DMG", name, usage, 1,
		elem(1250, "Date Time Period Format Qualifier", R, ID, 2, 3, "D8"),
		elem(1251, "Birth Date", R, AN, 1, 35).date(1),
		elem(1068, "Gender Code", R, ID, 1, 1, "F", "M", "U"),
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

// x224PersonNM1 is a provider named in the claim or line: last name
// required, NPI (XX) when the provider has one.
func x224PersonNM1(name string, entity []string, entityTypes ...string) *Segment {
	return nm1Seg(name, R, 1, entity, entityTypes,
		nameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"XX"}, ID: S})
}

// x224OtherPayerProvider is a 2330C-H loop: the entity code alone in NM1,
// then the identifier the other payer knows the provider by.
func x224OtherPayerProvider(id, name string, max int, entity, entityTypes []string, refName string, refMax int, qualifiers []string) *Loop {
	return loop(id, name, S, max,
		nm1Seg(name, R, 1, entity, entityTypes, nameParts{}),
		refSeg(refName, R, refMax, qualifiers...),
	)
}

// x224LineREF is a 2400/2420 reference that may name, in REF04, the other
// payer it belongs to.
func x224LineREF(name string, max int, qualifiers ...string) *Segment {
	return seg("REF", name, S, max,
		elem(128, "Reference Identification Qualifier", R, ID, 2, 3, qualifiers...),
		elem(127, "Reference Identification", R, AN, 1, 50),
		unused(352, "Description"),
		composite("C040", "Reference Identifier", S,
			elem(128, "Reference Identification Qualifier", R, ID, 2, 3, "2U"),
			elem(127, "Other Payer Primary Identifier", R, AN, 1, 50),
			unused(128, "Reference Identification Qualifier"),
			unused(127, "Reference Identification"),
			unused(128, "Reference Identification Qualifier"),
			unused(127, "Reference Identification"),
		),
	).syntax("R0203")
}

// x224PWK is the claim's paperwork (attachment) notice, with the dental
// report types: radiographs, models, periodontal charts and the like.
func x224PWK() *Segment {
	return seg("PWK", "Claim Supplemental Information", S, 10,
		elem(755, "Attachment Report Type Code", R, ID, 2, 2, "B4", "DA", "DG", "EB", "OZ", "P6", "RB", "RR"),
		elem(756, "Attachment Transmission Code", R, ID, 1, 2, "AA", "BM", "EL", "EM", "FT", "FX"),
		unused(757, "Report Copies Needed"),
		unused(98, "Entity Identifier Code"),
		elem(66, "Identification Code Qualifier", S, ID, 1, 2, "AC"),
		elem(67, "Attachment Control Number", S, AN, 2, 80),
		unused(352, "Description"),
		unusedComposite("C002", "Actions Indicated"),
		unused(1525, "Request Category Code"),
	).syntax("P0506")
}

// x224CN1 is contract information, at the claim (2300) or the line (2400).
func x224CN1() *Segment {
	return seg("CN1", "Contract Information", S, 1,
		elem(1166, "Contract Type Code", R, ID, 2, 2, "01", "02", "03", "04", "05", "06", "09"),
		elem(782, "Contract Amount", S, R_, 1, 18),
		elem(332, "Contract Percentage", S, R_, 1, 6),
		elem(127, "Contract Code", S, AN, 1, 50),
		elem(338, "Terms Discount Percentage", S, R_, 1, 6),
		elem(799, "Contract Version Identifier", S, AN, 1, 30),
	)
}

// x224K3 is fixed-format file information.
func x224K3() *Segment {
	return seg("K3", "File Information", S, 10,
		elem(449, "Fixed Format Information", R, AN, 1, 80),
		unused(1333, "Record Format Code"),
		unusedComposite("C001", "Composite Unit of Measure"),
	)
}

// x224HI is the claim's diagnoses: a principal diagnosis and up to three
// more, which SV311 points at (1-4). The dental guide has no
// present-on-admission indicator.
func x224HI() *Segment {
	code := func(usage Usage, qualifiers ...string) Element {
		return composite("C022", "Health Care Code Information", usage,
			elem(1270, "Diagnosis Type Code", R, ID, 1, 3, qualifiers...),
			elem(1271, "Diagnosis Code", R, AN, 1, 30),
			unused(1250, "Date Time Period Format Qualifier"),
			unused(1251, "Date Time Period"),
			unused(782, "Monetary Amount"),
			unused(380, "Quantity"),
			unused(799, "Version Identifier"),
			unused(1271, "Industry Code"),
			unused(1073, "Yes/No Condition or Response Code"),
		)
	}
	elems := []Element{
		code(R, "ABK", "BK"),
		code(S, "ABF", "BF"),
		code(S, "ABF", "BF"),
		code(S, "ABF", "BF"),
	}
	for range 8 {
		elems = append(elems, unusedComposite("C022", "Health Care Code Information"))
	}
	return seg("HI", "Health Care Diagnosis Code", S, 1, elems...)
}

// x224HCP is claim (2300) or line (2400) pricing: only the line form
// carries a repriced procedure code and unit count (HCP09-HCP12).
func x224HCP(name string, line bool) *Segment {
	methods := []string{"00", "01", "02", "03", "04", "05", "07", "08", "09", "10", "11", "12", "13", "14"}
	qual, code := unused(235, "Product/Service ID Qualifier"), unused(234, "Product/Service ID")
	unit, count := unused(355, "Unit or Basis for Measurement Code"), unused(380, "Quantity")
	if line {
		methods = []string{"00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14"}
		qual = elem(235, "Product or Service ID Qualifier", S, ID, 2, 2, "AD")
		code = elem(234, "Repriced Approved Procedure Code", S, AN, 1, 48)
		unit = elem(355, "Unit or Basis for Measurement Code", S, ID, 2, 2, "UN")
		count = elem(380, "Repriced Approved Service Unit Count", S, R_, 1, 15)
	}
	return seg("HCP", name, S, 1,
		elem(1473, "Pricing Methodology", R, ID, 2, 2, methods...),
		elem(782, "Repriced Allowed Amount", R, R_, 1, 18),
		elem(782, "Repriced Saving Amount", S, R_, 1, 18),
		elem(127, "Repricing Organization Identifier", S, AN, 1, 50),
		elem(118, "Repricing Per Diem or Flat Rate Amount", S, R_, 1, 9),
		elem(127, "Repriced Approved Ambulatory Patient Group Code", S, AN, 1, 50),
		elem(782, "Repriced Approved Ambulatory Patient Group Amount", S, R_, 1, 18),
		unused(234, "Product/Service ID"),
		qual,
		code,
		unit,
		count,
		elem(901, "Reject Reason Code", S, ID, 2, 2, "T1", "T2", "T3", "T4", "T5", "T6"),
		elem(1526, "Policy Compliance Code", S, ID, 1, 2, "1", "2", "3", "4", "5"),
		elem(1527, "Exception Code", S, ID, 1, 2, "1", "2", "3", "4", "5", "6"),
	).syntax("R0113", "P0910", "P1112")
}

// x224Procedure is the C003 of SV301 and SVD03: an ADA (CDT) procedure code
// with up to four modifiers and a description.
func x224Procedure(name string) Element {
	return composite("C003", name, R,
		elem(235, "Product or Service ID Qualifier", R, ID, 2, 2, "AD"),
		elem(234, "Procedure Code", R, AN, 1, 48),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(352, "Description", S, AN, 1, 80),
		unused(234, "Product/Service ID"),
	)
}

// x224CAS is a claim or line adjustment: a group code and up to six
// reason/amount/quantity triples.
func x224CAS(name string) *Segment {
	elems := []Element{
		elem(1033, "Claim Adjustment Group Code", R, ID, 1, 2, "CO", "CR", "OA", "PI", "PR"),
		elem(1034, "Adjustment Reason Code", R, ID, 1, 5),
		elem(782, "Adjustment Amount", R, R_, 1, 18),
		elem(380, "Adjustment Quantity", S, R_, 1, 15),
	}
	for range 5 {
		elems = append(elems,
			elem(1034, "Adjustment Reason Code", S, ID, 1, 5),
			elem(782, "Adjustment Amount", S, R_, 1, 18),
			elem(380, "Adjustment Quantity", S, R_, 1, 15),
		)
	}
	return seg("CAS", name, S, 5, elems...).syntax(
		"L050607", "C0605", "C0705", "L080910", "C0908", "C1008", "L111213", "C1211", "C1311",
		"L141516", "C1514", "C1614", "L171819", "C1817", "C1917")
}
