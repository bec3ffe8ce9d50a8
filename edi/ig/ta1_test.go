package ig

import (
	"strings"
	"testing"

	"github.com/edigw/edigw/edi"
)

func TestTA1Segment(t *testing.T) {
	var refs []string
	for _, e := range TA1Segment.Elements {
		refs = append(refs, e.Ref+":"+e.Type.String())
	}
	if got := strings.Join(refs, " "); got != "I12:N0 I08:DT I09:TM I17:ID I18:ID" {
		t.Errorf("TA1 elements %s", got)
	}
	if c := TA1Segment.Elements[4].Codes; len(c) != 32 || c[0] != "000" || c[31] != "031" {
		t.Errorf("TA105 codes %v", c)
	}
	for in, want := range map[string]string{
		"TA1*000000050*200229*1200*A*000":   "",
		"TA1*000000100*030809*0823*R*024":   "",
		"TA1*000000100*030832*0823*X*032":   "IK403=7:TA104 IK403=7:TA105 IK403=8:TA102",
		"TA1*00000010*030809*2460*R*001":    "IK403=4:TA101 IK403=9:TA103",
		"TA1*000000100*030809*0823*R*001*Z": "IK403=3:TA106",
		// TA101 to TA105 are all mandatory: a TA1 cut short is not a TA1.
		"TA1*000000100*030809*0823*R": "IK403=1:TA105",
		"TA1*000000100*030809*0823*A": "IK403=1:TA105",
		"TA1*000000100*030809":        "IK403=1:TA103 IK403=1:TA104 IK403=1:TA105",
	} {
		var errs []*edi.Error
		CheckSegment(ta1Parse(t, in), TA1Segment, "ta1.edi", func(e *edi.Error) { errs = append(errs, e) })
		if got := codes(errs); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}

// ta1Parse reads one TA1 segment inside an interchange.
func ta1Parse(t *testing.T, ta1 string) *edi.Segment {
	t.Helper()
	rd := edi.NewReader(strings.NewReader(toyISA + ta1 + "~\nIEA*0*000000001~\n"))
	for {
		s, err := rd.Next()
		if err != nil {
			t.Fatalf("no TA1 in %q: %v", ta1, err)
		}
		if s.ID() == "TA1" {
			return s.Clone()
		}
	}
}
