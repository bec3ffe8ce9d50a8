package ig

// X223A2 is the ASC X12N 005010X223A2 implementation guide: Health Care
// Claim: Institutional (837I), the errata version HIPAA adopted.
var X223A2 = &Guide{
	Version:      "005010X223A2",
	SetID:        "837",
	FunctionalID: "HC",
	Name:         "Health Care Claim: Institutional",
	Root: loop("ST", "Health Care Claim: Institutional", R, 1,
		stSeg("837", "005010X223A2"),
		seg("BHT", "Beginning of Hierarchical Transaction", R, 1,
			elem(1005, "Hierarchical Structure Code", R, ID, 4, 4, "0019"),
			elem(353, "Transaction Set Purpose Code", R, ID, 2, 2, "00", "18"),
			elem(127, "Originator Application Transaction Identifier", R, AN, 1, 50),
			elem(373, "Transaction Set Creation Date", R, DT, 8, 8),
			elem(337, "Transaction Set Creation Time", R, TM, 4, 8),
			elem(640, "Claim or Encounter Identifier", R, ID, 2, 2, "31", "CH", "RP"),
		),
		loop("1000A", "Submitter Name", R, 1,
			nm1Seg("Submitter Name", R, 1, []string{"41"}, []string{"1", "2"},
				nameParts{Last: R, First: S, Middle: S, IDQualifiers: []string{"46"}, ID: R}),
			x223PER("Submitter EDI Contact Information", R),
		),
		loop("1000B", "Receiver Name", R, 1,
			nm1Seg("Receiver Name", R, 1, []string{"40"}, []string{"2"},
				nameParts{Last: R, IDQualifiers: []string{"46"}, ID: R}),
		),
		loop("2000A", "Billing Provider Hierarchical Level", R, Many,
			hlSeg("Billing Provider Hierarchical Level", "20", N, R, "1"),
			x223PRV("Billing Provider Specialty Information", "BI"),
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
				nm1Seg("Billing Provider Name", R, 1, []string{"85"}, []string{"2"},
					nameParts{Last: R, IDQualifiers: []string{"XX"}, ID: S}),
				n3Seg("Billing Provider Address", R),
				n4Seg("Billing Provider City, State, ZIP Code", R),
				refSeg("Billing Provider Tax Identification", R, 1, "EI"),
				x223PER("Billing Provider Contact Information", S),
			),
			loop("2010AB", "Pay-to Address Name", S, 1,
				nm1Seg("Pay-to Address Name", R, 1, []string{"87"}, []string{"2"}, nameParts{}),
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
					elem(1138, "Payer Responsibility Sequence Number Code", R, ID, 1, 1, x223PayerSequence...),
					elem(1069, "Individual Relationship Code", S, ID, 2, 2, "18"),
					elem(127, "Subscriber Group or Policy Number", S, AN, 1, 50),
					elem(93, "Subscriber Group Name", S, AN, 1, 60),
					unused(1336, "Insurance Type Code"),
					unused(1143, "Coordination of Benefits Code"),
					unused(1073, "Yes/No Condition or Response Code"),
					unused(584, "Employment Status Code"),
					elem(1032, "Claim Filing Indicator Code", S, ID, 1, 2, x223ClaimFiling...),
				),
				loop("2010BA", "Subscriber Name", R, 1,
					nm1Seg("Subscriber Name", R, 1, []string{"IL"}, []string{"1", "2"},
						nameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"II", "MI"}, ID: S}),
					n3Seg("Subscriber Address", S),
					n4Seg("Subscriber City, State, ZIP Code", S),
					x223DMG("Subscriber Demographic Information", S),
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
				x223Claim(S),
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
						x223DMG("Patient Demographic Information", R),
						refSeg("Property and Casualty Claim Number", S, 1, "Y4"),
						refSeg("Property and Casualty Patient Identifier", S, 1, "1W", "SY"),
					),
					x223Claim(R),
				),
			),
		),
		seSeg(),
	),
}

