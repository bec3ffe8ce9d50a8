package edigw

// ClaimStatusInquiry is one claim asked about in a 276 (005010X212): a
// 2200D loop (the patient is the subscriber) or 2200E (a dependent), with
// the levels it hangs from. A 276 asking about ten claims is ten
// inquiries; writing them back groups those that share their levels.
type ClaimStatusInquiry struct {
	PayerID   PayerID `json:"payerId"`             // 2100A NM109
	Reference string  `json:"reference,omitempty"` // BHT03: the set's reference
	// CreatedAt is BHT04 and BHT05, CCYYMMDDHHMM[SS].
	CreatedAt string `json:"createdAt,omitempty"`
	Payer     Party  `json:"payer"`    // 2100A NM1*PR (PI payer ID, XV CMS plan ID)
	Receiver  Party  `json:"receiver"` // 2100B NM1*41: who asks (46 ETIN)
	Provider  Party  `json:"provider"` // 2100C NM1*1P: whose claim (XX NPI, FI, SV)
	ClaimStatusClaim
}

// ClaimStatusClaim is what a 276 and a 277 both say of one claim: who it
// is for, how the provider and the payer know it, and its lines.
type ClaimStatusClaim struct {
	Subscriber Person `json:"subscriber"` // 2100D NM1*IL, 2000D DMG (276)
	// SubscriberIDQualifier is NM108 when it is not MI (member ID): II
	// (unique health identifier) or 24 (employer ID).
	SubscriberIDQualifier string  `json:"subscriberIdQualifier,omitempty"`
	Patient               *Person `json:"patient,omitempty"` // 2000E: a dependent; nil when the subscriber is the patient
	// TraceNumber is TRN02: the inquirer's number for this claim's
	// question, which the 277 repeats. The inquirer chooses it: it is
	// never enough alone to find a claim (docs/clearinghouse.md).
	TraceNumber             string  `json:"traceNumber"`
	PayerClaimControlNumber string  `json:"payerClaimControlNumber,omitempty"` // REF*1K
	BillType                string  `json:"billType,omitempty"`                // REF*BLT (institutional)
	PatientControlNumber    string  `json:"patientControlNumber,omitempty"`    // REF*EJ: the 837's CLM01
	Prescription            string  `json:"prescription,omitempty"`            // REF*XZ
	Voucher                 string  `json:"voucher,omitempty"`                 // REF*VV
	ClearinghouseTrace      string  `json:"clearinghouseTrace,omitempty"`      // REF*D9
	Charge                  *Amount `json:"charge,omitempty"`                  // 276 AMT*T3
	ServiceDate             *Period `json:"serviceDate,omitempty"`             // DTP*472
	// Lines are 2210D/E (276) or 2220D/E (277) service lines.
	Lines []ClaimStatusLine `json:"lines,omitempty"`
}

// ClaimStatusLine is one service line asked or answered about.
type ClaimStatusLine struct {
	Procedure   Procedure `json:"procedure"`             // SVC01
	Charge      Amount    `json:"charge"`                // SVC02
	Payment     *Amount   `json:"payment,omitempty"`     // SVC03 (277)
	RevenueCode string    `json:"revenueCode,omitempty"` // SVC04
	Units       string    `json:"units,omitempty"`       // SVC07, as written
	// Statuses are the line's STCs (277 only).
	Statuses      []ClaimStatusDetail `json:"statuses,omitempty"`
	ControlNumber string              `json:"controlNumber,omitempty"` // REF*FJ: the 837 line's REF*6R
	ServiceDate   *Period             `json:"serviceDate,omitempty"`   // DTP*472
}

