package edigw

import "time"

// FileFilter narrows the operators' file list (the console's Files page):
// every field set must hold. The list is newest first.
type FileFilter struct {
	Direction Direction  // "": both
	Status    FileStatus // "": any
	// Before is the cursor: files with ID < Before (0: from the newest).
	Before int64
	Limit  int
}

// FileRecord is a record a file carried (a claim, a remittance, an
// authorization request), as the console links it: its subject, store
// ID, business reference and status.
type FileRecord struct {
	Subject   string // claim, remittance, authorization
	ID        int64
	Reference string // CLM01, the check or EFT trace, the trace number
	Status    string
}

// Operations are the figures of the operators' dashboard over a window
// that ends now: counts only, never a value from inside a file.
type Operations struct {
	Since, Until time.Time
	// Inbound are the inbound files per hour (or day) and outcome.
	Inbound []OutcomeCount
	// Files and Claims are the inbound files and the claims they carried
	// in the window: divided by its length, the throughput.
	Files, Claims int64
	// FileRejections are the rejected inbound files by ledger reason;
	// ClaimRejections the claims rejected on receipt by status reason.
	FileRejections  []ReasonCount
	ClaimRejections []ReasonCount
	// Queued are the records waiting to be sent, by kind (professional,
	// institutional, dental, authorization).
	Queued []ReasonCount
	// Authorizations are the requests received in the window by status;
	// DecisionsOverdue those still pending past their decision clock
	// (all, not only the window's).
	Authorizations   []ReasonCount
	DecisionsOverdue int64
}

// OutcomeCount is how many inbound files of one outcome (their ledger
// status) came in one period.
type OutcomeCount struct {
	Period  time.Time
	Outcome FileStatus
	Files   int64
}

// ReasonCount is a count under a label (a reason, a status, a kind).
type ReasonCount struct {
	Label string
	Count int64
}
