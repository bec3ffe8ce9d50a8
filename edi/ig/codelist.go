package ig

import (
	"slices"
	"strings"
)

// CodeList is an external code list: one a guide names rather than lists
// (X12 calls them external code sources), such as the state and province
// codes of N402 or the claim status codes of STC01-2. Its codes are data
// of this package, like the guides that use them, so that validation needs
// nothing outside edi; what a code means is mapping's (mapping/codes),
// whose tests keep the two in step (decisions/0020).
type CodeList struct {
	// Name says which list it is in messages ("state or province").
	Name  string
	codes map[string]struct{}
}

// newCodeList makes a list from codes separated by white space.
func newCodeList(name, codes string) *CodeList {
	f := strings.Fields(codes)
	l := &CodeList{Name: name, codes: make(map[string]struct{}, len(f))}
	for _, c := range f {
		if _, dup := l.codes[c]; dup {
			panic("ig: code " + c + " twice in list " + name)
		}
		l.codes[c] = struct{}{}
	}
	return l
}

// Has reports whether v is a code of the list. The map lookup with a
// converted byte slice does not allocate.
func (l *CodeList) Has(v []byte) bool {
	_, ok := l.codes[string(v)]
	return ok
}

// Codes returns the list's codes, sorted.
func (l *CodeList) Codes() []string {
	out := make([]string, 0, len(l.codes))
	for c := range l.codes {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// from returns the element with its values checked against an external
// code list.
func (e Element) from(l *CodeList) Element {
	e.List = l
	return e
}
