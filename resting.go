package edigw

import (
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
