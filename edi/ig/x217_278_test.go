package ig

import (
	"slices"
	"testing"
)

// x217Seg returns the loop's own segment with the given ID whose key
// element allows code (any, when code is empty).
func x217Seg(t *testing.T, l *Loop, id, code string) *Segment {
	t.Helper()
	for _, c := range l.Children {
		s, ok := c.(*Segment)
		if !ok || s.ID != id {
			continue
		}
		if code == "" || s.Key() > 0 && slices.Contains(s.KeyCodes(), code) {
			return s
		}
	}
	t.Fatalf("loop %s has no %s segment for %q", l.ID, id, code)
	return nil
}

func TestX217Registered(t *testing.T) {
	got := Standard().Candidates("278", "005010X217")
	if len(got) != 2 || got[0] != X217Request || got[1] != X217Response {
		t.Fatalf("Standard().Candidates(278, 005010X217) = %v, want [X217Request X217Response]", got)
	}
	if !slices.Equal(X217Request.BHT02, []string{"13"}) || !slices.Equal(X217Response.BHT02, []string{"11"}) {
		t.Errorf("BHT02: request %v, response %v", X217Request.BHT02, X217Response.BHT02)
	}
	for _, g := range got {
		if g.FunctionalID != "HI" {
			t.Errorf("%s: functional ID %q", g.Name, g.FunctionalID)
		}
	}
}

func TestX217Hierarchy(t *testing.T) {
	const sub = "2000A/2000B/2000C"
	for _, c := range []struct {
		g     *Guide
		path  string
		usage Usage
		max   int
	}{
		{X217Request, "2000A", R, 1},
		{X217Request, "2000A/2010A", R, 1},
		{X217Request, sub, R, 1}, // one subscriber, one patient event per set
		{X217Request, sub + "/2000D", S, 1},
		{X217Request, sub + "/2000D/2000E", R, 1},
		{X217Request, sub + "/2000E", S, 1},
		{X217Request, sub + "/2000E/2010EA", S, 12},
		{X217Request, sub + "/2000E/2010EB", S, 5},
		{X217Request, sub + "/2000E/2010EC", S, 3},
		{X217Request, sub + "/2000D/2000E/2000F", S, Many},
		{X217Request, sub + "/2000E/2000F/2010F", S, 12},
		{X217Response, sub + "/2000E/2010EB", S, 1},
		{X217Response, sub + "/2000E/2010EC", S, 5},
		{X217Response, sub + "/2000E/2000F/2010FA", S, 12},
		{X217Response, sub + "/2000D/2000E/2000F/2010FB", S, 1},
	} {
		l := loopAt(t, c.g, c.path)
		if l.Usage != c.usage || l.Max != c.max {
			t.Errorf("%s %s: usage %v max %d, want %v %d", c.g.Name, c.path, l.Usage, l.Max, c.usage, c.max)
		}
	}
	// The name loops of the response's patient event are not the request's.
	for id, want := range map[string][2]string{
		"2010EB": {"Patient Event Transport Information", "Additional Patient Information Contact Name"},
		"2010EC": {"Patient Event Other UMO Name", "Patient Event Transport Information"},
	} {
		if got := loopAt(t, X217Request, sub+"/2000E/"+id).Name; got != want[0] {
			t.Errorf("request %s is %q, want %q", id, got, want[0])
		}
		if got := loopAt(t, X217Response, sub+"/2000E/"+id).Name; got != want[1] {
			t.Errorf("response %s is %q, want %q", id, got, want[1])
		}
	}
	if got := x217Seg(t, loopAt(t, X217Request, sub+"/2000E/2010EB"), "NM1", "").Elements[0].Codes; !slices.Equal(got, []string{"45", "FS", "ND", "PW", "R3"}) {
		t.Errorf("request 2010EB NM101 codes %v", got)
	}
	if got := x217Seg(t, loopAt(t, X217Response, sub+"/2000E/2010EB"), "NM1", "").Elements[0].Codes; !slices.Equal(got, []string{"L5"}) {
		t.Errorf("response 2010EB NM101 codes %v", got)
	}
}

