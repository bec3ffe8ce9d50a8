package storage

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/edigw/edigw"
)

// TestFeedsNeverSkip: while several ingests commit concurrently (each
// pausing between taking its IDs and COMMIT), a reader polling the event
// and remittance feeds with its cursor sees every entry.
func TestFeedsNeverSkip(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	testHookBeforeCommit = func() { time.Sleep(time.Duration(rand.IntN(3000)) * time.Microsecond) }
	t.Cleanup(func() { testHookBeforeCommit = nil })

	const writers, files = 6, 12
	var wg sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan error, writers)
	for w := range writers {
		wg.Go(func() {
			for f := range files {
				var claims []*edigw.Claim
				for c := range 1 + rand.IntN(5) {
					claims = append(claims, claim(fmt.Sprintf("W%d-F%d-C%d", w, f, c), tinA, npiA, 100, ""))
				}
				rm := remittance(fmt.Sprintf("EFT-%d-%d", w, f), tinA, npiA, payment(claims[0].PatientControlNumber, "1", 100, 100))
				if _, err := ingestFile(ctx, db, batch{claims: claims, rms: []*edigw.Remittance{rm}}); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	seenEvents := map[int64]bool{}
	seenRemits := map[int64]bool{}
	var evAfter, rmAfter int64
	poll := func() {
		evs, err := db.Events(ctx, evAfter, 7)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			seenEvents[e.ID] = true
			evAfter = e.ID
		}
		rms, err := db.Remittances(ctx, rmAfter, 3)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rms {
			seenRemits[r.ID] = true
			rmAfter = r.ID
		}
	}
	go func() { wg.Wait(); close(stop) }()
	for running := true; running; {
		select {
		case <-stop:
			running = false
		default:
			poll()
		}
	}
	close(errs)
	for err := range errs {
		t.Fatalf("ingest: %v", err)
	}
	for range 200 { // drain what is left
		poll()
	}

	all := allEvents(t, db, nil)
	var missed []int64
	for _, e := range all {
		if !seenEvents[e.ID] {
			missed = append(missed, e.ID)
		}
	}
	if len(missed) > 0 || len(seenEvents) != len(all) {
		t.Errorf("the reader missed %d of %d events: %v", len(missed), len(all), missed)
	}
	rms, err := db.Remittances(ctx, 0, MaxPage)
	if err != nil {
		t.Fatal(err)
	}
	if len(rms) != writers*files || len(seenRemits) != len(rms) {
		t.Errorf("the reader saw %d of %d remittances", len(seenRemits), len(rms))
	}
	// Each file's events are contiguous in the feed, in the order staged:
	// its claims, then its payment's status change, then its remittance.
	byFile := map[string][]edigw.Event{}
	for _, e := range all {
		var w, f int
		if _, err := fmt.Sscanf(e.Reference, "W%d-F%d-", &w, &f); err != nil {
			if _, err := fmt.Sscanf(e.Reference, "EFT-%d-%d", &w, &f); err != nil {
				t.Fatalf("event reference %q", e.Reference)
			}
		}
		key := fmt.Sprint(w, "/", f)
		byFile[key] = append(byFile[key], e)
	}
	for key, evs := range byFile {
		first, last := evs[0], evs[len(evs)-1]
		if last.ID-first.ID != int64(len(evs)-1) || last.Kind != edigw.EventRemittance || evs[len(evs)-2].Kind != edigw.EventClaimPaid {
			t.Errorf("file %s: events %d..%d for %d events, last %s", key, first.ID, last.ID, len(evs), last.Kind)
		}
	}
}
