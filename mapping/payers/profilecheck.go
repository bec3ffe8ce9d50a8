package payers

import (
	"errors"
	"fmt"
	"slices"
)

// check is what Parse asks of a profile beyond being JSON of the right
// shape: every error at once, so a profile author fixes them in one go.
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
	errs = append(errs, checkFindings(pa.Findings)...)

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
	if v.ExpiringDays < 0 || p.Decisions.HoldDays < 0 {
		fail("validity.expiringDays and decisions.holdDays must not be negative")
	}
	errs = append(errs, p.checkLines()...)
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
