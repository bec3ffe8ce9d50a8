package ig

// The constructors below keep guide files short and readable: one line per
// element, one call per segment and loop. They are unexported because a
// guide is data of this package: other packages read guides (Guide, Loop,
// Segment, Element), they do not build them.

// elem is a simple data element: reference number, name, usage, type,
// minimum and maximum length, and the codes the guide allows (ID elements).
func elem(ref int, name string, usage Usage, typ Type, min, max int, codes ...string) Element {
	return Element{Ref: itoa(ref), Name: name, Usage: usage, Type: typ, Min: min, Max: max, Codes: codes}
}

// unused is an element the guide marks Not Used; it only holds its position.
func unused(ref int, name string) Element {
	return Element{Ref: itoa(ref), Name: name, Usage: NotUsed, Type: AN, Min: 0, Max: 0}
}

// unusedComposite is a composite the guide marks Not Used.
func unusedComposite(id, name string) Element {
	return Element{Ref: id, Name: name, Usage: NotUsed, Type: Composite}
}

// composite is a composite element made of components (built with elem
// and unused).
func composite(id, name string, usage Usage, parts ...Element) Element {
	return Element{Ref: id, Name: name, Usage: usage, Type: Composite, Parts: parts}
}

// rep returns the element allowed to repeat up to n times.
func (e Element) rep(n int) Element {
	e.Repeat = n
	return e
}

// date returns the element with its date format given by the element at
// position qualifier (DTP03 by DTP02, DMG02 by DMG01).
func (e Element) date(qualifier int) Element {
	e.DateFormat = qualifier
	return e
}

// seg defines a segment: ID, name, usage, maximum use and its elements in
// position order (Not Used ones included, with unused).
func seg(id, name string, usage Usage, max int, elems ...Element) *Segment {
	return &Segment{ID: id, Name: name, Usage: usage, Max: max, Elements: elems}
}

// syntax adds syntax notes ("P0102", "C0304", ...) to a segment.
func (s *Segment) syntax(rules ...string) *Segment {
	for _, r := range rules {
		s.Rules = append(s.Rules, parseRule(r))
	}
	return s
}

// loop defines a loop: ID, name, usage, maximum repeat, and its children in
// order. The first child must be a segment: it starts the loop.
func loop(id, name string, usage Usage, max int, children ...Node) *Loop {
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
