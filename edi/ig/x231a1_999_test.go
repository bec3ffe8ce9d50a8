package ig

import (
	"slices"
	"strings"
	"testing"
)

func TestX231A1Registered(t *testing.T) {
	if got := Standard().Candidates("999", "005010X231A1"); !slices.Contains(got, X231A1) {
		t.Fatalf("Standard().Candidates(999, 005010X231A1) = %v", got)
	}
	if X231A1.FunctionalID != "FA" {
		t.Errorf("FunctionalID %q", X231A1.FunctionalID)
	}
}

func TestX231A1Structure(t *testing.T) {
	var top []string
	for _, c := range X231A1.Root.Children {
		switch c := c.(type) {
		case *Segment:
			top = append(top, c.ID)
		case *Loop:
			top = append(top, c.ID)
		}
	}
	if got := strings.Join(top, " "); got != "ST AK1 2000 AK9 SE" {
		t.Errorf("header %q", got)
	}
	for path, want := range map[string]string{"2000": "AK2", "2000/2100": "IK3", "2000/2100/2110": "IK4"} {
		l := loopAt(t, X231A1, path)
		if l.Usage != S || l.Max != Many || l.Trigger().ID != want {
			t.Errorf("loop %s: usage %v max %d trigger %s", path, l.Usage, l.Max, l.Trigger().ID)
		}
	}
	// IK5 closes each 2000 repetition, after the 2100 loops.
	l2000 := loopAt(t, X231A1, "2000")
	if last := l2000.Children[len(l2000.Children)-1].(*Segment); last.ID != "IK5" || last.Usage != R {
		t.Errorf("2000 ends with %s %v", last.ID, last.Usage)
	}
	l2100 := loopAt(t, X231A1, "2000/2100")
	seg := segNamed(t, l2100, "CTX", "Segment Context")
	bu := segNamed(t, l2100, "CTX", "Business Unit Identifier")
	el := segNamed(t, loopAt(t, X231A1, "2000/2100/2110"), "CTX", "Element Context")
	if seg.Max != 9 || bu.Max != 1 || el.Max != 10 {
		t.Errorf("CTX max uses %d %d %d, want 9 1 10", seg.Max, bu.Max, el.Max)
	}
	// The A1 errata: CTX06 not used; CTX02/CTX03 name the trigger segment.
	for _, c := range []*Segment{seg, el} {
		if len(c.Elements) != 6 || c.Elements[5].Usage != N || c.Elements[1].Usage != R || c.Elements[2].Usage != R {
			t.Errorf("%s elements %+v", c.Name, c.Elements)
		}
		if p := c.Elements[0].Parts; p[0].Codes[0] != "SITUATIONAL TRIGGER" || p[1].Usage != N {
			t.Errorf("%s CTX01 %+v", c.Name, p)
		}
	}
	if p := bu.Elements[0].Parts; !slices.Contains(p[0].Codes, "CLM01") || p[1].Usage != R || bu.Elements[1].Usage != N {
		t.Errorf("business unit CTX %+v", bu.Elements)
	}
}

func TestX231A1Codes(t *testing.T) {
	l2100 := loopAt(t, X231A1, "2000/2100")
	ik3 := segNamed(t, l2100, "IK3", "Error Identification")
	if got := strings.Join(ik3.Elements[3].Codes, " "); got != "1 2 3 4 5 6 7 8 I4 I6 I7 I8 I9" || ik3.Elements[3].Usage != R {
		t.Errorf("IK304 %v %q", ik3.Elements[3].Usage, got)
	}
	ik4 := loopAt(t, X231A1, "2000/2100/2110").Trigger()
	if c := ik4.Elements[2].Codes; len(c) != 18 || slices.Contains(c, "11") || !slices.Contains(c, "I13") {
		t.Errorf("IK403 codes %v", c)
	}
	ik5 := segNamed(t, loopAt(t, X231A1, "2000"), "IK5", "Implementation Transaction Set Response Trailer")
	if got := strings.Join(ik5.Elements[0].Codes, ""); got != "AEMRWX" {
		t.Errorf("IK501 %q", got)
	}
	for i := 1; i <= 5; i++ {
		if c := ik5.Elements[i].Codes; len(c) != 25 || c[len(c)-2] != "I5" || ik5.Elements[i].Usage != S {
			t.Errorf("IK5%02d codes %v", i+1, c)
		}
	}
	ak9 := segNamed(t, X231A1.Root, "AK9", "Functional Group Response Trailer")
	if got := strings.Join(ak9.Elements[0].Codes, ""); got != "AEMPRWX" {
		t.Errorf("AK901 %q", got)
	}
	for i := 4; i <= 8; i++ {
		if c := ak9.Elements[i].Codes; len(c) != 20 || slices.Contains(c, "7") || c[len(c)-1] != "26" {
			t.Errorf("AK9%02d codes %v", i+1, c)
		}
	}
}

func TestX231A1Walk(t *testing.T) {
	body := []string{
		"AK1*HC*17456*005010X222A1",
		"AK2*837*0001",
		"IK5*A",
		"AK2*837*0002*005010X222A1",
		"IK3*CLM*22*2300*8",
		"IK4*2*782*1",
		"IK4*5:3*1325*7*Z",
		"CTX*SITUATIONAL TRIGGER*CLM*22*2300*5:3",
		"IK3*REF*30*2300*I6",
		"CTX*SITUATIONAL TRIGGER*CLM*22*2300*5:3",
		"IK5*R*I5",
		"AK9*P*2*2*1",
	}
	file := func(version string) string {
		return strings.NewReplacer("990", "999", "GS*HC", "GS*FA").Replace(toyFile(version, body...))
	}
	w := walk(t, file("005010X231A1"))
	if len(w.errs) != 0 {
		t.Fatalf("errors: %s", codes(w.errs))
	}
	want := "ST@ AK1@ AK2@2000 IK5@2000 AK2@2000 IK3@2000/2100 IK4@2000/2100/2110 IK4@2000/2100/2110 " +
		"CTX@2000/2100/2110 IK3@2000/2100 CTX@2000/2100 IK5@2000 AK9@ SE@"
	if got := strings.Join(w.paths, " "); got != want {
		t.Errorf("paths\n got %s\nwant %s", got, want)
	}
	// A 999 naming the pre-errata guide is answered as unsupported, by the
	// version it names (decisions/0020), not judged by the errata's rules.
	if w := walk(t, file("005010X231")); codes(w.errs) != "IK502=I6:ST03" {
		t.Errorf("005010X231: %s, want IK502=I6:ST03", codes(w.errs))
	}
}
