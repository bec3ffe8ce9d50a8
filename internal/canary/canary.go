// Package canary plants distinctive values ("canaries") in every element of
// an X12 file's transaction sets that carries data: free text, identifiers,
// dates and amounts. Tests run the planted files through the CLI, the
// pipeline and the API and then search every message, log, reason, ledger
// row and error body for the canaries: none may appear, since no value from
// inside a transaction set may (docs/decisions/0009-no-values-in-messages.md).
//
// Envelope segments (ISA, GS, ST, SE, GE, IEA) keep their values: their
// identifiers may appear in messages.
package canary

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

// Variant chooses what the canaries break.
type Variant int

const (
	// Valid canaries fit their elements (lengths, characters, dates): the
	// guide finds nothing, though business rules (NPI check digits,
	// balancing) may.
	Valid Variant = iota
	// Invalid canaries break their elements' rules so that errors fire on
	// them: too long, invalid codes, impossible dates, characters where
	// digits belong, an address holding a component separator, and a
	// segment whose identifier is a canary.
	Invalid
	// Sound canaries pass the business rules too, so that claims are
	// accepted and stored: names, addresses, identifiers and dates carry
	// canaries; amounts, NPIs and the codes inside composites (diagnoses,
	// procedures, place of service) keep their values.
	Sound
)

// Planted is what Plant wrote: the planted file and every canary in it.
type Planted struct {
	Data    []byte
	Tokens  []string
	Variant Variant
}

// Found returns the canaries that occur in text.
func (p *Planted) Found(text string) []string {
	var out []string
	for _, t := range p.Tokens {
		if strings.Contains(text, t) {
			out = append(out, t)
		}
	}
	return out
}

// Prefix starts every text canary: two letters that no X12 code, name or
// generated identifier of this project uses together.
const Prefix = "QZ"

// Plant reads a valid X12 file and returns a copy whose transaction sets
// carry a unique canary in every data element: AN elements (names,
// addresses, identifiers, codes from external lists) a text canary
// (QZ0001A7...), dates a date of 1901 to 1909, amounts 9001.37, 9002.37
// ... Each variant starts its counters apart (seed) so two planted files
// share no canary.
func Plant(src []byte, v Variant, seed int) (*Planted, error) {
	isa, err := edi.NewReader(bytes.NewReader(src)).Next()
	if err != nil {
		return nil, fmt.Errorf("canary: reading the source: %w", err)
	}
	d := isa.Delimiters()
	p := &planter{variant: v, n: seed * 10_000, days: seed * 400}
	segs, err := p.walk(src, d)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	for _, s := range segs {
		out.WriteString(s)
		out.WriteByte(d.Segment)
		out.WriteByte('\n')
	}
	return &Planted{Data: out.Bytes(), Tokens: p.tokens, Variant: v}, nil
}

type planter struct {
	variant Variant
	n       int // text and amount counter
	days    int // date counter
	bad     int // invalid date counter
	tokens  []string
	junk    bool // the canary segment is planted
}

// walk validates src and rebuilds every segment, planting in the sets'.
func (p *planter) walk(src []byte, d edi.Delimiters) ([]string, error) {
	var segs []string
	v := &ig.Validator{File: "canary", Handlers: []ig.Handler{ig.Funcs{
		OnSegment: func(ev *ig.Event) {
			segs = append(segs, p.segment(ev, d))
			if p.variant == Invalid && !p.junk && ev.Set != nil && ev.Seg.ID() == "NM1" {
				// A segment whose identifier is itself a canary.
				p.junk = true
				segs = append(segs, p.text(8)+string(d.Element)+p.text(8))
			}
		},
	}}}
	rep, err := v.Run(bytes.NewReader(src))
	if err != nil {
		return nil, err
	}
	if rep.Summary.Sets == 0 {
		return nil, fmt.Errorf("canary: the source has no transaction set")
	}
	// The validator hands over only the segments inside sets and TA1s;
	// the envelope around them is rebuilt from the source.
	return p.envelope(src, d, segs)
}

// envelope puts the source's envelope segments (ISA, GS, GE, IEA) around
// the rebuilt set segments, in the source's order.
func (p *planter) envelope(src []byte, d edi.Delimiters, inner []string) ([]string, error) {
	rd := edi.NewReader(bytes.NewReader(src))
	var out []string
	i := 0
	for {
		seg, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch seg.ID() {
		case "ISA", "GS", "GE", "IEA":
			out = append(out, raw(seg, d))
		case "ST":
			// The set: every inner segment up to its SE.
			for i < len(inner) {
				s := inner[i]
				i++
				out = append(out, s)
				if strings.HasPrefix(s, "SE"+string(d.Element)) {
					break
				}
			}
		}
	}
	return out, nil
}

