package ig

import (
	"errors"
	"io"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/edigw/edigw/edi"
)

// InterchangeResult is what validation found in one interchange: its
// header and the errors a TA1 reports.
type InterchangeResult struct {
	Header edi.InterchangeHeader
	Start  edi.Position
	Errors []*edi.Error // TA105-level (envelope) errors
	Groups int
}

// GroupResult is what validation found in one functional group: what a
// 999 reports for it.
type GroupResult struct {
	Interchange *InterchangeResult // nil for a group outside any interchange
	Header      edi.GroupHeader
	Start       edi.Position
	Errors      []*edi.Error // AK905-level errors
	// Sets are the group's sets, unless Validator.ForgetSets: a caller
	// that answers each set in SetEnd need not hold them all until the GE.
	Sets   []*SetResult
	Closed bool // a GE ended the group
}

// SetResult is what validation found in one transaction set.
type SetResult struct {
	Group  *GroupResult
	Header edi.SetHeader
	Guide  *Guide // nil when the set or its version is not supported
	Start  edi.Position
	// Errors are the set's errors (IK502, IK304, IK403), at most
	// Validator.MaxErrorsPerSet of them; ErrorCount counts all.
	Errors     []*edi.Error
	ErrorCount int
	Segments   int

	rep *Report // the Report counting its errors
}

// Accepted reports whether the set has no errors.
func (s *SetResult) Accepted() bool { return s.ErrorCount == 0 && s.Guide != nil }

// Report is what Validator.Run found in a whole input.
type Report struct {
	File         string
	Summary      edi.Summary
	Errors       []*edi.Error // every error, at most Validator.MaxErrors
	ErrorCount   int
	Fatal        *edi.Error // reading stopped here
	SetsAccepted int
	SetsRejected int
}

// OK reports whether the input is valid.
func (r *Report) OK() bool { return r.ErrorCount == 0 }

// Event is one segment as the validator saw it, for renderers and
// collectors. The Event, its Seg and Walker are only valid during the
// call: the Validator reuses them, and hands the same Event to every
// Handler. Seg stays valid longer while its Batch is held (Batch.Hold).
type Event struct {
	Seg    *edi.Segment
	Match  Match
	Walker *Walker
	Set    *SetResult // nil outside a transaction set
	// Interchange is the open interchange (nil before any ISA): a TA1,
	// which sits outside any group, needs its envelope.
	Interchange *InterchangeResult
	batch       *Batch // the read-ahead batch Seg lives in (nil read inline)
}

// Batch is the read-ahead batch an Event's segment lives in (nil when the
// Validator reads inline, on one core): a handler that hands segments to
// another goroutine can Hold the batch instead of copying them, and the
// segments stay as they are until it releases it (see Batch.Hold).
func (ev *Event) Batch() *Batch { return ev.batch }

// Validator reads an input once and validates it at SNIP levels 1 and 2:
// envelopes (edi.EnvelopeChecker) and implementation guides (Walker). It
// streams: results go to the Handlers as each set, group and interchange
// ends, so memory is bounded by one transaction set.
type Validator struct {
	File            string
	MaxErrors       int // errors kept in the Report (default 1000)
	MaxErrorsPerSet int // errors kept per SetResult (default 100)
	// ForgetSets leaves GroupResult.Sets empty, so that memory does not
	// grow with the sets of a functional group.
	ForgetSets bool
	// Guides are the implementation guides sets are read with; nil means
	// Standard(), the HIPAA 5010 guides.
	Guides *Registry

	// Handlers see every event, in list order (handler.go).
	Handlers []Handler

	rep    *Report
	w      Walker
	ic     *InterchangeResult
	gr     *GroupResult
	st     *SetResult
	nextIC *InterchangeResult
	nextGr *GroupResult
	nextSt *SetResult
	ev     Event // reused for every segment
	// segmentHandlers are the Handlers but a Funcs without OnSegment (a
	// report's), which the walk need not call for every segment.
	segmentHandlers []Handler
}

