package ig

import (
	"slices"
	"testing"
)

func TestX223A2Registered(t *testing.T) {
	if got := Standard().Candidates("837", "005010X223A2"); !slices.Contains(got, X223A2) {
		t.Fatalf("Standard().Candidates(837, 005010X223A2) = %v, want X223A2", got)
	}
	if X223A2.FunctionalID != "HC" || X223A2.Root.Trigger().ID != "ST" {
		t.Fatalf("guide header: %+v", X223A2)
	}
}

func TestX223A2Hierarchy(t *testing.T) {
	for path, usage := range map[string]Usage{
		"1000A": R, "1000B": R,
		"2000A": R, "2000A/2010AA": R, "2000A/2010AB": S, "2000A/2010AC": S,
		"2000A/2000B": R, "2000A/2000B/2010BA": R, "2000A/2000B/2010BB": R,
		"2000A/2000B/2300":                  S, // claim of a patient who is the subscriber
		"2000A/2000B/2000C":                 S,
		"2000A/2000B/2000C/2010CA":          R,
		"2000A/2000B/2000C/2300":            R,
		"2000A/2000B/2000C/2300/2310E":      S,
		"2000A/2000B/2000C/2300/2320/2330A": R,
		"2000A/2000B/2000C/2300/2320/2330B": R,
		"2000A/2000B/2000C/2300/2320/2330I": S,
		"2000A/2000B/2000C/2300/2400":       R,
		"2000A/2000B/2000C/2300/2400/2410":  S,
		"2000A/2000B/2000C/2300/2400/2420D": S,
		"2000A/2000B/2000C/2300/2400/2430":  S,
		"2000A/2000B/2300/2320/2330F":       S,
		"2000A/2000B/2300/2400/2420A":       S,
		"2000A/2000B/2300/2310A":            S,
		"2000A/2000B/2300/2310F":            S,
	} {
		if l := loopAt(t, X223A2, path); l.Usage != usage {
			t.Errorf("loop %s usage %v, want %v", path, l.Usage, usage)
		}
	}
	claim := loopAt(t, X223A2, "2000A/2000B/2300")
	var order []string
	for _, c := range claim.Children {
		if l, ok := c.(*Loop); ok {
			order = append(order, l.ID)
		}
	}
	want := []string{"2310A", "2310B", "2310C", "2310D", "2310E", "2310F", "2320", "2400"}
	if !slices.Equal(order, want) {
		t.Errorf("2300 subloops %v, want %v", order, want)
	}
	if l := loopAt(t, X223A2, "2000A/2000B/2300"); l.Max != 100 {
		t.Errorf("2300 repeat %d, want 100", l.Max)
	}
	if l := loopAt(t, X223A2, "2000A/2000B/2300/2400"); l.Max != 999 {
		t.Errorf("2400 repeat %d, want 999", l.Max)
	}
}

func TestX223A2Claim(t *testing.T) {
	claim := loopAt(t, X223A2, "2000A/2000B/2000C/2300")
	clm := claim.Trigger()
	if clm.ID != "CLM" || len(clm.Elements) != 20 {
		t.Fatalf("2300 starts with %s of %d elements, want CLM of 20", clm.ID, len(clm.Elements))
	}
	loc := clm.Elements[4]
	if loc.Type != Composite || len(loc.Parts) != 3 || !slices.Equal(loc.Parts[1].Codes, []string{"A"}) {
		t.Errorf("CLM05 = %+v, want C023 with CLM05-2 \"A\" only", loc)
	}
	for _, p := range []int{3, 4, 6, 10, 11, 19} {
		if u := clm.Elements[p-1].Usage; u != N {
			t.Errorf("CLM%02d usage %v, want N", p, u)
		}
	}
	var dtp []string
	for _, s := range segsOf(claim, "DTP") {
		dtp = append(dtp, s.Elements[0].Codes...)
	}
	if want := []string{"096", "434", "435", "050"}; !slices.Equal(dtp, want) {
		t.Errorf("2300 DTP qualifiers %v, want %v", dtp, want)
	}
	if cl1 := segsOf(claim, "CL1"); len(cl1) != 1 || cl1[0].Usage != R || cl1[0].Elements[0].Usage != S || cl1[0].Elements[2].Usage != R {
		t.Errorf("CL1 = %+v, want R with CL101 S and CL103 R", cl1)
	}

	// The thirteen HI segments, told apart by HI01-1.
	his := segsOf(claim, "HI")
	want := [][]string{{"ABK", "BK"}, {"ABJ", "BJ"}, {"APR", "PR"}, {"ABN", "BN"}, {"DR"}, {"ABF", "BF"},
		{"BBR", "BR", "CAH"}, {"BBQ", "BQ"}, {"BI"}, {"BH"}, {"BE"}, {"BG"}, {"TC"}}
	if len(his) != len(want) {
		t.Fatalf("%d HI segments in 2300, want %d", len(his), len(want))
	}
	for i, hi := range his {
		if len(hi.Elements) != 12 || !slices.Equal(hi.Elements[0].Parts[0].Codes, want[i]) {
			t.Errorf("HI %q: HI01-1 %v, want %v", hi.Name, hi.Elements[0].Parts[0].Codes, want[i])
		}
	}
	if p := his[0]; p.Usage != R || p.Max != 1 || p.Elements[1].Usage != N || p.Elements[0].Parts[8].Usage != S {
		t.Errorf("Principal Diagnosis: usage %v max %d, HI02 %v, POA %v", p.Usage, p.Max, p.Elements[1].Usage, p.Elements[0].Parts[8].Usage)
	}
	if v := his[10]; v.Elements[11].Usage != S || v.Elements[11].Parts[4].Usage != R {
		t.Errorf("Value Information: HI12 %v, HI12-5 amount %v; want S, R", v.Elements[11].Usage, v.Elements[11].Parts[4].Usage)
	}
}

