package webhook_test

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/webhook"
)

// A revoked token's subscription stops; redelivery of one event and from
// a cursor send again what the token may read, and only that.
func TestRevokedTokensStopAndRedeliveries(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	a := e.token("A", "111111111", "", edigw.EntitleClaims)
	r := newReceiver(t)
	sub, _ := e.subscribe(a, r.srv.URL, nil, nil)
	w := e.worker("one")
	first := e.event(edigw.EventClaimAccepted, "claim", 1, "accepted", "111111111", "")
	others := e.event(edigw.EventClaimAccepted, "claim", 2, "accepted", "222222222", "") // B's
	second := e.event(edigw.EventClaimAccepted, "claim", 3, "accepted", "111111111", "")
	drain(t, w)

	// One event again, and one the token cannot read (dropped unsent).
	if err := e.db.RedeliverEvent(ctx, a.ID, sub.ID, first); err != nil {
		t.Fatal(err)
	}
	if err := e.db.RedeliverEvent(ctx, a.ID, sub.ID, others); err != nil {
		t.Fatal(err)
	}
	drain(t, w)
	if got := eventIDs(r.messages()); !slices.Equal(got, []int64{first, second, first}) {
		t.Fatalf("after redelivering one: %v", got)
	}
	// From the start again.
	if err := e.db.RewindWebhook(ctx, a.ID, sub.ID, 0); err != nil {
		t.Fatal(err)
	}
	drain(t, w)
	if got := eventIDs(r.messages()); !slices.Equal(got, []int64{first, second, first, first, second}) {
		t.Fatalf("after rewinding: %v", got)
	}

	// Revoked: nothing more, and the subscription says so.
	if err := e.db.RevokeToken(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	e.event(edigw.EventClaimPaid, "claim", 1, "paid", "111111111", "")
	drain(t, w)
	if n := len(r.messages()); n != 5 {
		t.Fatalf("%d messages after the token was revoked, want 5", n)
	}
	if s, err := e.db.Webhook(ctx, 0, sub.ID); err != nil || s.State != "stopped" {
		t.Fatalf("state %+v %v, want stopped", s, err)
	}
}

// A delivery dials nothing the policy refuses, whatever the subscription
// holds: here the receiver is the gateway's own address.
func TestDeliveriesDialOnlyWhatThePolicyAllows(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	a := e.token("A", "111111111", "", edigw.EntitleClaims)
	r := newReceiver(t)
	sub, _ := e.subscribe(a, r.srv.URL, nil, nil)
	e.event(edigw.EventClaimAccepted, "claim", 1, "accepted", "111111111", "")
	u, _ := url.Parse(r.srv.URL)
	w := e.worker("one")
	w.Client = (&webhook.Policy{AllowHTTP: true, Self: u.Host}).Client(webhook.DefaultTimeout)
	if _, err := w.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if len(r.messages()) != 0 {
		t.Fatal("delivered to the gateway's own address")
	}
	log, err := e.db.WebhookDeliveries(ctx, a.ID, sub.ID, 0, 10)
	if err != nil || len(log) != 1 || log[0].Outcome != "retry" || !strings.HasPrefix(log[0].Error, "refused") ||
		strings.Contains(log[0].Error, u.Host) {
		t.Fatalf("log %+v %v", log, err)
	}
	// Without --allow-http-webhooks, no loopback either.
	w.Client = (&webhook.Policy{}).Client(webhook.DefaultTimeout)
	e.clock.Add(webhook.MaxRetry)
	if _, err := w.RunOnce(ctx); err != nil || len(r.messages()) != 0 {
		t.Fatalf("delivered to a loopback address without allow-http: %v", err)
	}
}

// The metrics are registered under their documented names.
func TestMetricsNames(t *testing.T) {
	e := newEnv(t)
	reg := prometheus.NewRegistry()
	webhook.NewMetrics(reg, e.db, nil)
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, mf := range mfs {
		names = append(names, mf.GetName())
	}
	for _, want := range []string{"edigw_webhook_deliveries_total", "edigw_webhook_queue_depth", "edigw_webhook_subscriptions"} {
		if !slices.Contains(names, want) {
			t.Errorf("no %s in %v", want, names)
		}
	}
}
