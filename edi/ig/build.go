package ig

// The constructors below keep guide files short and readable: one line per
// element, one call per segment and loop.

// E is a simple data element: reference number, name, usage, type, minimum
// and maximum length, and the codes the guide allows (ID elements).
func E(ref int, name string, usage Usage, typ Type, min, max int, codes ...string) Element {
	return Element{Ref: itoa(ref), Name: name, Usage: usage, Type: typ, Min: min, Max: max, Codes: codes}
}

// X is an element the guide marks Not Used; it only holds its position.
func X(ref int, name string) Element {
	return Element{Ref: itoa(ref), Name: name, Usage: NotUsed, Type: AN, Min: 0, Max: 0}
}

// XC is a composite the guide marks Not Used.
func XC(id, name string) Element {
	return Element{Ref: id, Name: name, Usage: NotUsed, Type: Composite}
}

// C is a composite element made of components (built with E and X).
func C(id, name string, usage Usage, parts ...Element) Element {
	return Element{Ref: id, Name: name, Usage: usage, Type: Composite, Parts: parts}
}

// Rep returns the element allowed to repeat up to n times.
func (e Element) Rep(n int) Element {
	e.Repeat = n
	return e
}

// Date returns the element with its date format given by the element at
// position qualifier (DTP03 by DTP02, DMG02 by DMG01).
func (e Element) Date(qualifier int) Element {
	e.DateFormat = qualifier
	return e
}

// Seg defines a segment: ID, name, usage, maximum use and its elements in
// position order (Not Used ones included, with X).
func Seg(id, name string, usage Usage, max int, elems ...Element) *Segment {
	return &Segment{ID: id, Name: name, Usage: usage, Max: max, Elements: elems}
}

// Syntax adds syntax notes ("P0102", "C0304", ...) to a segment.
func (s *Segment) Syntax(rules ...string) *Segment {
	for _, r := range rules {
		s.Rules = append(s.Rules, parseRule(r))
	}
	return s
}

// Lp defines a loop: ID, name, usage, maximum repeat, and its children in
// order. The first child must be a segment: it starts the loop.
func Lp(id, name string, usage Usage, max int, children ...Node) *Loop {
	return &Loop{ID: id, Name: name, Usage: usage, Max: max, Children: children}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [12]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
