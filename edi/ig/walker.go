package ig

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/edigw/edigw/edi"
)

// Walker follows one transaction set at a time through its guide: it
// recognizes loops by their first segment, keeps a stack of the open loops,
// counts segment uses and loop repeats, and checks every element. Errors go
// to Report as *edi.Error values carrying the loop ID and the IK304/IK403
// (or IK502) code. Its memory is the loop stack and one guide: it does not
// grow with the set, let alone the file.
type Walker struct {
	// File is the file name put into errors.
	File string
	// Report receives every error. It must not keep the *edi.Segment.
	Report func(*edi.Error)
	// Guides are the guides the walker knows; nil means Standard().
	Guides *Registry

	guide      *Guide
	candidates []*Guide
	held       *edi.Segment // ST kept until BHT02 chooses among candidates
	heldSeg    edi.Segment  // storage for held, reused from set to set
	heldBuf    []byte
	stack      []frame
	active     bool
	lastHL     int
	prevHL     pendingHL // the last HL, until the next one (or the set's end) shows whether HL04 was right
	seenSE     bool
	last       edi.Position // the last segment walked, for errors found at the end
	prev       int          // the set position of the segment walked before last
	printable  bool         // the segment being checked is all printable ASCII
}

type frame struct {
	loop   *Loop
	pos    int   // index of the child matched last
	counts []int // uses (segments) or repeats (loops) of each child in this repetition
	hl     []byte
}

// Match says where a segment fell.
type Match struct {
	Def   *Segment // nil when the segment is not part of the guide at this place
	Loop  *Loop    // the loop the segment is in (the root for header segments)
	Depth int      // number of open loops below the root
	// Opened is true when the segment started Loop (a new loop or a new
	// repetition of it); Closed is how many loops ended before it. Together
	// they are the loop enter and exit events of the walk.
	Opened bool
	Closed int
}

// Guide returns the guide of the current set (nil before BHT decides a
// 278, or when the version is not supported).
func (w *Walker) Guide() *Guide { return w.guide }

// Loops returns the open loops, outermost first, without the root.
func (w *Walker) Loops() []*Loop {
	out := make([]*Loop, 0, len(w.stack))
	for _, f := range w.stack[1:] {
		out = append(out, f.loop)
	}
	return out
}

// Path is the IDs of the open loops joined by "/" (e.g. 2000A/2000B/2300).
func (w *Walker) Path() string {
	if len(w.stack) <= 1 {
		return ""
	}
	var b strings.Builder
	for i, f := range w.stack[1:] {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(f.loop.ID)
	}
	return b.String()
}

// InLoop reports whether a loop with the given ID is open.
func (w *Walker) InLoop(id string) bool {
	for _, f := range w.stack {
		if f.loop.ID == id {
			return true
		}
	}
	return false
}

// Begin starts a transaction set at its ST. groupVersion is GS08, used when
// ST03 is absent. It reports a set or version edigw does not support.
func (w *Walker) Begin(st *edi.Segment, groupVersion string) Match {
	w.reset()
	w.active = true
	w.last = st.Pos
	setID := string(st.Element(1))
	version := string(st.Element(3))
	if version == "" {
		version = groupVersion
	}
	reg := w.Guides.orStandard()
	w.candidates = reg.Candidates(setID, version)
	if len(w.candidates) == 0 {
		code, elem, what := edi.SetConventionUnsupported, 3, fmt.Sprintf("implementation guide %q is not supported for transaction set %s", version, setID)
		if !reg.setSupported(setID) {
			code, elem, what = edi.SetNotSupported, 1, fmt.Sprintf("transaction set %s is not supported", setID)
		}
		w.report(&edi.Error{Pos: st.Pos, SegmentID: "ST", Element: elem, Code: code, Msg: what + reg.supportedHint(setID)})
		w.active = false
		return Match{}
	}
	if len(w.candidates) > 1 {
		w.heldBuf = st.CopyTo(&w.heldSeg, w.heldBuf[:0]) // BHT02, the next segment, decides
		w.held = &w.heldSeg
		return Match{Def: w.candidates[0].Root.Trigger(), Loop: w.candidates[0].Root}
	}
	return w.start(w.candidates[0], st)
}

// setSupported reports whether a transaction set ID has any guide.
func (r *Registry) setSupported(id string) bool {
	for _, g := range r.all {
		if g.SetID == id {
			return true
		}
	}
	return false
}

