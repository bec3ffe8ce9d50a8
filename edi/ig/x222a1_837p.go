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
		seg("BHT", "Beginning of Hierarchical Transaction", R, 1,
			elem(1005, "Hierarchical Structure Code", R, ID, 4, 4, "0019"),
			elem(353, "Transaction Set Purpose Code", R, ID, 2, 2, "00", "18"),
			elem(127, "Originator Application Transaction Identifier", R, AN, 1, 50),
			elem(373, "Transaction Set Creation Date", R, DT, 8, 8),
			elem(337, "Transaction Set Creation Time", R, TM, 4, 8),
			// 31 (subrogation demand) came with the A1 errata; pyx12's map lacks it.
			elem(640, "Claim or Encounter Identifier", R, ID, 2, 2, "31", "CH", "RP"),
		),
		loop("1000A", "Submitter Name", R, 1,
			nm1Seg("Submitter Name", R, 1, []string{"41"}, []string{"1", "2"},
				nameParts{Last: R, First: S, Middle: S, IDQualifiers: []string{"46"}, ID: R}),
			// ED, which pyx12 still lists in PER03/05/07, was dropped after 4010.
			x222PER("Submitter EDI Contact Information", R, 2),
		),
		loop("1000B", "Receiver Name", R, 1,
			nm1Seg("Receiver Name", R, 1, []string{"40"}, []string{"2"},
				nameParts{Last: R, IDQualifiers: []string{"46"}, ID: R}),
		),
		loop("2000A", "Billing Provider Hierarchical Level", R, Many,
			hlSeg("Billing Provider Hierarchical Level", "20", N, R, "1"),
			x222PRV("Billing Provider Specialty Information", "BI"),
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
				x222ProviderNM1("Billing Provider Name", []string{"85"}, []string{"1", "2"}),
				n3Seg("Billing Provider Address", R),
				n4Seg("Billing Provider City, State, ZIP Code", R),
				refSeg("Billing Provider Tax Identification", R, 1, "EI", "SY"),
				refSeg("Billing Provider UPIN/License Information", S, 2, "0B", "1G"),
				x222PER("Billing Provider Contact Information", S, 2),
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
					elem(1138, "Payer Responsibility Sequence Number Code", R, ID, 1, 1, x222PayerSequence...),
					elem(1069, "Individual Relationship Code", S, ID, 2, 2, "18"),
					elem(127, "Subscriber Group or Policy Number", S, AN, 1, 50),
					elem(93, "Subscriber Group Name", S, AN, 1, 60),
					elem(1336, "Insurance Type Code", S, ID, 1, 3, x222InsuranceType...),
					unused(1143, "Coordination of Benefits Code"),
					unused(1073, "Yes/No Condition or Response Code"),
					unused(584, "Employment Status Code"),
					elem(1032, "Claim Filing Indicator Code", S, ID, 1, 2, x222ClaimFiling...),
				),
				x222PAT(S, N),
				loop("2010BA", "Subscriber Name", R, 1,
					nm1Seg("Subscriber Name", R, 1, []string{"IL"}, []string{"1", "2"},
						nameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"II", "MI"}, ID: R}),
					n3Seg("Subscriber Address", S),
					n4Seg("Subscriber City, State, ZIP Code", S),
					x222DMG("Subscriber Demographic Information", S),
					refSeg("Subscriber Secondary Identification", S, 1, "SY"),
					refSeg("Property and Casualty Claim Number", S, 1, "Y4"),
					x222PhonePER("Property and Casualty Subscriber Contact Information"),
				),
				loop("2010BB", "Payer Name", R, 1,
					nm1Seg("Payer Name", R, 1, []string{"PR"}, []string{"2"},
						nameParts{Last: R, IDQualifiers: []string{"PI", "XV"}, ID: R}),
					n3Seg("Payer Address", S),
					n4Seg("Payer City, State, ZIP Code", S),
					refSeg("Payer Secondary Identification", S, 3, "2U", "EI", "FY", "NF"),
					refSeg("Billing Provider Secondary Identification", S, 2, "G2", "LU"),
				),
				x222Claim(S),
				loop("2000C", "Patient Hierarchical Level", S, Many,
					hlSeg("Patient Hierarchical Level", "23", R, R, "0"),
					x222PAT(R, R),
					loop("2010CA", "Patient Name", R, 1,
						nm1Seg("Patient Name", R, 1, []string{"QC"}, []string{"1"},
							nameParts{Last: R, First: S, Middle: S, Suffix: S}),
						n3Seg("Patient Address", R),
						n4Seg("Patient City, State, ZIP Code", R),
						x222DMG("Patient Demographic Information", R),
						refSeg("Property and Casualty Claim Number", S, 1, "Y4"),
						refSeg("Property and Casualty Patient Identifier", S, 1, "1W", "SY"),
						x222PhonePER("Property and Casualty Patient Contact Information"),
					),
					x222Claim(R),
				),
			),
		),
		seSeg(),
	),
}

