package ig

import (
	"fmt"
	"math/bits"
	"strings"
	"sync"
)

// Usage is what a guide says of a loop, segment or element.
type Usage uint8

const (
	Required    Usage = iota + 1 // R: must be present
	Situational                  // S: present when the guide's situation applies
	NotUsed                      // N: must not be present
)

func (u Usage) String() string {
	switch u {
	case Required:
		return "R"
	case Situational:
		return "S"
	case NotUsed:
		return "N"
	}
	return "?"
}

// Short names for guide files, which are long lists of definitions.
const (
	R = Required
	S = Situational
	N = NotUsed
)

// Many is the maximum use or repeat the guides write as ">1".
const Many = 0

// Type is an X12 data element type.
type Type uint8

const (
	AN Type = iota + 1 // string
	ID                 // identifier (a code)
	N0                 // implied-decimal numeric, 0 decimals
	N2                 // implied-decimal numeric, 2 decimals
	R_                 // decimal number (written R in the guides)
	DT                 // date: CCYYMMDD (or YYMMDD when its maximum is 6)
	TM                 // time: HHMM[SS[d[d]]]
	B                  // binary
	Composite
)

var typeNames = map[Type]string{AN: "AN", ID: "ID", N0: "N0", N2: "N2", R_: "R", DT: "DT", TM: "TM", B: "B", Composite: "composite"}

func (t Type) String() string { return typeNames[t] }

// Element is one data element (or composite, or component) of a segment.
type Element struct {
	Ref    string // data element reference number ("98") or composite ID ("C003")
	Name   string
	Usage  Usage
	Type   Type
	Min    int
	Max    int
	Codes  []string  // the codes the guide allows (ID elements); empty = any (external code list)
	Repeat int       // maximum repetitions; 0 or 1 = does not repeat
	Parts  []Element // components of a composite
	// DateFormat, when set, is the position (1-based) of the element that
	// qualifies this one's date format (D8, RD8, DT, TM ...), e.g. DTP02
	// for DTP03.
	DateFormat int
	// List, when set, is the external code list the value must be in
	// (states, countries, claim status codes): lists too long or too
	// changeable to write into Codes.
	List *CodeList

	codeSet map[string]struct{} // Codes as a set, built by NewRegistry
	packed  []uint64            // Codes packed, when every code has at most 4 bytes and there are at most 16
	fast    fastCheck           // what the walker checks of a value without calling checkValue (NewRegistry)
}

// fastCheck names the elements whose values the walker checks inline
// (Element.clean): a string or a code with no date format and no external
// list, nearly every element of a claim, where checkValue's call cost more
// than its checks.
type fastCheck uint8

const (
	fastNone fastCheck = iota
	fastText           // AN, or ID with no codes of its own: its length only (the segment is printable)
	fastCode           // ID: its length and its code
)

// clean reports whether value v, in a segment all of printable bytes,
// passes every check checkValue makes of it; false means checkValue must
// look (it may still find nothing).
func (e *Element) clean(v []byte) bool {
	return e.fast != fastNone && len(v) >= e.Min && len(v) <= e.Max && (e.fast == fastText || e.has(v))
}

// Segment is one segment definition in a loop.
type Segment struct {
	ID       string
	Name     string
	Usage    Usage
	Max      int // maximum use; Many for >1
	Elements []Element
	// Rules are the X12 syntax notes: P0102 (paired), R0203 (at least one),
	// C0304 (if the first then all), E0405 (at most one), L010203 (if the
	// first then at least one other).
	Rules []Rule
	// OnlyWith are situational rules that make an element depend on the
	// codes of others (situations.go).
	OnlyWith []OnlyWith
	// key is the position of the element whose codes tell this segment
	// from siblings with the same ID (computed by NewRegistry: the first
	// simple element with codes, else the first composite whose first
	// component has codes, with keyComp = 1).
	key     int
	keyComp int
	// shared is set when a sibling has the same ID and overlapping key
	// codes: only then must the other codes decide between them.
	shared bool
	// lastRequired is the position of the last required element: past it
	// and past the segment's end nothing is left to check.
	lastRequired int
}

// Loop is a loop, or the transaction set itself (the root).
type Loop struct {
	ID       string // "2300"; the root is "ST"
	Name     string
	Usage    Usage
	Max      int // maximum repeat; Many for >1
	Children []Node

	// byID lists, for each segment ID, the children it can match (the
	// segment itself or a loop it starts), in order; built by NewRegistry.
	byID []idChildren
	// defs, loops and runStart are, for each child, the segment that
	// matches it (its trigger for a loop), the loop (nil for a segment)
	// and groupStart's answer: built by NewRegistry so that the walk
	// asserts no Node's type for every segment (child, groupStartOf).
	defs     []*Segment
	loops    []*Loop
	runStart []int
	// idSlots is byID's hash table: 1 + an index into byID, 0 for none
	// (indexIDs).
	idSlots []uint8
	// required lists the indexes of required children, for the check of
	// what a loop lacks when the walk moves past it.
	required []int
}

// Node is a Segment or a Loop.
type Node interface{ node() }

func (*Segment) node() {}
func (*Loop) node()    {}

// Trigger is the loop's first segment, which starts each repetition.
func (l *Loop) Trigger() *Segment {
	if len(l.Children) == 0 {
		return nil
	}
	s, _ := l.Children[0].(*Segment)
	return s
}

// Guide is one implementation guide (TR3) of one transaction set.
type Guide struct {
	Version      string // GS08/ST03: "005010X222A1"
	SetID        string // ST01: "837"
	FunctionalID string // GS01: "HC"
	Name         string // "Health Care Claim: Professional"
	// BHT02 tells guides that share a version and set apart (278 request
	// "13" and response "11"); empty when the version alone decides.
	BHT02 []string
	Root  *Loop

	// once prepares the guide (checks it, computes its recognition keys)
	// the first time a registry takes it; err is what that found.
	once sync.Once
	err  error
}

