package ig

import (
	"fmt"
	"sort"
)

// Registry holds implementation guides by transaction set and version. A
// Validator or Walker reads sets with the guides of its registry; the
// standard one (Standard) holds the HIPAA 5010 guides of this package. A
// registry does not change once made, so one may serve any number of
// validators at once.
type Registry struct {
	bySet map[string][]*Guide // by ST01 + " " + version
	all   []*Guide            // ordered by set, version and BHT02
}

// NewRegistry returns a registry of the guides, after checking that each is
// well formed and computing its recognition keys (which the guide keeps: a
// guide is prepared once, whatever registries hold it). Two guides may share
// a set and version only when BHT02 tells them apart.
func NewRegistry(guides ...*Guide) (*Registry, error) {
	r := &Registry{bySet: map[string][]*Guide{}}
	for _, g := range guides {
		g.once.Do(func() { g.err = prepare(g) })
		if g.err != nil {
			return nil, g.err
		}
		k := g.SetID + " " + g.Version
		for _, o := range r.bySet[k] {
			if len(g.BHT02) == 0 || len(o.BHT02) == 0 || overlap(g.BHT02, o.BHT02) {
				return nil, fmt.Errorf("ig: guides %q and %q both read %s %s: BHT02 does not tell them apart", o.Name, g.Name, g.SetID, g.Version)
			}
		}
		r.bySet[k] = append(r.bySet[k], g)
		r.all = append(r.all, g)
	}
	sort.SliceStable(r.all, func(i, j int) bool {
		a, b := r.all[i], r.all[j]
		if a.SetID != b.SetID {
			return a.SetID < b.SetID
		}
		if a.Version != b.Version {
			return a.Version < b.Version
		}
		return fmt.Sprint(a.BHT02) < fmt.Sprint(b.BHT02)
	})
	return r, nil
}

// standard is built when the package is initialized, from the guide
// values of this package: a guide that is not well formed fails every
// test at once, and no caller ever waits for the first preparation.
var standard = mustRegistry(X212Request, X212Response, X214, X217Request, X217Response, X221A1, X222A1, X223A2, X224A2, X231A1,
	X279A1Inquiry, X279A1Response)

func mustRegistry(guides ...*Guide) *Registry {
	r, err := NewRegistry(guides...)
	if err != nil {
		panic(err)
	}
	return r
}

// Standard returns the registry of the HIPAA 5010 guides edigw supports:
// 276 and 277 claim status (X212), 277CA (X214), 278 request and response (X217), 835 (X221A1), 837P
// (X222A1), 837I (X223A2), 837D (X224A2), 999 (X231A1) and 270/271 (X279A1).
func Standard() *Registry { return standard }

// orStandard is r, or the standard registry when r is nil: a Validator
// or Walker made without a registry reads the 5010 guides.
func (r *Registry) orStandard() *Registry {
	if r == nil {
		return standard
	}
	return r
}

// Guides returns the registry's guides, ordered by set, version and BHT02.
// The slice is the caller's; the guides are shared and must not change.
func (r *Registry) Guides() []*Guide {
	return append([]*Guide(nil), r.all...)
}

// Candidates returns the guides for a transaction set ID and version (ST03,
// or GS08 when ST03 is empty). More than one means BHT02 decides.
func (r *Registry) Candidates(setID, version string) []*Guide {
	return r.bySet[setID+" "+version]
}

