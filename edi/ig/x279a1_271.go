package ig

// X279A1Response is the ASC X12N 005010X279A1 implementation guide, Health
// Care Eligibility Benefit Response (271): the inquiry's levels echoed,
// with request validation (AAA) where the source could not answer and the
// benefits (EB) of the subscriber or dependent.
var X279A1Response = &Guide{
	Version:      "005010X279A1",
	SetID:        "271",
	FunctionalID: "HB",
	Name:         "Health Care Eligibility Benefit Response",
	Root: loop("ST", "Health Care Eligibility Benefit Response", R, 1,
		stSeg("271", "005010X279A1"),
		x279BHT("06", "11"),
		loop("2000A", "Information Source Level", R, Many,
			hlSeg("Information Source Level", "20", N, R, "0", "1"),
			x279AAA("Request Validation", x279SourceRejects),
			loop("2100A", "Information Source Name", R, 1,
				x279SourceNM1(),
				x279PER("Information Source Contact Information"),
				x279AAA("Request Validation", x279SourceRejects),
			),
			loop("2000B", "Information Receiver Level", S, Many,
				hlSeg("Information Receiver Level", "21", R, R, "0", "1"),
				loop("2100B", "Information Receiver Name", R, 1,
					x279ReceiverNM1(),
					refSeg("Information Receiver Additional Identification", S, 9, x279ReceiverREF...),
					x279AAA("Information Receiver Request Validation", x279ReceiverRejects),
					x279PRV("Information Receiver Provider Information"),
				),
				loop("2000C", "Subscriber Level", S, Many,
					hlSeg("Subscriber Level", "22", R, R, "0", "1"),
					x279TRN("Subscriber Trace Number", 3, "1", "2"),
					loop("2100C", "Subscriber Name", R, 1,
						x279MemberNM1("Subscriber Name", []string{"IL"}, []string{"1", "2"}, []string{"II", "MI"}),
						refSeg("Subscriber Additional Identification", S, 9, x279MemberREF...),
						n3Seg("Subscriber Address", S),
						n4Seg("Subscriber City, State, ZIP Code", S),
						x279AAA("Subscriber Request Validation", x279MemberRejects),
						x279PRV("Provider Information"),
						x217DMG("Subscriber Demographic Information"),
						x279INS("Subscriber Relationship", "Y", []string{"18"}, true),
						x279HI("Subscriber Health Care Diagnosis Code"),
						dtpSeg("Subscriber Date", S, 9, x279MemberDates, "D8", "RD8"),
						x279MPI(),
					),
					x279Benefit("2110C", "Subscriber Eligibility or Benefit Information", "2115C", "2120C", "Subscriber"),
					loop("2000D", "Dependent Level", S, Many,
						hlSeg("Dependent Level", "23", R, R, "0"),
						x279TRN("Dependent Trace Number", 3, "1", "2"),
						loop("2100D", "Dependent Name", R, 1,
							x279MemberNM1("Dependent Name", []string{"03"}, []string{"1"}, nil),
							refSeg("Dependent Additional Identification", S, 9, x279MemberREF...),
							n3Seg("Dependent Address", S),
							n4Seg("Dependent City, State, ZIP Code", S),
							x279AAA("Dependent Request Validation", x279MemberRejects),
							x279PRV("Provider Information"),
							x217DMG("Dependent Demographic Information"),
							x279INS("Dependent Relationship", "N", x279Relationships, true),
							x279HI("Dependent Health Care Diagnosis Code"),
							dtpSeg("Dependent Date", S, 9, x279MemberDates, "D8", "RD8"),
							x279MPI(),
						),
						x279Benefit("2110D", "Dependent Eligibility or Benefit Information", "2115D", "2120D", "Dependent"),
					),
				),
			),
		),
		seSeg(),
	),
}

