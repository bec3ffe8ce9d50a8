package edigw

import (
	"errors"
	"time"
)

// The prior-authorization lifecycle (docs/authorizations.md): what the
// payer's process and the regulatory rule compute for every request,
// stored beside the record and served with it.

// Lifecycle events beside the status ones (authorization.pended ...).
// The time-based ones come from the scheduler, once each across
// instances; they name the record like the status events do, and carry
// the date they are about in Due.
const (
	EventAuthHoldDue         EventKind = "authorization.hold_due"         // a hold's due date has come
	EventAuthDecisionOverdue EventKind = "authorization.decision_overdue" // a decision clock ran out undecided
	EventAuthExpiring        EventKind = "authorization.expiring"         // validThrough is near (the profile's expiringDays)
	EventAuthExpired         EventKind = "authorization.expired"          // validThrough has passed
	EventAuthAppealReceived  EventKind = "authorization.appeal_received"  // an appeal (UM02 1 or 2) of a stored decision
	EventAuthAppealDecided   EventKind = "authorization.appeal_decided"   // its decision; the original moves with it
)

// Urgency of a request, from its level of service (UM06).
const (
	UrgencyUrgent   = "urgent"
	UrgencyStandard = "standard"
)

// AuthorizationLifecycle is where a stored request stands in the payer's
// process. Times are instants; dates are CCYY-MM-DD.
type AuthorizationLifecycle struct {
	ReceivedAt time.Time `json:"receivedAt"`
	Urgency    string    `json:"urgency,omitempty"`
	// Retrospective: the request came after the service began.
	Retrospective  bool   `json:"retrospective"`
	LineOfBusiness string `json:"lineOfBusiness,omitempty"`
	Category       string `json:"category,omitempty"`
	CategoryKind   string `json:"categoryKind,omitempty"`
	// InformationCompleteAt is when the clinical information was complete
	// (receipt, or when a hold's information arrived); nil while on hold.
	InformationCompleteAt *time.Time `json:"informationCompleteAt,omitempty"`
	// DecisionDue is the payer profile's clock; RegulatoryDecisionDue the
	// rule's (CMS-0057-F) where the line of business is covered.
	DecisionDue           *time.Time         `json:"decisionDue,omitempty"`
	RegulatoryDecisionDue *time.Time         `json:"regulatoryDecisionDue,omitempty"`
	DecidedAt             *time.Time         `json:"decidedAt,omitempty"`
	ValidFrom             string             `json:"validFrom,omitempty"`
	ValidThrough          string             `json:"validThrough,omitempty"`
	Hold                  *AuthorizationHold `json:"hold,omitempty"`
	DenialReasons         []DenialReason     `json:"denialReasons,omitempty"`
	AppealDeadline        string             `json:"appealDeadline,omitempty"`
	// OriginalID is the earlier request a reconsideration, appeal,
	// extension, renewal or revision refers to (0: none).
	OriginalID int64 `json:"originalId,string,omitempty"`
	// Findings are what the lifecycle found wrong with the request
	// (LifecycleFinding codes).
	Findings []string `json:"findings,omitempty"`
}

// AuthorizationHold is a pended request's hold: what is missing (PWK01
// report types as "PWK:77", AAA03 reasons as "AAA:15", or the payer
// side's own words' codes) and when it is due.
type AuthorizationHold struct {
	Missing []string `json:"missing"`
	DueDate string   `json:"dueDate,omitempty"`
}

// DenialReason is an HCR03 code with the payer profile's description.
type DenialReason struct {
	Code        string `json:"code"`
	Description string `json:"description,omitempty"`
}

// Lifecycle findings (AuthorizationLifecycle.Findings).
const (
	// FindingAppealAfterWindow: an appeal received after the original's
	// appeal deadline.
	FindingAppealAfterWindow = "appeal-after-window"
	// FindingReconsiderationAfterAppeal: a reconsideration asked for
	// after an appeal of the same decision was received.
	FindingReconsiderationAfterAppeal = "reconsideration-after-appeal"
	// FindingOriginalNotFound: the request refers to an earlier
	// certification (REF*BB) that the requester has none of.
	FindingOriginalNotFound = "original-not-found"
)

// HoldUpdate is the payer side's hold on a request (PUT
// /v1/authorizations/{id}/hold): what is missing and when it is due.
type HoldUpdate struct {
	Missing []string `json:"missing"`
	DueDate string   `json:"dueDate"` // CCYY-MM-DD
}

// ErrDecided: a hold is set or lifted only on an undecided request.
var ErrDecided = errors.New("edigw: the authorization is already decided")

// ErrSentRequest: a request edigw sent to a payer is held by the payer's
// 278 response, not through the API.
var ErrSentRequest = errors.New("edigw: the authorization request was sent to the payer, whose response holds it")

// ErrNotOnHold: lifting the hold of a request that has none.
var ErrNotOnHold = errors.New("edigw: the authorization is not on hold")
