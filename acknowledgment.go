package edigw

// AckKind names the three acknowledgments of a HIPAA exchange.
type AckKind string

const (
	// AckTA1 answers an interchange's envelope (ISA/IEA).
	AckTA1 AckKind = "TA1"
	// Ack999 (005010X231A1) answers a functional group: each transaction
	// set accepted or rejected, with the segment and element in error.
	Ack999 AckKind = "999"
	// Ack277CA (005010X214) answers the claims of an 837, one by one.
	Ack277CA AckKind = "277CA"
)

// Acknowledgment is one TA1 segment, or one 999 or 277CA transaction set:
// the outcome a receiver reports for files it was sent. edigw reads the
// ones its trading partners send back for the 837s and 278s it sent, and
// writes its own for the files it receives. Exactly one of Interchange,
// Group and Claims is set, as Kind says.
type Acknowledgment struct {
	Kind    AckKind `json:"kind"`
	PayerID PayerID `json:"payerId,omitempty"` // the trading partner's payer
	// Who sent the acknowledgment (ISA06, ISA08; for a 999 or 277CA also
	// GS02, GS03) and under which control numbers: the acknowledged file
	// went the other way.
	SenderID          string `json:"senderId"`
	ReceiverID        string `json:"receiverId"`
	ApplicationSender string `json:"applicationSender,omitempty"`   // GS02
	ApplicationRecv   string `json:"applicationReceiver,omitempty"` // GS03
	InterchangeNumber string `json:"interchangeNumber"`             // ISA13
	GroupNumber       string `json:"groupNumber,omitempty"`         // GS06
	SetNumber         string `json:"setNumber,omitempty"`           // ST02

	Interchange *InterchangeAck      `json:"interchange,omitempty"` // TA1
	Group       *GroupAck            `json:"group,omitempty"`       // 999
	Claims      *ClaimAcknowledgment `json:"claims,omitempty"`      // 277CA

	// What the acknowledgment decides, as mapping reads it (the X12 rules
	// are mapping's): whether it accepts everything it answers, and the
	// claim status changes it makes, which storage applies. They are not
	// part of the record.
	Accepted      bool                `json:"-"`
	StatusUpdates []ClaimStatusUpdate `json:"-"`
}

// InterchangeAck is a TA1: the outcome of the interchange whose ISA13,
// date and time it repeats.
type InterchangeAck struct {
	ControlNumber string `json:"controlNumber"` // TA101: the acknowledged ISA13
	Date          string `json:"date"`          // TA102 YYMMDD (ISA09)
	Time          string `json:"time"`          // TA103 HHMM (ISA10)
	Code          string `json:"code"`          // TA104: A accepted, E accepted with errors, R rejected
	NoteCode      string `json:"noteCode"`      // TA105: 000 no error, 001-031 what was wrong
}

// GroupAck is a 999: the outcome of one functional group and of each of
// its transaction sets.
type GroupAck struct {
	FunctionalID  string   `json:"functionalId"`  // AK101: HC (837), HI (278), HP (835) ...
	ControlNumber string   `json:"controlNumber"` // AK102: the acknowledged GS06
	Version       string   `json:"version"`       // AK103: the acknowledged GS08
	Sets          []SetAck `json:"sets,omitempty"`
	// AK9: the group's code (A accepted, E accepted with errors, M, P
	// partially accepted, R rejected, W, X), the set counts and up to five
	// group error codes (AK905-AK909).
	Code     string   `json:"code"`
	Included int      `json:"included"` // AK902: sets the GE counted
	Received int      `json:"received"` // AK903
	Accepted int      `json:"accepted"` // AK904
	Errors   []string `json:"errors,omitempty"`
}

// SetAck is a 999's answer for one transaction set (the 2000 loop).
type SetAck struct {
	SetID         string `json:"setId"`                // AK201: 837, 278 ...
	ControlNumber string `json:"controlNumber"`        // AK202: the acknowledged ST02
	Convention    string `json:"convention,omitempty"` // AK203: the guide, e.g. 005010X222A1
	// IK5: A accepted, E accepted with errors, M, R rejected, W, X; and
	// up to five set error codes (IK502-IK506).
	Code          string         `json:"code"`
	Errors        []string       `json:"errors,omitempty"`
	SegmentErrors []SegmentError `json:"segmentErrors,omitempty"`
}

// Rejected reports whether the set was rejected: IK501 R, or M, W or X
// (authentication, assurance or decryption failed).
func (s SetAck) Rejected() bool {
	return s.Code == "R" || s.Code == "M" || s.Code == "W" || s.Code == "X"
}

