package ig

// X212Response is the ASC X12N 005010X212 implementation guide, response
// half: Health Care Claim Status Response (277). It shares ST01 "277" with
// the 277CA (X214) and is told from it by its version (GS08/ST03
// "005010X212"), never by its shape. Each 2200D or 2200E loop answers one
// claim of a 276 (TRN02 is that claim's trace number) with statuses (STC:
// category, status and entity codes, the charge, the payment, the
// adjudication and remittance dates) and the payer's claim control number;
// 2220D and 2220E do the same per service line.
var X212Response = &Guide{
	Version:      "005010X212",
	SetID:        "277",
	FunctionalID: "HN",
	Name:         "Health Care Claim Status Response",
	Root: loop("ST", "Health Care Claim Status Response", R, 1,
		stSeg("277", "005010X212"),
		seg("BHT", "Beginning of Hierarchical Transaction", R, 1,
			elem(1005, "Hierarchical Structure Code", R, ID, 4, 4, "0010"),
			elem(353, "Transaction Set Purpose Code", R, ID, 2, 2, "08"),
			elem(127, "Originator Application Transaction Identifier", R, AN, 1, 50),
			elem(373, "Transaction Set Creation Date", R, DT, 8, 8),
			elem(337, "Transaction Set Creation Time", R, TM, 4, 8),
			elem(640, "Transaction Type Code", R, ID, 2, 2, "DG"),
		),
		loop("2000A", "Information Source Level", R, Many,
			hlSeg("Information Source Level", "20", N, R, "1"),
			loop("2100A", "Payer Name", R, 1,
				x212PayerNM1(),
				seg("PER", "Payer Contact Information", S, 1,
					elem(366, "Contact Function Code", R, ID, 2, 2, "IC"),
					elem(93, "Payer Contact Name", S, AN, 1, 60),
					elem(365, "Communication Number Qualifier", R, ID, 2, 2, "ED", "EM", "FX", "TE"),
					elem(364, "Payer Contact Communication Number", R, AN, 1, 256),
					elem(365, "Communication Number Qualifier", S, ID, 2, 2, "ED", "EM", "EX", "FX", "TE"),
					elem(364, "Payer Contact Communication Number", S, AN, 1, 256),
					elem(365, "Communication Number Qualifier", S, ID, 2, 2, "ED", "EM", "EX", "FX", "TE"),
					elem(364, "Payer Contact Communication Number", S, AN, 1, 256),
					unused(443, "Contact Inquiry Reference"),
				).syntax("P0304", "P0506", "P0708"),
			),
			loop("2000B", "Information Receiver Level", R, Many,
				hlSeg("Information Receiver Level", "21", R, R, "0", "1"),
				loop("2100B", "Information Receiver Name", R, 1, x212ReceiverNM1()),
				loop("2200B", "Information Receiver Trace Identifier", S, 1,
					x277TRN("Information Receiver Trace Identifier", "Claim Transaction Batch Number"),
					x277STC("Information Receiver Status Information", false, false, "41", "AY", "PR"),
				),
				loop("2000C", "Service Provider Level", S, Many,
					hlSeg("Service Provider Level", "19", R, R, "0", "1"),
					loop("2100C", "Provider Name", R, 2, x212ProviderNM1()),
					loop("2200C", "Provider of Service Trace Identifier", S, 1,
						seg("TRN", "Provider of Service Trace Identifier", R, 1,
							elem(481, "Trace Type Code", R, ID, 1, 2, "1"),
							elem(127, "Provider of Service Information Trace Identifier", R, AN, 1, 50),
							unused(509, "Originating Company Identifier"),
							unused(127, "Reference Identification"),
						),
						// pyx12's map allows 1P alone; the TR3's own example
						// (provider-level-status.277 in testdata/x212) names 85.
						x277STC("Provider Status Information", false, false, "1P", "85"),
					),
					loop("2000D", "Subscriber Level", S, Many,
						hlSeg("Subscriber Level", "22", R, R, "0", "1"),
						loop("2100D", "Subscriber Name", R, 1, x212SubscriberNM1()),
						x277Claim("2200D", "2220D", S),
						loop("2000E", "Dependent Level", S, Many,
							hlSeg("Dependent Level", "23", R, N),
							loop("2100E", "Dependent Name", R, 1, x212DependentNM1()),
							x277Claim("2200E", "2220E", R),
						),
					),
				),
			),
		),
		seSeg(),
	),
}

// x277Claim is the status of one claim asked about, with its lines.
func x277Claim(id, lineID string, usage Usage) *Loop {
	children := []Node{
		x277TRN("Claim Status Tracking Number", "Referenced Transaction Trace Number"),
		x277STC("Claim Level Status Information", true, true, x212Entities...),
	}
	for _, ref := range x212ClaimREFs() {
		children = append(children, ref)
	}
	children = append(children,
		dtpSeg("Claim Service Date", S, 1, []string{"472"}, "D8", "RD8"),
		loop(lineID, "Service Line Information", S, Many,
			x212SVC(R, R),
			x277STC("Service Line Status Information", false, true, x212Entities...),
			refSeg("Service Line Item Identification", S, 1, "FJ"),
			dtpSeg("Service Line Date", R, 1, []string{"472"}, "D8", "RD8"),
		),
	)
	return loop(id, "Claim Status Tracking Number", usage, Many, children...)
}