func (r *Registry) supportedHint(setID string) string {
	var vs []string
	for _, g := range r.all {
		if g.SetID == setID && (len(vs) == 0 || vs[len(vs)-1] != g.Version) {
			vs = append(vs, g.Version)
		}
	}
	if len(vs) == 0 {
		var ids []string
		for _, g := range r.all {
			if len(ids) == 0 || ids[len(ids)-1] != g.SetID {
				ids = append(ids, g.SetID)
			}
		}
		return " (supported: " + strings.Join(ids, ", ") + ")"
	}
	return " (supported: " + strings.Join(vs, ", ") + ")"
}

func (w *Walker) reset() {
	w.guide, w.candidates, w.held = nil, nil, nil
	w.stack = w.stack[:0]
	w.lastHL = 0
	w.prevHL.code = 0
	w.seenSE = false
	w.active = false
}

func (w *Walker) start(g *Guide, st *edi.Segment) Match {
	w.guide = g
	w.push(g.Root)
	def := g.Root.Trigger()
	w.checkElements(st, def)
	return Match{Def: def, Loop: g.Root}
}

// Segment walks one segment of the set (after ST, up to and including SE).
func (w *Walker) Segment(seg *edi.Segment) Match {
	var m Match
	w.segment(seg, &m)
	return m
}

// segment is Segment writing its Match into m, field by field: a Match
// returned by value is spilled and copied whole by the caller, a
// store-forwarding stall on every segment of the Validator's walk.
func (w *Walker) segment(seg *edi.Segment, m *Match) {
	m.set(nil, nil, 0, false, 0)
	if !w.active {
		return
	}
	w.prev, w.last = w.last.SetIndex, seg.Pos
	if w.guide == nil {
		g := w.candidates[0]
		if seg.ID() == "BHT" {
			v := string(seg.Element(2))
			for _, c := range w.candidates {
				for _, code := range c.BHT02 {
					if code == v {
						g = c
					}
				}
			}
		}
		w.start(g, w.held)
		w.held = nil
	}
	if !w.match(seg, true, m) {
		w.match(seg, false, m) // known segment with an unknown qualifier: place it, report the code
	}
	if m.Def == nil {
		if id := seg.ID(); edi.ValidSegmentID(id) { // the envelope checker reports malformed IDs
			code, what := edi.SegUnexpected, fmt.Sprintf("segment %s is not expected here", id)
			if !w.guideHas(id) {
				code, what = edi.SegNotInSet, fmt.Sprintf("segment %s is not part of %s (%s)", id, w.guide.Version, w.guide.Name)
			}
			w.segErr(seg, w.top().loop.ID, code, what)
		}
		m.set(nil, w.top().loop, len(w.stack)-1, false, 0)
		return
	}
	if m.Def.Usage == NotUsed {
		w.segErr(seg, m.Loop.ID, edi.SegNotUsedPresent, fmt.Sprintf("%s (%s) is not used in %s", m.Def.ID, m.Def.Name, w.guide.Version))
	}
	w.checkElements(seg, m.Def)
	if seg.ID() == "HL" {
		w.checkHL(seg, m.Loop)
	}
	if seg.ID() == "SE" && m.Loop == w.guide.Root {
		w.seenSE = true
		w.End()
	}
}

// End closes the set: every loop still open is checked for required
// segments and loops it lacks. It is called by Segment at SE and must be
// called by the caller when a set ends without one.
func (w *Walker) End() {
	if !w.active {
		return
	}
	if w.guide == nil && w.held != nil {
		w.start(w.candidates[0], w.held)
	}
	w.checkHL04(nil, true)
	for len(w.stack) > 0 {
		w.pop(nil)
	}
	w.active = false
}

func (w *Walker) top() *frame { return &w.stack[len(w.stack)-1] }

// push opens a loop, reusing the counts of an earlier frame at that depth.
func (w *Walker) push(l *Loop) {
	n := len(w.stack)
	if n < cap(w.stack) {
		w.stack = w.stack[:n+1]
	} else {
		w.stack = append(w.stack, frame{})
	}
	f := &w.stack[n]
	f.loop, f.pos = l, 0
	if cap(f.counts) < len(l.Children) {
		f.counts = make([]int, len(l.Children))
	}
	f.counts = f.counts[:len(l.Children)]
	clear(f.counts)
	f.counts[0] = 1
	f.hl = f.hl[:0]
}

// pop closes the innermost loop, reporting required children it never had.
// at is the segment that closed it (nil at the end of the set).
func (w *Walker) pop(at *edi.Segment) {
	f := w.top()
	w.missing(f, f.pos+1, len(f.loop.Children), at)
	w.stack = w.stack[:len(w.stack)-1]
}

// missing reports required children in [from, to) that did not occur.
func (w *Walker) missing(f *frame, from, to int, at *edi.Segment) {
	for _, j := range f.loop.required {
		if j < from || f.counts[j] > 0 {
			continue
		}
		if j >= to {
			break
		}
		switch c := f.loop.Children[j].(type) {
		case *Segment:
			if c.Usage != Required || (c.ID == "SE" && at == nil && !w.seenSE) {
				continue // a missing SE is the envelope checker's to report
			}
			w.missingErr(at, c.ID, f.loop.ID, fmt.Sprintf("required segment %s (%s) is missing from loop %s", c.ID, c.Name, loopName(f.loop)))
		case *Loop:
			if c.Usage != Required {
				continue
			}
			t := c.Trigger()
			w.missingErr(at, t.ID, f.loop.ID, fmt.Sprintf("required loop %s (%s) is missing from loop %s", c.ID, c.Name, loopName(f.loop)))
		}
	}
}

func loopName(l *Loop) string {
	if l.ID == "ST" {
		return "header"
	}
	return l.ID
}

// match finds the segment's place: in the innermost loop at or after its
// position, else in the enclosing loops, where it may start a new loop or a
// new repetition of one. With useKey false, qualifier codes are ignored.
func (w *Walker) match(seg *edi.Segment, useKey bool, m *Match) bool {
	id := seg.ID()
	for d := len(w.stack) - 1; d >= 0; d-- {
		f := &w.stack[d]
		from := f.loop.groupStartOf(max(f.pos, 1))
		for _, i := range f.loop.childrenFor(id) {
			if i < from {
				continue
			}
			def, loop := f.loop.child(i)
			isLoop := loop != nil
			if useKey && !keyMatches(def, seg) {
				continue
			}
			if useKey && def.shared && !codesMatch(def, seg) {
				// Two variants may share a qualifier (PWK*CT line supplemental
				// and DME CMN): prefer a later sibling whose other codes fit.
				if j := betterSibling(f.loop, i, seg); j > i {
					i = j
					def, loop = f.loop.child(i)
					isLoop = loop != nil
				}
			}
			closed := 0
			for len(w.stack)-1 > d {
				w.pop(seg)
				closed++
			}
			if i > f.pos {
				w.missing(f, f.pos+1, i, seg)
			}
			f.counts[i]++
			f.pos = i
			if !isLoop {
				if def.Max != Many && f.counts[i] > def.Max && useKey { // a misplaced qualifier is reported once, as a code
					w.segErr(seg, f.loop.ID, edi.SegOverMaxUse, fmt.Sprintf("%s (%s) occurs %d times, at most %d allowed", def.ID, def.Name, f.counts[i], def.Max))
				}
				m.set(def, f.loop, d, false, closed)
				return true
			}
			if loop.Max != Many && f.counts[i] > loop.Max {
				w.segErr(seg, loop.ID, edi.SegLoopOverMax, fmt.Sprintf("loop %s (%s) occurs %d times, at most %d allowed", loop.ID, loop.Name, f.counts[i], loop.Max))
			}
			w.push(loop)
			m.set(def, loop, d+1, true, closed)
			return true
		}
	}
	return false
}

// set fills m field by field (see Walker.segment).
func (m *Match) set(def *Segment, loop *Loop, depth int, opened bool, closed int) {
	m.Def, m.Loop, m.Depth, m.Opened, m.Closed = def, loop, depth, opened, closed
}

// keyMatches reports whether the segment's qualifier (the definition's key
// element) holds one of the definition's codes.
func keyMatches(def *Segment, seg *edi.Segment) bool {
	if def.key == 0 {
		return true
	}
	e := &def.Elements[def.key-1]
	if def.keyComp > 0 {
		return e.Parts[def.keyComp-1].has(seg.Component(def.key, def.keyComp))
	}
	return e.has(seg.Element(def.key))
}

func (w *Walker) guideHas(id string) bool {
	var has func(l *Loop) bool
	has = func(l *Loop) bool {
		for _, c := range l.Children {
			switch c := c.(type) {
			case *Segment:
				if c.ID == id {
					return true
				}
			case *Loop:
				if has(c) {
					return true
				}
			}
		}
		return false
	}
	return has(w.guide.Root)
}

// checkHL checks the hierarchy: HL01 counts up from 1 and HL02 names the
// HL01 of the enclosing hierarchical loop.
func (w *Walker) checkHL(seg *edi.Segment, loop *Loop) {
	id := seg.Element(1)
	if n, ok := digits(id); ok {
		if n != w.lastHL+1 {
			w.elemErr(seg, nil, 1, 0, 0, "628", edi.ElemInvalidCode, "HL01 does not count up by one from the previous HL01 (hierarchical IDs run 1, 2, 3 ...)", id)
		}
		w.lastHL = n
	}
	f := w.top()
	if f.loop == loop {
		f.hl = append(f.hl[:0], id...)
	}
	var parent []byte
	for d := len(w.stack) - 2; d >= 1; d-- {
		if t := w.stack[d].loop.Trigger(); t.ID == "HL" {
			parent = w.stack[d].hl
			break
		}
	}
	got := seg.Element(2)
	w.checkHL04(seg, bytes.Equal(got, parent))
	if !bytes.Equal(got, parent) {
		msg := "HL02 is not the HL01 of the enclosing level"
		if len(parent) == 0 {
			msg = "HL02 names a parent, but this level has none"
		}
		w.elemErr(seg, nil, 2, 0, 0, "734", edi.ElemInvalidCode, msg, got)
	}
}

func (w *Walker) report(e *edi.Error) {
	e.File = w.File
	if w.Report != nil {
		w.Report(e)
	}
}

func (w *Walker) segErr(seg *edi.Segment, loop string, code edi.Code, msg string) {
	w.report(&edi.Error{Pos: seg.Pos, SegmentID: seg.ID(), Loop: loopLabel(loop), Code: code, Msg: msg})
}

// missingErr reports a required segment or loop missing from loop. The
// error is found at the segment after the loop's last (at, the segment
// being walked, or SE; nil when the set ended without one), and reported
// there, as a 999's IK302 counts it; LastInLoop is the segment before it,
// which was walked while the loop was still open, so that a claim's errors
// can be told from the next claim's (edi/ack places them by it).
func (w *Walker) missingErr(at *edi.Segment, id, loop, msg string) {
	e := &edi.Error{SegmentID: id, Loop: loopLabel(loop), Code: edi.SegRequiredMissing, Msg: msg}
	e.Pos, e.LastInLoop = w.last, w.prev
	if at != nil {
		e.Pos = at.Pos
	} else if !w.seenSE {
		e.LastInLoop = w.last.SetIndex // no SE: the last segment walked was the loop's
	}
	w.report(e)
}

// elemErr reports an element error. def is nil for checks outside the guide
// tables (HL structure).
func (w *Walker) elemErr(seg *edi.Segment, def *Segment, pos, comp, rep int, ref string, code edi.Code, msg string, value []byte) {
	loop := ""
	if len(w.stack) > 0 {
		loop = w.top().loop.ID
	}
	w.report(&edi.Error{Pos: seg.Pos, SegmentID: seg.ID(), Element: pos, Component: comp, Repetition: rep,
		ElementRef: ref, Loop: loopLabel(loop), Code: code, Msg: msg, Value: string(value)})
}

// loopLabel is the loop ID as a 999 reports it: none for the header.
func loopLabel(id string) string {
	if id == "ST" {
		return ""
	}
	return id
}

// digits parses a short unsigned decimal number.
func digits(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// CheckSegment validates one segment against a definition outside any
// transaction set: the TA1, which lives directly in an interchange.
func CheckSegment(seg *edi.Segment, def *Segment, file string, report func(*edi.Error)) {
	w := &Walker{File: file, Report: report}
	w.checkElements(seg, def)
}

// groupStart widens a search start back over the run of sibling segments
// that share the ID of the segment at pos: the TR3s give such variants (the
// REFs, DTPs, AMTs of a loop) one position, so they may come in any order.
func groupStart(l *Loop, pos int) int {
	if pos >= len(l.Children) {
		return pos
	}
	cur, ok := l.Children[pos].(*Segment)
	if !ok {
		return pos
	}
	for pos > 1 {
		prev, ok := l.Children[pos-1].(*Segment)
		if !ok || prev.ID != cur.ID {
			break
		}
		pos--
	}
	return pos
}

// codesMatch reports whether every present simple element of seg that the
// definition restricts to codes holds one of them.
func codesMatch(def *Segment, seg *edi.Segment) bool {
	for i := range def.Elements {
		e := &def.Elements[i]
		if e.codeSet == nil || e.Type == Composite {
			continue
		}
		if v := seg.Element(i + 1); len(v) > 0 {
			if !e.has(v) {
				return false
			}
		}
	}
	return true
}

// betterSibling looks after child i for a sibling with the same segment ID
// whose key and codes all fit seg; it returns its index or -1.
func betterSibling(l *Loop, i int, seg *edi.Segment) int {
	for j := i + 1; j < len(l.Children); j++ {
		var def *Segment
		if lp, ok := l.Children[j].(*Loop); ok {
			def = lp.Trigger()
		} else {
			def = l.Children[j].(*Segment)
		}
		if def.ID == seg.ID() && keyMatches(def, seg) && codesMatch(def, seg) {
			return j
		}
	}
	return -1
}
