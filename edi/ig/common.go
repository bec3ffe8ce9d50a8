package ig

// Segments whose shape is the same in every 5010 guide. Guides call these
// with their own names, usage and codes; a segment that differs in a guide
// is written out in that guide's file instead.

// stSeg is the transaction set header of a guide.
func stSeg(set, version string) *Segment {
	return Seg("ST", "Transaction Set Header", R, 1,
		E(143, "Transaction Set Identifier Code", R, ID, 3, 3, set),
		E(329, "Transaction Set Control Number", R, AN, 4, 9),
		E(1705, "Implementation Convention Reference", R, AN, 1, 35, version),
	)
}

// seSeg is the transaction set trailer.
func seSeg() *Segment {
	return Seg("SE", "Transaction Set Trailer", R, 1,
		E(96, "Number of Included Segments", R, N0, 1, 10),
		E(329, "Transaction Set Control Number", R, AN, 4, 9),
	)
}

// hlSeg is a hierarchical level with its level code (HL03) and the child
// codes (HL04) the guide allows; parent says whether HL02 is used.
func hlSeg(name string, level string, parent Usage, child Usage, childCodes ...string) *Segment {
	return Seg("HL", name, R, 1,
		E(628, "Hierarchical ID Number", R, AN, 1, 12),
		E(734, "Hierarchical Parent ID Number", parent, AN, 1, 12),
		E(735, "Hierarchical Level Code", R, ID, 1, 2, level),
		E(736, "Hierarchical Child Code", child, ID, 1, 1, childCodes...),
	)
}

// NameParts says which NM1 name and ID elements a guide uses for one entity.
type NameParts struct {
	Last, First, Middle, Prefix, Suffix Usage
	IDQualifiers                        []string // NM108 codes; none = NM108/NM109 not used
	ID                                  Usage    // NM108/NM109 usage when qualifiers are given
}

// nm1Seg is an individual or organizational name.
func nm1Seg(name string, usage Usage, max int, entity []string, entityType []string, p NameParts) *Segment {
	or := func(u Usage) Usage {
		if u == 0 {
			return N
		}
		return u
	}
	idUse := N
	if len(p.IDQualifiers) > 0 {
		idUse = or(p.ID)
	}
	return Seg("NM1", name, usage, max,
		E(98, "Entity Identifier Code", R, ID, 2, 3, entity...),
		E(1065, "Entity Type Qualifier", R, ID, 1, 1, entityType...),
		E(1035, "Name Last or Organization Name", or(p.Last), AN, 1, 60),
		E(1036, "Name First", or(p.First), AN, 1, 35),
		E(1037, "Name Middle", or(p.Middle), AN, 1, 25),
		E(1038, "Name Prefix", or(p.Prefix), AN, 1, 10),
		E(1039, "Name Suffix", or(p.Suffix), AN, 1, 10),
		E(66, "Identification Code Qualifier", idUse, ID, 1, 2, p.IDQualifiers...),
		E(67, "Identification Code", idUse, AN, 2, 80),
		X(706, "Entity Relationship Code"),
		X(98, "Entity Identifier Code"),
		X(1035, "Name Last or Organization Name"),
	).Syntax("P0809", "C1110", "C1203")
}

// n3Seg is an address line (and an optional second).
func n3Seg(name string, usage Usage) *Segment {
	return Seg("N3", name, usage, 1,
		E(166, "Address Information", R, AN, 1, 55),
		E(166, "Address Information", S, AN, 1, 55),
	)
}

// n4Seg is city, state and ZIP code.
func n4Seg(name string, usage Usage) *Segment {
	return Seg("N4", name, usage, 1,
		E(19, "City Name", R, AN, 2, 30),
		E(156, "State or Province Code", S, ID, 2, 2),
		E(116, "Postal Code", S, ID, 3, 15),
		E(26, "Country Code", S, ID, 2, 3),
		X(309, "Location Qualifier"),
		X(310, "Location Identifier"),
		E(1715, "Country Subdivision Code", S, ID, 1, 3),
	).Syntax("E0207", "C0605", "C0704")
}

// perSeg is a contact with up to three communication numbers.
func perSeg(name string, usage Usage, max int, function []string, nameUsage Usage) *Segment {
	comm := []string{"EM", "EX", "FX", "TE", "UR"}
	return Seg("PER", name, usage, max,
		E(366, "Contact Function Code", R, ID, 2, 2, function...),
		E(93, "Name", nameUsage, AN, 1, 60),
		E(365, "Communication Number Qualifier", S, ID, 2, 2, comm...),
		E(364, "Communication Number", S, AN, 1, 256),
		E(365, "Communication Number Qualifier", S, ID, 2, 2, comm...),
		E(364, "Communication Number", S, AN, 1, 256),
		E(365, "Communication Number Qualifier", S, ID, 2, 2, comm...),
		E(364, "Communication Number", S, AN, 1, 256),
		X(443, "Contact Inquiry Reference"),
	).Syntax("P0304", "P0506", "P0708")
}

// refSeg is a reference identification with the qualifiers (REF01) the
// guide allows at this place.
func refSeg(name string, usage Usage, max int, qualifiers ...string) *Segment {
	return Seg("REF", name, usage, max,
		E(128, "Reference Identification Qualifier", R, ID, 2, 3, qualifiers...),
		E(127, "Reference Identification", R, AN, 1, 50),
		X(352, "Description"),
		XC("C040", "Reference Identifier"),
	).Syntax("R0203")
}

// dtpSeg is a date or period with its qualifiers (DTP01) and formats (DTP02).
func dtpSeg(name string, usage Usage, max int, qualifiers []string, formats ...string) *Segment {
	return Seg("DTP", name, usage, max,
		E(374, "Date/Time Qualifier", R, ID, 3, 3, qualifiers...),
		E(1250, "Date Time Period Format Qualifier", R, ID, 2, 3, formats...),
		E(1251, "Date Time Period", R, AN, 1, 35).Date(2),
	)
}

// amtSeg is a monetary amount with its qualifiers (AMT01).
func amtSeg(name string, usage Usage, max int, qualifiers ...string) *Segment {
	return Seg("AMT", name, usage, max,
		E(522, "Amount Qualifier Code", R, ID, 1, 3, qualifiers...),
		E(782, "Monetary Amount", R, R_, 1, 18),
		X(478, "Credit/Debit Flag Code"),
	)
}
