package edigw

// AuthorizationStatus follows the payer's prior-authorization worklist.
// Which HCR01 gives which status is mapping's rule (codes.AuthorizationStatus).
type AuthorizationStatus string

const (
	AuthPending           AuthorizationStatus = "Pending"            // HCR01 A4 (pended), or no decision yet
	AuthApproved          AuthorizationStatus = "Approved"           // A1 certified in total
	AuthPartiallyApproved AuthorizationStatus = "Partially Approved" // A2 partial, A6 modified
	AuthDenied            AuthorizationStatus = "Denied"             // A3 not certified
	AuthCancelled         AuthorizationStatus = "Cancelled"          // CT cancelled
)

// AuthorizationRequest is one 278 patient event (2000E) with its services
// (2000F), asked of a utilization management organization (UMO). The same
// record is the request and, once it carries a Decision, the response: a
// UMO answers by echoing the request's levels with its outcome.
type AuthorizationRequest struct {
	PayerID PayerID `json:"payerId"` // 2010A NM109: the UMO's identifier
	// SubmissionReference is BHT03, the submitter's identifier of the
	// transaction; a response echoes the request's.
	SubmissionReference string `json:"submissionReference,omitempty"`
	// SubmittedAt is BHT04 and BHT05 run together: CCYYMMDDHHMM, with
	// seconds (and decimal seconds) when the file had them.
	SubmittedAt string `json:"submittedAt,omitempty"`
	// TransactionType is BHT06: 18 health services review, 19 referral
	// notification (responses), RU medical services reservation.
	TransactionType string `json:"transactionType,omitempty"`
	// Purpose is BHT02 when it is neither a request (13) nor a response
	// (11): 01 cancellation, 36 authority to deduct (reply requested).
	Purpose string `json:"purpose,omitempty"`
	// TraceNumber is the requester's patient event tracking number: the
	// request's TRN*1 (2000E TRN02), which the response echoes as TRN*2.
	TraceNumber string `json:"traceNumber"`
	// Traces are all the event's TRN segments in file order: the
	// requester's, a clearinghouse's, and in a response the UMO's own.
	Traces    []Trace     `json:"traces,omitempty"`
	Reviewer  ReviewParty `json:"reviewer"`  // 2010A: the UMO (payer or its delegate)
	Requester ReviewParty `json:"requester"` // 2010B: the provider asking
	// Subscriber is 2010C; a member ID (NM109 MI) is required.
	Subscriber           Person      `json:"subscriber"`
	SubscriberReferences []Reference `json:"subscriberReferences,omitempty"` // 2010C REF (1L group, 6P, EJ account ...)
	// SubscriberEmploymentStatus is INS08 of the subscriber's INS (written
	// with INS01 Y and INS02 18 when set).
	SubscriberEmploymentStatus string      `json:"subscriberEmploymentStatus,omitempty"`
	Patient                    *Person     `json:"patient,omitempty"`           // 2010D dependent
	PatientReferences          []Reference `json:"patientReferences,omitempty"` // 2010D REF (EJ, SY)
	// PatientRelationship is the dependent's INS02 (01 spouse, 19 child,
	// G8 other); PatientBirthSequence INS17, for twins and the like.
	PatientRelationship  string `json:"patientRelationship,omitempty"`
	PatientBirthSequence string `json:"patientBirthSequence,omitempty"`

	// The event's UM: RequestCategory UM01 (AR admission review, HS health
	// services review, IN individual, SC specialty care), CertificationType
	// UM02 (I initial, R renewal, S revised, 1-4 appeals, N reconsideration),
	// ServiceType UM03, PlaceOfService UM04-1 with its qualifier UM04-2 (B
	// place of service, A institutional facility type; B when empty).
	RequestCategory       string `json:"requestCategory"`
	CertificationType     string `json:"certificationType"`
	ServiceType           string `json:"serviceType,omitempty"`
	PlaceOfService        string `json:"placeOfService,omitempty"`
	FacilityCodeQualifier string `json:"facilityCodeQualifier,omitempty"`
	// RelatedCauses are UM05-1 to -3 (AA auto accident, AP another party,
	// EM employment, OA other accident) with the accident's state and
	// country (UM05-4, -5).
	RelatedCauses   []string `json:"relatedCauses,omitempty"`
	AccidentState   string   `json:"accidentState,omitempty"`
	AccidentCountry string   `json:"accidentCountry,omitempty"`
	// LevelOfService is UM06: 03 emergency, E elective, U urgent.
	LevelOfService       string `json:"levelOfService,omitempty"`
	HealthCondition      string `json:"healthCondition,omitempty"`      // UM07
	Prognosis            string `json:"prognosis,omitempty"`            // UM08
	ReleaseOfInformation string `json:"releaseOfInformation,omitempty"` // UM09
	DelayReason          string `json:"delayReason,omitempty"`          // UM10

	// PreviousAuthorization is REF*BB, the certification an extension or
	// revision refers to; AdministrativeReference REF*NT, the UMO's case
	// number (the previous one in a request, its own in a response).
	PreviousAuthorization   string `json:"previousAuthorization,omitempty"`
	AdministrativeReference string `json:"administrativeReference,omitempty"`

	AccidentDate        string  `json:"accidentDate,omitempty"`        // DTP*439
	LastMenstrualPeriod string  `json:"lastMenstrualPeriod,omitempty"` // DTP*484
	EstimatedBirthDate  string  `json:"estimatedBirthDate,omitempty"`  // DTP*ABC
	OnsetDate           string  `json:"onsetDate,omitempty"`           // DTP*431
	EventPeriod         *Period `json:"eventPeriod,omitempty"`         // DTP*AAH
	AdmissionPeriod     *Period `json:"admissionPeriod,omitempty"`     // DTP*435 (a date, or the expected stay)
	DischargeDate       string  `json:"dischargeDate,omitempty"`       // DTP*096

	Diagnoses []DatedDiagnosis `json:"diagnoses,omitempty"` // HI
	Delivery  *DeliveryPattern `json:"delivery,omitempty"`  // HSD
	// The institutional admission (CL101-04): admission type, source,
	// patient status, nursing home residential status.
	AdmissionType     string       `json:"admissionType,omitempty"`
	AdmissionSource   string       `json:"admissionSource,omitempty"`
	PatientStatus     string       `json:"patientStatus,omitempty"`
	NursingHomeStatus string       `json:"nursingHomeStatus,omitempty"`
	Attachments       []Attachment `json:"attachments,omitempty"` // PWK
	Message           string       `json:"message,omitempty"`     // MSG01
	// Providers are the event's 2010EA loops: facility (FA), service
	// provider (SJ), attending (71), admitting (72), referring (DN) ...
	Providers []ReviewParty       `json:"providers,omitempty"`
	Services  []RequestedService  `json:"services"`
	Decision  *Decision           `json:"decision,omitempty"`
	Status    AuthorizationStatus `json:"status"`
}

