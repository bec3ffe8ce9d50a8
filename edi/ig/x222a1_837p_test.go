package ig

import (
	"slices"
	"testing"
)

func x222SubLoops(l *Loop) []string {
	var ids []string
	for _, c := range l.Children {
		if c, ok := c.(*Loop); ok {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

func TestX222A1Registered(t *testing.T) {
	if got := Standard().Candidates("837", "005010X222A1"); !slices.Contains(got, X222A1) {
		t.Fatalf("Standard().Candidates(837, 005010X222A1) = %v, want X222A1", got)
	}
	if X222A1.FunctionalID != "HC" || X222A1.Name != "Health Care Claim: Professional" || X222A1.Root.Trigger().ID != "ST" {
		t.Fatalf("guide header: %+v", X222A1)
	}
	bht := segsOf(X222A1.Root, "BHT")[0]
	if got := bht.Elements[5].Codes; !slices.Equal(got, []string{"31", "CH", "RP"}) {
		t.Errorf("BHT06 codes %v, want 31 (A1 errata), CH, RP", got)
	}
}

func TestX222A1Hierarchy(t *testing.T) {
	type want struct {
		usage Usage
		max   int
	}
	for path, w := range map[string]want{
		"1000A": {R, 1}, "1000B": {R, 1},
		"2000A": {R, Many}, "2000A/2010AA": {R, 1}, "2000A/2010AB": {S, 1}, "2000A/2010AC": {S, 1},
		"2000A/2000B": {R, Many}, "2000A/2000B/2010BA": {R, 1}, "2000A/2000B/2010BB": {R, 1},
		"2000A/2000B/2300":                  {S, 100}, // the subscriber is the patient
		"2000A/2000B/2000C":                 {S, Many},
		"2000A/2000B/2000C/2010CA":          {R, 1},
		"2000A/2000B/2000C/2300":            {R, 100},
		"2000A/2000B/2300/2310A":            {S, 2},
		"2000A/2000B/2300/2320":             {S, 10},
		"2000A/2000B/2300/2320/2330A":       {R, 1},
		"2000A/2000B/2300/2320/2330B":       {R, 1},
		"2000A/2000B/2300/2320/2330C":       {S, 2},
		"2000A/2000B/2000C/2300/2400":       {R, 50},
		"2000A/2000B/2000C/2300/2400/2410":  {S, 1},
		"2000A/2000B/2000C/2300/2400/2420F": {S, 2},
		"2000A/2000B/2000C/2300/2400/2430":  {S, 15},
		"2000A/2000B/2000C/2300/2400/2440":  {S, Many},
	} {
		if l := loopAt(t, X222A1, path); l.Usage != w.usage || l.Max != w.max {
			t.Errorf("loop %s: usage %v max %d, want %v %d", path, l.Usage, l.Max, w.usage, w.max)
		}
	}
	for path, want := range map[string][]string{
		"2000A":                 {"2010AA", "2010AB", "2010AC", "2000B"},
		"2000A/2000B":           {"2010BA", "2010BB", "2300", "2000C"},
		"2000A/2000B/2000C":     {"2010CA", "2300"},
		"2000A/2000B/2300":      {"2310A", "2310B", "2310C", "2310D", "2310E", "2310F", "2320", "2400"},
		"2000A/2000B/2300/2320": {"2330A", "2330B", "2330C", "2330D", "2330E", "2330F", "2330G"},
		"2000A/2000B/2300/2400": {"2410", "2420A", "2420B", "2420C", "2420D", "2420E", "2420F", "2420G", "2420H", "2430", "2440"},
	} {
		if got := x222SubLoops(loopAt(t, X222A1, path)); !slices.Equal(got, want) {
			t.Errorf("loops under %s: %v, want %v", path, got, want)
		}
	}
	for path, code := range map[string]string{"2000A": "20", "2000A/2000B": "22", "2000A/2000B/2000C": "23"} {
		hl := loopAt(t, X222A1, path).Trigger()
		if hl.ID != "HL" || !slices.Equal(hl.Elements[2].Codes, []string{code}) {
			t.Errorf("%s trigger %s HL03 %v, want HL03 %s", path, hl.ID, hl.Elements[2].Codes, code)
		}
	}
}

// Loops that start with NM1 are told apart by NM101.
func TestX222A1NameLoops(t *testing.T) {
	for path, entity := range map[string][]string{
		"1000A": {"41"}, "1000B": {"40"},
		"2000A/2010AA": {"85"}, "2000A/2010AB": {"87"}, "2000A/2010AC": {"PE"},
		"2000A/2000B/2010BA": {"IL"}, "2000A/2000B/2010BB": {"PR"}, "2000A/2000B/2000C/2010CA": {"QC"},
		"2000A/2000B/2300/2310A": {"DN", "P3"}, "2000A/2000B/2300/2310B": {"82"},
		"2000A/2000B/2300/2310C": {"77"}, "2000A/2000B/2300/2310D": {"DQ"},
		"2000A/2000B/2300/2310E": {"PW"}, "2000A/2000B/2300/2310F": {"45"},
		"2000A/2000B/2300/2320/2330A": {"IL"}, "2000A/2000B/2300/2320/2330B": {"PR"},
		"2000A/2000B/2300/2320/2330C": {"DN", "P3"}, "2000A/2000B/2300/2320/2330D": {"82"},
		"2000A/2000B/2300/2320/2330E": {"77"}, "2000A/2000B/2300/2320/2330F": {"DQ"},
		"2000A/2000B/2300/2320/2330G": {"85"},
		"2000A/2000B/2300/2400/2420A": {"82"}, "2000A/2000B/2300/2400/2420B": {"QB"},
		"2000A/2000B/2300/2400/2420C": {"77"}, "2000A/2000B/2300/2400/2420D": {"DQ"},
		"2000A/2000B/2300/2400/2420E": {"DK"}, "2000A/2000B/2300/2400/2420F": {"DN", "P3"},
		"2000A/2000B/2300/2400/2420G": {"PW"}, "2000A/2000B/2300/2400/2420H": {"45"},
	} {
		nm1 := loopAt(t, X222A1, path).Trigger()
		if nm1.ID != "NM1" || nm1.Key() != 1 || !slices.Equal(nm1.Elements[0].Codes, entity) {
			t.Errorf("%s: trigger %s key %d NM101 %v, want NM1 keyed on NM101 %v", path, nm1.ID, nm1.Key(), nm1.Elements[0].Codes, entity)
		}
	}
	// 2330C-G carry only the entity: NM103 on are not used; their REF is required.
	for _, id := range []string{"2330C", "2330D", "2330E", "2330F", "2330G"} {
		l := loopAt(t, X222A1, "2000A/2000B/2300/2320/"+id)
		if nm1 := l.Trigger(); nm1.Elements[2].Usage != N || nm1.Elements[7].Usage != N {
			t.Errorf("%s NM103/NM108 usage %v/%v, want N/N", id, nm1.Elements[2].Usage, nm1.Elements[7].Usage)
		}
		if ref := segsOf(l, "REF"); len(ref) != 1 || ref[0].Usage != R {
			t.Errorf("%s: REF %v, want one required REF", id, ref)
		}
	}
}

// Sibling segments with the same ID must differ in their key qualifier,
// except where the TR3 itself tells them apart by another element.
func TestX222A1SiblingQualifiers(t *testing.T) {
	known := map[string]bool{
		"2400 PWK": true, // both PWK01 lists hold CT; PWK02 tells them apart
	}
	var walk func(l *Loop)
	walk = func(l *Loop) {
		byID := map[string][]*Segment{}
		for _, c := range l.Children {
			switch c := c.(type) {
			case *Segment:
				byID[c.ID] = append(byID[c.ID], c)
			case *Loop:
				walk(c)
			}
		}
		for id, segs := range byID {
			if len(segs) < 2 || known[l.ID+" "+id] {
				continue
			}
			seen := map[string]string{}
			for _, s := range segs {
				if s.Key() == 0 {
					t.Errorf("%s %s (%s) has no key", l.ID, id, s.Name)
					continue
				}
				for _, code := range s.KeyCodes() {
					if other, dup := seen[code]; dup {
						t.Errorf("%s %s: code %s in both %q and %q", l.ID, id, code, other, s.Name)
					}
					seen[code] = s.Name
				}
			}
		}
	}
	walk(X222A1.Root)

	// HI is keyed by HI01-1, inside its first composite.
	for _, hi := range segsOf(loopAt(t, X222A1, "2000A/2000B/2300"), "HI") {
		if hi.Key() != 1 || len(hi.KeyCodes()) == 0 {
			t.Errorf("%s: key %d codes %v, want HI01-1", hi.Name, hi.Key(), hi.KeyCodes())
		}
	}
	line := loopAt(t, X222A1, "2000A/2000B/2300/2400")
	pwk := segsOf(line, "PWK")
	if len(pwk) != 2 || !slices.Contains(pwk[0].Elements[0].Codes, "CT") ||
		!slices.Equal(pwk[1].Elements[1].Codes, []string{"AB", "AD", "AF", "AG", "NS"}) {
		t.Errorf("2400 PWK: %v", pwk)
	}
}

func TestX222A1Claim(t *testing.T) {
	claim := loopAt(t, X222A1, "2000A/2000B/2000C/2300")
	clm := claim.Trigger()
	if clm.ID != "CLM" || len(clm.Elements) != 20 {
		t.Fatalf("2300 trigger %s with %d elements, want CLM with 20", clm.ID, len(clm.Elements))
	}
	if c := clm.Elements[4]; c.Ref != "C023" || c.Usage != R || !slices.Equal(c.Parts[1].Codes, []string{"B"}) {
		t.Errorf("CLM05 %s %v, CLM05-2 %v: want required C023 with facility code qualifier B", c.Ref, c.Usage, c.Parts[1].Codes)
	}
	if c := clm.Elements[10]; c.Ref != "C024" || c.Usage != S || c.Parts[2].Usage != N {
		t.Errorf("CLM11 %s %v: want situational C024 with CLM11-3 not used", c.Ref, c.Usage)
	}
	var dtp []string
	for _, s := range segsOf(claim, "DTP") {
		dtp = append(dtp, s.Elements[0].Codes...)
	}
	if want := []string{"431", "454", "304", "453", "439", "484", "455", "471", "314", "360", "361",
		"297", "296", "435", "096", "090", "091", "444", "050"}; !slices.Equal(dtp, want) {
		t.Errorf("2300 DTP01 codes %v, want %v", dtp, want)
	}
	hi := segsOf(claim, "HI")
	if len(hi) != 3 || hi[0].Usage != R || hi[2].Max != 2 {
		t.Fatalf("2300 HI: %d segments", len(hi))
	}
	for i, want := range [][2][]string{{{"ABK", "BK"}, {"ABF", "BF"}}, {{"BP"}, {"BO"}}, {{"BG"}, {"BG"}}} {
		if got := hi[i].Elements[0].Parts[0].Codes; !slices.Equal(got, want[0]) {
			t.Errorf("%s HI01-1 %v, want %v", hi[i].Name, got, want[0])
		}
		if got := hi[i].Elements[1].Parts[0].Codes; !slices.Equal(got, want[1]) {
			t.Errorf("%s HI02-1 %v, want %v", hi[i].Name, got, want[1])
		}
	}
	if hi[1].Elements[2].Usage != N || hi[0].Elements[11].Usage != S {
		t.Errorf("anesthesia HI03 %v (want N), diagnosis HI12 %v (want S)", hi[1].Elements[2].Usage, hi[0].Elements[11].Usage)
	}
	if n := len(segsOf(claim, "REF")); n != 14 {
		t.Errorf("2300 has %d REF segments, want 14", n)
	}
}

func TestX222A1ServiceLine(t *testing.T) {
	line := loopAt(t, X222A1, "2000A/2000B/2300/2400")
	sv1 := segsOf(line, "SV1")
	if len(sv1) != 1 || sv1[0].Usage != R || len(sv1[0].Elements) != 21 {
		t.Fatalf("2400 SV1: %v", sv1)
	}
	e := sv1[0].Elements
	if e[0].Ref != "C003" || !slices.Equal(e[0].Parts[0].Codes, []string{"ER", "HC", "IV", "WK"}) {
		t.Errorf("SV101-1 %v", e[0].Parts[0].Codes)
	}
	if !slices.Equal(e[2].Codes, []string{"MJ", "UN"}) || e[3].Usage != R {
		t.Errorf("SV103 %v, SV104 %v", e[2].Codes, e[3].Usage)
	}
	if e[6].Ref != "C004" || len(e[6].Parts) != 4 || e[6].Parts[0].Usage != R {
		t.Errorf("SV107 %s with %d parts", e[6].Ref, len(e[6].Parts))
	}
	if d := segsOf(line, "DTP"); d[0].Usage != R || !slices.Equal(d[0].Elements[0].Codes, []string{"472"}) ||
		!slices.Equal(d[0].Elements[1].Codes, []string{"D8", "RD8"}) {
		t.Errorf("first 2400 DTP: %s %v", d[0].Name, d[0].Elements[0].Codes)
	}
	var refs []string
	for _, s := range segsOf(line, "REF") {
		refs = append(refs, s.Elements[0].Codes...)
	}
	if want := []string{"9B", "9D", "G1", "6R", "EW", "X4", "F4", "BT", "9F"}; !slices.Equal(refs, want) {
		t.Errorf("2400 REF01 codes %v, want %v", refs, want)
	}
	// 2420 secondary identifiers may name the other payer in REF04.
	ref := segsOf(loopAt(t, X222A1, "2000A/2000B/2300/2400/2420A"), "REF")[0]
	if ref.Max != 20 || ref.Elements[3].Usage != S || !slices.Equal(ref.Elements[3].Parts[0].Codes, []string{"2U"}) {
		t.Errorf("2420A REF max %d REF04 %v", ref.Max, ref.Elements[3].Usage)
	}
	lin := loopAt(t, X222A1, "2000A/2000B/2300/2400/2410").Trigger()
	if lin.ID != "LIN" || len(lin.Elements) != 31 || !slices.Contains(lin.Elements[1].Codes, "N4") {
		t.Errorf("2410 trigger %s, %d elements", lin.ID, len(lin.Elements))
	}
}