var (
	x223PayerSequence = []string{"A", "B", "C", "D", "E", "F", "G", "H", "P", "S", "T", "U"}
	x223ClaimFiling   = []string{"11", "12", "13", "14", "15", "16", "17", "AM", "BL", "CH", "CI", "DS",
		"FI", "HM", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC", "ZZ"}
	x223ReportType = []string{"03", "04", "05", "06", "07", "08", "09", "10", "11", "13", "15", "21",
		"A3", "A4", "AM", "AS", "B2", "B3", "B4", "BR", "BS", "BT", "CB", "CK", "CT", "D2", "DA", "DB",
		"DG", "DJ", "DS", "EB", "HC", "HR", "I5", "IR", "LA", "M1", "MT", "NN", "OB", "OC", "OD", "OE",
		"OX", "OZ", "P4", "P5", "PE", "PN", "PO", "PQ", "PY", "PZ", "RB", "RR", "RT", "RX", "SG", "V5", "XP"}
	x223ProcedureQualifiers = []string{"ER", "HC", "HP", "IV", "WK"}
	x223ProviderSecondary   = []string{"0B", "1G", "G2", "LU"}
	x223ReferringSecondary  = []string{"0B", "1G", "G2"}
	x223FacilitySecondary   = []string{"0B", "G2", "LU"}
	x223EPSDTConditions     = []string{"AV", "NU", "S2", "ST"}
)

// x223Claim is loop 2300 with its subloops. It is Situational under the
// subscriber (2000B) and Required under the patient (2000C).
func x223Claim(usage Usage) *Loop {
	return loop("2300", "Claim Information", usage, 100,
		seg("CLM", "Claim Information", R, 1,
			elem(1028, "Patient Control Number", R, AN, 1, 38),
			elem(782, "Total Claim Charge Amount", R, R_, 1, 18),
			unused(1032, "Claim Filing Indicator Code"),
			unused(1343, "Non-Institutional Claim Type Code"),
			composite("C023", "Health Care Service Location Information", R,
				elem(1331, "Facility Type Code", R, AN, 1, 2),
				elem(1332, "Facility Code Qualifier", R, ID, 1, 2, "A"),
				elem(1325, "Claim Frequency Code", R, ID, 1, 1),
			),
			unused(1073, "Yes/No Condition or Response Code"),
			elem(1359, "Assignment or Plan Participation Code", R, ID, 1, 1, "A", "B", "C"),
			elem(1073, "Benefits Assignment Certification Indicator", R, ID, 1, 1, "N", "W", "Y"),
			elem(1363, "Release of Information Code", R, ID, 1, 1, "I", "Y"),
			unused(1351, "Patient Signature Source Code"),
			unusedComposite("C024", "Related Causes Information"),
			unused(1366, "Special Program Code"),
			unused(1073, "Yes/No Condition or Response Code"),
			unused(1338, "Level of Service Code"),
			unused(1073, "Yes/No Condition or Response Code"),
			unused(1360, "Provider Agreement Code"),
			unused(1029, "Claim Status Code"),
			unused(1073, "Yes/No Condition or Response Code"),
			unused(1383, "Claim Submission Reason Code"),
			elem(1514, "Delay Reason Code", S, ID, 1, 2, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "15"),
		),
		dtpSeg("Discharge Hour", S, 1, []string{"096"}, "TM"),
		dtpSeg("Statement Dates", R, 1, []string{"434"}, "RD8"),
		dtpSeg("Admission Date/Hour", S, 1, []string{"435"}, "D8", "DT"),
		dtpSeg("Date - Repricer Received Date", S, 1, []string{"050"}, "D8"),
		seg("CL1", "Institutional Claim Code", R, 1,
			// CL101 is Situational in A2 (inpatient admissions only); stupidedi's X223A2 has it Required.
			elem(1315, "Admission Type Code", S, ID, 1, 1),
			elem(1314, "Admission Source Code", S, ID, 1, 1),
			elem(1352, "Patient Status Code", R, ID, 1, 2),
			unused(1345, "Nursing Home Residential Status Code"),
		),
		x223PWK("Claim Supplemental Information"),
		seg("CN1", "Contract Information", S, 1,
			elem(1166, "Contract Type Code", R, ID, 2, 2, "01", "02", "03", "04", "05", "06", "09"),
			elem(782, "Contract Amount", S, R_, 1, 18),
			elem(332, "Contract Percentage", S, R_, 1, 6),
			elem(127, "Contract Code", S, AN, 1, 50),
			elem(338, "Terms Discount Percentage", S, R_, 1, 6),
			elem(799, "Contract Version Identifier", S, AN, 1, 30),
		),
		amtSeg("Patient Estimated Amount Due", S, 1, "F3"),
		refSeg("Service Authorization Exception Code", S, 1, "4N"),
		refSeg("Referral Number", S, 1, "9F"),
		refSeg("Prior Authorization", S, 1, "G1"),
		refSeg("Payer Claim Control Number", S, 1, "F8"),
		refSeg("Repriced Claim Number", S, 1, "9A"),
		refSeg("Adjusted Repriced Claim Number", S, 1, "9C"),
		refSeg("Investigational Device Exemption Number", S, 5, "LX"),
		refSeg("Claim Identifier For Transmission Intermediaries", S, 1, "D9"),
		refSeg("Auto Accident State", S, 1, "LU"),
		refSeg("Medical Record Number", S, 1, "EA"),
		refSeg("Demonstration Project Identifier", S, 1, "P4"),
		refSeg("Peer Review Organization (PRO) Approval Number", S, 1, "G4"),
		seg("K3", "File Information", S, 10,
			elem(449, "Fixed Format Information", R, AN, 1, 80),
			unused(1333, "Record Format Code"),
			unusedComposite("C001", "Composite Unit of Measure"),
		),
		seg("NTE", "Claim Note", S, 10,
			elem(363, "Note Reference Code", R, ID, 3, 3,
				"ALG", "DCP", "DGN", "DME", "MED", "NTR", "ODT", "RHB", "RLH", "RNH", "SET", "SFM", "SPT", "UPI"),
			elem(352, "Claim Note Text", R, AN, 1, 80),
		),
		seg("NTE", "Billing Note", S, 1,
			elem(363, "Note Reference Code", R, ID, 3, 3, "ADD"),
			elem(352, "Billing Note Text", R, AN, 1, 80),
		),
		seg("CRC", "EPSDT Referral", S, 1,
			elem(1136, "Code Category", R, ID, 2, 2, "ZZ"),
			elem(1073, "Certification Condition Code Applies Indicator", R, ID, 1, 1, "N", "Y"),
			elem(1321, "Condition Indicator", R, ID, 2, 3, x223EPSDTConditions...),
			// CRC04 and CRC05 take CRC03's codes in the TR3; pyx12 leaves them open.
			elem(1321, "Condition Indicator", S, ID, 2, 3, x223EPSDTConditions...),
			elem(1321, "Condition Indicator", S, ID, 2, 3, x223EPSDTConditions...),
			unused(1321, "Condition Indicator"),
			unused(1321, "Condition Indicator"),
		),
		x223HI("Principal Diagnosis", R, 1, 1, x223HICode([]string{"ABK", "BK"}, "", N, S)),
		x223HI("Admitting Diagnosis", S, 1, 1, x223HICode([]string{"ABJ", "BJ"}, "", N, N)),
		x223HI("Patient's Reason For Visit", S, 1, 3, x223HICode([]string{"APR", "PR"}, "", N, N)),
		x223HI("External Cause of Injury", S, 1, 12, x223HICode([]string{"ABN", "BN"}, "", N, S)),
		x223HI("Diagnosis Related Group (DRG) Information", S, 1, 1, x223HICode([]string{"DR"}, "", N, N)),
		x223HI("Other Diagnosis Information", S, 2, 12, x223HICode([]string{"ABF", "BF"}, "", N, S)),
		x223HI("Principal Procedure Information", S, 1, 1, x223HICode([]string{"BBR", "BR", "CAH"}, "D8", N, N)),
		x223HI("Other Procedure Information", S, 2, 12, x223HICode([]string{"BBQ", "BQ"}, "D8", N, N)),
		x223HI("Occurrence Span Information", S, 2, 12, x223HICode([]string{"BI"}, "RD8", N, N)),
		x223HI("Occurrence Information", S, 2, 12, x223HICode([]string{"BH"}, "D8", N, N)),
		x223HI("Value Information", S, 2, 12, x223HICode([]string{"BE"}, "", R, N)),
		x223HI("Condition Information", S, 2, 12, x223HICode([]string{"BG"}, "", N, N)),
		x223HI("Treatment Code Information", S, 2, 12, x223HICode([]string{"TC"}, "", N, N)),
		x223HCP("Claim Pricing/Repricing Information", false),
		loop("2310A", "Attending Provider Name", S, 1,
			x223PersonNM1("Attending Provider Name", "71"),
			x223PRV("Attending Provider Specialty Information", "AT"),
			refSeg("Attending Provider Secondary Identification", S, 4, x223ProviderSecondary...),
		),
		loop("2310B", "Operating Physician Name", S, 1,
			x223PersonNM1("Operating Physician Name", "72"),
			refSeg("Operating Physician Secondary Identification", S, 4, x223ProviderSecondary...),
		),
		loop("2310C", "Other Operating Physician Name", S, 1,
			x223PersonNM1("Other Operating Physician Name", "ZZ"),
			refSeg("Other Operating Physician Secondary Identification", S, 4, x223ProviderSecondary...),
		),
		loop("2310D", "Rendering Provider Name", S, 1,
			x223PersonNM1("Rendering Provider Name", "82"),
			refSeg("Rendering Provider Secondary Identification", S, 4, x223ProviderSecondary...),
		),
		loop("2310E", "Service Facility Location Name", S, 1,
			nm1Seg("Service Facility Location Name", R, 1, []string{"77"}, []string{"2"},
				nameParts{Last: R, IDQualifiers: []string{"XX"}, ID: S}),
			n3Seg("Service Facility Location Address", R),
			n4Seg("Service Facility Location City, State, ZIP Code", R),
			refSeg("Service Facility Location Secondary Identification", S, 3, x223FacilitySecondary...),
		),
		loop("2310F", "Referring Provider Name", S, 1,
			x223PersonNM1("Referring Provider Name", "DN"),
			refSeg("Referring Provider Secondary Identification", S, 3, x223ReferringSecondary...),
		),
		loop("2320", "Other Subscriber Information", S, 10,
			seg("SBR", "Other Subscriber Information", R, 1,
				elem(1138, "Payer Responsibility Sequence Number Code", R, ID, 1, 1, x223PayerSequence...),
				elem(1069, "Individual Relationship Code", R, ID, 2, 2, "01", "18", "19", "20", "21", "39", "40", "53", "G8"),
				elem(127, "Insured Group or Policy Number", S, AN, 1, 50),
				elem(93, "Other Insured Group Name", S, AN, 1, 60),
				unused(1336, "Insurance Type Code"),
				unused(1143, "Coordination of Benefits Code"),
				unused(1073, "Yes/No Condition or Response Code"),
				unused(584, "Employment Status Code"),
				elem(1032, "Claim Filing Indicator Code", S, ID, 1, 2, x223ClaimFiling...),
			),
			x223CAS("Claim Level Adjustments"),
			amtSeg("Coordination of Benefits (COB) Payer Paid Amount", S, 1, "D"),
			amtSeg("Remaining Patient Liability", S, 1, "EAF"),
			amtSeg("Coordination of Benefits (COB) Total Non-Covered Amount", S, 1, "A8"),
			seg("OI", "Other Insurance Coverage Information", R, 1,
				unused(1032, "Claim Filing Indicator Code"),
				unused(1383, "Claim Submission Reason Code"),
				elem(1073, "Benefits Assignment Certification Indicator", R, ID, 1, 1, "N", "W", "Y"),
				unused(1351, "Patient Signature Source Code"),
				unused(1360, "Provider Agreement Code"),
				elem(1363, "Release of Information Code", R, ID, 1, 1, "I", "Y"),
			),
			seg("MIA", "Inpatient Adjudication Information", S, 1,
				elem(380, "Covered Days or Visits Count", R, R_, 1, 15),
				unused(782, "Monetary Amount"),
				elem(380, "Lifetime Psychiatric Days Count", S, R_, 1, 15),
				elem(782, "Claim DRG Amount", S, R_, 1, 18),
				elem(127, "Claim Payment Remark Code", S, AN, 1, 50),
				elem(782, "Claim Disproportionate Share Amount", S, R_, 1, 18),
				elem(782, "Claim MSP Pass-through Amount", S, R_, 1, 18),
				elem(782, "Claim PPS Capital Amount", S, R_, 1, 18),
				elem(782, "PPS-Capital FSP DRG Amount", S, R_, 1, 18),
				elem(782, "PPS-Capital HSP DRG Amount", S, R_, 1, 18),
				elem(782, "PPS-Capital DSH DRG Amount", S, R_, 1, 18),
				elem(782, "Old Capital Amount", S, R_, 1, 18),
				elem(782, "PPS-Capital IME Amount", S, R_, 1, 18),
				elem(782, "PPS-Operating Hospital Specific DRG Amount", S, R_, 1, 18),
				elem(380, "Cost Report Day Count", S, R_, 1, 15),
				elem(782, "PPS-Operating Federal Specific DRG Amount", S, R_, 1, 18),
				elem(782, "Claim PPS Capital Outlier Amount", S, R_, 1, 18),
				elem(782, "Claim Indirect Teaching Amount", S, R_, 1, 18),
				elem(782, "Non-Payable Professional Component Billed Amount", S, R_, 1, 18),
				elem(127, "Claim Payment Remark Code", S, AN, 1, 50),
				elem(127, "Claim Payment Remark Code", S, AN, 1, 50),
				elem(127, "Claim Payment Remark Code", S, AN, 1, 50),
				elem(127, "Claim Payment Remark Code", S, AN, 1, 50),
				elem(782, "PPS-Capital Exception Amount", S, R_, 1, 18),
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
				refSeg("Other Payer Claim Control Number", S, 1, "F8"),
			),
			x223OtherPayerProvider("2330C", "Other Payer Attending Provider", "71", "1",
				"Other Payer Attending Provider Secondary Identification", 4, x223ProviderSecondary),
			x223OtherPayerProvider("2330D", "Other Payer Operating Physician", "72", "1",
				"Other Payer Operating Physician Secondary Identification", 4, x223ProviderSecondary),
			x223OtherPayerProvider("2330E", "Other Payer Other Operating Physician", "ZZ", "1",
				"Other Payer Other Operating Physician Secondary Identification", 4, x223ProviderSecondary),
			x223OtherPayerProvider("2330F", "Other Payer Service Facility Location", "77", "2",
				"Other Payer Service Facility Location Secondary Identification", 3, x223FacilitySecondary),
			x223OtherPayerProvider("2330G", "Other Payer Rendering Provider Name", "82", "1",
				"Other Payer Rendering Provider Secondary Identification", 4, x223ProviderSecondary),
			x223OtherPayerProvider("2330H", "Other Payer Referring Provider", "DN", "1",
				"Other Payer Referring Provider Secondary Identification", 3, x223ReferringSecondary),
			x223OtherPayerProvider("2330I", "Other Payer Billing Provider", "85", "2",
				"Other Payer Billing Provider Secondary Identification", 2, []string{"G2", "LU"}),
		),
		loop("2400", "Service Line Number", R, 999,
			seg("LX", "Service Line Number", R, 1,
				elem(554, "Assigned Number", R, N0, 1, 6),
			),
			seg("SV2", "Institutional Service Line", R, 1,
				elem(234, "Service Line Revenue Code", R, AN, 1, 48),
				x223Procedure("Composite Medical Procedure Identifier", S),
				elem(782, "Line Item Charge Amount", R, R_, 1, 18),
				elem(355, "Unit or Basis for Measurement Code", R, ID, 2, 2, "DA", "UN"),
				elem(380, "Service Unit Count", R, R_, 1, 15),
				unused(1371, "Unit Rate"),
				elem(782, "Line Item Denied Charge or Non-Covered Charge Amount", S, R_, 1, 18),
				unused(1073, "Yes/No Condition or Response Code"),
				unused(1345, "Nursing Home Residential Status Code"),
				unused(1337, "Level of Care Code"),
			).syntax("R0102", "P0405"),
			x223PWK("Line Supplemental Information"),
			dtpSeg("Date - Service Date", S, 1, []string{"472"}, "D8", "RD8"),
			refSeg("Line Item Control Number", S, 1, "6R"),
			refSeg("Repriced Line Item Reference Number", S, 1, "9B"),
			refSeg("Adjusted Repriced Line Item Reference Number", S, 1, "9D"),
			amtSeg("Service Tax Amount", S, 1, "GT"),
			amtSeg("Facility Tax Amount", S, 1, "N8"),
			seg("NTE", "Third Party Organization Notes", S, 1,
				elem(363, "Note Reference Code", R, ID, 3, 3, "TPO"),
				elem(352, "Line Note Text", R, AN, 1, 80),
			),
			x223HCP("Line Pricing/Repricing Information", true),
			loop("2410", "Drug Identification", S, 1,
				x223LIN(),
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
			loop("2420A", "Operating Physician Name", S, 1,
				x223PersonNM1("Operating Physician Name", "72"),
				x223LineREF("Operating Physician Secondary Identification", x223ProviderSecondary),
			),
			loop("2420B", "Other Operating Physician Name", S, 1,
				x223PersonNM1("Other Operating Physician Name", "ZZ"),
				x223LineREF("Other Operating Physician Secondary Identification", x223ProviderSecondary),
			),
			loop("2420C", "Rendering Provider Name", S, 1,
				x223PersonNM1("Rendering Provider Name", "82"),
				x223LineREF("Rendering Provider Secondary Identification", x223ProviderSecondary),
			),
			loop("2420D", "Referring Provider Name", S, 1,
				x223PersonNM1("Referring Provider Name", "DN"),
				x223LineREF("Referring Provider Secondary Identification", x223ReferringSecondary),
			),
			loop("2430", "Line Adjudication Information", S, 15,
				seg("SVD", "Line Adjudication Information", R, 1,
					elem(67, "Other Payer Primary Identifier", R, AN, 2, 80),
					elem(782, "Service Line Paid Amount", R, R_, 1, 18),
					x223Procedure("Composite Medical Procedure Identifier", S),
					elem(234, "Service Line Revenue Code", R, AN, 1, 48),
					elem(380, "Paid Service Unit Count", R, R_, 1, 15),
					elem(554, "Bundled Line Number", S, N0, 1, 6),
				),
				x223CAS("Line Adjustment"),
				dtpSeg("Line Check or Remittance Date", R, 1, []string{"573"}, "D8"),
				amtSeg("Remaining Patient Liability", S, 1, "EAF"),
			),
		),
	)
}

// x223PER is a contact: PER03/PER04 are required and the first number
// cannot be an extension.
func x223PER(name string, usage Usage) *Segment {
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

// x223PRV is a provider's taxonomy code.
func x223PRV(name, providerCode string) *Segment {
	return seg("PRV", name, S, 1,
		elem(1221, "Provider Code", R, ID, 1, 3, providerCode),
		elem(128, "Reference Identification Qualifier", R, ID, 2, 3, "PXC"),
		elem(127, "Provider Taxonomy Code", R, AN, 1, 50),
		unused(156, "State or Province Code"),
		unusedComposite("C035", "Provider Specialty Information"),
		unused(1223, "Provider Organization Code"),
	).syntax("P0203")
}

// x223DMG is a birth date and gender, with all of DMG's syntax notes.
func x223DMG(name string, usage Usage) *Segment {
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

// x223PersonNM1 is an individual provider: last name required, NPI (XX)
// when the provider has one.
func x223PersonNM1(name, entity string) *Segment {
	return nm1Seg(name, R, 1, []string{entity}, []string{"1"},
		nameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"XX"}, ID: S})
}

// x223OtherPayerProvider is a 2330C-I loop: the entity code alone in NM1,
// then the identifier the other payer knows the provider by.
func x223OtherPayerProvider(id, name, entity, entityType, refName string, refMax int, qualifiers []string) *Loop {
	return loop(id, name, S, 1,
		nm1Seg(name, R, 1, []string{entity}, []string{entityType}, nameParts{}),
		refSeg(refName, R, refMax, qualifiers...),
	)
}

// x223LineREF is a 2420 provider secondary identifier, which may name the
// payer it belongs to in REF04.
func x223LineREF(name string, qualifiers []string) *Segment {
	return seg("REF", name, S, 20,
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

// x223PWK is a paperwork (attachment) notice.
func x223PWK(name string) *Segment {
	return seg("PWK", name, S, 10,
		elem(755, "Attachment Report Type Code", R, ID, 2, 2, x223ReportType...),
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

// x223HICode is one C022 of a 2300 HI: the qualifiers it allows, the date
// format when it carries a date, and the usage of its amount (HIxx-5) and
// present-on-admission indicator (HIxx-9).
func x223HICode(qualifiers []string, dateFormat string, amount, poa Usage) func(Usage) Element {
	return func(usage Usage) Element {
		dateQ, date := unused(1250, "Date Time Period Format Qualifier"), unused(1251, "Date Time Period")
		if dateFormat != "" {
			dateQ = elem(1250, "Date Time Period Format Qualifier", R, ID, 2, 3, dateFormat)
			date = elem(1251, "Date Time Period", R, AN, 1, 35)
		}
		amt := unused(782, "Monetary Amount")
		if amount != N {
			amt = elem(782, "Monetary Amount", amount, R_, 1, 18)
		}
		yn := unused(1073, "Yes/No Condition or Response Code")
		if poa != N {
			yn = elem(1073, "Present on Admission Indicator", poa, ID, 1, 1, "N", "U", "W", "Y")
		}
		return composite("C022", "Health Care Code Information", usage,
			elem(1270, "Code List Qualifier Code", R, ID, 1, 3, qualifiers...),
			elem(1271, "Industry Code", R, AN, 1, 30),
			dateQ,
			date,
			amt,
			unused(380, "Quantity"),
			unused(799, "Version Identifier"),
			unused(1271, "Industry Code"),
			yn,
		)
	}
}

// x223HI is a 2300 HI segment: HI01 required, HI02 up to HI<used>
// situational, the rest of the twelve not used.
func x223HI(name string, usage Usage, max, used int, code func(Usage) Element) *Segment {
	elems := make([]Element, 12)
	for i := range elems {
		switch {
		case i == 0:
			elems[i] = code(R)
		case i < used:
			elems[i] = code(S)
		default:
			elems[i] = unusedComposite("C022", "Health Care Code Information")
		}
	}
	return seg("HI", name, usage, max, elems...)
}

// x223HCP is claim (2300) or line (2400) pricing: only the line form
// carries a repriced procedure code (HCP09/HCP10).
func x223HCP(name string, line bool) *Segment {
	qual, code := unused(235, "Product/Service ID Qualifier"), unused(234, "Product/Service ID")
	if line {
		qual = elem(235, "Product or Service ID Qualifier", S, ID, 2, 2, x223ProcedureQualifiers...)
		code = elem(234, "Repriced Approved HCPCS Code", S, AN, 1, 48)
	}
	return seg("HCP", name, S, 1,
		elem(1473, "Pricing Methodology", R, ID, 2, 2,
			"00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14"),
		elem(782, "Repriced Allowed Amount", R, R_, 1, 18),
		elem(782, "Repriced Saving Amount", S, R_, 1, 18),
		elem(127, "Repricing Organization Identifier", S, AN, 1, 50),
		elem(118, "Repricing Per Diem or Flat Rate Amount", S, R_, 1, 9),
		elem(127, "Repriced Approved DRG Code", S, AN, 1, 50),
		elem(782, "Repriced Approved Amount", S, R_, 1, 18),
		elem(234, "Repriced Approved Revenue Code", S, AN, 1, 48),
		qual,
		code,
		elem(355, "Unit or Basis for Measurement Code", S, ID, 2, 2, "DA", "UN"),
		elem(380, "Repriced Approved Service Unit Count", S, R_, 1, 15),
		elem(901, "Reject Reason Code", S, ID, 2, 2, "T1", "T2", "T3", "T4", "T5", "T6"),
		elem(1526, "Policy Compliance Code", S, ID, 1, 2, "1", "2", "3", "4", "5"),
		elem(1527, "Exception Code", S, ID, 1, 2, "1", "2", "3", "4", "5", "6"),
	).syntax("R0113", "P0910", "P1112")
}

// x223Procedure is the C003 of SV202 and SVD03: a HCPCS (or other)
// procedure code with up to four modifiers and a description.
func x223Procedure(name string, usage Usage) Element {
	return composite("C003", name, usage,
		elem(235, "Product or Service ID Qualifier", R, ID, 2, 2, x223ProcedureQualifiers...),
		elem(234, "Procedure Code", R, AN, 1, 48),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(352, "Description", S, AN, 1, 80),
		unused(234, "Product/Service ID"),
	)
}

// x223CAS is a claim or line adjustment: a group code and up to six
// reason/amount/quantity triples.
func x223CAS(name string) *Segment {
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

// x223LIN is the drug's National Drug Code: LIN02/LIN03 only, the other
// fourteen qualifier/ID pairs not used.
func x223LIN() *Segment {
	elems := []Element{
		unused(350, "Assigned Identification"),
		elem(235, "Product or Service ID Qualifier", R, ID, 2, 2, "N4"),
		elem(234, "National Drug Code", R, AN, 1, 48),
	}
	rules := make([]string, 0, 14)
	for p := 4; p < 32; p += 2 {
		elems = append(elems, unused(235, "Product/Service ID Qualifier"), unused(234, "Product/Service ID"))
		rules = append(rules, "P"+x223TwoDigits(p)+x223TwoDigits(p+1))
	}
	return seg("LIN", "Drug Identification", R, 1, elems...).syntax(rules...)
}

func x223TwoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }
