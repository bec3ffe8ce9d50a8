package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/webhook"
)

// WebhookStore is what the webhook routes ask of the store (storage.DB).
// Every call names the calling token: another token's subscription is
// edigw.ErrNotFound, as one that does not exist.
type WebhookStore interface {
	CreateWebhook(ctx context.Context, s *edigw.Subscription, secret []byte, sealed bool, digestDue *time.Time) error
	Webhook(ctx context.Context, token, id int64) (*edigw.Subscription, error)
	Webhooks(ctx context.Context, token int64) ([]edigw.Subscription, error)
	DeleteWebhook(ctx context.Context, token, id int64) error
	WebhookDeliveries(ctx context.Context, token, id, after int64, limit int) ([]edigw.Delivery, error)
	RedeliverEvent(ctx context.Context, token, id, event int64) error
	RewindWebhook(ctx context.Context, token, id, after int64) error
}

// Webhooks configures the webhook routes; without it (Server.Webhooks
// nil) they answer 404.
type Webhooks struct {
	Store WebhookStore
	// Policy checks a subscription's URL (https only unless AllowHTTP,
	// never the gateway itself; see webhook.Policy).
	Policy *webhook.Policy
	// Sealer protects signing keys at rest (nil: stored as they are).
	Sealer *webhook.Sealer
	// Now is the clock digest schedules start from (nil: time.Now).
	Now func() time.Time
}

// maxSubscriptionBody bounds a subscription request's body.
const maxSubscriptionBody = 64 << 10

// MaxSubscriptions bounds a token's subscriptions: each event goes to
// each of them, so a token must not turn the gateway into an amplifier.
const MaxSubscriptions = 20

// subscriptionRequest is POST /v1/webhooks' body.
type subscriptionRequest struct {
	URL    string                `json:"url"`
	Kinds  []string              `json:"kinds"`
	Digest *edigw.DigestSchedule `json:"digest"`
}

// createdSubscription is the answer to a creation: the subscription and,
// this once, its signing secret.
type createdSubscription struct {
	*edigw.Subscription
	Secret string `json:"secret"`
}

func (s *Server) webhooks(w http.ResponseWriter) *Webhooks {
	if s.Webhooks == nil || s.Webhooks.Store == nil {
		writeError(w, http.StatusNotFound, "not_found", "webhooks are not enabled on this server")
		return nil
	}
	return s.Webhooks
}

// webhookTarget is s.webhooks and the route's {id}; it answers the
// request itself when it returns false.
func (s *Server) webhookTarget(w http.ResponseWriter, r *http.Request) (*Webhooks, int64, bool) {
	wh := s.webhooks(w)
	if wh == nil {
		return nil, 0, false
	}
	id, ok := pathID(w, r)
	return wh, id, ok
}

// createWebhook is POST /v1/webhooks.
func (s *Server) createWebhook(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	wh := s.webhooks(w)
	if wh == nil {
		return
	}
	var req subscriptionRequest
	if !decodeObject(w, r, &req) {
		return
	}
	subs, err := wh.Store.Webhooks(r.Context(), tok.ID)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if len(subs) >= MaxSubscriptions {
		writeError(w, http.StatusUnprocessableEntity, "invalid_subscription", "a token has at most "+strconv.Itoa(MaxSubscriptions)+" subscriptions; delete one first")
		return
	}
	now := time.Now
	if wh.Now != nil {
		now = wh.Now
	}
	sub := &edigw.Subscription{TokenID: tok.ID, URL: req.URL, Kinds: req.Kinds, Digest: req.Digest}
	prep, err := webhook.Prepare(r.Context(), wh.Policy, wh.Sealer, now(), sub)
	var fe *webhook.FieldError
	switch {
	case errors.As(err, &fe):
		writeError(w, http.StatusUnprocessableEntity, "invalid_subscription", fe.Error())
		return
	case err != nil:
		s.internal(w, r, err)
		return
	}
	if err := wh.Store.CreateWebhook(r.Context(), sub, prep.Stored, prep.Sealed, prep.DigestDue); err != nil {
		s.internal(w, r, err)
		return
	}
	w.Header().Set("Location", "/v1/webhooks/"+strconv.FormatInt(sub.ID, 10))
	writeJSON(w, http.StatusCreated, createdSubscription{Subscription: sub, Secret: prep.Secret})
}

