package codes

// RARC is the remittance advice remark code list (X12 external code source
// 411), carried in LQ02 (line) and MIA/MOA (claim) of the 835 to explain a
// CARC further. "Alert:" codes are informational and adjust nothing. The
// values are the list X12 publishes (M1-M144, MA01-MA134, N1-N940, with
// gaps); retired codes are kept and marked.
var RARC = newList("RARC", joinCodes(rarcM, rarcMA, rarcN))

// joinCodes concatenates the parts of a list kept in separate files.
func joinCodes(parts ...[]Code) []Code {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]Code, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
