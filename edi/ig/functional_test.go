package ig

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFunctionalGroupMatchesSets: GS01 names the family of the sets in
// its group (HC 837, HP 835, HI 278, HN 277, FA 999). The story's files
// are sound in their own group; in any other, each set is IK502=6 on ST01
// and nothing else changes. A GS01 that is no identifier at all is the
// group's AK905=1 alone.
func TestFunctionalGroupMatchesSets(t *testing.T) {
	files := map[string]string{
		"HI": "01-278-request.edi", "HC": "03-837p-claims.edi", "FA": "04-999.edi",
		"HN": "05-277ca.edi", "HP": "06-835-remittance.edi",
	}
	for own, file := range files {
		data, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "story", file))
		if err != nil {
			t.Fatal(err)
		}
		for _, gs01 := range []string{"HC", "HP", "HI", "HN", "FA", "H!"} {
			in := bytes.Replace(data, []byte("GS*"+own+"*"), []byte("GS*"+gs01+"*"), 1)
			rep, err := (&Validator{File: file}).Run(bytes.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range rep.Errors {
				got = append(got, e.Code.String()+":"+e.SegmentID)
			}
			want := ""
			switch {
			case gs01 == "H!":
				want = "AK905=1:GS"
			case gs01 != own:
				want = strings.TrimSuffix(strings.Repeat("IK502=6:ST ", rep.Summary.Sets), " ")
			}
			if g := strings.Join(got, " "); g != want {
				t.Errorf("%s in GS*%s: %q, want %q", file, gs01, g, want)
			}
		}
	}
}
