// Package ack builds the acknowledgments edigw answers inbound files with,
// from the results of validation (edi/ig): a TA1 per interchange that has
// envelope errors or asks for one (ISA14=1), a 999 (005010X231A1) per
// functional group, and a 277CA (005010X214) per 837 transaction set with
// each claim accepted or rejected.
//
// Acknowledgments go back to the sender: their envelopes swap the inbound
// sender and receiver. Control numbers come from a ControlNumbers allocator
// (storage backs it with its ledger; Sequence is an in-memory one).
package ack

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

// Kind is the kind of control number to allocate.
type Kind int

const (
	InterchangeNumber Kind = iota // ISA13
	GroupNumber                   // GS06
	SetNumber                     // ST02
)

// ControlNumbers allocates control numbers for outbound envelopes, per
// sender and receiver pair. Implementations must never hand out a number
// twice for the same kind and pair. ctx is the file's: storage's
// allocator asks the ledger under it.
type ControlNumbers interface {
	Next(ctx context.Context, kind Kind, sender, receiver string) (int64, error)
}

// Sequence is an in-memory ControlNumbers that counts up from Start (1 when
// zero) for every kind, ignoring the pair. It is safe for concurrent use.
type Sequence struct {
	Start int64
	mu    sync.Mutex
	next  [3]int64
}

// Next returns the next number of the kind.
func (s *Sequence) Next(_ context.Context, kind Kind, _, _ string) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.next[kind] == 0 {
		s.next[kind] = max(s.Start, 1)
	}
	n := s.next[kind]
	s.next[kind]++
	return n, nil
}

// Options say how acknowledgments are written.
type Options struct {
	Numbers    ControlNumbers // required
	Now        func() time.Time
	Delimiters edi.Delimiters // default * ^ : ~
	Newline    bool           // a line feed after each segment
	// Usage is ISA15 of the acknowledgments: the trading partner's P or
	// T. Empty: the inbound interchange's (P when it is neither).
	Usage string
	// ClaimAt, when set, names the claim (its CLM01) at a set position, so
	// a 999 can give the business unit of an error (CTX*CLM01:...).
	ClaimAt func(s *ig.SetResult, setIndex int) string

	// ctx is what Numbers.Next is called with: the Acknowledger's
	// (NewAcknowledger), context.Background for the Write functions.
	ctx context.Context
}

func (o *Options) context() context.Context {
	if o.ctx != nil {
		return o.ctx
	}
	return context.Background()
}

func (o *Options) now() time.Time {
	if o.Now != nil {
		return o.Now().UTC()
	}
	return time.Now().UTC()
}

func (o *Options) delims() edi.Delimiters {
	if o.Delimiters == (edi.Delimiters{}) {
		return edi.DefaultDelimiters
	}
	return o.Delimiters
}

// reply opens the envelope of an acknowledgment to the sender of in: the
// interchange sender and receiver are swapped, the usage indicator kept.
func reply(ew *edi.EnvelopeWriter, in edi.InterchangeHeader, o *Options) (string, error) {
	if o.Numbers == nil {
		return "", fmt.Errorf("ack: Options.Numbers is required")
	}
	n, err := o.Numbers.Next(o.context(), InterchangeNumber, in.ReceiverID, in.SenderID)
	if err != nil {
		return "", err
	}
	now := o.now()
	usage := in.Usage
	if o.Usage != "" {
		usage = o.Usage
	}
	if usage != "P" && usage != "T" {
		usage = "P"
	}
	ctl := fmt.Sprintf("%09d", n%1_000_000_000)
	err = ew.BeginInterchange(edi.InterchangeHeader{
		SenderQualifier: orDefault(in.ReceiverQualifier, "ZZ"), SenderID: in.ReceiverID,
		ReceiverQualifier: orDefault(in.SenderQualifier, "ZZ"), ReceiverID: in.SenderID,
		Date: now.Format("060102"), Time: now.Format("1504"), ControlNumber: ctl, Usage: usage,
	})
	return ctl, err
}

// group opens a functional group of an acknowledgment, swapping the
// application sender and receiver of the inbound group.
func group(ew *edi.EnvelopeWriter, fid, version string, in edi.GroupHeader, o *Options) error {
	n, err := o.Numbers.Next(o.context(), GroupNumber, in.Receiver, in.Sender)
	if err != nil {
		return err
	}
	now := o.now()
	return ew.BeginGroup(edi.GroupHeader{FunctionalID: fid, Sender: orDefault(in.Receiver, "UNKNOWN"), Receiver: orDefault(in.Sender, "UNKNOWN"),
		Date: now.Format("20060102"), Time: now.Format("1504"), ControlNumber: fmt.Sprint(n % 1_000_000_000), Version: version})
}

// set opens a transaction set with the next set control number.
func set(ew *edi.EnvelopeWriter, id, version string, in edi.GroupHeader, o *Options) error {
	n, err := o.Numbers.Next(o.context(), SetNumber, in.Receiver, in.Sender)
	if err != nil {
		return err
	}
	return ew.BeginSet(edi.SetHeader{ID: id, ControlNumber: fmt.Sprintf("%04d", n%1_000_000_000), Convention: version})
}

func orDefault(v, d string) string {
	if v == "" {
		return d
	}
	return v
}

// padID keeps an ID within its field; inbound IDs longer than the field
// (possible only in malformed envelopes) are cut.
func padID(v string, n int) string {
	if len(v) > n {
		return v[:n]
	}
	return v
}
