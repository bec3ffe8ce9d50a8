package ig

// X231A1 is the ASC X12C 005010X231A1 implementation guide: Implementation
// Acknowledgment (999) for Health Care Insurance, the errata version HIPAA
// adopted. A 999 that names 005010X231, the version before the errata, is
// answered as unsupported (IK502=I6) like every other version edigw has no
// guide for: the errata changed what the 999 may carry (CTX06, CTX01-2),
// so reading it with this guide would judge it by rules it does not claim
// (decisions/0020).
var X231A1 = &Guide{
	Version:      "005010X231A1",
	SetID:        "999",
	FunctionalID: "FA",
	Name:         "Implementation Acknowledgment",
	Root: loop("ST", "Implementation Acknowledgment", R, 1,
		seg("ST", "Transaction Set Header", R, 1,
			elem(143, "Transaction Set Identifier Code", R, ID, 3, 3, "999"),
			elem(329, "Transaction Set Control Number", R, AN, 4, 9),
			elem(1705, "Implementation Convention Reference", R, AN, 1, 35, "005010X231A1"),
		),
		seg("AK1", "Functional Group Response Header", R, 1,
			elem(479, "Functional Identifier Code", R, ID, 2, 2, "BE", "HB", "HC", "HI", "HN", "HP", "HR", "HS", "RA"),
			elem(28, "Group Control Number", R, N0, 1, 9),
			elem(480, "Version, Release, or Industry Identifier Code", R, AN, 1, 12),
		),
		loop("2000", "Transaction Set Response Header", S, Many,
			seg("AK2", "Transaction Set Response Header", R, 1,
				elem(143, "Transaction Set Identifier Code", R, ID, 3, 3, "270", "271", "276", "277", "278", "820", "834", "835", "837"),
				elem(329, "Transaction Set Control Number", R, AN, 4, 9),
				elem(1705, "Implementation Convention Reference", S, AN, 1, 35),
			),
			loop("2100", "Error Identification", S, Many,
				seg("IK3", "Error Identification", R, 1,
					elem(721, "Segment ID Code", R, ID, 2, 3),
					elem(719, "Segment Position in Transaction Set", R, N0, 1, 10),
					elem(447, "Loop Identifier Code", S, AN, 1, 4),
					elem(620, "Implementation Segment Syntax Error Code", R, ID, 1, 3, x231SegmentErrors...),
				),
				x231CTXTrigger("Segment Context", 9),
				seg("CTX", "Business Unit Identifier", S, 1,
					composite("C998", "Context Identification", R,
						elem(9999, "Context Name", R, AN, 1, 35,
							"TRN02", "NM109", "PATIENT NAME NM109", "SUBSCRIBER NAME NM109", "ENT01", "SUBSCRIBER NUMBER REF02", "CLM01"),
						elem(9998, "Context Reference", R, AN, 1, 35),
					).rep(10),
					unused(721, "Segment ID Code"),
					unused(719, "Segment Position in Transaction Set"),
					unused(447, "Loop Identifier Code"),
					unusedComposite("C030", "Position in Segment"),
					unusedComposite("C999", "Reference in Segment"),
				),
				loop("2110", "Implementation Data Element Note", S, Many,
					seg("IK4", "Implementation Data Element Note", R, 1,
						x231PositionInSegment(R),
						elem(725, "Data Element Reference Number", S, N0, 1, 4),
						elem(621, "Implementation Data Element Syntax Error Code", R, ID, 1, 3, x231ElementErrors...),
						elem(724, "Copy of Bad Data Element", S, AN, 1, 99),
					),
					x231CTXTrigger("Element Context", 10),
				),
			),
			seg("IK5", "Implementation Transaction Set Response Trailer", R, 1,
				elem(717, "Transaction Set Acknowledgment Code", R, ID, 1, 1, "A", "E", "M", "R", "W", "X"),
				elem(618, "Implementation Transaction Set Syntax Error Code", S, ID, 1, 3, x231SetErrors...),
				elem(618, "Implementation Transaction Set Syntax Error Code", S, ID, 1, 3, x231SetErrors...),
				elem(618, "Implementation Transaction Set Syntax Error Code", S, ID, 1, 3, x231SetErrors...),
				elem(618, "Implementation Transaction Set Syntax Error Code", S, ID, 1, 3, x231SetErrors...),
				elem(618, "Implementation Transaction Set Syntax Error Code", S, ID, 1, 3, x231SetErrors...),
			),
		),
		seg("AK9", "Functional Group Response Trailer", R, 1,
			elem(715, "Functional Group Acknowledge Code", R, ID, 1, 1, "A", "E", "M", "P", "R", "W", "X"),
			elem(97, "Number of Transaction Sets Included", R, N0, 1, 6),
			elem(123, "Number of Received Transaction Sets", R, N0, 1, 6),
			elem(2, "Number of Accepted Transaction Sets", R, N0, 1, 6),
			elem(716, "Functional Group Syntax Error Code", S, ID, 1, 3, x231GroupErrors...),
			elem(716, "Functional Group Syntax Error Code", S, ID, 1, 3, x231GroupErrors...),
			elem(716, "Functional Group Syntax Error Code", S, ID, 1, 3, x231GroupErrors...),
			elem(716, "Functional Group Syntax Error Code", S, ID, 1, 3, x231GroupErrors...),
			elem(716, "Functional Group Syntax Error Code", S, ID, 1, 3, x231GroupErrors...),
		),
		seSeg(),
	),
}

// IK304 (620): segment syntax error codes.
var x231SegmentErrors = []string{"1", "2", "3", "4", "5", "6", "7", "8", "I4", "I6", "I7", "I8", "I9"}

// IK403 (621): data element syntax error codes. There is no code 11.
var x231ElementErrors = []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12", "13", "I10", "I11", "I12", "I13", "I6", "I9"}

// IK502-IK506 (618): transaction set syntax error codes.
var x231SetErrors = []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "15", "16", "17",
	"18", "19", "23", "24", "25", "26", "27", "I5", "I6"}

// AK905-AK909 (716): functional group syntax error codes.
var x231GroupErrors = []string{"1", "2", "3", "4", "5", "6", "10", "11", "12", "13", "14", "15", "16", "17", "18",
	"19", "23", "24", "25", "26"}

// x231PositionInSegment is C030 (IK401, CTX05).
func x231PositionInSegment(usage Usage) Element {
	return composite("C030", "Position in Segment", usage,
		elem(722, "Element Position in Segment", R, N0, 1, 2),
		elem(1528, "Component Data Element Position in Composite", S, N0, 1, 2),
		elem(1686, "Repeating Data Element Position", S, N0, 1, 4),
	)
}

// x231CTXTrigger is a CTX naming the situational trigger of an error: the
// Segment Context (2100) and the Element Context (2110). CTX06 is Not Used
// in the A1 errata (005010X231 had it situational).
func x231CTXTrigger(name string, max int) *Segment {
	return seg("CTX", name, S, max,
		composite("C998", "Context Identification", R,
			elem(9999, "Context Name", R, AN, 1, 35, "SITUATIONAL TRIGGER"),
			unused(9998, "Context Reference"),
		).rep(10),
		elem(721, "Segment ID Code", R, ID, 2, 3),
		elem(719, "Segment Position in Transaction Set", R, N0, 1, 10),
		elem(447, "Loop Identifier Code", S, AN, 1, 4),
		x231PositionInSegment(S),
		unusedComposite("C999", "Reference in Segment"),
	)
}
