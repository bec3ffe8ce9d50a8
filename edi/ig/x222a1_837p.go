package ig

// X222A1 is the ASC X12N 005010X222A1 implementation guide: Health Care
// Claim: Professional (837P), the errata version HIPAA adopted.
var X222A1 = &Guide{
	Version:      "005010X222A1",
	SetID:        "837",
	FunctionalID: "HC",
	Name:         "Health Care Claim: Professional",
	Root: Lp("ST", "Health Care Claim: Professional", R, 1,
		stSeg("837", "005010X222A1"),
		Seg("BHT", "Beginning of Hierarchical Transaction", R, 1,
			E(1005, "Hierarchical Structure Code", R, ID, 4, 4, "0019"),
			E(353, "Transaction Set Purpose Code", R, ID, 2, 2, "00", "18"),
			E(127, "Originator Application Transaction Identifier", R, AN, 1, 50),
			E(373, "Transaction Set Creation Date", R, DT, 8, 8),
			E(337, "Transaction Set Creation Time", R, TM, 4, 8),
			// 31 (subrogation demand) came with the A1 errata; pyx12's map lacks it.
			E(640, "Claim or Encounter Identifier", R, ID, 2, 2, "31", "CH", "RP"),
		),
		Lp("1000A", "Submitter Name", R, 1,
			nm1Seg("Submitter Name", R, 1, []string{"41"}, []string{"1", "2"},
				NameParts{Last: R, First: S, Middle: S, IDQualifiers: []string{"46"}, ID: R}),
			// ED, which pyx12 still lists in PER03/05/07, was dropped after 4010.
			x222PER("Submitter EDI Contact Information", R, 2),
		),
		Lp("1000B", "Receiver Name", R, 1,
			nm1Seg("Receiver Name", R, 1, []string{"40"}, []string{"2"},
				NameParts{Last: R, IDQualifiers: []string{"46"}, ID: R}),
		),
		Lp("2000A", "Billing Provider Hierarchical Level", R, Many,
			hlSeg("Billing Provider Hierarchical Level", "20", N, R, "1"),
			x222PRV("Billing Provider Specialty Information", "BI"),
			Seg("CUR", "Foreign Currency Information", S, 1,
				E(98, "Entity Identifier Code", R, ID, 2, 3, "85"),
				E(100, "Currency Code", R, ID, 3, 3),
				X(280, "Exchange Rate"),
				X(98, "Entity Identifier Code"),
				X(100, "Currency Code"),
				X(669, "Currency Market/Exchange Code"),
				X(374, "Date/Time Qualifier"),
				X(373, "Date"),
				X(337, "Time"),
				X(374, "Date/Time Qualifier"),
				X(373, "Date"),
				X(337, "Time"),
				X(374, "Date/Time Qualifier"),
				X(373, "Date"),
				X(337, "Time"),
				X(374, "Date/Time Qualifier"),
				X(373, "Date"),
				X(337, "Time"),
				X(374, "Date/Time Qualifier"),
				X(373, "Date"),
				X(337, "Time"),
			).Syntax("C0807", "C0907", "L101112", "C1110", "C1210", "L131415", "C1413", "C1513",
				"L161718", "C1716", "C1816", "L192021", "C2019", "C2119"),
			Lp("2010AA", "Billing Provider Name", R, 1,
				x222ProviderNM1("Billing Provider Name", []string{"85"}, []string{"1", "2"}),
				n3Seg("Billing Provider Address", R),
				n4Seg("Billing Provider City, State, ZIP Code", R),
				refSeg("Billing Provider Tax Identification", R, 1, "EI", "SY"),
				refSeg("Billing Provider UPIN/License Information", S, 2, "0B", "1G"),
				x222PER("Billing Provider Contact Information", S, 2),
			),
			Lp("2010AB", "Pay-to Address Name", S, 1,
				nm1Seg("Pay-to Address Name", R, 1, []string{"87"}, []string{"1", "2"}, NameParts{}),
				n3Seg("Pay-to Address - ADDRESS", R),
				n4Seg("Pay-To Address City, State, ZIP Code", R),
			),
			Lp("2010AC", "Pay-To Plan Name", S, 1,
				nm1Seg("Pay-To Plan Name", R, 1, []string{"PE"}, []string{"2"},
					NameParts{Last: R, IDQualifiers: []string{"PI", "XV"}, ID: R}),
				n3Seg("Pay-to Plan Address", R),
				n4Seg("Pay-To Plan City, State, ZIP Code", R),
				refSeg("Pay-to Plan Secondary Identification", S, 1, "2U", "FY", "NF"),
				refSeg("Pay-To Plan Tax Identification Number", R, 1, "EI"),
			),
			Lp("2000B", "Subscriber Hierarchical Level", R, Many,
				hlSeg("Subscriber Hierarchical Level", "22", R, R, "0", "1"),
				Seg("SBR", "Subscriber Information", R, 1,
					E(1138, "Payer Responsibility Sequence Number Code", R, ID, 1, 1, x222PayerSequence...),
					E(1069, "Individual Relationship Code", S, ID, 2, 2, "18"),
					E(127, "Subscriber Group or Policy Number", S, AN, 1, 50),
					E(93, "Subscriber Group Name", S, AN, 1, 60),
					E(1336, "Insurance Type Code", S, ID, 1, 3, x222InsuranceType...),
					X(1143, "Coordination of Benefits Code"),
					X(1073, "Yes/No Condition or Response Code"),
					X(584, "Employment Status Code"),
					E(1032, "Claim Filing Indicator Code", S, ID, 1, 2, x222ClaimFiling...),
				),
				x222PAT(S, N),
				Lp("2010BA", "Subscriber Name", R, 1,
					nm1Seg("Subscriber Name", R, 1, []string{"IL"}, []string{"1", "2"},
						NameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"II", "MI"}, ID: R}),
					n3Seg("Subscriber Address", S),
					n4Seg("Subscriber City, State, ZIP Code", S),
					x222DMG("Subscriber Demographic Information", S),
					refSeg("Subscriber Secondary Identification", S, 1, "SY"),
					refSeg("Property and Casualty Claim Number", S, 1, "Y4"),
					x222PhonePER("Property and Casualty Subscriber Contact Information"),
				),
				Lp("2010BB", "Payer Name", R, 1,
					nm1Seg("Payer Name", R, 1, []string{"PR"}, []string{"2"},
						NameParts{Last: R, IDQualifiers: []string{"PI", "XV"}, ID: R}),
					n3Seg("Payer Address", S),
					n4Seg("Payer City, State, ZIP Code", S),
					refSeg("Payer Secondary Identification", S, 3, "2U", "EI", "FY", "NF"),
					refSeg("Billing Provider Secondary Identification", S, 2, "G2", "LU"),
				),
				x222Claim(S),
				Lp("2000C", "Patient Hierarchical Level", S, Many,
					hlSeg("Patient Hierarchical Level", "23", R, R, "0"),
					x222PAT(R, R),
					Lp("2010CA", "Patient Name", R, 1,
						nm1Seg("Patient Name", R, 1, []string{"QC"}, []string{"1"},
							NameParts{Last: R, First: S, Middle: S, Suffix: S}),
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
	return Lp("2300", "Claim Information", usage, 100,
		Seg("CLM", "Claim Information", R, 1,
			E(1028, "Patient Control Number", R, AN, 1, 38),
			E(782, "Total Claim Charge Amount", R, R_, 1, 18),
			X(1032, "Claim Filing Indicator Code"),
			X(1343, "Non-Institutional Claim Type Code"),
			C("C023", "Health Care Service Location Information", R,
				E(1331, "Place of Service Code", R, AN, 1, 2),
				E(1332, "Facility Code Qualifier", R, ID, 1, 2, "B"),
				E(1325, "Claim Frequency Code", R, ID, 1, 1),
			),
			E(1073, "Provider or Supplier Signature Indicator", R, ID, 1, 1, "N", "Y"),
			E(1359, "Assignment or Plan Participation Code", R, ID, 1, 1, "A", "B", "C"),
			E(1073, "Benefits Assignment Certification Indicator", R, ID, 1, 1, "N", "W", "Y"),
			E(1363, "Release of Information Code", R, ID, 1, 1, "I", "Y"),
			E(1351, "Patient Signature Source Code", S, ID, 1, 1, "P"),
			C("C024", "Related Causes Information", S,
				E(1362, "Related Causes Code", R, ID, 2, 3, "AA", "EM", "OA"),
				E(1362, "Related Causes Code", S, ID, 2, 3, "AA", "EM", "OA"),
				X(1362, "Related-Causes Code"),
				E(156, "Auto Accident State or Province Code", S, ID, 2, 2),
				E(26, "Country Code", S, ID, 2, 3),
			),
			E(1366, "Special Program Indicator", S, ID, 2, 3, "02", "03", "05", "09"),
			X(1073, "Yes/No Condition or Response Code"),
			X(1338, "Level of Service Code"),
			X(1073, "Yes/No Condition or Response Code"),
			X(1360, "Provider Agreement Code"),
			X(1029, "Claim Status Code"),
			X(1073, "Yes/No Condition or Response Code"),
			X(1383, "Claim Submission Reason Code"),
			E(1514, "Delay Reason Code", S, ID, 1, 2, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "15"),
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
		Seg("NTE", "Claim Note", S, 1,
			E(363, "Note Reference Code", R, ID, 3, 3, "ADD", "CER", "DCP", "DGN", "TPO"),
			E(352, "Claim Note Text", R, AN, 1, 80),
		),
		x222CR1(),
		Seg("CR2", "Spinal Manipulation Service Information", S, 1,
			X(609, "Count"),
			X(380, "Quantity"),
			X(1367, "Subluxation Level Code"),
			X(1367, "Subluxation Level Code"),
			X(355, "Unit or Basis for Measurement Code"),
			X(380, "Quantity"),
			X(380, "Quantity"),
			E(1342, "Patient Condition Code", R, ID, 1, 1, "A", "C", "D", "E", "F", "G", "M"),
			X(1073, "Yes/No Condition or Response Code"),
			E(352, "Patient Condition Description", S, AN, 1, 80),
			E(352, "Patient Condition Description", S, AN, 1, 80),
			X(1073, "Yes/No Condition or Response Code"),
		).Syntax("P0102", "C0403", "P0506"),
		x222CRC("Ambulance Certification", 3, []string{"07"}, []string{"N", "Y"}, x222AmbulanceConditions, 4),
		x222CRC("Patient Condition Information: Vision", 3, []string{"E1", "E2", "E3"}, []string{"N", "Y"},
			[]string{"L1", "L2", "L3", "L4", "L5"}, 4),
		x222CRC("Homebound Indicator", 1, []string{"75"}, []string{"Y"}, []string{"IH"}, 0),
		x222CRC("EPSDT Referral", 1, []string{"ZZ"}, []string{"N", "Y"}, []string{"AV", "NU", "S2", "ST"}, 2),
		x222HI("Health Care Diagnosis Code", R, 1, 12, []string{"ABK", "BK"}, []string{"ABF", "BF"}),
		x222HI("Anesthesia Related Procedure", S, 1, 2, []string{"BP"}, []string{"BO"}),
		x222HI("Condition Information", S, 2, 12, []string{"BG"}, []string{"BG"}),
		x222HCP("Claim Pricing/Repricing Information", false),
		Lp("2310A", "Referring Provider Name", S, 2,
			x222ProviderNM1("Referring Provider Name", []string{"DN", "P3"}, []string{"1"}),
			refSeg("Referring Provider Secondary Identification", S, 3, "0B", "1G", "G2"),
		),
		Lp("2310B", "Rendering Provider Name", S, 1,
			x222ProviderNM1("Rendering Provider Name", []string{"82"}, []string{"1", "2"}),
			x222PRV("Rendering Provider Specialty Information", "PE"),
			refSeg("Rendering Provider Secondary Identification", S, 4, "0B", "1G", "G2", "LU"),
		),
		Lp("2310C", "Service Facility Location Name", S, 1,
			x222FacilityNM1(),
			n3Seg("Service Facility Location Address", R),
			n4Seg("Service Facility Location City, State, ZIP Code", R),
			refSeg("Service Facility Location Secondary Identification", S, 3, "0B", "G2", "LU"),
			x222PhonePER("Service Facility Contact Information"),
		),
		Lp("2310D", "Supervising Provider Name", S, 1,
			x222ProviderNM1("Supervising Provider Name", []string{"DQ"}, []string{"1"}),
			refSeg("Supervising Provider Secondary Identification", S, 4, "0B", "1G", "G2", "LU"),
		),
		x222PickUp("2310E"),
		x222DropOff("2310F"),
		Lp("2320", "Other Subscriber Information", S, 10,
			Seg("SBR", "Other Subscriber Information", R, 1,
				E(1138, "Payer Responsibility Sequence Number Code", R, ID, 1, 1, x222PayerSequence...),
				E(1069, "Individual Relationship Code", R, ID, 2, 2, "01", "18", "19", "20", "21", "39", "40", "53", "G8"),
				E(127, "Insured Group or Policy Number", S, AN, 1, 50),
				E(93, "Other Insured Group Name", S, AN, 1, 60),
				E(1336, "Insurance Type Code", S, ID, 1, 3, x222InsuranceType...),
				X(1143, "Coordination of Benefits Code"),
				X(1073, "Yes/No Condition or Response Code"),
				X(584, "Employment Status Code"),
				E(1032, "Claim Filing Indicator Code", S, ID, 1, 2, x222ClaimFiling...),
			),
			x222CAS("Claim Level Adjustments"),
			amtSeg("Coordination of Benefits (COB) Payer Paid Amount", S, 1, "D"),
			amtSeg("Coordination of Benefits (COB) Total Non-Covered Amount", S, 1, "A8"),
			amtSeg("Remaining Patient Liability", S, 1, "EAF"),
			Seg("OI", "Other Insurance Coverage Information", R, 1,
				X(1032, "Claim Filing Indicator Code"),
				X(1383, "Claim Submission Reason Code"),
				E(1073, "Benefits Assignment Certification Indicator", R, ID, 1, 1, "N", "W", "Y"),
				E(1351, "Patient Signature Source Code", S, ID, 1, 1, "P"),
				X(1360, "Provider Agreement Code"),
				E(1363, "Release of Information Code", R, ID, 1, 1, "I", "Y"),
			),
			Seg("MOA", "Outpatient Adjudication Information", S, 1,
				E(954, "Reimbursement Rate", S, R_, 1, 10),
				E(782, "HCPCS Payable Amount", S, R_, 1, 18),
				E(127, "Claim Payment Remark Code", S, AN, 1, 50),
				E(127, "Claim Payment Remark Code", S, AN, 1, 50),
				E(127, "Claim Payment Remark Code", S, AN, 1, 50),
				E(127, "Claim Payment Remark Code", S, AN, 1, 50),
				E(127, "Claim Payment Remark Code", S, AN, 1, 50),
				E(782, "End Stage Renal Disease Payment Amount", S, R_, 1, 18),
				E(782, "Non-Payable Professional Component Billed Amount", S, R_, 1, 18),
			),
			Lp("2330A", "Other Subscriber Name", R, 1,
				nm1Seg("Other Subscriber Name", R, 1, []string{"IL"}, []string{"1", "2"},
					NameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"II", "MI"}, ID: R}),
				n3Seg("Other Subscriber Address", S),
				n4Seg("Other Subscriber City, State, ZIP Code", S),
				refSeg("Other Subscriber Secondary Identification", S, 1, "SY"),
			),
			Lp("2330B", "Other Payer Name", R, 1,
				nm1Seg("Other Payer Name", R, 1, []string{"PR"}, []string{"2"},
					NameParts{Last: R, IDQualifiers: []string{"PI", "XV"}, ID: R}),
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
	return Lp("2400", "Service Line Number", R, 50,
		Seg("LX", "Service Line Number", R, 1,
			E(554, "Assigned Number", R, N0, 1, 6),
		),
		Seg("SV1", "Professional Service", R, 1,
			x222Procedure("Composite Medical Procedure Identifier"),
			E(782, "Line Item Charge Amount", R, R_, 1, 18),
			E(355, "Unit or Basis for Measurement Code", R, ID, 2, 2, "MJ", "UN"),
			E(380, "Service Unit Count", R, R_, 1, 15),
			E(1331, "Place of Service Code", S, AN, 1, 2),
			X(1365, "Service Type Code"),
			C("C004", "Composite Diagnosis Code Pointer", R,
				E(1328, "Diagnosis Code Pointer", R, N0, 1, 2, x222DiagnosisPointers...),
				E(1328, "Diagnosis Code Pointer", S, N0, 1, 2, x222DiagnosisPointers...),
				E(1328, "Diagnosis Code Pointer", S, N0, 1, 2, x222DiagnosisPointers...),
				E(1328, "Diagnosis Code Pointer", S, N0, 1, 2, x222DiagnosisPointers...),
			),
			X(782, "Monetary Amount"),
			E(1073, "Emergency Indicator", S, ID, 1, 1, "Y"),
			X(1340, "Multiple Procedure Code"),
			E(1073, "EPSDT Indicator", S, ID, 1, 1, "Y"),
			E(1073, "Family Planning Indicator", S, ID, 1, 1, "Y"),
			X(1364, "Review Code"),
			X(1341, "National or Local Assigned Review Value"),
			E(1327, "Co-Pay Status Code", S, ID, 1, 1, "0"),
			X(1334, "Health Care Professional Shortage Area Code"),
			X(127, "Reference Identification"),
			X(116, "Postal Code"),
			X(782, "Monetary Amount"),
			X(1337, "Level of Care Code"),
			X(1360, "Provider Agreement Code"),
		).Syntax("P0304"),
		Seg("SV5", "Durable Medical Equipment Service", S, 1,
			C("C003", "Composite Medical Procedure Identifier", R,
				E(235, "Product or Service ID Qualifier", R, ID, 2, 2, "HC"),
				E(234, "Procedure Code", R, AN, 1, 48),
				X(1339, "Procedure Modifier"),
				X(1339, "Procedure Modifier"),
				X(1339, "Procedure Modifier"),
				X(1339, "Procedure Modifier"),
				X(352, "Description"),
				X(234, "Product/Service ID"),
			),
			E(355, "Unit or Basis for Measurement Code", R, ID, 2, 2, "DA"),
			E(380, "Length of Medical Necessity", R, R_, 1, 15),
			E(782, "DME Rental Price", R, R_, 1, 18),
			E(782, "DME Purchase Price", R, R_, 1, 18),
			E(594, "Rental Unit Price Indicator", R, ID, 1, 1, "1", "4", "6"),
			X(923, "Prognosis Code"),
		).Syntax("R0405", "C0604"),
		x222PWK("Line Supplemental Information"),
		// PWK01 is CT here as in the Line Supplemental PWK's list; PWK02
		// is what tells the two apart.
		Seg("PWK", "Durable Medical Equipment Certificate of Medical Necessity Indicator", S, 1,
			E(755, "Attachment Report Type Code", R, ID, 2, 2, "CT"),
			E(756, "Attachment Transmission Code", R, ID, 1, 2, "AB", "AD", "AF", "AG", "NS"),
			X(757, "Report Copies Needed"),
			X(98, "Entity Identifier Code"),
			X(66, "Identification Code Qualifier"),
			X(67, "Identification Code"),
			X(352, "Description"),
			XC("C002", "Actions Indicated"),
			X(1525, "Request Category Code"),
		).Syntax("P0506"),
		x222CR1(),
		Seg("CR3", "Durable Medical Equipment Certification", S, 1,
			E(1322, "Certification Type Code", R, ID, 1, 1, "I", "R", "S"),
			E(355, "Unit or Basis for Measurement Code", R, ID, 2, 2, "MO"),
			E(380, "Durable Medical Equipment Duration", R, R_, 1, 15),
			X(1335, "Insulin Dependent Code"),
			X(352, "Description"),
		).Syntax("P0203"),
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
		Seg("MEA", "Test Result", S, 5,
			E(737, "Measurement Reference Identification Code", R, ID, 2, 2, "OG", "TR"),
			E(738, "Measurement Qualifier", R, ID, 1, 3, "HT", "R1", "R2", "R3", "R4"),
			E(739, "Test Results", R, R_, 1, 20),
			XC("C001", "Composite Unit of Measure"),
			X(740, "Range Minimum"),
			X(741, "Range Maximum"),
			X(935, "Measurement Significance Code"),
			X(936, "Measurement Attribute Code"),
			X(752, "Surface/Layer/Position Code"),
			X(1373, "Measurement Method or Device"),
			X(1270, "Code List Qualifier Code"),
			X(1271, "Industry Code"),
		).Syntax("R03050608", "L050412", "L060412", "L07030506", "E0803", "P1112"),
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
		Seg("NTE", "Line Note", S, 1,
			E(363, "Note Reference Code", R, ID, 3, 3, "ADD", "DCP"),
			E(352, "Line Note Text", R, AN, 1, 80),
		),
		Seg("NTE", "Third Party Organization Notes", S, 1,
			E(363, "Note Reference Code", R, ID, 3, 3, "TPO"),
			E(352, "Line Note Text", R, AN, 1, 80),
		),
		Seg("PS1", "Purchased Service Information", S, 1,
			E(127, "Purchased Service Provider Identifier", R, AN, 1, 50),
			E(782, "Purchased Service Charge Amount", R, R_, 1, 18),
			X(156, "State or Province Code"),
		),
		x222HCP("Line Pricing/Repricing Information", true),
		Lp("2410", "Drug Identification", S, 1,
			x222LIN(),
			Seg("CTP", "Drug Quantity", R, 1,
				X(687, "Class of Trade Code"),
				X(236, "Price Identifier Code"),
				X(212, "Unit Price"),
				E(380, "National Drug Unit Count", R, R_, 1, 15),
				C("C001", "Composite Unit of Measure", R,
					E(355, "Code Qualifier", R, ID, 2, 2, "F2", "GR", "ME", "ML", "UN"),
					X(1018, "Exponent"),
					X(649, "Multiplier"),
					X(355, "Unit or Basis for Measurement Code"),
					X(1018, "Exponent"),
					X(649, "Multiplier"),
					X(355, "Unit or Basis for Measurement Code"),
					X(1018, "Exponent"),
					X(649, "Multiplier"),
					X(355, "Unit or Basis for Measurement Code"),
					X(1018, "Exponent"),
					X(649, "Multiplier"),
					X(355, "Unit or Basis for Measurement Code"),
					X(1018, "Exponent"),
					X(649, "Multiplier"),
				),
				X(648, "Price Multiplier Qualifier"),
				X(649, "Multiplier"),
				X(782, "Monetary Amount"),
				X(639, "Basis of Unit Price Code"),
				X(499, "Condition Value"),
				X(289, "Multiple Price Quantity"),
			).Syntax("P0405", "C0607", "C0902", "C1002", "C1103"),
			refSeg("Prescription or Compound Drug Association Number", S, 1, "VY", "XZ"),
		),
		Lp("2420A", "Rendering Provider Name", S, 1,
			x222ProviderNM1("Rendering Provider Name", []string{"82"}, []string{"1", "2"}),
			x222PRV("Rendering Provider Specialty Information", "PE"),
			x222LineREF("Rendering Provider Secondary Identification", 20, "0B", "1G", "G2", "LU"),
		),
		Lp("2420B", "Purchased Service Provider Name", S, 1,
			nm1Seg("Purchased Service Provider Name", R, 1, []string{"QB"}, []string{"1", "2"},
				NameParts{IDQualifiers: []string{"XX"}, ID: S}),
			x222LineREF("Purchased Service Provider Secondary Identification", 20, "0B", "1G", "G2"),
		),
		Lp("2420C", "Service Facility Location Name", S, 1,
			x222FacilityNM1(),
			n3Seg("Service Facility Location Address", R),
			n4Seg("Service Facility Location City, State, ZIP Code", R),
			x222LineREF("Service Facility Location Secondary Identification", 3, "G2", "LU"),
		),
		Lp("2420D", "Supervising Provider Name", S, 1,
			x222ProviderNM1("Supervising Provider Name", []string{"DQ"}, []string{"1"}),
			x222LineREF("Supervising Provider Secondary Identification", 20, "0B", "1G", "G2", "LU"),
		),
		Lp("2420E", "Ordering Provider Name", S, 1,
			x222ProviderNM1("Ordering Provider Name", []string{"DK"}, []string{"1"}),
			n3Seg("Ordering Provider Address", S),
			n4Seg("Ordering Provider City, State, ZIP Code", S),
			x222LineREF("Ordering Provider Secondary Identification", 20, "0B", "1G", "G2"),
			x222PER("Ordering Provider Contact Information", S, 1),
		),
		Lp("2420F", "Referring Provider Name", S, 2,
			x222ProviderNM1("Referring Provider Name", []string{"DN", "P3"}, []string{"1"}),
			x222LineREF("Referring Provider Secondary Identification", 20, "0B", "1G", "G2"),
		),
		x222PickUp("2420G"),
		x222DropOff("2420H"),
		Lp("2430", "Line Adjudication Information", S, 15,
			Seg("SVD", "Line Adjudication Information", R, 1,
				E(67, "Other Payer Primary Identifier", R, AN, 2, 80),
				E(782, "Service Line Paid Amount", R, R_, 1, 18),
				x222Procedure("Composite Medical Procedure Identifier"),
				X(234, "Product/Service ID"),
				E(380, "Paid Service Unit Count", R, R_, 1, 15),
				E(554, "Bundled or Unbundled Line Number", S, N0, 1, 6),
			),
			x222CAS("Line Adjustment"),
			dtpSeg("Line Check or Remittance Date", R, 1, []string{"573"}, "D8"),
			amtSeg("Remaining Patient Liability", S, 1, "EAF"),
		),
		Lp("2440", "Form Identification Code", S, Many,
			Seg("LQ", "Form Identification Code", R, 1,
				E(1270, "Code List Qualifier Code", R, ID, 1, 3, "AS", "UT"),
				E(1271, "Form Identifier", R, AN, 1, 30),
			).Syntax("C0102"),
			Seg("FRM", "Supporting Documentation", R, 99,
				E(350, "Question Number/Letter", R, AN, 1, 20),
				E(1073, "Question Response", S, ID, 1, 1, "N", "W", "Y"),
				E(127, "Question Response", S, AN, 1, 50),
				E(373, "Question Response", S, DT, 8, 8),
				E(332, "Question Response", S, R_, 1, 6),
			).Syntax("R02030405"),
		),
	)
}

// x222PER is an IC contact whose first number must be a telephone, fax or
// e-mail address; later ones may be an extension.
func x222PER(name string, usage Usage, max int) *Segment {
	return Seg("PER", name, usage, max,
		E(366, "Contact Function Code", R, ID, 2, 2, "IC"),
		E(93, "Name", S, AN, 1, 60),
		E(365, "Communication Number Qualifier", R, ID, 2, 2, "EM", "FX", "TE"),
		E(364, "Communication Number", R, AN, 1, 256),
		E(365, "Communication Number Qualifier", S, ID, 2, 2, "EM", "EX", "FX", "TE"),
		E(364, "Communication Number", S, AN, 1, 256),
		E(365, "Communication Number Qualifier", S, ID, 2, 2, "EM", "EX", "FX", "TE"),
		E(364, "Communication Number", S, AN, 1, 256),
		X(443, "Contact Inquiry Reference"),
	).Syntax("P0304", "P0506", "P0708")
}

// x222PhonePER is a telephone contact (property and casualty, service
// facility): a number and its extension only.
func x222PhonePER(name string) *Segment {
	return Seg("PER", name, S, 1,
		E(366, "Contact Function Code", R, ID, 2, 2, "IC"),
		E(93, "Name", S, AN, 1, 60),
		E(365, "Communication Number Qualifier", R, ID, 2, 2, "TE"),
		E(364, "Communication Number", R, AN, 1, 256),
		E(365, "Communication Number Qualifier", S, ID, 2, 2, "EX"),
		E(364, "Communication Number", S, AN, 1, 256),
		X(365, "Communication Number Qualifier"),
		X(364, "Communication Number"),
		X(443, "Contact Inquiry Reference"),
	).Syntax("P0304", "P0506", "P0708")
}

// x222PRV is a provider's taxonomy code.
func x222PRV(name, providerCode string) *Segment {
	return Seg("PRV", name, S, 1,
		E(1221, "Provider Code", R, ID, 1, 3, providerCode),
		E(128, "Reference Identification Qualifier", R, ID, 2, 3, "PXC"),
		E(127, "Provider Taxonomy Code", R, AN, 1, 50),
		X(156, "State or Province Code"),
		XC("C035", "Provider Specialty Information"),
		X(1223, "Provider Organization Code"),
	).Syntax("P0203")
}

// x222DMG is a birth date and gender, with all of DMG's syntax notes.
func x222DMG(name string, usage Usage) *Segment {
	return Seg("DMG", name, usage, 1,
		E(1250, "Date Time Period Format Qualifier", R, ID, 2, 3, "D8"),
		E(1251, "Birth Date", R, AN, 1, 35).Date(1),
		E(1068, "Gender Code", R, ID, 1, 1, "F", "M", "U"),
		X(1067, "Marital Status Code"),
		XC("C056", "Composite Race or Ethnicity Information"),
		X(1066, "Citizenship Status Code"),
		X(26, "Country Code"),
		X(659, "Basis of Verification Code"),
		X(380, "Quantity"),
		X(1270, "Code List Qualifier Code"),
		X(1271, "Industry Code"),
	).Syntax("P0102", "P1011", "C1105")
}

// x222PAT is patient information: death date, weight and pregnancy in both
// places; the relationship to the subscriber (PAT01) only under 2000C.
func x222PAT(usage, relationship Usage) *Segment {
	rel := X(1069, "Individual Relationship Code")
	if relationship != N {
		rel = E(1069, "Individual Relationship Code", relationship, ID, 2, 2, "01", "19", "20", "21", "39", "40", "53", "G8")
	}
	return Seg("PAT", "Patient Information", usage, 1,
		rel,
		X(1384, "Patient Location Code"),
		X(584, "Employment Status Code"),
		X(1220, "Student Status Code"),
		E(1250, "Date Time Period Format Qualifier", S, ID, 2, 3, "D8"),
		E(1251, "Patient Death Date", S, AN, 1, 35).Date(5),
		E(355, "Unit or Basis for Measurement Code", S, ID, 2, 2, "01"),
		E(81, "Patient Weight", S, R_, 1, 10),
		E(1073, "Pregnancy Indicator", S, ID, 1, 1, "Y"),
	).Syntax("P0506", "P0708")
}

// x222ProviderNM1 is a provider who may be a person: last (or
// organization) name required, first, middle and suffix when a person, NPI
// (XX) when the provider has one.
func x222ProviderNM1(name string, entity, entityType []string) *Segment {
	return nm1Seg(name, R, 1, entity, entityType,
		NameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"XX"}, ID: S})
}

// x222FacilityNM1 is the service facility (2310C, 2420C): an organization
// with an NPI when it has one.
func x222FacilityNM1() *Segment {
	return nm1Seg("Service Facility Location Name", R, 1, []string{"77"}, []string{"2"},
		NameParts{Last: R, IDQualifiers: []string{"XX"}, ID: S})
}

// x222PickUp is the ambulance pick-up location (2310E, 2420G): an address
// without a name.
func x222PickUp(id string) *Loop {
	return Lp(id, "Ambulance Pick-up Location", S, 1,
		nm1Seg("Ambulance Pick-up Location", R, 1, []string{"PW"}, []string{"2"}, NameParts{}),
		n3Seg("Ambulance Pick-up Location Address", R),
		n4Seg("Ambulance Pick-up Location City, State, ZIP Code", R),
	)
}

// x222DropOff is the ambulance drop-off location (2310F, 2420H): an address
// and the facility's name when it has one.
func x222DropOff(id string) *Loop {
	return Lp(id, "Ambulance Drop-off Location", S, 1,
		nm1Seg("Ambulance Drop-off Location", R, 1, []string{"45"}, []string{"2"}, NameParts{Last: S}),
		n3Seg("Ambulance Drop-off Location Address", R),
		n4Seg("Ambulance Drop-off Location City, State, ZIP Code", R),
	)
}

// x222OtherPayerProvider is a 2330C-G loop: the entity code alone in NM1,
// then the identifiers the other payer knows the provider by.
func x222OtherPayerProvider(id, name string, repeat int, entity, entityType []string, refName string, refMax int, qualifiers ...string) *Loop {
	return Lp(id, name, S, repeat,
		nm1Seg(name, R, 1, entity, entityType, NameParts{}),
		refSeg(refName, R, refMax, qualifiers...),
	)
}

// x222CodedREF is a 2300/2330B REF whose REF02 takes a value from a list
// the guide gives (REF02 is AN in the standard, so the walker does not
// enforce the list).
func x222CodedREF(name, qualifier, valueName string, values ...string) *Segment {
	return Seg("REF", name, S, 1,
		E(128, "Reference Identification Qualifier", R, ID, 2, 3, qualifier),
		E(127, valueName, R, AN, 1, 50, values...),
		X(352, "Description"),
		XC("C040", "Reference Identifier"),
	).Syntax("R0203")
}

// x222LineREF is a 2400 or 2420 REF that may name, in REF04, the
// non-destination payer the identifier belongs to.
func x222LineREF(name string, max int, qualifiers ...string) *Segment {
	return Seg("REF", name, S, max,
		E(128, "Reference Identification Qualifier", R, ID, 2, 3, qualifiers...),
		E(127, "Reference Identification", R, AN, 1, 50),
		X(352, "Description"),
		C("C040", "Reference Identifier", S,
			E(128, "Reference Identification Qualifier", R, ID, 2, 3, "2U"),
			E(127, "Other Payer Primary Identifier", R, AN, 1, 50),
			X(128, "Reference Identification Qualifier"),
			X(127, "Reference Identification"),
			X(128, "Reference Identification Qualifier"),
			X(127, "Reference Identification"),
		),
	).Syntax("R0203")
}

// x222PWK is a paperwork (attachment) notice.
func x222PWK(name string) *Segment {
	return Seg("PWK", name, S, 10,
		E(755, "Attachment Report Type Code", R, ID, 2, 2, x222ReportType...),
		E(756, "Attachment Transmission Code", R, ID, 1, 2, "AA", "BM", "EL", "EM", "FT", "FX"),
		X(757, "Report Copies Needed"),
		X(98, "Entity Identifier Code"),
		E(66, "Identification Code Qualifier", S, ID, 1, 2, "AC"),
		E(67, "Attachment Control Number", S, AN, 2, 80),
		X(352, "Description"),
		XC("C002", "Actions Indicated"),
		X(1525, "Request Category Code"),
	).Syntax("P0506")
}

// x222CN1 is contract information (2300 and 2400 alike).
func x222CN1() *Segment {
	return Seg("CN1", "Contract Information", S, 1,
		E(1166, "Contract Type Code", R, ID, 2, 2, x222ContractTypes...),
		E(782, "Contract Amount", S, R_, 1, 18),
		E(332, "Contract Percentage", S, R_, 1, 6),
		E(127, "Contract Code", S, AN, 1, 50),
		E(338, "Terms Discount Percentage", S, R_, 1, 6),
		E(799, "Contract Version Identifier", S, AN, 1, 30),
	)
}

// x222K3 is fixed-format information.
func x222K3() *Segment {
	return Seg("K3", "File Information", S, 10,
		E(449, "Fixed Format Information", R, AN, 1, 80),
		X(1333, "Record Format Code"),
		XC("C001", "Composite Unit of Measure"),
	)
}

// x222CR1 is ambulance transport information (2300 and 2400 alike).
func x222CR1() *Segment {
	return Seg("CR1", "Ambulance Transport Information", S, 1,
		E(355, "Unit or Basis for Measurement Code", S, ID, 2, 2, "LB"),
		E(81, "Patient Weight", S, R_, 1, 10),
		X(1316, "Ambulance Transport Code"),
		E(1317, "Ambulance Transport Reason Code", R, ID, 1, 1, "A", "B", "C", "D", "E"),
		E(355, "Unit or Basis for Measurement Code", R, ID, 2, 2, "DH"),
		E(380, "Transport Distance", R, R_, 1, 15),
		X(166, "Address Information"),
		X(166, "Address Information"),
		E(352, "Round Trip Purpose Description", S, AN, 1, 80),
		E(352, "Stretcher Purpose Description", S, AN, 1, 80),
	).Syntax("P0102", "P0506")
}

// x222CRC is a condition indicator: its category (CRC01), the yes/no
// answer (CRC02), a required condition (CRC03) and up to extra further
// situational conditions (CRC04 on), the rest not used.
func x222CRC(name string, max int, category, answer, conditions []string, extra int) *Segment {
	elems := []Element{
		E(1136, "Code Category", R, ID, 2, 2, category...),
		E(1073, "Certification Condition Indicator", R, ID, 1, 1, answer...),
		E(1321, "Condition Indicator", R, ID, 2, 3, conditions...),
	}
	for i := range 4 {
		if i < extra {
			elems = append(elems, E(1321, "Condition Indicator", S, ID, 2, 3, conditions...))
		} else {
			elems = append(elems, X(1321, "Condition Indicator"))
		}
	}
	return Seg("CRC", name, S, max, elems...)
}

// x222HI is a 2300 HI segment: HI01 required with the first qualifiers,
// HI02 up to HI<used> situational with the others, the rest of the twelve
// not used. No C022 in the 837P carries a date, amount or POA indicator.
func x222HI(name string, usage Usage, max, used int, first, rest []string) *Segment {
	code := func(u Usage, qualifiers []string) Element {
		return C("C022", "Health Care Code Information", u,
			E(1270, "Code List Qualifier Code", R, ID, 1, 3, qualifiers...),
			E(1271, "Industry Code", R, AN, 1, 30),
			X(1250, "Date Time Period Format Qualifier"),
			X(1251, "Date Time Period"),
			X(782, "Monetary Amount"),
			X(380, "Quantity"),
			X(799, "Version Identifier"),
			X(1271, "Industry Code"),
			X(1073, "Yes/No Condition or Response Code"),
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
			elems[i] = XC("C022", "Health Care Code Information")
		}
	}
	return Seg("HI", name, usage, max, elems...)
}

// x222HCP is claim (2300) or line (2400) pricing. The claim form has no
// pricing methodology 06 and no repriced procedure code or units.
func x222HCP(name string, line bool) *Segment {
	methods := []string{"00", "01", "02", "03", "04", "05", "07", "08", "09", "10", "11", "12", "13", "14"}
	qual, code := X(235, "Product/Service ID Qualifier"), X(234, "Product/Service ID")
	unit, count := X(355, "Unit or Basis for Measurement Code"), X(380, "Quantity")
	if line {
		methods = []string{"00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14"}
		qual = E(235, "Product or Service ID Qualifier", S, ID, 2, 2, x222ProcedureQualifiers...)
		code = E(234, "Repriced Approved HCPCS Code", S, AN, 1, 48)
		unit = E(355, "Unit or Basis for Measurement Code", S, ID, 2, 2, "MJ", "UN")
		count = E(380, "Repriced Approved Service Unit Count", S, R_, 1, 15)
	}
	return Seg("HCP", name, S, 1,
		E(1473, "Pricing Methodology", R, ID, 2, 2, methods...),
		E(782, "Repriced Allowed Amount", R, R_, 1, 18),
		E(782, "Repriced Saving Amount", S, R_, 1, 18),
		E(127, "Repricing Organization Identifier", S, AN, 1, 50),
		E(118, "Repricing Per Diem or Flat Rate Amount", S, R_, 1, 9),
		E(127, "Repriced Approved Ambulatory Patient Group Code", S, AN, 1, 50),
		E(782, "Repriced Approved Ambulatory Patient Group Amount", S, R_, 1, 18),
		X(234, "Product/Service ID"),
		qual,
		code,
		unit,
		count,
		E(901, "Reject Reason Code", S, ID, 2, 2, "T1", "T2", "T3", "T4", "T5", "T6"),
		E(1526, "Policy Compliance Code", S, ID, 1, 2, "1", "2", "3", "4", "5"),
		E(1527, "Exception Code", S, ID, 1, 2, "1", "2", "3", "4", "5", "6"),
	).Syntax("R0113", "P0910", "P1112")
}

// x222Procedure is the C003 of SV101 and SVD03: a HCPCS (or other)
// procedure code with up to four modifiers and a description.
func x222Procedure(name string) Element {
	return C("C003", name, R,
		E(235, "Product or Service ID Qualifier", R, ID, 2, 2, x222ProcedureQualifiers...),
		E(234, "Procedure Code", R, AN, 1, 48),
		E(1339, "Procedure Modifier", S, AN, 2, 2),
		E(1339, "Procedure Modifier", S, AN, 2, 2),
		E(1339, "Procedure Modifier", S, AN, 2, 2),
		E(1339, "Procedure Modifier", S, AN, 2, 2),
		E(352, "Description", S, AN, 1, 80),
		X(234, "Product/Service ID"),
	)
}

// x222QTY is a 2400 quantity with its qualifier.
func x222QTY(name, qualifier, countName string) *Segment {
	return Seg("QTY", name, S, 1,
		E(673, "Quantity Qualifier", R, ID, 2, 2, qualifier),
		E(380, countName, R, R_, 1, 15),
		XC("C001", "Composite Unit of Measure"),
		X(61, "Free-form Information"),
	).Syntax("E0204", "R0204")
}

// x222CAS is a claim or line adjustment: a group code and up to six
// reason/amount/quantity triples.
func x222CAS(name string) *Segment {
	elems := []Element{
		E(1033, "Claim Adjustment Group Code", R, ID, 1, 2, "CO", "CR", "OA", "PI", "PR"),
		E(1034, "Adjustment Reason Code", R, ID, 1, 5),
		E(782, "Adjustment Amount", R, R_, 1, 18),
		E(380, "Adjustment Quantity", S, R_, 1, 15),
	}
	for range 5 {
		elems = append(elems,
			E(1034, "Adjustment Reason Code", S, ID, 1, 5),
			E(782, "Adjustment Amount", S, R_, 1, 18),
			E(380, "Adjustment Quantity", S, R_, 1, 15),
		)
	}
	return Seg("CAS", name, S, 5, elems...).Syntax(
		"L050607", "C0605", "C0705", "L080910", "C0908", "C1008", "L111213", "C1211", "C1311",
		"L141516", "C1514", "C1614", "L171819", "C1817", "C1917")
}

// x222LIN is the drug identification: LIN02/LIN03 only, the other
// fourteen qualifier/ID pairs not used.
func x222LIN() *Segment {
	elems := []Element{
		X(350, "Assigned Identification"),
		E(235, "Product or Service ID Qualifier", R, ID, 2, 2, "EN", "EO", "HI", "N4", "ON", "UK", "UP"),
		E(234, "National Drug Code or Universal Product Number", R, AN, 1, 48),
	}
	rules := make([]string, 0, 14)
	for p := 4; p < 32; p += 2 {
		elems = append(elems, X(235, "Product/Service ID Qualifier"), X(234, "Product/Service ID"))
		rules = append(rules, "P"+x222TwoDigits(p)+x222TwoDigits(p+1))
	}
	return Seg("LIN", "Drug Identification", R, 1, elems...).Syntax(rules...)
}

func x222TwoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }
