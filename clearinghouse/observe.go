package clearinghouse

import (
	"maps"
	"strings"
	"sync"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
	"github.com/edigw/edigw/mapping/codes"
)

// Observations are the pipeline's domain counters for /metrics, beside
// Stats: files by direction, kind and outcome, bytes, claims decided (by
// edigw's 277CAs and by the partners'), the partners' 999 rejections by
// code, and acknowledgments that matched nothing edigw sent. They count
// outcomes once recorded, so a file retried after a failure is counted
// once.
type Observations struct {
	Files map[FileCount]int64
	Bytes map[edigw.Direction]int64
	// Claims by who decided (edigw for the 277CAs it writes, partner for
	// those it receives) and how (accepted or rejected).
	Claims map[ClaimDecision]int64
	// Rejections999 counts the sets (or groups) partners' 999s rejected,
	// by IK502-IK506 (or AK905-AK909) code; IK501 itself when no code
	// was given.
	Rejections999 map[string]int64
	// Unmatched counts answers that matched no record, or several.
	Unmatched int64
}

// FileCount is one series of Observations.Files.
type FileCount struct {
	Direction edigw.Direction
	Kind      string // 837P, 835, 278, 999, 277CA, TA1 ... ("unknown" when unreadable)
	Outcome   string // archived, rejected, duplicate (inbound); sent (outbound)
}

// ClaimDecision is one series of Observations.Claims.
type ClaimDecision struct {
	Source   string // edigw or partner
	Decision string // accepted or rejected
}

type observer struct {
	mu sync.Mutex
	o  Observations
}

func (ob *observer) locked(f func(o *Observations)) {
	ob.mu.Lock()
	defer ob.mu.Unlock()
	if ob.o.Files == nil {
		ob.o = Observations{Files: map[FileCount]int64{}, Bytes: map[edigw.Direction]int64{},
			Claims: map[ClaimDecision]int64{}, Rejections999: map[string]int64{}}
	}
	f(&ob.o)
}

// Observations returns the counters so far.
func (p *Pipeline) Observations() Observations {
	var out Observations
	p.observer.locked(func(o *Observations) {
		out = Observations{Files: maps.Clone(o.Files), Bytes: maps.Clone(o.Bytes), Claims: maps.Clone(o.Claims),
			Rejections999: maps.Clone(o.Rejections999), Unmatched: o.Unmatched}
	})
	return out
}

// observeSent counts an outbound file written.
func (p *Pipeline) observeSent(kind string, size int) {
	p.observer.locked(func(o *Observations) {
		o.Files[FileCount{edigw.Outbound, kind, string(edigw.FileSent)}]++
		o.Bytes[edigw.Outbound] += int64(size)
	})
}

// observeInbound counts an inbound file whose outcome is recorded, the
// acknowledgments written for it, and what they and the partner's
// acknowledgments in it decided.
func (p *Pipeline) observeInbound(f *edigw.File, final edigw.FileStatus, held map[string]*heldAck, out *Outcome) {
	p.observer.locked(func(o *Observations) {
		kind := f.Kind
		if kind == "" {
			kind = "unknown"
		}
		o.Files[FileCount{edigw.Inbound, kind, string(final)}]++
		o.Bytes[edigw.Inbound] += f.Size
		if held != nil {
			for _, a := range held {
				o.Files[FileCount{edigw.Outbound, strings.ToUpper(a.kind), string(edigw.FileSent)}]++
				o.Bytes[edigw.Outbound] += a.Len()
			}
			if r := out.acked; r != nil {
				o.Claims[ClaimDecision{"edigw", "accepted"}] += int64(r.ClaimsAccepted)
				o.Claims[ClaimDecision{"edigw", "rejected"}] += int64(r.ClaimsRejected)
			}
		}
		if t := out.received; t != nil && final == edigw.FileArchived {
			o.Claims[ClaimDecision{"partner", "accepted"}] += t.accepted
			o.Claims[ClaimDecision{"partner", "rejected"}] += t.rejected
			for code, n := range t.rejections999 {
				o.Rejections999[code] += n
			}
		}
	})
}

// ackTally is what the acknowledgments a partner sent in one file decided.
type ackTally struct {
	accepted, rejected int64
	rejections999      map[string]int64
}

// add tallies one TA1, 999 or 277CA from a partner.
func (t *ackTally) add(a *edigw.Acknowledgment) {
	switch {
	case a.Claims != nil:
		for _, c := range a.Claims.ClaimStatuses() {
			if mapping.ClaimStatusOf(c.Statuses) == edigw.ClaimRejected {
				t.rejected++
			} else {
				t.accepted++
			}
		}
	case a.Group != nil:
		if t.rejections999 == nil {
			t.rejections999 = map[string]int64{}
		}
		rejectedSets := 0
		for _, s := range a.Group.Sets {
			if !s.Rejected() {
				continue
			}
			rejectedSets++
			t.codes(s.Errors, codes.SetSyntaxError, s.Code)
		}
		if rejectedSets == 0 && a.Group.Code == "R" {
			t.codes(a.Group.Errors, codes.GroupSyntaxError, a.Group.Code)
		}
	}
}

// codes counts the error codes of a rejection, or its IK501/AK901 code
// when it gives none. A code outside the X12 list counts as "other": a
// partner cannot grow the label set at will.
func (t *ackTally) codes(errs []string, list *codes.List, otherwise string) {
	label := func(c string, l *codes.List) string {
		if l.Has(c) {
			return c
		}
		return "other"
	}
	if len(errs) == 0 {
		t.rejections999[label(otherwise, codes.SetAckCode)]++
	}
	for _, c := range errs {
		t.rejections999[label(c, list)]++
	}
}