// prepare checks a guide's tree and sets each segment's recognition key.
func prepare(g *Guide) error {
	if g.Root == nil || g.Version == "" || g.SetID == "" {
		return fmt.Errorf("ig: guide %q lacks root, version or set ID", g.Name)
	}
	var walk func(l *Loop, path string) error
	walk = func(l *Loop, path string) error {
		for _, c := range append([]Node{l}, l.Children...) {
			if c, ok := c.(*Loop); ok && c.Trigger() == nil {
				return fmt.Errorf("ig: %s %s: loop %s does not start with a segment", g.Version, path, c.ID)
			}
		}
		indexChildren(l) // reads the children's triggers
		for _, c := range l.Children {
			switch c := c.(type) {
			case *Segment:
				c.key, c.keyComp = 0, 0
				for i, e := range c.Elements {
					if e.Type != Composite && len(e.Codes) > 0 && e.Usage != NotUsed {
						c.key = i + 1
						break
					}
				}
				if c.key == 0 {
					// HI, CTX: the qualifier is the first component of a composite.
					for i, e := range c.Elements {
						if e.Type == Composite && e.Usage != NotUsed && len(e.Parts) > 0 && len(e.Parts[0].Codes) > 0 {
							c.key, c.keyComp = i+1, 1
							break
						}
					}
				}
				for i := range c.Elements {
					indexCodes(&c.Elements[i])
				}
				for i, e := range c.Elements {
					if e.Usage == 0 || e.Type == 0 {
						return fmt.Errorf("ig: %s %s %s%02d: element lacks usage or type", g.Version, path, c.ID, i+1)
					}
					if e.Type != Composite && e.Usage != NotUsed && (e.Min < 0 || e.Max < e.Min || e.Max == 0) {
						return fmt.Errorf("ig: %s %s %s%02d: bad lengths %d-%d", g.Version, path, c.ID, i+1, e.Min, e.Max)
					}
				}
				for _, r := range c.Rules {
					for _, p := range r.Elements {
						if p < 1 || p > len(c.Elements) {
							return fmt.Errorf("ig: %s %s %s: rule %v names element %d of %d", g.Version, path, c.ID, r, p, len(c.Elements))
						}
					}
				}
				for i := range c.Rules {
					if c.Rules[i].mask == 0 { // guides share definitions: set once
						c.Rules[i].index()
					}
				}
			case *Loop:
				if err := walk(c, path+"/"+c.ID); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(g.Root, g.Root.ID); err != nil {
		return err
	}
	// Keys of nested triggers are computed when their loop is walked, after
	// the parent was indexed: index every loop again now that all are known.
	var reindex func(l *Loop)
	reindex = func(l *Loop) {
		indexChildren(l)
		for _, c := range l.Children {
			if c, ok := c.(*Loop); ok {
				reindex(c)
			}
		}
	}
	reindex(g.Root)
	return nil
}

// indexCodes builds the code sets of an element and its components.
func indexCodes(e *Element) {
	if len(e.Codes) > 0 && e.codeSet == nil {
		e.codeSet = make(map[string]struct{}, len(e.Codes))
		short := len(e.Codes) <= 16
		for _, c := range e.Codes {
			e.codeSet[c] = struct{}{}
			short = short && len(c) <= 4
		}
		if short {
			for _, c := range e.Codes {
				e.packed = append(e.packed, pack(c))
			}
		}
	}
	e.fast = fastNone
	if e.DateFormat == 0 && e.List == nil {
		switch e.Type {
		case AN:
			e.fast = fastText
		case ID:
			e.fast = fastCode
			if e.codeSet == nil { // any code: checkValue asks nothing more
				e.fast = fastText
			}
		}
	}
	for i := range e.Parts {
		indexCodes(&e.Parts[i])
	}
}

// indexChildren builds a loop's byID index and marks sibling segments that
// share an ID and a key code (their other codes must tell them apart).
// It runs after the children's keys are known, so it is called again at
// the end of prepare for every loop.
func indexChildren(l *Loop) {
	l.byID = l.byID[:0]
	l.required = l.required[:0]
	var defs []*Segment
	for i, c := range l.Children {
		var def *Segment
		switch c := c.(type) {
		case *Segment:
			def = c
			if c.Usage == Required {
				l.required = append(l.required, i)
			}
		case *Loop:
			def = c.Trigger()
			if c.Usage == Required {
				l.required = append(l.required, i)
			}
		}
		def.lastRequired = 0
		for k, e := range def.Elements {
			if e.Usage == Required || len(e.Parts) > 0 {
				def.lastRequired = k + 1
			}
		}
		k, found := pack(def.ID), false
		for j := range l.byID {
			if l.byID[j].id == k {
				l.byID[j].indexes = append(l.byID[j].indexes, i)
				found = true
			}
		}
		if !found {
			l.byID = append(l.byID, idChildren{id: k, indexes: []int{i}})
		}
		defs = append(defs, def)
	}
	indexIDs(l)
	l.defs, l.loops, l.runStart = l.defs[:0], l.loops[:0], l.runStart[:0]
	for i, c := range l.Children {
		lp, _ := c.(*Loop)
		l.defs, l.loops = append(l.defs, defs[i]), append(l.loops, lp)
		l.runStart = append(l.runStart, groupStart(l, i))
	}
	for i, a := range defs {
		for j, b := range defs {
			if i != j && a.ID == b.ID && overlap(a.KeyCodes(), b.KeyCodes()) {
				a.shared = true
			}
		}
	}
}

func overlap(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
