package edigw

import (
	"errors"
	"time"
)

// Webhooks push the event feed to a billing system (docs/api.md,
// "Webhooks"; package webhook delivers them, storage keeps them).

// Event kinds of the webhooks and the file outcomes.
const (
	// EventFileProcessed: an inbound file was committed (its records
	// stored); status "accepted", or "partially_accepted" with the codes of
	// what edigw's 999 or 277CA rejected in it. One event for operators
	// (no TIN or NPI) and one per provider whose records the file carried.
	EventFileProcessed EventKind = "file.processed"
	// EventFileFailed: an inbound file was rejected whole (a TA1 or 999
	// rejecting everything) or was a duplicate; status "rejected" or
	// "duplicate" with the TA1/999 codes. Nothing of it was kept, so it
	// names no provider: for operators only (decisions/0027).
	EventFileFailed EventKind = "file.failed"
	// EventWebhookDisabled: a subscription failed for 24 hours and was
	// disabled; for operators (subject "webhook", its ID).
	EventWebhookDisabled EventKind = "webhook.disabled"
	// EventDigest is the kind of a digest delivery (never in the feed).
	EventDigest EventKind = "digest"
)

// FeedSubjects are the event subjects a token's feed carries: those its
// entitlements reach, and, when kinds ask for them by name (WantsFileOutcomes),
// the outcomes of files holding its records: a feed read without naming
// them carries what it always did (decisions/0027). An operator's token
// (Token.Operator) reads no provider's events; its webhooks deliver the
// events that name no provider (OperatorFeed).
func FeedSubjects(t *Token, kinds []string) []string {
	var out []string
	for _, e := range t.Entitlements {
		switch e {
		case EntitleClaims:
			out = append(out, "claim")
		case EntitlePrecertification:
			out = append(out, "authorization")
		case EntitleRemittances:
			out = append(out, "remittance")
		case EntitleEligibility:
			out = append(out, "eligibility")
		}
	}
	if len(out) > 0 && WantsFileOutcomes(kinds) {
		out = append(out, "file")
	}
	return out
}

// WantsFileOutcomes reports whether kinds name the file outcomes: file.*,
// file.processed or file.failed ("*" and no kinds do not).
func WantsFileOutcomes(kinds []string) bool {
	for _, k := range kinds {
		switch k {
		case "file.*", string(EventFileProcessed), string(EventFileFailed):
			return true
		}
	}
	return false
}

// OperatorFeed reports whether a token's webhooks deliver the operators'
// events: those that name no provider (unmatched answers, file outcomes
// and problems, disabled webhooks). GET /v1/events does not serve them
// to tokens (an operator's feed there is empty).
func OperatorFeed(t *Token) bool { return t.Operator() }

// Subscription is a webhook: where a token's events are pushed.
type Subscription struct {
	ID      int64  `json:"id,string"`
	TokenID int64  `json:"-"`
	URL     string `json:"url"`
	// Kinds are the event kinds delivered: exact (claim.accepted) or a
	// prefix with a wildcard (claim.*); "*" or none: every kind.
	Kinds  []string        `json:"kinds"`
	Digest *DigestSchedule `json:"digest,omitempty"`
	// Cursor is the last event ID delivered (or passed over): delivery
	// goes on after it.
	Cursor     int64      `json:"cursor,string"`
	CreatedAt  time.Time  `json:"createdAt"`
	DisabledAt *time.Time `json:"disabledAt,omitempty"`
	// FailingSince is when the event at the head started failing.
	FailingSince *time.Time `json:"failingSince,omitempty"`
	// State is active, disabled (24 hours of failures) or stopped (its
	// token was revoked or expired).
	State string `json:"state"`
}

// DigestSchedule says when a subscription gets its digest: every day at
// At (HH:MM), or every week on Weekday at At, in the IANA time zone Zone.
type DigestSchedule struct {
	Every   string `json:"every"`             // daily or weekly
	At      string `json:"at"`                // HH:MM
	Weekday string `json:"weekday,omitempty"` // weekly: monday ... sunday
	Zone    string `json:"timeZone"`          // IANA, e.g. America/New_York
}

// Delivery is one attempt to deliver a message of a subscription.
type Delivery struct {
	ID        int64     `json:"id,string"`
	MessageID string    `json:"messageId"` // the webhook-id header
	EventID   int64     `json:"eventId,string,omitempty"`
	Kind      EventKind `json:"kind"`
	Attempt   int       `json:"attempt"`
	At        time.Time `json:"at"`
	// Outcome is delivered, retry (will be tried again), failed (a 4xx:
	// given up) or abandoned (the subscription was disabled).
	Outcome    string  `json:"outcome"`
	StatusCode int     `json:"statusCode,omitempty"`
	Error      string  `json:"error,omitempty"`
	Seconds    float64 `json:"seconds"`
}

// WebhookLease is a subscription leased to one delivery worker, with what
// the worker needs: its token (entitlements and scope, read at lease time,
// so a changed token counts from the next lease), its stored signing key
// and the state of its head message.
type WebhookLease struct {
	Subscription Subscription
	Token        Token
	Secret       []byte
	Sealed       bool
	Attempts     int
	DigestDue    *time.Time
}

// WebhookProgress is what a worker saves of a leased subscription: the
// new cursor (OldCursor is the one leased: a cursor moved meanwhile by a
// redelivery request wins), the digest's next due time, the redeliveries
// done, the head message's retry state, the attempts to log, and whether
// to release the lease (else it is renewed).
type WebhookProgress struct {
	SubscriptionID int64
	Owner          string
	Now            time.Time
	LeaseFor       time.Duration
	OldCursor      int64
	Cursor         int64
	DigestDue      *time.Time
	Redelivered    []int64
	Attempts       int
	FailingSince   *time.Time
	NextAttempt    *time.Time
	// Disable ends the subscription (24 hours of failures), with an
	// operator event.
	Disable    bool
	Deliveries []Delivery
	Release    bool
}

// DigestCount is one status of a digest: the subjects (claim or
// authorization) whose latest event in the period has that status.
type DigestCount struct {
	Subject string
	Status  string
	Count   int
	IDs     []int64 // the first of them, in ID order
}

// WebhookBacklog is what the metrics read of the subscriptions.
type WebhookBacklog struct {
	Active, Disabled, Stopped int
	// Depth: events after the cursors of the active subscriptions (every
	// event, before scope and kinds: an upper bound).
	Depth int64
}

// ErrLeaseLost: a webhook worker's lease was taken over by another (it
// had expired); the worker stops and the other delivers from the cursor.
var ErrLeaseLost = errors.New("edigw: the webhook subscription's lease was taken over")
