package ig

// TA1Segment is the interchange acknowledgment. It lives directly in an
// interchange, between ISA and IEA, outside any functional group or set, so
// it is no guide: check it with CheckSegment.
var TA1Segment = withCodeSets(seg("TA1", "Interchange Acknowledgment", R, 1,
	ta1E("I12", "Interchange Control Number", N0, 9, 9),
	ta1E("I08", "Interchange Date", DT, 6, 6),
	ta1E("I09", "Interchange Time", TM, 4, 4),
	ta1E("I17", "Interchange Acknowledgment Code", ID, 1, 1, "A", "E", "R"),
	ta1E("I18", "Interchange Note Code", ID, 3, 3,
		"000", "001", "002", "003", "004", "005", "006", "007", "008", "009",
		"010", "011", "012", "013", "014", "015", "016", "017", "018", "019",
		"020", "021", "022", "023", "024", "025", "026", "027", "028", "029",
		"030", "031"),
))

// ta1E is a required interchange control element; their reference numbers
// (I12 ...) are not numbers, so elem cannot make them.
func ta1E(ref, name string, typ Type, min, max int, codes ...string) Element {
	return Element{Ref: ref, Name: name, Usage: R, Type: typ, Min: min, Max: max, Codes: codes}
}

// withCodeSets prepares a segment no guide holds, as a registry prepares
// its guides' segments: its code sets, and the position of its last
// required element (without it the element check stops at the segment's
// end, and a TA1 cut short after TA104 would pass).
func withCodeSets(s *Segment) *Segment {
	for i := range s.Elements {
		indexCodes(&s.Elements[i])
		if s.Elements[i].Usage == Required || len(s.Elements[i].Parts) > 0 {
			s.lastRequired = i + 1
		}
	}
	return s
}
