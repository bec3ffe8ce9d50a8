package mapping

import (
	"fmt"

	"github.com/edigw/edigw"
)

// The claim lifecycle's rules on one claim (decision 0019). They are the
// guide's situational rules, checked here rather than by the guide engine
// because they reject one claim (277CA A7 at the element), not the set.
const (
	stcPayerClaimNumber = "A7:464" // payer assigned claim control number
	stcLineControl      = "A7:584" // line item control number
)

// lifecycleIssues checks that a replacement (CLM05-3 7) or void (8) names
// the claim it replaces or voids by the payer's claim control number
// (REF*F8: without it, it could only be matched by the provider's own
// number, which the provider may reuse), and that no two lines of a claim
// share a line item control number (REF*6R: the 835 pays a line by it).
func lifecycleIssues(c *edigw.Claim, at *claimSpots) []*Issue {
	var out []*Issue
	pcn := c.PatientControlNumber
	if (c.FrequencyCode == "7" || c.FrequencyCode == "8") && c.PayerClaimNumber == "" {
		is := issueAt(at.claim, 5, "replacement-reference", 7, pcn, 0, "payerClaimNumber", stcPayerClaimNumber,
			"a replacement or void claim (CLM05-3 7 or 8) needs the original's payer claim control number (REF*F8)")
		is.Err.Component = 3
		out = append(out, is)
	}
	// A claim of a few lines is searched line by line, a longer one
	// through a map made at its first line with a control number.
	scan := len(c.Lines) <= 64
	var seen map[string]int
	for i, l := range c.Lines {
		if l.LineItemControlNumber == "" {
			continue
		}
		first, dup := 0, false
		if scan {
			first, dup = firstLineWith(c.Lines[:i], l.LineItemControlNumber)
		} else {
			first, dup = seen[l.LineItemControlNumber]
		}
		if dup {
			where := at.claim
			if i < len(at.lines) {
				where = at.lines[i]
			}
			out = append(out, issueAt(where, 0, "line-control-number", 7, pcn, l.Number, fmt.Sprintf("lines[%d].lineItemControlNumber", i),
				stcLineControl, "the line item control number (REF*6R) repeats that of line %d of the claim", first))
			continue
		}
		if scan {
			continue
		}
		if seen == nil {
			seen = make(map[string]int, len(c.Lines)-i)
		}
		seen[l.LineItemControlNumber] = l.Number
	}
	return out
}

// firstLineWith is the number of the first of lines with line item
// control number n.
func firstLineWith(lines []edigw.ServiceLine, n string) (int, bool) {
	for _, l := range lines {
		if l.LineItemControlNumber == n {
			return l.Number, true
		}
	}
	return 0, false
}
