package payers

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/edigw/edigw"
)

func cigna(t *testing.T) *Profile {
	t.Helper()
	p, ok := Lookup(edigw.Cigna)
	if !ok {
		t.Fatal("no profile for 62308")
	}
	return p
}

func TestEmbeddedProfilesLoad(t *testing.T) {
	m, err := Load(data, "data")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m[edigw.Cigna]; !ok {
		t.Fatalf("profiles %v lack 62308", PayerIDs())
	}
	p := cigna(t)
	if p.Name != "Cigna Healthcare" || p.PriorAuthorization.DMEPlaceOfService != "12" {
		t.Errorf("62308: name %q, DME place of service %q", p.Name, p.PriorAuthorization.DMEPlaceOfService)
	}
	kinds := map[Kind]int{}
	for _, c := range p.PriorAuthorization.Categories {
		kinds[c.Kind]++
	}
	if kinds[KindDME] < 10 || kinds[KindHomeHealth] < 4 {
		t.Errorf("62308 categories by kind: %v", kinds)
	}
}

// Every code range of every embedded profile is well formed: both ends
// HCPCS or CPT codes of the same family and letter, in order.
func TestEmbeddedCodeRangesWellFormed(t *testing.T) {
	for _, id := range PayerIDs() {
		p, _ := Lookup(id)
		for _, c := range p.PriorAuthorization.Categories {
			for _, r := range c.Codes {
				if !procedureShaped(r.From) || !procedureShaped(r.To) {
					t.Errorf("%s %s: %v is not made of procedure codes", id, c.Name, r)
				}
				if r.From[0] != r.To[0] && (isLetter(r.From[0]) || isLetter(r.To[0])) {
					t.Errorf("%s %s: %v mixes prefixes", id, c.Name, r)
				}
				if r.From > r.To {
					t.Errorf("%s %s: %v is backwards", id, c.Name, r)
				}
				if !r.Contains(r.From) || !r.Contains(r.To) {
					t.Errorf("%s %s: %v does not contain its ends", id, c.Name, r)
				}
			}
		}
	}
}

// A second payer is a file: Parse and Load read it with no code for it.
func TestSecondProfileLoadsFromAFile(t *testing.T) {
	f, err := os.Open("testdata/profiles/99999.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	if p.PayerID != "99999" {
		t.Fatalf("payer %q", p.PayerID)
	}
	cane := edigw.ServiceLine{Number: 1, ProcedureQualifier: "HC", ProcedureCode: "E0100"}
	if c, ok := p.AuthorizationCategory("12", cane); !ok || c.Name != "walking aids" {
		t.Errorf("E0100 at 12: %v %v, want walking aids", c.Name, ok)
	}
	if _, ok := p.AuthorizationCategory("21", cane); ok {
		t.Error("E0100 at 21 (excluded by this profile) needs authorization")
	}
	bed := edigw.ServiceLine{Number: 1, ProcedureQualifier: "HC", ProcedureCode: "E0250"}
	if _, ok := p.AuthorizationCategory("12", bed); ok {
		t.Error("E0250 needs authorization under a profile that does not list it")
	}

	m, err := Load(os.DirFS("testdata"), "profiles")
	if err != nil {
		t.Fatal(err)
	}
	if m["99999"] == nil || len(m) != 1 {
		t.Errorf("Load: %v", m)
	}
}

func TestLoadWantsFilesNamedAfterThePayer(t *testing.T) {
	b, err := os.ReadFile("testdata/profiles/99999.json")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"p/12345.json": {Data: b}}
	if _, err := Load(fsys, "p"); err == nil || !strings.Contains(err.Error(), "99999.json") {
		t.Errorf("Load of 99999 as 12345.json: %v", err)
	}
}

func TestParseRejectsMalformedProfiles(t *testing.T) {
	good, err := os.ReadFile("testdata/profiles/99999.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new, want string
	}{
		{"unknown field", `"name": "Example Health Plan"`, `"name": "Example Health Plan", "nmae": "x"`, "unknown field"},
		{"backwards range", `"E0100-E0105"`, `"E0105-E0100"`, "comes after"},
		{"two letters", `"E0100-E0105"`, `"E0100-K0105"`, "same letter"},
		{"not a code", `"E0100-E0105"`, `"cane"`, "neither"},
		{"overlap", `"E0130-E0149"`, `"E0100-E0149"`, "overlap"},
		{"kind", `"kind": "dme"`, `"kind": "equipment"`, "kind"},
		{"calendar", `"calendar": "weekdays"`, `"calendar": "lunar"`, "calendar"},
		{"validity", `"purchaseDays": 30`, `"purchaseDays": 0`, "validity"},
		{"appeals", `"filingDays": 60`, `"filingDays": -1`, "appeals"},
		{"acquisition", `"acquisition": "purchase"`, `"acquisition": "lease"`, "acquisition"},
		{"modifier", `"code": "RR"`, `"code": "RRR"`, "modifier"},
		{"place of service", `["21"]`, `["Home"]`, "place of service"},
		{"payer", `"payerId": "99999"`, `"payerId": ""`, "payerId"},
		{"revenue code", `"codes": ["E0100-E0105", "E0130-E0149"]`, `"codes": ["E0100-E0105"], "revenueCodes": ["42X"], "billTypes": ["32"]`, "revenue code"},
		{"revenue codes without bill types", `"codes": ["E0100-E0105", "E0130-E0149"]`, `"codes": ["E0100-E0105"], "revenueCodes": ["042X"]`, "bill types"},
		{"not JSON", `{`, `[`, "payer profile"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Replace(string(good), tt.old, tt.new, 1)
			if text == string(good) {
				t.Fatalf("%q is not in the test profile", tt.old)
			}
			_, err := ParseBytes([]byte(text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

// Categories limited to different places of service may share codes; the
// same code twice anywhere else is refused.
func TestOverlapsAllowDisjointPlaces(t *testing.T) {
	r, _ := ParseCodeRange("97110")
	home := Category{Name: "home", Codes: []CodeRange{r}, PlacesOfService: []string{"12"}}
	office := Category{Name: "office", Codes: []CodeRange{r}, PlacesOfService: []string{"11"}}
	anywhere := Category{Name: "anywhere", Codes: []CodeRange{r}}
	if errs := overlaps([]Category{home, office}); len(errs) != 0 {
		t.Errorf("home and office: %v", errs)
	}
	if errs := overlaps([]Category{home, anywhere}); len(errs) != 1 {
		t.Errorf("home and anywhere: %v", errs)
	}
}
