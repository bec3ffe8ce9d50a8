package ig

// What the three 837 guides write alike in the claim (2300) and its
// service lines (2400): the claim's common elements, diagnosis and pricing
// segments, attachments, other-payer adjudication (2320-2330B, 2430) and
// drug identification (2410). Like x837_shared.go, each call builds new
// nodes.

// Code lists of the claim and its lines.
var (
	x837AttachmentTransmitted = []string{"AA", "BM", "EL", "EM", "FT", "FX"}
	// x837ReportTypes are PWK01's codes in the professional and
	// institutional guides (the dental one has its own).
	x837ReportTypes = []string{"03", "04", "05", "06", "07", "08", "09", "10", "11", "13", "15", "21",
		"A3", "A4", "AM", "AS", "B2", "B3", "B4", "BR", "BS", "BT", "CB", "CK", "CT", "D2", "DA", "DB",
		"DG", "DJ", "DS", "EB", "HC", "HR", "I5", "IR", "LA", "M1", "MT", "NN", "OB", "OC", "OD", "OE",
		"OX", "OZ", "P4", "P5", "PE", "PN", "PO", "PQ", "PY", "PZ", "RB", "RR", "RT", "RX", "SG", "V5", "XP"}
)

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
		elem(156, "Auto Accident State or Province Code", S, ID, 2, 2).from(StateCodes),
		elem(26, "Country Code", S, ID, 2, 3).from(CountryCodes),
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

// x837OtherPayerProvider is a 2330C-I loop: the entity code alone in NM1,
// then the identifiers the other payer knows the provider by.
func x837OtherPayerProvider(id, name string, max int, entity, entityTypes []string, refName string, refMax int, qualifiers ...string) *Loop {
	return loop(id, name, S, max,
		nm1Seg(name, R, 1, entity, entityTypes, nameParts{}),
		refSeg(refName, R, refMax, qualifiers...),
	)
}

// x837LX is the service line number that starts loop 2400.
func x837LX() *Segment {
	return seg("LX", "Service Line Number", R, 1,
		elem(554, "Assigned Number", R, N0, 1, 6),
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

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

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
