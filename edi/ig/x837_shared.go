package ig

// What the three 837 guides (X222A1 professional, X223A2 institutional,
// X224A2 dental) write alike: the header loops, the provider and payer
// segments, other-payer adjudication and the code lists they share. A
// guide calls these with what differs (names, maximum uses, codes); a
// segment that is shaped differently in one guide stays in that guide's
// file. Each call builds new nodes: a registry computes recognition keys
// per place, so no two places may share a *Segment.

// Code lists the three 837 guides share.
var (
	x837PayerSequence = []string{"A", "B", "C", "D", "E", "F", "G", "H", "P", "S", "T", "U"}
	x837ClaimFiling   = []string{"11", "12", "13", "14", "15", "16", "17", "AM", "BL", "CH", "CI", "DS",
		"FI", "HM", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC", "ZZ"}
	// x837PatientRelationships are PAT01's codes (2000C); 2320's SBR02
	// adds 18, the subscriber self.
	x837PatientRelationships  = []string{"01", "19", "20", "21", "39", "40", "53", "G8"}
	x837InsuredRelationships  = []string{"01", "18", "19", "20", "21", "39", "40", "53", "G8"}
	x837ProviderIDs           = []string{"0B", "1G", "G2", "LU"} // provider secondary identifiers (REF01)
	x837ReferringIDs          = []string{"0B", "1G", "G2"}
	x837FacilityIDs           = []string{"0B", "G2", "LU"}
	x837AttachmentTransmitted = []string{"AA", "BM", "EL", "EM", "FT", "FX"}
	// x837ReportTypes are PWK01's codes in the professional and
	// institutional guides (the dental one has its own).
	x837ReportTypes = []string{"03", "04", "05", "06", "07", "08", "09", "10", "11", "13", "15", "21",
		"A3", "A4", "AM", "AS", "B2", "B3", "B4", "BR", "BS", "BT", "CB", "CK", "CT", "D2", "DA", "DB",
		"DG", "DJ", "DS", "EB", "HC", "HR", "I5", "IR", "LA", "M1", "MT", "NN", "OB", "OC", "OD", "OE",
		"OX", "OZ", "P4", "P5", "PE", "PN", "PO", "PQ", "PY", "PZ", "RB", "RR", "RT", "RX", "SG", "V5", "XP"}
)

// x837BHT is the beginning of the set; claimTypes are BHT06's codes.
func x837BHT(claimTypes ...string) *Segment {
	return seg("BHT", "Beginning of Hierarchical Transaction", R, 1,
		elem(1005, "Hierarchical Structure Code", R, ID, 4, 4, "0019"),
		elem(353, "Transaction Set Purpose Code", R, ID, 2, 2, "00", "18"),
		elem(127, "Originator Application Transaction Identifier", R, AN, 1, 50),
		elem(373, "Transaction Set Creation Date", R, DT, 8, 8),
		elem(337, "Transaction Set Creation Time", R, TM, 4, 8),
		elem(640, "Claim or Encounter Identifier", R, ID, 2, 2, claimTypes...),
	)
}

// x837Submitter is loop 1000A; contact is its PER, which each guide
// writes in its own words.
func x837Submitter(contact *Segment) *Loop {
	return loop("1000A", "Submitter Name", R, 1,
		nm1Seg("Submitter Name", R, 1, []string{"41"}, []string{"1", "2"},
			nameParts{Last: R, First: S, Middle: S, IDQualifiers: []string{"46"}, ID: R}),
		contact,
	)
}

// x837Receiver is loop 1000B.
func x837Receiver() *Loop {
	return loop("1000B", "Receiver Name", R, 1,
		nm1Seg("Receiver Name", R, 1, []string{"40"}, []string{"2"},
			nameParts{Last: R, IDQualifiers: []string{"46"}, ID: R}),
	)
}

// x837PER is an IC contact whose first number must be a telephone, fax or
// e-mail address; later ones may be an extension.
func x837PER(name string, usage Usage, max int) *Segment {
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

// x837PRV is a provider's taxonomy code.
func x837PRV(name, providerCode string) *Segment {
	return seg("PRV", name, S, 1,
		elem(1221, "Provider Code", R, ID, 1, 3, providerCode),
		elem(128, "Reference Identification Qualifier", R, ID, 2, 3, "PXC"),
		elem(127, "Provider Taxonomy Code", R, AN, 1, 50),
		unused(156, "State or Province Code"),
		unusedComposite("C035", "Provider Specialty Information"),
		unused(1223, "Provider Organization Code"),
	).syntax("P0203")
}

// x837CUR is the billing provider's foreign currency: the currency code
// alone, the exchange rate and the dates not used.
func x837CUR() *Segment {
	elems := []Element{
		elem(98, "Entity Identifier Code", R, ID, 2, 3, "85"),
		elem(100, "Currency Code", R, ID, 3, 3),
		unused(280, "Exchange Rate"),
		unused(98, "Entity Identifier Code"),
		unused(100, "Currency Code"),
		unused(669, "Currency Market/Exchange Code"),
	}
	for range 5 {
		elems = append(elems, unused(374, "Date/Time Qualifier"), unused(373, "Date"), unused(337, "Time"))
	}
	return seg("CUR", "Foreign Currency Information", S, 1, elems...).syntax(
		"C0807", "C0907", "L101112", "C1110", "C1210", "L131415", "C1413", "C1513",
		"L161718", "C1716", "C1816", "L192021", "C2019", "C2119")
}

// x837BillingProvider is loop 2000A: its HL, taxonomy and currency, then
// the guide's children (2010AA, the pay-to loops and the subscribers).
func x837BillingProvider(children ...Node) *Loop {
	return loop("2000A", "Billing Provider Hierarchical Level", R, Many, append([]Node{
		hlSeg("Billing Provider Hierarchical Level", "20", N, R, "1"),
		x837PRV("Billing Provider Specialty Information", "BI"),
		x837CUR(),
	}, children...)...)
}

// x837BillingProviderName is loop 2010AA of the professional and dental
// guides, where the billing provider may be a person (the institutional
// guide writes its own: an organization).
func x837BillingProviderName() *Loop {
	return loop("2010AA", "Billing Provider Name", R, 1,
		x837ProviderNM1("Billing Provider Name", []string{"85"}, "1", "2"),
		n3Seg("Billing Provider Address", R),
		n4Seg("Billing Provider City, State, ZIP Code", R),
		refSeg("Billing Provider Tax Identification", R, 1, "EI", "SY"),
		refSeg("Billing Provider UPIN/License Information", S, 2, "0B", "1G"),
		x837PER("Billing Provider Contact Information", S, 2),
	)
}

// x837Subscriber is loop 2000B: its HL, then the guide's children.
func x837Subscriber(children ...Node) *Loop {
	return loop("2000B", "Subscriber Hierarchical Level", R, Many, append([]Node{
		hlSeg("Subscriber Hierarchical Level", "22", R, R, "0", "1"),
	}, children...)...)
}

// x837Patient is loop 2000C, the patient who is not the subscriber: its
// HL, then the guide's children.
func x837Patient(children ...Node) *Loop {
	return loop("2000C", "Patient Hierarchical Level", S, Many, append([]Node{
		hlSeg("Patient Hierarchical Level", "23", R, R, "0"),
	}, children...)...)
}

// x837PayToAddress is loop 2010AB; entityTypes are NM102's codes.
func x837PayToAddress(entityTypes ...string) *Loop {
	return loop("2010AB", "Pay-to Address Name", S, 1,
		nm1Seg("Pay-to Address Name", R, 1, []string{"87"}, entityTypes, nameParts{}),
		n3Seg("Pay-to Address - ADDRESS", R),
		n4Seg("Pay-To Address City, State, ZIP Code", R),
	)
}

// x837PayToPlan is loop 2010AC.
func x837PayToPlan() *Loop {
	return loop("2010AC", "Pay-To Plan Name", S, 1,
		nm1Seg("Pay-To Plan Name", R, 1, []string{"PE"}, []string{"2"},
			nameParts{Last: R, IDQualifiers: []string{"PI", "XV"}, ID: R}),
		n3Seg("Pay-to Plan Address", R),
		n4Seg("Pay-To Plan City, State, ZIP Code", R),
		refSeg("Pay-to Plan Secondary Identification", S, 1, "2U", "FY", "NF"),
		refSeg("Pay-To Plan Tax Identification Number", R, 1, "EI"),
	)
}

// x837SBR is the subscriber's (2000B) or another subscriber's (2320)
// payer responsibility: relationship is SBR02, policy and group name
// SBR03/SBR04, and insuranceTypes SBR05's codes (none: not used).
func x837SBR(name string, relationship Element, policy, group string, insuranceTypes ...string) *Segment {
	insurance := unused(1336, "Insurance Type Code")
	if len(insuranceTypes) > 0 {
		insurance = elem(1336, "Insurance Type Code", S, ID, 1, 3, insuranceTypes...)
	}
	return seg("SBR", name, R, 1,
		elem(1138, "Payer Responsibility Sequence Number Code", R, ID, 1, 1, x837PayerSequence...),
		relationship,
		elem(127, policy, S, AN, 1, 50),
		elem(93, group, S, AN, 1, 60),
		insurance,
		unused(1143, "Coordination of Benefits Code"),
		unused(1073, "Yes/No Condition or Response Code"),
		unused(584, "Employment Status Code"),
		elem(1032, "Claim Filing Indicator Code", S, ID, 1, 2, x837ClaimFiling...),
	)
}

// x837SubscriberSBR is 2000B's SBR: the subscriber is the patient (18)
// or not.
func x837SubscriberSBR(insuranceTypes ...string) *Segment {
	return x837SBR("Subscriber Information", elem(1069, "Individual Relationship Code", S, ID, 2, 2, "18"),
		"Subscriber Group or Policy Number", "Subscriber Group Name", insuranceTypes...)
}

// x837OtherSubscriberSBR is 2320's SBR.
func x837OtherSubscriberSBR(insuranceTypes ...string) *Segment {
	return x837SBR("Other Subscriber Information",
		elem(1069, "Individual Relationship Code", R, ID, 2, 2, x837InsuredRelationships...),
		"Insured Group or Policy Number", "Other Insured Group Name", insuranceTypes...)
}

// x837SubscriberName is loop 2010BA; id is the usage of the member ID
// (NM108/NM109), more the segments a guide adds at its end.
func x837SubscriberName(id Usage, more ...Node) *Loop {
	return loop("2010BA", "Subscriber Name", R, 1, append([]Node{
		nm1Seg("Subscriber Name", R, 1, []string{"IL"}, []string{"1", "2"},
			nameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"II", "MI"}, ID: id}),
		n3Seg("Subscriber Address", S),
		n4Seg("Subscriber City, State, ZIP Code", S),
		x837DMG("Subscriber Demographic Information", S),
		refSeg("Subscriber Secondary Identification", S, 1, "SY"),
		refSeg("Property and Casualty Claim Number", S, 1, "Y4"),
	}, more...)...)
}

