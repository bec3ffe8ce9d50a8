package edi

import "fmt"

// Delimiters are the four separators of an interchange, declared by its ISA
// segment: the element separator is the byte after "ISA", the repetition
// separator is ISA11, the component separator is ISA16 and the segment
// terminator is the byte after ISA16.
type Delimiters struct {
	Element    byte
	Repetition byte // 0 when the interchange declares none (ISA11 'U' in older files)
	Component  byte
	Segment    byte
}

// DefaultDelimiters is the set most 5010 trading partners use: * ^ : ~.
var DefaultDelimiters = Delimiters{Element: '*', Repetition: '^', Component: ':', Segment: '~'}

// Validate reports whether the delimiters are usable: present, distinct, and
// not letters or digits (which would be indistinguishable from data).
func (d Delimiters) Validate() error {
	check := func(name string, c byte) error {
		if c == 0 {
			return fmt.Errorf("%s separator is missing", name)
		}
		if isAlnum(c) || c == ' ' {
			return fmt.Errorf("%s separator %q is a letter, digit or space", name, c)
		}
		return nil
	}
	if err := check("element", d.Element); err != nil {
		return err
	}
	if err := check("component", d.Component); err != nil {
		return err
	}
	if err := check("segment", d.Segment); err != nil {
		return err
	}
	if d.Repetition != 0 {
		if err := check("repetition", d.Repetition); err != nil {
			return err
		}
	}
	set := []byte{d.Element, d.Component, d.Segment}
	if d.Repetition != 0 {
		set = append(set, d.Repetition)
	}
	for i := range set {
		for j := i + 1; j < len(set); j++ {
			if set[i] == set[j] {
				return fmt.Errorf("delimiter %q is used twice", set[i])
			}
		}
	}
	return nil
}

// isDelimiter reports whether c is one of the delimiters.
func (d Delimiters) isDelimiter(c byte) bool {
	return c == d.Element || c == d.Component || c == d.Segment || (d.Repetition != 0 && c == d.Repetition)
}

func (d Delimiters) String() string {
	rep := "none"
	if d.Repetition != 0 {
		rep = fmt.Sprintf("%q", d.Repetition)
	}
	return fmt.Sprintf("element %q, repetition %s, component %q, segment %q", d.Element, rep, d.Component, d.Segment)
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'
}
