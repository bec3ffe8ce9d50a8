package clearinghouse

import (
	"context"
	"io"
	"time"

	"github.com/edigw/edigw"
)

// Store is what the pipeline asks of the record store: the file and
// control-number ledgers, one transaction per inbound file, what finishes
// a file after a crash, the failure ledger, and the outbound queue.
// storage.DB is one; cmd wires it. It is declared here, where it is used,
// and lists exactly the methods the pipeline calls (decision 0016).
type Store interface {
	// The ledger, inbound and outbound.

	// LockKey takes an exclusive lock on an object key, held until
	// release is called or the holder's connection ends (so a crashed
	// instance never keeps it). ok is false when another instance holds it.
	LockKey(ctx context.Context, key string) (release func(), ok bool, err error)
	// FileByKey returns the latest ledger entry for an object key in one
	// direction, or edigw.ErrNotFound.
	FileByKey(ctx context.Context, d edigw.Direction, key string) (*edigw.File, error)
	// File returns a ledger entry; edigw.ErrNotFound.
	File(ctx context.Context, id int64) (*edigw.File, error)
	// RecordFile adds a ledger entry outside an ingest: a file entered
	// before resting keys were kept, an outbound file being filled. It
	// returns the entry's ID.
	RecordFile(ctx context.Context, f *edigw.File) (int64, error)
	// SetFileStatus moves a file on (committed -> archived, pending -> sent).
	SetFileStatus(ctx context.Context, id int64, status edigw.FileStatus, reason string) error
	// NextControlNumber allocates the next ISA13, GS06 or ST02 ("ISA",
	// "GS", "ST") for an outbound sender and receiver; never the same
	// number twice, also across instances.
	NextControlNumber(ctx context.Context, kind, sender, receiver string) (int64, error)

	// An inbound file (inbound.go, duplicates.go, resting.go, legacy.go).

	// BeginIngest opens the single database transaction of one inbound
	// file: everything added to it commits together or not at all.
	BeginIngest(ctx context.Context, f *edigw.File) (edigw.Ingest, error)
	// InterchangeFile returns the ID of the file whose ingest entered an
	// interchange in the ledger, or edigw.ErrNotFound.
	InterchangeFile(ctx context.Context, payer edigw.PayerID, ic edigw.Interchange) (int64, error)
	// ReserveFileID hands out a ledger ID for a file entered later with
	// RecordOutcome (its keys are named after the ID).
	ReserveFileID(ctx context.Context) (int64, error)
	// RecordOutcome enters an inbound file that was not committed
	// (rejected, duplicate), under its reserved ID, with its resting key
	// and outputs, in one transaction. Its completion time stays unset
	// until SetFileStatus finishes it.
	RecordOutcome(ctx context.Context, f *edigw.File, outputs []edigw.Output) error
	// UnfinishedFiles lists the inbound files whose outcome is recorded
	// but not finished (outputs not all written or the file not at its
	// resting key), oldest first.
	UnfinishedFiles(ctx context.Context) ([]edigw.File, error)
	// FileOutputs lists the outbound files recorded for an inbound file,
	// in key order: pending until written, then sent.
	FileOutputs(ctx context.Context, parentID int64) ([]edigw.File, error)
	// OutputBody opens the recorded bytes of a pending output;
	// edigw.ErrNotFound once it was written (they are dropped then).
	OutputBody(ctx context.Context, fileID int64) (io.ReadCloser, error)
	// SetRestingKey records where a file entered before resting keys
	// were kept will rest.
	SetRestingKey(ctx context.Context, id int64, key string) error
	// FileEvent adds an operator event about a file to the feed.
	FileEvent(ctx context.Context, kind edigw.EventKind, f *edigw.File, status string) error
	// FileOutcome raises an inbound file's file.processed or file.failed
	// event, once however often it is called (for operators, and for the
	// providers whose records the file carried).
	FileOutcome(ctx context.Context, kind edigw.EventKind, f *edigw.File, status string, committed *edigw.IngestResult) error

	// The failure ledger of inbound objects (poison.go): the pipeline
	// skips an object whose wait is not over, and gives up on it (error/)
	// after a number of the same failures.

	// FailedInbound returns the attempts recorded for keys under prefix.
	FailedInbound(ctx context.Context, prefix string) (map[string]edigw.InboundAttempt, error)
	// RecordInboundFailure counts a failure: one more when the version
	// and cause are those recorded, else the first. The object's next
	// attempt is due after first doubled per failure beyond the first,
	// at most ceil.
	RecordInboundFailure(ctx context.Context, key, version, cause string, first, ceil time.Duration) (edigw.InboundAttempt, error)
	// ForgetInbound drops the record of a key (the object was processed).
	ForgetInbound(ctx context.Context, key string) error

	// The outbound batcher, filling 837, 278, 276 and 270 files from the
	// queue (outbound.go, outbound_queue.go).

	// TakeQueuedClaims and TakeQueuedAuthorizations hand out up to limit
	// queued records, locking them until MarkSent or the end of ctx's
	// transaction; payer and kind let the batcher fill one file.
	TakeQueuedClaims(ctx context.Context, payer edigw.PayerID, kind edigw.ClaimKind, limit int) ([]edigw.QueuedClaim, error)
	TakeQueuedAuthorizations(ctx context.Context, payer edigw.PayerID, limit int) ([]edigw.QueuedAuthorization, error)
	// TakeQueuedClaimStatusInquiries (276) and TakeQueuedEligibility (270)
	// lease queued inquiries of a payer the same way.
	TakeQueuedClaimStatusInquiries(ctx context.Context, payer edigw.PayerID, limit int) ([]edigw.QueuedClaimStatusInquiry, error)
	TakeQueuedEligibility(ctx context.Context, payer edigw.PayerID, limit int) ([]edigw.QueuedEligibility, error)
	// MarkSent records the outbound file that carried the records
	// ("claim" or "authorization") and the control numbers they went out
	// under. The batcher calls it with the file still pending, before
	// writing the object: a crash in between leaves a pending file that is
	// regenerated, identical, from FileClaims / FileAuthorizations and its
	// stored control numbers.
	MarkSent(ctx context.Context, subject string, ids []int64, fileID int64, ic edigw.Interchange, group, set string) error

	// The outbound flusher, writing pending files (outbound.go).

	// OutboundFiles lists outbound ledger entries in a status, oldest
	// first: the 837s, 278s, 276s and 270s edigw sends (an inbound file's
	// acknowledgments are finished with it, not by the flush).
	OutboundFiles(ctx context.Context, status edigw.FileStatus) ([]edigw.File, error)
	// FileClaims and FileAuthorizations return what an outbound file
	// carries, in ID order, each with the GS06 and ST02 it went out under.
	FileClaims(ctx context.Context, fileID int64) ([]edigw.SentClaim, error)
	FileAuthorizations(ctx context.Context, fileID int64) ([]edigw.SentAuthorization, error)
	// FileClaimStatusInquiries returns what an outbound 276 carries, in ID
	// order, with the interchange, GS06 and ST02 of its one set;
	// FileEligibility what an outbound 270 carries, each with its numbers.
	FileClaimStatusInquiries(ctx context.Context, fileID int64) ([]*edigw.ClaimStatusInquiry, edigw.Interchange, string, string, error)
	FileEligibility(ctx context.Context, fileID int64) ([]edigw.SentEligibility, error)
}
