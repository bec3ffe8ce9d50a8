package ig

import (
	"bytes"

	"github.com/edigw/edigw/edi"
)

// pendingHL is what the walker keeps of the last HL until the segment
// that tells whether its HL04 was right: the next HL, or the set's end.
type pendingHL struct {
	code byte // HL04 when it is "0" or "1", else 0 (nothing to check)
	id   []byte
	pos  edi.Position
	loop string
}

// checkHL04 checks the last HL's child code (HL04) against what follows
// it: next is the HL after it, nil at the end of the set. HL04 "1" says a
// subordinate level follows, so the next HL must name it in HL02; "0" says
// none does. The error is the last HL's (IK403=7 on HL04, data element
// 736), found one HL late, so it carries the position it was kept with.
// Other HL04 values are the code check's to report. When the next HL's
// HL02 names no level it could belong to (parentOK false, reported as
// HL02's error), the hierarchy cannot be told and HL04 is not judged.
func (w *Walker) checkHL04(next *edi.Segment, parentOK bool) {
	p := &w.prevHL
	if p.code != 0 && parentOK {
		child := next != nil && len(p.id) > 0 && bytes.Equal(next.Element(2), p.id)
		switch {
		case p.code == '1' && !child:
			msg := "HL04 says a subordinate HL follows, but the next HL is not its child"
			if next == nil {
				msg = "HL04 says a subordinate HL follows, but the set ends without one"
			}
			w.hl04Err(msg)
		case p.code == '0' && child:
			w.hl04Err("HL04 says no subordinate HL follows, but the next HL is its child")
		}
	}
	p.code = 0
	if next == nil {
		return
	}
	if c := next.Element(4); len(c) == 1 && (c[0] == '0' || c[0] == '1') {
		p.code = c[0]
		p.id = append(p.id[:0], next.Element(1)...)
		p.pos = next.Pos
		p.loop = ""
		if len(w.stack) > 0 {
			p.loop = w.top().loop.ID
		}
	}
}

func (w *Walker) hl04Err(msg string) {
	p := &w.prevHL
	w.report(&edi.Error{Pos: p.pos, SegmentID: "HL", Element: 4, ElementRef: "736", Loop: loopLabel(p.loop),
		Code: edi.ElemInvalidCode, Msg: msg, Value: string([]byte{p.code})})
}
