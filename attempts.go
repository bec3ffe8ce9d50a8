package edigw

import (
	"context"
	"time"
)

// InboundAttempt is what the record store remembers of an inbound object
// that failed for what it is (the database refused its bytes, the object
// store its name): the same cause Failures times in a row, at one Version
// of the object.
type InboundAttempt struct {
	Key      string
	Version  string // the object's ETag, or its size and time
	Cause    string // codes, never values
	Failures int
	Due      bool // its wait is over, by the record store's clock (shared by instances)
}

// InboundAttempts is the failure ledger of inbound objects. The pipeline
// skips an object whose wait is not over, and gives up on it (error/)
// after a number of the same failures.
type InboundAttempts interface {
	// FailedInbound returns the attempts recorded for keys under prefix.
	FailedInbound(ctx context.Context, prefix string) (map[string]InboundAttempt, error)
	// RecordInboundFailure counts a failure: one more when the version
	// and cause are those recorded, else the first. The object's next
	// attempt is due after first doubled per failure beyond the first,
	// at most ceil.
	RecordInboundFailure(ctx context.Context, key, version, cause string, first, ceil time.Duration) (InboundAttempt, error)
	// ForgetInbound drops the record of a key (the object was processed).
	ForgetInbound(ctx context.Context, key string) error
}