// RequestedService is one 2000F service: a procedure with its quantity.
type RequestedService struct {
	Traces []Trace `json:"traces,omitempty"` // TRN: service trace numbers
	// The service's UM, when it differs from the event's: UM01-04, UM06.
	RequestCategory         string  `json:"requestCategory,omitempty"`
	CertificationType       string  `json:"certificationType,omitempty"`
	ServiceType             string  `json:"serviceType,omitempty"`
	PlaceOfService          string  `json:"placeOfService,omitempty"`
	FacilityCodeQualifier   string  `json:"facilityCodeQualifier,omitempty"`
	LevelOfService          string  `json:"levelOfService,omitempty"`
	PreviousAuthorization   string  `json:"previousAuthorization,omitempty"`   // REF*BB
	AdministrativeReference string  `json:"administrativeReference,omitempty"` // REF*NT
	Period                  *Period `json:"period,omitempty"`                  // DTP*472
	// Kind names the service segment: professional SV1, institutional
	// SV2, dental SV3 (when empty, SV2 for a revenue code, SV3 for an AD
	// procedure, else SV1).
	Kind               ClaimKind        `json:"kind,omitempty"`
	RevenueCode        string           `json:"revenueCode,omitempty"` // SV201
	ProcedureQualifier string           `json:"procedureQualifier"`
	ProcedureCode      string           `json:"procedureCode"`
	Modifiers          []string         `json:"modifiers,omitempty"`
	Charge             Amount           `json:"charge,omitempty"` // SV102, SV203, SV302
	UnitBasis          string           `json:"unitBasis,omitempty"`
	Quantity           string           `json:"quantity,omitempty"`
	DiagnosisPointers  []int            `json:"diagnosisPointers,omitempty"` // SV107
	OralCavity         []string         `json:"oralCavity,omitempty"`        // SV304
	Teeth              []Tooth          `json:"teeth,omitempty"`             // TOO
	Delivery           *DeliveryPattern `json:"delivery,omitempty"`          // HSD
	Attachments        []Attachment     `json:"attachments,omitempty"`       // PWK
	Message            string           `json:"message,omitempty"`           // MSG01
	Providers          []ReviewParty    `json:"providers,omitempty"`         // 2010F / 2010FA
	Decision           *Decision        `json:"decision,omitempty"`          // response: per-service HCR
}

