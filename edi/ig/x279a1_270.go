package ig

// X279A1Inquiry is the ASC X12N 005010X279A1 implementation guide, Health
// Care Eligibility Benefit Inquiry (270): a provider (the information
// receiver, 2000B) asks a payer (the information source, 2000A) what a
// subscriber (2000C) or dependent (2000D) is covered for, one EQ per
// service type or procedure asked about.
var X279A1Inquiry = &Guide{
	Version:      "005010X279A1",
	SetID:        "270",
	FunctionalID: "HS",
	Name:         "Health Care Eligibility Benefit Inquiry",
	Root: loop("ST", "Health Care Eligibility Benefit Inquiry", R, 1,
		stSeg("270", "005010X279A1"),
		x279BHT("01", "13"),
		loop("2000A", "Information Source Level", R, Many,
			hlSeg("Information Source Level", "20", N, R, "1"),
			loop("2100A", "Information Source Name", R, 1,
				x279SourceNM1(),
			),
			loop("2000B", "Information Receiver Level", R, Many,
				hlSeg("Information Receiver Level", "21", R, R, "1"),
				loop("2100B", "Information Receiver Name", R, 1,
					x279ReceiverNM1(),
					refSeg("Information Receiver Additional Identification", S, 9, x279ReceiverREF...),
					n3Seg("Information Receiver Address", S),
					n4Seg("Information Receiver City, State, ZIP Code", S),
					x279PRV("Information Receiver Provider Information"),
				),
				loop("2000C", "Subscriber Level", R, Many,
					hlSeg("Subscriber Level", "22", R, R, "0", "1"),
					x279TRN("Subscriber Trace Number", 2, "1"),
					loop("2100C", "Subscriber Name", R, 1,
						x279MemberNM1("Subscriber Name", []string{"IL"}, []string{"1", "2"}, []string{"II", "MI"}),
						refSeg("Subscriber Additional Identification", S, 9, x279MemberREF...),
						n3Seg("Subscriber Address", S),
						n4Seg("Subscriber City, State, ZIP Code", S),
						x279PRV("Provider Information"),
						x217DMG("Subscriber Demographic Information"),
						x279INS("Multiple Birth Sequence Number", "Y", []string{"18"}, false),
						x279HI("Subscriber Health Care Diagnosis Code"),
						dtpSeg("Subscriber Date", S, 2, x279InquiryDates, "D8", "RD8"),
					),
					x279Inquiry("2110C", "Subscriber Eligibility or Benefit Inquiry", true),
					loop("2000D", "Dependent Level", S, Many,
						hlSeg("Dependent Level", "23", R, R, "0"),
						x279TRN("Dependent Trace Number", 2, "1"),
						loop("2100D", "Dependent Name", R, 1,
							x279MemberNM1("Dependent Name", []string{"03"}, []string{"1"}, nil),
							refSeg("Dependent Additional Identification", S, 9, x279MemberREF...),
							n3Seg("Dependent Address", S),
							n4Seg("Dependent City, State, ZIP Code", S),
							x279PRV("Provider Information"),
							x217DMG("Dependent Demographic Information"),
							x279INS("Dependent Relationship", "N", x279Relationships, false),
							x279HI("Dependent Health Care Diagnosis Code"),
							dtpSeg("Dependent Date", S, 2, x279InquiryDates, "D8", "RD8"),
						),
						x279Inquiry("2110D", "Dependent Eligibility or Benefit Inquiry", false),
					),
				),
			),
		),
		seSeg(),
	),
}

// Code lists both X279A1 sets use.
var (
	x279SourceEntities   = []string{"2B", "36", "GP", "P5", "PR"}
	x279SourceIDs        = []string{"24", "46", "FI", "NI", "PI", "XV", "XX"}
	x279ReceiverEntities = []string{"1P", "2B", "36", "80", "FA", "GP", "P5", "PR"}
	x279ReceiverIDs      = []string{"24", "34", "FI", "PI", "PP", "SV", "XV", "XX"}
	x279ReceiverREF      = []string{"0B", "1C", "1D", "1J", "4A", "CT", "EL", "EO", "HPI", "JD", "N5", "N7", "Q4", "SY", "TJ"}
	x279MemberREF        = []string{"18", "1L", "1W", "3H", "49", "6P", "CT", "EA", "EJ", "F6", "GH", "HJ", "IF", "IG", "ML", "N6", "NQ", "SY", "Y4"}
	x279ProviderCodes    = []string{"AD", "AT", "BI", "CO", "CV", "H", "HH", "LA", "OT", "P1", "P2", "PC", "PE", "R", "RF", "SB", "SK", "SU"}
	x279Relationships    = []string{"01", "19", "20", "21", "39", "40", "53", "G8"}
	x279InquiryDates     = []string{"102", "291", "307", "435", "472", "636", "771"}
	// X279CoverageLevels is EQ03 and EB02, Coverage Level Code (1207).
	x279CoverageLevels = []string{"CHD", "DEP", "ECH", "EMP", "ESP", "FAM", "IND", "SPC", "SPO"}
	x279ProcedureIDs   = []string{"AD", "CJ", "HC", "ID", "IV", "N4", "ZZ"}
	x279FollowUps      = []string{"C", "N", "P", "R", "S", "W", "X", "Y"}
)

