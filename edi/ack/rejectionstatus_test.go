package ack

import (
	"strings"
	"testing"

	"github.com/edigw/edigw/edi"
)

// RejectionStatus says what rejection writes in the first STC01.
func TestRejectionStatusIsWhatTheCAWrites(t *testing.T) {
	guide := &edi.Error{SegmentID: "CLM", Element: 2}
	rule := &edi.Error{SegmentID: "NM1", Element: 9, Code: edi.Code{Kind: edi.STC, Value: "A7:562:85"}}
	for _, errs := range [][]*edi.Error{{guide}, {rule}, {rule, guide}, {guide, rule}} {
		c := &Claim{Errors: errs}
		if want := strings.Join(rejection(errs)[0], ":"); c.RejectionStatus() != want {
			t.Errorf("RejectionStatus() = %q, rejection writes %q", c.RejectionStatus(), want)
		}
	}
	if s := (&Claim{}).RejectionStatus(); s != "" {
		t.Errorf("accepted claim: RejectionStatus() = %q", s)
	}
}
