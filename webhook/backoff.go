package webhook

import (
	"math/rand/v2"
	"time"
)

// Retry policy: a failed message is tried again after a delay that doubles
// with each attempt (5 s, 10 s, 20 s ... at most an hour), each delay
// drawn at random between half and all of it, so that receivers coming
// back are not hit by every sender at once. A subscription whose head
// message has failed for GiveUpAfter is disabled.
const (
	FirstRetry  = 5 * time.Second
	MaxRetry    = time.Hour
	GiveUpAfter = 24 * time.Hour
)

// Backoff is the delay before attempt n+1 after n failed attempts (n >= 1);
// jitter is a number in [0, 1).
func Backoff(n int, jitter float64) time.Duration {
	d := FirstRetry
	for i := 1; i < n && d < MaxRetry; i++ {
		d *= 2
	}
	d = min(d, MaxRetry)
	return d/2 + time.Duration(jitter*float64(d/2))
}

func randomJitter() float64 { return rand.Float64() }