var (
	x222PayerSequence = []string{"A", "B", "C", "D", "E", "F", "G", "H", "P", "S", "T", "U"}
	x222InsuranceType = []string{"12", "13", "14", "15", "16", "41", "42", "43", "47"}
	x222ClaimFiling   = []string{"11", "12", "13", "14", "15", "16", "17", "AM", "BL", "CH", "CI", "DS",
		"FI", "HM", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC", "ZZ"}
	x222ReportType = []string{"03", "04", "05", "06", "07", "08", "09", "10", "11", "13", "15", "21",
		"A3", "A4", "AM", "AS", "B2", "B3", "B4", "BR", "BS", "BT", "CB", "CK", "CT", "D2", "DA", "DB",
		"DG", "DJ", "DS", "EB", "HC", "HR", "I5", "IR", "LA", "M1", "MT", "NN", "OB", "OC", "OD", "OE",
		"OX", "OZ", "P4", "P5", "PE", "PN", "PO", "PQ", "PY", "PZ", "RB", "RR", "RT", "RX", "SG", "V5", "XP"}
	x222ProcedureQualifiers = []string{"ER", "HC", "IV", "WK"}
	x222DiagnosisPointers   = []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}
	x222AmbulanceConditions = []string{"01", "04", "05", "06", "07", "08", "09", "12"}
	x222ContractTypes       = []string{"01", "02", "03", "04", "05", "06", "09"}
)

