package ig

import (
	"bytes"
	"fmt"

	"github.com/edigw/edigw/edi"
)

// checkElements validates a matched segment's elements against its
// definition: presence and usage, repetitions and components, lengths,
// characters, codes, dates and times, and the segment's syntax notes.
func (w *Walker) checkElements(seg *edi.Segment, def *Segment) {
	d := seg.Delimiters()
	n := seg.Len()
	w.printable = seg.Printable()
	segReps, segComps := seg.HasRepetitions(), seg.HasComponents()
	if n > len(def.Elements) {
		w.elemErr(seg, def, len(def.Elements)+1, 0, 0, "", edi.ElemTooMany, fmt.Sprintf("%d data elements, the guide defines %d", n, len(def.Elements)), seg.Element(len(def.Elements)+1))
		n = len(def.Elements)
	}
	for i := range def.Elements {
		if i >= n && i >= def.lastRequired {
			break // absent, and nothing required after this
		}
		e := &def.Elements[i]
		pos := i + 1
		v := seg.Element(pos)
		if len(v) == 0 {
			if e.Usage == Required {
				w.elemErr(seg, def, pos, 0, 0, e.Ref, edi.ElemRequiredMissing, fmt.Sprintf("required %s is missing", e.Name), nil)
			}
			continue
		}
		if e.Usage == NotUsed {
			w.elemErr(seg, def, pos, 0, 0, e.Ref, edi.ElemNotUsedPresent, fmt.Sprintf("%s is not used in this guide", e.Name), v)
			continue
		}
		reps := 1
		if segReps && hasByte(v, d.Repetition) {
			reps = bytes.Count(v, []byte{d.Repetition}) + 1
			if e.Repeat <= 1 || reps > e.Repeat {
				w.elemErr(seg, def, pos, 0, 0, e.Ref, edi.ElemTooManyRepetitions, fmt.Sprintf("%s has %d repetitions, at most %d allowed", e.Name, reps, max(e.Repeat, 1)), v)
				continue
			}
		}
		for r := 1; r <= reps; r++ {
			rv := v
			if reps > 1 {
				rv = nthPart(v, d.Repetition, r)
			}
			repNum := 0
			if reps > 1 {
				repNum = r
			}
			if e.Type == Composite {
				w.checkComposite(seg, def, pos, repNum, e, rv, d.Component)
				continue
			}
			if segComps && hasByte(rv, d.Component) {
				w.elemErr(seg, def, pos, 0, repNum, e.Ref, edi.ElemTooManyComponents, fmt.Sprintf("%s is a simple element but has components", e.Name), rv)
				continue
			}
			if w.printable && e.clean(rv) {
				continue
			}
			w.checkValue(seg, def, pos, 0, repNum, e, rv)
		}
	}
	w.checkRules(seg, def)
	if def.OnlyWith != nil {
		w.checkOnlyWith(seg, def)
	}
}

func (w *Walker) checkComposite(seg *edi.Segment, def *Segment, pos, rep int, e *Element, v []byte, comp byte) {
	nparts := bytes.Count(v, []byte{comp}) + 1
	if nparts > len(e.Parts) {
		w.elemErr(seg, def, pos, 0, rep, e.Ref, edi.ElemTooManyComponents, fmt.Sprintf("%s has %d components, the guide defines %d", e.Name, nparts, len(e.Parts)), v)
	}
	rest := v
	for j := range e.Parts {
		p := &e.Parts[j]
		var cv []byte
		if rest != nil {
			if k := indexByte(rest, comp); k >= 0 {
				cv, rest = rest[:k], rest[k+1:]
			} else {
				cv, rest = rest, nil
			}
		}
		if len(cv) == 0 {
			if p.Usage == Required {
				w.elemErr(seg, def, pos, j+1, rep, p.Ref, edi.ElemRequiredMissing, fmt.Sprintf("required %s (component %d of %s) is missing", p.Name, j+1, e.Name), nil)
			}
			continue
		}
		if p.Usage == NotUsed {
			w.elemErr(seg, def, pos, j+1, rep, p.Ref, edi.ElemNotUsedPresent, fmt.Sprintf("%s (component %d of %s) is not used in this guide", p.Name, j+1, e.Name), cv)
			continue
		}
		if w.printable && p.clean(cv) {
			continue
		}
		w.checkValue(seg, def, pos, j+1, rep, p, cv)
	}
}

