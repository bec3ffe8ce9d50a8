package edigw

// ClaimKind is the 837 variant a claim travels in.
type ClaimKind string

const (
	Professional  ClaimKind = "professional"  // 837P, 005010X222A1
	Institutional ClaimKind = "institutional" // 837I, 005010X223A2
	Dental        ClaimKind = "dental"        // 837D, 005010X224A2
)

// ClaimStatus is where a claim stands, as billing systems see it.
type ClaimStatus string

const (
	ClaimSubmitted     ClaimStatus = "submitted"      // sent or received as an 837
	ClaimAccepted      ClaimStatus = "accepted"       // 277CA A1/A2 (999 accepted the set)
	ClaimRejected      ClaimStatus = "rejected"       // 999 R or 277CA A3
	ClaimPaid          ClaimStatus = "paid"           // 835 CLP02 processed (1-3, 19-21, 25), paid in full
	ClaimPartiallyPaid ClaimStatus = "partially paid" // 835 CLP02 processed, paid less than charged, not zero
	// ClaimProcessed: 835 CLP02 processed with nothing paid by the payer
	// (a deductible, patient responsibility): not a denial.
	ClaimProcessed ClaimStatus = "processed"
	ClaimDenied    ClaimStatus = "denied"    // 835 CLP02 4
	ClaimForwarded ClaimStatus = "forwarded" // 835 CLP02 23: not the payer's claim, sent on
	ClaimReversed  ClaimStatus = "reversed"  // 835 CLP02 22
	// A replacement (CLM05-3 7) or void (8) claim that names this claim
	// by its payer claim control number (REF*F8) moves it here.
	ClaimReplaced ClaimStatus = "replaced"
	ClaimVoided   ClaimStatus = "voided"
)

// Claim is one 837 claim (loop 2300) with its service lines and the
// parties it hangs from.
type Claim struct {
	PayerID              PayerID   `json:"payerId"`
	Kind                 ClaimKind `json:"kind"`
	PatientControlNumber string    `json:"patientControlNumber"` // CLM01: the submitter's claim ID
	TotalCharge          Amount    `json:"totalCharge"`          // CLM02
	// Place of service (837P/D CLM05-1) or facility type (837I CLM05-1),
	// with the qualifier (CLM05-2: B place of service, A UB facility).
	FacilityCode          string `json:"facilityCode"`
	FacilityCodeQualifier string `json:"facilityCodeQualifier"`
	FrequencyCode         string `json:"frequencyCode"` // CLM05-3: 1 original, 7 replacement, 8 void
	// The certifications of CLM06-CLM10: provider signature on file (Y/N,
	// not used on 837I), assignment or plan participation (A/B/C),
	// benefits assigned (Y/N/W), release of information (I/Y), patient
	// signature source (P).
	ProviderSignature      string `json:"providerSignature,omitempty"`
	Assignment             string `json:"assignment,omitempty"`
	BenefitsAssigned       string `json:"benefitsAssigned,omitempty"`
	ReleaseOfInformation   string `json:"releaseOfInformation,omitempty"`
	PatientSignatureSource string `json:"patientSignatureSource,omitempty"`
	DelayReason            string `json:"delayReason,omitempty"` // CLM20

	Submitter         Party   `json:"submitter"`
	Receiver          Party   `json:"receiver"`
	BillingProvider   Party   `json:"billingProvider"`
	RenderingProvider *Party  `json:"renderingProvider,omitempty"`
	ReferringProvider *Party  `json:"referringProvider,omitempty"`
	AttendingProvider *Party  `json:"attendingProvider,omitempty"` // 837I 2310A
	Subscriber        Person  `json:"subscriber"`
	Patient           *Person `json:"patient,omitempty"` // when not the subscriber
	Payer             Party   `json:"payer"`
	// PayerResponsibility is SBR01: P primary, S secondary, T tertiary ...
	PayerResponsibility string `json:"payerResponsibility,omitempty"`
	ClaimFilingCode     string `json:"claimFilingCode,omitempty"` // SBR09
	GroupNumber         string `json:"groupNumber,omitempty"`     // SBR03
	GroupName           string `json:"groupName,omitempty"`       // SBR04
	InsuranceType       string `json:"insuranceType,omitempty"`   // SBR05 (Medicare secondary)
	// PatientRelationship is the patient's relationship to the subscriber:
	// 18 (self, SBR02) when the subscriber is the patient, else PAT01
	// (01 spouse, 19 child, 20 employee, 21 unknown, G8 other ...).
	PatientRelationship string `json:"patientRelationship,omitempty"`

	Diagnoses []Diagnosis `json:"diagnoses"`
	// PriorAuthorization is REF*G1: the 278 certification number this
	// claim relies on.
	PriorAuthorization string  `json:"priorAuthorization,omitempty"`
	PayerClaimNumber   string  `json:"payerClaimNumber,omitempty"` // REF*F8, original claim for replacements
	ServicePeriod      *Period `json:"servicePeriod,omitempty"`    // DTP*434 (837I) or the lines' range
	// Institutional (837I): CL1 admission type, admission source and
	// patient status, and the admission date (DTP*435, CCYYMMDD or
	// CCYYMMDDHHMM).
	AdmissionType   string `json:"admissionType,omitempty"`
	AdmissionSource string `json:"admissionSource,omitempty"`
	PatientStatus   string `json:"patientStatus,omitempty"`
	AdmissionDate   string `json:"admissionDate,omitempty"`
	// More of the 837I: the discharge hour (DTP*096, HHMM), the diagnosis
	// related group (HI*DR) and the value codes with their amounts (HI*BE).
	DischargeHour string      `json:"dischargeHour,omitempty"`
	DRG           string      `json:"drg,omitempty"`
	ValueCodes    []ValueCode `json:"valueCodes,omitempty"`
	// Dates of the 837P: initial treatment (DTP*454), last seen (DTP*304).
	InitialTreatmentDate string `json:"initialTreatmentDate,omitempty"`
	LastSeenDate         string `json:"lastSeenDate,omitempty"`
	// ClearinghouseTrace is REF*D9, the claim identifier a transmission
	// intermediary gave; MedicalRecordNumber is REF*EA.
	ClearinghouseTrace  string `json:"clearinghouseTrace,omitempty"`
	MedicalRecordNumber string `json:"medicalRecordNumber,omitempty"`
	Notes               []Note `json:"notes,omitempty"` // 2300 NTE, in file order
	// PayTo is 2010AB, the pay-to address: where payment goes when not to
	// the billing provider's address (entity type and address only).
	PayTo *Party `json:"payTo,omitempty"`
	// ServiceFacility is 2310C (837P, 837D) or 2310E (837I): where the
	// services were given, when not at the billing provider.
	ServiceFacility *Party        `json:"serviceFacility,omitempty"`
	Lines           []ServiceLine `json:"lines"`
	Status          ClaimStatus   `json:"status"`
	// StatusReason says why a received claim is rejected (codes only):
	// mapping derives it with Status, storage saves it as statusReason.
	StatusReason string `json:"-"`
	// AuthorizationFindings are the prior-authorization problems the payer
	// profile found when the claim was received or submitted (mapping's
	// SNIP 7 check against the authorizations edigw knows); set by edigw,
	// never by a sender.
	AuthorizationFindings []AuthorizationFinding `json:"authorizationFindings,omitempty"`
	// CertifiedBy is what the prior-authorization check, reading the file,
	// found the claim's REF*G1 to name: the stored authorization request
	// storage links the claim to (claims.authorization_id), so that the
	// load does not look the number up a second time. Storage looks up
	// every claim the check did not (CertifiedBy.Known false).
	CertifiedBy CertificationLink `json:"-"`
}

