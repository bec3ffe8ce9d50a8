package clearinghouse

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

// eachAtOnce runs every item, never more than n at once, and returns the
// first error; after one, the items not yet started are not started.
func TestEachAtOnce(t *testing.T) {
	items := make([]int, 50)
	for i := range items {
		items[i] = i
	}
	var running, most, done atomic.Int32
	err := eachAtOnce(context.Background(), 4, items, func(int) error {
		now := running.Add(1)
		for {
			m := most.Load()
			if now <= m || most.CompareAndSwap(m, now) {
				break
			}
		}
		done.Add(1)
		running.Add(-1)
		return nil
	})
	if err != nil || done.Load() != 50 || most.Load() > 4 {
		t.Errorf("err %v, %d done, %d at once at most", err, done.Load(), most.Load())
	}

	boom := errors.New("boom")
	done.Store(0)
	err = eachAtOnce(context.Background(), 1, items, func(i int) error {
		done.Add(1)
		if i == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || done.Load() > 5 {
		t.Errorf("err %v after %d items, want boom after about 4", err, done.Load())
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	done.Store(0)
	if err := eachAtOnce(ctx, 2, items, func(int) error { done.Add(1); return nil }); !errors.Is(err, context.Canceled) || done.Load() != 0 {
		t.Errorf("cancelled: err %v, %d done", err, done.Load())
	}
}
