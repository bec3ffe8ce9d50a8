package ig

import (
	"fmt"
	"slices"

	"github.com/edigw/edigw/edi"
)

// OnlyWith is a situational rule a syntax note cannot say: the element at
// Element may be present only when one of the places Where (element and
// component positions) holds one of Codes. X214's 2200D and 2220D STC12
// rule is one: free text only with claim status code 448.
type OnlyWith struct {
	Element int      // 1-based position of the element the rule restricts
	Where   [][2]int // element and component positions (component 0: the whole element)
	Codes   []string // the codes that allow it
}

// onlyWith adds situational OnlyWith rules to a segment.
func (s *Segment) onlyWith(rules ...OnlyWith) *Segment {
	s.OnlyWith = append(s.OnlyWith, rules...)
	return s
}

// checkOnlyWith applies a segment's OnlyWith rules: an element present
// without its situation is IK403 I13 (implementation dependent "not used"
// data element present).
func (w *Walker) checkOnlyWith(seg *edi.Segment, def *Segment) {
	for _, r := range def.OnlyWith {
		v := seg.Element(r.Element)
		if len(v) == 0 || r.holds(seg) {
			continue
		}
		name := ""
		if r.Element <= len(def.Elements) {
			name = def.Elements[r.Element-1].Name + " "
		}
		w.ruleErr(seg, def, r.Element, edi.ElemDependentNotUsed,
			fmt.Sprintf("%s%02d %sis used only with code %v", def.ID, r.Element, name, r.Codes))
	}
}

// holds reports whether one of the rule's places holds one of its codes.
func (r *OnlyWith) holds(seg *edi.Segment) bool {
	comp := seg.Delimiters().Component
	for _, at := range r.Where {
		v := seg.Element(at[0])
		if at[1] > 0 {
			v = nthPart(v, comp, at[1])
		}
		if slices.Contains(r.Codes, string(v)) {
			return true
		}
	}
	return false
}