// Decision is a 278 response's outcome at the event (2000E) or a service
// (2000F): the HCR with the certification number a claim then carries in
// REF*G1, reasons, the period it is valid for, and the AAA rejections of
// a request the UMO could not review. A response event always has one,
// possibly with no action when only rejections came back.
type Decision struct {
	Action              string `json:"action"`                        // HCR01
	CertificationNumber string `json:"certificationNumber,omitempty"` // HCR02
	// Reasons are HCR03 (a repeating element: up to five codes).
	Reasons               []string `json:"reasons,omitempty"`
	SecondSurgicalOpinion string   `json:"secondSurgicalOpinion,omitempty"` // HCR04 Y/N
	// EffectivePeriod is when the certification holds: From is DTP*007
	// (a date or the whole range), To DTP*036 (expiration) or the end of
	// DTP*007's range.
	EffectivePeriod *Period `json:"effectivePeriod,omitempty"`
	IssueDate       string  `json:"issueDate,omitempty"` // DTP*102
	// PendDueDate is when missing documentation is due (a pended request
	// is on hold until then). The 278 has no element for it: it is the
	// worklist's, and not written to X12.
	PendDueDate string      `json:"pendDueDate,omitempty"`
	Rejections  []Rejection `json:"rejections,omitempty"` // AAA
	// Status is the worklist status Action gives, empty when it gives
	// none: mapping sets it when it reads a 278 response, and storage
	// applies it. It is not part of the record.
	Status AuthorizationStatus `json:"-"`
}

// Rejection is an AAA segment: why the UMO could not process the request
// at one level, and what the requester should do.
type Rejection struct {
	// Level is where the AAA stood: system (2000A, the trading partner),
	// reviewer (2010A), requester (2010B), subscriber (2010C), patient
	// (2010D), provider (2010EA or 2010FA: the Provider-th of the
	// decision's providers, from 1), or empty for the decision's own
	// event or service.
	Level    string `json:"level,omitempty"`
	Provider int    `json:"provider,omitempty"`
	// Valid is AAA01 Y: the request was valid but could not be answered
	// now (2000A only); N otherwise.
	Valid    bool   `json:"valid,omitempty"`
	Reason   string `json:"reason"`   // AAA03: 15 missing ID, 42 unable to respond now, 75 subscriber not found ...
	FollowUp string `json:"followUp"` // AAA04: C correct and resubmit, N do not resubmit, R resubmit, Y wait ...
}

