package edi

import (
	"bytes"
	"fmt"
	"io"
)

const (
	// DefaultMaxSegmentSize bounds one segment (and so the Reader's buffer).
	// Real segments are a few hundred bytes; a megabyte means the file is not
	// using the terminator its ISA declared.
	DefaultMaxSegmentSize = 1 << 20

	initialBufSize = 64 << 10
	// isaWindow is how far the Reader looks for the 16 element separators of
	// an ISA. A conforming ISA is 106 bytes; unpadded ones are shorter.
	isaWindow = 512
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Reader reads X12 segments from an io.Reader, one at a time, with their
// positions. It takes the delimiters from each ISA it meets, so one file may
// hold several interchanges with different delimiter sets.
//
// It tolerates what real files do: a UTF-8 byte order mark, blank lines and
// indentation between segments, CR, LF or CRLF after terminators or as the
// terminator, and text before the first ISA (reported as a non-fatal error).
//
// Next returns either a segment or an error. A non-fatal *Error (see
// IsFatal) reports a problem and reading goes on with the next call; a fatal
// one is returned again by every later call.
type Reader struct {
	// Name is the file name put into errors.
	Name string
	// MaxSegmentSize bounds one segment; DefaultMaxSegmentSize when zero.
	MaxSegmentSize int

	src  io.Reader
	buf  []byte
	r, w int   // unread bytes are buf[r:w]
	base int64 // file offset of buf[0]
	line int   // line of buf[r]
	eof  bool
	ioEr error

	d       Delimiters
	classes byteClasses // what each byte is under d
	haveISA bool

	seg      Segment
	index    int
	setIndex int
	isa13    string
	gs06     string
	st02     string
	closing  string // envelope trailer just returned (SE, GE, IEA): context to clear on the next call
	pending  []*Error
	held     bool // x.seg is the unterminated last segment, returned after its error
	fatal    error
	ids      *[1 << idTableBits]idEntry
	position Position
}

// NewReader returns a Reader that reads from r.
func NewReader(r io.Reader) *Reader {
	x := &Reader{}
	x.Reset(r)
	return x
}

// Reset discards the Reader's state and makes it read from r, keeping its
// buffers.
func (x *Reader) Reset(r io.Reader) {
	buf, offs, ids := x.buf, x.seg.offs, x.ids
	if buf == nil {
		buf = make([]byte, initialBufSize)
	}
	if ids == nil {
		ids = new([1 << idTableBits]idEntry)
	}
	*x = Reader{Name: x.Name, MaxSegmentSize: x.MaxSegmentSize, src: r, buf: buf, ids: ids, line: 1}
	x.seg.offs = offs[:0]
}

// Delimiters returns the delimiters of the current interchange.
func (x *Reader) Delimiters() Delimiters { return x.d }

// Offset is the number of bytes consumed so far.
func (x *Reader) Offset() int64 { return x.base + int64(x.r) }

// Next returns the next segment, or io.EOF at the end of the input.
func (x *Reader) Next() (*Segment, error) {
	if len(x.pending) > 0 {
		e := x.pending[0]
		x.pending = x.pending[1:]
		return nil, e
	}
	if x.held { // the unterminated last segment, after its error
		x.held = false
		return &x.seg, nil
	}
	if x.fatal != nil {
		return nil, x.fatal
	}
	x.clearClosed()
	if !x.skipSpace() {
		if x.ioEr != nil {
			return nil, x.fail(fmt.Errorf("%s: reading at byte %d: %w", x.nameOr(), x.Offset(), x.ioEr))
		}
		if !x.haveISA {
			return nil, x.fail(x.noInterchange(x.Offset() == 0))
		}
		return nil, io.EOF
	}
	if !x.haveISA || x.atISA() {
		if err := x.readISA(); err != nil {
			return nil, err
		}
		if len(x.pending) > 0 { // text was skipped before the ISA: report it first
			return x.Next()
		}
		return &x.seg, nil
	}
	return x.readSegment()
}

func (x *Reader) nameOr() string {
	if x.Name == "" {
		return "input"
	}
	return x.Name
}

func (x *Reader) fail(err error) error {
	x.fatal = err
	return err
}

// errAt builds an error at the current read position: an instance of
// sentinel, described by msg.
func (x *Reader) errAt(sentinel error, code Code, msg string, fatal bool) *Error {
	p := x.position
	p.Offset, p.Line, p.Index = x.Offset(), x.line, x.index+1
	return &Error{File: x.Name, Pos: p, Code: code, Msg: msg, Err: sentinel, Fatal: fatal}
}

// noInterchange is the one error for input without an ISA; an empty input
// says so after it.
func (x *Reader) noInterchange(empty bool) *Error {
	msg := ErrNoInterchange.Error()
	if empty {
		msg += ": empty input"
	}
	return x.errAt(ErrNoInterchange, TA1InvalidControlStructure, msg, true)
}

// clearClosed drops the control number of an envelope whose trailer was the
// previous segment, so segments after SE/GE/IEA are not attributed to it.
func (x *Reader) clearClosed() {
	switch x.closing {
	case "SE":
		x.st02, x.setIndex = "", 0
	case "GE":
		x.gs06, x.st02, x.setIndex = "", "", 0
	case "IEA":
		x.isa13, x.gs06, x.st02, x.setIndex = "", "", "", 0
	}
	x.closing = ""
}

// fill reads more input, compacting the buffer first and growing it when it
// is full. It reports whether any bytes were added.
func (x *Reader) fill() bool {
	if x.eof {
		return false
	}
	if x.r > 0 {
		n := copy(x.buf, x.buf[x.r:x.w])
		x.base += int64(x.r)
		x.w, x.r = n, 0
	}
	if x.w == len(x.buf) {
		if len(x.buf) >= x.maxSegment()+isaWindow {
			return false
		}
		nb := make([]byte, 2*len(x.buf))
		copy(nb, x.buf[:x.w])
		x.buf = nb
	}
	for range 100 {
		n, err := x.src.Read(x.buf[x.w:])
		x.w += n
		if err != nil {
			x.eof = true
			if err != io.EOF {
				x.ioEr = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	x.eof, x.ioEr = true, io.ErrNoProgress
	return false
}

func (x *Reader) maxSegment() int {
	if x.MaxSegmentSize > 0 {
		return x.MaxSegmentSize
	}
	return DefaultMaxSegmentSize
}

// ensure reads until n unread bytes are buffered or the input ends.
func (x *Reader) ensure(n int) {
	for x.w-x.r < n && x.fill() {
	}
}

// skipSpace skips whitespace (and a byte order mark at the start of the
// input) and reports whether a non-space byte follows.
func (x *Reader) skipSpace() bool {
	if x.base == 0 && x.r == 0 && x.index == 0 && len(x.pending) == 0 {
		x.ensure(3)
		if bytes.HasPrefix(x.buf[x.r:x.w], utf8BOM) {
			x.r += 3
		}
	}
	for {
		for x.r < x.w {
			c := x.buf[x.r]
			if !isSpace(c) {
				return true
			}
			if c == '\n' {
				x.line++
			}
			x.r++
		}
		if !x.fill() {
			return false
		}
	}
}

// atISA reports whether the unread bytes start with an ISA segment tag.
func (x *Reader) atISA() bool {
	if x.r < x.w && x.buf[x.r] != 'I' {
		return false
	}
	x.ensure(4)
	b := x.buf[x.r:x.w]
	return len(b) >= 4 && b[0] == 'I' && b[1] == 'S' && b[2] == 'A' && !isAlnum(b[3]) && !isSpace(b[3])
}

// parseISA finds the end of an ISA at the start of b: the byte after "ISA" is
// the element separator, the byte after the 16th separator is ISA16 (the
// component separator) and the byte after that terminates the segment. It
// does not rely on fixed widths, so unpadded ISAs still parse; the envelope
// checker reports the widths. It returns the segment length without
// terminator.
func parseISA(b []byte) (n int, d Delimiters, code Code, msg string) {
	if len(b) < 4 {
		return 0, d, TA1PrematureEndOfFile, "ISA segment is cut short"
	}
	sep := b[3]
	seps, i := 0, 3
	var e11 []byte
	start11 := 0
	for ; i < len(b) && i < isaWindow; i++ {
		if b[i] != sep {
			continue
		}
		seps++
		if seps == 11 {
			start11 = i + 1
		}
		if seps == 12 {
			e11 = b[start11:i]
		}
		if seps == 16 {
			break
		}
	}
	if seps < 16 {
		if i >= len(b) {
			return 0, d, TA1PrematureEndOfFile, fmt.Sprintf("ISA segment is cut short: %d of 16 element separators %q before the end of the input", seps, sep)
		}
		return 0, d, TA1InvalidControlStructure, fmt.Sprintf("ISA segment does not have 16 elements separated by %q within %d bytes", sep, isaWindow)
	}
	if i+2 >= len(b) {
		return 0, d, TA1PrematureEndOfFile, "ISA segment has no component separator (ISA16) or segment terminator before the end of the input"
	}
	d = Delimiters{Element: sep, Component: b[i+1], Segment: b[i+2]}
	if len(e11) == 1 && !isAlnum(e11[0]) && !isSpace(e11[0]) {
		d.Repetition = e11[0]
	}
	if isAlnum(sep) || isSpace(sep) {
		return 0, d, TA1InvalidElementSeparator, fmt.Sprintf("ISA element separator %q is a letter, digit or space", sep)
	}
	if isAlnum(d.Component) || isSpace(d.Component) || d.Component == sep {
		return 0, d, TA1InvalidComponentSep, fmt.Sprintf("ISA16 component separator %q is not a usable delimiter", d.Component)
	}
	if isAlnum(d.Segment) || d.Segment == ' ' || d.Segment == sep || d.Segment == d.Component {
		return 0, d, TA1InvalidSegmentTerminator, fmt.Sprintf("segment terminator %q after ISA16 is not a usable delimiter", d.Segment)
	}
	if d.Repetition == d.Segment || d.Repetition == d.Component {
		d.Repetition = 0 // an ISA11 that collides with another delimiter cannot also repeat
	}
	return i + 2, d, Code{}, ""
}

// readISA reads the ISA at the read position, first skipping text that is
// not an interchange when no ISA has been seen yet.
func (x *Reader) readISA() error {
	if !x.atISA() {
		start := x.noInterchange(false)
		if !x.seekISA() {
			return x.fail(start)
		}
		if len(x.pending) > 0 {
			return nil
		}
	}
	x.ensure(isaWindow)
	n, d, code, msg := parseISA(x.buf[x.r:x.w])
	if msg != "" {
		e := x.errAt(ErrInterchangeHeader, code, msg, true)
		e.SegmentID = "ISA"
		return x.fail(e)
	}
	x.d, x.haveISA = d, true
	x.classes.set(d)
	x.emit(x.buf[x.r:x.r+n], n+1)
	return nil
}

// seekISA skips text up to the next plausible ISA (at the start of the input
// or of a line, followed by a well-formed header) and queues a non-fatal
// error describing what was skipped.
func (x *Reader) seekISA() bool {
	start := x.errAt(ErrTextBeforeInterchange, TA1InvalidControlStructure, "", false)
	skipped := int64(0)
	for {
		b := x.buf[x.r:x.w]
		for k := 0; ; {
			j := bytes.Index(b[k:], []byte("ISA"))
			if j < 0 {
				break
			}
			k += j
			if k == 0 || isSpace(b[k-1]) {
				if k+isaWindow > len(b) && !x.eof {
					break // need more bytes to judge this candidate
				}
				if _, _, _, msg := parseISA(b[k:]); msg == "" && !isSpace(b[k+3]) && !isAlnum(b[k+3]) {
					x.line += bytes.Count(b[:k], []byte{'\n'})
					x.r += k
					skipped += int64(k)
					start.Msg = fmt.Sprintf("%d bytes of text before the ISA interchange header were skipped", skipped)
					x.pending = append(x.pending, start)
					return true
				}
			}
			k++
		}
		if x.eof {
			return false // what is left cannot start an ISA
		}
		// Keep a window that may hold the start of an ISA; drop the rest.
		if keep := x.w - x.r; keep > isaWindow {
			drop := keep - isaWindow
			x.line += bytes.Count(x.buf[x.r:x.r+drop], []byte{'\n'})
			x.r += drop
			skipped += int64(drop)
		}
		x.fill()
	}
}

// readSegment reads one segment ending with the current terminator.
func (x *Reader) readSegment() (*Segment, error) {
	term := x.d.Segment
	scanned := 0
	for {
		b := x.buf[x.r:x.w]
		if k := bytes.IndexByte(b[scanned:], term); k >= 0 {
			k += scanned
			x.emit(b[:k], k+1)
			return &x.seg, nil
		}
		if x.eof {
			if x.ioEr != nil {
				return nil, x.fail(fmt.Errorf("%s: reading at byte %d: %w", x.nameOr(), x.Offset(), x.ioEr))
			}
			e := x.errAt(ErrUnterminatedSegment, TA1PrematureEndOfFile, fmt.Sprintf("%v %q before the end of the input", ErrUnterminatedSegment, term), false)
			x.emit(b, len(b))
			e.Pos = x.seg.Pos
			e.SegmentID = x.seg.id
			// The error comes before the segment it is about: when that is
			// the IEA, the interchange is still open to take the error (and
			// its TA1 rejects it) instead of ending clean before it.
			x.held = true
			return nil, e
		}
		if len(b) > x.maxSegment() {
			return nil, x.fail(x.tooLong(term))
		}
		scanned = len(b)
		if !x.fill() && !x.eof {
			return nil, x.fail(x.tooLong(term))
		}
	}
}

func (x *Reader) tooLong(term byte) *Error {
	msg := fmt.Sprintf("no segment terminator %q within %d bytes: %v", term, x.maxSegment(), ErrSegmentTooLong)
	return x.errAt(ErrSegmentTooLong, TA1InvalidSegmentTerminator, msg, true)
}

// emit makes raw the current segment and consumes n bytes.
func (x *Reader) emit(raw []byte, n int) {
	s := &x.seg
	offset, line := x.Offset(), x.line
	if x.d.Segment == '\n' {
		x.line++
		if len(raw) > 0 && raw[len(raw)-1] == '\r' {
			raw = raw[:len(raw)-1]
		}
	}
	x.r += n
	s.raw, s.d = raw, x.d
	x.line += s.splitWith(&x.classes)
	s.id = x.intern(raw[:s.offs[1]-1])
	x.index++

	switch s.id {
	case "ISA":
		x.isa13, x.gs06, x.st02, x.setIndex = string(bytes.TrimSpace(s.Element(13))), "", "", 0
	case "GS":
		x.gs06, x.st02, x.setIndex = string(s.Element(6)), "", 0
	case "ST":
		x.st02, x.setIndex = string(s.Element(2)), 1
	case "SE", "GE", "IEA":
		x.closing = s.id
		if x.st02 != "" {
			x.setIndex++
		}
	default:
		if x.st02 != "" {
			x.setIndex++
		}
	}
	// Field by field, not Position{...} then a copy: a composite is built
	// on the stack with narrow stores and copied with wide loads, a
	// store-forwarding stall on every segment.
	x.position.Offset, x.position.Line, x.position.Index, x.position.SetIndex = offset, line, x.index, x.setIndex
	x.position.Interchange, x.position.Group, x.position.Set = x.isa13, x.gs06, x.st02
	s.Pos.Offset, s.Pos.Line, s.Pos.Index, s.Pos.SetIndex = offset, line, x.index, x.setIndex
	s.Pos.Interchange, s.Pos.Group, s.Pos.Set = x.isa13, x.gs06, x.st02
}

// intern returns a shared string for a segment ID, so reading a file does not
// allocate one per segment. IDs of up to three bytes (all real ones) are
// packed into an integer (never 0: the length is part of it) and looked up
// in a small open-addressed table.
func (x *Reader) intern(b []byte) string {
	if len(b) == 0 || len(b) > 3 {
		return string(b)
	}
	key := uint32(len(b))
	for _, c := range b {
		key = key<<8 | uint32(c)
	}
	h := (key * 2654435761) >> (32 - idTableBits)
	for probe := range uint32(8) {
		e := &x.ids[(h+probe)&(1<<idTableBits-1)]
		if e.key == key {
			return e.id
		}
		if e.key == 0 {
			e.key, e.id = key, string(b)
			return e.id
		}
	}
	return string(b) // a crowded table means garbage input; correctness over speed
}

const idTableBits = 8

type idEntry struct {
	key uint32
	id  string
}
