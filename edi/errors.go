package edi

import (
	"errors"
	"strconv"
	"strings"
)

// Error is a syntax or envelope error at an exact place in a file. It carries
// the code an acknowledgment would report for it. Like csv.ParseError, its
// message names the file, the position and the element; it never repeats a
// value from inside a transaction set (only envelope identifiers such as
// ISA13, GS06 and ST02), since messages reach logs, reasons, ledger rows
// and HTTP bodies (docs/decisions/0009-no-values-in-messages.md).
type Error struct {
	File      string   // name of the file, when known
	Pos       Position // the segment in error (or where reading stopped)
	SegmentID string   // ID of the segment in error, when there is one
	Element   int      // 1-based element position; 0 when the whole segment is meant
	Component int      // 1-based component position; 0 when the whole element is meant
	Code      Code     // the TA1/999 code for this error
	Msg       string   // what is wrong, without position
	// Err is what the error is an instance of, for errors.Is: one of the
	// Reader's sentinels (ErrNoInterchange, ErrSegmentTooLong ...), or nil
	// for envelope and guide errors, which Code classifies. Msg already says
	// it in words, so Error() does not repeat it.
	Err error
	// For implementation-guide errors, what a 999 IK3/IK4 reports besides
	// the code: the loop the segment is in (IK303), the data element
	// reference number (IK402), the repetition (IK401-3) and a copy of the
	// bad value (IK404). Value may hold PHI: it goes into acknowledgments,
	// never into logs, and Error() leaves it out.
	Loop       string
	ElementRef string
	Repetition int
	Value      string
	// LastInLoop is, for a required segment or loop found missing (IK304
	// 3), the set position of the last segment before the one that
	// revealed it: a segment of the loop Loop names (or of a loop within
	// it), where the segment was due. Pos stays the revealing segment, the
	// position a 999's IK302 reports; a claim's 277CA places the error by
	// LastInLoop, so a segment missing at the end of one claim does not
	// reject the next (0: place by Pos).
	LastInLoop int
	// Fatal is true when reading cannot go on past this error (no
	// interchange header, an unreadable ISA, an I/O error).
	Fatal bool
}

// Unwrap returns Err, so errors.Is(err, edi.ErrSegmentTooLong) holds for
// what the Reader returns.
func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(": ")
	}
	if c := e.Pos.Controls(); c != "" {
		b.WriteString(c)
		b.WriteString(": ")
	}
	b.WriteString(e.Pos.String())
	if e.SegmentID != "" && e.SegmentName() == "" {
		b.WriteString(", a segment whose identifier is not one")
	} else if e.SegmentID != "" {
		b.WriteString(", ")
		b.WriteString(e.SegmentID)
		if e.Element > 0 {
			b.WriteString(elementRef(e.Element))
			if e.Component > 0 {
				b.WriteByte('-')
				b.WriteString(strconv.Itoa(e.Component))
			}
		}
	}
	if e.Loop != "" {
		b.WriteString(" in loop ")
		b.WriteString(e.Loop)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Code.Kind != 0 {
		b.WriteString(" [")
		b.WriteString(e.Code.String())
		b.WriteByte(']')
	}
	return b.String()
}

// SegmentName is the identifier of the segment in error when it is one
// (two or three upper-case letters and digits), else "": what stands where
// an identifier belongs may be a value (a delimiter out of place turns any
// value into one), and messages repeat no value.
func (e *Error) SegmentName() string {
	if ValidSegmentID(e.SegmentID) {
		return e.SegmentID
	}
	return ""
}

// elementRef formats an element position the way X12 references it: 01, 02 ... 16.
func elementRef(i int) string {
	if i < 10 {
		return "0" + strconv.Itoa(i)
	}
	return strconv.Itoa(i)
}

// The Reader's errors are *Error values wrapping one of these, so a caller
// tells them apart with errors.Is rather than by their text. I/O errors
// from the underlying reader are returned wrapped as they are (they are
// not the file's fault, and a retry may help).
var (
	// ErrNoInterchange: the input holds no ISA interchange header at all
	// (it is empty, blank, or text without one). Fatal.
	ErrNoInterchange = errors.New("no ISA interchange header")
	// ErrTextBeforeInterchange: text before the first ISA was skipped.
	// Not fatal: the interchange after it is read.
	ErrTextBeforeInterchange = errors.New("text before the ISA interchange header")
	// ErrInterchangeHeader: an ISA whose delimiters cannot be read (cut
	// short, fewer than 16 elements, a letter or a used byte as a
	// delimiter). Fatal: nothing after it can be split into segments.
	ErrInterchangeHeader = errors.New("unreadable ISA interchange header")
	// ErrUnterminatedSegment: the input ends inside the last segment. Not
	// fatal: the segment is returned.
	ErrUnterminatedSegment = errors.New("the last segment has no terminator")
	// ErrSegmentTooLong: one segment exceeds Reader.MaxSegmentSize, which
	// bounds memory on garbage input. Fatal.
	ErrSegmentTooLong = errors.New("segment exceeds the maximum segment size")
)

// IsFatal reports whether err stops a Reader: any error other than a
// non-fatal *Error.
func IsFatal(err error) bool {
	var e *Error
	if errors.As(err, &e) {
		return e.Fatal
	}
	return err != nil
}
