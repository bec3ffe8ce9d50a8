package edi

import "testing"

// TestControlNumbersFindRepeats: whatever the order, a number used twice
// is found, and numbers that differ only in leading zeros are different.
func TestControlNumbersFindRepeats(t *testing.T) {
	var c controlNumbers
	seq := []struct {
		id   string
		seen bool
	}{
		{"0001", false}, {"0002", false}, {"0003", false}, {"0002", true},
		{"0010", false}, {"0005", false}, {"0005", true}, {"0010", true},
		{"001", false}, {"0001", true}, {"00001", false}, {"A001", false}, {"A001", true},
		{"0011", false}, {"0004", false}, {"0004", true}, {"0011", true},
	}
	for _, s := range seq {
		if got := c.add(s.id); got != s.seen {
			t.Errorf("add(%s) = %v, want %v", s.id, got, s.seen)
		}
	}
	var d controlNumbers
	for i := 1; i <= 400_000; i++ {
		if d.add(pad6(i)) {
			t.Fatalf("%d seen before", i)
		}
	}
	if len(d.runs) != 1 || len(d.other) != 0 {
		t.Errorf("400,000 numbers in order take %d runs and %d map entries, want 1 and 0", len(d.runs), len(d.other))
	}
	if !d.add(pad6(200_000)) {
		t.Error("a repeat inside the run is not found")
	}
}

func pad6(i int) string {
	b := []byte("000000")
	for j := 5; j >= 0 && i > 0; j-- {
		b[j] = byte('0' + i%10)
		i /= 10
	}
	return string(b)
}