// Run validates all of r. It returns an error only when r cannot be read;
// everything wrong with the content is in the Report.
func (v *Validator) Run(r io.Reader) (*Report, error) {
	if v.MaxErrors == 0 {
		v.MaxErrors = 1000
	}
	if v.MaxErrorsPerSet == 0 {
		v.MaxErrorsPerSet = 100
	}
	v.rep = &Report{File: v.File}
	v.ev.batch = nil // readAhead sets it; a Run stopped early may have left one
	v.segmentHandlers = v.segmentHandlers[:0]
	for _, h := range v.Handlers {
		if f, ok := h.(Funcs); !ok || f.OnSegment != nil {
			v.segmentHandlers = append(v.segmentHandlers, h)
		}
	}
	v.ic, v.gr, v.st = nil, nil, nil
	v.w = Walker{File: v.File, Report: v.setError, Guides: v.Guides}
	rd := edi.NewReader(r)
	rd.Name = v.File
	ck := &edi.EnvelopeChecker{File: v.File, Report: v.route}
	var last edi.Position
	var readErr error
	each := func(seg *edi.Segment, err error) bool {
		if err != nil {
			var e *edi.Error
			if !errors.As(err, &e) {
				readErr = err
				return false
			}
			v.route(e)
			if e.Fatal {
				v.rep.Fatal = e
				return false
			}
			return true
		}
		last = seg.Pos
		v.segment(ck, seg)
		return true
	}
	var end readerEnd
	if runtime.GOMAXPROCS(0) > 1 {
		end = readAhead(rd, &v.ev.batch, each)
	} else {
		end = readInline(rd, each)
	}
	if readErr != nil {
		return v.rep, readErr
	}
	last.Offset, last.Index, last.SetIndex = end.offset, last.Index+1, 0
	ck.End(last)
	v.closeInterchange()
	v.rep.Summary = ck.Summary()
	return v.rep, nil
}

// readerEnd is where reading stopped.
type readerEnd struct{ offset int64 }

// readInline feeds each segment (or reading error) to each until it
// returns false or the input ends.
func readInline(rd *edi.Reader, each func(*edi.Segment, error) bool) readerEnd {
	for {
		seg, err := rd.Next()
		if err == io.EOF || !each(seg, err) {
			return readerEnd{rd.Offset()}
		}
	}
}

// A Batch carries segments copied out of the Reader's buffer from the
// reading goroutine to the validating one. It goes back to the reader
// once every holder has released it: the walk holds it while it walks
// its segments, and a handler may hold it longer (mapping's rules worker
// reads the segments on another goroutine, without copying them).
type Batch struct {
	segs  []edi.Segment
	errs  []error // errs[i] goes with segs[i]; when set, segs[i] is unused
	arena []byte
	offs  []int // the segments' element offsets
	refs  atomic.Int32
	free  chan *Batch // where it goes when the last holder releases it
}

// Hold keeps the batch's segments (every Event.Seg of the batch) valid and
// unchanged until Release. Each Hold needs its Release: the reader has a
// few batches only (batchesInFlight), so a holder that keeps more than one
// while the walk goes on stops the reading.
func (b *Batch) Hold() { b.refs.Add(1) }

// Release ends a Hold; the last one gives the batch back to the reader.
func (b *Batch) Release() {
	if b.refs.Add(-1) == 0 {
		b.free <- b // never blocks: the channel has room for every batch
	}
}

// A batch is handed from goroutine to goroutine (reader, walker, and a
// handler that holds it): 4096 segments (about 90 KB of an 837P) make a
// hand-off every few milliseconds, where 1024 made the three goroutines
// wake one another four times as often (decision 0031, round 5: 0.1 CPU-s
// and 10% of the wall time of validate per 100 MB). 8192 was no faster and
// costs 8 MB more.
const (
	batchSegments   = 4096
	batchBytes      = 256 << 10
	batchOffsets    = 12 // element offsets a segment, on average, that a batch has room for
	batchesInFlight = 4
)

var batchPool = sync.Pool{New: func() any {
	return &Batch{segs: make([]edi.Segment, 0, batchSegments), errs: make([]error, 0, batchSegments), arena: make([]byte, 0, batchBytes),
		offs: make([]int, 0, batchSegments*batchOffsets)}
}}

// readAhead reads and splits segments in a second goroutine while the
// caller validates, so the two halves of the work use both cores. A fixed
// pool of batches bounds memory; each batch returns to the reader once
// validated.
func readAhead(rd *edi.Reader, cur **Batch, each func(*edi.Segment, error) bool) readerEnd {
	free := make(chan *Batch, batchesInFlight)
	full := make(chan *Batch, batchesInFlight)
	stop := make(chan struct{})
	for range batchesInFlight {
		b := batchPool.Get().(*Batch)
		b.free = free
		free <- b
	}
	defer func() { // batches back to the pool for the next Run
		for {
			select {
			case b := <-free:
				batchPool.Put(b)
			default:
				return
			}
		}
	}()
	var end readerEnd
	go func() {
		defer close(full)
		for {
			var b *Batch
			select {
			case b = <-free:
			case <-stop:
				return
			}
			b.segs, b.errs, b.arena, b.offs = b.segs[:0], b.errs[:0], b.arena[:0], b.offs[:0]
			last := false
			for len(b.segs) < batchSegments {
				seg, err := rd.Next()
				if err == io.EOF {
					last = true
					break
				}
				b.segs = b.segs[:len(b.segs)+1]
				if err != nil {
					b.errs = append(b.errs, err)
					if edi.IsFatal(err) {
						last = true
						break
					}
					continue
				}
				b.errs = append(b.errs, nil)
				if len(b.arena)+len(seg.Raw()) > cap(b.arena) {
					if len(b.segs) == 1 { // one segment larger than the arena: give it its own
						b.arena = make([]byte, 0, len(seg.Raw()))
					} else {
						// No room: hand this batch over and start the next with the segment.
						b.segs = b.segs[:len(b.segs)-1]
						b.errs = b.errs[:len(b.errs)-1]
						carry := seg.Clone()
						select {
						case full <- b:
						case <-stop:
							return
						}
						select {
						case b = <-free:
						case <-stop:
							return
						}
						b.segs, b.errs, b.arena, b.offs = b.segs[:1], append(b.errs[:0], nil), b.arena[:0], b.offs[:0]
						b.arena, b.offs = carry.CopyToArenas(&b.segs[0], b.arena, b.offs)
						continue
					}
				}
				b.arena, b.offs = seg.CopyToArenas(&b.segs[len(b.segs)-1], b.arena, b.offs)
			}
			if last {
				end.offset = rd.Offset()
			}
			select {
			case full <- b:
			case <-stop:
				return
			}
			if last {
				return
			}
		}
	}()
	stopped := false
	for b := range full {
		if !stopped {
			b.refs.Store(1) // the walk's own hold
			*cur = b
			for i := range b.segs {
				var err error
				if i < len(b.errs) {
					err = b.errs[i]
				}
				seg := &b.segs[i]
				if err != nil {
					seg = nil
				}
				if !each(seg, err) {
					stopped = true
					close(stop)
					break
				}
			}
		}
		if !stopped {
			*cur = nil
			b.Release()
		}
	}
	if stopped {
		end.offset = rd.Offset()
	}
	return end
}

func (v *Validator) segment(ck *edi.EnvelopeChecker, seg *edi.Segment) {
	id := seg.ID()
	switch id {
	case "ISA":
		v.nextIC = &InterchangeResult{Header: edi.ParseInterchangeHeader(seg), Start: seg.Pos}
		ck.Segment(seg)
		v.closeInterchange()
		v.ic, v.nextIC = v.nextIC, nil
		for _, h := range v.Handlers {
			h.InterchangeStart(v.ic)
		}
	case "GS":
		v.nextGr = &GroupResult{Interchange: v.ic, Header: edi.ParseGroupHeader(seg), Start: seg.Pos}
		ck.Segment(seg)
		v.closeGroup()
		v.gr, v.nextGr = v.nextGr, nil
		if v.ic != nil {
			v.ic.Groups++
		}
	case "ST":
		v.nextSt = &SetResult{Group: v.gr, Header: edi.ParseSetHeader(seg), Start: seg.Pos, rep: v.rep}
		ck.Segment(seg)
		v.closeSet()
		v.st, v.nextSt = v.nextSt, nil
		v.st.Segments = 1
		version := ""
		if v.gr != nil {
			version = v.gr.Header.Version
		}
		m := v.w.Begin(seg, version)
		v.st.Guide = v.w.Guide()
		if v.st.Guide == nil && len(v.w.candidates) > 0 {
			v.st.Guide = v.w.candidates[0] // BHT02 will choose; same structure up to there
		}
		if e := functionalGroupError(seg, v.st.Guide, v.gr); e != nil {
			e.File = v.File
			v.setError(e)
		}
		v.emit(seg, &m)
	case "SE":
		ck.Segment(seg)
		if v.st != nil {
			v.st.Segments++
			v.w.segment(seg, &v.ev.Match)
			v.emitMatched(seg)
			v.closeSet()
		}
	case "GE":
		ck.Segment(seg)
		v.closeSet()
		if v.gr != nil {
			v.gr.Closed = true
		}
		v.closeGroup()
	case "IEA":
		ck.Segment(seg)
		v.closeInterchange()
	default:
		ck.Segment(seg)
		if v.st != nil {
			v.st.Segments++
			v.w.segment(seg, &v.ev.Match)
			// Written only when it changes: the set's first cache line,
			// which a handler's goroutine may read on every segment (the
			// Header), would otherwise go back and forth between cores.
			if g := v.w.Guide(); g != nil && v.st.Guide != g {
				v.st.Guide = g
			}
			v.emitMatched(seg)
		} else {
			if id == "TA1" {
				CheckSegment(seg, TA1Segment, v.File, v.fileError)
			}
			ev := &v.ev
			ev.Seg, ev.Match, ev.Walker, ev.Set, ev.Interchange = seg, Match{}, nil, nil, v.ic
			for _, h := range v.segmentHandlers {
				h.Segment(&v.ev)
			}
		}
	}
}

func (v *Validator) emit(seg *edi.Segment, m *Match) {
	v.ev.Match.set(m.Def, m.Loop, m.Depth, m.Opened, m.Closed)
	v.emitMatched(seg)
}

// emitMatched hands seg, whose Match the walker wrote into v.ev, to the
// handlers. Field by field, not v.ev = Event{...}: a struct built or
// spilled with narrow stores and then copied whole is read back with wide
// loads, a store-forwarding stall on every segment (about 0.1 s of the
// walker's goroutine per 100 MB).
func (v *Validator) emitMatched(seg *edi.Segment) {
	ev := &v.ev
	ev.Seg, ev.Walker, ev.Set, ev.Interchange = seg, &v.w, v.st, v.ic
	for _, h := range v.segmentHandlers {
		h.Segment(&v.ev)
	}
}

// route files an envelope error with the interchange, group or set it
// belongs to. Opening segments (ISA, GS, ST) report errors both about
// themselves and about what they implicitly close: the segment number tells
// which.
func (v *Validator) route(e *edi.Error) {
	v.fileError(e)
	switch e.Code.Kind {
	case edi.TA105:
		if t := pick(v.ic, v.nextIC, e, func(x *InterchangeResult) int { return x.Start.Index }); t != nil {
			t.Errors = append(t.Errors, e)
		}
	case edi.AK905:
		if t := pick(v.gr, v.nextGr, e, func(x *GroupResult) int { return x.Start.Index }); t != nil {
			t.Errors = append(t.Errors, e)
		}
	default:
		if t := pick(v.st, v.nextSt, e, func(x *SetResult) int { return x.Start.Index }); t != nil {
			v.addSetError(t, e)
		}
	}
}

func pick[T any](cur, next *T, e *edi.Error, start func(*T) int) *T {
	if next != nil && e.Pos.Index >= start(next) {
		return next
	}
	return cur
}

// setError receives the walker's errors, which always belong to the open set.
func (v *Validator) setError(e *edi.Error) {
	v.fileError(e)
	if v.st != nil {
		v.addSetError(v.st, e)
	}
}

func (v *Validator) addSetError(s *SetResult, e *edi.Error) {
	s.ErrorCount++
	if len(s.Errors) < v.MaxErrorsPerSet {
		s.Errors = append(s.Errors, e)
	}
}

// CountErrors counts n errors of the set that a CheckSet found but did
// not return, because no list would keep them (the set keeps
// MaxErrorsPerSet, the Report MaxErrors): they count against the set and
// the file like any other.
func (s *SetResult) CountErrors(n int) {
	s.ErrorCount += n
	if s.rep != nil {
		s.rep.ErrorCount += n
	}
}

func (v *Validator) fileError(e *edi.Error) {
	for _, h := range v.Handlers {
		h.Error(e)
	}
	v.rep.ErrorCount++
	if len(v.rep.Errors) < v.MaxErrors {
		v.rep.Errors = append(v.rep.Errors, e)
	}
}

func (v *Validator) closeSet() {
	if v.st == nil {
		return
	}
	v.w.End()
	s := v.st
	v.st = nil
	for _, h := range v.Handlers {
		for _, e := range h.CheckSet(s) {
			if e.File == "" {
				e.File = v.File
			}
			v.fileError(e)
			v.addSetError(s, e)
		}
	}
	if s.Accepted() {
		v.rep.SetsAccepted++
	} else {
		v.rep.SetsRejected++
	}
	if s.Group != nil && !v.ForgetSets {
		s.Group.Sets = append(s.Group.Sets, s)
	}
	for _, h := range v.Handlers {
		h.SetEnd(s)
	}
}

func (v *Validator) closeGroup() {
	v.closeSet()
	if v.gr == nil {
		return
	}
	g := v.gr
	v.gr = nil
	for _, h := range v.Handlers {
		h.GroupEnd(g)
	}
}

func (v *Validator) closeInterchange() {
	v.closeGroup()
	if v.ic == nil {
		return
	}
	ic := v.ic
	v.ic = nil
	for _, h := range v.Handlers {
		h.InterchangeEnd(ic)
	}
}
