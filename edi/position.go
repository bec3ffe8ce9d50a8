package edi

import (
	"strconv"
	"strings"
)

// Position locates a segment in a file, both physically (byte offset, line)
// and logically (segment number, its place in its transaction set, and the
// control numbers of the envelopes around it).
type Position struct {
	Offset      int64  `json:"offset"`                // byte offset of the segment's first byte
	Line        int    `json:"line"`                  // 1-based line of the segment's first byte
	Index       int    `json:"segment"`               // 1-based segment number in the file
	SetIndex    int    `json:"setPosition,omitempty"` // 1-based position in its transaction set (ST is 1); 0 outside a set
	Interchange string `json:"isa13,omitempty"`       // ISA13 of the enclosing interchange
	Group       string `json:"gs06,omitempty"`        // GS06 of the enclosing functional group
	Set         string `json:"st02,omitempty"`        // ST02 of the enclosing transaction set
}

// copyFrom copies q into p field by field (see Segment.CopyTo).
func (p *Position) copyFrom(q *Position) {
	p.Offset, p.Line, p.Index, p.SetIndex = q.Offset, q.Line, q.Index, q.SetIndex
	p.Interchange, p.Group, p.Set = q.Interchange, q.Group, q.Set
}

// Controls formats the enclosing control numbers, e.g. "ISA13=000000905 GS06=1 ST02=0001".
func (p Position) Controls() string {
	var b strings.Builder
	add := func(name, v string) {
		if v == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(name)
		b.WriteByte('=')
		b.WriteString(v)
	}
	add("ISA13", p.Interchange)
	add("GS06", p.Group)
	add("ST02", p.Set)
	return b.String()
}

// String formats the position as "line L, byte B, segment N (M in set)".
func (p Position) String() string {
	var b strings.Builder
	b.WriteString("line ")
	b.WriteString(strconv.Itoa(p.Line))
	b.WriteString(", byte ")
	b.WriteString(strconv.FormatInt(p.Offset, 10))
	b.WriteString(", segment ")
	b.WriteString(strconv.Itoa(p.Index))
	if p.SetIndex > 0 {
		b.WriteString(" (")
		b.WriteString(strconv.Itoa(p.SetIndex))
		b.WriteString(" in set)")
	}
	return b.String()
}