// ClaimStatusResponse is one claim answered in a 277 (005010X212): the
// payer's statuses for a claim a 276 asked about, and for its lines.
type ClaimStatusResponse struct {
	PayerID   PayerID `json:"payerId"`
	Reference string  `json:"reference,omitempty"` // BHT03
	CreatedAt string  `json:"createdAt,omitempty"` // BHT04, BHT05
	Payer     Party   `json:"payer"`               // 2100A NM1*PR and PER
	Receiver  Party   `json:"receiver"`
	Provider  Party   `json:"provider"`
	// ReceiverTrace and ReceiverStatuses are the 2200B loop: what the
	// payer says of the information receiver's whole inquiry (TRN02, the
	// batch it answers; STCs, entity 41, AY or PR), for example that it
	// was rejected (category E). Copied into every claim below it.
	ReceiverTrace    string              `json:"receiverTrace,omitempty"`
	ReceiverStatuses []ClaimStatusDetail `json:"receiverStatuses,omitempty"`
	// ProviderTrace and ProviderStatuses are the 2200C loop: the payer's
	// statuses for the service provider (entity 1P or 85), for example
	// that it is not known (E0:24:85). Copied into every claim below it.
	ProviderTrace    string              `json:"providerTrace,omitempty"`
	ProviderStatuses []ClaimStatusDetail `json:"providerStatuses,omitempty"`
	// Statuses are the claim's STCs, the first the current one.
	Statuses []ClaimStatusDetail `json:"statuses"`
	ClaimStatusClaim

	// The envelope the 277 came in (ISA06, ISA08, ISA13), as mapping read
	// it: what the answer is matched inside (the inquiry went the other
	// way). Not part of the record.
	InterchangeSender   string `json:"-"`
	InterchangeReceiver string `json:"-"`
	InterchangeNumber   string `json:"-"`
}

// ClaimStatusDetail is an STC of a 277 (X212): up to three status codes
// (category, status, entity), the date the status took effect, and at the
// claim level the amounts and the adjudication and remittance facts.
type ClaimStatusDetail struct {
	StatusCodes     []StatusCode `json:"statusCodes"`               // STC01, STC10, STC11
	Date            string       `json:"date"`                      // STC02
	Charge          *Amount      `json:"charge,omitempty"`          // STC04
	Payment         *Amount      `json:"payment,omitempty"`         // STC05
	FinalizedDate   string       `json:"finalizedDate,omitempty"`   // STC06
	RemittanceDate  string       `json:"remittanceDate,omitempty"`  // STC08
	RemittanceTrace string       `json:"remittanceTrace,omitempty"` // STC09: the 835's TRN02 (check or EFT number)
}

// Category is the status category of the detail's first code (STC01-1).
func (d ClaimStatusDetail) Category() string {
	if len(d.StatusCodes) == 0 {
		return ""
	}
	return d.StatusCodes[0].Category
}

// Inquiry is the question a response answers, as a 276 asks it: the
// response without its statuses, and without the line payments.
func (r *ClaimStatusResponse) Inquiry() *ClaimStatusInquiry {
	q := &ClaimStatusInquiry{PayerID: r.PayerID, Reference: r.Reference, CreatedAt: r.CreatedAt,
		Payer: r.Payer, Receiver: r.Receiver, Provider: r.Provider, ClaimStatusClaim: r.ClaimStatusClaim}
	q.Payer.Contact = nil
	q.Lines = nil
	for _, l := range r.Lines {
		l.Payment, l.Statuses = nil, nil
		q.Lines = append(q.Lines, l)
	}
	return q
}

// ClaimPended is where a 277 (X212) puts a claim whose status category is
// pending (P0-P5): the payer holds it, for information or review.
const ClaimPended ClaimStatus = "pended"

const (
	// EventClaimPended: a 277 pended the claim.
	EventClaimPended EventKind = "claim.pended"
	// EventClaimStatusReceived: a 277 (X212) answered a claim status
	// inquiry about the claim, whether or not it moved it.
	EventClaimStatusReceived EventKind = "claim_status.received"
)

// QueuedClaimStatusInquiry is an inquiry waiting to go out in a 276, with
// its store ID.
type QueuedClaimStatusInquiry struct {
	ID      int64
	Inquiry *ClaimStatusInquiry
}

// StoredClaimStatusInquiry is an inquiry as the store holds it: queued,
// sent in a 276, or answered by a 277 (Response set).
type StoredClaimStatusInquiry struct {
	ID       int64                `json:"id,string"`
	ClaimID  int64                `json:"claimId,string,omitempty"` // the claim asked about, when asked by claim
	Status   string               `json:"status"`                   // queued, sent, answered
	Inquiry  *ClaimStatusInquiry  `json:"inquiry"`
	Response *ClaimStatusResponse `json:"response,omitempty"`
}

// Claim status inquiry states (StoredClaimStatusInquiry.Status).
const (
	InquiryQueued   = "queued"
	InquirySent     = "sent"
	InquiryAnswered = "answered"
)