// SegmentError is an IK3 with its contexts and element errors (the 2100
// loop): what is wrong where, by segment position in the set.
type SegmentError struct {
	SegmentID string         `json:"segmentId"`      // IK301
	Position  int            `json:"position"`       // IK302: counted from ST = 1
	Loop      string         `json:"loop,omitempty"` // IK303: the loop's identifier
	Code      string         `json:"code"`           // IK304
	Contexts  []ErrorContext `json:"contexts,omitempty"`
	Elements  []ElementError `json:"elements,omitempty"`
}

// ElementError is an IK4 with its contexts (the 2110 loop).
type ElementError struct {
	Position  ElementPosition `json:"position"`            // IK401
	Reference string          `json:"reference,omitempty"` // IK402: the data element number
	Code      string          `json:"code"`                // IK403
	BadValue  string          `json:"badValue,omitempty"`  // IK404: a copy of the bad data
	Contexts  []ErrorContext  `json:"contexts,omitempty"`
}

// ElementPosition places a value in a segment (C030): element, component
// of a composite and repetition, each counted from 1 (0 when not given).
type ElementPosition struct {
	Element    int `json:"element"`
	Component  int `json:"component,omitempty"`
	Repetition int `json:"repetition,omitempty"`
}

// ErrorContext is a CTX: either the business unit an error sits in (CLM01
// with the claim's patient control number, TRN02, NM109 ...) or the
// segment whose presence triggered a situational requirement.
type ErrorContext struct {
	IDs       []ContextID      `json:"ids"`                 // CTX01 (repeats)
	SegmentID string           `json:"segmentId,omitempty"` // CTX02
	Position  int              `json:"position,omitempty"`  // CTX03
	Loop      string           `json:"loop,omitempty"`      // CTX04
	Element   *ElementPosition `json:"element,omitempty"`   // CTX05
}

// ContextID is one C998: a context name and its reference.
type ContextID struct {
	Name      string `json:"name"`
	Reference string `json:"reference,omitempty"`
}

// ClaimAcknowledgment is a 277CA transaction set: for each information
// source (the payer or clearinghouse that answers), the receiver's batch
// and, per billing provider and patient, each claim's status.
type ClaimAcknowledgment struct {
	Reference string              `json:"reference"` // BHT03
	Date      string              `json:"date"`      // BHT04
	Time      string              `json:"time"`      // BHT05
	Sources   []InformationSource `json:"sources"`
}

// InformationSource is the 2000A loop and what hangs under it.
type InformationSource struct {
	Source       Party            `json:"source"`
	SourceEntity string           `json:"sourceEntity"` // NM101: PR payer, AY clearinghouse
	Receipts     []ReceiptControl `json:"receipts"`
	Receiver     Party            `json:"receiver"` // NM1*41: the submitter
	// The receiver's batch (2200B): TRN02, the status of the batch, and
	// how many claims and what charges were accepted and rejected.
	BatchNumber string           `json:"batchNumber"`
	Statuses    []StatusInfo     `json:"statuses,omitempty"`
	Totals      AckTotals        `json:"totals"`
	Providers   []ProviderStatus `json:"providers,omitempty"`
}

// ReceiptControl is a 2200A: the source's trace of the batch it received,
// with the dates it received (DTP*050) and processed it (DTP*009).
type ReceiptControl struct {
	TraceNumber string `json:"traceNumber"`
	Received    string `json:"received"`
	Processed   string `json:"processed"`
}

// AckTotals count accepted and rejected claims and their charges (QTY
// 90/QA and AA/QC, AMT YU and YY); nil when the segment is absent.
type AckTotals struct {
	AcceptedClaims *int    `json:"acceptedClaims,omitempty"`
	RejectedClaims *int    `json:"rejectedClaims,omitempty"`
	AcceptedAmount *Amount `json:"acceptedAmount,omitempty"`
	RejectedAmount *Amount `json:"rejectedAmount,omitempty"`
}

// ProviderStatus is a 2000C billing provider loop.
type ProviderStatus struct {
	Provider   Party  `json:"provider"`             // NM1*85
	MiddleName string `json:"middleName,omitempty"` // NM105
	Suffix     string `json:"suffix,omitempty"`     // NM107
	// The 2200C loop, when present (TRN02 is then never empty).
	TraceNumber string         `json:"traceNumber,omitempty"`
	Statuses    []StatusInfo   `json:"statuses,omitempty"`
	References  []Reference    `json:"references,omitempty"` // secondary identifiers
	Totals      AckTotals      `json:"totals"`
	Patients    []PatientClaim `json:"patients,omitempty"`
}

