package webhook_test

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/internal/testenv"
	"github.com/edigw/edigw/webhook"
)

// Two instances (two workers with leases of their own) deliver four
// subscriptions' events together: each event reaches each subscription
// once, in feed order.
func TestTwoInstancesDeliverEachEventOnce(t *testing.T) {
	e := newEnv(t)
	r := newReceiver(t)
	var want []int64
	for i := range 4 {
		tin := strconv.Itoa(100000000 + i)
		e.subscribe(e.token("T"+tin, tin, "", edigw.EntitleClaims), r.srv.URL+"/"+strconv.Itoa(i), nil, nil)
	}
	for n := range 100 {
		want = append(want, e.event(edigw.EventClaimAccepted, "claim", int64(n), "accepted", strconv.Itoa(100000000+n%4), ""))
	}
	one, two := e.worker("instance-1"), e.worker("instance-2")
	one.Page, two.Page = 7, 7 // many leases each
	var wg sync.WaitGroup
	for _, w := range []*webhook.Worker{one, two} {
		wg.Go(func() { drain(t, w) })
	}
	wg.Wait()
	got := r.messages()
	if len(got) != len(want) {
		t.Fatalf("%d deliveries of %d events", len(got), len(want))
	}
	// In order per subscription: each receiver path's IDs ascend.
	per := map[string][]int64{}
	for _, m := range got {
		per[m.Event.TIN] = append(per[m.Event.TIN], m.Event.ID)
	}
	for tin, ids := range per {
		if !slices.IsSorted(ids) || len(ids) != 25 {
			t.Errorf("provider %s: %d events, in order %v", tin, len(ids), slices.IsSorted(ids))
		}
	}
}

// The receiver is down for 10 minutes (the clock moves, nobody waits)
// while events keep coming; once it is back it receives every one, in
// order.
func TestReceiverDownTenMinutesGetsEverythingAfter(t *testing.T) {
	e := newEnv(t)
	a := e.token("A", "111111111", "", edigw.EntitleClaims)
	r := newReceiver(t)
	e.subscribe(a, r.srv.URL, nil, nil)
	w := e.worker("one")
	var want []int64
	r.setStatus(func(received) int { return http.StatusServiceUnavailable })
	for minute := range 10 {
		for n := range 20 {
			want = append(want, e.event(edigw.EventClaimAccepted, "claim", int64(minute*100+n), "accepted", "111111111", ""))
		}
		drain(t, w)
		e.clock.Add(time.Minute)
	}
	if len(r.messages()) != 0 {
		t.Fatal("a receiver answering 503 kept messages")
	}
	r.setStatus(func(received) int { return http.StatusOK })
	e.clock.Add(webhook.MaxRetry) // the next retry is due by then
	drain(t, w)
	if got := eventIDs(r.messages()); !slices.Equal(got, want) {
		t.Fatalf("after the outage: %d events %v..., want %d", len(got), got[:min(5, len(got))], len(want))
	}
}

