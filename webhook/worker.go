package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"go.uber.org/zap"

	"github.com/edigw/edigw"
)

// Store is what delivery asks of the records store (storage.DB).
type Store interface {
	// LeaseWebhook leases the subscription whose turn it is among those
	// with something to deliver (events after the cursor, a digest due, a
	// redelivery queued) whose retry is due and whose token is live at
	// now, for leaseFor; nil when none.
	LeaseWebhook(ctx context.Context, owner string, now time.Time, leaseFor time.Duration) (*edigw.WebhookLease, error)
	// WebhookFeed is the token's event feed, as GET /v1/events serves it
	// for the subscription's kinds (edigw.FeedSubjects): events with ID >
	// after in ID order, at most limit.
	WebhookFeed(ctx context.Context, tok *edigw.Token, kinds []string, after int64, limit int) ([]edigw.Event, error)
	// LastEventID is the greatest event ID committed.
	LastEventID(ctx context.Context) (int64, error)
	// WebhookRedeliveries lists the event IDs queued to be sent again.
	WebhookRedeliveries(ctx context.Context, subscription int64) ([]int64, error)
	// DigestCounts summarizes the token's claims and authorizations with
	// events in [from, to), by status.
	DigestCounts(ctx context.Context, tok *edigw.Token, from, to time.Time, maxIDs int) ([]edigw.DigestCount, error)
	// SaveWebhook saves a worker's progress; ErrLeaseLost when the lease
	// is no longer the worker's.
	SaveWebhook(ctx context.Context, p *edigw.WebhookProgress) error
}

// ErrLeaseLost: another worker took the subscription over (this one's
// lease expired): it stops, and the other delivers again from the cursor.
var ErrLeaseLost = edigw.ErrLeaseLost

// Defaults of a Worker.
const (
	DefaultLease   = time.Minute
	DefaultPage    = 500
	DefaultTimeout = 15 * time.Second
	// saveEvery bounds the deliveries between two saves of the cursor: a
	// crash delivers again at most these.
	saveEvery = 200
)

// Worker delivers leased subscriptions, one at a time.
type Worker struct {
	Store  Store
	Sealer *Sealer
	// Owner names the worker in leases (host, process and worker number).
	Owner  string
	Client *http.Client
	// Now is the clock (nil: time.Now); tests move it instead of waiting.
	Now func() time.Time
	// Jitter draws the retry jitter in [0, 1) (nil: random).
	Jitter  func() float64
	Lease   time.Duration
	Page    int
	Log     *zap.Logger
	Metrics *Metrics
	// Hook, when set, is called at named points of a delivery (tests:
	// "sent" after a message was answered, before the cursor is saved).
	Hook func(point string)
}

func (w *Worker) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

func (w *Worker) jitter() float64 {
	if w.Jitter != nil {
		return w.Jitter()
	}
	return randomJitter()
}

func (w *Worker) leaseFor() time.Duration {
	if w.Lease > 0 {
		return w.Lease
	}
	return DefaultLease
}

func (w *Worker) page() int {
	if w.Page > 0 {
		return w.Page
	}
	return DefaultPage
}

func (w *Worker) log() *zap.Logger {
	if w.Log != nil {
		return w.Log
	}
	return zap.NewNop()
}

