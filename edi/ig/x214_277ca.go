package ig

// X214 is the ASC X12N 005010X214 implementation guide: Health Care Claim
// Acknowledgment (277CA), the claim-level answer to an 837.
var X214 = &Guide{
	Version:      "005010X214",
	SetID:        "277",
	FunctionalID: "HN",
	Name:         "Health Care Claim Acknowledgment",
	Root: loop("ST", "Health Care Claim Acknowledgment", R, 1,
		stSeg("277", "005010X214"),
		seg("BHT", "Beginning of Hierarchical Transaction", R, 1,
			elem(1005, "Hierarchical Structure Code", R, ID, 4, 4, "0085"),
			elem(353, "Transaction Set Purpose Code", R, ID, 2, 2, "08"),
			elem(127, "Originator Application Transaction Identifier", R, AN, 1, 30),
			elem(373, "Transaction Set Creation Date", R, DT, 8, 8),
			elem(337, "Transaction Set Creation Time", R, TM, 4, 8),
			elem(640, "Transaction Type Code", R, ID, 2, 2, "TH"),
		),
		loop("2000A", "Information Source Level", R, Many,
			hlSeg("Information Source Level", "20", N, R, "1"),
			loop("2100A", "Information Source Name", R, 1,
				nm1Seg("Information Source Name", R, 1, []string{"AY", "PR"}, []string{"2"},
					nameParts{Last: R, IDQualifiers: []string{"46", "FI", "PI", "XV"}, ID: R}),
			),
			loop("2200A", "Transmission Receipt Control Identifier", R, Many,
				x214TRN("Transmission Receipt Control Identifier", "1", "Information Source Application Trace Identifier"),
				dtpSeg("Information Source Receipt Date", R, 1, []string{"050"}, "D8"),
				dtpSeg("Information Source Process Date", R, 1, []string{"009"}, "D8"),
			),
			loop("2000B", "Information Receiver Level", R, 1,
				hlSeg("Information Receiver Level", "21", R, R, "0", "1"),
				loop("2100B", "Information Receiver Name", R, 1,
					nm1Seg("Information Receiver Name", R, 1, []string{"41"}, []string{"1", "2"},
						nameParts{Last: R, First: S, Middle: S, IDQualifiers: []string{"46"}, ID: R}),
				),
				loop("2200B", "Information Receiver Application Trace Identifier", R, 1,
					x214TRN("Information Receiver Application Trace Identifier", "2", "Claim Transaction Batch Number"),
					x214STC("Information Receiver Status Information", x214STCParts{
						Use: R, Effective: R, Actions: []string{"U", "WQ"},
						Charge: "Total Submitted Charges for Unit Work", ChargeUse: R, Message: N,
						Entities: []string{"36", "40", "41", "AY", "PR"},
					}),
					x214QTY("Total Accepted Quantity", "90"),
					x214QTY("Total Rejected Quantity", "AA"),
					amtSeg("Total Accepted Amount", S, 1, "YU"),
					amtSeg("Total Rejected Amount", S, 1, "YY"),
				),
				loop("2000C", "Billing Provider of Service Level", S, Many,
					hlSeg("Billing Provider of Service Level", "19", R, R, "0", "1"),
					loop("2100C", "Billing Provider Name", R, Many,
						nm1Seg("Billing Provider Name", R, 1, []string{"85"}, []string{"1", "2"},
							nameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"FI", "SV", "XX"}, ID: R}),
					),
					loop("2200C", "Provider of Service Information Trace Identifier", S, 1,
						x214TRN("Provider of Service Information Trace Identifier", "1", "Provider of Service Information Trace Identifier"),
						x214STC("Billing Provider Status Information", x214STCParts{
							Use: S, Effective: N, Actions: []string{"U", "WQ"},
							Charge: "Total Submitted Charges for Unit Work", ChargeUse: R, Message: N,
							Entities: []string{"36", "40", "41", "77", "82", "85", "87", "AY", "PR"},
						}),
						refSeg("Provider Secondary Identifier", S, 3, "0B", "1G", "G2", "LU", "SY", "TJ"),
						x214QTY("Total Accepted Quantity", "QA"),
						x214QTY("Total Rejected Quantity", "QC"),
						amtSeg("Total Accepted Amount", S, 1, "YU"),
						amtSeg("Total Rejected Amount", S, 1, "YY"),
					),
					loop("2000D", "Patient Level", S, Many,
						hlSeg("Patient Level", "PT", R, N),
						loop("2100D", "Patient Name", R, 1,
							nm1Seg("Patient Name", R, 1, []string{"QC"}, []string{"1"},
								nameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"II", "MI"}, ID: R}),
						),
						loop("2200D", "Claim Status Tracking Number", R, Many,
							x214TRN("Claim Status Tracking Number", "2", "Patient Control Number"),
							x214STC("Claim Level Status Information", x214STCParts{
								Use: R, Effective: R, Actions: []string{"U", "WQ"},
								Charge: "Total Claim Charge Amount", ChargeUse: R, Message: S,
								Entities: x214ClaimEntities,
							}),
							refSeg("Payer Claim Control Number", S, 1, "1K"),
							refSeg("Clearinghouse Trace Number", S, 1, "D9"),
							refSeg("Institutional Bill Type Identification", S, 1, "BLT"),
							dtpSeg("Claim Level Service Date", R, 1, []string{"472"}, "D8", "RD8"),
							loop("2220D", "Service Line Information", S, Many,
								seg("SVC", "Service Line Information", R, 1,
									composite("C003", "Composite Medical Procedure Identifier", R,
										elem(235, "Product or Service ID Qualifier", R, ID, 2, 2, "AD", "ER", "HC", "HP", "IV", "NU", "WK"),
										elem(234, "Service Identification Code", R, AN, 1, 48),
										elem(1339, "Procedure Modifier", S, AN, 2, 2),
										elem(1339, "Procedure Modifier", S, AN, 2, 2),
										elem(1339, "Procedure Modifier", S, AN, 2, 2),
										elem(1339, "Procedure Modifier", S, AN, 2, 2),
										unused(352, "Description"),
										unused(234, "Product/Service ID"),
									),
									elem(782, "Line Item Charge Amount", R, R_, 1, 18),
									unused(782, "Monetary Amount"),
									elem(234, "Revenue Code", S, AN, 1, 48),
									unused(380, "Quantity"),
									unusedComposite("C003", "Composite Medical Procedure Identifier"),
									elem(380, "Original Units of Service Count", S, R_, 1, 15),
								),
								x214STC("Service Line Level Status Information", x214STCParts{
									Use: R, Effective: R, Actions: []string{"U"},
									ChargeUse: N, Message: S,
									Entities: x214ClaimEntities,
								}),
								refSeg("Service Line Item Identification", S, 1, "FJ"),
								refSeg("Pharmacy Prescription Number", S, 1, "XZ"),
								dtpSeg("Service Line Date", S, 1, []string{"472"}, "D8", "RD8"),
							),
						),
					),
				),
			),
		),
		seSeg(),
	),
}

