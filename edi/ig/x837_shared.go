package ig

// What the three 837 guides (X222A1 professional, X223A2 institutional,
// X224A2 dental) write alike in their header and hierarchical levels: the
// submitter and receiver, billing provider, subscriber, payer and patient,
// the providers named in a claim, and the code lists they share
// (x837_claim.go holds what they share in the claim and its lines). A
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
	x837PatientRelationships = []string{"01", "19", "20", "21", "39", "40", "53", "G8"}
	x837InsuredRelationships = []string{"01", "18", "19", "20", "21", "39", "40", "53", "G8"}
	x837ProviderIDs          = []string{"0B", "1G", "G2", "LU"} // provider secondary identifiers (REF01)
	x837ReferringIDs         = []string{"0B", "1G", "G2"}
	x837FacilityIDs          = []string{"0B", "G2", "LU"}
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