// Run delivers until stop is closed or ctx ends, waiting idle between
// rounds that found nothing to do. The lease in hand is finished first.
func (w *Worker) Run(ctx context.Context, stop <-chan struct{}, idle time.Duration) {
	for {
		select {
		case <-stop:
			return
		case <-ctx.Done():
			return
		default:
		}
		worked, err := w.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			w.log().Warn("webhook delivery", zap.Error(err))
		}
		if worked && err == nil {
			continue
		}
		t := time.NewTimer(idle)
		select {
		case <-stop:
			t.Stop()
			return
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// RunOnce leases one subscription with work due and delivers what is due
// for it: the digest, the redeliveries, then a page of the feed. It
// reports whether it leased one.
func (w *Worker) RunOnce(ctx context.Context) (bool, error) {
	l, err := w.Store.LeaseWebhook(ctx, w.Owner, w.now(), w.leaseFor())
	if err != nil || l == nil {
		return false, err
	}
	return true, w.work(ctx, l)
}

// run is the delivery of one lease.
type run struct {
	w    *Worker
	l    *edigw.WebhookLease
	key  []byte
	p    edigw.WebhookProgress
	sent int // deliveries since the last save
}

func (w *Worker) work(ctx context.Context, l *edigw.WebhookLease) error {
	r := &run{w: w, l: l, p: edigw.WebhookProgress{
		SubscriptionID: l.Subscription.ID, Owner: w.Owner, LeaseFor: w.leaseFor(),
		OldCursor: l.Subscription.Cursor, Cursor: l.Subscription.Cursor, DigestDue: l.DigestDue,
		Attempts: l.Attempts, FailingSince: l.Subscription.FailingSince,
	}}
	key, err := w.Sealer.Open(l.Secret, l.Sealed)
	if err != nil {
		// Not the receiver's fault, nor fixed by retrying soon: an
		// operator must configure the key. Try again in an hour.
		w.log().Error("webhook signing key", zap.Int64("subscription", l.Subscription.ID), zap.Error(err))
		next := w.now().Add(MaxRetry)
		r.p.NextAttempt, r.p.Release, r.p.Now = &next, true, w.now()
		return w.Store.SaveWebhook(ctx, &r.p)
	}
	r.key = key
	if done, err := r.digest(ctx); err != nil || !done {
		return r.finish(ctx, err)
	}
	if done, err := r.redeliveries(ctx); err != nil || !done {
		return r.finish(ctx, err)
	}
	return r.finish(ctx, r.feed(ctx))
}

// finish saves the progress and releases the lease; err is the delivery's.
func (r *run) finish(ctx context.Context, err error) error {
	r.p.Release, r.p.Now = true, r.w.now()
	if serr := r.w.Store.SaveWebhook(context.WithoutCancel(ctx), &r.p); serr != nil {
		return errors.Join(err, serr)
	}
	r.p.Deliveries = nil
	return err
}

// save saves the progress so far and keeps the lease.
func (r *run) save(ctx context.Context) error {
	r.p.Release, r.p.Now = false, r.w.now()
	if err := r.w.Store.SaveWebhook(ctx, &r.p); err != nil {
		return err
	}
	// The saved cursor is the one the next save expects to find (a
	// rewind meanwhile made it another: then the rewind wins).
	r.p.OldCursor = r.p.Cursor
	r.p.Deliveries, r.p.Redelivered, r.sent = nil, nil, 0
	return nil
}

// digest sends the digest when one is due; done is false when it failed
// and will be retried (nothing after it is sent meanwhile).
func (r *run) digest(ctx context.Context) (bool, error) {
	due, sched := r.l.DigestDue, r.l.Subscription.Digest
	if due == nil || sched == nil || r.w.now().Before(*due) {
		return true, nil
	}
	s, err := ParseSchedule(sched)
	if err != nil {
		return false, err
	}
	from := s.Start(*due)
	counts, err := r.w.Store.DigestCounts(ctx, &r.l.Token, from, *due, MaxDigestIDs)
	if err != nil {
		return false, err
	}
	d := &Digest{From: from.UTC(), To: due.UTC(), Claims: map[string]*DigestStatus{}, Authorizations: map[string]*DigestStatus{}}
	for _, c := range counts {
		st := &DigestStatus{Count: c.Count, Truncated: c.Count > len(c.IDs)}
		for _, id := range c.IDs {
			st.IDs = append(st.IDs, strconv.FormatInt(id, 10))
		}
		switch c.Subject {
		case "claim":
			d.Claims[c.Status] = st
		case "authorization":
			d.Authorizations[c.Status] = st
		}
	}
	id := fmt.Sprintf("digest_%d_%d", r.l.Subscription.ID, due.Unix())
	if !r.deliver(ctx, id, 0, edigw.EventDigest, due.UTC(), d) {
		return false, nil
	}
	next := s.Next(*due)
	r.p.DigestDue = &next
	return true, nil
}

// redeliveries sends the events queued to be sent again.
func (r *run) redeliveries(ctx context.Context) (bool, error) {
	ids, err := r.w.Store.WebhookRedeliveries(ctx, r.l.Subscription.ID)
	if err != nil {
		return false, err
	}
	for _, id := range ids {
		evs, err := r.w.Store.WebhookFeed(ctx, &r.l.Token, r.l.Subscription.Kinds, id-1, 1)
		if err != nil {
			return false, err
		}
		// An event the token cannot read (out of scope, or none) is
		// dropped from the queue unsent.
		if len(evs) == 1 && evs[0].ID == id {
			if !r.deliver(ctx, messageID(&evs[0]), id, evs[0].Kind, evs[0].At, evs[0]) {
				return false, nil
			}
		}
		r.p.Redelivered = append(r.p.Redelivered, id)
	}
	return true, nil
}

// feed sends a page of the feed after the cursor.
func (r *run) feed(ctx context.Context) error {
	last, err := r.w.Store.LastEventID(ctx)
	if err != nil {
		return err
	}
	page := r.w.page()
	evs, err := r.w.Store.WebhookFeed(ctx, &r.l.Token, r.l.Subscription.Kinds, r.p.Cursor, page)
	if err != nil {
		return err
	}
	// Every event up to last is visible (IDs are handed out in commit
	// order), so a short page means the token has nothing else up to
	// last and the cursor may pass it, skipping other providers' events
	// for good.
	through := last
	if len(evs) == page {
		through = evs[len(evs)-1].ID
	}
	for i := range evs {
		ev := &evs[i]
		if ev.ID > last {
			through = last
			break
		}
		if Matches(r.l.Subscription.Kinds, string(ev.Kind)) {
			if !r.deliver(ctx, messageID(ev), ev.ID, ev.Kind, ev.At, ev) {
				return nil
			}
		}
		r.p.Cursor = ev.ID
		if r.sent >= saveEvery {
			if err := r.save(ctx); err != nil {
				return err
			}
		}
	}
	r.p.Cursor = max(r.p.Cursor, through)
	return nil
}

// messageID is an event's webhook-id: the same for every delivery of it,
// to every subscription, so receivers deduplicate by it.
func messageID(ev *edigw.Event) string { return "evt_" + strconv.FormatInt(ev.ID, 10) }

// message is a delivery's body.
type message struct {
	Type      edigw.EventKind `json:"type"`
	Timestamp time.Time       `json:"timestamp"`
	Data      any             `json:"data"`
}

// deliver sends one message and records the attempt; it reports whether
// the run may go on past it (delivered, or refused for good by a 4xx).
// When it may not, the retry (or the disabling) is in the progress.
func (r *run) deliver(ctx context.Context, id string, eventID int64, kind edigw.EventKind, at time.Time, data any) bool {
	body, err := json.Marshal(message{Type: kind, Timestamp: at.UTC(), Data: data})
	if err != nil {
		panic(err) // our own types
	}
	start := r.w.now()
	d := edigw.Delivery{MessageID: id, EventID: eventID, Kind: kind, Attempt: r.p.Attempts + 1, At: start}
	code, retryAfter, err := r.post(ctx, id, start, body)
	d.Seconds = r.w.now().Sub(start).Seconds()
	d.StatusCode = code
	if r.w.Hook != nil {
		r.w.Hook("sent")
	}
	ok := err == nil && code >= 200 && code < 300
	switch {
	case ok:
		d.Outcome = "delivered"
		r.w.Metrics.delivered(d.Seconds, r.w.now().Sub(at))
	case err == nil && !retryable(code):
		d.Outcome, d.Error = "failed", "the receiver answered "+strconv.Itoa(code)+": not retried"
		r.w.Metrics.outcome("failed", d.Seconds)
	default:
		if err != nil {
			d.Error = err.Error()
		} else {
			d.Error = "the receiver answered " + strconv.Itoa(code)
		}
		now := r.w.now()
		if r.p.FailingSince == nil {
			r.p.FailingSince = &start
		}
		r.p.Attempts++
		if now.Sub(*r.p.FailingSince) >= GiveUpAfter {
			d.Outcome, r.p.Disable = "abandoned", true
			r.w.log().Warn("webhook subscription disabled: failing for 24 hours", zap.Int64("subscription", r.l.Subscription.ID))
			r.w.Metrics.outcome("abandoned", d.Seconds)
		} else {
			d.Outcome = "retry"
			next := now.Add(max(Backoff(r.p.Attempts, r.w.jitter()), min(retryAfter, MaxRetry)))
			r.p.NextAttempt = &next
			r.w.Metrics.outcome("retry", d.Seconds)
		}
		r.p.Deliveries = append(r.p.Deliveries, d)
		return false
	}
	r.p.Attempts, r.p.FailingSince, r.p.NextAttempt = 0, nil, nil
	r.p.Deliveries = append(r.p.Deliveries, d)
	r.sent++
	return true
}

// retryable says which answers are tried again: server errors, 408 and
// 429. Other answers (3xx: redirects are not followed; 4xx) are final.
func retryable(code int) bool {
	return code >= 500 || code == http.StatusRequestTimeout || code == http.StatusTooManyRequests
}

// post sends a signed message; err is a transport error (connection,
// timeout, a refused address), the code otherwise.
func (r *run) post(ctx context.Context, id string, at time.Time, body []byte) (int, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.l.Subscription.URL, bytes.NewReader(body))
	if err != nil {
		return 0, 0, errors.New("the URL cannot be requested")
	}
	ts := at.Unix()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "edigw-webhooks")
	req.Header.Set(HeaderID, id)
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(HeaderSignature, Sign(r.key, id, ts, body))
	resp, err := r.w.Client.Do(req)
	if err != nil {
		return 0, 0, transportError(err)
	}
	defer resp.Body.Close()
	// Drain a little, so the connection can be reused; a receiver's
	// endless answer does not hold the delivery until its timeout.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxDrain))
	var after time.Duration
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
		after = time.Duration(s) * time.Second
	}
	return resp.StatusCode, after, nil
}