// x222Claim is loop 2300 with its subloops. It is Situational under the
// subscriber (2000B) and Required under the patient (2000C).
func x222Claim(usage Usage) *Loop {
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
			elem(1359, "Assignment or Plan Participation Code", R, ID, 1, 1, "A", "B", "C"),
			elem(1073, "Benefits Assignment Certification Indicator", R, ID, 1, 1, "N", "W", "Y"),
			elem(1363, "Release of Information Code", R, ID, 1, 1, "I", "Y"),
			elem(1351, "Patient Signature Source Code", S, ID, 1, 1, "P"),
			composite("C024", "Related Causes Information", S,
				elem(1362, "Related Causes Code", R, ID, 2, 3, "AA", "EM", "OA"),
				elem(1362, "Related Causes Code", S, ID, 2, 3, "AA", "EM", "OA"),
				unused(1362, "Related-Causes Code"),
				elem(156, "Auto Accident State or Province Code", S, ID, 2, 2),
				elem(26, "Country Code", S, ID, 2, 3),
			),
			elem(1366, "Special Program Indicator", S, ID, 2, 3, "02", "03", "05", "09"),
			unused(1073, "Yes/No Condition or Response Code"),
			unused(1338, "Level of Service Code"),
			unused(1073, "Yes/No Condition or Response Code"),
			unused(1360, "Provider Agreement Code"),
			unused(1029, "Claim Status Code"),
			unused(1073, "Yes/No Condition or Response Code"),
			unused(1383, "Claim Submission Reason Code"),
			elem(1514, "Delay Reason Code", S, ID, 1, 2, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "15"),
		),
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
		x222PWK("Claim Supplemental Information"),
		x222CN1(),
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
		x222K3(),
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
		x222HCP("Claim Pricing/Repricing Information", false),
		loop("2310A", "Referring Provider Name", S, 2,
			x222ProviderNM1("Referring Provider Name", []string{"DN", "P3"}, []string{"1"}),
			refSeg("Referring Provider Secondary Identification", S, 3, "0B", "1G", "G2"),
		),
		loop("2310B", "Rendering Provider Name", S, 1,
			x222ProviderNM1("Rendering Provider Name", []string{"82"}, []string{"1", "2"}),
			x222PRV("Rendering Provider Specialty Information", "PE"),
			refSeg("Rendering Provider Secondary Identification", S, 4, "0B", "1G", "G2", "LU"),
		),
		loop("2310C", "Service Facility Location Name", S, 1,
			x222FacilityNM1(),
			n3Seg("Service Facility Location Address", R),
			n4Seg("Service Facility Location City, State, ZIP Code", R),
			refSeg("Service Facility Location Secondary Identification", S, 3, "0B", "G2", "LU"),
			x222PhonePER("Service Facility Contact Information"),
		),
		loop("2310D", "Supervising Provider Name", S, 1,
			x222ProviderNM1("Supervising Provider Name", []string{"DQ"}, []string{"1"}),
			refSeg("Supervising Provider Secondary Identification", S, 4, "0B", "1G", "G2", "LU"),
		),
		x222PickUp("2310E"),
		x222DropOff("2310F"),
		loop("2320", "Other Subscriber Information", S, 10,
			seg("SBR", "Other Subscriber Information", R, 1,
				elem(1138, "Payer Responsibility Sequence Number Code", R, ID, 1, 1, x222PayerSequence...),
				elem(1069, "Individual Relationship Code", R, ID, 2, 2, "01", "18", "19", "20", "21", "39", "40", "53", "G8"),
				elem(127, "Insured Group or Policy Number", S, AN, 1, 50),
				elem(93, "Other Insured Group Name", S, AN, 1, 60),
				elem(1336, "Insurance Type Code", S, ID, 1, 3, x222InsuranceType...),
				unused(1143, "Coordination of Benefits Code"),
				unused(1073, "Yes/No Condition or Response Code"),
				unused(584, "Employment Status Code"),
				elem(1032, "Claim Filing Indicator Code", S, ID, 1, 2, x222ClaimFiling...),
			),
			x222CAS("Claim Level Adjustments"),
			amtSeg("Coordination of Benefits (COB) Payer Paid Amount", S, 1, "D"),
			amtSeg("Coordination of Benefits (COB) Total Non-Covered Amount", S, 1, "A8"),
			amtSeg("Remaining Patient Liability", S, 1, "EAF"),
			seg("OI", "Other Insurance Coverage Information", R, 1,
				unused(1032, "Claim Filing Indicator Code"),
				unused(1383, "Claim Submission Reason Code"),
				elem(1073, "Benefits Assignment Certification Indicator", R, ID, 1, 1, "N", "W", "Y"),
				elem(1351, "Patient Signature Source Code", S, ID, 1, 1, "P"),
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
				refSeg("Other Subscriber Secondary Identification", S, 1, "SY"),
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
				x222CodedREF("Other Payer Claim Adjustment Indicator", "T4", "Other Payer Claim Adjustment Indicator", "Y"),
				refSeg("Other Payer Claim Control Number", S, 1, "F8"),
			),
			x222OtherPayerProvider("2330C", "Other Payer Referring Provider", 2, []string{"DN", "P3"}, []string{"1"},
				"Other Payer Referring Provider Secondary Identification", 3, "0B", "1G", "G2"),
			x222OtherPayerProvider("2330D", "Other Payer Rendering Provider", 1, []string{"82"}, []string{"1", "2"},
				"Other Payer Rendering Provider Secondary Identification", 3, "0B", "1G", "G2", "LU"),
			x222OtherPayerProvider("2330E", "Other Payer Service Facility Location", 1, []string{"77"}, []string{"2"},
				"Other Payer Service Facility Location Secondary Identification", 3, "0B", "G2", "LU"),
			x222OtherPayerProvider("2330F", "Other Payer Supervising Provider", 1, []string{"DQ"}, []string{"1"},
				"Other Payer Supervising Provider Secondary Identification", 3, "0B", "1G", "G2", "LU"),
			x222OtherPayerProvider("2330G", "Other Payer Billing Provider", 1, []string{"85"}, []string{"1", "2"},
				"Other Payer Billing Provider Secondary Identification", 2, "G2", "LU"),
		),
		x222ServiceLine(),
	)
}

