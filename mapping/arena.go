package mapping

import "unsafe"

// arena hands out strings that share one buffer, for the rules-only
// builders (rulesonly.go): a value read from a segment lives there until
// the arena is reset at the end of what it belongs to (a claim, a
// subscriber level, a set), so checking a claim's rules allocates nothing
// (decision 0031).
//
// A string from an arena is valid only until the arena's next reset: the
// builders reset an arena only once nothing that read its strings is
// left open, and whatever outlives it (an Issue's claim number) is
// cloned. Bytes are never overwritten before a reset: when the buffer is
// full a new one is started, and the strings in the old one stay valid.
type arena struct {
	buf []byte
}

// arenaMax bounds an arena: past it (a malformed file repeating one
// segment of a level many thousand times), strings are allocated as
// usual, so memory stays what it was without the arena.
const arenaMax = 256 << 10

// str returns b as a string held by the arena.
func (a *arena) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(a.buf)-len(a.buf) < len(b) {
		if cap(a.buf) >= arenaMax {
			return string(b)
		}
		a.buf = make([]byte, 0, min(arenaMax, max(4096, 2*cap(a.buf), len(b))))
		if len(b) > cap(a.buf) {
			return string(b)
		}
	}
	n := len(a.buf)
	a.buf = append(a.buf, b...)
	return unsafe.String(&a.buf[n], len(b))
}

// reset lets the arena's bytes be written again: every string it handed
// out before is dead.
func (a *arena) reset() { a.buf = a.buf[:0] }

// view is b as a string for the length of a call that keeps nothing of
// it (a number to parse, a map key to look up).
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
