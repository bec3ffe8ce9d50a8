package edigw

// EligibilityInquiry is one member asked about in a 270 (005010X279A1):
// the subscriber (2000C) or one of the subscriber's dependents (2000D),
// with the questions (EQ) a provider asks the payer before services.
// One 270 set may ask about many members; each is a record of its own, so
// that each answer (EligibilityResponse) is matched to one inquiry.
type EligibilityInquiry struct {
	EligibilityMember
	// Questions are the member's EQ loops (2110C or 2110D): asked by
	// service type (30 health benefit plan coverage, 12 DME purchase ...)
	// or by procedure.
	Questions []BenefitQuestion `json:"questions,omitempty"`
}

// EligibilityResponse is one member of a 271: the inquiry's levels echoed,
// with the benefits (EB) the payer reports, or the request validations
// (AAA) that say why it could not answer.
type EligibilityResponse struct {
	EligibilityMember
	// Validations are the AAA segments above the benefits: of the source
	// (levels system, reviewer), of the provider (requester) and of the
	// member (subscriber, patient). AAA01 Y with reason 42 means "try
	// again later"; N with 75 "subscriber not found".
	Validations []Rejection `json:"validations,omitempty"`
	Benefits    []Benefit   `json:"benefits,omitempty"`
}

// EligibilityMember is what an inquiry and its response share: the
// parties, the trace numbers and the member asked about.
type EligibilityMember struct {
	PayerID PayerID `json:"payerId"` // 2100A NM109: the information source's identifier
	// SubmissionReference is BHT03; a response echoes the inquiry's.
	SubmissionReference string `json:"submissionReference,omitempty"`
	// SubmittedAt is BHT04 and BHT05 run together: CCYYMMDDHHMM[SS].
	SubmittedAt string `json:"submittedAt,omitempty"`
	// Purpose is BHT02 when it is not the set's ordinary one (13 request,
	// 11 response): 01 cancellation, 06 confirmation.
	Purpose string `json:"purpose,omitempty"`
	// TraceNumber is the provider's trace of the member: the inquiry's
	// TRN*1, which the response echoes as TRN*2. It is the provider's
	// number: matching uses it only inside the partner and the provider
	// (docs/clearinghouse.md, Matching rules).
	TraceNumber string `json:"traceNumber,omitempty"`
	// Traces are the member level's TRN segments in file order.
	Traces   []Trace     `json:"traces,omitempty"`
	Source   ReviewParty `json:"source"`   // 2100A: the payer (PR) or its delegate
	Receiver ReviewParty `json:"receiver"` // 2100B: the provider asking (1P, FA ...)
	// Subscriber is 2100C. Its member ID is NM109 with NM108 MI.
	Subscriber           Person      `json:"subscriber"`
	SubscriberReferences []Reference `json:"subscriberReferences,omitempty"` // 2100C REF (1L group, 6P group number ...)
	// Dependent is 2100D, when the member asked about is not the
	// subscriber; DependentRelationship is its INS02 (01 spouse, 19 child ...).
	Dependent             *Person     `json:"dependent,omitempty"`
	DependentReferences   []Reference `json:"dependentReferences,omitempty"`
	DependentRelationship string      `json:"dependentRelationship,omitempty"`
	// Dates are the member's DTP: 291 plan (the date asked about), 346
	// plan begin, 356 eligibility begin, 307 eligibility ...
	Dates []EligibilityDate `json:"dates,omitempty"`
}

// Member returns the person the record is about: the dependent when
// there is one, else the subscriber.
func (m *EligibilityMember) Member() *Person {
	if m.Dependent != nil {
		return m.Dependent
	}
	return &m.Subscriber
}

// EligibilityDate is a DTP of an eligibility set: its qualifier and the
// date or range.
type EligibilityDate struct {
	Qualifier string `json:"qualifier"` // DTP01
	Period
}

// BenefitQuestion is an EQ loop of a 270.
type BenefitQuestion struct {
	// ServiceTypes are EQ01's repetitions.
	ServiceTypes []string `json:"serviceTypes,omitempty"`
	// Procedure is EQ02, asked instead of or beside a service type.
	Procedure *BenefitProcedure `json:"procedure,omitempty"`
	// CoverageLevel is EQ03: IND individual, FAM family ...
	CoverageLevel string `json:"coverageLevel,omitempty"`
	// PlaceOfService is III02 with III01 ZZ: where the care would be given.
	PlaceOfService string `json:"placeOfService,omitempty"`
	// References are REF*9F (referral) and REF*G1 (prior authorization).
	References []Reference `json:"references,omitempty"`
	// Date is DTP*291 of the question, when it differs from the member's.
	Date *Period `json:"date,omitempty"`
}

// BenefitProcedure is the C003 of EQ02 or EB13: a procedure (HC CPT/HCPCS,
// AD ADA, N4 NDC ...) with its modifiers.
type BenefitProcedure struct {
	Qualifier string   `json:"qualifier"`
	Code      string   `json:"code"`
	Modifiers []string `json:"modifiers,omitempty"`
}

// Benefit is an EB loop of a 271 (2110C or 2110D): one fact of coverage,
// or one amount, percentage or limit for the service types it names.
type Benefit struct {
	// Code is EB01: 1 active coverage, 6 inactive, A co-insurance, B
	// co-payment, C deductible, G out of pocket, F limitations ...
	Code          string   `json:"code"`
	CoverageLevel string   `json:"coverageLevel,omitempty"` // EB02
	ServiceTypes  []string `json:"serviceTypes,omitempty"`  // EB03 repetitions
	InsuranceType string   `json:"insuranceType,omitempty"` // EB04: C1 commercial, HM HMO, PR PPO, MA Medicare part A ...
	// PlanDescription is EB05, the payer's name for the plan or coverage.
	PlanDescription string `json:"planDescription,omitempty"`
	// TimePeriod is EB06: 23 calendar year, 29 remaining, 27 visit ...
	TimePeriod string `json:"timePeriod,omitempty"`
	// Amount is EB07 (a co-payment, deductible, out-of-pocket ...).
	Amount *Amount `json:"amount,omitempty"`
	// Percent is EB08 as written: a decimal fraction (0.2 is 20%).
	Percent string `json:"percent,omitempty"`
	// QuantityQualifier and Quantity are EB09 and EB10: VS visits, DY
	// days, P6 number of services ...
	QuantityQualifier string `json:"quantityQualifier,omitempty"`
	Quantity          string `json:"quantity,omitempty"`
	// AuthorizationRequired is EB11 (Y, N, U); InNetwork EB12 (Y in
	// network, N out of network, W not applicable, U unknown).
	AuthorizationRequired string            `json:"authorizationRequired,omitempty"`
	InNetwork             string            `json:"inNetwork,omitempty"`
	Procedure             *BenefitProcedure `json:"procedure,omitempty"` // EB13
	Dates                 []EligibilityDate `json:"dates,omitempty"`     // DTP: 292 benefit, 346 plan begin ...
	References            []Reference       `json:"references,omitempty"`
	// Validations are the AAA of the benefit loop: the question it
	// answers could not be (56 inappropriate date, 53 inconsistent with
	// provider type ...).
	Validations []Rejection `json:"validations,omitempty"`
	// Messages are MSG free text.
	Messages []string `json:"messages,omitempty"`
	// Entities are the 2120 loop's names (between LS and LE): a primary
	// care provider, another payer, whom to contact.
	Entities []ReviewParty `json:"entities,omitempty"`
}