// Rejection levels (Rejection.Level).
const (
	LevelSystem     = "system"
	LevelReviewer   = "reviewer"
	LevelRequester  = "requester"
	LevelSubscriber = "subscriber"
	LevelPatient    = "patient"
	LevelProvider   = "provider"
)

// ReviewParty is an organization or person named in a 278 loop: the UMO,
// the requester, or a provider of the event or a service.
type ReviewParty struct {
	Role string `json:"role,omitempty"` // NM101: X3 UMO, 1P provider, FA facility, SJ service provider, 71 attending ...
	Party
	MiddleName string `json:"middleName,omitempty"` // NM105
	Suffix     string `json:"suffix,omitempty"`     // NM107
	// ProviderCode is PRV01 (AD admitting, AT attending, PE performing, RF
	// referring ...); Party.Taxonomy is PRV03.
	ProviderCode string `json:"providerCode,omitempty"`
	// References are REFs other than the tax ID (Party.TaxID is REF*EI).
	References []ProviderReference `json:"references,omitempty"`
}

// ProviderReference is a provider's supplemental identifier (REF): 1G
// UPIN, 1J facility ID, 0B state license (with its State in REF03), N5
// provider plan network, SY social security number, ZH carrier-assigned.
type ProviderReference struct {
	Qualifier string `json:"qualifier"`
	Value     string `json:"value"`
	State     string `json:"state,omitempty"`
}

// Trace is a TRN segment: a tracking number and who assigned it.
type Trace struct {
	Type   string `json:"type"`   // TRN01: 1 current transaction, 2 referenced (echoed)
	Number string `json:"number"` // TRN02
	// Assigner is TRN03: ten characters, 1 followed by the assigner's EIN
	// or 9 followed by another identifier; AssignerDetail is TRN04 (a
	// division or group within the assigner).
	Assigner       string `json:"assigner"`
	AssignerDetail string `json:"assignerDetail,omitempty"`
}

// DatedDiagnosis is a 278 HI code: a diagnosis and, when known, the date
// it was made (D8 in the composite's third and fourth components).
type DatedDiagnosis struct {
	Diagnosis
	Date string `json:"date,omitempty"`
}

// DeliveryPattern is an HSD segment: how much of a service, and how often,
// e.g. 3 visits (VS) a week (WK) for 2 months (34).
type DeliveryPattern struct {
	QuantityQualifier string `json:"quantityQualifier,omitempty"` // HSD01: DY days, FL units, HS hours, MN month, VS visits
	Quantity          string `json:"quantity,omitempty"`          // HSD02
	UnitBasis         string `json:"unitBasis,omitempty"`         // HSD03: DA days, MO months, VS visit, WK week, YR years
	SampleModulus     string `json:"sampleModulus,omitempty"`     // HSD04: how many of the unit
	PeriodQualifier   string `json:"periodQualifier,omitempty"`   // HSD05: 7 day, 34 month, 35 week ...
	PeriodCount       string `json:"periodCount,omitempty"`       // HSD06
	Frequency         string `json:"frequency,omitempty"`         // HSD07: delivery frequency code
	TimeOfDay         string `json:"timeOfDay,omitempty"`         // HSD08: delivery pattern time code
}

// Attachment is a PWK segment: supporting documentation the requester
// sends separately, or (in a response) the UMO asks for.
type Attachment struct {
	ReportType    string `json:"reportType"`              // PWK01: 77 support data, OB operative note, PN physical therapy notes ...
	Transmission  string `json:"transmission"`            // PWK02: BM by mail, EL electronically, FX by fax, VO voice ...
	ControlNumber string `json:"controlNumber,omitempty"` // PWK06 (with PWK05 AC)
	Description   string `json:"description,omitempty"`   // PWK07
}
