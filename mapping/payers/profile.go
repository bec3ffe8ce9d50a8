package payers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping/codes"
)

// Profile is one payer's prior-authorization rules, read from its JSON
// file. The format is described in the package documentation.
type Profile struct {
	PayerID edigw.PayerID `json:"payerId"`
	Name    string        `json:"name"`
	// Reviewer is who decides the payer's prior authorizations (a
	// utilization management organization such as EviCore), for messages.
	Reviewer string `json:"reviewer,omitempty"`
	// Sources name the documents the profile's facts come from.
	Sources []string `json:"sources,omitempty"`

	PriorAuthorization PriorAuthorization `json:"priorAuthorization"`
	// Modifiers are the HCPCS modifiers that say how equipment is supplied.
	Modifiers []Modifier `json:"modifiers"`
	// DailyUnitBases are the unit bases (SV103, SV204) that make a rental
	// a daily one; any other rental is monthly.
	DailyUnitBases []string  `json:"dailyUnitBases"`
	Validity       Validity  `json:"validity"`
	Decisions      Decisions `json:"decisions"`
	Appeals        Appeals   `json:"appeals"`
	// LinesOfBusiness are the payer's lines of business, which of them
	// the regulatory clock covers, and how a request's is found
	// (lifecycle.go, decisions/0022).
	LinesOfBusiness LinesOfBusiness `json:"linesOfBusiness"`
	// DenialReasons describe the HCR03 codes the payer's reviewer uses,
	// for the JSON view of a denial.
	DenialReasons DenialReasons `json:"denialReasons"`
	// Duplicates says what a duplicate claim does (duplicates.go).
	Duplicates Duplicates `json:"duplicates,omitempty"`
}

// PriorAuthorization says which services need an approved authorization
// and where they are exempt.
type PriorAuthorization struct {
	// ExcludedPlacesOfService are CMS place of service codes where no
	// service needs prior authorization under this profile (hospital,
	// nursing facility and surgical settings for 62308).
	ExcludedPlacesOfService []string `json:"excludedPlacesOfService"`
	// ExcludedBillTypes are the same for institutional claims: facility
	// type codes, the first two digits of the type of bill (837I CLM05-1).
	ExcludedBillTypes []string `json:"excludedBillTypes"`
	// DMEPlaceOfService is where durable medical equipment must be billed
	// (12, home, for 62308); empty when the payer does not say.
	DMEPlaceOfService string     `json:"dmePlaceOfService,omitempty"`
	Categories        []Category `json:"categories"`
	// Findings say what each rule's findings do to a claim (policy.go):
	// warn (the default for a rule not named) or reject with a 277CA
	// status.
	Findings map[string]FindingPolicy `json:"findings,omitempty"`
}

// Kind is the family a category belongs to.
type Kind string

const (
	KindDME        Kind = "dme"         // durable medical equipment, prosthetics, orthotics, supplies
	KindHomeHealth Kind = "home_health" // nursing, therapies, social work and aides at home
)

// Category is a group of services that needs prior authorization.
type Category struct {
	Name string `json:"name"`
	Kind Kind   `json:"kind"`
	// Codes are the HCPCS and CPT codes of the category.
	Codes []CodeRange `json:"codes"`
	// PlacesOfService, when set, limit Codes to these places of service:
	// a CPT therapy code is a home service only when given at home.
	PlacesOfService []string `json:"placesOfService,omitempty"`
	// RevenueCodes put institutional lines in the category by their
	// revenue code, but only on claims whose type of bill is among
	// BillTypes (home health agencies bill 032x/033x/034x).
	RevenueCodes []RevenueCode `json:"revenueCodes,omitempty"`
	BillTypes    []string      `json:"billTypes,omitempty"`
	// Acquisition is how the category's items are usually supplied, used
	// when a requested service's modifiers do not say.
	Acquisition Acquisition `json:"acquisition,omitempty"`
	// Source says where the code list comes from.
	Source string `json:"source"`
}

// Modifier is a HCPCS modifier and what it says about how an item is
// supplied.
type Modifier struct {
	Code    string `json:"code"`
	Meaning string `json:"meaning"`
	// Acquisition is purchase, rental (daily or monthly by the unit basis)
	// or monthly_rental; empty when the modifier does not decide it (KH
	// marks a purchase or a first rental month).
	Acquisition Acquisition `json:"acquisition,omitempty"`
}

// Validity is how long an approved authorization holds when the decision
// names no end date.
type Validity struct {
	PurchaseDays    int `json:"purchaseDays"`
	DailyRentalDays int `json:"dailyRentalDays"`
	// MonthlyRentalExtraMonths are added to the approved months.
	MonthlyRentalExtraMonths int `json:"monthlyRentalExtraMonths"`
	// OtherDays applies to services that are neither purchases nor
	// rentals (home health visits).
	OtherDays int `json:"otherDays"`
	// ExpiringDays is how many days before validThrough the
	// authorization.expiring event is emitted.
	ExpiringDays int    `json:"expiringDays"`
	Note         string `json:"note,omitempty"`
}

// Decisions are the reviewer's turnaround times.
type Decisions struct {
	// StandardBusinessDays count from when clinical information is complete.
	StandardBusinessDays int `json:"standardBusinessDays"`
	UrgentHours          int `json:"urgentHours"`
	// Calendar names the business days: "weekdays" (Monday to Friday) or
	// "us-federal" (weekdays except US federal holidays, as observed).
	Calendar string `json:"calendar"`
	// HoldDays is when missing information is due, counted in calendar
	// days from the pended decision, when neither the response nor the
	// payer side names a date (0: no due date then).
	HoldDays int `json:"holdDays,omitempty"`
}

// DenialReasons describe the HCR03 codes a payer's reviewer uses beyond
// X12's list (external code source 886, codes.DecisionReason), or words
// them its own way: code -> description. A code in neither is kept and
// shown without a description.
type DenialReasons struct {
	Codes map[string]string `json:"codes,omitempty"`
	Note  string            `json:"note,omitempty"`
}

// Describe returns a reason code's description: the profile's, else
// X12's, "" when neither knows it.
func (d DenialReasons) Describe(code string) string {
	if s, ok := d.Codes[code]; ok {
		return s
	}
	return codes.DecisionReason.Describe(code)
}

// Appeals are the deadlines after an adverse decision.
type Appeals struct {
	FilingDays           int    `json:"filingDays"`
	ExpeditedHours       int    `json:"expeditedHours"`
	StandardCustomerDays int    `json:"standardCustomerDays"`
	StandardProviderDays int    `json:"standardProviderDays"`
	Note                 string `json:"note,omitempty"`
}

// Parse reads one profile and checks it: unknown fields, malformed code
// ranges, codes claimed by two categories, missing durations and unknown
// names are all errors, so a profile that loads is one the checks can use.
func Parse(r io.Reader) (*Profile, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var p Profile
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("payer profile: %w", err)
	}
	if dec.More() {
		return nil, errors.New("payer profile: more than one JSON value")
	}
	if err := p.check(); err != nil {
		if p.PayerID != "" {
			return nil, fmt.Errorf("payer profile %s: %w", p.PayerID, err)
		}
		return nil, fmt.Errorf("payer profile: %w", err)
	}
	return &p, nil
}

// ParseBytes is Parse over a byte slice.
func ParseBytes(b []byte) (*Profile, error) { return Parse(bytes.NewReader(b)) }
