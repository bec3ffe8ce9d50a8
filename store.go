package edigw

import (
	"context"
	"errors"
	"time"
)

// Direction says whether a file came to edigw or was written by it.
type Direction string

const (
	Inbound  Direction = "inbound"
	Outbound Direction = "outbound"
)

// FileStatus is where a file stands in the pipeline.
type FileStatus string

const (
	FileCommitted FileStatus = "committed" // its records are stored; acks and archive may be pending
	FileArchived  FileStatus = "archived"  // done: acks written, moved to archive/
	FileRejected  FileStatus = "rejected"  // invalid: acks written, no records, moved to error/
	FileDuplicate FileStatus = "duplicate" // same content or interchange as an earlier file: no records
	FilePending   FileStatus = "pending"   // outbound: records assigned, object not written yet
	FileSent      FileStatus = "sent"      // outbound: object written to the outbound prefix
)

// File is one file in the ledger: an inbound file processed or an
// outbound file written (837, 278, or an acknowledgment).
type File struct {
	ID        int64
	PayerID   PayerID
	Key       string // object key
	SHA256    string // hex
	Size      int64
	Direction Direction
	Kind      string // 837, 835, 278, 999, 277CA, TA1, or mixed
	Status    FileStatus
	Reason    string // why rejected or duplicate
	// ParentID is the inbound file an acknowledgment answers (0 otherwise).
	ParentID int64
	// RestingKey is where an inbound file's bytes rest once its outcome
	// is finished (a key under archive/ or error/ unique to the file),
	// recorded with the outcome; "" for files entered before it was kept.
	RestingKey  string
	CreatedAt   time.Time
	CompletedAt time.Time
}

// Interchange identifies an ISA: the ledger refuses the same sender,
// receiver and control number twice in one direction.
type Interchange struct {
	SenderQualifier, SenderID     string
	ReceiverQualifier, ReceiverID string
	ControlNumber                 string // ISA13
}

// EventKind is a status change billing systems poll for.
type EventKind string

const (
	EventClaimSubmitted     EventKind = "claim.submitted"
	EventClaimAccepted      EventKind = "claim.accepted"
	EventClaimRejected      EventKind = "claim.rejected"
	EventClaimPaid          EventKind = "claim.paid"
	EventClaimPartiallyPaid EventKind = "claim.partially_paid"
	EventClaimDenied        EventKind = "claim.denied"
	EventClaimProcessed     EventKind = "claim.processed" // processed, nothing paid (deductible ...)
	EventClaimForwarded     EventKind = "claim.forwarded"
	EventClaimReplaced      EventKind = "claim.replaced"
	EventClaimVoided        EventKind = "claim.voided"
	// EventClaimDuplicateWarning: the claim repeats one stored before it
	// (same billing provider, patient, CLM01, dates and charge).
	EventClaimDuplicateWarning EventKind = "claim.duplicate_warning"
	EventClaimReversed         EventKind = "claim.reversed"
	EventAuthPending           EventKind = "authorization.pended"
	EventAuthApproved          EventKind = "authorization.approved"
	EventAuthPartial           EventKind = "authorization.partially_approved"
	EventAuthDenied            EventKind = "authorization.denied"
	EventAuthCancelled         EventKind = "authorization.cancelled"
	EventRemittance            EventKind = "remittance.received"
	// Answers edigw could not attach to exactly one record it knows (no
	// match, or more than one): for operators only. They name no
	// provider, so no scoped token sees them; their subject is the file
	// ("file", its ledger ID) and their reference an envelope identifier
	// or a position, never a value from inside a set.
	EventAckUnmatched     EventKind = "acknowledgment.unmatched"
	EventPaymentUnmatched EventKind = "payment.unmatched"
	EventAuthUnmatched    EventKind = "authorization.unmatched"
	// EventAckOverdue: a file edigw sent has had no 999 (or, for an 837,
	// no 277CA) within its partner's window; once per file and kind, for
	// operators (subject "file", status the acknowledgment kind).
	EventAckOverdue EventKind = "file.acknowledgment_overdue"
)

// Event is one entry of the status-change feed. ID is the feed's cursor:
// strictly increasing in commit order.
type Event struct {
	ID      int64     `json:"id,string"`
	At      time.Time `json:"at"`
	Kind    EventKind `json:"kind"`
	PayerID PayerID   `json:"payerId"`
	// Subject is the record the event is about: claim, authorization or
	// remittance, with its store ID and its business reference (CLM01,
	// the certification or trace number, the check/EFT trace).
	Subject   string `json:"subject"`
	SubjectID int64  `json:"subjectId,string"`
	Reference string `json:"reference"`
	Status    string `json:"status"`
	// The provider the record belongs to, for access scoping.
	TIN string `json:"tin,omitempty"`
	NPI string `json:"npi,omitempty"`
	// Due is the date a lifecycle event is about (a hold's due date,
	// validThrough, the overdue decision's day), CCYY-MM-DD; "" for others.
	Due string `json:"due,omitempty"`
}