// x837PayerName is loop 2010BB; billingIDs is the maximum use of the
// billing provider's secondary identification.
func x837PayerName(billingIDs int) *Loop {
	return loop("2010BB", "Payer Name", R, 1,
		nm1Seg("Payer Name", R, 1, []string{"PR"}, []string{"2"},
			nameParts{Last: R, IDQualifiers: []string{"PI", "XV"}, ID: R}),
		n3Seg("Payer Address", S),
		n4Seg("Payer City, State, ZIP Code", S),
		refSeg("Payer Secondary Identification", S, 3, "2U", "EI", "FY", "NF"),
		refSeg("Billing Provider Secondary Identification", S, billingIDs, "G2", "LU"),
	)
}

// x837PatientName is loop 2010CA; more are the segments a guide adds at
// its end.
func x837PatientName(more ...Node) *Loop {
	return loop("2010CA", "Patient Name", R, 1, append([]Node{
		nm1Seg("Patient Name", R, 1, []string{"QC"}, []string{"1"},
			nameParts{Last: R, First: S, Middle: S, Suffix: S}),
		n3Seg("Patient Address", R),
		n4Seg("Patient City, State, ZIP Code", R),
		x837DMG("Patient Demographic Information", R),
		refSeg("Property and Casualty Claim Number", S, 1, "Y4"),
		refSeg("Property and Casualty Patient Identifier", S, 1, "1W", "SY"),
	}, more...)...)
}