// ServiceTypeCodes is element 1365, Service Type Code (EQ01, EB03): the
// values the 5010 guides allow. mapping/codes.ServiceType describes them;
// its tests keep the two lists the same (decisions/0020).
var ServiceTypeCodes = newCodeList("service type", `
	1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 30
	32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57
	58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83
	84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99
	A0 A1 A2 A3 A4 A5 A6 A7 A8 A9 AA AB AC AD AE AF AG AH AI AJ AK AL AM AN AO AQ AR
	B1 B2 B3 BA BB BC BD BE BF BG BH BI BJ BK BL BM BN BP BQ BR BS BT BU BV BW BX BY BZ
	C1 CA CB CC CD CE CF CG CH CI CJ CK CL CM CN CO CP CQ
	DG DM DS GF GN GY IC MH NI ON PT PU RN RT TC TN UC`)

// x279BHT is the beginning of the set: request (13), cancellation (01),
// response (11) or confirmation (06). BHT06 is not used in either set.
func x279BHT(purposes ...string) *Segment {
	return seg("BHT", "Beginning of Hierarchical Transaction", R, 1,
		elem(1005, "Hierarchical Structure Code", R, ID, 4, 4, "0022"),
		elem(353, "Transaction Set Purpose Code", R, ID, 2, 2, purposes...),
		elem(127, "Submitter Transaction Identifier", S, AN, 1, 50),
		elem(373, "Transaction Set Creation Date", R, DT, 8, 8),
		elem(337, "Transaction Set Creation Time", R, TM, 4, 8),
		unused(640, "Transaction Type Code"),
	)
}

func x279SourceNM1() *Segment {
	return nm1Seg("Information Source Name", R, 1, x279SourceEntities, []string{"1", "2"},
		nameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: x279SourceIDs, ID: R})
}

func x279ReceiverNM1() *Segment {
	return nm1Seg("Information Receiver Name", R, 1, x279ReceiverEntities, []string{"1", "2"},
		nameParts{Last: S, First: S, Middle: S, Suffix: S, IDQualifiers: x279ReceiverIDs, ID: R})
}

// x279MemberNM1 is the subscriber's or dependent's name; the dependent of
// a 270 carries no member ID (ids nil: NM108 and NM109 not used).
func x279MemberNM1(name string, entities, types, ids []string) *Segment {
	return nm1Seg(name, R, 1, entities, types,
		nameParts{Last: S, First: S, Middle: S, Suffix: S, IDQualifiers: ids, ID: S})
}

func x279PRV(name string) *Segment {
	return seg("PRV", name, S, 1,
		elem(1221, "Provider Code", R, ID, 1, 3, x279ProviderCodes...),
		// PXC taxonomy, or another identifier: 9K servicer, D3 NABP, EI
		// EIN, HPI NPI, SY SSN, TJ TIN.
		elem(128, "Reference Identification Qualifier", S, ID, 2, 3, "9K", "D3", "EI", "HPI", "PXC", "SY", "TJ"),
		elem(127, "Provider Identifier", S, AN, 1, 50),
		unused(156, "State or Province Code"),
		unusedComposite("C035", "Provider Specialty Information"),
		unused(1223, "Provider Organization Code"),
	).syntax("P0203")
}

// x279TRN is a trace number: the 270 carries the provider's (TRN01 1),
// the 271 echoes it (TRN01 2) and may add the source's own (TRN01 1).
func x279TRN(name string, max int, types ...string) *Segment {
	return seg("TRN", name, S, max,
		elem(481, "Trace Type Code", R, ID, 1, 2, types...),
		elem(127, "Trace Number", R, AN, 1, 50),
		elem(509, "Trace Assigning Entity Identifier", R, AN, 10, 10),
		elem(127, "Trace Assigning Entity Additional Identification", S, AN, 1, 50),
	)
}