func TestX223A2Qualifiers(t *testing.T) {
	ref := segsOf(loopAt(t, X223A2, "2000A/2000B/2300/2310A"), "REF")
	if len(ref) != 1 || ref[0].Max != 4 || !slices.Equal(ref[0].Elements[0].Codes, []string{"0B", "1G", "G2", "LU"}) {
		t.Errorf("2310A REF = %+v, want max 4 of 0B 1G G2 LU", ref)
	}
	var amt []string
	for _, s := range segsOf(loopAt(t, X223A2, "2000A/2000B/2300/2320"), "AMT") {
		amt = append(amt, s.Elements[0].Codes...)
	}
	if want := []string{"D", "EAF", "A8"}; !slices.Equal(amt, want) {
		t.Errorf("2320 AMT qualifiers %v, want %v", amt, want)
	}
	if nm1 := loopAt(t, X223A2, "2000A/2000B/2300/2320/2330C").Trigger(); nm1.Elements[2].Usage != N || nm1.Elements[8].Usage != N {
		t.Errorf("2330C NM1 carries a name or ID; the TR3 sends only NM101/NM102")
	}
	sv2 := loopAt(t, X223A2, "2000A/2000B/2300/2400").Children[1].(*Segment)
	if sv2.ID != "SV2" || len(sv2.Elements) != 10 || len(sv2.Elements[1].Parts) != 8 {
		t.Errorf("2400 second segment %s with %d elements, want SV2 of 10 with an 8-part C003", sv2.ID, len(sv2.Elements))
	}
}

// Siblings with the same segment ID must be told apart by their key codes
// (the first coded simple element, or HI01-1 for the HI segments).
func TestX223A2SiblingsDistinct(t *testing.T) {
	keyCodes := func(s *Segment) []string {
		if s.Key() > 0 {
			return s.KeyCodes()
		}
		if len(s.Elements) > 0 && s.Elements[0].Type == Composite && len(s.Elements[0].Parts) > 0 {
			return s.Elements[0].Parts[0].Codes
		}
		return nil
	}
	var walk func(l *Loop, path string)
	walk = func(l *Loop, path string) {
		seen := map[string]map[string]string{} // segment ID -> code -> sibling name
		for i, c := range l.Children {
			var s *Segment
			switch c := c.(type) {
			case *Segment:
				s = c
			case *Loop:
				s = c.Trigger()
				walk(c, path+"/"+c.ID)
			}
			if i == 0 {
				continue // the loop's own trigger
			}
			if seen[s.ID] == nil {
				seen[s.ID] = map[string]string{}
			} else if len(keyCodes(s)) == 0 {
				t.Errorf("%s: %s %q has no key codes to tell it from its siblings", path, s.ID, s.Name)
			}
			for _, code := range keyCodes(s) {
				if other, dup := seen[s.ID][code]; dup {
					t.Errorf("%s: %s %q and %q both take %q", path, s.ID, other, s.Name, code)
				}
				seen[s.ID][code] = s.Name
			}
		}
	}
	walk(X223A2.Root, "ST")
}
