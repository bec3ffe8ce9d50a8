package edi

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
)

// EnvelopeChecker applies the SNIP level 1 envelope rules to a stream of
// segments: ISA field widths and values, ISA/IEA, GS/GE and ST/SE pairing,
// trailer counts, matching and unique control numbers, and GS08/ST03
// versions. Feed it every segment a Reader returns, then call End.
//
// It keeps only the state of the envelopes that are open, so its memory does
// not grow with the file (save one control number per set of the current
// group, to detect duplicates).
type EnvelopeChecker struct {
	// File is the file name put into errors.
	File string
	// Report receives each error as it is found. When nil, errors are
	// appended to Errors.
	Report func(*Error)
	Errors []*Error

	sum   Summary
	types map[SetType]int

	inISA    bool
	isa      Position
	isa13    string
	groups   int
	gs06Seen map[string]bool

	inGS     bool
	gs       Position
	gs06     string
	gs08     string
	sets     int
	st02Seen controlNumbers

	inST bool
	st   Position
	st01 string
	st02 string
	st03 string
	segs int
}

// SetType is a transaction set ID and the implementation guide it follows
// (ST03, or GS08 when ST03 is absent).
type SetType struct {
	ID      string `json:"id"`
	Version string `json:"version"`
}

// SetCount counts the transaction sets of one type.
type SetCount struct {
	SetType
	Count int `json:"count"`
}

// Summary describes what a file holds.
type Summary struct {
	Interchanges int        `json:"interchanges"`
	Groups       int        `json:"groups"`
	Sets         int        `json:"transactionSets"`
	Segments     int        `json:"segments"`
	SetTypes     []SetCount `json:"setTypes"`
}

// Summary returns the counts seen so far.
func (c *EnvelopeChecker) Summary() Summary {
	s := c.sum
	s.SetTypes = nil
	for t, n := range c.types {
		s.SetTypes = append(s.SetTypes, SetCount{t, n})
	}
	sort.Slice(s.SetTypes, func(i, j int) bool {
		a, b := s.SetTypes[i], s.SetTypes[j]
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.Version < b.Version
	})
	return s
}

func (c *EnvelopeChecker) report(e *Error) {
	e.File = c.File
	if c.Report != nil {
		c.Report(e)
		return
	}
	c.Errors = append(c.Errors, e)
}

func (c *EnvelopeChecker) errf(s *Segment, elem int, code Code, format string, args ...any) {
	c.report(&Error{Pos: s.Pos, SegmentID: s.ID(), Element: elem, Code: code, Msg: fmt.Sprintf(format, args...)})
}

func (c *EnvelopeChecker) errAt(p Position, id string, code Code, format string, args ...any) {
	c.report(&Error{Pos: p, SegmentID: id, Code: code, Msg: fmt.Sprintf(format, args...)})
}

// Segment checks one segment.
func (c *EnvelopeChecker) Segment(s *Segment) {
	c.sum.Segments++
	if c.inST {
		c.segs++
	}
	switch id := s.ID(); id {
	case "ISA":
		c.closeInterchange(s.Pos, "ISA")
		c.openInterchange(s)
	case "IEA":
		c.endInterchange(s)
	case "GS":
		c.closeGroup(s.Pos, "GS")
		c.openGroup(s)
	case "GE":
		c.endGroup(s)
	case "ST":
		c.closeSet(s.Pos, "ST")
		c.openSet(s)
	case "SE":
		c.endSet(s)
	case "TA1":
		if !c.inISA || c.inGS {
			c.errf(s, 0, TA1InvalidContent, "TA1 belongs directly inside an interchange, outside any functional group")
		}
	default:
		if !ValidSegmentID(id) {
			c.errf(s, 0, SegUnrecognized, "the segment identifier (%d characters) is not 2 or 3 upper-case letters and digits", len(id))
		}
		switch {
		case !c.inISA:
			c.errf(s, 0, TA1InvalidContent, "segment %s is outside any interchange (no ISA before it)", segmentName(id))
		case !c.inST:
			c.errf(s, 0, TA1InvalidContent, "segment %s is outside any transaction set (no ST before it)", segmentName(id))
		}
	}
}

