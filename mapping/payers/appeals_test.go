package payers

import (
	"testing"
	"time"
)

func TestAppealDeadline(t *testing.T) {
	p := cigna(t)
	denied := time.Date(2024, time.January, 15, 14, 30, 0, 0, time.UTC)
	if got, want := p.AppealDeadline(denied), time.Date(2024, time.July, 13, 14, 30, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("AppealDeadline = %v, want %v (180 days)", got, want)
	}
}

func TestAppealTurnaround(t *testing.T) {
	p := cigna(t)
	tests := []struct {
		kind AppealKind
		want time.Duration
	}{
		{AppealExpedited, 72 * time.Hour},
		{AppealStandardCustomer, 30 * 24 * time.Hour},
		{AppealStandardProvider, 60 * 24 * time.Hour},
		{"external", 0},
	}
	for _, tt := range tests {
		if got := p.AppealTurnaround(tt.kind); got != tt.want {
			t.Errorf("AppealTurnaround(%s) = %v, want %v", tt.kind, got, tt.want)
		}
	}
}
