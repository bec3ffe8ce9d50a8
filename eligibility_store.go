package edigw

import "time"

// EventEligibilityReceived: the 271 answering a queued inquiry arrived and
// was matched to it (inside the partner and the requesting provider).
const EventEligibilityReceived EventKind = "eligibility.received"

// EventEligibilityUnmatched: a 271 member matched no inquiry, or several;
// an operators' event about the file (no provider, no value from the set).
const EventEligibilityUnmatched EventKind = "eligibility.unmatched"

// Eligibility statuses (StoredEligibility.Status).
const (
	EligibilityQueued   = "queued"   // waiting for the next outbound file
	EligibilitySent     = "sent"     // in a 270 sent to the partner
	EligibilityReceived = "received" // answered: Response is set
)

// StoredEligibility is an eligibility inquiry as stored, with the answer
// once a 271 matched it.
type StoredEligibility struct {
	ID         int64                `json:"id,string"`
	Status     string               `json:"status"`
	Inquiry    *EligibilityInquiry  `json:"inquiry"`
	Response   *EligibilityResponse `json:"response,omitempty"`
	CreatedAt  time.Time            `json:"createdAt"`
	ReceivedAt *time.Time           `json:"receivedAt,omitempty"`
}

// QueuedEligibility is a queued inquiry the outbound batcher leased.
type QueuedEligibility struct {
	ID      int64
	Inquiry *EligibilityInquiry
}

// SentEligibility is an inquiry in an outbound file with its envelope
// numbers, to write the file again byte for byte.
type SentEligibility struct {
	Inquiry     *EligibilityInquiry
	Interchange Interchange
	Group, Set  string
}
