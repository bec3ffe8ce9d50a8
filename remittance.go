package edigw

// Remittance is one 835 transaction set: a payment (or notice of no
// payment) from a payer to a payee, and the claims it pays.
type Remittance struct {
	// PayerID is REF*2U of the payer loop (empty when the 835 has none;
	// N1*PR may carry a plan ID in Payer.ID instead).
	PayerID PayerID `json:"payerId"`
	// Payment is BPR: BPR01 handling (C payment with advice, I remittance
	// only, H notification only), BPR02 amount, BPR04 method (ACH, CHK,
	// FWT, BOP, NON), BPR16 date.
	Handling      string `json:"handling"`
	PaymentAmount Amount `json:"paymentAmount"`
	CreditDebit   string `json:"creditDebit"` // BPR03: C credit, D debit
	PaymentMethod string `json:"paymentMethod"`
	PaymentFormat string `json:"paymentFormat,omitempty"` // BPR05: CCP (CCD+ addenda), CTX (corporate trade exchange)
	// The electronic funds transfer of an ACH or FWT payment: the payer's
	// bank account (BPR06-09), the originating company (BPR10, BPR11) and
	// the payee's bank account (BPR12-15).
	SenderAccount          *BankAccount `json:"senderAccount,omitempty"`
	OriginatingCompanyID   string       `json:"originatingCompanyId,omitempty"`   // BPR10 (10 characters, as TRN03)
	OriginatingCompanyCode string       `json:"originatingCompanyCode,omitempty"` // BPR11 supplemental code
	ReceiverAccount        *BankAccount `json:"receiverAccount,omitempty"`
	PaymentDate            string       `json:"paymentDate,omitempty"` // BPR16: check issue or EFT effective date
	// TraceNumber is TRN02 (check or EFT trace number); with TRN03 it
	// reassociates the remittance with the money.
	TraceNumber     string `json:"traceNumber"`
	TraceOriginator string `json:"traceOriginator,omitempty"` // TRN03: the payer's identifier, 1 and its EIN
	// TraceSupplementalCode is TRN04: the originating company's
	// subdivision that sent the payment.
	TraceSupplementalCode string `json:"traceSupplementalCode,omitempty"`
	Currency              string `json:"currency,omitempty"`           // CUR02 (ISO 4217), when the payment is not in US dollars
	ReceiverID            string `json:"receiverId,omitempty"`         // REF*EV: the receiver of the 835, when not the payee
	PayerSystemVersion    string `json:"payerSystemVersion,omitempty"` // REF*F2: the payer's adjudication system version
	ProductionDate        string `json:"productionDate,omitempty"`     // DTM*405
	// Payer is N1*PR with N3/N4; its Contact is the technical contact
	// (PER*BL) the guide requires.
	Payer Party `json:"payer"`
	// PayerReferences are the payer's further REFs (EO submitter ID, HI
	// health industry number, NF NAIC code; a second 2U).
	PayerReferences      []Reference `json:"payerReferences,omitempty"`
	PayerBusinessContact *Contact    `json:"payerBusinessContact,omitempty"` // PER*CX
	// MoreTechnicalContacts are the PER*BL after the first (Payer.Contact).
	MoreTechnicalContacts []Contact `json:"moreTechnicalContacts,omitempty"`
	PayerWebsite          string    `json:"payerWebsite,omitempty"` // PER*IC PER04
	// Payee is N1*PE (N103 FI tax ID, XV plan ID, XX NPI) with N3/N4 and
	// REF*TJ (TaxID).
	Payee Party `json:"payee"`
	// PayeeReferences are the payee's further REFs (0B state license, D3
	// pharmacy number, PQ payee ID; a second TJ).
	PayeeReferences []Reference         `json:"payeeReferences,omitempty"`
	Delivery        *RemittanceDelivery `json:"delivery,omitempty"` // RDM
	Claims          []ClaimPayment      `json:"claims"`
	// ProviderSummaries are the TS3/TS2 of the 2000 loops (institutional
	// providers, Medicare Part A), each naming its LX header number.
	ProviderSummaries []ProviderSummary `json:"providerSummaries,omitempty"`
	ProviderAdjusts   []ProviderAdjust  `json:"providerAdjustments,omitempty"`
}