// checkValue checks one simple value: length, characters, code, date, time.
func (w *Walker) checkValue(seg *edi.Segment, def *Segment, pos, comp, rep int, e *Element, v []byte) {
	n := len(v)
	switch e.Type {
	case N0, N2, R_:
		n = 0
		dots := 0
		for i, c := range v {
			switch {
			case c >= '0' && c <= '9':
				n++
			case c == '-' && i == 0:
			case c == '.' && e.Type == R_ && dots == 0:
				dots++
			default:
				w.elemErr(seg, def, pos, comp, rep, e.Ref, edi.ElemInvalidCharacter, fmt.Sprintf("%s must be %s: it holds another character", e.Name, numericWhat(e.Type)), v)
				return
			}
		}
		if n == 0 {
			w.elemErr(seg, def, pos, comp, rep, e.Ref, edi.ElemInvalidCharacter, fmt.Sprintf("%s has no digits", e.Name), v)
			return
		}
	default:
		if w.printable {
			break // the whole segment is in the character set
		}
		for _, c := range v {
			if c < 0x20 || c > 0x7E {
				w.elemErr(seg, def, pos, comp, rep, e.Ref, edi.ElemInvalidCharacter, fmt.Sprintf("%s holds byte 0x%02X, outside the X12 character set", e.Name, c), v)
				return
			}
		}
	}
	if n < e.Min {
		w.elemErr(seg, def, pos, comp, rep, e.Ref, edi.ElemTooShort, fmt.Sprintf("%s is %d characters, at least %d required", e.Name, n, e.Min), v)
		return
	}
	if n > e.Max {
		w.elemErr(seg, def, pos, comp, rep, e.Ref, edi.ElemTooLong, fmt.Sprintf("%s is %d characters, at most %d allowed", e.Name, n, e.Max), v)
		return
	}
	switch e.Type {
	case ID:
		if e.codeSet != nil {
			if !e.has(v) {
				w.elemErr(seg, def, pos, comp, rep, e.Ref, edi.ElemInvalidCode, fmt.Sprintf("%s is not one of the codes allowed here%s", e.Name, codeHint(e.Codes)), v)
			}
		}
	case DT:
		if !edi.ValidDate(v) {
			w.elemErr(seg, def, pos, comp, rep, e.Ref, edi.ElemInvalidDate, fmt.Sprintf("%s is not a valid date (CCYYMMDD)", e.Name), v)
		}
	case TM:
		if !edi.ValidTime(v) {
			w.elemErr(seg, def, pos, comp, rep, e.Ref, edi.ElemInvalidTime, fmt.Sprintf("%s is not a valid time (HHMM[SS[dd]])", e.Name), v)
		}
	}
	if e.DateFormat > 0 && comp == 0 {
		w.checkFormattedDate(seg, def, pos, e, v)
	}
	if e.List != nil && !e.List.Has(v) {
		w.elemErr(seg, def, pos, comp, rep, e.Ref, edi.ElemInvalidCode, fmt.Sprintf("%s is not a code of the %s list", e.Name, e.List.Name), v)
	}
}

// checkFormattedDate checks a date whose format another element names.
func (w *Walker) checkFormattedDate(seg *edi.Segment, def *Segment, pos int, e *Element, v []byte) {
	fb := seg.Element(e.DateFormat)
	ok := true
	switch string(fb) { // no allocation: the compiler compares the bytes
	case "D8":
		ok = len(v) == 8 && edi.ValidDate(v)
	case "D6":
		ok = len(v) == 6 && edi.ValidDate(v)
	case "RD8":
		i := bytes.IndexByte(v, '-')
		ok = i == 8 && len(v) == 17 && edi.ValidDate(v[:8]) && edi.ValidDate(v[9:]) && string(v[:8]) <= string(v[9:])
	case "DT":
		ok = len(v) == 12 && edi.ValidDate(v[:8]) && edi.ValidTime(v[8:])
	case "TM":
		ok = edi.ValidTime(v)
	default:
		return // a format the guide's code list already judged
	}
	if !ok {
		w.elemErr(seg, def, pos, 0, 0, e.Ref, edi.ElemInvalidDate, fmt.Sprintf("%s is not a valid %s date", e.Name, fb), v)
	}
}