// x222ServiceLine is loop 2400 with its subloops.
func x222ServiceLine() *Loop {
	return loop("2400", "Service Line Number", R, 50,
		seg("LX", "Service Line Number", R, 1,
			elem(554, "Assigned Number", R, N0, 1, 6),
		),
		seg("SV1", "Professional Service", R, 1,
			x222Procedure("Composite Medical Procedure Identifier"),
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
		x222PWK("Line Supplemental Information"),
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
		x222CN1(),
		refSeg("Repriced Line Item Reference Number", S, 1, "9B"),
		refSeg("Adjusted Repriced Line Item Reference Number", S, 1, "9D"),
		x222LineREF("Prior Authorization", 5, "G1"),
		refSeg("Line Item Control Number", S, 1, "6R"),
		refSeg("Mammography Certification Number", S, 1, "EW"),
		refSeg("Clinical Laboratory Improvement Amendment (CLIA) Number", S, 1, "X4"),
		refSeg("Referring Clinical Laboratory Improvement Amendment (CLIA) Facility Identification", S, 1, "F4"),
		refSeg("Immunization Batch Number", S, 1, "BT"),
		x222LineREF("Referral Number", 5, "9F"),
		amtSeg("Sales Tax Amount", S, 1, "T"),
		amtSeg("Postage Claimed Amount", S, 1, "F4"),
		x222K3(),
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
		x222HCP("Line Pricing/Repricing Information", true),
		loop("2410", "Drug Identification", S, 1,
			x222LIN(),
			seg("CTP", "Drug Quantity", R, 1,
				unused(687, "Class of Trade Code"),
				unused(236, "Price Identifier Code"),
				unused(212, "Unit Price"),
				elem(380, "National Drug Unit Count", R, R_, 1, 15),
				composite("C001", "Composite Unit of Measure", R,
					elem(355, "Code Qualifier", R, ID, 2, 2, "F2", "GR", "ME", "ML", "UN"),
					unused(1018, "Exponent"),
					unused(649, "Multiplier"),
					unused(355, "Unit or Basis for Measurement Code"),
					unused(1018, "Exponent"),
					unused(649, "Multiplier"),
					unused(355, "Unit or Basis for Measurement Code"),
					unused(1018, "Exponent"),
					unused(649, "Multiplier"),
					unused(355, "Unit or Basis for Measurement Code"),
					unused(1018, "Exponent"),
					unused(649, "Multiplier"),
					unused(355, "Unit or Basis for Measurement Code"),
					unused(1018, "Exponent"),
					unused(649, "Multiplier"),
				),
				unused(648, "Price Multiplier Qualifier"),
				unused(649, "Multiplier"),
				unused(782, "Monetary Amount"),
				unused(639, "Basis of Unit Price Code"),
				unused(499, "Condition Value"),
				unused(289, "Multiple Price Quantity"),
			).syntax("P0405", "C0607", "C0902", "C1002", "C1103"),
			refSeg("Prescription or Compound Drug Association Number", S, 1, "VY", "XZ"),
		),
		loop("2420A", "Rendering Provider Name", S, 1,
			x222ProviderNM1("Rendering Provider Name", []string{"82"}, []string{"1", "2"}),
			x222PRV("Rendering Provider Specialty Information", "PE"),
			x222LineREF("Rendering Provider Secondary Identification", 20, "0B", "1G", "G2", "LU"),
		),
		loop("2420B", "Purchased Service Provider Name", S, 1,
			nm1Seg("Purchased Service Provider Name", R, 1, []string{"QB"}, []string{"1", "2"},
				nameParts{IDQualifiers: []string{"XX"}, ID: S}),
			x222LineREF("Purchased Service Provider Secondary Identification", 20, "0B", "1G", "G2"),
		),
		loop("2420C", "Service Facility Location Name", S, 1,
			x222FacilityNM1(),
			n3Seg("Service Facility Location Address", R),
			n4Seg("Service Facility Location City, State, ZIP Code", R),
			x222LineREF("Service Facility Location Secondary Identification", 3, "G2", "LU"),
		),
		loop("2420D", "Supervising Provider Name", S, 1,
			x222ProviderNM1("Supervising Provider Name", []string{"DQ"}, []string{"1"}),
			x222LineREF("Supervising Provider Secondary Identification", 20, "0B", "1G", "G2", "LU"),
		),
		loop("2420E", "Ordering Provider Name", S, 1,
			x222ProviderNM1("Ordering Provider Name", []string{"DK"}, []string{"1"}),
			n3Seg("Ordering Provider Address", S),
			n4Seg("Ordering Provider City, State, ZIP Code", S),
			x222LineREF("Ordering Provider Secondary Identification", 20, "0B", "1G", "G2"),
			x222PER("Ordering Provider Contact Information", S, 1),
		),
		loop("2420F", "Referring Provider Name", S, 2,
			x222ProviderNM1("Referring Provider Name", []string{"DN", "P3"}, []string{"1"}),
			x222LineREF("Referring Provider Secondary Identification", 20, "0B", "1G", "G2"),
		),
		x222PickUp("2420G"),
		x222DropOff("2420H"),
		loop("2430", "Line Adjudication Information", S, 15,
			seg("SVD", "Line Adjudication Information", R, 1,
				elem(67, "Other Payer Primary Identifier", R, AN, 2, 80),
				elem(782, "Service Line Paid Amount", R, R_, 1, 18),
				x222Procedure("Composite Medical Procedure Identifier"),
				unused(234, "Product/Service ID"),
				elem(380, "Paid Service Unit Count", R, R_, 1, 15),
				elem(554, "Bundled or Unbundled Line Number", S, N0, 1, 6),
			),
			x222CAS("Line Adjustment"),
			dtpSeg("Line Check or Remittance Date", R, 1, []string{"573"}, "D8"),
			amtSeg("Remaining Patient Liability", S, 1, "EAF"),
		),
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

// x222PER is an IC contact whose first number must be a telephone, fax or
// e-mail address; later ones may be an extension.
func x222PER(name string, usage Usage, max int) *Segment {
	return seg("PER", name, usage, max,
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

// x222PRV is a provider's taxonomy code.
func x222PRV(name, providerCode string) *Segment {
	return seg("PRV", name, S, 1,
		elem(1221, "Provider Code", R, ID, 1, 3, providerCode),
		elem(128, "Reference Identification Qualifier", R, ID, 2, 3, "PXC"),
		elem(127, "Provider Taxonomy Code", R, AN, 1, 50),
		unused(156, "State or Province Code"),
		unusedComposite("C035", "Provider Specialty Information"),
		unused(1223, "Provider Organization Code"),
	).syntax("P0203")
}

// x222DMG is a birth date and gender, with all of DMG's syntax notes.
func x222DMG(name string, usage Usage) *Segment {
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

// x222ProviderNM1 is a provider who may be a person: last (or
// organization) name required, first, middle and suffix when a person, NPI
// (XX) when the provider has one.
func x222ProviderNM1(name string, entity, entityType []string) *Segment {
	return nm1Seg(name, R, 1, entity, entityType,
		nameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"XX"}, ID: S})
}

// x222FacilityNM1 is the service facility (2310C, 2420C): an organization
// with an NPI when it has one.
func x222FacilityNM1() *Segment {
	return nm1Seg("Service Facility Location Name", R, 1, []string{"77"}, []string{"2"},
		nameParts{Last: R, IDQualifiers: []string{"XX"}, ID: S})
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

// x222OtherPayerProvider is a 2330C-G loop: the entity code alone in NM1,
// then the identifiers the other payer knows the provider by.
func x222OtherPayerProvider(id, name string, repeat int, entity, entityType []string, refName string, refMax int, qualifiers ...string) *Loop {
	return loop(id, name, S, repeat,
		nm1Seg(name, R, 1, entity, entityType, nameParts{}),
		refSeg(refName, R, refMax, qualifiers...),
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

// x222LineREF is a 2400 or 2420 REF that may name, in REF04, the
// non-destination payer the identifier belongs to.
func x222LineREF(name string, max int, qualifiers ...string) *Segment {
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

// x222PWK is a paperwork (attachment) notice.
func x222PWK(name string) *Segment {
	return seg("PWK", name, S, 10,
		elem(755, "Attachment Report Type Code", R, ID, 2, 2, x222ReportType...),
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

// x222CN1 is contract information (2300 and 2400 alike).
func x222CN1() *Segment {
	return seg("CN1", "Contract Information", S, 1,
		elem(1166, "Contract Type Code", R, ID, 2, 2, x222ContractTypes...),
		elem(782, "Contract Amount", S, R_, 1, 18),
		elem(332, "Contract Percentage", S, R_, 1, 6),
		elem(127, "Contract Code", S, AN, 1, 50),
		elem(338, "Terms Discount Percentage", S, R_, 1, 6),
		elem(799, "Contract Version Identifier", S, AN, 1, 30),
	)
}

// x222K3 is fixed-format information.
func x222K3() *Segment {
	return seg("K3", "File Information", S, 10,
		elem(449, "Fixed Format Information", R, AN, 1, 80),
		unused(1333, "Record Format Code"),
		unusedComposite("C001", "Composite Unit of Measure"),
	)
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

// x222HI is a 2300 HI segment: HI01 required with the first qualifiers,
// HI02 up to HI<used> situational with the others, the rest of the twelve
// not used. No C022 in the 837P carries a date, amount or POA indicator.
func x222HI(name string, usage Usage, max, used int, first, rest []string) *Segment {
	code := func(u Usage, qualifiers []string) Element {
		return composite("C022", "Health Care Code Information", u,
			elem(1270, "Code List Qualifier Code", R, ID, 1, 3, qualifiers...),
			elem(1271, "Industry Code", R, AN, 1, 30),
			unused(1250, "Date Time Period Format Qualifier"),
			unused(1251, "Date Time Period"),
			unused(782, "Monetary Amount"),
			unused(380, "Quantity"),
			unused(799, "Version Identifier"),
			unused(1271, "Industry Code"),
			unused(1073, "Yes/No Condition or Response Code"),
		)
	}
	elems := make([]Element, 12)
	for i := range elems {
		switch {
		case i == 0:
			elems[i] = code(R, first)
		case i < used:
			elems[i] = code(S, rest)
		default:
			elems[i] = unusedComposite("C022", "Health Care Code Information")
		}
	}
	return seg("HI", name, usage, max, elems...)
}

// x222HCP is claim (2300) or line (2400) pricing. The claim form has no
// pricing methodology 06 and no repriced procedure code or units.
func x222HCP(name string, line bool) *Segment {
	methods := []string{"00", "01", "02", "03", "04", "05", "07", "08", "09", "10", "11", "12", "13", "14"}
	qual, code := unused(235, "Product/Service ID Qualifier"), unused(234, "Product/Service ID")
	unit, count := unused(355, "Unit or Basis for Measurement Code"), unused(380, "Quantity")
	if line {
		methods = []string{"00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14"}
		qual = elem(235, "Product or Service ID Qualifier", S, ID, 2, 2, x222ProcedureQualifiers...)
		code = elem(234, "Repriced Approved HCPCS Code", S, AN, 1, 48)
		unit = elem(355, "Unit or Basis for Measurement Code", S, ID, 2, 2, "MJ", "UN")
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

// x222Procedure is the C003 of SV101 and SVD03: a HCPCS (or other)
// procedure code with up to four modifiers and a description.
func x222Procedure(name string) Element {
	return composite("C003", name, R,
		elem(235, "Product or Service ID Qualifier", R, ID, 2, 2, x222ProcedureQualifiers...),
		elem(234, "Procedure Code", R, AN, 1, 48),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(352, "Description", S, AN, 1, 80),
		unused(234, "Product/Service ID"),
	)
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

// x222CAS is a claim or line adjustment: a group code and up to six
// reason/amount/quantity triples.
func x222CAS(name string) *Segment {
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

// x222LIN is the drug identification: LIN02/LIN03 only, the other
// fourteen qualifier/ID pairs not used.
func x222LIN() *Segment {
	elems := []Element{
		unused(350, "Assigned Identification"),
		elem(235, "Product or Service ID Qualifier", R, ID, 2, 2, "EN", "EO", "HI", "N4", "ON", "UK", "UP"),
		elem(234, "National Drug Code or Universal Product Number", R, AN, 1, 48),
	}
	rules := make([]string, 0, 14)
	for p := 4; p < 32; p += 2 {
		elems = append(elems, unused(235, "Product/Service ID Qualifier"), unused(234, "Product/Service ID"))
		rules = append(rules, "P"+x222TwoDigits(p)+x222TwoDigits(p+1))
	}
	return seg("LIN", "Drug Identification", R, 1, elems...).syntax(rules...)
}

func x222TwoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }
