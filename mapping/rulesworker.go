package mapping

import (
	"strings"
	"sync"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/edi/ig"
)

// ruleWorker checks the rules of 837 claims on a goroutine of its own
// (decision 0031). The Validator walks the guide on one core and reads
// ahead on the other, which the reading leaves two thirds idle; building
// the claims and checking their rules there instead of after the walk, on
// the walker's goroutine, is what brings validate near the guide's own
// speed. The walker's side hands each segment the rules read (with its
// loop) over in batches, holding the Validator's read-ahead batch the
// segment lives in instead of copying it (a copy only when the Validator
// reads inline); the worker runs claimRules over them, and the set's
// issues come back at the set's end (take), in claim order, before its
// errors are counted: the verdict is the same as on one goroutine.
type ruleWorker struct {
	cur  *ruleBatch
	todo chan *ruleBatch
	free chan *ruleBatch
	done chan ruleReply
	// dups are the file's claims the worker remembers, handed over when
	// it ends: while it runs they are a variable of its own, off the
	// cache line of w.cur, which the walker's side reads on every segment.
	dups duplicateSeen
	// remitSet is the 835 set last sent, for remitEvent.
	remitSet *ig.SetResult
	// headerOf is the set whose header is837 tells (claimSet).
	headerOf *ig.SetResult
	is837    bool
	// collector, when set, is the Mapper's own claim collector (places
	// only, which read no walker state): it runs here too, and the set's
	// reply says it has seen the whole set before anyone asks it.
	collector *ack.ClaimCollector
}

// A ruleBatch is consecutive segments of one set, all from one read-ahead
// batch of the Validator's, which it holds, or copied.
type ruleBatch struct {
	set     *ig.SetResult
	remit   bool       // an 835's, else an 837's
	walker  *ig.Walker // for the collector, which asks only that there is one
	guided  bool
	kind    edigw.ClaimKind
	hasKind bool
	segs    []*edi.Segment
	loops   []string
	reads   []reads   // who reads the segment
	held    *ig.Batch // where segs live, held until the worker is done
	copies  []edi.Segment
	arena   []byte // copies' bytes
	end     bool   // the set ends after these: reply with its issues
}

// reads says who reads a segment of a batch: the rules, the collector or
// both.
type reads uint8

const (
	readByRules reads = 1 << iota
	readByCollector
)

// ruleReply is a set's issues and the number of its claims; for an 835,
// whether it had a remittance.
type ruleReply struct {
	issues []*Issue
	claims int
	remit  bool
}

// A batch holds one of the Validator's read-ahead batches at most, so it
// has room for all of one's segments (ig's batchSegments): one hand-off
// to the worker for each of the reader's.
const (
	ruleBatchSegments = 4096
	ruleBatchBytes    = 256 << 10
	ruleBatches       = 4
)

var ruleBatchPool = sync.Pool{New: func() any {
	return &ruleBatch{segs: make([]*edi.Segment, 0, ruleBatchSegments), loops: make([]string, 0, ruleBatchSegments),
		reads: make([]reads, 0, ruleBatchSegments)} // copies and arena: only when the Validator reads inline
}}

func newRuleWorker(collector *ack.ClaimCollector) *ruleWorker {
	w := &ruleWorker{todo: make(chan *ruleBatch, ruleBatches), free: make(chan *ruleBatch, ruleBatches), done: make(chan ruleReply),
		collector: collector}
	for range ruleBatches {
		w.free <- ruleBatchPool.Get().(*ruleBatch)
	}
	go w.run()
	return w
}

// run is the worker's goroutine.
func (w *ruleWorker) run() {
	var reply ruleReply
	var dups duplicateSeen
	rules := &claimRules{line: -1}
	rules.onClaim = func(c *edigw.Claim, at *claimSpots) {
		if rules.set != nil && rules.guided {
			for _, is := range ruleIssues(c, at, &dups) {
				is.Claim = strings.Clone(is.Claim)
				reply.issues = append(reply.issues, is)
			}
		}
		reply.claims++
	}
	var ev ig.Event
	remits := &remitRules{}
	for b := range w.todo {
		if b.remit {
			for i, seg := range b.segs {
				remits.next(seg, b.loops[i], b.set)
			}
			if b.end {
				if rm, _ := remits.take(b.set); rm != nil {
					reply.remit = true
					for _, is := range remits.issues() {
						is.Claim = strings.Clone(is.Claim)
						reply.issues = append(reply.issues, is)
					}
				}
				w.done <- reply
				reply = ruleReply{}
			}
			w.finish(b)
			continue
		}
		for i, seg := range b.segs {
			if b.reads[i]&readByCollector != 0 {
				ev.Seg, ev.Set, ev.Walker = seg, b.set, b.walker
				w.collector.Segment(&ev)
			}
			if b.reads[i]&readByRules != 0 {
				rules.next(seg, b.loops[i], b.set, b.guided, b.kind)
			}
		}
		if b.end {
			rules.take()
			w.done <- reply
			reply = ruleReply{}
		}
		w.finish(b)
	}
	w.dups = dups
	close(w.done)
}

// finish gives the Validator's batch back and b to the walker's side.
func (w *ruleWorker) finish(b *ruleBatch) {
	if b.held != nil {
		b.held.Release()
		b.held = nil
	}
	b.set = nil
	w.free <- b
}

// remitSegment copies ev for the worker when the 835 rules read it.
func (w *ruleWorker) remitSegment(ev *ig.Event) {
	if !remitEvent(ev, w.remitSet) {
		return
	}
	w.remitSet = ev.Set
	w.add(ev, true, readByRules)
}

// segment hands ev to the worker when the rules or the collector read it.
// The rules read an 837's segments in its guide (ruleEvent's test); the
// collector does nothing with any other segment than those it places, and
// its set starts with the set's ST, which it reads.
func (w *ruleWorker) segment(ev *ig.Event) {
	by := readersOf(ev.Seg.ID())
	if by == 0 || ev.Walker == nil {
		return
	}
	if by&readByRules != 0 && (ev.Match.Def == nil || !w.claimSet(ev.Set)) {
		by &^= readByRules
	}
	if w.collector == nil {
		by &^= readByCollector
	}
	if by != 0 {
		w.add(ev, false, by)
	}
}

// claimSet says whether s is an 837's, looking at its header once a set.
func (w *ruleWorker) claimSet(s *ig.SetResult) bool {
	if s != w.headerOf {
		w.headerOf, w.is837 = s, s != nil && s.Header.ID == "837"
	}
	return w.is837
}

// add puts ev into the batch being filled (a new one for another set, or
// for another of the Validator's batches).
func (w *ruleWorker) add(ev *ig.Event, remit bool, by reads) {
	held := ev.Batch()
	raw := 0
	if held == nil {
		raw = len(ev.Seg.Raw())
	}
	// A batch holds one of the Validator's batches at most, the one being
	// walked: the reader has only a few, and one held while the walk
	// moves on would stop it.
	if b := w.cur; b != nil && (b.set != ev.Set || len(b.segs) == cap(b.segs) || len(b.arena) > 0 && len(b.arena)+raw > cap(b.arena) ||
		held != nil && b.held != nil && held != b.held) {
		w.send()
	}
	b := w.batch(ev.Set)
	b.remit, b.walker = remit, ev.Walker
	if by&readByRules != 0 && !remit {
		if !b.hasKind { // once a batch: the guide is the set's
			b.kind, b.hasKind = kindOf(ev), true
		}
		b.guided = ev.Set.Guide != nil
	}
	b.reads = append(b.reads, by)
	if held != nil {
		if b.held == nil {
			held.Hold()
			b.held = held
		}
		b.segs = append(b.segs, ev.Seg)
	} else {
		if cap(b.arena)-len(b.arena) < raw { // the first copy, or a segment larger than a batch
			b.arena = make([]byte, 0, max(raw, ruleBatchBytes))
		}
		if b.copies == nil {
			b.copies = make([]edi.Segment, 0, ruleBatchSegments)
		}
		b.copies = b.copies[:len(b.copies)+1] // never past cap: there are no more copies than segs
		c := &b.copies[len(b.copies)-1]
		b.arena = ev.Seg.CopyTo(c, b.arena)
		b.segs = append(b.segs, c)
	}
	loop := ""
	if ev.Match.Loop != nil {
		loop = ev.Match.Loop.ID
	}
	b.loops = append(b.loops, loop)
}

// batch is the batch being filled, for set s.
func (w *ruleWorker) batch(s *ig.SetResult) *ruleBatch {
	if w.cur == nil {
		b := <-w.free
		b.segs, b.loops, b.reads, b.copies, b.arena, b.end, b.hasKind = b.segs[:0], b.loops[:0], b.reads[:0], b.copies[:0], b.arena[:0], false, false
		if cap(b.arena) > ruleBatchBytes { // it held one large segment last
			b.arena = nil
		}
		b.set = s
		w.cur = b
	}
	return w.cur
}

func (w *ruleWorker) send() {
	w.todo <- w.cur
	w.cur = nil
}

// take ends set s, an 837's or (remit) an 835's: its issues, in file
// order, the number of its claims, and whether an 835 had a remittance.
func (w *ruleWorker) take(s *ig.SetResult, remit bool) ruleReply {
	if w.cur != nil && (w.cur.set != s || w.cur.remit != remit) {
		w.send()
	}
	b := w.batch(s)
	b.remit, b.end = remit, true
	w.send()
	w.remitSet = nil
	return <-w.done
}

// stop ends the goroutine and hands its duplicate keys to dups (tests
// read them).
func (w *ruleWorker) stop(dups *duplicateSeen) {
	if w.cur != nil {
		w.send()
	}
	close(w.todo)
	for range w.done {
	}
	for {
		select {
		case b := <-w.free:
			if cap(b.arena) <= ruleBatchBytes {
				ruleBatchPool.Put(b)
			}
		default:
			*dups = w.dups
			return
		}
	}
}