// BankAccount is one side of an EFT: the bank (depository financial
// institution) and the account in it.
type BankAccount struct {
	// BankIDQualifier is 01 (ABA routing number) or 04 (Canadian bank
	// branch and institution number); BankID is that number.
	BankIDQualifier  string `json:"bankIdQualifier"`  // BPR06 / BPR12
	BankID           string `json:"bankId"`           // BPR07 / BPR13
	AccountQualifier string `json:"accountQualifier"` // BPR08 / BPR14: DA demand deposit, SG savings
	AccountNumber    string `json:"accountNumber"`    // BPR09 / BPR15
}

// Reference is a qualified reference number (REF01 qualifier, REF02 value).
type Reference struct {
	Qualifier string `json:"qualifier"`
	Value     string `json:"value"`
}

// RemittanceDelivery is RDM: how a separate paper or electronic
// remittance advice reaches the payee.
type RemittanceDelivery struct {
	Method        string `json:"method"`                  // RDM01: BM by mail, EM e-mail, FT file transfer, OL online
	Name          string `json:"name,omitempty"`          // RDM02
	Communication string `json:"communication,omitempty"` // RDM03: e-mail address or URL
}

// ProviderSummary is TS3 (and TS2) of one 2000 loop: totals a payer reports
// per provider and fiscal period, mostly for Medicare Part A.
type ProviderSummary struct {
	HeaderNumber     int     `json:"headerNumber"`               // LX01 of its 2000 loop
	ProviderID       string  `json:"providerId,omitempty"`       // TS301
	FacilityCode     string  `json:"facilityCode,omitempty"`     // TS302
	FiscalPeriodDate string  `json:"fiscalPeriodDate,omitempty"` // TS303
	ClaimCount       string  `json:"claimCount,omitempty"`       // TS304
	TotalCharge      Amount  `json:"totalCharge"`                // TS305
	MSPPayer         *Amount `json:"mspPayer,omitempty"`         // TS313 Medicare secondary payer amount
	NonLabCharge     *Amount `json:"nonLabCharge,omitempty"`     // TS315
	HCPCSCharge      *Amount `json:"hcpcsCharge,omitempty"`      // TS317 HCPCS reported charge
	HCPCSPayable     *Amount `json:"hcpcsPayable,omitempty"`     // TS318
	ProfessionalPart *Amount `json:"professionalPart,omitempty"` // TS320 professional component
	MSPPatientMet    *Amount `json:"mspPatientMet,omitempty"`    // TS321 MSP patient liability met
	PatientRefund    *Amount `json:"patientRefund,omitempty"`    // TS322 patient reimbursement
	PIPClaimCount    string  `json:"pipClaimCount,omitempty"`    // TS323 periodic interim payment claims
	PIPAdjustment    *Amount `json:"pipAdjustment,omitempty"`    // TS324
	// Supplemental is TS2 (DRG and outlier totals).
	Supplemental *SupplementalSummary `json:"supplemental,omitempty"`
}

// SupplementalSummary is TS2: inpatient totals of a 2000 loop.
type SupplementalSummary struct {
	DRG                    *Amount `json:"drg,omitempty"`                      // TS201
	FederalSpecific        *Amount `json:"federalSpecific,omitempty"`          // TS202
	HospitalSpecific       *Amount `json:"hospitalSpecific,omitempty"`         // TS203
	DisproportionateShare  *Amount `json:"disproportionateShare,omitempty"`    // TS204
	Capital                *Amount `json:"capital,omitempty"`                  // TS205
	IndirectMedicalEd      *Amount `json:"indirectMedicalEducation,omitempty"` // TS206
	OutlierDays            string  `json:"outlierDays,omitempty"`              // TS207
	DayOutlier             *Amount `json:"dayOutlier,omitempty"`               // TS208
	CostOutlier            *Amount `json:"costOutlier,omitempty"`              // TS209
	AverageStay            string  `json:"averageStay,omitempty"`              // TS210 average DRG length of stay
	Discharges             string  `json:"discharges,omitempty"`               // TS211
	CostReportDays         string  `json:"costReportDays,omitempty"`           // TS212
	CoveredDays            string  `json:"coveredDays,omitempty"`              // TS213
	NoncoveredDays         string  `json:"noncoveredDays,omitempty"`           // TS214
	MSPPassThrough         *Amount `json:"mspPassThrough,omitempty"`           // TS215
	AverageDRGWeight       string  `json:"averageDrgWeight,omitempty"`         // TS216
	CapitalFederalDRG      *Amount `json:"capitalFederalDrg,omitempty"`        // TS217 PPS capital FSP DRG
	CapitalHospitalDRG     *Amount `json:"capitalHospitalDrg,omitempty"`       // TS218 PPS capital HSP DRG
	DisproportionateShrDRG *Amount `json:"disproportionateShareDrg,omitempty"` // TS219 PPS DSH DRG
}

