package edi

import "bytes"

// Segment is one X12 segment as read by a Reader. Its bytes belong to the
// Reader's buffer and are valid only until the next call to Next; use Clone
// to keep a segment.
type Segment struct {
	Pos Position

	id    string
	raw   []byte
	offs  []int // offs[i] is where element i starts (0 is the ID); one sentinel past the end
	d     Delimiters
	flags uint8
}

// ID is the segment identifier (ISA, GS, ST, NM1 ...).
func (s *Segment) ID() string { return s.id }

// Raw is the segment's bytes without its terminator.
func (s *Segment) Raw() []byte { return s.raw }

// Delimiters are the separators of the interchange the segment came from.
func (s *Segment) Delimiters() Delimiters { return s.d }

// Len is the number of data elements present, counting empty ones in the
// middle (NM1*IL*1**X has 4).
func (s *Segment) Len() int { return len(s.offs) - 2 }

// Present has bit i set for each data element i (1 to 63) that is not
// empty: a validator checking which elements go together asks once a
// segment instead of once an element and rule.
func (s *Segment) Present() uint64 {
	var m uint64
	for i := 1; i+1 < len(s.offs) && i < 64; i++ {
		if s.offs[i+1]-s.offs[i] > 1 {
			m |= 1 << i
		}
	}
	return m
}

// Element returns data element i (1-based) with its repetitions and
// components unsplit; nil when the segment has fewer elements.
func (s *Segment) Element(i int) []byte {
	if i < 1 || i > s.Len() {
		return nil
	}
	return s.raw[s.offs[i] : s.offs[i+1]-1]
}

// String returns element i as a string ("" when absent).
func (s *Segment) String(i int) string { return string(s.Element(i)) }

// Component returns component j (1-based) of the first repetition of element i.
func (s *Segment) Component(i, j int) []byte {
	e := s.Element(i)
	if s.d.Repetition != 0 {
		if k := bytes.IndexByte(e, s.d.Repetition); k >= 0 {
			e = e[:k]
		}
	}
	return nth(e, s.d.Component, j)
}

// Repetitions returns the repetitions of element i (a single one when the
// element does not repeat; none when it is absent or empty).
func (s *Segment) Repetitions(i int) [][]byte {
	e := s.Element(i)
	if len(e) == 0 {
		return nil
	}
	if s.d.Repetition == 0 {
		return [][]byte{e}
	}
	return bytes.Split(e, []byte{s.d.Repetition})
}

// Components splits one element value (or one repetition) into components.
func (s *Segment) Components(v []byte) [][]byte {
	if len(v) == 0 {
		return nil
	}
	return bytes.Split(v, []byte{s.d.Component})
}

// Clone returns a copy of the segment that does not share the Reader's buffer.
func (s *Segment) Clone() *Segment {
	c := *s
	c.raw = bytes.Clone(s.raw)
	c.offs = append([]int(nil), s.offs...)
	return &c
}

// CopyTo copies the segment into dst, appending its bytes to arena (which
// must have room: dst keeps pointing into it) and returning the arena. It
// reuses dst's element offsets, so a pool of segments copies without
// allocating.
func (s *Segment) CopyTo(dst *Segment, arena []byte) []byte {
	start := len(arena)
	arena = append(arena, s.raw...)
	// Field by field, not *dst = *s: the Reader has just written s with
	// narrow stores, and a whole-struct copy reads them back with wide
	// loads, a store-forwarding stall on every segment read ahead.
	dst.Pos.copyFrom(&s.Pos)
	dst.id, dst.d, dst.flags = s.id, s.d, s.flags
	dst.raw = arena[start:len(arena):len(arena)]
	dst.offs = append(dst.offs[:0], s.offs...)
	return arena
}

// CopyToArenas is CopyTo with the element offsets carved from offs too,
// returning both arenas: segments copied one after the other then lie
// one after the other in memory, offsets included, which is what a
// reader of a batch of them (ig's read-ahead) walks through. offs may be
// full: appending past it moves on to a new array, and the segments
// copied before keep theirs.
func (s *Segment) CopyToArenas(dst *Segment, arena []byte, offs []int) ([]byte, []int) {
	start := len(arena)
	arena = append(arena, s.raw...)
	dst.Pos.copyFrom(&s.Pos)
	dst.id, dst.d, dst.flags = s.id, s.d, s.flags
	dst.raw = arena[start:len(arena):len(arena)]
	at := len(offs)
	offs = append(offs, s.offs...)
	dst.offs = offs[at:len(offs):len(offs)]
	return arena, offs
}

// nth returns the j-th (1-based) sep-separated part of v, or nil.
func nth(v []byte, sep byte, j int) []byte {
	for k := 1; ; k++ {
		i := bytes.IndexByte(v, sep)
		if k == j {
			if i < 0 {
				return v
			}
			return v[:i]
		}
		if i < 0 {
			return nil
		}
		v = v[i+1:]
	}
}

// split fills s.offs from s.raw, notes whether the segment holds component
// or repetition separators or bytes outside printable ASCII (so validators
// can skip their own scans), and returns the number of line feeds in it.
// Elements are a few bytes long, so one pass over the bytes beats a call to
// bytes.IndexByte per element.
func (s *Segment) split() (newlines int) {
	var t byteClasses
	t.set(s.d)
	return s.splitWith(&t)
}

// byteClasses tells, per byte value, what a byte is under one set of
// delimiters, so splitting tests each byte once.
type byteClasses [256]uint8

const (
	classData = iota
	classElement
	classComponent
	classRepetition
	classUnprintable
	classNewline
)

func (t *byteClasses) set(d Delimiters) {
	for c := range t {
		switch {
		case c == '\n':
			t[c] = classNewline
		case c < 0x20 || c > 0x7E:
			t[c] = classUnprintable
		default:
			t[c] = classData
		}
	}
	t[d.Component] = classComponent
	if d.Repetition != 0 {
		t[d.Repetition] = classRepetition
	}
	t[d.Element] = classElement
}

func (s *Segment) splitWith(t *byteClasses) (newlines int) {
	offs := append(s.offs[:0], 0)
	var flags uint8
	for i, c := range s.raw {
		k := t[c]
		if k == classData {
			continue
		}
		switch k {
		case classElement:
			offs = append(offs, i+1)
		case classComponent:
			flags |= hasComponents
		case classRepetition:
			flags |= hasRepetitions
		case classNewline:
			newlines++
			flags |= hasUnprintable
		default:
			flags |= hasUnprintable
		}
	}
	s.offs = append(offs, len(s.raw)+1)
	s.flags = flags
	return newlines
}

const (
	hasComponents uint8 = 1 << iota
	hasRepetitions
	hasUnprintable
)

// HasComponents reports whether any element holds a component separator.
func (s *Segment) HasComponents() bool { return s.flags&hasComponents != 0 }

// HasRepetitions reports whether any element holds a repetition separator.
func (s *Segment) HasRepetitions() bool { return s.flags&hasRepetitions != 0 }

// Printable reports whether every byte is printable ASCII, the X12 basic
// and extended character sets.
func (s *Segment) Printable() bool { return s.flags&hasUnprintable == 0 }

// SegmentFromString parses one segment (without terminator) with the given
// delimiters. It is meant for tests and small tools, not for streaming.
func SegmentFromString(raw string, d Delimiters) *Segment {
	s := &Segment{raw: []byte(raw), d: d}
	s.split()
	s.id = string(s.raw[:s.offs[1]-1])
	return s
}