func raw(seg *edi.Segment, d edi.Delimiters) string {
	var b strings.Builder
	b.WriteString(seg.ID())
	for i := 1; i <= seg.Len(); i++ {
		b.WriteByte(d.Element)
		b.Write(seg.Element(i))
	}
	return b.String()
}

// segment rebuilds one segment, planting canaries in its data elements.
func (p *planter) segment(ev *ig.Event, d edi.Delimiters) string {
	seg := ev.Seg
	id := seg.ID()
	if ev.Set == nil || ev.Match.Def == nil || id == "ST" || id == "SE" || id == "HL" {
		// HL01-02 are the set's own numbering, not data.
		return raw(seg, d)
	}
	def := ev.Match.Def
	var b strings.Builder
	b.WriteString(id)
	for i := 1; i <= seg.Len(); i++ {
		b.WriteByte(d.Element)
		v := seg.Element(i)
		if len(v) == 0 || i > len(def.Elements) || (d.Repetition != 0 && bytes.IndexByte(v, d.Repetition) >= 0) {
			b.Write(v)
			continue
		}
		e := &def.Elements[i-1]
		if e.Type == ig.Composite && p.variant == Sound {
			b.Write(v)
			continue
		}
		if p.variant == Sound && i == 9 && id == "NM1" && seg.String(8) == "XX" {
			b.Write(v) // an NPI: its check digit is a business rule
			continue
		}
		if e.Type == ig.Composite {
			parts := seg.Components(v)
			for j, part := range parts {
				if j > 0 {
					b.WriteByte(d.Component)
				}
				if j < len(e.Parts) && len(part) > 0 {
					b.WriteString(p.value(&e.Parts[j], string(part), ""))
				} else {
					b.Write(part)
				}
			}
			continue
		}
		if p.variant == Invalid && id == "N3" && i == 1 {
			// An address holding a delimiter: the component separator.
			b.WriteString(p.text(8) + string(d.Component) + p.text(8))
			continue
		}
		format := ""
		if e.DateFormat > 0 {
			format = seg.String(e.DateFormat)
		}
		b.WriteString(p.value(e, string(v), format))
	}
	return b.String()
}

// value is the canary for one simple value of element e (format: the date
// format another element names, when e's is named so).
func (p *planter) value(e *ig.Element, v, format string) string {
	switch {
	case e.Type == ig.DT || format == "D8":
		if len(v) != 8 {
			return v
		}
		return p.date()
	case format == "RD8":
		if len(v) != 17 {
			return v
		}
		from := p.date()
		return from + "-" + p.date() // in order: from is the earlier
	case e.Type == ig.R_ && p.variant == Sound:
	case e.Type == ig.R_:
		if p.variant == Invalid && p.n%3 == 0 {
			return p.text(max(e.Max, 8)) // letters where a number belongs
		}
		return p.amount()
	case e.Type == ig.AN && format == "":
		switch n := max(8, e.Min); {
		case e.Max >= n:
			return p.text(n)
		case p.variant == Invalid:
			return p.text(n + 1) // too long
		}
	case e.Type == ig.ID:
		switch {
		case p.variant != Invalid:
		case e.Max >= 5:
			return p.text(min(e.Max, 8)) // not one of the codes
		case e.Max >= 2 && p.n%2 == 0:
			return p.text(8) // too long for the code
		default:
			p.n++
		}
	}
	return v
}

// text is a new text canary of n characters (at least 5): QZ and a
// counter in base 36.
func (p *planter) text(n int) string {
	p.n++
	c := strings.ToUpper(strconv.FormatInt(int64(p.n), 36))
	pad := n - len(Prefix) - len(c)
	if pad < 0 {
		pad = 0
	}
	t := Prefix + strings.Repeat("0", pad) + c
	p.tokens = append(p.tokens, t)
	return t
}

// date is a new date canary: a day of 1901 to 1909 when valid, the 13th
// month of one of those years when not.
func (p *planter) date() string {
	var t string
	if p.variant == Invalid && p.days%2 == 0 {
		p.bad++
		t = fmt.Sprintf("19%02d13%02d", 1+(p.bad/28)%9, 1+p.bad%28)
		p.days++
	} else {
		p.days++
		t = time.Date(1901, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, p.days%3000).Format("20060102")
	}
	p.tokens = append(p.tokens, t)
	return t
}

// amount is a new amount canary: 9001.37, 9002.37 ...
func (p *planter) amount() string {
	p.n++
	t := fmt.Sprintf("9%03d.37", p.n%1000)
	p.tokens = append(p.tokens, t)
	return t
}