// ClaimPayment is one 835 CLP loop (2100).
type ClaimPayment struct {
	// HeaderNumber is LX01 of the 2000 loop the claim sits in: payers
	// group claims by it (by bill type, say). Zero is written as 1.
	HeaderNumber int `json:"headerNumber,omitempty"`
	// PatientControlNumber is CLP01, the 837's CLM01: the link back to the claim.
	PatientControlNumber  string `json:"patientControlNumber"`
	StatusCode            string `json:"statusCode"` // CLP02: 1 primary, 2 secondary, 4 denied, 22 reversal ...
	Charge                Amount `json:"charge"`     // CLP03
	Paid                  Amount `json:"paid"`       // CLP04
	PatientResponsibility Amount `json:"patientResponsibility"`
	FilingCode            string `json:"filingCode,omitempty"`        // CLP06
	PayerClaimNumber      string `json:"payerClaimNumber,omitempty"`  // CLP07
	FacilityCode          string `json:"facilityCode,omitempty"`      // CLP08
	FrequencyCode         string `json:"frequencyCode,omitempty"`     // CLP09
	DRGCode               string `json:"drgCode,omitempty"`           // CLP11
	DRGWeight             string `json:"drgWeight,omitempty"`         // CLP12
	DischargeFraction     string `json:"dischargeFraction,omitempty"` // CLP13 (percent)
	Patient               Person `json:"patient"`                     // NM1*QC
	// PatientIDQualifier is the patient's NM108 when it is not MI (34
	// social security number, HN HIC number, II unique health ID, MR
	// Medicaid recipient ID).
	PatientIDQualifier string       `json:"patientIdQualifier,omitempty"`
	Adjustments        []Adjustment `json:"adjustments,omitempty"` // claim-level CAS
	// The claim's other NM1s: the insured when not the patient (IL), a
	// corrected patient or insured name (74), the rendering provider (82),
	// the crossover carrier (TT), the corrected priority payer (PR) and
	// the other subscriber (GB).
	Insured                *NamedParty             `json:"insured,omitempty"`
	CorrectedName          *NamedParty             `json:"correctedName,omitempty"`
	ServiceProvider        *NamedParty             `json:"serviceProvider,omitempty"`
	CrossoverCarrier       *NamedParty             `json:"crossoverCarrier,omitempty"`
	CorrectedPriorityPayer *NamedParty             `json:"correctedPriorityPayer,omitempty"`
	OtherSubscriber        *NamedParty             `json:"otherSubscriber,omitempty"`
	Inpatient              *InpatientAdjudication  `json:"inpatient,omitempty"`  // MIA
	Outpatient             *OutpatientAdjudication `json:"outpatient,omitempty"` // MOA
	// References are the claim's REFs (1L group or policy, 1W member ID,
	// 28 employee ID, 6P group number, 9A/9C repriced claim, BB
	// authorization, CE class of contract, EA medical record, F8 original
	// reference, G1 prior authorization, G3 predetermination, IG policy,
	// SY social security number).
	References []Reference `json:"references,omitempty"`
	// ProviderReferences are the rendering provider's REFs (0B state
	// license, 1A-1J Blue Cross/Shield, Medicare, Medicaid numbers, D3,
	// G2 commercial number, LU location).
	ProviderReferences []Reference `json:"providerReferences,omitempty"`
	StatementPeriod    *Period     `json:"statementPeriod,omitempty"`    // DTM*232 / DTM*233
	CoverageExpiration string      `json:"coverageExpiration,omitempty"` // DTM*036
	ReceivedDate       string      `json:"receivedDate,omitempty"`       // DTM*050: when the payer received the claim
	Contacts           []Contact   `json:"contacts,omitempty"`           // PER*CX, at most two
	// Amounts are the claim's AMTs (AU coverage, D8 discount, DY per day
	// limit, F5 patient paid, I interest, NL negative ledger, T tax, T2
	// total before taxes, ZK-ZO Medicare categories).
	Amounts []SupplementalAmount `json:"amounts,omitempty"`
	// Quantities are the claim's QTYs (CA covered days, CD co-insured
	// days, LA lifetime reserve days, NE non-covered days, OU outlier
	// days, PS prescriptions, VS visits, ZK-ZO ...).
	Quantities []SupplementalQuantity `json:"quantities,omitempty"`
	Services   []ServicePayment       `json:"services,omitempty"`

	// ClaimStatus is where the payment moves the claim it pays, and
	// StatusReason why (codes only): mapping derives both from CLP02 and
	// the amounts when it reads the 835, and storage applies them. They
	// are not part of the record.
	ClaimStatus  ClaimStatus `json:"-"`
	StatusReason string      `json:"-"`
}

