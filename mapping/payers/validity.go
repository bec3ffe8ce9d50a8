package payers

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/edigw/edigw"
)

// Acquisition is how an item is supplied, which decides how long its
// authorization holds.
type Acquisition string

const (
	Purchase      Acquisition = "purchase"
	Rental        Acquisition = "rental" // a modifier's word: daily or monthly by the unit basis
	DailyRental   Acquisition = "daily_rental"
	MonthlyRental Acquisition = "monthly_rental"
	// Unspecified is a service that is neither bought nor rented, such as
	// a home health visit.
	Unspecified Acquisition = ""
)

// AcquisitionOf reads how a requested service is supplied: from its
// modifiers first (KI/KJ capped rental months are monthly; RR is a rental,
// daily when the unit basis is one of DailyUnitBases (DA), else monthly;
// NU/UE are purchases), then from the usual acquisition of the service's
// category.
func (p *Profile) AcquisitionOf(qualifier, code string, modifiers []string, unitBasis string) Acquisition {
	var rental, monthly, purchase bool
	for _, m := range modifiers {
		switch p.modifier(m).Acquisition {
		case Rental:
			rental = true
		case MonthlyRental:
			monthly = true
		case Purchase:
			purchase = true
		}
	}
	switch {
	case monthly:
		return MonthlyRental
	case rental && slices.Contains(p.DailyUnitBases, unitBasis):
		return DailyRental
	case rental:
		return MonthlyRental
	case purchase:
		return Purchase
	}
	if c, ok := p.categoryOfCode(qualifier, code); ok {
		return c.Acquisition
	}
	return Unspecified
}

func (p *Profile) modifier(code string) Modifier {
	code = strings.ToUpper(strings.TrimSpace(code))
	for _, m := range p.Modifiers {
		if m.Code == code {
			return m
		}
	}
	return Modifier{}
}

// AuthorizationValidThrough returns the last day (CCYYMMDD) an approved
// authorization covers service s of request a.
//
// An end date the decision gives (the service's, else the event's DTP*036
// or the end of its DTP*007 range) is the reviewer's word and wins.
// Otherwise the profile's rule runs from the start of the effective period
// (the service's, else the event's decision; failing both, the service's
// dates): purchases and daily rentals hold PurchaseDays/DailyRentalDays,
// monthly rentals the approved months (the service's quantity) plus
// MonthlyRentalExtraMonths, anything else OtherDays. The end is start plus
// that span, the day itself included: the payer's documents say "valid
// 90 days" without saying whether the first day counts, and a warning
// should not fire on a day the payer may well accept.
func (p *Profile) AuthorizationValidThrough(a *edigw.AuthorizationRequest, s *edigw.RequestedService) (string, error) {
	if a == nil || s == nil {
		return "", errors.New("no authorization or service")
	}
	if end := explicitEnd(a, s); end != "" {
		if _, err := parseDate(end); err != nil {
			return "", fmt.Errorf("the decision's end date: %w", err)
		}
		return end, nil
	}
	startText := validityStart(a, s)
	if startText == "" {
		return "", errors.New("no effective date in the decision and no service date to count from")
	}
	start, err := parseDate(startText)
	if err != nil {
		return "", fmt.Errorf("the effective date: %w", err)
	}
	var end time.Time
	switch p.AcquisitionOf(s.ProcedureQualifier, s.ProcedureCode, s.Modifiers, s.UnitBasis) {
	case Purchase:
		end = start.AddDate(0, 0, p.Validity.PurchaseDays)
	case DailyRental:
		end = start.AddDate(0, 0, p.Validity.DailyRentalDays)
	case MonthlyRental:
		months, err := wholeMonths(s.Quantity)
		if err != nil {
			return "", fmt.Errorf("the monthly rental: %w", err)
		}
		end = addMonths(start, months+p.Validity.MonthlyRentalExtraMonths)
	default:
		end = start.AddDate(0, 0, p.Validity.OtherDays)
	}
	return end.Format(dateLayout), nil
}

// validityStart is the first day an authorization covers.
func validityStart(a *edigw.AuthorizationRequest, s *edigw.RequestedService) string {
	for _, d := range []*edigw.Decision{s.Decision, a.Decision} {
		if d != nil && d.EffectivePeriod != nil && d.EffectivePeriod.From != "" {
			return d.EffectivePeriod.From
		}
	}
	for _, per := range []*edigw.Period{s.Period, a.EventPeriod} {
		if per != nil && per.From != "" {
			return per.From
		}
	}
	return ""
}

func explicitEnd(a *edigw.AuthorizationRequest, s *edigw.RequestedService) string {
	for _, d := range []*edigw.Decision{s.Decision, a.Decision} {
		if d != nil && d.EffectivePeriod != nil && d.EffectivePeriod.To != "" {
			return d.EffectivePeriod.To
		}
	}
	return ""
}

// wholeMonths reads an approved quantity of rental months: a positive whole
// number, possibly written with decimals ("3", "3.0").
func wholeMonths(quantity string) (int, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(quantity), 64)
	if err != nil || f <= 0 || f != float64(int(f)) {
		return 0, errors.New("the approved quantity is not a whole number of months")
	}
	return int(f), nil
}

// addMonths adds months to a date, keeping the day of the month where the
// target month has it and the month's last day otherwise (January 31 plus
// one month is February 28 or 29, not March 3 as time.AddDate gives).
func addMonths(t time.Time, months int) time.Time {
	first := time.Date(t.Year(), t.Month()+time.Month(months), 1, 0, 0, 0, 0, t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(t.Day(), last)-1)
}

// Retrospective says whether a request was made after the date of service
// (the payer reviews those as retrospective requests). Both dates are
// CCYYMMDD; a request date may carry a time (CCYYMMDDHHMM, as BHT04-05 run
// together), which is ignored. Dates that do not parse are not
// retrospective.
func (p *Profile) Retrospective(requestDate, serviceDate string) bool {
	req, err1 := parseDate(datePart(requestDate))
	svc, err2 := parseDate(datePart(serviceDate))
	return err1 == nil && err2 == nil && req.After(svc)
}

const dateLayout = "20060102"

func parseDate(s string) (time.Time, error) {
	if len(s) != 8 || !allDigits(s) {
		return time.Time{}, errors.New("the date is not a CCYYMMDD date")
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}, errors.New("the date is not a CCYYMMDD date")
	}
	return t, nil
}

// datePart is the CCYYMMDD of a date with a time after it.
func datePart(s string) string {
	if len(s) > 8 && allDigits(s) {
		return s[:8]
	}
	return s
}