// Scope limits what a caller may read: records of these TINs or NPIs
// only. A nil Scope reads everything (operators, the pipeline).
type Scope struct {
	TINs []string
	NPIs []string
}

// Errors the record store reports (storage.DB; the pipeline and the API
// compare them with errors.Is).
var (
	ErrDuplicateFile        = errors.New("edigw: a file with the same content was already processed")
	ErrDuplicateInterchange = errors.New("edigw: the interchange (sender, receiver, ISA13) was already processed")
	ErrNotFound             = errors.New("edigw: not found")
	// ErrIdempotencyConflict: an idempotency key reused with a different payload.
	ErrIdempotencyConflict = errors.New("edigw: idempotency key already used for a different submission")
)

// Ingest is one inbound file's transaction. Records are added in batches
// as the file streams (bulk-loaded), so memory stays bounded by a batch.
// It is the one record-store interface kept in the root (decision 0016):
// storage returns it from BeginIngest and clearinghouse calls it, so both
// must name the same type. The stores' other interfaces are declared where
// they are used (clearinghouse.Store, api.Store).
type Ingest interface {
	// Interchange enters an ISA in the ledger; ErrDuplicateInterchange
	// when it was seen before (the ingest must then roll back).
	Interchange(ctx context.Context, ic Interchange) error
	// AddClaims stores claims and their lines, linked to the
	// authorization their REF*G1 names when it is known, and a
	// claim.submitted (or claim.rejected) event for each.
	AddClaims(ctx context.Context, claims []*Claim) error
	// AddRemittances stores 835s with their claim payments and
	// adjustments, links each payment to the one claim its CLP01 names
	// inside the payee and the file's partner (docs/clearinghouse.md,
	// Matching rules) and moves the claim to paid, partially paid,
	// denied or reversed, with events.
	AddRemittances(ctx context.Context, rms []*Remittance) error
	// AddAuthorizations stores 278 requests and applies 278 responses to
	// the one request they answer (trace number, requester, the file's
	// partner), with events.
	AddAuthorizations(ctx context.Context, reqs []*AuthorizationRequest) error
	// AddClaimStatuses applies acknowledgments to claims edigw sent:
	// accepted or rejected (999 R for the whole set, 277CA per claim),
	// with events. An update that matches no claim, or several, changes
	// nothing and is counted (IngestResult.Unmatched) and reported.
	AddClaimStatuses(ctx context.Context, statuses []ClaimStatusUpdate) error
	// AddAcknowledgments stores the TA1s, 999s and 277CAs a partner sent
	// back and applies the claim status changes they decide
	// (Acknowledgment.StatusUpdates, as mapping derived them), with events.
	AddAcknowledgments(ctx context.Context, acks []*Acknowledgment) error
	// AddEligibilityResponses matches the file's 271 members to the
	// inquiries they answer, inside the file's payer and the provider
	// each names (docs/clearinghouse.md, Matching rules), and stores
	// them with eligibility.received; a member that matches nothing is
	// raised as eligibility.unmatched. It runs after the other loads.
	AddEligibilityResponses(ctx context.Context, responses []*EligibilityResponse) error
	// Commit ends the ingest with the file's digest and size, and the
	// kind the File given to BeginIngest holds by then (known once the
	// file is read: the ledger recorded "" for committed files before);
	// ErrDuplicateFile when the same content was committed before (the
	// ingest is rolled back).
	Commit(ctx context.Context, sha256 string, size int64) (*IngestResult, error)
	// RecordOutputs enters, with the commit, where the file will rest and
	// the acknowledgments to write for it (pending outbound files, their
	// bytes kept until written).
	RecordOutputs(ctx context.Context, restingKey string, outputs []Output) error
	Rollback(ctx context.Context) error
}

