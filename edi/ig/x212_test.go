package ig

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestX212Registered(t *testing.T) {
	for _, c := range []struct {
		set  string
		want *Guide
		gs01 string
	}{{"276", X212Request, "HR"}, {"277", X212Response, "HN"}} {
		got := Standard().Candidates(c.set, "005010X212")
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("Candidates(%s, 005010X212) = %v", c.set, got)
		}
		if c.want.FunctionalID != c.gs01 {
			t.Errorf("%s GS01 %q, want %s", c.set, c.want.FunctionalID, c.gs01)
		}
	}
	// The 277CA keeps its own guide: ST01 277 alone decides nothing.
	if got := Standard().Candidates("277", "005010X214"); len(got) != 1 || got[0] != X214 {
		t.Errorf("Candidates(277, 005010X214) = %v", got)
	}
}

func TestX212Hierarchy(t *testing.T) {
	for _, c := range []struct {
		g     *Guide
		paths map[string]string
	}{
		{X212Request, map[string]string{
			"2000A":                               "R HL:20",
			"2000A/2100A":                         "R NM1:PR",
			"2000A/2000B/2100B":                   "R NM1:41",
			"2000A/2000B/2000C":                   "R HL:19",
			"2000A/2000B/2000C/2100C":             "R NM1:1P",
			"2000A/2000B/2000C/2000D":             "R HL:22",
			"2000A/2000B/2000C/2000D/2100D":       "R NM1:IL",
			"2000A/2000B/2000C/2000D/2200D":       "S TRN:1",
			"2000A/2000B/2000C/2000D/2200D/2210D": "S SVC:AD,ER,HC,HP,IV,N4,NU,WK",
			"2000A/2000B/2000C/2000D/2000E":       "S HL:23",
			"2000A/2000B/2000C/2000D/2000E/2100E": "R NM1:QC",
			"2000A/2000B/2000C/2000D/2000E/2200E": "R TRN:1",
		}},
		{X212Response, map[string]string{
			"2000A/2000B/2200B":                         "S TRN:2",
			"2000A/2000B/2000C":                         "S HL:19",
			"2000A/2000B/2000C/2100C":                   "R NM1:1P",
			"2000A/2000B/2000C/2200C":                   "S TRN:1",
			"2000A/2000B/2000C/2000D":                   "S HL:22",
			"2000A/2000B/2000C/2000D/2200D":             "S TRN:2",
			"2000A/2000B/2000C/2000D/2200D/2220D":       "S SVC:AD,ER,HC,HP,IV,N4,NU,WK",
			"2000A/2000B/2000C/2000D/2000E/2200E":       "R TRN:2",
			"2000A/2000B/2000C/2000D/2000E/2200E/2220E": "S SVC:AD,ER,HC,HP,IV,N4,NU,WK",
		}},
	} {
		for path, want := range c.paths {
			l := loopAt(t, c.g, path)
			if got := l.Usage.String() + " " + x214Keys(&Loop{Children: l.Children[:1]})[0]; got != want {
				t.Errorf("%s loop %s: %q, want %q", c.g.SetID, path, got, want)
			}
		}
	}
	claim := loopAt(t, X212Request, "2000A/2000B/2000C/2000D/2200D")
	ids := x214Keys(claim)
	want := []string{"TRN:1", "REF:1K", "REF:BLT", "REF:EJ", "REF:XZ", "REF:VV", "REF:D9", "AMT:T3", "DTP:472"}
	if !slices.Equal(ids, want) {
		t.Errorf("276 2200D segments %v, want %v", ids, want)
	}
	// The 277 names payment (STC05) and finalized date (STC06) per claim,
	// never per line; the 276 asks and names no status at all.
	stc := segNamed(t, loopAt(t, X212Response, "2000A/2000B/2000C/2000D/2200D"), "STC", "Claim Level Status Information")
	if stc.Elements[4].Usage != S || stc.Elements[5].Usage != S || stc.Elements[11].Usage != N {
		t.Errorf("2200D STC05 %v STC06 %v STC12 %v", stc.Elements[4].Usage, stc.Elements[5].Usage, stc.Elements[11].Usage)
	}
	line := segNamed(t, loopAt(t, X212Response, "2000A/2000B/2000C/2000D/2200D/2220D"), "STC", "Service Line Status Information")
	if line.Elements[4].Usage != N {
		t.Errorf("2220D STC05 is %v, want N", line.Elements[4].Usage)
	}
	if len(segsOf(claim, "STC")) != 0 {
		t.Error("276 claim has an STC")
	}
}

// x212Validate validates in with the standard registry and returns the
// error codes and the guide each set was read with.
func x212Validate(t *testing.T, in string) (string, []*Guide) {
	t.Helper()
	var guides []*Guide
	v := &Validator{File: "x212.edi", Handlers: []Handler{Funcs{OnSet: func(s *SetResult) {
		guides = append(guides, s.Guide)
	}}}}
	rep, err := v.Run(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	return codes(rep.Errors), guides
}

func x212Fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../fixtures/edi/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestX212FixturesValidate(t *testing.T) {
	for name, want := range map[string]*Guide{"claimstatus-276.edi": X212Request, "claimstatus-277.edi": X212Response} {
		got, guides := x212Validate(t, x212Fixture(t, name))
		if got != "" {
			t.Errorf("%s: %s", name, got)
		}
		if len(guides) != 1 || guides[0] != want {
			t.Errorf("%s read with %v", name, guides)
		}
	}
}

// TestX212Defects: one defect each, answered as the guide says.
func TestX212Defects(t *testing.T) {
	in276, in277 := x212Fixture(t, "claimstatus-276.edi"), x212Fixture(t, "claimstatus-277.edi")
	for _, c := range []struct {
		name, in, from, to, want string
	}{
		{"276 with a response trace type", in276, "TRN*1*CS4801-0001~", "TRN*2*CS4801-0001~", "IK403=7:TRN01@2200D"},
		{"276 with a status", in276, "AMT*T3*1500~", "AMT*T3*1500~STC*F1:65*20260304~", "IK304=6:STC@2200D"},
		{"276 date of another format", in276, "DTP*472*RD8*20260203-20260205~", "DTP*472*DT*202602030000~", "IK403=7:DTP02@2200E"},
		{"276 BHT02 of a response", in276, "BHT*0010*13*", "BHT*0010*08*", "IK403=7:BHT02"},
		{"277 unknown category", in277, "STC*P1:20*", "STC*Z9:20*", "IK403=7:STC01-1@2200E"},
		{"277 line payment date", in277, "STC*F1:65*20260304~", "STC*F1:65*20260304**100*90~", "IK403=I10:STC04@2220D IK403=I10:STC05@2220D"},
		{"277 the 277CA's BHT", in277, "BHT*0010*08*CS4801*20260306*0615*DG~", "BHT*0085*08*CS4801*20260306*0615*TH~", "IK403=7:BHT01 IK403=7:BHT06"},
	} {
		in := strings.Replace(c.in, c.from, c.to, 1)
		if in == c.in {
			t.Fatalf("%s: %q not in the fixture", c.name, c.from)
		}
		if strings.Contains(c.to, "STC*F1:65*20260304~") && c.in == in276 {
			in = strings.Replace(in, "SE*29*", "SE*30*", 1)
		}
		if got, _ := x212Validate(t, in); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}
