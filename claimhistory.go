package edigw

import "time"

// ClaimHistoryEvent says what a claim history entry records.
type ClaimHistoryEvent string

// The entries of a claim's timeline, in the order they happen.
const (
	// HistorySubmitted: the claim came in through the API, to be sent.
	HistorySubmitted ClaimHistoryEvent = "submitted"
	// HistoryReceived: the claim came in an inbound 837 (File), with the
	// status edigw's own 999 and 277CA gave it.
	HistoryReceived ClaimHistoryEvent = "received"
	// HistorySent: the claim went out in an outbound 837 (File).
	HistorySent ClaimHistoryEvent = "sent"
	// HistoryAcknowledged: a TA1 or 999 (File) answered the envelope the
	// claim went out in without moving it.
	HistoryAcknowledged ClaimHistoryEvent = "acknowledged"
	// HistoryStatus: a file (a TA1, 999, 277CA or 835) moved the claim to
	// Status, for Reason.
	HistoryStatus ClaimHistoryEvent = "status"
)

// ClaimHistoryEntry is one step of a claim's timeline (GET
// /v1/claims/{id}/history). Reason holds codes and their descriptions,
// never a value of the claim.
type ClaimHistoryEntry struct {
	Event    ClaimHistoryEvent `json:"event"`
	Status   ClaimStatus       `json:"status,omitempty"`
	Reason   string            `json:"reason,omitempty"`
	FileID   int64             `json:"fileId,string,omitempty"`
	FileKind string            `json:"fileKind,omitempty"` // as the file ledger names it: 837, 999, 277CA, 835 ...
	At       time.Time         `json:"at"`
}