// ClaimStatusUpdate says what an acknowledgment decided for a claim edigw
// sent: one claim, found by its patient control number inside the partner
// and the billing provider (docs/clearinghouse.md, Matching rules), or
// every claim of an outbound envelope (by its control numbers) when a 999
// rejected a set or a group, or a TA1 an interchange.
type ClaimStatusUpdate struct {
	PayerID              PayerID
	PatientControlNumber string // empty with an envelope reference
	// The 837's envelope: ISA06 (edigw or the submitter) and ISA08 (the
	// partner) of the interchange the claims went out in, that is the
	// acknowledgment's ISA08 and ISA06; and its ISA13 (a TA1), or GS06 (a
	// 999 rejecting a group) and ST02 (a set). A per-claim update names
	// the sender and receiver too: the claim must have gone between them.
	SenderID, ReceiverID   string
	InterchangeNumber      string
	GroupNumber, SetNumber string
	// The billing provider a 277CA names for the claim (2000C NM1*85: its
	// NPI, its TIN): each one given must be the claim's, and one must be.
	ProviderNPI, ProviderTIN string
	// BatchNumber is the 277CA's 2200B TRN02, the 837's BHT03 (the set's
	// ST02 in the 837s edigw writes): it only tells apart claims that
	// match otherwise equally (a claim sent again with the same number).
	BatchNumber string
	// Status is accepted or rejected; empty for a 277CA claim whose
	// statuses decide nothing: it moves nothing, but it is matched all the
	// same, for the file's audience and the report of what matched nothing.
	Status ClaimStatus
	// MovesFrom are the statuses the update may move a claim from (an
	// acknowledgment no longer moves a claim an 835 has paid, denied or
	// reversed); a claim in any other status stays as it is. mapping
	// derives both.
	MovesFrom        []ClaimStatus
	Reason           string // codes only, e.g. "277CA A7:562:85", "999 IK5 R 5"
	PayerClaimNumber string
	// Answer names the acknowledgment by its own envelope (ISA13, GS06,
	// ST02) and the claim's place in it, for the operators' report of an
	// update that matches nothing.
	Answer string
	// Received, when set, is an event for the claim the update matched,
	// whether or not it moves it (claim_status.received for a 277 X212).
	Received EventKind
	// ClaimStatus is the 277 (X212) claim the update comes from: stored
	// with the inquiry edigw sent that it answers (by edigw's own trace
	// number, inside the partner and the provider).
	ClaimStatus *ClaimStatusResponse
}

// IngestResult counts what an ingest stored.
type IngestResult struct {
	FileID         int64
	Claims         int
	Remittances    int
	Authorizations int
	// Acknowledgments counts TA1 segments and 999 and 277CA sets stored.
	Acknowledgments int
	StatusUpdates   int
	// Unmatched counts the answers (a 277CA claim, a 999 or TA1, an 835
	// claim payment, a 278 response) that matched no record, or more than
	// one, and so changed nothing.
	Unmatched int
	Events    int
	// ClaimProviders are the distinct billing providers (TIN and NPI) of
	// the claims the file carried, in the order first seen: the claims'
	// share of the file's audience, known at commit, so that the file's
	// outcome event need not read every claim again to find it.
	ClaimProviders []Provider `json:"-"`
}

// QueuedClaim is a claim waiting to be sent, with its store ID.
type QueuedClaim struct {
	ID    int64
	Claim *Claim
}

// QueuedAuthorization is an authorization request waiting to be sent.
type QueuedAuthorization struct {
	ID      int64
	Request *AuthorizationRequest
}

// SentClaim is a claim in an outbound file with its envelope numbers.
type SentClaim struct {
	QueuedClaim
	Interchange Interchange
	Group, Set  string
}

// SentAuthorization is an authorization request in an outbound file.
type SentAuthorization struct {
	QueuedAuthorization
	Interchange Interchange
	Group, Set  string
}

// StoredAcknowledgment is an acknowledgment as stored.
type StoredAcknowledgment struct {
	ID             int64          `json:"id,string"`
	FileID         int64          `json:"fileId,string"`
	Acknowledgment Acknowledgment `json:"acknowledgment"`
	ReceivedAt     time.Time      `json:"receivedAt"`
}

// StoredClaim is a claim as stored, with its history.
type StoredClaim struct {
	ID        int64     `json:"id,string"`
	Claim     *Claim    `json:"claim"`
	Direction Direction `json:"direction"`
	FileID    int64     `json:"fileId,string"`
	// AuthorizationID is the authorization its REF*G1 names, when known.
	AuthorizationID int64     `json:"authorizationId,string,omitempty"`
	StatusReason    string    `json:"statusReason,omitempty"`
	UpdatedAt       time.Time `json:"updatedAt"`
	// OriginalID is the claim a replacement or void claim (CLM05-3 7, 8)
	// replaces or voids, found by its REF*F8 inside the payer and the
	// billing provider (0: none).
	OriginalID int64 `json:"originalId,string,omitempty"`
}

// StoredAuthorization is an authorization request as stored, with the
// latest decision applied.
type StoredAuthorization struct {
	ID        int64                 `json:"id,string"`
	Request   *AuthorizationRequest `json:"authorization"`
	Direction Direction             `json:"direction"`
	UpdatedAt time.Time             `json:"updatedAt"`
	// The lifecycle's fields sit beside the record (authlifecycle.go).
	AuthorizationLifecycle
}

// StoredRemittance is an 835 as stored; ClaimIDs[i] is the stored claim
// Remittance.Claims[i] pays (0 when edigw does not know the claim).
type StoredRemittance struct {
	ID         int64       `json:"id,string"`
	Remittance *Remittance `json:"remittance"`
	ClaimIDs   []int64     `json:"claimIds"`
	FileID     int64       `json:"fileId,string"`
	ReceivedAt time.Time   `json:"receivedAt"`
}
