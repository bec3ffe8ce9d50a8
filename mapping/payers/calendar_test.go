package payers

import (
	"testing"
	"time"
	_ "time/tzdata" // America/New_York wherever the tests run
)

func TestDecisionDue(t *testing.T) {
	p := cigna(t)
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, ny) }
	tests := []struct {
		name     string
		complete time.Time
		urgent   bool
		want     time.Time
	}{
		{"Tuesday to Thursday", at(2024, time.March, 5, 10), false, at(2024, time.March, 7, 10)},
		{"Thursday across the weekend to Monday", at(2024, time.March, 7, 10), false, at(2024, time.March, 11, 10)},
		{"Friday across the weekend to Tuesday", at(2024, time.March, 8, 16), false, at(2024, time.March, 12, 16)},
		{"Saturday counts from Monday", at(2024, time.March, 9, 9), false, at(2024, time.March, 12, 9)},
		{"Wednesday before Independence Day skips it", at(2024, time.July, 3, 10), false, at(2024, time.July, 8, 10)},
		{"before Thanksgiving", at(2024, time.November, 27, 10), false, at(2024, time.December, 2, 10)},
		{"New Year's Day 2022 observed on Friday December 31", at(2021, time.December, 30, 10), false, at(2022, time.January, 4, 10)},
		{"clock time kept across the change to daylight time", at(2024, time.March, 8, 9), false, at(2024, time.March, 12, 9)},
		{"urgent: 72 hours, weekend or not", at(2024, time.March, 1, 16), true, at(2024, time.March, 4, 16)},
		{"urgent: 72 elapsed hours, so an hour later on the clock after the change to daylight time", at(2024, time.March, 8, 16), true, at(2024, time.March, 11, 17)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.DecisionDue(tt.complete, tt.urgent); !got.Equal(tt.want) {
				t.Errorf("DecisionDue(%v, %v) = %v, want %v", tt.complete, tt.urgent, got, tt.want)
			}
		})
	}
}

func TestDecisionDueOnWeekdaysCalendar(t *testing.T) {
	p := cigna(t)
	weekdays := *p
	weekdays.Decisions.Calendar = "weekdays"
	july3 := time.Date(2024, time.July, 3, 10, 0, 0, 0, time.UTC)
	if got, want := weekdays.DecisionDue(july3, false), time.Date(2024, time.July, 5, 10, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("weekdays calendar: %v, want %v (July 4 counted)", got, want)
	}
}

func TestFederalHolidays(t *testing.T) {
	// Observed dates published by OPM for 2024 and 2026 (2026: July 4 is a
	// Saturday, observed Friday July 3).
	want := map[int][]string{
		2024: {"0101", "0115", "0219", "0527", "0619", "0704", "0902", "1014", "1111", "1128", "1225"},
		2026: {"0101", "0119", "0216", "0525", "0619", "0703", "0907", "1012", "1111", "1126", "1225"},
	}
	for year, days := range want {
		expected := map[string]bool{}
		for _, d := range days {
			expected[d] = true
		}
		for d := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == year; d = d.AddDate(0, 0, 1) {
			if got := usFederalHoliday(d); got != expected[d.Format("0102")] {
				t.Errorf("%s: holiday %v, want %v", d.Format("2006-01-02"), got, !got)
			}
		}
	}
	if usFederalHoliday(time.Date(2020, time.June, 19, 0, 0, 0, 0, time.UTC)) {
		t.Error("Juneteenth 2020, before it was a federal holiday")
	}
	if !usFederalHoliday(time.Date(2021, time.December, 31, 0, 0, 0, 0, time.UTC)) {
		t.Error("December 31 2021, New Year's Day 2022 observed")
	}
}
