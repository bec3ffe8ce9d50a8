package clearinghouse

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/clearinghouse/internal/faults"
	"github.com/edigw/edigw/fixtures/synth"
)

// serveUntil runs Serve in a goroutine and waits for it to return.
func serveUntil(t *testing.T, p *Pipeline, ctx context.Context, stop <-chan struct{}, interval time.Duration) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.Serve(ctx, stop, interval)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("Serve did not return")
	}
}

// TestServeGracefulStop: closing stop while a file is in hand (its first
// batch loaded) lets that file run to its outcome, archived with all its
// claims, and takes no other file.
func TestServeGracefulStop(t *testing.T) {
	records := &faults.Records{DB: openStore(t, testDatabase(t))}
	objs := openObjects(t, objectsSpec("dir:"+t.TempDir()))
	putBytes(t, objs, "a.x12", synthBytes(t, synth.Kind837P, 5, 1))
	putBytes(t, objs, "b.x12", synthBytes(t, synth.Kind837P, 5, 2))
	stop := make(chan struct{})
	closeStop := sync.OnceFunc(func() { close(stop) })
	records.AfterLoad = func(int) error { closeStop(); return nil }
	p := pipelineOn(records, objs)
	p.BatchSize = 1
	serveUntil(t, p, context.Background(), stop, time.Hour)

	if got := keys(t, objs, Cigna.Inbound()); len(got) != 1 || got[0] != Cigna.Inbound()+"b.x12" {
		t.Errorf("inbound/ holds %v, want b.x12 alone (not taken after the stop)", got)
	}
	if k := restingOf(t, records, "a.x12"); !strings.HasPrefix(k, Cigna.Archive()) {
		t.Errorf("the file in hand rests at %s, want archive/", k)
	}
	if c := counts(t, records.DB); c["claims"] != 5 {
		t.Errorf("%d claims stored, want the file in hand's 5", c["claims"])
	}
}

// TestServeAbandons: ending ctx while a file is in hand abandons it: its
// transaction rolls back, nothing of it is stored, and it stays in
// inbound/ for the next poll, which takes it whole.
func TestServeAbandons(t *testing.T) {
	records := &faults.Records{DB: openStore(t, testDatabase(t))}
	objs := openObjects(t, objectsSpec("dir:"+t.TempDir()))
	putBytes(t, objs, "a.x12", synthBytes(t, synth.Kind837P, 5, 1))
	ctx, abandon := context.WithCancel(context.Background())
	defer abandon()
	records.AfterLoad = func(int) error { abandon(); return nil }
	p := pipelineOn(records, objs)
	p.BatchSize = 1
	serveUntil(t, p, ctx, make(chan struct{}), time.Hour)

	if got := keys(t, objs, Cigna.Inbound()); len(got) != 1 {
		t.Errorf("inbound/ holds %v, want the abandoned file", got)
	}
	if c := counts(t, records.DB); c["claims"] != 0 || c["files"] != 0 {
		t.Errorf("an abandoned file left %d claims and %d ledger entries", c["claims"], c["files"])
	}
	records.AfterLoad = nil
	if outs, err := p.PollOnce(context.Background()); err != nil || len(outs) != 1 || outs[0].Status != edigw.FileArchived {
		t.Fatalf("the next poll: %v %v", outs, err)
	}
}

// TestServeCountsFailures: a file whose download keeps failing stays in
// inbound/ and is counted in Stats (edigw_inbound_failures_total) while
// Serve goes on with the others and with the outbound queue.
func TestServeCountsFailures(t *testing.T) {
	db := openStore(t, testDatabase(t))
	objs := &faults.Objects{ObjectStore: openObjects(t, objectsSpec("dir:"+t.TempDir()))}
	objs.Before = func(op faults.Op, key string) error {
		if op == faults.Get && strings.HasSuffix(key, "/bad.x12") {
			return errors.New("injected: the object store is away")
		}
		return nil
	}
	putBytes(t, objs, "bad.x12", synthBytes(t, synth.Kind837P, 2, 1))
	putBytes(t, objs, "good.x12", synthBytes(t, synth.Kind837P, 2, 2))
	queueSynthClaims(t, db, 3, 3)
	p := pipelineOn(db, objs)
	p.Retry = Retry{Attempts: 2, First: time.Millisecond, Ceil: time.Millisecond}
	stop := make(chan struct{})
	go func() {
		defer close(stop)
		for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if st := p.Stats(); st.Failures >= 2 && st.Outbound >= 1 {
				return
			}
		}
	}()
	serveUntil(t, p, context.Background(), stop, 10*time.Millisecond)

	st := p.Stats()
	if st.Failures < 2 || st.Files[edigw.FileArchived] != 1 || st.Outbound < 1 {
		t.Errorf("stats %+v: want the bad file's failures counted at each poll, the good file archived, the queue flushed", st)
	}
	if got := keys(t, objs, Cigna.Inbound()); len(got) != 1 || got[0] != Cigna.Inbound()+"bad.x12" {
		t.Errorf("inbound/ holds %v, want bad.x12 alone", got)
	}
}