// CertificationLink is the stored authorization request a claim's
// certification number (REF*G1) names inside the claim's payer and billing
// provider: the latest, of any status, that carries the number on its
// decision or on a service's (ID 0: none). Known says it was looked up.
type CertificationLink struct {
	ID    int64
	Known bool
}

// AuthorizationFinding is one prior-authorization problem of a claim line:
// the rule (auth-missing, auth-expired, auth-not-covering,
// dme-place-of-service), what the payer profile says it does (warn, or
// reject through the 277CA), the line and the profile's category. It
// names no value of the claim: no code, certification number or member.
type AuthorizationFinding struct {
	Rule     string `json:"rule"`
	Code     string `json:"code"` // more precisely why (auth-not-found, auth-units-exceeded ...)
	Action   string `json:"action"`
	Line     int    `json:"line,omitempty"` // LX01
	Category string `json:"category,omitempty"`
	Message  string `json:"message"`
}

// EventClaimAuthorizationWarning is staged for a claim stored with
// authorization findings its payer's profile only warns about.
const EventClaimAuthorizationWarning EventKind = "claim.authorization_warning"

// Diagnosis is one HI code with its qualifier (ABK principal ICD-10-CM,
// ABF other, ABJ admitting, APR reason for visit ...).
type Diagnosis struct {
	Qualifier string `json:"qualifier"`
	Code      string `json:"code"`
	// PresentOnAdmission is 837I C022-9: Y, N, U, W or 1.
	PresentOnAdmission string `json:"presentOnAdmission,omitempty"`
}

// ValueCode is one 837I HI*BE: a value code and its amount.
type ValueCode struct {
	Code   string `json:"code"`
	Amount Amount `json:"amount"`
}

// Note is an NTE: its reference code (ADD additional information, CER
// certification narrative, DCP goals, DGN diagnosis description, TPO
// third party organization notes ...) and text.
type Note struct {
	Code string `json:"code"`
	Text string `json:"text"`
}

// ServiceLine is one 2400 loop.
type ServiceLine struct {
	Number             int      `json:"number"`             // LX01
	ProcedureQualifier string   `json:"procedureQualifier"` // HC (HCPCS/CPT), AD (ADA), ...
	ProcedureCode      string   `json:"procedureCode"`
	Modifiers          []string `json:"modifiers,omitempty"`
	RevenueCode        string   `json:"revenueCode,omitempty"` // 837I SV201
	Charge             Amount   `json:"charge"`
	UnitBasis          string   `json:"unitBasis,omitempty"` // UN units, MJ minutes, DA days
	Units              string   `json:"units,omitempty"`     // a decimal, as sent
	PlaceOfService     string   `json:"placeOfService,omitempty"`
	DiagnosisPointers  []int    `json:"diagnosisPointers,omitempty"`
	ServiceDate        *Period  `json:"serviceDate,omitempty"` // DTP*472
	// LineItemControlNumber is REF*6R: the 835 SVC's REF*6R points back here.
	LineItemControlNumber string `json:"lineItemControlNumber,omitempty"`
	// Description is the procedure composite's seventh component (SV101-7,
	// SV202-7, SV301-7): a description of an unlisted code.
	Description string  `json:"description,omitempty"`
	Notes       []Note  `json:"notes,omitempty"` // 2400 NTE, in file order
	Teeth       []Tooth `json:"teeth,omitempty"` // 837D TOO
	// OralCavity is 837D SV304: the areas of the mouth treated (00 whole
	// mouth, 01 maxillary, 10 upper right quadrant ...).
	OralCavity []string `json:"oralCavity,omitempty"`
}

// Tooth is one 837D TOO segment: a tooth and the surfaces treated.
type Tooth struct {
	Number   string   `json:"number"`
	Surfaces []string `json:"surfaces,omitempty"`
}