// x277TRN is a referenced trace number (TRN01 "2"): the 276's own.
func x277TRN(name, refName string) *Segment {
	return seg("TRN", name, R, 1,
		elem(481, "Trace Type Code", R, ID, 1, 2, "2"),
		elem(127, refName, R, AN, 1, 50),
		unused(509, "Originating Company Identifier"),
		unused(127, "Reference Identification"),
	)
}

// x277Status is C043 (STC01, STC10, STC11). Category and status codes
// come from the external lists the 277CA reads too (507, 508); the entity
// of STC01 is one of the guide's, those of STC10 and STC11 any.
func x277Status(usage Usage, rx bool, entities ...string) Element {
	qualifier := unused(1270, "Code List Qualifier Code")
	if rx {
		qualifier = elem(1270, "Code List Qualifier Code", S, ID, 1, 3, "RX")
	}
	return composite("C043", "Health Care Claim Status", usage,
		elem(1271, "Health Care Claim Status Category Code", R, AN, 1, 30).from(ClaimStatusCategoryCodes),
		elem(1271, "Health Care Claim Status Code", R, AN, 1, 30).from(ClaimStatusCodes),
		elem(98, "Entity Identifier Code", S, ID, 2, 3, entities...),
		qualifier,
	)
}

// x277STC is a status. Only the claim level (claim) names amounts, the
// finalized and remittance dates and the remittance trace (STC04-STC09);
// STC03 (action) and STC12 (free text) are never used in this guide. rx
// says whether the code list qualifier (C043-4 "RX", NCPDP reject codes)
// may follow, as at the claim and line levels.
func x277STC(name string, claim, rx bool, entities ...string) *Segment {
	money := func(ref int, name string, t Type, min, max int) Element {
		if !claim {
			return unused(ref, name)
		}
		return elem(ref, name, S, t, min, max)
	}
	return seg("STC", name, R, Many,
		x277Status(R, rx, entities...),
		elem(373, "Status Information Effective Date", R, DT, 8, 8),
		unused(306, "Action Code"),
		money(782, "Total Claim Charge Amount", R_, 1, 18),
		money(782, "Claim Payment Amount", R_, 1, 18),
		money(373, "Adjudication Finalized Date", DT, 8, 8),
		unused(591, "Payment Method Code"),
		money(373, "Remittance Date", DT, 8, 8),
		money(429, "Remittance Trace Number", AN, 1, 16),
		x277Status(S, rx),
		x277Status(S, rx),
		unused(933, "Free-form Message Text"),
	)
}

// x212Entities are the STC01-3 codes of the claim and line levels: the
// guide allows most of X12 element 98's entities here.
var x212Entities = []string{"03", "13", "17", "1E", "1G", "1H", "1I", "1O", "1P", "1Q", "1R", "1S", "1T", "1U",
	"1V", "1W", "1X", "1Y", "1Z", "28", "2A", "2B", "2D", "2E", "2I", "2K", "2P", "2Q", "2S", "2Z", "30", "36",
	"3A", "3C", "3D", "3E", "3F", "3G", "3H", "3I", "3J", "3K", "3L", "3M", "3N", "3O", "3P", "3Q", "3R", "3S",
	"3T", "3U", "3V", "3W", "3X", "3Y", "3Z", "40", "43", "44", "4A", "4B", "4C", "4D", "4E", "4F", "4G", "4H",
	"4I", "4J", "4L", "4M", "4N", "4O", "4P", "4Q", "4R", "4S", "4U", "4V", "4W", "4X", "4Y", "4Z", "5A", "5B",
	"5C", "5D", "5E", "5F", "5G", "5H", "5I", "5J", "5K", "5L", "5M", "5N", "5O", "5P", "5Q", "5R", "5S", "5T",
	"5U", "5V", "5W", "5X", "5Y", "5Z", "61", "6A", "6B", "6C", "6D", "6E", "6F", "6G", "6H", "6I", "6J", "6K",
	"6L", "6M", "6N", "6O", "6P", "6Q", "6R", "6S", "6U", "6V", "6W", "6X", "6Y", "71", "72", "73", "74", "77",
	"7C", "80", "82", "84", "85", "87", "95", "CK", "CZ", "D2", "DD", "DJ", "DK", "DN", "DO", "DQ", "E1", "E2",
	"E7", "E9", "FA", "FD", "FE", "G0", "G3", "GB", "GD", "GI", "GJ", "GK", "GM", "GY", "HF", "HH", "I3", "IJ",
	"IL", "IN", "LI", "LR", "MR", "MSC", "OB", "OD", "OX", "P0", "P2", "P3", "P4", "P6", "P7", "PRP", "PT", "PV",
	"PW", "QA", "QB", "QC", "QD", "QE", "QH", "QK", "QL", "QN", "QO", "QS", "QV", "QY", "RC", "RW", "S4", "SEP",
	"SJ", "SU", "T4", "TL", "TQ", "TT", "TTP", "TU", "UH", "X3", "X4", "X5", "ZZ"}