// End reports the envelopes still open at the end of the input.
func (c *EnvelopeChecker) End(eof Position) {
	c.closeInterchange(eof, "")
}

// ValidSegmentID reports whether id is a syntactically valid segment
// identifier: an upper-case letter and one or two upper-case letters or digits.
func ValidSegmentID(id string) bool {
	if len(id) < 2 || len(id) > 3 || id[0] < 'A' || id[0] > 'Z' {
		return false
	}
	for i := 1; i < len(id); i++ {
		if !(id[i] >= 'A' && id[i] <= 'Z' || id[i] >= '0' && id[i] <= '9') {
			return false
		}
	}
	return true
}

// segmentName names a segment by its identifier when that is one, else by
// what it is: an identifier that is not one may be a value from inside a
// transaction set (a delimiter out of place), which no message repeats.
func segmentName(id string) string {
	if ValidSegmentID(id) {
		return id
	}
	return "with an invalid identifier"
}

// isaField describes one fixed-width ISA element and the TA1 code for a bad value.
type isaField struct {
	width int
	code  Code
	valid func(v []byte) bool
	what  string
}

func oneOf(values ...string) func([]byte) bool {
	return func(v []byte) bool {
		for _, x := range values {
			if string(bytes.TrimRight(v, " ")) == x {
				return true
			}
		}
		return false
	}
}

func nonBlank(v []byte) bool { return len(bytes.TrimSpace(v)) > 0 }

var idQualifiers = oneOf("01", "14", "20", "27", "28", "29", "30", "33", "ZZ")

var isaFields = [17]isaField{
	1:  {2, TA1InvalidAuthQualifier, oneOf("00", "03"), "authorization information qualifier (00 or 03)"},
	2:  {10, TA1InvalidAuthInfo, nil, "authorization information"},
	3:  {2, TA1InvalidSecurityQualifier, oneOf("00", "01"), "security information qualifier (00 or 01)"},
	4:  {10, TA1InvalidSecurityInfo, nil, "security information"},
	5:  {2, TA1InvalidSenderQualifier, idQualifiers, "interchange sender ID qualifier"},
	6:  {15, TA1InvalidSenderID, nonBlank, "interchange sender ID"},
	7:  {2, TA1InvalidReceiverQualifier, idQualifiers, "interchange receiver ID qualifier"},
	8:  {15, TA1InvalidReceiverID, nonBlank, "interchange receiver ID"},
	9:  {6, TA1InvalidDate, ValidDate, "interchange date (YYMMDD)"},
	10: {4, TA1InvalidTime, ValidTime, "interchange time (HHMM)"},
	11: {1, TA1InvalidStandardsID, nil, "repetition separator"},
	12: {5, TA1InvalidVersionID, oneOf("00501"), "interchange control version (00501)"},
	13: {9, TA1InvalidControlNumber, allDigits, "interchange control number (9 digits)"},
	14: {1, TA1InvalidAckRequested, oneOf("0", "1"), "acknowledgment requested (0 or 1)"},
	15: {1, TA1InvalidTestIndicator, oneOf("P", "T"), "usage indicator (P or T)"},
	16: {1, TA1InvalidComponentSep, nil, "component element separator"},
}

func (c *EnvelopeChecker) openInterchange(s *Segment) {
	c.sum.Interchanges++
	c.inISA, c.isa, c.groups = true, s.Pos, 0
	c.isa13 = string(bytes.TrimSpace(s.Element(13)))
	clear(c.gs06Seen)
	if s.Len() != 16 {
		c.errf(s, 0, TA1InvalidControlStructure, "ISA has %d elements, want 16", s.Len())
	}
	for i := 1; i <= 16 && i <= s.Len(); i++ {
		f, v := isaFields[i], s.Element(i)
		switch {
		case len(v) != f.width:
			c.errf(s, i, f.code, "%s is %d characters, want exactly %d", f.what, len(v), f.width)
		case !x12Characters(v):
			c.errf(s, i, f.code, "%s holds a byte outside the X12 character set", f.what)
		case f.valid != nil && !f.valid(v):
			c.errf(s, i, f.code, "invalid %s %q", f.what, v)
		}
	}
	// The separators are data of the ISA too: a byte past ASCII is no
	// X12 character (and no text a database or a partner can read back).
	d := s.Delimiters()
	if d.Element >= 0x80 {
		c.errf(s, 0, TA1InvalidElementSeparator, "element separator is byte 0x%02x, outside the X12 character set", d.Element)
	}
	if d.Segment >= 0x80 {
		c.errf(s, 16, TA1InvalidSegmentTerminator, "segment terminator is byte 0x%02x, outside the X12 character set", d.Segment)
	}
}

