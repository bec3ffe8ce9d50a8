package ig

import (
	"slices"
	"testing"
)

func TestX224A2Registered(t *testing.T) {
	if got := Standard().Candidates("837", "005010X224A2"); !slices.Contains(got, X224A2) {
		t.Fatalf("Standard().Candidates(837, 005010X224A2) = %v, want X224A2", got)
	}
	if X224A2.FunctionalID != "HC" || X224A2.Name != "Health Care Claim: Dental" {
		t.Fatalf("guide header: %+v", X224A2)
	}
}

func TestX224A2Hierarchy(t *testing.T) {
	for path, usage := range map[string]Usage{
		"1000A": R, "1000B": R,
		"2000A": R, "2000A/2010AA": R, "2000A/2010AB": S, "2000A/2010AC": S,
		"2000A/2000B": R, "2000A/2000B/2010BA": R, "2000A/2000B/2010BB": R,
		"2000A/2000B/2300":                  S, // the subscriber is the patient
		"2000A/2000B/2000C":                 S,
		"2000A/2000B/2000C/2010CA":          R,
		"2000A/2000B/2000C/2300":            R,
		"2000A/2000B/2000C/2300/2310D":      S,
		"2000A/2000B/2000C/2300/2320/2330A": R,
		"2000A/2000B/2000C/2300/2320/2330H": S,
		"2000A/2000B/2300/2400":             R,
		"2000A/2000B/2300/2400/2420D":       S,
		"2000A/2000B/2300/2400/2430":        S,
	} {
		if l := loopAt(t, X224A2, path); l.Usage != usage {
			t.Errorf("loop %s usage %v, want %v", path, l.Usage, usage)
		}
	}
	var subloops []string
	for _, c := range loopAt(t, X224A2, "2000A/2000B/2000C/2300").Children {
		if l, ok := c.(*Loop); ok {
			subloops = append(subloops, l.ID+" "+l.Name)
		}
	}
	want := []string{"2310A Referring Provider Name", "2310B Rendering Provider Name",
		"2310C Service Facility Location Name", "2310D Assistant Surgeon Name",
		"2310E Supervising Provider Name", "2320 Other Subscriber Information", "2400 Service Line Number"}
	if !slices.Equal(subloops, want) {
		t.Errorf("2300 subloops %q, want %q", subloops, want)
	}
	if l := loopAt(t, X224A2, "2000A/2000B/2300/2400"); l.Max != 50 {
		t.Errorf("2400 repeat %d, want 50", l.Max)
	}
}

func TestX224A2DentalSegments(t *testing.T) {
	claim := loopAt(t, X224A2, "2000A/2000B/2000C/2300")
	dn2 := segNamed(t, claim, "DN2", "Tooth Status")
	if dn2.Max != 35 || !slices.Equal(dn2.Elements[1].Codes, []string{"E", "M"}) || len(dn2.Elements) != 6 {
		t.Errorf("DN2: max %d, DN202 %v, %d elements", dn2.Max, dn2.Elements[1].Codes, len(dn2.Elements))
	}
	clm := segNamed(t, claim, "CLM", "Claim Information")
	if pos := clm.Elements[4].Parts[1]; !slices.Equal(pos.Codes, []string{"B"}) {
		t.Errorf("CLM05-2 codes %v, want B (place of service)", pos.Codes)
	}
	if clm.Elements[18].Usage != S || !slices.Equal(clm.Elements[18].Codes, []string{"PB"}) {
		t.Errorf("CLM19 %+v, want S PB (predetermination)", clm.Elements[18])
	}

	line := loopAt(t, X224A2, "2000A/2000B/2000C/2300/2400")
	sv3 := segNamed(t, line, "SV3", "Dental Service")
	if len(sv3.Elements) != 11 {
		t.Fatalf("SV3 has %d elements, want 11", len(sv3.Elements))
	}
	if e := sv3.Elements[0]; e.Usage != R || !slices.Equal(e.Parts[0].Codes, []string{"AD"}) {
		t.Errorf("SV301: %v %v, want R with AD", e.Usage, e.Parts[0].Codes)
	}
	if e := sv3.Elements[3]; e.Ref != "C006" || e.Type != Composite || len(e.Parts) != 5 {
		t.Errorf("SV304 %s %v with %d parts, want C006 oral cavity designation", e.Ref, e.Type, len(e.Parts))
	}
	if e := sv3.Elements[4]; !slices.Equal(e.Codes, []string{"I", "R"}) {
		t.Errorf("SV305 codes %v, want I R", e.Codes)
	}
	if e := sv3.Elements[10]; e.Ref != "C004" || len(e.Parts) != 4 {
		t.Errorf("SV311 %s with %d parts, want C004 diagnosis pointers", e.Ref, len(e.Parts))
	}
	too := segNamed(t, line, "TOO", "Tooth Information")
	if too.Max != 32 || too.Key() != 1 || !slices.Equal(too.Elements[0].Codes, []string{"JP"}) {
		t.Errorf("TOO: max %d key %d TOO01 %v", too.Max, too.Key(), too.Elements[0].Codes)
	}
	if surf := too.Elements[2]; surf.Ref != "C005" || !slices.Equal(surf.Parts[0].Codes, []string{"B", "D", "F", "I", "L", "M", "O"}) {
		t.Errorf("TOO03 %s %v", surf.Ref, surf.Parts[0].Codes)
	}
}

// Siblings that share a segment ID must be told apart by their qualifiers.
func TestX224A2SiblingQualifiers(t *testing.T) {
	var check func(l *Loop)
	check = func(l *Loop) {
		seen := map[string]string{} // segment ID + code -> name
		for _, c := range l.Children {
			s, _ := c.(*Segment)
			if sub, ok := c.(*Loop); ok {
				s = sub.Trigger()
				check(sub)
			}
			if s.Key() == 0 {
				continue
			}
			for _, code := range s.KeyCodes() {
				k := s.ID + " " + code
				if prev, dup := seen[k]; dup {
					t.Errorf("loop %s: %s %s both in %q and %q", l.ID, s.ID, code, prev, s.Name)
				}
				seen[k] = s.Name
			}
		}
	}
	check(X224A2.Root)

	dates := map[string][]string{}
	for _, c := range loopAt(t, X224A2, "2000A/2000B/2300/2400").Children {
		if s, ok := c.(*Segment); ok && s.ID == "DTP" {
			dates[s.Name] = s.Elements[0].Codes
		}
	}
	for name, code := range map[string]string{"Date - Service Date": "472", "Date - Prior Placement": "441",
		"Date - Appliance Placement": "452", "Date - Replacement": "446", "Date - Treatment Start": "196",
		"Date - Treatment Completion": "198"} {
		if !slices.Equal(dates[name], []string{code}) {
			t.Errorf("2400 %s DTP01 %v, want %s", name, dates[name], code)
		}
	}
}
