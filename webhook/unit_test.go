package webhook_test

import (
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/webhook"
)

func TestScheduleInItsTimeZone(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	daily, err := webhook.ParseSchedule(&edigw.DigestSchedule{Every: "daily", At: "07:30", Zone: "America/New_York"})
	if err != nil {
		t.Fatal(err)
	}
	// The night daylight saving starts (2026-03-08): the period is 23 hours.
	before := time.Date(2026, 3, 7, 8, 0, 0, 0, ny)
	next := daily.Next(before)
	if want := time.Date(2026, 3, 8, 7, 30, 0, 0, ny); !next.Equal(want) {
		t.Fatalf("next %s, want %s", next, want)
	}
	if d := next.Sub(daily.Start(next)); d != 23*time.Hour {
		t.Errorf("the period before %s lasts %s", next, d)
	}
	if at := daily.Next(next); !at.Equal(time.Date(2026, 3, 9, 7, 30, 0, 0, ny)) {
		t.Errorf("after the due time itself: %s", at)
	}
	weekly, err := webhook.ParseSchedule(&edigw.DigestSchedule{Every: "weekly", Weekday: "Monday", At: "00:00", Zone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	w := weekly.Next(time.Date(2026, 12, 4, 20, 0, 0, 0, time.UTC)) // a Friday
	if w.Weekday() != time.Monday || w.In(time.UTC) != time.Date(2026, 12, 6, 23, 0, 0, 0, time.UTC) {
		t.Errorf("weekly next %s", w)
	}
	if weekly.Start(w).Weekday() != time.Monday || w.Sub(weekly.Start(w)) != 7*24*time.Hour {
		t.Errorf("weekly period %s to %s", weekly.Start(w), w)
	}
	for _, bad := range []edigw.DigestSchedule{
		{Every: "daily", At: "24:00", Zone: "UTC"}, {Every: "daily", At: "7:30", Zone: "UTC"},
		{Every: "daily", At: "07:30", Weekday: "monday", Zone: "UTC"}, {Every: "weekly", At: "07:30", Zone: "UTC"},
		{Every: "daily", At: "07:30"}, {Every: "daily", At: "07:30", Zone: "Local"},
	} {
		if _, err := webhook.ParseSchedule(&bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}

func TestBackoffDoublesWithJitterUpToAnHour(t *testing.T) {
	if d := webhook.Backoff(1, 0); d != webhook.FirstRetry/2 {
		t.Errorf("first retry, least jitter: %s", d)
	}
	if d := webhook.Backoff(3, 0.999); d <= 19*time.Second || d > 20*time.Second {
		t.Errorf("third retry, most jitter: %s", d)
	}
	if d := webhook.Backoff(40, 0.999); d > webhook.MaxRetry || d < webhook.MaxRetry/2 {
		t.Errorf("a late retry: %s", d)
	}
}

func TestKindPatterns(t *testing.T) {
	for _, c := range []struct {
		patterns []string
		kind     string
		want     bool
	}{
		{nil, "claim.paid", true}, {[]string{"*"}, "file.failed", true}, {[]string{"claim.*"}, "claim.paid", true},
		{[]string{"claim.*"}, "claims.paid", false}, {[]string{"claim.paid"}, "claim.paid_out", false},
	} {
		if got := webhook.Matches(c.patterns, c.kind); got != c.want {
			t.Errorf("Matches(%v, %s) = %v", c.patterns, c.kind, got)
		}
	}
	if webhook.CheckKinds([]string{"claim.*", "file.failed", "*"}) != nil || webhook.CheckKinds([]string{"claim.**"}) == nil ||
		webhook.CheckKinds([]string{".*"}) == nil {
		t.Error("CheckKinds")
	}
}

func TestSealedKeysOpenOnlyWithTheirKey(t *testing.T) {
	s, err := webhook.NewSealer("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
	if err != nil {
		t.Fatal(err)
	}
	key, _ := webhook.NewKey()
	stored, sealed, err := s.Seal(key)
	if err != nil || !sealed || string(stored) == string(key) {
		t.Fatalf("sealed %v %v", sealed, err)
	}
	if got, err := s.Open(stored, true); err != nil || string(got) != string(key) {
		t.Fatalf("open: %v", err)
	}
	other, _ := webhook.NewSealer("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=")
	if _, err := other.Open(stored, true); err == nil {
		t.Fatal("opened with another key")
	}
	if _, err := (&webhook.Sealer{}).Open(stored, true); err == nil {
		t.Fatal("opened without a key")
	}
	if _, err := webhook.NewSealer("c2hvcnQ="); err == nil {
		t.Fatal("a short key accepted")
	}
}
