package ig

import (
	"strings"
	"testing"
)

func TestStandardRegistryHoldsThe5010Guides(t *testing.T) {
	var got []string
	for _, g := range Standard().Guides() {
		got = append(got, g.SetID+" "+g.Version)
	}
	want := "270 005010X279A1 271 005010X279A1 276 005010X212 277 005010X212 277 005010X214 278 005010X217 278 005010X217 835 005010X221A1 837 005010X222A1 837 005010X223A2 837 005010X224A2 999 005010X231A1"
	if strings.Join(got, " ") != want {
		t.Errorf("Standard() holds %v, want %s", got, want)
	}
}

func TestRegistryIsAValue(t *testing.T) {
	// A toy guide in a registry of its own: only a validator given that
	// registry reads it; the standard registry does not know it.
	own := mustRegistry(toyGuide("005010T96"))
	in := toyFile("005010T96", toyBody...)
	for _, c := range []struct {
		reg   *Registry
		codes string
	}{{own, ""}, {nil, "IK502=1:ST01"}} {
		v := &Validator{Guides: c.reg}
		rep, err := v.Run(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		if got := codes(rep.Errors); got != c.codes {
			t.Errorf("registry %p: %s, want %q", c.reg, got, c.codes)
		}
	}
	if got := own.Candidates("837", "005010X222A1"); got != nil {
		t.Errorf("a registry of one toy guide reads 837P with %v", got)
	}
}

func TestNewRegistryRefusesGuidesBHT02CannotTellApart(t *testing.T) {
	for _, bht02 := range [][2][]string{{nil, nil}, {{"13"}, nil}, {{"13", "11"}, {"11"}}} {
		if _, err := NewRegistry(toyGuide("005010T95", bht02[0]...), toyGuide("005010T95", bht02[1]...)); err == nil {
			t.Errorf("two guides for one version with BHT02 %q and %q: no error", bht02[0], bht02[1])
		}
	}
	if _, err := NewRegistry(toyGuide("005010T95", "13"), toyGuide("005010T95", "11")); err != nil {
		t.Errorf("BHT02 13 and 11: %v", err)
	}
}

func TestNewRegistryRefusesAMalformedGuide(t *testing.T) {
	g := toyGuide("005010T94")
	g.Root.Children = append(g.Root.Children, &Loop{ID: "9999", Name: "Empty", Usage: S, Max: 1})
	if _, err := NewRegistry(g); err == nil || !strings.Contains(err.Error(), "does not start with a segment") {
		t.Errorf("a loop without a segment: %v", err)
	}
}