// x12Characters reports whether v holds only characters of the X12 basic
// and extended character sets (printable ASCII). Envelope identifiers go
// into ledgers, reasons and the envelopes of acknowledgments: an invalid
// byte there is an envelope error (TA105), never something to store.
func x12Characters(v []byte) bool {
	for _, b := range v {
		if b < 0x20 || b > 0x7e {
			return false
		}
	}
	return true
}

func (c *EnvelopeChecker) endInterchange(s *Segment) {
	if !c.inISA {
		c.errf(s, 0, TA1InvalidControlStructure, "IEA without a matching ISA")
		return
	}
	c.closeGroup(s.Pos, "IEA")
	if n, ok := count(s.Element(1)); !ok || n != c.groups {
		c.errf(s, 1, TA1InvalidGroupCount, "IEA01 says %q functional groups, the interchange has %d", s.Element(1), c.groups)
	}
	if v := string(s.Element(2)); v != c.isa13 {
		c.errf(s, 2, TA1ControlNumberMismatch, "IEA02 %q does not match ISA13 %q", v, c.isa13)
	}
	c.inISA = false
}

// closeInterchange reports an interchange left open when another begins or
// the input ends.
func (c *EnvelopeChecker) closeInterchange(at Position, by string) {
	c.closeGroup(at, by)
	if !c.inISA {
		return
	}
	where := "the end of the input"
	if by != "" {
		where = fmt.Sprintf("%s at segment %d", by, at.Index)
	}
	c.errAt(c.isa, "ISA", TA1PrematureEndOfFile, "interchange ISA13=%s has no IEA trailer before %s", c.isa13, where)
	c.inISA = false
}

func (c *EnvelopeChecker) openGroup(s *Segment) {
	c.sum.Groups++
	if !c.inISA {
		c.errf(s, 0, TA1InvalidContent, "GS outside any interchange (no ISA before it)")
	} else {
		c.groups++
	}
	c.inGS, c.gs, c.sets = true, s.Pos, 0
	c.gs06, c.gs08 = string(s.Element(6)), string(s.Element(8))
	c.st02Seen.reset()
	if s.Len() < 8 {
		c.errf(s, 0, TA1InvalidContent, "GS has %d elements, want 8", s.Len())
	}
	if v := s.Element(1); len(v) != 2 || !isAlnum(v[0]) || !isAlnum(v[1]) {
		c.errf(s, 1, GroupNotSupported, "invalid functional identifier code %q", v)
	}
	for i, what := range [...]string{2: "application sender's code", 3: "application receiver's code"} {
		switch v := s.Element(i); {
		case i < 2:
		case len(v) < 2 || len(v) > 15:
			c.errf(s, i, TA1InvalidContent, "%s %q must be 2 to 15 characters", what, v)
		case !x12Characters(v):
			c.errf(s, i, TA1InvalidContent, "%s holds a byte outside the X12 character set", what)
		}
	}
	if v := s.Element(4); len(v) != 8 || !ValidDate(v) {
		c.errf(s, 4, TA1InvalidContent, "invalid group date %q (CCYYMMDD)", v)
	}
	if v := s.Element(5); !ValidTime(v) {
		c.errf(s, 5, TA1InvalidContent, "invalid group time %q (HHMM[SS[dd]])", v)
	}
	if v := s.Element(6); len(v) > 9 || !allDigits(v) {
		c.errf(s, 6, GroupControlNumberSyntax, "group control number %q must be 1 to 9 digits", v)
	} else if c.inISA {
		if c.gs06Seen == nil {
			c.gs06Seen = map[string]bool{}
		}
		if c.gs06Seen[c.gs06] {
			c.errf(s, 6, GroupControlNumberNotUniq, "group control number %s is used twice in interchange ISA13=%s", c.gs06, c.isa13)
		}
		c.gs06Seen[c.gs06] = true
	}
	if v := s.Element(7); string(v) != "X" {
		c.errf(s, 7, GroupNotSupported, "responsible agency code %q, want X", v)
	}
	if len(c.gs08) < 6 || c.gs08[:6] != "005010" {
		c.errf(s, 8, GroupVersionNotSupported, "version %q is not a 005010 version", c.gs08)
	}
}

