package ig

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/edigw/edigw/edi"
)

// x279Fixture reads one of the eligibility examples written for edigw.
func x279Fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "eligibility", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// x279Walk validates in with the standard guides and returns the errors
// and each segment's loop path.
func x279Walk(t *testing.T, in string) ([]*edi.Error, []string) {
	t.Helper()
	var paths []string
	v := &Validator{File: "x279.edi", Guides: Standard(), Handlers: []Handler{Funcs{OnSegment: func(ev *Event) {
		if ev.Walker != nil {
			paths = append(paths, ev.Seg.ID()+"@"+ev.Walker.Path())
		}
	}}}}
	rep, err := v.Run(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	return rep.Errors, paths
}

func TestX279A1Registered(t *testing.T) {
	for set, want := range map[string]*Guide{"270": X279A1Inquiry, "271": X279A1Response} {
		got := Standard().Candidates(set, "005010X279A1")
		if len(got) != 1 || got[0] != want {
			t.Errorf("Candidates(%s, 005010X279A1) = %v", set, got)
		}
	}
	if X279A1Inquiry.FunctionalID != "HS" || X279A1Response.FunctionalID != "HB" {
		t.Errorf("functional IDs %q %q, want HS HB", X279A1Inquiry.FunctionalID, X279A1Response.FunctionalID)
	}
}

func TestX279A1Hierarchy(t *testing.T) {
	sub := "2000A/2000B/2000C"
	for _, c := range []struct {
		g     *Guide
		path  string
		usage Usage
		max   int
	}{
		{X279A1Inquiry, sub, R, Many},
		{X279A1Inquiry, sub + "/2110C", S, 99},
		{X279A1Inquiry, sub + "/2000D/2110D", S, 99},
		{X279A1Response, "2000A/2000B", S, Many}, // absent when the source rejects the inquiry (AAA at 2000A)
		{X279A1Response, sub + "/2110C", S, Many},
		{X279A1Response, sub + "/2110C/2115C", S, 10},
		{X279A1Response, sub + "/2110C/2120C", S, 23},
		{X279A1Response, sub + "/2000D/2110D/2120D", S, 23},
	} {
		l := loopAt(t, c.g, c.path)
		if l.Usage != c.usage || l.Max != c.max {
			t.Errorf("%s %s: usage %v max %d, want %v %d", c.g.Name, c.path, l.Usage, l.Max, c.usage, c.max)
		}
	}
	eb := loopAt(t, X279A1Response, sub+"/2110C").Trigger()
	if eb.ID != "EB" || !slices.Contains(eb.KeyCodes(), "CB") || eb.Elements[2].List != ServiceTypeCodes || eb.Elements[2].Repeat != 99 {
		t.Errorf("2110C EB: %+v", eb)
	}
}

func TestX279A1FixturesValid(t *testing.T) {
	for _, name := range []string{"270-subscriber-and-dependent.edi", "271-benefits.edi", "271-subscriber-not-found.edi"} {
		errs, paths := x279Walk(t, x279Fixture(t, name))
		if len(errs) != 0 {
			t.Errorf("%s: %s", name, codes(errs))
		}
		if len(paths) == 0 {
			t.Errorf("%s: no segment walked", name)
		}
	}
	_, paths := x279Walk(t, x279Fixture(t, "271-benefits.edi"))
	sub := "2000A/2000B/2000C"
	for _, want := range []string{"TRN@" + sub, "EB@" + sub + "/2110C", "MSG@" + sub + "/2110C", "LS@" + sub + "/2110C",
		"NM1@" + sub + "/2110C/2120C", "PER@" + sub + "/2110C/2120C", "LE@" + sub + "/2110C", "AAA@" + sub + "/2000D/2100D"} {
		if !slices.Contains(paths, want) {
			t.Errorf("271 walk has no %s: %v", want, paths)
		}
	}
}

// TestX279A1Errors: each defect is found where the guide puts it.
func TestX279A1Errors(t *testing.T) {
	for _, c := range []struct {
		file, from, to, want string
	}{
		{"270-subscriber-and-dependent.edi", "EQ*30~", "EQ*Z9~", "IK403=7:EQ01@2110C"},
		{"270-subscriber-and-dependent.edi", "EQ**HC:E0250~", "EQ~", "IK403=2:EQ01@2110C"},
		{"270-subscriber-and-dependent.edi", "EQ*12**IND~", "EQ*12**XYZ~", "IK403=7:EQ03@2110C"},
		{"271-benefits.edi", "EB*C*IND*30***23*500*****Y~", "EB*Q1*IND*30***23*500*****Y~", "IK403=7:EB01@2110C"},
		{"271-benefits.edi", "EB*CB*IND*12******VS*1*Y*Y*HC:E0250~", "EB*CB*IND*12******VS**Y*Y*HC:E0250~", "IK403=2:EB10@2110C"},
		{"271-subscriber-not-found.edi", "AAA*Y**72*C~", "AAA*Y**04*C~", "IK403=7:AAA03@2100C"},
	} {
		in := strings.Replace(x279Fixture(t, c.file), c.from, c.to, 1)
		errs, _ := x279Walk(t, in)
		if got := codes(errs); !strings.Contains(got, c.want) {
			t.Errorf("%s %q -> %q: %s, want %s", c.file, c.from, c.to, got, c.want)
		}
	}
}

// x279PublicSamples are the LinuxForHealth/x12 test files (Apache-2.0;
// fixtures/eligibility/testdata/LinuxForHealth__x12/MANIFEST.tsv) and what
// validating them finds, checked by reading them: dependent.271 names its
// dependent with NM1*IL and a member ID (2100D takes NM1*03 without one);
// the -error 271 closes with SE02 4323 for ST02 4321.
var x279PublicSamples = map[string]string{
	"dependent-commercial-health-insurance.270": "",
	"dependent-health-benefit-check.270":        "",
	"subscriber-drug-in-office.270":             "",
	"subscriber-health-benefit-check.270":       "",
	"dependent-health-benefit-check.271":        "",
	"dependent.271":                             "IK403=7:NM101@2100D IK403=I10:NM108@2100D IK403=I10:NM109@2100D",
	"subscriber-health-benefit-check-error.271": "IK502=3:SE02",
	"subscriber.271":                            "",
}

func TestX279A1PublicSamples(t *testing.T) {
	dir := filepath.Join("..", "..", "fixtures", "eligibility", "testdata", "LinuxForHealth__x12")
	for name, want := range x279PublicSamples {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		errs, _ := x279Walk(t, string(b))
		if got := codes(errs); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}
