package clearinghouse

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/edigw/edigw"
)

// TestServeRaisesOverdueAcknowledgments: a sent 837P left unanswered is
// reported once per kind as the clock passes its partner's windows (999
// after 24 hours, 277CA after 72), by whichever of two instances looks
// first, from the Serve loop; a look within OverdueEvery of the last one
// does not ask the store.
func TestServeRaisesOverdueAcknowledgments(t *testing.T) {
	db := openStore(t, testDatabase(t))
	objs := openObjects(t, objectsSpec("dir:"+t.TempDir()))
	queueSynthClaims(t, db, 3, 1)
	var mu sync.Mutex
	clock := time.Now()
	now := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return clock
	}
	advance := func(d time.Duration) {
		mu.Lock()
		clock = clock.Add(d)
		mu.Unlock()
	}
	a, b := pipelineOn(db, objs), pipelineOn(db, objs)
	a.Now, b.Now = now, now
	if _, err := a.FlushOutbound(context.Background()); err != nil {
		t.Fatal(err)
	}
	overdue := func() []string {
		var out []string
		evs, err := db.Events(context.Background(), 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			if e.Kind == edigw.EventAckOverdue {
				out = append(out, e.Status)
			}
		}
		return out
	}
	a.checkOverdue(context.Background())
	if got := overdue(); len(got) != 0 {
		t.Fatalf("at once: %v", got)
	}
	// Past the 999's window, both instances serve until the event is in.
	advance(25 * time.Hour)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for _, p := range []*Pipeline{a, b} {
		wg.Go(func() { serveUntil(t, p, context.Background(), stop, 5*time.Millisecond) })
	}
	deadline := time.Now().Add(time.Minute)
	for len(overdue()) == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // a few more loops of each
	close(stop)
	wg.Wait()
	if got := overdue(); len(got) != 1 || got[0] != "999" {
		t.Fatalf("after 25 hours: %v", got)
	}
	advance(48 * time.Hour)
	a.OverdueEvery = 100 * time.Hour
	a.checkOverdue(context.Background()) // looked 48 hours ago: not yet
	if got := overdue(); len(got) != 1 {
		t.Fatalf("within OverdueEvery: %v", got)
	}
	b.checkOverdue(context.Background())
	b.checkOverdue(context.Background())
	if got := overdue(); len(got) != 2 || got[1] != "277CA" {
		t.Fatalf("after 73 hours: %v", got)
	}
}