// PatientClaim is a 2000D patient loop with its claims.
type PatientClaim struct {
	Patient     Person            `json:"patient"`               // NM1*QC
	IDQualifier string            `json:"idQualifier,omitempty"` // NM108: MI member ID, II unique health ID
	Claims      []ClaimStatusInfo `json:"claims"`
}

// ClaimStatusInfo is a 2200D: one claim's status, found by its patient
// control number (TRN02 repeats CLM01).
type ClaimStatusInfo struct {
	PatientControlNumber string           `json:"patientControlNumber"`
	Statuses             []StatusInfo     `json:"statuses"`
	PayerClaimNumber     string           `json:"payerClaimNumber,omitempty"`   // REF*1K
	ClearinghouseTrace   string           `json:"clearinghouseTrace,omitempty"` // REF*D9
	BillType             string           `json:"billType,omitempty"`           // REF*BLT
	ServiceDate          Period           `json:"serviceDate"`                  // DTP*472
	Lines                []LineStatusInfo `json:"lines,omitempty"`
}

// LineStatusInfo is a 2220D: one service line's status.
type LineStatusInfo struct {
	Qualifier      string       `json:"qualifier"` // SVC01-1: HC, AD, NU ...
	Code           string       `json:"code"`
	Modifiers      []string     `json:"modifiers,omitempty"`
	Charge         Amount       `json:"charge"`                // SVC02
	RevenueCode    string       `json:"revenueCode,omitempty"` // SVC04
	Units          string       `json:"units,omitempty"`       // SVC07
	Statuses       []StatusInfo `json:"statuses"`
	LineItemNumber string       `json:"lineItemNumber,omitempty"` // REF*FJ: the 837's REF*6R
	Prescription   string       `json:"prescription,omitempty"`   // REF*XZ
	ServiceDate    *Period      `json:"serviceDate,omitempty"`
}

// StatusInfo is an STC: up to three status codes, the status date, the
// action (U unprocessable, WQ accepted), the charge and a message.
type StatusInfo struct {
	Codes   []StatusCode `json:"codes"` // STC01, STC10, STC11
	Date    string       `json:"date,omitempty"`
	Action  string       `json:"action,omitempty"`
	Charge  *Amount      `json:"charge,omitempty"`
	Message string       `json:"message,omitempty"` // STC12
}

// StatusCode is a C043: the claim status category (A1 receipt, A2
// accepted, A3/A6/A7/A8 rejected ...), the status code (code list 508),
// the entity it concerns and, rarely, the code list of the entity.
type StatusCode struct {
	Category string `json:"category"`
	Status   string `json:"status"`
	Entity   string `json:"entity,omitempty"`
	CodeList string `json:"codeList,omitempty"`
}

// String gives the code as X12 writes it: A7:562:85.
func (c StatusCode) String() string {
	s := c.Category + ":" + c.Status
	if c.Entity != "" || c.CodeList != "" {
		s += ":" + c.Entity
	}
	if c.CodeList != "" {
		s += ":" + c.CodeList
	}
	return s
}

// ClaimStatuses lists every claim of the acknowledgment in file order.
func (c *ClaimAcknowledgment) ClaimStatuses() []*ClaimStatusInfo {
	var out []*ClaimStatusInfo
	for i := range c.Sources {
		for j := range c.Sources[i].Providers {
			p := &c.Sources[i].Providers[j]
			for k := range p.Patients {
				for l := range p.Patients[k].Claims {
					out = append(out, &p.Patients[k].Claims[l])
				}
			}
		}
	}
	return out
}

// EnvelopeName names an acknowledgment by its own envelope, for reports:
// "277CA ISA13 000009002 GS06 9002 ST02 9002".
func (a *Acknowledgment) EnvelopeName() string {
	s := string(a.Kind) + " ISA13 " + a.InterchangeNumber
	if a.GroupNumber != "" {
		s += " GS06 " + a.GroupNumber
	}
	if a.SetNumber != "" {
		s += " ST02 " + a.SetNumber
	}
	return s
}

// Identifiers are the billing provider's NPI (NM108 XX) and TIN (NM108
// FI, else a REF*TJ) as a 277CA's 2000C names them; either may be empty.
func (p *ProviderStatus) Identifiers() (npi, tin string) {
	npi = p.Provider.NPI()
	switch {
	case p.Provider.IDQualifier == "FI":
		tin = p.Provider.ID
	case p.Provider.TaxID != "":
		tin = p.Provider.TaxID
	}
	for _, r := range p.References {
		if tin == "" && r.Qualifier == "TJ" {
			tin = r.Value
		}
	}
	return npi, tin
}