// STC01-3 codes at the claim and service line levels (2200D, 2220D).
var x214ClaimEntities = []string{"03", "1P", "1Z", "40", "41", "71", "72", "73", "77", "82", "85", "87",
	"DK", "DN", "DQ", "FA", "GB", "HK", "IL", "LI", "MSC", "PR", "PRP", "QB", "QC", "QD", "SEP", "TL", "TTP", "TU"}

// x214TRN is a trace number: only TRN01 and TRN02 are used in this guide.
func x214TRN(name, traceType, refName string) *Segment {
	return seg("TRN", name, R, 1,
		elem(481, "Trace Type Code", R, ID, 1, 2, traceType),
		elem(127, refName, R, AN, 1, 50),
		unused(509, "Originating Company Identifier"),
		unused(127, "Reference Identification"),
	)
}

// x214STCParts says what one STC of this guide uses.
type x214STCParts struct {
	Use       Usage    // the segment's usage in its loop
	Effective Usage    // STC02
	Actions   []string // STC03
	Charge    string   // STC04 name
	ChargeUse Usage    // STC04
	Message   Usage    // STC12
	Entities  []string // STC01-3, STC10-3, STC11-3
}

// x214ClaimStatus is C043 (STC01, STC10, STC11): category and status codes
// come from external code lists (507, 508; codelist_claimstatus.go).
func x214ClaimStatus(usage Usage, entities []string) Element {
	return composite("C043", "Health Care Claim Status", usage,
		elem(1271, "Health Care Claim Status Category Code", R, AN, 1, 30).from(ClaimStatusCategoryCodes),
		elem(1271, "Health Care Claim Status Code", R, AN, 1, 30).from(ClaimStatusCodes),
		elem(98, "Entity Identifier Code", S, ID, 2, 3, entities...),
		unused(1270, "Code List Qualifier Code"),
	)
}

// x214STC is a status: STC05-STC09 (payment) are never used in a 277CA.
func x214STC(name string, p x214STCParts) *Segment {
	charge := unused(782, "Monetary Amount")
	if p.ChargeUse != N {
		charge = elem(782, p.Charge, p.ChargeUse, R_, 1, 18)
	}
	message := unused(933, "Free-form Message Text")
	if p.Message != N {
		message = elem(933, "Free-form Message Text", p.Message, AN, 1, 264)
	}
	effective := unused(373, "Status Information Effective Date")
	if p.Effective != N {
		effective = elem(373, "Status Information Effective Date", p.Effective, DT, 8, 8)
	}
	s := seg("STC", name, p.Use, Many,
		x214ClaimStatus(R, p.Entities),
		effective,
		elem(306, "Action Code", R, ID, 1, 2, p.Actions...),
		charge,
		unused(782, "Monetary Amount"),
		unused(373, "Date"),
		unused(591, "Payment Method Code"),
		unused(373, "Date"),
		unused(429, "Check Number"),
		x214ClaimStatus(S, p.Entities),
		x214ClaimStatus(S, p.Entities),
		message,
	)
	if p.Message != N {
		s.onlyWith(stc12OnlyWith448)
	}
	return s
}

// stc12OnlyWith448 is the 2200D and 2220D STC12 rule of X214: the free-form
// message text may only be used with Health Care Claim Status Code 448 (in
// STC01-2, STC10-2 or STC11-2), otherwise it is not used (X12 RFI 1465,
// which adds that 448 was deactivated on 2012-01-01). The data in error is
// named with status codes in STC01, STC10 and STC11 instead.
var stc12OnlyWith448 = OnlyWith{Element: 12, Where: [][2]int{{1, 2}, {10, 2}, {11, 2}}, Codes: []string{"448"}}

// x214QTY is a claim count of a batch or a provider.
func x214QTY(name, qualifier string) *Segment {
	return seg("QTY", name, S, 1,
		elem(673, "Quantity Qualifier", R, ID, 2, 2, qualifier),
		elem(380, "Quantity", R, R_, 1, 15),
		unusedComposite("C001", "Composite Unit of Measure"),
		unused(61, "Free-form Information"),
	).syntax("E0204", "R0204")
}