// checkRules applies the segment's syntax notes.
func (w *Walker) checkRules(seg *edi.Segment, def *Segment) {
	has := func(p int) bool { return len(seg.Element(p)) > 0 }
	var present uint64
	if len(def.Rules) > 0 {
		present = seg.Present()
	}
	for i := range def.Rules {
		r := &def.Rules[i]
		if r.holds(present) {
			continue // kept: the look below finds nothing
		}
		els := r.Elements
		switch r.Kind {
		case 'P': // all or none
			any := false
			for _, p := range els {
				any = any || has(p)
			}
			if any {
				for _, p := range els {
					if !has(p) {
						w.ruleErr(seg, def, p, edi.ElemConditionalMissing, fmt.Sprintf("%s%02d is required with the other elements of pair %v", def.ID, p, r))
						break
					}
				}
			}
		case 'R': // at least one
			any := false
			for _, p := range els {
				any = any || has(p)
			}
			if !any {
				w.ruleErr(seg, def, els[0], edi.ElemConditionalMissing, fmt.Sprintf("at least one of the elements of %v is required", r))
			}
		case 'C': // if the first, then all others
			if has(els[0]) {
				for _, p := range els[1:] {
					if !has(p) {
						w.ruleErr(seg, def, p, edi.ElemConditionalMissing, fmt.Sprintf("%s%02d is required when %s%02d is present (%v)", def.ID, p, def.ID, els[0], r))
						break
					}
				}
			}
		case 'E': // at most one
			seen := 0
			for _, p := range els {
				if has(p) {
					seen++
					if seen == 2 {
						w.ruleErr(seg, def, p, edi.ElemExclusionViolated, fmt.Sprintf("only one of the elements of %v may be present", r))
						break
					}
				}
			}
		case 'L': // if the first, then at least one other
			if has(els[0]) {
				any := false
				for _, p := range els[1:] {
					any = any || has(p)
				}
				if !any {
					w.ruleErr(seg, def, els[1], edi.ElemConditionalMissing, fmt.Sprintf("one of the other elements of %v is required when %s%02d is present", r, def.ID, els[0]))
				}
			}
		}
	}
}

func (w *Walker) ruleErr(seg *edi.Segment, def *Segment, pos int, code edi.Code, msg string) {
	ref := ""
	if pos <= len(def.Elements) {
		ref = def.Elements[pos-1].Ref
	}
	w.elemErr(seg, def, pos, 0, 0, ref, code, msg, seg.Element(pos))
}

func numericWhat(t Type) string {
	if t == R_ {
		return "a decimal number"
	}
	return "an integer"
}

func codeHint(codes []string) string {
	if len(codes) == 0 || len(codes) > 8 {
		return ""
	}
	return fmt.Sprintf(" (allowed: %v)", codes)
}

func nthPart(v []byte, sep byte, n int) []byte {
	for i := 1; ; i++ {
		k := bytes.IndexByte(v, sep)
		if i == n {
			if k < 0 {
				return v
			}
			return v[:k]
		}
		if k < 0 {
			return nil
		}
		v = v[k+1:]
	}
}

// hasByte reports whether v holds c. Element values are a few bytes long:
// a plain loop is cheaper than a call to bytes.IndexByte.
func hasByte(v []byte, c byte) bool {
	if len(v) > 32 {
		return bytes.IndexByte(v, c) >= 0
	}
	for _, b := range v {
		if b == c {
			return true
		}
	}
	return false
}

// indexByte is bytes.IndexByte for the short values of elements.
func indexByte(v []byte, c byte) int {
	if len(v) > 32 {
		return bytes.IndexByte(v, c)
	}
	for i, b := range v {
		if b == c {
			return i
		}
	}
	return -1
}