// A digest per period, once across two instances, for the token's claims
// and authorizations only.
func TestDigestOncePerPeriodAcrossInstances(t *testing.T) {
	e := newEnv(t)
	a := e.token("A", "111111111", "", edigw.EntitleClaims, edigw.EntitlePrecertification)
	r := newReceiver(t)
	sched := &edigw.DigestSchedule{Every: "daily", At: "07:30", Zone: "America/New_York"}
	sub, key := e.subscribe(a, r.srv.URL, []string{"nothing.*"}, sched) // no event kind: digests only
	e.event(edigw.EventClaimSubmitted, "claim", 1, "submitted", "111111111", "")
	e.event(edigw.EventClaimAccepted, "claim", 1, "accepted", "111111111", "")
	e.event(edigw.EventClaimRejected, "claim", 2, "rejected", "111111111", "")
	e.event(edigw.EventClaimAccepted, "claim", 3, "accepted", "111111111", "")
	e.event(edigw.EventAuthApproved, "authorization", 5, "approved", "111111111", "")
	e.event(edigw.EventClaimPaid, "claim", 9, "paid", "222222222", "") // B's

	s, _ := webhook.ParseSchedule(sched)
	due := s.Next(e.clock.Now())
	one, two := e.worker("instance-1"), e.worker("instance-2")
	drain(t, one)
	if len(r.messages()) != 0 {
		t.Fatal("a digest before its time")
	}
	e.clock.Set(due.Add(time.Minute))
	var wg sync.WaitGroup
	for _, w := range []*webhook.Worker{one, two} {
		wg.Go(func() { drain(t, w) })
	}
	wg.Wait()
	drain(t, one)
	got := r.messages()
	if len(got) != 1 || got[0].Type != "digest" {
		t.Fatalf("%d messages after the first period, want one digest", len(got))
	}
	if got[0].ID != "digest_"+strconv.FormatInt(sub.ID, 10)+"_"+strconv.FormatInt(due.Unix(), 10) {
		t.Errorf("webhook-id %s", got[0].ID)
	}
	if err := webhook.Verify(webhook.Secret(key), got[0].ID, got[0].Timestamp, got[0].Signature, got[0].Body, e.clock.Now(), time.Minute); err != nil {
		t.Fatal(err)
	}
	var msg struct {
		Data webhook.Digest `json:"data"`
	}
	if err := json.Unmarshal(got[0].Body, &msg); err != nil {
		t.Fatal(err)
	}
	d := msg.Data
	if !d.To.Equal(due) || !d.From.Equal(due.AddDate(0, 0, -1)) {
		t.Errorf("period %s to %s, want the day to %s", d.From, d.To, due)
	}
	if c := d.Claims["accepted"]; c == nil || c.Count != 2 || !slices.Equal(c.IDs, []string{"1", "3"}) {
		t.Errorf("accepted claims %+v", c)
	}
	if c := d.Claims["rejected"]; c == nil || c.Count != 1 {
		t.Errorf("rejected claims %+v", c)
	}
	if d.Claims["paid"] != nil || d.Claims["submitted"] != nil || len(d.Claims) != 2 {
		t.Errorf("claims %+v: B's paid claim, or a status a later event replaced", d.Claims)
	}
	if c := d.Authorizations["approved"]; c == nil || c.Count != 1 || c.IDs[0] != "5" {
		t.Errorf("authorizations %+v", d.Authorizations)
	}
	// The next day, the next period's digest, once.
	e.clock.Add(24 * time.Hour)
	drain(t, two)
	drain(t, one)
	if got := r.messages(); len(got) != 2 || got[1].ID == got[0].ID {
		t.Fatalf("%d messages after the second period, want two digests", len(got))
	}
}

// The crash test runs a worker in a child process (this test binary) that
// is killed with SIGKILL right after a receiver took a message, before
// the worker saved its cursor: the next worker (after the lease expired)
// delivers that message again, and everything after it. Nothing is lost.
const (
	crashEnv       = "EDIGW_WEBHOOK_CRASH_DB"
	crashMarkerEnv = "EDIGW_WEBHOOK_CRASH_MARKER"
)

func TestCrashMidDeliveryRedeliversNeverLoses(t *testing.T) {
	e := newEnv(t)
	a := e.token("A", "111111111", "", edigw.EntitleClaims)
	r := newReceiver(t)
	e.subscribe(a, r.srv.URL, nil, nil)
	var want []int64
	for n := range 10 {
		want = append(want, e.event(edigw.EventClaimAccepted, "claim", int64(n), "accepted", "111111111", ""))
	}

	testenv.KillChildAt(t, "TestCrashChild", "the crash point", crashMarkerEnv, crashEnv+"="+e.url)
	before := eventIDs(r.messages())
	if len(before) != 3 {
		t.Fatalf("the child delivered %v before the crash, want 3", before)
	}

	// The child's lease holds until it expires; then this worker takes
	// the subscription over from the saved cursor.
	w := e.worker("survivor")
	w.Now = func() time.Time { return time.Now().Add(webhook.DefaultLease + time.Second) }
	drain(t, w)
	got := eventIDs(r.messages())
	if !slices.Equal(got[len(before):], want) {
		t.Fatalf("after the crash: %v, want every event %v again from the cursor", got[len(before):], want)
	}
}

// TestCrashChild is the child of the crash test: it delivers with a real
// clock and stops for good after the third message was answered.
func TestCrashChild(t *testing.T) {
	url := os.Getenv(crashEnv)
	if url == "" {
		t.Skip("the child of TestCrashMidDeliveryRedeliversNeverLoses")
	}
	e := openEnv(t, url)
	w := e.worker("doomed")
	w.Now = time.Now
	sent := 0
	w.Hook = func(point string) {
		if point != "sent" {
			return
		}
		if sent++; sent == 3 {
			if err := os.WriteFile(os.Getenv(crashMarkerEnv), nil, 0o600); err != nil {
				t.Error(err)
			}
			select {} // killed here
		}
	}
	_, _ = w.RunOnce(context.Background())
	t.Fatal("the child was not stopped at its crash point")
}
