package ig

import (
	"fmt"

	"github.com/edigw/edigw/edi"
)

// functionalGroupError checks a set against the functional group it came
// in: GS01, the functional identifier, names the family of sets a group
// holds (HC claims, HP payments, HI services review, HN claim status, FA
// acknowledgments), and each guide names the one its set belongs to. A set
// in the wrong group is answered as a set whose identifier is invalid there
// (IK502=6, "Missing or Invalid Transaction Set Identifier"): the set, not
// the group, is what the sender put in the wrong place, and the group's
// other sets keep their own answers. Nothing is said of a set outside any
// group (the envelope checker reports that), of one without a guide
// (already IK502=1 or I6), or of one in a group whose GS01 is no
// functional identifier at all (the whole group is already AK905=1).
func functionalGroupError(st *edi.Segment, g *Guide, gr *GroupResult) *edi.Error {
	if g == nil || gr == nil || gr.Header.FunctionalID == g.FunctionalID {
		return nil
	}
	for _, e := range gr.Errors {
		if e.Code == edi.GroupNotSupported {
			return nil
		}
	}
	return &edi.Error{Pos: st.Pos, SegmentID: "ST", Element: 1, Code: edi.SetInvalidIdentifier,
		Msg: fmt.Sprintf("transaction set %s (%s) belongs in a functional group whose GS01 is %s", g.SetID, g.Version, g.FunctionalID)}
}
