package ig

import (
	"strings"
	"testing"
)

// x214Claim is a 277CA with one rejected claim whose 2200D STC is stc.
func x214Claim(stc string) string {
	body := []string{
		"BHT*0085*08*000000674*20110311*100831*TH",
		"HL*1**20*1", "NM1*PR*2*PAYER*****PI*12345",
		"TRN*1*1", "DTP*050*D8*20110311", "DTP*009*D8*20110311",
		"HL*2*1*21*1", "NM1*41*2*SUBMITTER*****46*ETIN", "TRN*2*1",
		"STC*A1:19:PR*20110311*WQ*125", "QTY*AA*1", "AMT*YY*125",
		"HL*3*2*19*1", "NM1*85*2*CLINIC*****XX*1234567893",
		"HL*4*3*PT", "NM1*QC*1*DOE*JANE****MI*X1", "TRN*2*5781",
		stc, "DTP*472*D8*20110101",
	}
	return strings.NewReplacer("ST*990", "ST*277", "GS*HC", "GS*HN").Replace(toyFile("005010X214", body...))
}

// TestX214STC12OnlyWith448 holds X214's rule: STC12 is used only with
// claim status code 448; the data in error is named by status codes.
func TestX214STC12OnlyWith448(t *testing.T) {
	for _, c := range []struct{ stc, want string }{
		{"STC*A3:21*20110311*U*125********IK403=7 CLM05-2 loop 2300 segment 33", "IK403=I13:STC12@2200D"},
		{"STC*A3:21*20110311*U*125******A3:567:85*A3:535*free text", "IK403=I13:STC12@2200D"},
		{"STC*A3:21*20110311*U*125******A3:567:85", ""},
		// With 448 the text is allowed (no I13), but 448 itself left the
		// claim status code list in 2012: the code is invalid (IK403=7).
		{"STC*A3:21*20110311*U*125******A3:567*A3:448*free text", "IK403=7:STC11-2@2200D"},
		{"STC*A3:448*20110311*U*125********free text", "IK403=7:STC01-2@2200D"},
	} {
		w := walk(t, x214Claim(c.stc))
		if got := codes(w.errs); got != c.want {
			t.Errorf("%s: errors %q, want %q", c.stc, got, c.want)
		}
	}
}