// x837PAT is 2000C's patient information in the institutional and dental
// guides: the relationship to the subscriber alone.
func x837PAT() *Segment {
	return seg("PAT", "Patient Information", R, 1,
		elem(1069, "Individual Relationship Code", R, ID, 2, 2, x837PatientRelationships...),
		unused(1384, "Patient Location Code"),
		unused(584, "Employment Status Code"),
		unused(1220, "Student Status Code"),
		unused(1250, "Date Time Period Format Qualifier"),
		unused(1251, "Date Time Period"),
		unused(355, "Unit or Basis for Measurement Code"),
		unused(81, "Weight"),
		unused(1073, "Yes/No Condition or Response Code"),
	).syntax("P0506", "P0708")
}

// x837DMG is a birth date and gender, with all of DMG's syntax notes.
func x837DMG(name string, usage Usage) *Segment {
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

// x837ProviderNM1 is a provider who may be a person: last (or
// organization) name required, first, middle and suffix when a person, NPI
// (XX) when the provider has one.
func x837ProviderNM1(name string, entity []string, entityTypes ...string) *Segment {
	return nm1Seg(name, R, 1, entity, entityTypes,
		nameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"XX"}, ID: S})
}

// x837FacilityNM1 is the service facility (2310, 2420 loops): an
// organization with an NPI when it has one.
func x837FacilityNM1() *Segment {
	return nm1Seg("Service Facility Location Name", R, 1, []string{"77"}, []string{"2"},
		nameParts{Last: R, IDQualifiers: []string{"XX"}, ID: S})
}

