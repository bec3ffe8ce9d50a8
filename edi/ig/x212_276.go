package ig

// X212Request is the ASC X12N 005010X212 implementation guide, request
// half: Health Care Claim Status Request (276). A provider (or its agent)
// asks a payer where one or more claims stand; each 2200D or 2200E loop is
// one claim, named by the provider's trace number (TRN02), the patient
// control number, the payer's claim control number, the charge and the
// service dates. The levels are those of the 277 that answers it
// (x212_277.go): information source (the payer), information receiver,
// service provider, subscriber, dependent.
var X212Request = &Guide{
	Version:      "005010X212",
	SetID:        "276",
	FunctionalID: "HR",
	Name:         "Health Care Claim Status Request",
	Root: loop("ST", "Health Care Claim Status Request", R, 1,
		stSeg("276", "005010X212"),
		seg("BHT", "Beginning of Hierarchical Transaction", R, 1,
			elem(1005, "Hierarchical Structure Code", R, ID, 4, 4, "0010"),
			elem(353, "Transaction Set Purpose Code", R, ID, 2, 2, "13"),
			elem(127, "Originator Application Transaction Identifier", R, AN, 1, 50),
			elem(373, "Transaction Set Creation Date", R, DT, 8, 8),
			elem(337, "Transaction Set Creation Time", R, TM, 4, 8),
			unused(640, "Transaction Type Code"),
		),
		loop("2000A", "Information Source Level", R, Many,
			hlSeg("Information Source Level", "20", N, R, "1"),
			loop("2100A", "Payer Name", R, 1, x212PayerNM1()),
			loop("2000B", "Information Receiver Level", R, Many,
				hlSeg("Information Receiver Level", "21", R, R, "1"),
				loop("2100B", "Information Receiver Name", R, 1, x212ReceiverNM1()),
				loop("2000C", "Service Provider Level", R, Many,
					hlSeg("Service Provider Level", "19", R, R, "1"),
					loop("2100C", "Provider Name", R, 1, x212ProviderNM1()),
					loop("2000D", "Subscriber Level", R, Many,
						hlSeg("Subscriber Level", "22", R, R, "0", "1"),
						x837DMG("Subscriber Demographic Information", S),
						loop("2100D", "Subscriber Name", R, 1, x212SubscriberNM1()),
						x276Claim("2200D", "2210D", S),
						loop("2000E", "Dependent Level", S, Many,
							hlSeg("Dependent Level", "23", R, N),
							x837DMG("Dependent Demographic Information", R),
							loop("2100E", "Dependent Name", R, 1, x212DependentNM1()),
							x276Claim("2200E", "2210E", R),
						),
					),
				),
			),
		),
		seSeg(),
	),
}

// x276Claim is one claim asked about (2200D under the subscriber, 2200E
// under a dependent) with its service lines (2210D, 2210E).
func x276Claim(id, lineID string, usage Usage) *Loop {
	children := []Node{seg("TRN", "Claim Status Tracking Number", R, 1,
		elem(481, "Trace Type Code", R, ID, 1, 2, "1"),
		elem(127, "Current Transaction Trace Number", R, AN, 1, 50),
		unused(509, "Originating Company Identifier"),
		unused(127, "Reference Identification"),
	)}
	for _, ref := range x212ClaimREFs() {
		children = append(children, ref)
	}
	children = append(children,
		amtSeg("Claim Submitted Charges", S, 1, "T3"),
		dtpSeg("Claim Service Date", S, 1, []string{"472"}, "D8", "RD8"),
		loop(lineID, "Service Line Information", S, Many,
			x212SVC(N, S),
			refSeg("Service Line Item Identification", S, 1, "FJ"),
			dtpSeg("Service Line Date", R, 1, []string{"472"}, "D8", "RD8"),
		),
	)
	return loop(id, "Claim Status Tracking Number", usage, Many, children...)
}