// AAA03, Reject Reason Code (901), by level: what the source could not
// take in the inquiry (mapping/codes.RejectReason describes them).
var (
	x279SourceRejects   = []string{"04", "41", "42", "79", "80", "T4"}
	x279ReceiverRejects = []string{"15", "41", "43", "44", "45", "46", "47", "48", "50", "51", "79", "97", "T4"}
	x279MemberRejects   = []string{"15", "33", "35", "42", "43", "45", "47", "48", "49", "51", "52", "56", "57", "58",
		"60", "61", "62", "63", "64", "65", "66", "67", "68", "69", "70", "71", "72", "73", "74", "75", "76", "77", "78"}
	x279BenefitRejects = []string{"15", "33", "52", "53", "54", "55", "56", "57", "60", "61", "62", "63", "69", "70"}
	x279MemberDates    = []string{"096", "102", "152", "291", "307", "318", "340", "341", "342", "343", "346", "347",
		"356", "357", "382", "435", "442", "458", "472", "539", "540", "636", "771"}
	x279BenefitDates = []string{"096", "193", "194", "198", "290", "291", "292", "295", "304", "307", "318", "346",
		"348", "349", "356", "357", "435", "472", "636", "771"}
	x279BenefitREF = []string{"18", "1L", "1W", "49", "6P", "9F", "ALS", "CLI", "F8", "FO", "G1", "IG", "M7", "N6", "NQ"}
	// EB01, Eligibility or Benefit Information Code (1390).
	x279BenefitCodes = []string{"1", "2", "3", "4", "5", "6", "7", "8", "A", "B", "C", "CB", "D", "E", "F", "G", "H",
		"I", "J", "K", "L", "M", "MC", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y"}
	// EB04, Insurance Type Code (1336).
	x279InsuranceTypes = []string{"12", "13", "14", "15", "16", "41", "42", "43", "47", "AP", "C1", "CO", "CP", "D",
		"DB", "EP", "FF", "GP", "HM", "HN", "HS", "IN", "IP", "LC", "LD", "LI", "LT", "MA", "MB", "MC", "MH", "MI",
		"MP", "OT", "PE", "PL", "PP", "PR", "PS", "QM", "RP", "SP", "TF", "WC", "WU"}
	// EB06 and HSD05, Time Period Qualifier (615).
	x279TimePeriods = []string{"6", "7", "13", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32",
		"33", "34", "35", "36"}
	// EB09, Quantity Qualifier (673).
	x279Quantities      = []string{"8H", "99", "CA", "CE", "D3", "DB", "DY", "HS", "LA", "LE", "M2", "MN", "P6", "QA", "S7", "S8", "VS", "YY"}
	x279RelatedEntities = []string{"13", "1I", "1P", "2B", "36", "73", "FA", "GP", "GW", "I3", "IL", "LR", "OC", "P3",
		"P4", "P5", "PR", "PRP", "SEP", "TTP", "VER", "VN", "VY", "X3", "Y2"}
	x279RelatedIDs = []string{"24", "34", "46", "FA", "FI", "II", "MI", "NI", "PI", "PP", "SV", "XV", "XX"}
)

// x279AAA reports what the source could not process at this level: AAA01
// N (not valid) or Y (valid, but not answered), the reason and what the
// provider should do next.
func x279AAA(name string, reasons []string) *Segment {
	return seg("AAA", name, S, 9,
		elem(1073, "Valid Request Indicator", R, ID, 1, 1, "N", "Y"),
		unused(559, "Agency Qualifier Code"),
		elem(901, "Reject Reason Code", R, ID, 2, 2, reasons...),
		elem(889, "Follow-up Action Code", R, ID, 1, 1, x279FollowUps...),
	)
}

func x279PER(name string) *Segment {
	return perSeg(name, S, 3, []string{"IC"}, S)
}

// x279MPI is the member's military service (Military Personnel
// Information); its codes are the guide's but not checked here.
func x279MPI() *Segment {
	return seg("MPI", "Military Personnel Information", S, 1,
		elem(1201, "Information Status Code", R, ID, 1, 1),
		elem(584, "Employment Status Code", R, ID, 2, 2),
		elem(1595, "Government Service Affiliation Code", R, ID, 1, 1),
		elem(352, "Description", S, AN, 1, 80),
		elem(1596, "Military Service Rank Code", S, ID, 2, 2),
		elem(1250, "Date Time Period Format Qualifier", S, ID, 2, 3, "D8", "RD8"),
		elem(1251, "Date Time Period", S, AN, 1, 35).date(6),
	).syntax("P0607")
}

// x279Benefit is an EB loop: one benefit (or limit, or fact of coverage)
// with its delivery, references, dates, rejections and messages, then
// additional information (III) and the entities it names (NM1 between
// LS and LE).
func x279Benefit(id, name, infoID, entityID, member string) *Loop {
	return loop(id, name, S, Many,
		seg("EB", name, R, 1,
			elem(1390, "Eligibility or Benefit Information Code", R, ID, 1, 2, x279BenefitCodes...),
			elem(1207, "Coverage Level Code", S, ID, 3, 3, x279CoverageLevels...),
			elem(1365, "Service Type Code", S, ID, 1, 2).from(ServiceTypeCodes).rep(99),
			elem(1336, "Insurance Type Code", S, ID, 1, 3, x279InsuranceTypes...),
			elem(1204, "Plan Coverage Description", S, AN, 1, 50),
			elem(615, "Time Period Qualifier", S, ID, 1, 2, x279TimePeriods...),
			elem(782, "Benefit Amount", S, R_, 1, 18),
			elem(954, "Benefit Percent", S, R_, 1, 10),
			elem(673, "Quantity Qualifier", S, ID, 2, 2, x279Quantities...),
			elem(380, "Benefit Quantity", S, R_, 1, 15),
			elem(1073, "Authorization or Certification Indicator", S, ID, 1, 1, "N", "U", "Y"),
			elem(1073, "In Plan Network Indicator", S, ID, 1, 1, "N", "U", "W", "Y"),
			x279Procedure("Composite Medical Procedure Identifier"),
			x279Pointers(),
		).syntax("P0910"),
		x217HSD(),
		refSeg(member+" Additional Identification", S, 9, x279BenefitREF...),
		dtpSeg(member+" Eligibility/Benefit Date", S, 20, x279BenefitDates, "D8", "RD8"),
		x279AAA(member+" Request Validation", x279BenefitRejects),
		seg("MSG", "Message Text", S, 10,
			elem(933, "Free-form Message Text", R, AN, 1, 264),
			unused(934, "Printer Carriage Control Code"),
			unused(1470, "Number"),
		),
		loop(infoID, member+" Eligibility or Benefit Additional Information", S, 10,
			seg("III", member+" Eligibility or Benefit Additional Information", R, 1,
				elem(1270, "Code List Qualifier Code", S, ID, 1, 3, "GR", "NI", "ZZ"),
				elem(1271, "Industry Code", S, AN, 1, 30),
				elem(1136, "Code Category", S, ID, 2, 2, "44"),
				elem(933, "Injured Body Part Name", S, AN, 1, 264),
				unused(380, "Quantity"),
				unusedComposite("C001", "Composite Unit of Measure"),
				unused(752, "Surface/Layer/Position Code"),
				unused(752, "Surface/Layer/Position Code"),
				unused(752, "Surface/Layer/Position Code"),
			).syntax("P0102", "L030204"),
		),
		seg("LS", "Loop Header", S, 1,
			elem(447, "Loop Identifier Code", R, AN, 1, 4, "2120"),
		),
		loop(entityID, member+" Benefit Related Entity Name", S, 23,
			nm1Seg(member+" Benefit Related Entity Name", R, 1, x279RelatedEntities, []string{"1", "2"},
				nameParts{Last: S, First: S, Middle: S, Prefix: S, Suffix: S, IDQualifiers: x279RelatedIDs, ID: S}),
			n3Seg(member+" Benefit Related Entity Address", S),
			n4Seg(member+" Benefit Related Entity City, State, ZIP Code", S),
			x279PER(member+" Benefit Related Entity Contact Information"),
			x279PRV(member+" Benefit Related Provider Information"),
		),
		seg("LE", "Loop Trailer", S, 1,
			elem(447, "Loop Identifier Code", R, AN, 1, 4, "2120"),
		),
	)
}
