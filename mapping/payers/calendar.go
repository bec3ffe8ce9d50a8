package payers

import "time"

// calendars name the business-day rules a profile may choose. They are
// general (not one payer's), so they are code; which one a payer uses is
// data.
var calendars = map[string]func(time.Time) bool{
	"weekdays":   isWeekday,
	"us-federal": func(d time.Time) bool { return isWeekday(d) && !usFederalHoliday(d) },
}

// DecisionDue is when the reviewer's decision is due for a request whose
// clinical information was complete at complete: urgent requests within
// UrgentHours (72, around the clock), standard ones at the same clock time
// on the StandardBusinessDays-th business day after (2 for 62308). Business
// days are the profile's calendar: weekdays, and for "us-federal" (62308)
// not the US federal holidays as observed (a Saturday holiday on the
// Friday before, a Sunday one on the Monday after). State holidays and
// the reviewer's own closures are not known and not skipped.
func (p *Profile) DecisionDue(complete time.Time, urgent bool) time.Time {
	if urgent {
		return complete.Add(time.Duration(p.Decisions.UrgentHours) * time.Hour)
	}
	business := calendars[p.Decisions.Calendar]
	due := complete
	for n := 0; n < p.Decisions.StandardBusinessDays; {
		due = due.AddDate(0, 0, 1)
		if business(due) {
			n++
		}
	}
	return due
}

func isWeekday(d time.Time) bool {
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// usFederalHoliday says whether d is a day federal offices close for a
// holiday (5 U.S.C. 6103): the day itself, or the weekday it is observed on.
func usFederalHoliday(d time.Time) bool {
	y, m, day := d.Date()
	// New Year's Day of next year falls on a Saturday: observed December 31.
	for _, year := range []int{y, y + 1} {
		for _, h := range federalHolidays(year) {
			hy, hm, hd := h.Date()
			if hy == y && hm == m && hd == day {
				return true
			}
		}
	}
	return false
}

// federalHolidays lists a year's federal holidays on the days they are
// observed.
func federalHolidays(year int) []time.Time {
	date := func(m time.Month, d int) time.Time { return time.Date(year, m, d, 0, 0, 0, 0, time.UTC) }
	observed := func(t time.Time) time.Time {
		switch t.Weekday() {
		case time.Saturday:
			return t.AddDate(0, 0, -1)
		case time.Sunday:
			return t.AddDate(0, 0, 1)
		}
		return t
	}
	// nth weekday of a month (n = -1: the last).
	nth := func(m time.Month, wd time.Weekday, n int) time.Time {
		if n < 0 {
			last := date(m+1, 1).AddDate(0, 0, -1)
			return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7))
		}
		first := date(m, 1)
		return first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
	}
	days := []time.Time{
		observed(date(time.January, 1)),      // New Year's Day
		nth(time.January, time.Monday, 3),    // Birthday of Martin Luther King, Jr.
		nth(time.February, time.Monday, 3),   // Washington's Birthday
		nth(time.May, time.Monday, -1),       // Memorial Day
		observed(date(time.July, 4)),         // Independence Day
		nth(time.September, time.Monday, 1),  // Labor Day
		nth(time.October, time.Monday, 2),    // Columbus Day
		observed(date(time.November, 11)),    // Veterans Day
		nth(time.November, time.Thursday, 4), // Thanksgiving Day
		observed(date(time.December, 25)),    // Christmas Day
	}
	if year >= 2021 {
		days = append(days, observed(date(time.June, 19))) // Juneteenth, a federal holiday since 2021
	}
	return days
}
