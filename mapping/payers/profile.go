package payers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/edigw/edigw"
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
	OtherDays int    `json:"otherDays"`
	Note      string `json:"note,omitempty"`
}

// Decisions are the reviewer's turnaround times.
type Decisions struct {
	// StandardBusinessDays count from when clinical information is complete.
	StandardBusinessDays int `json:"standardBusinessDays"`
	UrgentHours          int `json:"urgentHours"`
	// Calendar names the business days: "weekdays" (Monday to Friday) or
	// "us-federal" (weekdays except US federal holidays, as observed).
	Calendar string `json:"calendar"`
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

func (p *Profile) check() error {
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	if p.PayerID == "" {
		fail("payerId is missing")
	}
	if p.Name == "" {
		fail("name is missing")
	}
	pa := p.PriorAuthorization
	for _, pos := range pa.ExcludedPlacesOfService {
		if !twoDigits(pos) {
			fail("excludedPlacesOfService: %q is not a two-digit place of service", pos)
		}
	}
	for _, bt := range pa.ExcludedBillTypes {
		if !twoDigits(bt) {
			fail("excludedBillTypes: %q is not a two-digit facility type", bt)
		}
	}
	if pa.DMEPlaceOfService != "" && !twoDigits(pa.DMEPlaceOfService) {
		fail("dmePlaceOfService: %q is not a two-digit place of service", pa.DMEPlaceOfService)
	}
	if len(pa.Categories) == 0 {
		fail("priorAuthorization.categories is empty")
	}
	names := map[string]bool{}
	for i, c := range pa.Categories {
		where := fmt.Sprintf("category %d (%s)", i+1, c.Name)
		if c.Name == "" {
			fail("%s: name is missing", where)
		}
		if names[c.Name] {
			fail("%s: the name is used twice", where)
		}
		names[c.Name] = true
		if c.Kind != KindDME && c.Kind != KindHomeHealth {
			fail("%s: kind %q is neither %q nor %q", where, c.Kind, KindDME, KindHomeHealth)
		}
		if len(c.Codes) == 0 && len(c.RevenueCodes) == 0 {
			fail("%s: no codes and no revenue codes", where)
		}
		for _, rc := range c.RevenueCodes {
			if !validRevenueCode(string(rc)) {
				fail("%s: revenue code %q is not four digits or three and X", where, rc)
			}
		}
		if len(c.RevenueCodes) > 0 && len(c.BillTypes) == 0 {
			fail("%s: revenue codes need the bill types they apply to", where)
		}
		for _, bt := range c.BillTypes {
			if !twoDigits(bt) {
				fail("%s: bill type %q is not a two-digit facility type", where, bt)
			}
		}
		for _, pos := range c.PlacesOfService {
			if !twoDigits(pos) {
				fail("%s: place of service %q is not two digits", where, pos)
			}
		}
		if c.Acquisition != "" && c.Acquisition != Purchase && c.Acquisition != DailyRental && c.Acquisition != MonthlyRental {
			fail("%s: acquisition %q is not purchase, daily_rental or monthly_rental", where, c.Acquisition)
		}
		if c.Source == "" {
			fail("%s: source is missing", where)
		}
	}
	errs = append(errs, overlaps(pa.Categories)...)

	seen := map[string]bool{}
	for _, m := range p.Modifiers {
		if len(m.Code) != 2 {
			fail("modifier %q is not two characters", m.Code)
		}
		if seen[m.Code] {
			fail("modifier %s is listed twice", m.Code)
		}
		seen[m.Code] = true
		switch m.Acquisition {
		case "", Purchase, Rental, MonthlyRental:
		default:
			fail("modifier %s: acquisition %q is not purchase, rental or monthly_rental", m.Code, m.Acquisition)
		}
	}

	v := p.Validity
	if v.PurchaseDays <= 0 || v.DailyRentalDays <= 0 || v.OtherDays <= 0 || v.MonthlyRentalExtraMonths < 0 {
		fail("validity: purchaseDays, dailyRentalDays and otherDays must be positive, monthlyRentalExtraMonths not negative")
	}
	d := p.Decisions
	if d.StandardBusinessDays <= 0 || d.UrgentHours <= 0 {
		fail("decisions: standardBusinessDays and urgentHours must be positive")
	}
	if _, ok := calendars[d.Calendar]; !ok {
		fail("decisions: calendar %q is neither \"weekdays\" nor \"us-federal\"", d.Calendar)
	}
	a := p.Appeals
	if a.FilingDays <= 0 || a.ExpeditedHours <= 0 || a.StandardCustomerDays <= 0 || a.StandardProviderDays <= 0 {
		fail("appeals: filingDays, expeditedHours, standardCustomerDays and standardProviderDays must be positive")
	}
	return errors.Join(errs...)
}

// overlaps reports a code or revenue code that two category entries claim:
// a line must fall in one category at most, or the category a finding names
// would depend on the order of the file.
func overlaps(cats []Category) []error {
	type owned struct {
		cat   string
		codes CodeRange
		pos   []string
	}
	var errs []error
	var all []owned
	for _, c := range cats {
		for _, r := range c.Codes {
			for _, o := range all {
				if r.Overlaps(o.codes) && sharePlaces(c.PlacesOfService, o.pos) {
					errs = append(errs, fmt.Errorf("codes %s of %q overlap %s of %q", r, c.Name, o.codes, o.cat))
				}
			}
			all = append(all, owned{c.Name, r, c.PlacesOfService})
		}
	}
	type ownedRev struct {
		cat string
		rc  RevenueCode
	}
	var revs []ownedRev
	for _, c := range cats {
		for _, rc := range c.RevenueCodes {
			if !validRevenueCode(string(rc)) {
				continue
			}
			for _, o := range revs {
				if rc.Overlaps(o.rc) {
					errs = append(errs, fmt.Errorf("revenue code %s of %q overlaps %s of %q", rc, c.Name, o.rc, o.cat))
				}
			}
			revs = append(revs, ownedRev{c.Name, rc})
		}
	}
	return errs
}

// sharePlaces says whether two place-of-service limits can both hold: an
// empty limit is every place.
func sharePlaces(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

func twoDigits(s string) bool { return len(s) == 2 && allDigits(s) }
