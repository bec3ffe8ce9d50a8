package edigw

import (
	"encoding/json"
	"testing"
)

func TestAmountRoundTrip(t *testing.T) {
	for in, want := range map[string]Amount{"125": 12500, "125.5": 12550, "125.05": 12505, "0.07": 7, "-1.27": -127, ".5": 50, "0": 0} {
		got, err := ParseAmount(in)
		if err != nil || got != want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d", in, got, err, want)
		}
		if back, _ := ParseAmount(got.String()); back != got {
			t.Errorf("%q does not round-trip through %q", in, got.String())
		}
	}
	for _, bad := range []string{"", "-", "1.234", "1,5", "abc", "1e5", "."} {
		if _, err := ParseAmount(bad); err == nil {
			t.Errorf("ParseAmount(%q) accepted", bad)
		}
	}
}

func TestAmountJSONIsAString(t *testing.T) {
	b, _ := json.Marshal(struct{ A Amount }{12550})
	if string(b) != `{"A":"125.5"}` {
		t.Errorf("got %s", b)
	}
	var v struct{ A Amount }
	if err := json.Unmarshal([]byte(`{"A":"-1.27"}`), &v); err != nil || v.A != -127 {
		t.Errorf("got %d %v", v.A, err)
	}
}
