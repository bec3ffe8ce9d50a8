package edi

import (
	"strings"
	"time"
)

// InterchangeHeader is the content of an ISA segment, with the padding of
// its fixed-width fields removed.
type InterchangeHeader struct {
	AuthQualifier     string // ISA01
	AuthInfo          string // ISA02
	SecurityQualifier string // ISA03
	SecurityInfo      string // ISA04
	SenderQualifier   string // ISA05
	SenderID          string // ISA06
	ReceiverQualifier string // ISA07
	ReceiverID        string // ISA08
	Date              string // ISA09, YYMMDD
	Time              string // ISA10, HHMM
	Version           string // ISA12, 00501 for HIPAA 5010
	ControlNumber     string // ISA13, nine digits
	AckRequested      bool   // ISA14 = 1: the sender asks for a TA1
	Usage             string // ISA15: P production, T test
	Delimiters        Delimiters
}

// ParseInterchangeHeader reads an ISA segment.
func ParseInterchangeHeader(s *Segment) InterchangeHeader {
	f := func(i int) string { return strings.TrimSpace(s.String(i)) }
	return InterchangeHeader{
		AuthQualifier: f(1), AuthInfo: f(2), SecurityQualifier: f(3), SecurityInfo: f(4),
		SenderQualifier: f(5), SenderID: f(6), ReceiverQualifier: f(7), ReceiverID: f(8),
		Date: f(9), Time: f(10), Version: f(12), ControlNumber: f(13),
		AckRequested: f(14) == "1", Usage: f(15), Delimiters: s.Delimiters(),
	}
}

// Timestamp returns ISA09/ISA10 as a time in UTC (two-digit years are 20YY).
func (h InterchangeHeader) Timestamp() (time.Time, error) {
	return time.Parse("060102 1504", h.Date+" "+h.Time)
}

// GroupHeader is the content of a GS segment.
type GroupHeader struct {
	FunctionalID  string // GS01: HC claims, HI services review, HP payment, FA acknowledgment, HN claim status
	Sender        string // GS02
	Receiver      string // GS03
	Date          string // GS04, CCYYMMDD
	Time          string // GS05, HHMM[SS[d[d]]]
	ControlNumber string // GS06
	Agency        string // GS07, X
	Version       string // GS08, e.g. 005010X222A1
}

// ParseGroupHeader reads a GS segment.
func ParseGroupHeader(s *Segment) GroupHeader {
	return GroupHeader{
		FunctionalID: s.String(1), Sender: s.String(2), Receiver: s.String(3), Date: s.String(4),
		Time: s.String(5), ControlNumber: s.String(6), Agency: s.String(7), Version: s.String(8),
	}
}

// SetHeader is the content of an ST segment.
type SetHeader struct {
	ID            string // ST01: 837, 835, 278, 999, 277
	ControlNumber string // ST02
	Convention    string // ST03: the implementation guide, e.g. 005010X222A1
}

// ParseSetHeader reads an ST segment.
func ParseSetHeader(s *Segment) SetHeader {
	return SetHeader{ID: s.String(1), ControlNumber: s.String(2), Convention: s.String(3)}
}
