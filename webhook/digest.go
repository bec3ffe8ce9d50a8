package webhook

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/edigw/edigw"
)

// Errors of a digest schedule; none repeats the value given.
var (
	ErrEvery   = errors.New("digest.every must be daily or weekly")
	ErrAt      = errors.New("digest.at must be a time of day HH:MM")
	ErrWeekday = errors.New("digest.weekday must be a day of the week (monday ... sunday) for a weekly digest, and absent for a daily one")
	ErrZone    = errors.New("digest.timeZone must be an IANA time zone (America/New_York)")
)

var weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}

// Schedule is a checked digest schedule.
type Schedule struct {
	weekly  bool
	weekday time.Weekday
	hour    int
	minute  int
	loc     *time.Location
}

// ParseSchedule checks a digest schedule.
func ParseSchedule(d *edigw.DigestSchedule) (*Schedule, error) {
	s := &Schedule{}
	switch d.Every {
	case "daily":
		if d.Weekday != "" {
			return nil, ErrWeekday
		}
	case "weekly":
		wd, ok := weekdays[strings.ToLower(d.Weekday)]
		if !ok {
			return nil, ErrWeekday
		}
		s.weekly, s.weekday = true, wd
	default:
		return nil, ErrEvery
	}
	var h, m int
	if len(d.At) != 5 || d.At[2] != ':' {
		return nil, ErrAt
	}
	if _, err := fmt.Sscanf(d.At, "%02d:%02d", &h, &m); err != nil || h > 23 || m > 59 || h < 0 || m < 0 {
		return nil, ErrAt
	}
	s.hour, s.minute = h, m
	if d.Zone == "" || d.Zone == "Local" {
		return nil, ErrZone
	}
	loc, err := time.LoadLocation(d.Zone)
	if err != nil {
		return nil, ErrZone
	}
	s.loc = loc
	return s, nil
}

// Next is the end of the first period that ends after t: the next time
// of day (and weekday) in the zone, strictly after t.
func (s *Schedule) Next(t time.Time) time.Time {
	lt := t.In(s.loc)
	c := time.Date(lt.Year(), lt.Month(), lt.Day(), s.hour, s.minute, 0, 0, s.loc)
	for !c.After(t) || (s.weekly && c.Weekday() != s.weekday) {
		c = time.Date(c.Year(), c.Month(), c.Day()+1, s.hour, s.minute, 0, 0, s.loc)
	}
	return c
}

// Start is the start of the period that ends at end: the same time of day
// a day (or a week) earlier in the zone, whatever daylight saving did.
func (s *Schedule) Start(end time.Time) time.Time {
	le := end.In(s.loc)
	days := 1
	if s.weekly {
		days = 7
	}
	return time.Date(le.Year(), le.Month(), le.Day()-days, s.hour, s.minute, 0, 0, s.loc)
}

// Digest is the data of a digest delivery: the period and, for claims and
// authorizations in the token's feed, the subjects whose latest event in
// the period left them at each status, counted, with their IDs (at most
// MaxDigestIDs each). It carries what the feed carries (IDs and statuses),
// no more.
type Digest struct {
	From           time.Time                `json:"from"`
	To             time.Time                `json:"to"`
	Claims         map[string]*DigestStatus `json:"claims"`
	Authorizations map[string]*DigestStatus `json:"authorizations"`
}

// DigestStatus counts the subjects at one status.
type DigestStatus struct {
	Count     int      `json:"count"`
	IDs       []string `json:"ids"`
	Truncated bool     `json:"truncated,omitempty"`
}

// MaxDigestIDs bounds the IDs listed per status.
const MaxDigestIDs = 1000