// maxDrain bounds what is read of a receiver's answer: nothing of it is
// used.
const maxDrain = 64 << 10

// transportError says what went wrong without the URL (which may carry a
// receiver's token in its query).
func transportError(err error) error {
	switch {
	case errors.Is(err, ErrAddress), errors.Is(err, ErrSelf):
		return errors.New("refused: " + unwrapPolicy(err).Error())
	case errors.Is(err, context.DeadlineExceeded), strings.Contains(err.Error(), "Client.Timeout"):
		return errors.New("timeout")
	}
	return errors.New("connection failed")
}

func unwrapPolicy(err error) error {
	if errors.Is(err, ErrSelf) {
		return ErrSelf
	}
	return ErrAddress
}

// Matches reports whether a kind is among patterns: exact kinds, a prefix
// and a wildcard ("claim.*"), or "*"; no pattern matches every kind.
func Matches(patterns []string, kind string) bool {
	if len(patterns) == 0 {
		return true
	}
	for _, p := range patterns {
		if p == "*" || p == kind {
			return true
		}
		if prefix, ok := strings.CutSuffix(p, "*"); ok && strings.HasPrefix(kind, prefix) {
			return true
		}
	}
	return false
}

// CheckKinds checks a subscription's patterns: at most 32, each a kind
// (subject.name, lower case), a subject and ".*", or "*".
func CheckKinds(patterns []string) error {
	if len(patterns) > 32 {
		return errors.New("at most 32 kinds")
	}
	for _, p := range patterns {
		if p == "*" {
			continue
		}
		name := strings.TrimSuffix(p, ".*")
		if name == "" || len(p) > 64 {
			return errors.New("a kind is subject.name (claim.accepted), subject.* (claim.*) or *")
		}
		for _, c := range name {
			if (c < 'a' || c > 'z') && c != '_' && c != '.' {
				return errors.New("a kind is subject.name (claim.accepted), subject.* (claim.*) or *")
			}
		}
	}
	return nil
}
