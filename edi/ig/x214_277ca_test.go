package ig

import (
	"slices"
	"strings"
	"testing"
)

// x214Keys lists "ID:codes" of the loop's own segments, codes being those
// of the segment's recognition key.
func x214Keys(l *Loop) []string {
	var out []string
	for _, c := range l.Children {
		if s, ok := c.(*Segment); ok {
			k := s.ID
			if s.Key() > 0 {
				k += ":" + strings.Join(s.KeyCodes(), ",")
			}
			out = append(out, k)
		}
	}
	return out
}

func TestX214Registered(t *testing.T) {
	if got := Standard().Candidates("277", "005010X214"); !slices.Contains(got, X214) {
		t.Fatalf("Standard().Candidates(277, 005010X214) = %v", got)
	}
	if X214.FunctionalID != "HN" {
		t.Errorf("FunctionalID %q", X214.FunctionalID)
	}
	bht := X214.Root.Children[1].(*Segment)
	if bht.ID != "BHT" || bht.Elements[0].Codes[0] != "0085" || bht.Elements[1].Codes[0] != "08" {
		t.Errorf("BHT %+v", bht)
	}
}

func TestX214Hierarchy(t *testing.T) {
	for path, want := range map[string]string{
		"2000A":                               "R HL:20",
		"2000A/2100A":                         "R NM1:AY,PR",
		"2000A/2200A":                         "R TRN:1",
		"2000A/2000B":                         "R HL:21",
		"2000A/2000B/2100B":                   "R NM1:41",
		"2000A/2000B/2200B":                   "R TRN:2",
		"2000A/2000B/2000C":                   "S HL:19",
		"2000A/2000B/2000C/2100C":             "R NM1:85",
		"2000A/2000B/2000C/2200C":             "S TRN:1",
		"2000A/2000B/2000C/2000D":             "S HL:PT",
		"2000A/2000B/2000C/2000D/2100D":       "R NM1:QC",
		"2000A/2000B/2000C/2000D/2200D":       "R TRN:2",
		"2000A/2000B/2000C/2000D/2200D/2220D": "S SVC:AD,ER,HC,HP,IV,NU,WK",
	} {
		l := loopAt(t, X214, path)
		if got := l.Usage.String() + " " + x214Keys(&Loop{Children: l.Children[:1]})[0]; got != want {
			t.Errorf("loop %s: %q, want %q", path, got, want)
		}
	}
	// The patient level has no children: HL04 is not used.
	if hl := loopAt(t, X214, "2000A/2000B/2000C/2000D").Trigger(); hl.Elements[3].Usage != N {
		t.Errorf("2000D HL04 usage %v", hl.Elements[3].Usage)
	}
}

func TestX214Qualifiers(t *testing.T) {
	for path, want := range map[string]string{
		"2000A/2200A":                         "TRN:1 DTP:050 DTP:009",
		"2000A/2000B/2200B":                   "TRN:2 STC:U,WQ AMT:YU AMT:YY QTY:90 QTY:AA",
		"2000A/2000B/2000C/2200C":             "TRN:1 STC:U,WQ REF:0B,1G,G2,LU,SY,TJ QTY:QA QTY:QC AMT:YU AMT:YY",
		"2000A/2000B/2000C/2000D/2200D":       "TRN:2 STC:U,WQ REF:1K REF:D9 REF:BLT DTP:472",
		"2000A/2000B/2000C/2000D/2200D/2220D": "SVC:AD,ER,HC,HP,IV,NU,WK STC:U REF:FJ REF:XZ DTP:472",
	} {
		got := x214Keys(loopAt(t, X214, path))
		w := strings.Fields(want)
		slices.Sort(got)
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("loop %s segments %v, want %v", path, got, w)
		}
	}
	// STC03 and the claim status composite of the claim level.
	claim := loopAt(t, X214, "2000A/2000B/2000C/2000D/2200D").Children[1].(*Segment)
	if claim.ID != "STC" || claim.Max != Many || strings.Join(claim.Elements[2].Codes, ",") != "U,WQ" ||
		len(claim.Elements) != 12 || claim.Elements[11].Usage != S || claim.Elements[4].Usage != N {
		t.Errorf("2200D STC %+v", claim)
	}
	if parts := claim.Elements[0].Parts; len(parts) != 4 || parts[0].Codes != nil || !slices.Contains(parts[2].Codes, "QC") || parts[3].Usage != N {
		t.Errorf("STC01 %+v", parts)
	}
	line := loopAt(t, X214, "2000A/2000B/2000C/2000D/2200D/2220D").Children[1].(*Segment)
	if strings.Join(line.Elements[2].Codes, ",") != "U" || line.Elements[3].Usage != N {
		t.Errorf("2220D STC %+v", line)
	}
}

func TestX214Walk(t *testing.T) {
	body := []string{
		"BHT*0085*08*000000674*20110311*100831*TH",
		"HL*1**20*1",
		"NM1*PR*2*NYSDOH*****FI*141797357",
		"TRN*1*000014420",
		"DTP*050*D8*20110311",
		"DTP*009*D8*20110311",
		"HL*2*1*21*1",
		"NM1*41*2*A NY MD GROUP*****46*ETIN",
		"TRN*2*000000674",
		"STC*A1:20*20110311*WQ*125.0",
		"QTY*90*1",
		"AMT*YU*125.0",
		"HL*3*2*19*1",
		"NM1*85*1*OCTOR*IMA*D***XX*1234567890",
		"TRN*1*1107000000000135FF",
		"HL*4*3*PT",
		"NM1*QC*1*TPATIENT*THEBE*S***MI*LL99999X",
		"TRN*2*5781",
		// The sample's STC12 text went with code 448, deactivated in 2012:
		// the data in error is named by a status code instead.
		"STC*A3:21*20110311*U*125******A3:567",
		"REF*1K*1107000000014420",
		"DTP*472*D8*20110101",
		"SVC*HC:99213*125*****1",
		"STC*A3:21*20110311*U",
		"REF*FJ*11",
	}
	in := strings.NewReplacer("ST*990", "ST*277", "GS*HC", "GS*HN").Replace(toyFile("005010X214", body...))
	w := walk(t, in)
	if len(w.errs) != 0 {
		t.Fatalf("errors: %s", codes(w.errs))
	}
	d := "2000A/2000B/2000C/2000D"
	want := []string{"ST@", "BHT@", "HL@2000A", "NM1@2000A/2100A", "TRN@2000A/2200A", "DTP@2000A/2200A", "DTP@2000A/2200A",
		"HL@2000A/2000B", "NM1@2000A/2000B/2100B", "TRN@2000A/2000B/2200B", "STC@2000A/2000B/2200B",
		"QTY@2000A/2000B/2200B", "AMT@2000A/2000B/2200B", "HL@2000A/2000B/2000C", "NM1@2000A/2000B/2000C/2100C",
		"TRN@2000A/2000B/2000C/2200C", "HL@" + d, "NM1@" + d + "/2100D", "TRN@" + d + "/2200D", "STC@" + d + "/2200D",
		"REF@" + d + "/2200D", "DTP@" + d + "/2200D", "SVC@" + d + "/2200D/2220D", "STC@" + d + "/2200D/2220D",
		"REF@" + d + "/2200D/2220D", "SE@"}
	if got := strings.Join(w.paths, " "); got != strings.Join(want, " ") {
		t.Errorf("paths\n got %s\nwant %s", got, strings.Join(want, " "))
	}
}
