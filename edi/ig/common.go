package ig

// Segments whose shape is the same in every 5010 guide. Guides call these
// with their own names, usage and codes; a segment that differs in a guide
// is written out in that guide's file instead.

// stSeg is the transaction set header of a guide.
func stSeg(set, version string) *Segment {
	return seg("ST", "Transaction Set Header", R, 1,
		elem(143, "Transaction Set Identifier Code", R, ID, 3, 3, set),
		elem(329, "Transaction Set Control Number", R, AN, 4, 9),
		elem(1705, "Implementation Convention Reference", R, AN, 1, 35, version),
	)
}

// seSeg is the transaction set trailer.
func seSeg() *Segment {
	return seg("SE", "Transaction Set Trailer", R, 1,
		elem(96, "Number of Included Segments", R, N0, 1, 10),
		elem(329, "Transaction Set Control Number", R, AN, 4, 9),
	)
}

// hlSeg is a hierarchical level with its level code (HL03) and the child
// codes (HL04) the guide allows; parent says whether HL02 is used.
func hlSeg(name string, level string, parent Usage, child Usage, childCodes ...string) *Segment {
	return seg("HL", name, R, 1,
		elem(628, "Hierarchical ID Number", R, AN, 1, 12),
		elem(734, "Hierarchical Parent ID Number", parent, AN, 1, 12),
		elem(735, "Hierarchical Level Code", R, ID, 1, 2, level),
		elem(736, "Hierarchical Child Code", child, ID, 1, 1, childCodes...),
	)
}

// nameParts says which NM1 name and ID elements a guide uses for one entity.
type nameParts struct {
	Last, First, Middle, Prefix, Suffix Usage
	IDQualifiers                        []string // NM108 codes; none = NM108/NM109 not used
	ID                                  Usage    // NM108/NM109 usage when qualifiers are given
}

// nm1Seg is an individual or organizational name.
func nm1Seg(name string, usage Usage, max int, entity []string, entityType []string, p nameParts) *Segment {
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
	return seg("NM1", name, usage, max,
		elem(98, "Entity Identifier Code", R, ID, 2, 3, entity...),
		elem(1065, "Entity Type Qualifier", R, ID, 1, 1, entityType...),
		elem(1035, "Name Last or Organization Name", or(p.Last), AN, 1, 60),
		elem(1036, "Name First", or(p.First), AN, 1, 35),
		elem(1037, "Name Middle", or(p.Middle), AN, 1, 25),
		elem(1038, "Name Prefix", or(p.Prefix), AN, 1, 10),
		elem(1039, "Name Suffix", or(p.Suffix), AN, 1, 10),
		elem(66, "Identification Code Qualifier", idUse, ID, 1, 2, p.IDQualifiers...),
		elem(67, "Identification Code", idUse, AN, 2, 80),
		unused(706, "Entity Relationship Code"),
		unused(98, "Entity Identifier Code"),
		unused(1035, "Name Last or Organization Name"),
	).syntax("P0809", "C1110", "C1203")
}

// n3Seg is an address line (and an optional second).
func n3Seg(name string, usage Usage) *Segment {
	return seg("N3", name, usage, 1,
		elem(166, "Address Information", R, AN, 1, 55),
		elem(166, "Address Information", S, AN, 1, 55),
	)
}

// n4Seg is city, state and ZIP code. The state or province and the
// country come from their code lists (codelist_places.go).
func n4Seg(name string, usage Usage) *Segment {
	return seg("N4", name, usage, 1,
		elem(19, "City Name", R, AN, 2, 30),
		elem(156, "State or Province Code", S, ID, 2, 2).from(StateCodes),
		elem(116, "Postal Code", S, ID, 3, 15),
		elem(26, "Country Code", S, ID, 2, 3).from(CountryCodes),
		unused(309, "Location Qualifier"),
		unused(310, "Location Identifier"),
		elem(1715, "Country Subdivision Code", S, ID, 1, 3),
	).syntax("E0207", "C0605", "C0704")
}

// perSeg is a contact with up to three communication numbers.
func perSeg(name string, usage Usage, max int, function []string, nameUsage Usage) *Segment {
	comm := []string{"EM", "EX", "FX", "TE", "UR"}
	return seg("PER", name, usage, max,
		elem(366, "Contact Function Code", R, ID, 2, 2, function...),
		elem(93, "Name", nameUsage, AN, 1, 60),
		elem(365, "Communication Number Qualifier", S, ID, 2, 2, comm...),
		elem(364, "Communication Number", S, AN, 1, 256),
		elem(365, "Communication Number Qualifier", S, ID, 2, 2, comm...),
		elem(364, "Communication Number", S, AN, 1, 256),
		elem(365, "Communication Number Qualifier", S, ID, 2, 2, comm...),
		elem(364, "Communication Number", S, AN, 1, 256),
		unused(443, "Contact Inquiry Reference"),
	).syntax("P0304", "P0506", "P0708")
}

// refSeg is a reference identification with the qualifiers (REF01) the
// guide allows at this place.
func refSeg(name string, usage Usage, max int, qualifiers ...string) *Segment {
	return seg("REF", name, usage, max,
		elem(128, "Reference Identification Qualifier", R, ID, 2, 3, qualifiers...),
		elem(127, "Reference Identification", R, AN, 1, 50),
		unused(352, "Description"),
		unusedComposite("C040", "Reference Identifier"),
	).syntax("R0203")
}

// dtpSeg is a date or period with its qualifiers (DTP01) and formats (DTP02).
func dtpSeg(name string, usage Usage, max int, qualifiers []string, formats ...string) *Segment {
	return seg("DTP", name, usage, max,
		elem(374, "Date/Time Qualifier", R, ID, 3, 3, qualifiers...),
		elem(1250, "Date Time Period Format Qualifier", R, ID, 2, 3, formats...),
		elem(1251, "Date Time Period", R, AN, 1, 35).date(2),
	)
}

// amtSeg is a monetary amount with its qualifiers (AMT01).
func amtSeg(name string, usage Usage, max int, qualifiers ...string) *Segment {
	return seg("AMT", name, usage, max,
		elem(522, "Amount Qualifier Code", R, ID, 1, 3, qualifiers...),
		elem(782, "Monetary Amount", R, R_, 1, 18),
		unused(478, "Credit/Debit Flag Code"),
	)
}