// TestX217RequestResponse checks what only one of the pair carries: the
// response's validation (AAA) and review outcome (HCR), the request's
// certification (CRC) conditions.
func TestX217RequestResponse(t *testing.T) {
	count := func(g *Guide, id string) int {
		n := 0
		var walk func(l *Loop)
		walk = func(l *Loop) {
			for _, c := range l.Children {
				switch c := c.(type) {
				case *Segment:
					if c.ID == id {
						n++
					}
				case *Loop:
					walk(c)
				}
			}
		}
		walk(g.Root)
		return n
	}
	for _, id := range []string{"AAA", "HCR"} {
		if n := count(X217Request, id); n != 0 {
			t.Errorf("request has %d %s segments, want none", n, id)
		}
		if n := count(X217Response, id); n == 0 {
			t.Errorf("response has no %s segment", id)
		}
	}
	if count(X217Response, "CRC") != 0 || count(X217Request, "CRC") == 0 {
		t.Errorf("CRC: request %d, response %d", count(X217Request, "CRC"), count(X217Response, "CRC"))
	}

	event := loopAt(t, X217Response, "2000A/2000B/2000C/2000E")
	hcr := x217Seg(t, event, "HCR", "")
	if hcr.Usage != S || !slices.Equal(hcr.Elements[0].Codes, []string{"A1", "A2", "A3", "A4", "A6", "C", "CT", "NA"}) {
		t.Errorf("2000E HCR: usage %v, HCR01 %v", hcr.Usage, hcr.Elements[0].Codes)
	}
	service := loopAt(t, X217Response, "2000A/2000B/2000C/2000E/2000F")
	if got := x217Seg(t, service, "HCR", "").Elements[0].Codes; slices.Contains(got, "A2") {
		t.Errorf("2000F HCR01 allows A2 (partial certification), which only applies to the event: %v", got)
	}
	for _, q := range []string{"102", "036", "007"} {
		x217Seg(t, event, "DTP", q)
		x217Seg(t, service, "DTP", q)
	}
	if got := x217Seg(t, event, "TRN", "").Max; got != 3 {
		t.Errorf("response 2000E TRN max %d, want 3", got)
	}
	reqEvent := loopAt(t, X217Request, "2000A/2000B/2000C/2000E")
	if trn := x217Seg(t, reqEvent, "TRN", ""); trn.Max != 2 || !slices.Equal(trn.Elements[0].Codes, []string{"1"}) {
		t.Errorf("request 2000E TRN max %d, TRN01 %v", trn.Max, trn.Elements[0].Codes)
	}
	um := x217Seg(t, reqEvent, "UM", "")
	if um.Usage != R || len(um.Elements) != 10 || !slices.Equal(um.Elements[0].Codes, []string{"AR", "HS", "IN", "SC"}) {
		t.Errorf("request 2000E UM: usage %v, %d elements, UM01 %v", um.Usage, len(um.Elements), um.Elements[0].Codes)
	}
	hi := x217Seg(t, reqEvent, "HI", "")
	if len(hi.Elements) != 12 || !slices.Contains(hi.Elements[0].Parts[0].Codes, "ABK") || slices.Contains(hi.Elements[1].Parts[0].Codes, "ABK") {
		t.Errorf("request HI: principal diagnosis (ABK) belongs to HI01 only")
	}
	for _, q := range []string{"439", "484", "ABC", "431", "AAH", "435", "096"} {
		x217Seg(t, reqEvent, "DTP", q)
	}
}

// TestX217SiblingsDistinct checks that same-ID siblings (segments and loop
// triggers) have disjoint qualifier codes, so the walker can tell them apart.
func TestX217SiblingsDistinct(t *testing.T) {
	for _, g := range []*Guide{X217Request, X217Response} {
		var walk func(l *Loop)
		walk = func(l *Loop) {
			seen := map[string]map[string]string{} // segment ID -> code -> sibling
			for i, c := range l.Children {
				s, ok := c.(*Segment)
				name := ""
				if ok {
					name = s.Name
				} else {
					sub := c.(*Loop)
					s, name = sub.Trigger(), "loop "+sub.ID
					walk(sub)
				}
				if i == 0 || s.Key() == 0 {
					continue
				}
				if seen[s.ID] == nil {
					seen[s.ID] = map[string]string{}
				}
				for _, code := range s.KeyCodes() {
					if other, dup := seen[s.ID][code]; dup {
						t.Errorf("%s loop %s: %s %q in both %s and %s", g.Name, l.ID, s.ID, code, other, name)
					}
					seen[s.ID][code] = name
				}
			}
		}
		walk(g.Root)
	}
}
