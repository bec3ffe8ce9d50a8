package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/edigw/edigw/webhook"
)

// serve --allow-http-webhooks delivers a token's events to the URL it
// subscribed through the API, signed, and refuses its own address.
func TestServeDeliversWebhooks(t *testing.T) {
	db := testDatabase(t)
	objects := t.TempDir()
	token := homecareToken(t, db)
	var mu sync.Mutex
	var kinds []string
	var secret string
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		if err := webhook.Verify(secret, r.Header.Get(webhook.HeaderID), r.Header.Get(webhook.HeaderTimestamp),
			r.Header.Get(webhook.HeaderSignature), body, time.Now(), time.Minute); err != nil {
			t.Errorf("a delivery does not verify: %v", err)
		}
		var m struct{ Type string }
		_ = json.Unmarshal(body, &m)
		kinds = append(kinds, m.Type)
	}))
	defer receiver.Close()

	addr, _, _, logs := startServe(t, "--database", db, "--objects", objects, "--poll", "100ms", "--allow-http-webhooks")
	post := func(url string) (int, []byte) {
		body, _ := json.Marshal(map[string]any{"url": url, "kinds": []string{"claim.*", "file.*"}})
		return postJSON(t, addr, "/v1/webhooks", token, "", body)
	}
	if status, body := post("http://" + addr + "/v1/token"); status != http.StatusUnprocessableEntity {
		t.Errorf("subscribing serve's own address: %d %s", status, body)
	}
	status, body := post(receiver.URL)
	if status != http.StatusCreated {
		t.Fatalf("subscribe: %d %s", status, body)
	}
	var created struct{ Secret string }
	_ = json.Unmarshal(body, &created)
	mu.Lock()
	secret = created.Secret
	mu.Unlock()

	story, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "story", "03-837p-claims.edi"))
	if err != nil {
		t.Fatal(err)
	}
	inbound := filepath.Join(objects, "cigna-62308", "inbound")
	if err := os.MkdirAll(inbound, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(inbound, "claims.edi"), story, 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{"claim.submitted", "claim.submitted", "claim.authorization_warning", "claim.authorization_warning", "file.processed"}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		mu.Lock()
		got := slices.Clone(kinds)
		mu.Unlock()
		if len(got) >= len(want) {
			if !slices.Equal(got, want) {
				t.Fatalf("delivered %v, want %v", got, want)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("delivered %v after 30 s, want %v\n%s", got, want, logs)
		}
	}
}
