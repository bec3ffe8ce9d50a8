package ig

// What the 276 and the 277 of 005010X212 write alike: the names of the
// hierarchical levels, the claim references and the service line.

func x212PayerNM1() *Segment {
	return nm1Seg("Payer Name", R, 1, []string{"PR"}, []string{"2"},
		nameParts{Last: R, IDQualifiers: []string{"PI", "XV"}, ID: R})
}

func x212ReceiverNM1() *Segment {
	return nm1Seg("Information Receiver Name", R, 1, []string{"41"}, []string{"1", "2"},
		nameParts{Last: S, First: S, Middle: S, IDQualifiers: []string{"46"}, ID: R})
}

func x212ProviderNM1() *Segment {
	return nm1Seg("Provider Name", R, 1, []string{"1P"}, []string{"1", "2"},
		nameParts{Last: S, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"FI", "SV", "XX"}, ID: R})
}

func x212SubscriberNM1() *Segment {
	return nm1Seg("Subscriber Name", R, 1, []string{"IL"}, []string{"1", "2"},
		nameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"24", "II", "MI"}, ID: R})
}

// x212DependentNM1 is the patient who is not the subscriber: 5010 names
// no identifier for a dependent (the subscriber's identifies the policy).
func x212DependentNM1() *Segment {
	return nm1Seg("Dependent Name", R, 1, []string{"QC"}, []string{"1"},
		nameParts{Last: R, First: S, Middle: S, Suffix: S})
}

// x212ClaimREFs are the claim references of a 2200D or 2200E loop, in
// the guide's order. Each call makes new segments (a segment is never in
// two loops).
func x212ClaimREFs() []*Segment {
	return []*Segment{
		refSeg("Payer Claim Control Number", S, 1, "1K"),
		refSeg("Institutional Bill Type Identification", S, 1, "BLT"),
		refSeg("Patient Control Number", S, 1, "EJ"),
		refSeg("Pharmacy Prescription Number", S, 1, "XZ"),
		refSeg("Voucher Identifier", S, 1, "VV"),
		refSeg("Claim Identification Number For Clearinghouses and Other Transmission Intermediaries", S, 1, "D9"),
	}
}

// x212SVC is a service line: the 276 names the charge, the 277 adds the
// payment (SVC03) and the units.
func x212SVC(payment, units Usage) *Segment {
	pay := unused(782, "Monetary Amount")
	if payment != N {
		pay = elem(782, "Line Item Payment Amount", payment, R_, 1, 18)
	}
	return seg("SVC", "Service Line Information", R, 1,
		composite("C003", "Composite Medical Procedure Identifier", R,
			elem(235, "Product or Service ID Qualifier", R, ID, 2, 2, "AD", "ER", "HC", "HP", "IV", "N4", "NU", "WK"),
			elem(234, "Procedure Code", R, AN, 1, 48),
			elem(1339, "Procedure Modifier", S, AN, 2, 2),
			elem(1339, "Procedure Modifier", S, AN, 2, 2),
			elem(1339, "Procedure Modifier", S, AN, 2, 2),
			elem(1339, "Procedure Modifier", S, AN, 2, 2),
			unused(352, "Description"),
			unused(234, "Product/Service ID"),
		),
		elem(782, "Line Item Charge Amount", R, R_, 1, 18),
		pay,
		elem(234, "Revenue Code", S, AN, 1, 48),
		unused(380, "Quantity"),
		unusedComposite("C003", "Composite Medical Procedure Identifier"),
		elem(380, "Units of Service Count", units, R_, 1, 15),
	)
}
