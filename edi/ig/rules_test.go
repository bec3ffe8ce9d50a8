package ig

import (
	"io"
	"strings"
	"testing"

	"github.com/edigw/edigw/edi"
)

// TestRuleMaskAgreesWithTheLook: for every kind of syntax rule and every
// set of elements present, a rule its mask says is kept (Rule.holds) is
// one checkRules' element-by-element look finds nothing wrong with, and
// one it does not say is kept is one the look reports.
func TestRuleMaskAgreesWithTheLook(t *testing.T) {
	const n = 4 // elements of the segment; rules name 2 to 4 of them
	ruleSets := [][]int{{1, 2}, {2, 3, 4}, {1, 3}, {4, 1, 2}, {1, 2, 3, 4}}
	for _, kind := range []byte("PRCEL") {
		for _, els := range ruleSets {
			if kind == 'L' && len(els) < 2 {
				continue
			}
			r := Rule{Kind: kind, Elements: els}
			r.index()
			if r.mask == 0 {
				t.Fatalf("%v: no mask", r)
			}
			def := &Segment{ID: "ZZZ", Rules: []Rule{r}}
			for i := 0; i < n; i++ {
				def.Elements = append(def.Elements, Element{Ref: "1", Name: "e", Usage: Situational, Type: AN, Min: 1, Max: 9})
			}
			for present := 0; present < 1<<n; present++ {
				raw := "ZZZ"
				for i := 1; i <= n; i++ {
					raw += "*"
					if present&(1<<(i-1)) != 0 {
						raw += "X"
					}
				}
				seg := readOne(t, raw)
				errs := 0
				w := &Walker{File: "rules", Report: func(*edi.Error) { errs++ }}
				w.checkRules(seg, &Segment{ID: def.ID, Elements: def.Elements, Rules: []Rule{{Kind: kind, Elements: els}}}) // no mask: the look alone
				if kept := r.holds(seg.Present()); kept != (errs == 0) {
					t.Errorf("%v with %q: holds says %v, the look finds %d errors", r, raw, kept, errs)
				}
			}
		}
	}
}

// readOne reads one segment, inside a minimal interchange.
func readOne(t *testing.T, raw string) *edi.Segment {
	t.Helper()
	in := "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260115*1030*^*00501*000000001*0*T*:~" + raw + "~"
	rd := edi.NewReader(strings.NewReader(in))
	for {
		s, err := rd.Next()
		if err == io.EOF {
			t.Fatalf("%q: not read", raw)
		}
		if err == nil && s.ID() == "ZZZ" {
			return s.Clone()
		}
	}
}
