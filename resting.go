package edigw

import (
	"context"
	"errors"
	"io"
)

// Output is an object edigw will write for an inbound file (an
// acknowledgment), entered in the ledger with the file's outcome and
// before anything is written: its key, kind and digest, and its bytes,
// which the ledger keeps until the object is written. A run that stops
// after the outcome was recorded writes exactly these bytes on the next
// run, whatever became of the inbound object in between.
type Output struct {
	Key    string
	Kind   string // 999, TA1, 277CA
	SHA256 string // hex
	Size   int64
	Body   io.Reader
}

// Operator events: about files, not records, so they name no provider
// (no TIN or NPI) and only unscoped readers see them. Their reference is
// the object key; nothing from inside a transaction set.
const (
	// EventFileDigestMismatch: the object at a file's resting key does not
	// have the digest the ledger recorded (replaced or damaged); it was
	// not served.
	EventFileDigestMismatch EventKind = "file.digest_mismatch"
	// EventFileMissing: an inbound file's bytes were replaced or removed
	// in inbound/ before edigw could archive them (its records and
	// acknowledgments are kept; its bytes are not in archive/).
	EventFileMissing EventKind = "file.missing"
)

// ErrDigestMismatch is returned when bytes read do not have the digest
// the ledger recorded for them.
var ErrDigestMismatch = errors.New("edigw: object does not match the recorded digest")

// RestingStore is the part of the record store that lets a file's
// outcome be finished after a crash: where its bytes rest and what was
// recorded to be written for it.
type RestingStore interface {
	// ReserveFileID hands out a ledger ID for a file entered later with
	// RecordOutcome (its keys are named after the ID).
	ReserveFileID(ctx context.Context) (int64, error)
	// RecordOutcome enters an inbound file that was not committed
	// (rejected, duplicate), under its reserved ID, with its resting key
	// and outputs, in one transaction. Its completion time stays unset
	// until SetFileStatus finishes it.
	RecordOutcome(ctx context.Context, f *File, outputs []Output) error
	// UnfinishedFiles lists the inbound files whose outcome is recorded
	// but not finished (outputs not all written or the file not at its
	// resting key), oldest first.
	UnfinishedFiles(ctx context.Context) ([]File, error)
	// FileOutputs lists the outbound files recorded for an inbound file,
	// in key order: pending until written, then sent.
	FileOutputs(ctx context.Context, parentID int64) ([]File, error)
	// OutputBody opens the recorded bytes of a pending output;
	// ErrNotFound once it was written (they are dropped then).
	OutputBody(ctx context.Context, fileID int64) (io.ReadCloser, error)
	// SetRestingKey records where a file entered before resting keys
	// were kept will rest.
	SetRestingKey(ctx context.Context, id int64, key string) error
	// FileEvent adds an operator event about a file to the feed.
	FileEvent(ctx context.Context, kind EventKind, f *File, status string) error
}