// Key returns the position of the element that distinguishes the segment
// among siblings with the same ID, or 0.
func (s *Segment) Key() int { return s.key }

// KeyCodes returns the codes of the segment's key: of its key element, or
// of the first component when the key is a composite (HI01-1, CTX01-1).
func (s *Segment) KeyCodes() []string {
	if s.key == 0 {
		return nil
	}
	e := s.Elements[s.key-1]
	if s.keyComp > 0 {
		return e.Parts[s.keyComp-1].Codes
	}
	return e.Codes
}

// Rule is a syntax note on a segment's elements.
type Rule struct {
	Kind     byte  // P, R, C, E or L
	Elements []int // 1-based positions
	// mask has bit p set for each of Elements (NewRegistry); 0 when one
	// is past 63 or named twice, and checkRules looks element by element.
	mask uint64
}

// index sets r.mask.
func (r *Rule) index() {
	var m uint64
	for _, p := range r.Elements {
		if p < 1 || p > 63 || m&(1<<p) != 0 {
			return
		}
		m |= 1 << p
	}
	r.mask = m
}

// holds reports, from the elements present (edi.Segment.Present), that
// the rule is kept, which checkRules then need not look into; false when
// it is broken (or r has no mask).
func (r *Rule) holds(present uint64) bool {
	if r.mask == 0 {
		return false
	}
	in := present & r.mask
	first := uint64(1) << r.Elements[0]
	switch r.Kind {
	case 'P': // all or none
		return in == 0 || in == r.mask
	case 'R': // at least one
		return in != 0
	case 'C': // if the first, then all others
		return in&first == 0 || in == r.mask
	case 'E': // at most one
		return bits.OnesCount64(in) <= 1
	case 'L': // if the first, then at least one other
		return in&first == 0 || in&^first != 0
	}
	return false
}

func (r Rule) String() string {
	var b strings.Builder
	b.WriteByte(r.Kind)
	for _, e := range r.Elements {
		fmt.Fprintf(&b, "%02d", e)
	}
	return b.String()
}

// parseRule reads "P0102" style notes.
func parseRule(s string) Rule {
	if len(s) < 5 || (len(s)-1)%2 != 0 || !strings.ContainsRune("PRCEL", rune(s[0])) {
		panic("ig: bad syntax rule " + s)
	}
	r := Rule{Kind: s[0]}
	for i := 1; i < len(s); i += 2 {
		r.Elements = append(r.Elements, int(s[i]-'0')*10+int(s[i+1]-'0'))
	}
	return r
}

// has reports whether v is one of the element's codes. Codes of up to
// four bytes (nearly all) are compared as packed integers.
func (e *Element) has(v []byte) bool {
	if e.packed != nil && len(v) <= 4 {
		k := pack(v)
		for _, c := range e.packed {
			if c == k {
				return true
			}
		}
		return false
	}
	if len(e.Codes) <= 8 {
		for _, c := range e.Codes {
			if string(v) == c {
				return true
			}
		}
		return false
	}
	_, ok := e.codeSet[string(v)]
	return ok
}

// pack packs up to four bytes and the length into an integer.
func pack[T string | []byte](v T) uint64 {
	k := uint64(len(v))
	for i := 0; i < len(v); i++ {
		k = k<<8 | uint64(v[i])
	}
	return k
}

// idChildren lists the children of a loop a segment ID can match.
type idChildren struct {
	id      uint64 // the packed segment ID
	indexes []int
}

// child is child i's segment (its trigger for a loop) and, for a loop,
// the loop. i comes from childrenFor, whose index NewRegistry builds
// with these.
func (l *Loop) child(i int) (*Segment, *Loop) { return l.defs[i], l.loops[i] }

// groupStartOf is groupStart(l, pos), as NewRegistry noted it; a pos
// past the children is its own start, as groupStart says.
func (l *Loop) groupStartOf(pos int) int {
	if pos < len(l.runStart) {
		return l.runStart[pos]
	}
	return pos
}

// childrenFor returns the children of l that a segment with the ID can match.
func (l *Loop) childrenFor(id string) []int {
	k := pack(id)
	if l.idSlots == nil { // more IDs than a slot can name
		for i := range l.byID {
			if l.byID[i].id == k {
				return l.byID[i].indexes
			}
		}
		return nil
	}
	mask := uint64(len(l.idSlots) - 1)
	for h := idSlot(k, mask); ; h = (h + 1) & mask {
		j := l.idSlots[h]
		if j == 0 {
			return nil
		}
		if c := &l.byID[j-1]; c.id == k {
			return c.indexes
		}
	}
}

// idSlot is where packed ID k starts its search in a loop's idSlots.
func idSlot(k, mask uint64) uint64 { return (k * 0x9E3779B97F4A7C15 >> 32) & mask }

// indexIDs fills l.idSlots from l.byID: an open-addressed table at most
// half full, so that the walker finds a segment ID's children in a probe
// or two instead of a scan of the loop's IDs (a loop has up to about
// twenty, and the walk asks for every segment, in every open loop it
// tries).
func indexIDs(l *Loop) {
	l.idSlots = nil
	if len(l.byID) > 255 {
		return
	}
	n := 1
	for n < 2*len(l.byID) {
		n *= 2
	}
	l.idSlots = make([]uint8, n)
	mask := uint64(n - 1)
	for i, c := range l.byID {
		h := idSlot(c.id, mask)
		for l.idSlots[h] != 0 {
			h = (h + 1) & mask
		}
		l.idSlots[h] = uint8(i + 1)
	}
}