// NamedParty is a claim-level NM1 of the 835: a person or organization and
// its identifier.
type NamedParty struct {
	EntityType  string `json:"entityType"`            // NM102: 1 person, 2 non-person
	Name        string `json:"name,omitempty"`        // NM103: last or organization name
	FirstName   string `json:"firstName,omitempty"`   // NM104
	MiddleName  string `json:"middleName,omitempty"`  // NM105
	Suffix      string `json:"suffix,omitempty"`      // NM107
	IDQualifier string `json:"idQualifier,omitempty"` // NM108
	ID          string `json:"id,omitempty"`          // NM109
}

// InpatientAdjudication is MIA: how an inpatient claim was priced.
// Day counts are decimals as sent.
type InpatientAdjudication struct {
	CoveredDays             string   `json:"coveredDays"`                       // MIA01
	OperatingOutlier        *Amount  `json:"operatingOutlier,omitempty"`        // MIA02 PPS operating outlier
	LifetimePsychiatricDays string   `json:"lifetimePsychiatricDays,omitempty"` // MIA03
	DRG                     *Amount  `json:"drg,omitempty"`                     // MIA04
	DisproportionateShare   *Amount  `json:"disproportionateShare,omitempty"`   // MIA06
	MSPPassThrough          *Amount  `json:"mspPassThrough,omitempty"`          // MIA07
	PPSCapital              *Amount  `json:"ppsCapital,omitempty"`              // MIA08
	CapitalFederalDRG       *Amount  `json:"capitalFederalDrg,omitempty"`       // MIA09 PPS capital FSP DRG
	CapitalHospitalDRG      *Amount  `json:"capitalHospitalDrg,omitempty"`      // MIA10 PPS capital HSP DRG
	CapitalDSHDRG           *Amount  `json:"capitalDshDrg,omitempty"`           // MIA11
	OldCapital              *Amount  `json:"oldCapital,omitempty"`              // MIA12
	CapitalIME              *Amount  `json:"capitalIme,omitempty"`              // MIA13 indirect medical education
	OperatingHospitalDRG    *Amount  `json:"operatingHospitalDrg,omitempty"`    // MIA14
	CostReportDays          string   `json:"costReportDays,omitempty"`          // MIA15
	OperatingFederalDRG     *Amount  `json:"operatingFederalDrg,omitempty"`     // MIA16
	CapitalOutlier          *Amount  `json:"capitalOutlier,omitempty"`          // MIA17
	IndirectTeaching        *Amount  `json:"indirectTeaching,omitempty"`        // MIA18
	NonpayableProfessional  *Amount  `json:"nonpayableProfessional,omitempty"`  // MIA19
	CapitalException        *Amount  `json:"capitalException,omitempty"`        // MIA24
	RemarkCodes             []string `json:"remarkCodes,omitempty"`             // MIA05, MIA20-23 (RARC)
}

