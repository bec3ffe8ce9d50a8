package edi

import "fmt"

// CodeKind names the acknowledgment element that carries an error code.
type CodeKind uint8

const (
	// TA105 is the interchange note code of a TA1 (interchange level).
	TA105 CodeKind = iota + 1
	// AK905 is a functional group syntax error code of a 999 (group level).
	AK905
	// IK502 is a transaction set syntax error code of a 999 (set level).
	IK502
	// IK304 is a segment syntax error code of a 999 (segment level).
	IK304
	// IK403 is a data element syntax error code of a 999 (element level).
	IK403
	// STC is a claim status of a 277 (STC01: category, status and
	// optionally entity, joined by ':'), for errors beyond syntax —
	// balancing, code sets, payer rules (SNIP 3 to 7). A 999 does not
	// report them; a 277CA rejects the claim with this status.
	STC
)

func (k CodeKind) String() string {
	switch k {
	case TA105:
		return "TA105"
	case AK905:
		return "AK905"
	case IK502:
		return "IK502"
	case IK304:
		return "IK304"
	case IK403:
		return "IK403"
	case STC:
		return "STC01"
	}
	return fmt.Sprintf("CodeKind(%d)", uint8(k))
}

// Code is an X12 acknowledgment error code: where it goes and its value.
type Code struct {
	Kind  CodeKind
	Value string
}

func (c Code) String() string {
	if c.Kind == 0 {
		return ""
	}
	return c.Kind.String() + "=" + c.Value
}

// TA1 interchange note codes (TA105).
var (
	TA1ControlNumberMismatch    = Code{TA105, "001"}
	TA1StandardNotSupported     = Code{TA105, "002"}
	TA1VersionNotSupported      = Code{TA105, "003"}
	TA1InvalidSegmentTerminator = Code{TA105, "004"}
	TA1InvalidSenderQualifier   = Code{TA105, "005"}
	TA1InvalidSenderID          = Code{TA105, "006"}
	TA1InvalidReceiverQualifier = Code{TA105, "007"}
	TA1InvalidReceiverID        = Code{TA105, "008"}
	TA1InvalidAuthQualifier     = Code{TA105, "010"}
	TA1InvalidAuthInfo          = Code{TA105, "011"}
	TA1InvalidSecurityQualifier = Code{TA105, "012"}
	TA1InvalidSecurityInfo      = Code{TA105, "013"}
	TA1InvalidDate              = Code{TA105, "014"}
	TA1InvalidTime              = Code{TA105, "015"}
	TA1InvalidStandardsID       = Code{TA105, "016"}
	TA1InvalidVersionID         = Code{TA105, "017"}
	TA1InvalidControlNumber     = Code{TA105, "018"}
	TA1InvalidAckRequested      = Code{TA105, "019"}
	TA1InvalidTestIndicator     = Code{TA105, "020"}
	TA1InvalidGroupCount        = Code{TA105, "021"}
	TA1InvalidControlStructure  = Code{TA105, "022"}
	TA1PrematureEndOfFile       = Code{TA105, "023"}
	TA1InvalidContent           = Code{TA105, "024"}
	TA1DuplicateControlNumber   = Code{TA105, "025"}
	TA1InvalidElementSeparator  = Code{TA105, "026"}
	TA1InvalidComponentSep      = Code{TA105, "027"}
)

// 999 functional group syntax error codes (AK905..AK909).
var (
	GroupNotSupported          = Code{AK905, "1"}
	GroupVersionNotSupported   = Code{AK905, "2"}
	GroupTrailerMissing        = Code{AK905, "3"}
	GroupControlNumberMismatch = Code{AK905, "4"}
	GroupCountMismatch         = Code{AK905, "5"}
	GroupControlNumberSyntax   = Code{AK905, "6"}
	GroupControlNumberNotUniq  = Code{AK905, "19"}
)

// 999 transaction set syntax error codes (IK502..IK506).
var (
	SetNotSupported          = Code{IK502, "1"}
	SetTrailerMissing        = Code{IK502, "2"}
	SetControlNumberMismatch = Code{IK502, "3"}
	SetSegmentCountMismatch  = Code{IK502, "4"}
	SetSegmentsInError       = Code{IK502, "5"}
	SetInvalidIdentifier     = Code{IK502, "6"}
	SetInvalidControlNumber  = Code{IK502, "7"}
	SetNotInGroup            = Code{IK502, "18"}
	SetInvalidConventionRef  = Code{IK502, "19"}
	SetControlNumberNotUniq  = Code{IK502, "23"}
	SetConventionUnsupported = Code{IK502, "I6"}
)

// 999 segment syntax error codes (IK304).
var (
	SegUnrecognized        = Code{IK304, "1"}
	SegUnexpected          = Code{IK304, "2"}
	SegRequiredMissing     = Code{IK304, "3"}
	SegLoopOverMax         = Code{IK304, "4"}
	SegOverMaxUse          = Code{IK304, "5"}
	SegNotInSet            = Code{IK304, "6"}
	SegOutOfSequence       = Code{IK304, "7"}
	SegHasElementErrors    = Code{IK304, "8"}
	SegNotUsedPresent      = Code{IK304, "I4"}
	SegDependentMissing    = Code{IK304, "I6"}
	SegLoopUnderMin        = Code{IK304, "I7"}
	SegUnderMinUse         = Code{IK304, "I8"}
	SegDependentNotUsedPre = Code{IK304, "I9"}
)

// 999 data element syntax error codes (IK403).
var (
	ElemRequiredMissing    = Code{IK403, "1"}
	ElemConditionalMissing = Code{IK403, "2"}
	ElemTooMany            = Code{IK403, "3"}
	ElemTooShort           = Code{IK403, "4"}
	ElemTooLong            = Code{IK403, "5"}
	ElemInvalidCharacter   = Code{IK403, "6"}
	ElemInvalidCode        = Code{IK403, "7"}
	ElemInvalidDate        = Code{IK403, "8"}
	ElemInvalidTime        = Code{IK403, "9"}
	ElemExclusionViolated  = Code{IK403, "10"}
	ElemTooManyRepetitions = Code{IK403, "12"}
	ElemTooManyComponents  = Code{IK403, "13"}
	ElemNotUsedPresent     = Code{IK403, "I10"}
	ElemTooFewRepetitions  = Code{IK403, "I11"}
	ElemPatternMismatch    = Code{IK403, "I12"}
	ElemDependentNotUsed   = Code{IK403, "I13"}
	ElemCodeNotUsedInIG    = Code{IK403, "I6"}
	ElemDependentMissing   = Code{IK403, "I9"}
)