func (c *EnvelopeChecker) endGroup(s *Segment) {
	if !c.inGS {
		c.errf(s, 0, TA1InvalidContent, "GE without a matching GS")
		return
	}
	c.closeSet(s.Pos, "GE")
	if n, ok := count(s.Element(1)); !ok || n != c.sets {
		c.errf(s, 1, GroupCountMismatch, "GE01 says %q transaction sets, the group has %d", s.Element(1), c.sets)
	}
	if v := string(s.Element(2)); v != c.gs06 {
		c.errf(s, 2, GroupControlNumberMismatch, "GE02 %q does not match GS06 %q", v, c.gs06)
	}
	c.inGS = false
}

func (c *EnvelopeChecker) closeGroup(at Position, by string) {
	c.closeSet(at, by)
	if !c.inGS {
		return
	}
	c.errAt(c.gs, "GS", GroupTrailerMissing, "functional group GS06=%s has no GE trailer before %s", c.gs06, describe(at, by))
	c.inGS = false
}

func describe(at Position, by string) string {
	if by == "" {
		return "the end of the input"
	}
	return fmt.Sprintf("%s at segment %d", by, at.Index)
}

func (c *EnvelopeChecker) openSet(s *Segment) {
	c.sum.Sets++
	if !c.inGS {
		c.errf(s, 0, SetNotInGroup, "ST outside any functional group (no GS before it)")
	} else {
		c.sets++
	}
	c.inST, c.st, c.segs = true, s.Pos, 1
	c.st01, c.st02, c.st03 = string(s.Element(1)), string(s.Element(2)), string(s.Element(3))
	version := c.st03
	if version == "" {
		version = c.gs08
	}
	if c.types == nil {
		c.types = map[SetType]int{}
	}
	c.types[SetType{c.st01, version}]++
	if len(c.st01) != 3 || !allDigits([]byte(c.st01)) {
		c.errf(s, 1, SetInvalidIdentifier, "invalid transaction set identifier %q", c.st01)
	}
	if len(c.st02) < 4 || len(c.st02) > 9 {
		c.errf(s, 2, SetInvalidControlNumber, "transaction set control number %q must be 4 to 9 characters", c.st02)
	} else if c.inGS {
		if c.st02Seen.add(c.st02) {
			c.errf(s, 2, SetControlNumberNotUniq, "transaction set control number %s is used twice in group GS06=%s", c.st02, c.gs06)
		}
	}
	if c.st03 != "" && c.inGS && c.st03 != c.gs08 {
		c.errf(s, 3, SetInvalidConventionRef, "ST03 %q differs from GS08 %q", c.st03, c.gs08)
	}
}

func (c *EnvelopeChecker) endSet(s *Segment) {
	if !c.inST {
		c.errf(s, 0, TA1InvalidContent, "SE without a matching ST")
		return
	}
	if n, ok := count(s.Element(1)); !ok || n != c.segs {
		c.errf(s, 1, SetSegmentCountMismatch, "SE01 says %q segments, the transaction set has %d (ST through SE)", s.Element(1), c.segs)
	}
	if v := string(s.Element(2)); v != c.st02 {
		c.errf(s, 2, SetControlNumberMismatch, "SE02 %q does not match ST02 %q", v, c.st02)
	}
	c.inST = false
}

func (c *EnvelopeChecker) closeSet(at Position, by string) {
	if !c.inST {
		return
	}
	c.errAt(c.st, "ST", SetTrailerMissing, "transaction set %s ST02=%s has no SE trailer before %s", c.st01, c.st02, describe(at, by))
	c.inST = false
}

func count(v []byte) (int, bool) {
	if !allDigits(v) || len(v) > 10 {
		return 0, false
	}
	n, err := strconv.Atoi(string(v))
	return n, err == nil
}
