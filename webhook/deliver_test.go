package webhook_test

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/webhook"
)

// Two providers, A and B, each with a token and a subscription: each
// receives its own events, in feed order, signed with its own key, and
// never the other's.
func TestDeliversEachTokensFeedInOrderSigned(t *testing.T) {
	e := newEnv(t)
	a := e.token("A", "111111111", "1111111112", edigw.EntitleClaims)
	b := e.token("B", "222222222", "2222222224", edigw.EntitleClaims, edigw.EntitlePrecertification)
	ra, rb := newReceiver(t), newReceiver(t)
	_, keyA := e.subscribe(a, ra.srv.URL, nil, nil)
	_, keyB := e.subscribe(b, rb.srv.URL, []string{"claim.*", "authorization.approved"}, nil)

	var wantA, wantB []int64
	for i := range 30 {
		wantA = append(wantA, e.event(edigw.EventClaimAccepted, "claim", int64(i), "accepted", "111111111", ""))
		wantB = append(wantB, e.event(edigw.EventClaimRejected, "claim", int64(100+i), "rejected", "", "2222222224"))
		e.event(edigw.EventAuthDenied, "authorization", int64(i), "denied", "222222222", "") // B, not subscribed
		e.event(edigw.EventRemittance, "remittance", int64(i), "received", "111111111", "")  // A, not entitled
		e.event(edigw.EventAckUnmatched, "file", int64(i), "unmatched", "", "")              // operators
		wantB = append(wantB, e.event(edigw.EventAuthApproved, "authorization", int64(i), "approved", "222222222", ""))
	}
	drain(t, e.worker("one"))

	check := func(name string, r *receiver, key []byte, want []int64) {
		t.Helper()
		got := r.messages()
		if ids := eventIDs(got); !slices.Equal(ids, want) {
			t.Fatalf("%s received events %v, want %v", name, ids, want)
		}
		secret := webhook.Secret(key)
		for _, m := range got {
			if err := webhook.Verify(secret, m.ID, m.Timestamp, m.Signature, m.Body, e.clock.Now(), 5*time.Minute); err != nil {
				t.Fatalf("%s: message %s does not verify: %v", name, m.ID, err)
			}
			if m.ID != "evt_"+itoa(m.Event.ID) {
				t.Fatalf("%s: webhook-id %s for event %d", name, m.ID, m.Event.ID)
			}
		}
	}
	check("A", ra, keyA, wantA)
	check("B", rb, keyB, wantB)
	// A's key does not sign B's messages.
	m := rb.messages()[0]
	if err := webhook.Verify(webhook.Secret(keyA), m.ID, m.Timestamp, m.Signature, m.Body, e.clock.Now(), 5*time.Minute); err == nil {
		t.Fatal("B's message verifies with A's key")
	}
}

// 5xx, 408, 429 and connection errors are retried with growing delays;
// another 4xx is given up for that event and delivery goes on; 24 hours
// of failures disable the subscription with an operator event.
func TestRetriesBackoffAndDisabling(t *testing.T) {
	e := newEnv(t)
	a := e.token("A", "111111111", "", edigw.EntitleClaims)
	r := newReceiver(t)
	sub, _ := e.subscribe(a, r.srv.URL, nil, nil)
	w := e.worker("one")
	ctx := context.Background()

	// A 400 for the first event: logged failed, the second delivered.
	first := e.event(edigw.EventClaimAccepted, "claim", 1, "accepted", "111111111", "")
	second := e.event(edigw.EventClaimAccepted, "claim", 2, "accepted", "111111111", "")
	r.setStatus(func(m received) int {
		if m.Event.ID == first {
			return http.StatusBadRequest
		}
		return http.StatusOK
	})
	drain(t, w)
	if ids := eventIDs(r.messages()); !slices.Equal(ids, []int64{second}) {
		t.Fatalf("received %v, want %v", ids, []int64{second})
	}

	// 503s: each retry waits longer; nothing is leased before it is due.
	third := e.event(edigw.EventClaimPaid, "claim", 3, "paid", "111111111", "")
	for _, code := range []int{503, 500, 408, 429} {
		r.setStatus(func(received) int { return code })
		if worked, err := w.RunOnce(ctx); err != nil || !worked {
			t.Fatalf("RunOnce: %v %v", worked, err)
		}
		if worked, _ := w.RunOnce(ctx); worked {
			t.Fatal("a subscription was leased again before its retry was due")
		}
		e.clock.Add(webhook.MaxRetry)
	}
	r.setStatus(func(received) int { return http.StatusOK })
	drain(t, w)
	if ids := eventIDs(r.messages()); !slices.Equal(ids, []int64{second, third}) {
		t.Fatalf("received %v, want %v", ids, []int64{second, third})
	}
	log, err := e.db.WebhookDeliveries(ctx, a.ID, sub.ID, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var outcomes []string
	for _, d := range log {
		outcomes = append(outcomes, d.Outcome)
	}
	want := []string{"failed", "delivered", "retry", "retry", "retry", "retry", "delivered"}
	if !slices.Equal(outcomes, want) {
		t.Fatalf("delivery log %v, want %v", outcomes, want)
	}
	if log[6].Attempt != 5 {
		t.Fatalf("the fifth attempt is numbered %d", log[6].Attempt)
	}

	// Down for good: the subscription is disabled after 24 hours.
	r.srv.Close()
	e.event(edigw.EventClaimPaid, "claim", 4, "paid", "111111111", "")
	for range 200 {
		if worked, _ := w.RunOnce(ctx); !worked {
			e.clock.Add(30 * time.Minute)
		}
	}
	s, err := e.db.Webhook(ctx, a.ID, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s.State != "disabled" {
		t.Fatalf("state %s after days of failures, want disabled", s.State)
	}
	ops, err := e.db.OperatorEvents(ctx, 0, 100, []edigw.EventKind{edigw.EventWebhookDisabled})
	if err != nil || len(ops) != 1 || ops[0].SubjectID != sub.ID {
		t.Fatalf("operator events %+v, %v: want one webhook.disabled", ops, err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// A lease that saves its cursor on the way (every 200 deliveries) goes on
// saving it: each event is delivered once, however long the page.
func TestLongPagesDeliverEachEventOnce(t *testing.T) {
	e := newEnv(t)
	a := e.token("A", "111111111", "", edigw.EntitleClaims)
	r := newReceiver(t)
	e.subscribe(a, r.srv.URL, nil, nil)
	var want []int64
	for n := range 1100 {
		want = append(want, int64(n))
	}
	e.events(len(want), "111111111")
	w := e.worker("one")
	w.Page = 0 // the default, 500: saves inside each page
	drain(t, w)
	got := eventIDs(r.messages())
	if len(got) != len(want) || !slices.IsSorted(got) || got[0]+int64(len(got))-1 != got[len(got)-1] {
		t.Fatalf("%d deliveries of %d events (in order, each once: %v)", len(got), len(want), slices.IsSorted(got))
	}
}
