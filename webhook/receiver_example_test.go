package webhook_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/webhook"
)

// receive is docs/api.md's receiver example, as it is there (store is
// the reader's code).
func receive(secret string, store func(id string, body []byte)) http.HandlerFunc {
	key, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		id, ts := r.Header.Get("webhook-id"), r.Header.Get("webhook-timestamp")
		sec, terr := strconv.ParseInt(ts, 10, 64)
		if err != nil || terr != nil || time.Since(time.Unix(sec, 0)).Abs() > 5*time.Minute {
			http.Error(w, "stale or unreadable", http.StatusBadRequest) // replays of old messages
			return
		}
		mac := hmac.New(sha256.New, key)
		mac.Write([]byte(id + "." + ts + "."))
		mac.Write(body)
		want := "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
		for _, sig := range strings.Fields(r.Header.Get("webhook-signature")) {
			if hmac.Equal([]byte(sig), []byte(want)) {
				store(id, body) // your code: skip an id already stored
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		http.Error(w, "bad signature", http.StatusUnauthorized)
	}
}

// The documented receiver takes edigw's deliveries and refuses one signed
// with another key.
func TestDocumentedReceiverVerifies(t *testing.T) {
	e := newEnv(t)
	e.clock.Set(time.Now()) // the example checks against the real time
	a := e.token("A", "111111111", "", edigw.EntitleClaims)
	var mu sync.Mutex
	var ids []string
	var secret string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		receive(secret, func(id string, _ []byte) { mu.Lock(); ids = append(ids, id); mu.Unlock() })(w, r)
	}))
	defer srv.Close()
	_, key := e.subscribe(a, srv.URL, nil, nil)
	secret = webhook.Secret(key)
	ev := e.event(edigw.EventClaimAccepted, "claim", 1, "accepted", "111111111", "")
	drain(t, e.worker("one"))
	if len(ids) != 1 || ids[0] != "evt_"+strconv.FormatInt(ev, 10) {
		t.Fatalf("the receiver stored %v", ids)
	}
	other, _ := webhook.NewKey()
	secret = webhook.Secret(other)
	e.event(edigw.EventClaimAccepted, "claim", 2, "accepted", "111111111", "")
	if _, err := e.worker("one").RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	if len(ids) != 1 {
		t.Fatalf("the receiver stored a message signed with another key: %v", ids)
	}
}
