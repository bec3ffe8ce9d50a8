package mapping

import (
	"errors"
	"strconv"
	"strings"
)

// RecordKind names the kind of record a writer refuses, in its message.
type RecordKind string

const (
	ClaimRecord         RecordKind = "claim"
	AuthorizationRecord RecordKind = "authorization request"
	RemittanceRecord    RecordKind = "remittance"
)

// The errors a RecordError wraps are phrased to follow the record's name
// ("claim #2 is of another kind ..."), since Error() puts them there.
var (
	// ErrIncomplete is what a RecordError with Reasons wraps: the record
	// lacks what its guide requires, or holds what the guide does not allow.
	ErrIncomplete = errors.New("does not meet its implementation guide")

	errNilRecord        = errors.New("is nil")
	errUnknownClaimKind = errors.New("is of an unknown claim kind (want professional, institutional or dental)")
	errMixedClaimKinds  = errors.New("is of another kind than claim #1: one kind per file")
)

// RecordError is a record a writer (Write837, Write835, Write278) or a
// CheckXForWriting function refuses, and why. Like csv.ParseError it says
// where (the kind and the place in the batch) and wraps what (Err), so
// errors.Is(err, ErrIncomplete) and errors.As(err, &*edi.Error) work on
// what a writer returns.
//
// The record is named by its place, never by a value of it such as its
// patient control number or trace number: values stay out of messages
// (docs/decisions/0009-no-values-in-messages.md). The caller holds the
// records and finds the one at Index.
type RecordError struct {
	Kind  RecordKind
	Index int // 1-based place in the batch; 0 when the record was checked alone
	// Reasons lists what is wrong, each naming a field (a JSON path) and
	// its place in the X12, never a value: "missing lines (2400)",
	// "traceOriginator (TRN03) must be 10 characters ...".
	Reasons []string
	// Err is ErrIncomplete when Reasons has entries; otherwise the cause,
	// such as the *edi.Error the record's written set raised, phrased to
	// follow the record's name.
	Err error
}

func (e *RecordError) Unwrap() error { return e.Err }

func (e *RecordError) Error() string {
	var b strings.Builder
	b.WriteString("mapping: ")
	if e.Index > 0 {
		b.WriteString(string(e.Kind))
		b.WriteString(" #")
		b.WriteString(strconv.Itoa(e.Index))
	} else {
		b.WriteString("the ")
		b.WriteString(string(e.Kind))
	}
	switch {
	case len(e.Reasons) > 0:
		b.WriteString(" cannot be written: ")
		b.WriteString(joinReasons(e.Reasons))
	case e.Err != nil:
		b.WriteByte(' ')
		b.WriteString(e.Err.Error())
	default:
		b.WriteString(" cannot be written")
	}
	return b.String()
}

// Missing returns the fields the record lacks: the Reasons that start with
// "missing ", without it.
func (e *RecordError) Missing() []string {
	var out []string
	for _, r := range e.Reasons {
		if m, ok := strings.CutPrefix(r, "missing "); ok {
			out = append(out, m)
		}
	}
	return out
}

// joinReasons writes the missing fields as one list where the first of
// them stands ("missing a, b, c"), the other reasons around it, separated
// by semicolons.
func joinReasons(reasons []string) string {
	var parts, missing []string
	at := -1
	for _, r := range reasons {
		if m, ok := strings.CutPrefix(r, "missing "); ok {
			if at < 0 {
				at = len(parts)
				parts = append(parts, "")
			}
			missing = append(missing, m)
			continue
		}
		parts = append(parts, r)
	}
	if at >= 0 {
		parts[at] = "missing " + strings.Join(missing, ", ")
	}
	return strings.Join(parts, "; ")
}