// listWebhooks is GET /v1/webhooks: the token's subscriptions.
func (s *Server) listWebhooks(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	wh := s.webhooks(w)
	if wh == nil {
		return
	}
	subs, err := wh.Store.Webhooks(r.Context(), tok.ID)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if subs == nil {
		subs = []edigw.Subscription{}
	}
	writeJSON(w, http.StatusOK, struct {
		Items []edigw.Subscription `json:"items"`
	}{subs})
}

// getWebhook is GET /v1/webhooks/{id}.
func (s *Server) getWebhook(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	wh, id, ok := s.webhookTarget(w, r)
	if !ok {
		return
	}
	sub, err := wh.Store.Webhook(r.Context(), tok.ID, id)
	if s.found(w, r, err, "webhook") {
		writeJSON(w, http.StatusOK, sub)
	}
}

// deleteWebhook is DELETE /v1/webhooks/{id}.
func (s *Server) deleteWebhook(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	wh, id, ok := s.webhookTarget(w, r)
	if !ok {
		return
	}
	if s.found(w, r, wh.Store.DeleteWebhook(r.Context(), tok.ID, id), "webhook") {
		w.WriteHeader(http.StatusNoContent)
	}
}

// webhookDeliveries is GET /v1/webhooks/{id}/deliveries: the delivery
// log, a cursor feed of attempts.
func (s *Server) webhookDeliveries(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	wh, id, ok := s.webhookTarget(w, r)
	if !ok {
		return
	}
	after, limit, ok := page(w, r)
	if !ok {
		return
	}
	ds, err := wh.Store.WebhookDeliveries(r.Context(), tok.ID, id, after, limit)
	if s.found(w, r, err, "webhook") {
		writeJSON(w, http.StatusOK, pageOf(ds, after, func(d edigw.Delivery) int64 { return d.ID }))
	}
}

// redeliveryRequest is POST /v1/webhooks/{id}/redeliver's body: one event
// (eventId), or every event after a cursor (after).
type redeliveryRequest struct {
	EventID *json.Number `json:"eventId"`
	After   *json.Number `json:"after"`
}

// redeliverWebhook is POST /v1/webhooks/{id}/redeliver.
func (s *Server) redeliverWebhook(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	wh, id, ok := s.webhookTarget(w, r)
	if !ok {
		return
	}
	var req redeliveryRequest
	if !decodeObject(w, r, &req) {
		return
	}
	number := func(n *json.Number) (int64, bool) {
		v, err := strconv.ParseInt(n.String(), 10, 64)
		return v, err == nil && v >= 0
	}
	var err error
	switch {
	case (req.EventID == nil) == (req.After == nil):
		writeError(w, http.StatusUnprocessableEntity, "invalid_redelivery", "send eventId (one event) or after (every event after the cursor), not both")
		return
	case req.EventID != nil:
		ev, ok := number(req.EventID)
		if !ok || ev == 0 {
			writeError(w, http.StatusUnprocessableEntity, "invalid_redelivery", "eventId must be a positive integer")
			return
		}
		err = wh.Store.RedeliverEvent(r.Context(), tok.ID, id, ev)
	default:
		after, ok := number(req.After)
		if !ok {
			writeError(w, http.StatusUnprocessableEntity, "invalid_redelivery", "after must be a non-negative integer")
			return
		}
		err = wh.Store.RewindWebhook(r.Context(), tok.ID, id, after)
	}
	if s.found(w, r, err, "webhook") {
		writeJSON(w, http.StatusAccepted, struct {
			Status string `json:"status"`
		}{"queued"})
	}
}

// decodeObject reads a small JSON object into v, refusing fields v does
// not have; it answers the request itself when it returns false.
func decodeObject(w http.ResponseWriter, r *http.Request, v any) bool {
	raw, ok := readJSON(w, r, maxSubscriptionBody, "the body exceeds 64 KiB", "send a JSON object")
	if !ok {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		field, msg := locate(raw, v)
		if msg == "" {
			msg = "the body does not decode"
		}
		if field != "" {
			msg = field + ": " + msg
		}
		writeError(w, http.StatusBadRequest, "bad_request_body", msg)
		return false
	}
	return true
}