// OutpatientAdjudication is MOA: outpatient pricing and remark codes.
type OutpatientAdjudication struct {
	ReimbursementRate      string   `json:"reimbursementRate,omitempty"`      // MOA01 (percent as a decimal)
	HCPCSPayable           *Amount  `json:"hcpcsPayable,omitempty"`           // MOA02
	RemarkCodes            []string `json:"remarkCodes,omitempty"`            // MOA03-07 (RARC)
	ESRDPayment            *Amount  `json:"esrdPayment,omitempty"`            // MOA08 end-stage renal disease
	NonpayableProfessional *Amount  `json:"nonpayableProfessional,omitempty"` // MOA09
}

// SupplementalAmount is an AMT: a qualified amount outside the balancing.
type SupplementalAmount struct {
	Qualifier string `json:"qualifier"`
	Amount    Amount `json:"amount"`
}

// SupplementalQuantity is a QTY: a qualified count, a decimal as sent.
type SupplementalQuantity struct {
	Qualifier string `json:"qualifier"`
	Quantity  string `json:"quantity"`
}

// ServicePayment is one 835 SVC loop (2110).
type ServicePayment struct {
	ProcedureQualifier string   `json:"procedureQualifier"` // SVC01-1
	ProcedureCode      string   `json:"procedureCode"`      // SVC01-2
	Modifiers          []string `json:"modifiers,omitempty"`
	Charge             Amount   `json:"charge"`                // SVC02
	Paid               Amount   `json:"paid"`                  // SVC03
	RevenueCode        string   `json:"revenueCode,omitempty"` // SVC04 (NUBC)
	Units              string   `json:"units,omitempty"`       // SVC05: units of service paid
	// SubmittedProcedure is SVC06: the procedure as the provider billed
	// it, when the payer adjudicated a different one.
	SubmittedProcedure *Procedure `json:"submittedProcedure,omitempty"`
	OriginalUnits      string     `json:"originalUnits,omitempty"` // SVC07: units billed, when they differ
	// ServiceDate is DTM*472 for one day, DTM*150/151 for a period.
	ServiceDate *Period      `json:"serviceDate,omitempty"`
	Adjustments []Adjustment `json:"adjustments,omitempty"`
	// References are the line's REFs (1S APG, APC, BB authorization, E9
	// attachment code, G1 prior authorization, G3 predetermination, LU
	// location, RB rate code).
	References []Reference `json:"references,omitempty"`
	// LineItemControlNumber is REF*6R: the 837 line it pays.
	LineItemControlNumber string `json:"lineItemControlNumber,omitempty"`
	// ProviderReferences are the rendering provider's REFs (0B, 1A-1J,
	// D3, G2, HPI, SY, TJ).
	ProviderReferences []Reference `json:"providerReferences,omitempty"`
	HealthcarePolicies []string    `json:"healthcarePolicies,omitempty"` // REF*0K: policy the line was judged by
	Allowed            *Amount     `json:"allowed,omitempty"`            // AMT*B6
	// Amounts are the line's other AMTs (KH late filing reduction, T tax,
	// T2 total before taxes, ZK-ZO Medicare categories).
	Amounts     []SupplementalAmount   `json:"amounts,omitempty"`
	Quantities  []SupplementalQuantity `json:"quantities,omitempty"`  // QTY ZK-ZO
	RemarkCodes []string               `json:"remarkCodes,omitempty"` // LQ*HE (RARC)
	// PharmacyRejectCodes are LQ*RX: NCPDP reject/payment codes.
	PharmacyRejectCodes []string `json:"pharmacyRejectCodes,omitempty"`
}

// Procedure is a qualified procedure code with its modifiers.
type Procedure struct {
	Qualifier   string   `json:"qualifier"` // HC (HCPCS/CPT), AD (ADA), NU (revenue code) ...
	Code        string   `json:"code"`
	Modifiers   []string `json:"modifiers,omitempty"`
	Description string   `json:"description,omitempty"` // component 7
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
// A PLB segment holds up to six; consecutive adjustments of one provider
// and fiscal date share a segment when written.
type ProviderAdjust struct {
	ProviderID string `json:"providerId"` // PLB01
	FiscalDate string `json:"fiscalDate"` // PLB02
	Reason     string `json:"reason"`     // PLB03-1 (e.g. L6 interest, WO overpayment recovery)
	Reference  string `json:"reference,omitempty"`
	Amount     Amount `json:"amount"`
}
