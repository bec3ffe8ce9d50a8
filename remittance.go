package edigw

// Remittance is one 835 transaction set: a payment (or notice of no
// payment) from a payer to a payee, and the claims it pays.
type Remittance struct {
	PayerID PayerID `json:"payerId"`
	// Payment is BPR: BPR01 handling (C payment with advice, I remittance
	// only, H notification only), BPR02 amount, BPR04 method (ACH, CHK,
	// FWT, BOP, NON), BPR16 date.
	Handling      string `json:"handling"`
	PaymentAmount Amount `json:"paymentAmount"`
	CreditDebit   string `json:"creditDebit"` // BPR03: C credit, D debit
	PaymentMethod string `json:"paymentMethod"`
	PaymentDate   string `json:"paymentDate,omitempty"` // BPR16
	// TraceNumber is TRN02 (check or EFT trace number); with TRN03 it
	// reassociates the remittance with the money.
	TraceNumber     string           `json:"traceNumber"`
	TraceOriginator string           `json:"traceOriginator,omitempty"` // TRN03
	ProductionDate  string           `json:"productionDate,omitempty"`  // DTM*405
	Payer           Party            `json:"payer"`
	Payee           Party            `json:"payee"`
	Claims          []ClaimPayment   `json:"claims"`
	ProviderAdjusts []ProviderAdjust `json:"providerAdjustments,omitempty"`
}

// ClaimPayment is one 835 CLP loop (2100).
type ClaimPayment struct {
	// PatientControlNumber is CLP01, the 837's CLM01: the link back to the claim.
	PatientControlNumber  string           `json:"patientControlNumber"`
	StatusCode            string           `json:"statusCode"` // CLP02: 1 primary, 2 secondary, 4 denied, 22 reversal ...
	Charge                Amount           `json:"charge"`     // CLP03
	Paid                  Amount           `json:"paid"`       // CLP04
	PatientResponsibility Amount           `json:"patientResponsibility"`
	FilingCode            string           `json:"filingCode,omitempty"`       // CLP06
	PayerClaimNumber      string           `json:"payerClaimNumber,omitempty"` // CLP07
	FacilityCode          string           `json:"facilityCode,omitempty"`     // CLP08
	FrequencyCode         string           `json:"frequencyCode,omitempty"`    // CLP09
	Patient               Person           `json:"patient"`
	Adjustments           []Adjustment     `json:"adjustments,omitempty"` // claim-level CAS
	Services              []ServicePayment `json:"services,omitempty"`
	StatementPeriod       *Period          `json:"statementPeriod,omitempty"`
}

// ServicePayment is one 835 SVC loop (2110).
type ServicePayment struct {
	ProcedureQualifier string       `json:"procedureQualifier"`
	ProcedureCode      string       `json:"procedureCode"`
	Modifiers          []string     `json:"modifiers,omitempty"`
	Charge             Amount       `json:"charge"` // SVC02
	Paid               Amount       `json:"paid"`   // SVC03
	Units              string       `json:"units,omitempty"`
	ServiceDate        *Period      `json:"serviceDate,omitempty"`
	Adjustments        []Adjustment `json:"adjustments,omitempty"`
	// LineItemControlNumber is REF*6R: the 837 line it pays.
	LineItemControlNumber string   `json:"lineItemControlNumber,omitempty"`
	Allowed               *Amount  `json:"allowed,omitempty"`     // AMT*B6
	RemarkCodes           []string `json:"remarkCodes,omitempty"` // LQ*HE (RARC)
}

// Adjustment is one CAS reason: group (CO contractual, PR patient
// responsibility, OA other, PI payer initiated), CARC reason code, amount
// and quantity.
type Adjustment struct {
	Group    string `json:"group"`
	Reason   string `json:"reason"`
	Amount   Amount `json:"amount"`
	Quantity string `json:"quantity,omitempty"`
}

// ProviderAdjust is one PLB adjustment: not tied to a claim (interest,
// forward balances, recoupments). Positive amounts reduce the payment.
type ProviderAdjust struct {
	ProviderID string `json:"providerId"` // PLB01
	FiscalDate string `json:"fiscalDate"` // PLB02
	Reason     string `json:"reason"`     // PLB03-1 (e.g. L6 interest, WO overpayment recovery)
	Reference  string `json:"reference,omitempty"`
	Amount     Amount `json:"amount"`
}
