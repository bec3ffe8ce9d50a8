package ig

import (
	"slices"
	"strings"
	"testing"
)

func TestX221A1Registered(t *testing.T) {
	if got := Standard().Candidates("835", "005010X221A1"); !slices.Contains(got, X221A1) {
		t.Fatalf("Standard().Candidates(835, 005010X221A1) = %v, want X221A1", got)
	}
	if X221A1.FunctionalID != "HP" {
		t.Errorf("FunctionalID %q, want HP", X221A1.FunctionalID)
	}
	st := X221A1.Root.Trigger()
	if st.ID != "ST" || len(st.Elements) != 3 || st.Elements[2].Usage != N {
		t.Errorf("ST: the 835 marks ST03 Not Used, got %+v", st.Elements)
	}
}

func TestX221A1Structure(t *testing.T) {
	var order []string
	for _, c := range X221A1.Root.Children {
		switch c := c.(type) {
		case *Segment:
			order = append(order, c.ID)
		case *Loop:
			order = append(order, c.ID)
		}
	}
	want := "ST BPR TRN CUR REF REF DTM 1000A 1000B 2000 PLB SE"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("root children %q, want %q", got, want)
	}
	for path, w := range map[string]struct {
		usage Usage
		max   int
	}{
		"1000A": {R, 1}, "1000B": {R, 1}, "2000": {S, Many},
		"2000/2100": {R, Many}, "2000/2100/2110": {S, 999},
	} {
		if l := loopAt(t, X221A1, path); l.Usage != w.usage || l.Max != w.max {
			t.Errorf("loop %s: usage %v max %d, want %v %d", path, l.Usage, l.Max, w.usage, w.max)
		}
	}
	if plb := segsOf(X221A1.Root, "PLB"); len(plb) != 1 || plb[0].Max != Many || len(plb[0].Elements) != 14 {
		t.Errorf("PLB: %+v", plb)
	}
}

func TestX221A1Qualifiers(t *testing.T) {
	codes := func(s *Segment) []string { return s.KeyCodes() }
	claim := loopAt(t, X221A1, "2000/2100")
	var entities []string
	for _, s := range segsOf(claim, "NM1") {
		entities = append(entities, codes(s)...)
	}
	if got := strings.Join(entities, " "); got != "QC IL 74 82 TT PR GB" {
		t.Errorf("2100 NM1 entities %q", got)
	}
	if s := segsOf(claim, "NM1")[0]; s.Usage != R || s.Name != "Patient Name" {
		t.Errorf("2100 first NM1: %s %v, want Patient Name R", s.Name, s.Usage)
	}
	per := segsOf(loopAt(t, X221A1, "1000A"), "PER")
	if len(per) != 3 || codes(per[0])[0] != "CX" || codes(per[1])[0] != "BL" || per[1].Usage != R || per[1].Max != Many || codes(per[2])[0] != "IC" {
		t.Errorf("1000A PER business/technical/web site wrong")
	}
	line := loopAt(t, X221A1, "2000/2100/2110")
	refs := segsOf(line, "REF")
	if len(refs) != 4 || !slices.Equal(codes(refs[1]), []string{"6R"}) || !slices.Equal(codes(refs[3]), []string{"0K"}) {
		t.Errorf("2110 REF qualifiers wrong")
	}
	cas := segsOf(line, "CAS")[0]
	if len(cas.Elements) != 19 || !slices.Equal(cas.Elements[0].Codes, []string{"CO", "OA", "PI", "PR"}) || cas.Max != 99 {
		t.Errorf("2110 CAS: %d elements, groups %v", len(cas.Elements), cas.Elements[0].Codes)
	}
	svc := segsOf(line, "SVC")[0]
	if c := svc.Elements[0]; c.Type != Composite || len(c.Parts) != 8 || c.Parts[6].Usage != N || !slices.Contains(c.Parts[0].Codes, "HC") {
		t.Errorf("SVC01 composite wrong: %+v", c)
	}
	// Siblings with the same segment ID must be told apart by their codes.
	var walk func(l *Loop)
	walk = func(l *Loop) {
		seen := map[string]map[string]bool{}
		for _, c := range l.Children {
			s, ok := c.(*Segment)
			if !ok {
				walk(c.(*Loop))
				continue
			}
			if seen[s.ID] == nil {
				seen[s.ID] = map[string]bool{}
			} else if s.Key() == 0 {
				t.Errorf("loop %s: second %s has no qualifier", l.ID, s.ID)
			}
			if s.Key() == 0 {
				continue
			}
			for _, code := range codes(s) {
				if seen[s.ID][code] {
					t.Errorf("loop %s: %s code %s used by two siblings", l.ID, s.ID, code)
				}
				seen[s.ID][code] = true
			}
		}
	}
	walk(X221A1.Root)
}