// x837Facility is a service facility loop: name and address, then more:
// its identifiers (a 2310 REF or a 2420 line REF) and any contact.
func x837Facility(id string, more ...Node) *Loop {
	return loop(id, "Service Facility Location Name", S, 1, append([]Node{
		x837FacilityNM1(),
		n3Seg("Service Facility Location Address", R),
		n4Seg("Service Facility Location City, State, ZIP Code", R),
	}, more...)...)
}

// x837OtherPayerProvider is a 2330C-I loop: the entity code alone in NM1,
// then the identifiers the other payer knows the provider by.
func x837OtherPayerProvider(id, name string, max int, entity, entityTypes []string, refName string, refMax int, qualifiers ...string) *Loop {
	return loop(id, name, S, max,
		nm1Seg(name, R, 1, entity, entityTypes, nameParts{}),
		refSeg(refName, R, refMax, qualifiers...),
	)
}

// x837LineREF is a 2400 or 2420 REF that may name, in REF04, the
// non-destination payer the identifier belongs to.
func x837LineREF(name string, max int, qualifiers ...string) *Segment {
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

// x837PWK is a paperwork (attachment) notice with the report types
// (PWK01) the guide allows.
func x837PWK(name string, reportTypes ...string) *Segment {
	return seg("PWK", name, S, 10,
		elem(755, "Attachment Report Type Code", R, ID, 2, 2, reportTypes...),
		elem(756, "Attachment Transmission Code", R, ID, 1, 2, x837AttachmentTransmitted...),
		unused(757, "Report Copies Needed"),
		unused(98, "Entity Identifier Code"),
		elem(66, "Identification Code Qualifier", S, ID, 1, 2, "AC"),
		elem(67, "Attachment Control Number", S, AN, 2, 80),
		unused(352, "Description"),
		unusedComposite("C002", "Actions Indicated"),
		unused(1525, "Request Category Code"),
	).syntax("P0506")
}

// x837CN1 is contract information, at the claim (2300) or the line (2400).
func x837CN1() *Segment {
	return seg("CN1", "Contract Information", S, 1,
		elem(1166, "Contract Type Code", R, ID, 2, 2, "01", "02", "03", "04", "05", "06", "09"),
		elem(782, "Contract Amount", S, R_, 1, 18),
		elem(332, "Contract Percentage", S, R_, 1, 6),
		elem(127, "Contract Code", S, AN, 1, 50),
		elem(338, "Terms Discount Percentage", S, R_, 1, 6),
		elem(799, "Contract Version Identifier", S, AN, 1, 30),
	)
}

// x837K3 is fixed-format file information.
func x837K3() *Segment {
	return seg("K3", "File Information", S, 10,
		elem(449, "Fixed Format Information", R, AN, 1, 80),
		unused(1333, "Record Format Code"),
		unusedComposite("C001", "Composite Unit of Measure"),
	)
}

// x837Procedure is the C003 of a service line (SV1, SV2, SV3) or its
// adjudication (SVD03): a procedure code of the qualifiers' code sets with
// up to four modifiers and a description.
func x837Procedure(name string, usage Usage, qualifiers ...string) Element {
	return composite("C003", name, usage,
		elem(235, "Product or Service ID Qualifier", R, ID, 2, 2, qualifiers...),
		elem(234, "Procedure Code", R, AN, 1, 48),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(1339, "Procedure Modifier", S, AN, 2, 2),
		elem(352, "Description", S, AN, 1, 80),
		unused(234, "Product/Service ID"),
	)
}

// x837CAS is a claim or line adjustment: a group code and up to six
// reason/amount/quantity triples.
func x837CAS(name string) *Segment {
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

// x837OI is 2320's other insurance coverage; signatureSource is OI04's
// usage (the professional guide allows P).
func x837OI(signatureSource Usage) *Segment {
	source := unused(1351, "Patient Signature Source Code")
	if signatureSource != N {
		source = elem(1351, "Patient Signature Source Code", signatureSource, ID, 1, 1, "P")
	}
	return seg("OI", "Other Insurance Coverage Information", R, 1,
		unused(1032, "Claim Filing Indicator Code"),
		unused(1383, "Claim Submission Reason Code"),
		elem(1073, "Benefits Assignment Certification Indicator", R, ID, 1, 1, "N", "W", "Y"),
		source,
		unused(1360, "Provider Agreement Code"),
		elem(1363, "Release of Information Code", R, ID, 1, 1, "I", "Y"),
	)
}

// x837MOA is 2320's outpatient adjudication.
func x837MOA() *Segment {
	return seg("MOA", "Outpatient Adjudication Information", S, 1,
		elem(954, "Reimbursement Rate", S, R_, 1, 10),
		elem(782, "HCPCS Payable Amount", S, R_, 1, 18),
		elem(127, "Claim Payment Remark Code", S, AN, 1, 50),
		elem(127, "Claim Payment Remark Code", S, AN, 1, 50),
		elem(127, "Claim Payment Remark Code", S, AN, 1, 50),
		elem(127, "Claim Payment Remark Code", S, AN, 1, 50),
		elem(127, "Claim Payment Remark Code", S, AN, 1, 50),
		elem(782, "End Stage Renal Disease Payment Amount", S, R_, 1, 18),
		elem(782, "Non-Payable Professional Component Billed Amount", S, R_, 1, 18),
	)
}

// x837OtherSubscriberName is loop 2330A; ids is the maximum use of the
// secondary identification.
func x837OtherSubscriberName(ids int) *Loop {
	return loop("2330A", "Other Subscriber Name", R, 1,
		nm1Seg("Other Subscriber Name", R, 1, []string{"IL"}, []string{"1", "2"},
			nameParts{Last: R, First: S, Middle: S, Suffix: S, IDQualifiers: []string{"II", "MI"}, ID: R}),
		n3Seg("Other Subscriber Address", S),
		n4Seg("Other Subscriber City, State, ZIP Code", S),
		refSeg("Other Subscriber Secondary Identification", S, ids, "SY"),
	)
}

// x837OtherPayerName is loop 2330B; adjustment is its claim adjustment
// indicator REF (T4), refs the other REFs a guide adds before the claim
// control number.
func x837OtherPayerName(adjustment *Segment, refs ...Node) *Loop {
	children := []Node{
		nm1Seg("Other Payer Name", R, 1, []string{"PR"}, []string{"2"},
			nameParts{Last: R, IDQualifiers: []string{"PI", "XV"}, ID: R}),
		n3Seg("Other Payer Address", S),
		n4Seg("Other Payer City, State, ZIP Code", S),
		dtpSeg("Claim Check or Remittance Date", S, 1, []string{"573"}, "D8"),
		refSeg("Other Payer Secondary Identifier", S, 2, "2U", "EI", "FY", "NF"),
		refSeg("Other Payer Prior Authorization Number", S, 1, "G1"),
		refSeg("Other Payer Referral Number", S, 1, "9F"),
		adjustment,
	}
	children = append(children, refs...)
	children = append(children, refSeg("Other Payer Claim Control Number", S, 1, "F8"))
	return loop("2330B", "Other Payer Name", R, 1, children...)
}

// x837LX is the service line number that starts loop 2400.
func x837LX() *Segment {
	return seg("LX", "Service Line Number", R, 1,
		elem(554, "Assigned Number", R, N0, 1, 6),
	)
}

// x837Drug is loop 2410, the drug of a service line: lin names it (LIN),
// CTP gives its quantity.
func x837Drug(lin *Segment) *Loop {
	ctp := []Element{
		unused(687, "Class of Trade Code"),
		unused(236, "Price Identifier Code"),
		unused(212, "Unit Price"),
		elem(380, "National Drug Unit Count", R, R_, 1, 15),
	}
	unit := []Element{elem(355, "Code Qualifier", R, ID, 2, 2, "F2", "GR", "ME", "ML", "UN"), unused(1018, "Exponent"), unused(649, "Multiplier")}
	for range 4 {
		unit = append(unit, unused(355, "Unit or Basis for Measurement Code"), unused(1018, "Exponent"), unused(649, "Multiplier"))
	}
	ctp = append(ctp, composite("C001", "Composite Unit of Measure", R, unit...),
		unused(648, "Price Multiplier Qualifier"),
		unused(649, "Multiplier"),
		unused(782, "Monetary Amount"),
		unused(639, "Basis of Unit Price Code"),
		unused(499, "Condition Value"),
		unused(289, "Multiple Price Quantity"),
	)
	return loop("2410", "Drug Identification", S, 1,
		lin,
		seg("CTP", "Drug Quantity", R, 1, ctp...).syntax("P0405", "C0607", "C0902", "C1002", "C1103"),
		refSeg("Prescription or Compound Drug Association Number", S, 1, "VY", "XZ"),
	)
}

// x837LIN is the drug identification: LIN02/LIN03 only (the qualifiers and
// the name of the code), the other fourteen qualifier/ID pairs not used.
func x837LIN(codeName string, qualifiers ...string) *Segment {
	elems := []Element{
		unused(350, "Assigned Identification"),
		elem(235, "Product or Service ID Qualifier", R, ID, 2, 2, qualifiers...),
		elem(234, codeName, R, AN, 1, 48),
	}
	rules := make([]string, 0, 14)
	for p := 4; p < 32; p += 2 {
		elems = append(elems, unused(235, "Product/Service ID Qualifier"), unused(234, "Product/Service ID"))
		rules = append(rules, "P"+twoDigits(p)+twoDigits(p+1))
	}
	return seg("LIN", "Drug Identification", R, 1, elems...).syntax(rules...)
}

// x837LineAdjudication is loop 2430: another payer's adjudication of the
// line (svd), its adjustments and date.
func x837LineAdjudication(svd *Segment) *Loop {
	return loop("2430", "Line Adjudication Information", S, 15,
		svd,
		x837CAS("Line Adjustment"),
		dtpSeg("Line Check or Remittance Date", R, 1, []string{"573"}, "D8"),
		amtSeg("Remaining Patient Liability", S, 1, "EAF"),
	)
}

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// x837CLM is the claim: CLM01-CLM05 (facility names CLM05-1, qualifier
// is CLM05-2's code), the guide's CLM06-CLM12 (middle), CLM13-CLM18 not
// used, the guide's CLM19 (reason) and the delay reason.
func x837CLM(facility, qualifier string, middle []Element, reason Element) *Segment {
	elems := []Element{
		elem(1028, "Patient Control Number", R, AN, 1, 38),
		elem(782, "Total Claim Charge Amount", R, R_, 1, 18),
		unused(1032, "Claim Filing Indicator Code"),
		unused(1343, "Non-Institutional Claim Type Code"),
		composite("C023", "Health Care Service Location Information", R,
			elem(1331, facility, R, AN, 1, 2),
			elem(1332, "Facility Code Qualifier", R, ID, 1, 2, qualifier),
			elem(1325, "Claim Frequency Code", R, ID, 1, 1),
		),
	}
	elems = append(elems, middle...)
	elems = append(elems,
		unused(1073, "Yes/No Condition or Response Code"),
		unused(1338, "Level of Service Code"),
		unused(1073, "Yes/No Condition or Response Code"),
		unused(1360, "Provider Agreement Code"),
		unused(1029, "Claim Status Code"),
		unused(1073, "Yes/No Condition or Response Code"),
		reason,
		elem(1514, "Delay Reason Code", S, ID, 1, 2, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "15"),
	)
	return seg("CLM", "Claim Information", R, 1, elems...)
}

// x837RelatedCauses is CLM11 in the professional and dental guides: up to
// two related causes (accident, employment) and the auto accident's state
// and country.
func x837RelatedCauses() Element {
	return composite("C024", "Related Causes Information", S,
		elem(1362, "Related Causes Code", R, ID, 2, 3, "AA", "EM", "OA"),
		elem(1362, "Related Causes Code", S, ID, 2, 3, "AA", "EM", "OA"),
		unused(1362, "Related-Causes Code"),
		elem(156, "Auto Accident State or Province Code", S, ID, 2, 2),
		elem(26, "Country Code", S, ID, 2, 3),
	)
}

// x837HI is a 2300 HI segment: HI01 required, HI02 up to HI<used>
// situational, the rest of the twelve not used. code builds each C022
// for its usage.
func x837HI(name string, usage Usage, max, used int, code func(Usage) Element) *Segment {
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

// x837CodeOnly builds the C022s of an HI whose codes carry no date, amount
// or present-on-admission indicator (the professional and dental guides):
// HI01 takes the first qualifiers, the others the rest; qualifierName and
// codeName name the qualifier and the code.
func x837CodeOnly(qualifierName, codeName string, first, rest []string) func(Usage) Element {
	return func(usage Usage) Element {
		qualifiers := rest
		if usage == R {
			qualifiers = first
		}
		return composite("C022", "Health Care Code Information", usage,
			elem(1270, qualifierName, R, ID, 1, 3, qualifiers...),
			elem(1271, codeName, R, AN, 1, 30),
			unused(1250, "Date Time Period Format Qualifier"),
			unused(1251, "Date Time Period"),
			unused(782, "Monetary Amount"),
			unused(380, "Quantity"),
			unused(799, "Version Identifier"),
			unused(1271, "Industry Code"),
			unused(1073, "Yes/No Condition or Response Code"),
		)
	}
}

// x837HCP is claim (2300) pricing in the professional and dental guides,
// or line (2400) pricing when line gives HCP09-HCP12 (the repriced
// procedure qualifier, code, unit and count): only the line form allows
// pricing methodology 06 and a repriced procedure.
func x837HCP(name string, line ...Element) *Segment {
	methods := []string{"00", "01", "02", "03", "04", "05", "07", "08", "09", "10", "11", "12", "13", "14"}
	procedure := []Element{
		unused(235, "Product/Service ID Qualifier"), unused(234, "Product/Service ID"),
		unused(355, "Unit or Basis for Measurement Code"), unused(380, "Quantity"),
	}
	if len(line) > 0 {
		methods = []string{"00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14"}
		procedure = line
	}
	elems := []Element{
		elem(1473, "Pricing Methodology", R, ID, 2, 2, methods...),
		elem(782, "Repriced Allowed Amount", R, R_, 1, 18),
		elem(782, "Repriced Saving Amount", S, R_, 1, 18),
		elem(127, "Repricing Organization Identifier", S, AN, 1, 50),
		elem(118, "Repricing Per Diem or Flat Rate Amount", S, R_, 1, 9),
		elem(127, "Repriced Approved Ambulatory Patient Group Code", S, AN, 1, 50),
		elem(782, "Repriced Approved Ambulatory Patient Group Amount", S, R_, 1, 18),
		unused(234, "Product/Service ID"),
	}
	elems = append(elems, procedure...)
	elems = append(elems,
		elem(901, "Reject Reason Code", S, ID, 2, 2, "T1", "T2", "T3", "T4", "T5", "T6"),
		elem(1526, "Policy Compliance Code", S, ID, 1, 2, "1", "2", "3", "4", "5"),
		elem(1527, "Exception Code", S, ID, 1, 2, "1", "2", "3", "4", "5", "6"),
	)
	return seg("HCP", name, S, 1, elems...).syntax("R0113", "P0910", "P1112")
}
