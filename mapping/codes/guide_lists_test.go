package codes

import (
	"slices"
	"testing"

	"github.com/edigw/edigw/edi/ig"
)

// TestClaimStatusListsMatchGuide keeps the 277CA guide's claim status code
// lists (edi/ig, which validates with them and imports nothing of mapping)
// and these lists (which describe the codes) the same: a code added to one
// must be added to the other (decisions/0020).
func TestClaimStatusListsMatchGuide(t *testing.T) {
	for _, c := range []struct {
		ours  *List
		guide *ig.CodeList
	}{
		{ClaimStatusCategory, ig.ClaimStatusCategoryCodes},
		{ClaimStatusCode, ig.ClaimStatusCodes},
	} {
		var ours []string
		for _, code := range c.ours.Codes() {
			ours = append(ours, code.Value)
		}
		slices.Sort(ours)
		if got := c.guide.Codes(); !slices.Equal(ours, got) {
			t.Errorf("%s and the guide's %s list differ:\nmapping/codes %v\nedi/ig        %v", c.ours.Name(), c.guide.Name, ours, got)
		}
	}
}

// TestServiceTypeListMatchesGuide keeps X279A1's service type codes (EQ01,
// EB03; edi/ig) and ServiceType (which describes them) the same.
func TestServiceTypeListMatchesGuide(t *testing.T) {
	var ours []string
	for _, code := range ServiceType.Codes() {
		ours = append(ours, code.Value)
	}
	slices.Sort(ours)
	if got := ig.ServiceTypeCodes.Codes(); !slices.Equal(ours, got) {
		t.Errorf("ServiceType and the guide's list differ:\nmapping/codes %v\nedi/ig        %v", ours, got)
	}
}
