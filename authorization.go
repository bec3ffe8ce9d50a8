package edigw

// AuthorizationStatus follows the payer's prior-authorization worklist.
type AuthorizationStatus string

const (
	AuthPending           AuthorizationStatus = "Pending"            // HCR01 A4 (pended), or no decision yet
	AuthApproved          AuthorizationStatus = "Approved"           // A1 certified in total
	AuthPartiallyApproved AuthorizationStatus = "Partially Approved" // A2 partial, A6 modified
	AuthDenied            AuthorizationStatus = "Denied"             // A3 not certified
	AuthCancelled         AuthorizationStatus = "Cancelled"          // CT cancelled
)

// StatusForAction maps a 278 HCR01 action code to the worklist status.
func StatusForAction(hcr01 string) (AuthorizationStatus, bool) {
	switch hcr01 {
	case "A1":
		return AuthApproved, true
	case "A2", "A6":
		return AuthPartiallyApproved, true
	case "A3":
		return AuthDenied, true
	case "A4":
		return AuthPending, true
	case "CT":
		return AuthCancelled, true
	}
	return "", false
}

// AuthorizationRequest is one 278 request: a patient event (2000E) with
// its services (2000F), asked of a utilization management organization.
type AuthorizationRequest struct {
	PayerID PayerID `json:"payerId"`
	// TraceNumber is the requester's patient event tracking number
	// (2000E TRN02): the response echoes it.
	TraceNumber string  `json:"traceNumber"`
	Requester   Party   `json:"requester"` // 2010B
	Subscriber  Person  `json:"subscriber"`
	Patient     *Person `json:"patient,omitempty"` // 2010D dependent
	// RequestCategory is UM01 (AR admission review, HS health services
	// review, SC specialty care); CertificationType UM02 (I initial, R
	// renewal, S revised, E extension ...); ServiceType UM03.
	RequestCategory   string              `json:"requestCategory"`
	CertificationType string              `json:"certificationType"`
	ServiceType       string              `json:"serviceType,omitempty"`
	PlaceOfService    string              `json:"placeOfService,omitempty"` // UM04-1 with UM04-2 B
	EventPeriod       *Period             `json:"eventPeriod,omitempty"`    // DTP*AAH
	Diagnoses         []Diagnosis         `json:"diagnoses,omitempty"`
	ServiceProvider   *Party              `json:"serviceProvider,omitempty"` // 2010EA
	Services          []RequestedService  `json:"services"`
	Decision          *Decision           `json:"decision,omitempty"`
	Status            AuthorizationStatus `json:"status"`
}

// RequestedService is one 2000F service: a procedure with its quantity.
type RequestedService struct {
	ProcedureQualifier string    `json:"procedureQualifier"`
	ProcedureCode      string    `json:"procedureCode"`
	Modifiers          []string  `json:"modifiers,omitempty"`
	UnitBasis          string    `json:"unitBasis,omitempty"`
	Quantity           string    `json:"quantity,omitempty"`
	Period             *Period   `json:"period,omitempty"`   // DTP*472
	Decision           *Decision `json:"decision,omitempty"` // response: per-service HCR
}

// Decision is a 278 response's HCR: the action, the certification number
// a claim then carries in REF*G1, reasons, and the period it is valid for.
type Decision struct {
	Action              string   `json:"action"`                        // HCR01
	CertificationNumber string   `json:"certificationNumber,omitempty"` // HCR02
	Reasons             []string `json:"reasons,omitempty"`             // HCR03
	EffectivePeriod     *Period  `json:"effectivePeriod,omitempty"`     // DTP*007 / 036
	IssueDate           string   `json:"issueDate,omitempty"`           // DTP*102
	// PendDueDate is when missing documentation is due (a pended request
	// is on hold until then).
	PendDueDate string `json:"pendDueDate,omitempty"`
}