// x279INS is the member's relationship to the subscriber. A 271 may also
// say the member's identity was corrected (INS03 001, INS04 25).
func x279INS(name, insured string, relationships []string, response bool) *Segment {
	maint, reason := unused(875, "Maintenance Type Code"), unused(1203, "Maintenance Reason Code")
	if response {
		maint = elem(875, "Maintenance Type Code", S, ID, 3, 3, "001")
		reason = elem(1203, "Maintenance Reason Code", S, ID, 2, 3, "25")
	}
	return seg("INS", name, S, 1,
		elem(1073, "Insured Indicator", R, ID, 1, 1, insured),
		elem(1069, "Individual Relationship Code", R, ID, 2, 2, relationships...),
		maint,
		reason,
		unused(1216, "Benefit Status Code"),
		unusedComposite("C052", "Medicare Status Code"),
		unused(1219, "COBRA Qualifying Event Code"),
		unused(584, "Employment Status Code"),
		unused(1220, "Student Status Code"),
		unused(1073, "Yes/No Condition or Response Code"),
		unused(1250, "Date Time Period Format Qualifier"),
		unused(1251, "Date Time Period"),
		unused(1165, "Confidentiality Code"),
		unused(19, "City Name"),
		unused(156, "State or Province Code"),
		unused(26, "Country Code"),
		elem(1470, "Birth Sequence Number", S, N0, 1, 9),
	).syntax("P0304")
}

// x279HI is up to eight diagnosis codes, ICD-10 (ABK, ABF) or ICD-9 (BK, BF).
func x279HI(name string) *Segment {
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
	elems := []Element{code(R, "ABK", "BK")}
	for range 7 {
		elems = append(elems, code(S, "ABF", "BF"))
	}
	for range 4 {
		elems = append(elems, unusedComposite("C022", "Health Care Code Information"))
	}
	return seg("HI", name, S, 1, elems...)
}

// x279Procedure is C003 of EQ02 and EB13: a procedure with modifiers.
func x279Procedure(name string) Element {
	return composite("C003", name, S,
		elem(235, "Product or Service ID Qualifier", R, ID, 2, 2, x279ProcedureIDs...),
		elem(234, "Procedure Code", R, AN, 1, 48),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		unused(352, "Description"),
		elem(234, "Procedure Code", S, AN, 1, 48),
	)
}

// x279Pointers is C004, the diagnosis code pointers of EQ05 and EB14: the
// HI codes of the member (1-8) the question or benefit is about.
func x279Pointers() Element {
	return composite("C004", "Composite Diagnosis Code Pointer", S,
		elem(1328, "Diagnosis Code Pointer", R, N0, 1, 2),
		elem(1328, "Diagnosis Code Pointer", S, N0, 1, 2),
		elem(1328, "Diagnosis Code Pointer", S, N0, 1, 2),
		elem(1328, "Diagnosis Code Pointer", S, N0, 1, 2),
	)
}

// x279Inquiry is an EQ loop: what is asked, by service type (EQ01) or
// procedure (EQ02). The subscriber's may add a spend-down amount.
func x279Inquiry(id, name string, subscriber bool) *Loop {
	children := []Node{
		seg("EQ", name, R, 1,
			elem(1365, "Service Type Code", S, ID, 1, 2).from(ServiceTypeCodes).rep(99),
			x279Procedure("Composite Medical Procedure Identifier"),
			elem(1207, "Coverage Level Code", S, ID, 3, 3, x279CoverageLevels...),
			unused(1336, "Insurance Type Code"),
			x279Pointers(),
		).syntax("R0102"),
	}
	if subscriber {
		children = append(children,
			amtSeg("Subscriber Spend Down Amount", S, 1, "R"),
			amtSeg("Subscriber Spend Down Total Billed Amount", S, 1, "PB"),
		)
	}
	children = append(children,
		seg("III", "Eligibility or Benefit Additional Inquiry Information", S, 10,
			elem(1270, "Code List Qualifier Code", R, ID, 1, 3, "ZZ"),
			elem(1271, "Place of Service Code", R, AN, 1, 30),
			unused(1136, "Code Category"),
			unused(933, "Free-form Message Text"),
			unused(380, "Quantity"),
			unusedComposite("C001", "Composite Unit of Measure"),
			unused(752, "Surface/Layer/Position Code"),
			unused(752, "Surface/Layer/Position Code"),
			unused(752, "Surface/Layer/Position Code"),
		),
		refSeg("Additional Information", S, 1, "9F", "G1"),
		dtpSeg("Eligibility/Benefit Date", S, 1, []string{"291"}, "D8", "RD8"),
	)
	return loop(id, name, S, 99, children...)
}
