package api_test

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/api"
	"github.com/edigw/edigw/webhook"
)

// withWebhooks enables the webhook routes, http and loopback receivers
// allowed, the API server itself refused.
func withWebhooks(t *testing.T, e *env) {
	t.Helper()
	u, err := url.Parse(e.server.URL)
	if err != nil {
		t.Fatal(err)
	}
	e.api.Webhooks = &api.Webhooks{Store: e.db, Policy: &webhook.Policy{AllowHTTP: true, Self: u.Host}}
}

type subscriptionView struct {
	ID     string   `json:"id"`
	URL    string   `json:"url"`
	Kinds  []string `json:"kinds"`
	State  string   `json:"state"`
	Secret string   `json:"secret"`
}

// Provider B cannot read, list, delete, redeliver or see the delivery log
// of provider A's subscription: 404 as for one that does not exist.
func TestWebhooksBelongToTheirToken(t *testing.T) {
	e := newEnv(t, envOptions{})
	withWebhooks(t, e)
	a, _ := e.token(t, "A", allEntitlements, []string{"111111111"}, nil)
	b, _ := e.token(t, "B", allEntitlements, []string{"222222222"}, nil)

	res := e.call(t, "POST", "/v1/webhooks", a, map[string]any{"url": "http://127.0.0.1:9/hook", "kinds": []string{"claim.*"}})
	if res.status != http.StatusCreated {
		t.Fatalf("create: %d %s", res.status, res.body)
	}
	var created subscriptionView
	res.json(t, &created)
	if !strings.HasPrefix(created.Secret, webhook.SecretPrefix) || created.State != "active" {
		t.Fatalf("created %+v", created)
	}
	if _, err := webhook.KeyOf(created.Secret); err != nil {
		t.Fatal(err)
	}
	path := "/v1/webhooks/" + created.ID

	// The owner reads it, never with its secret.
	res = e.call(t, "GET", path, a, nil)
	if res.status != http.StatusOK || strings.Contains(string(res.body), created.Secret) || strings.Contains(string(res.body), "secret") {
		t.Fatalf("GET by its token: %d %s", res.status, res.body)
	}
	var list struct{ Items []subscriptionView }
	e.call(t, "GET", "/v1/webhooks", a, nil).json(t, &list)
	if len(list.Items) != 1 || list.Items[0].ID != created.ID {
		t.Fatalf("A lists %+v", list.Items)
	}

	// B: nothing of it.
	e.call(t, "GET", "/v1/webhooks", b, nil).json(t, &list)
	if len(list.Items) != 0 {
		t.Fatalf("B lists A's subscription: %+v", list.Items)
	}
	for _, c := range []struct {
		method, path string
		body         any
	}{
		{"GET", path, nil},
		{"GET", path + "/deliveries", nil},
		{"POST", path + "/redeliver", map[string]any{"eventId": 1}},
		{"POST", path + "/redeliver", map[string]any{"after": 0}},
		{"DELETE", path, nil},
	} {
		res := e.call(t, c.method, c.path, b, c.body)
		if res.status != http.StatusNotFound || res.apiError(t).Error.Code != "not_found" {
			t.Errorf("B %s %s: %d %s, want 404", c.method, c.path, res.status, res.body)
		}
	}
	// Still A's, and A deletes it.
	if res := e.call(t, "GET", path, a, nil); res.status != http.StatusOK {
		t.Fatalf("after B's attempts: %d", res.status)
	}
	if res := e.call(t, "POST", path+"/redeliver", a, map[string]any{"after": 0}); res.status != http.StatusAccepted {
		t.Fatalf("redeliver: %d %s", res.status, res.body)
	}
	if res := e.call(t, "DELETE", path, a, nil); res.status != http.StatusNoContent {
		t.Fatalf("delete: %d %s", res.status, res.body)
	}
	if res := e.call(t, "GET", path, a, nil); res.status != http.StatusNotFound {
		t.Fatalf("after delete: %d", res.status)
	}
}

// Refused URLs, kinds and schedules are 422 naming the field, never
// repeating the value.
func TestWebhookRequestsAreChecked(t *testing.T) {
	e := newEnv(t, envOptions{})
	withWebhooks(t, e)
	a, _ := e.token(t, "A", allEntitlements, []string{"111111111"}, nil)
	self := e.server.URL + "/v1/token"
	for _, c := range []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"url": self}, "url"},
		{map[string]any{"url": strings.Replace(self, "127.0.0.1", "localhost", 1)}, "url"},
		{map[string]any{"url": "http://169.254.169.254/latest/meta-data"}, "url"},
		{map[string]any{"url": "http://[fe80::1]/x"}, "url"},
		{map[string]any{"url": "http://0.0.0.0:9/x"}, "url"},
		{map[string]any{"url": "ftp://billing.example/x"}, "url"},
		{map[string]any{"url": "http://user:pw@127.0.0.1:9/x"}, "url"},
		{map[string]any{"url": "http://127.0.0.1:9/x", "kinds": []string{"Claim Accepted"}}, "kinds"},
		{map[string]any{"url": "http://127.0.0.1:9/x", "digest": map[string]any{"every": "hourly", "at": "07:00", "timeZone": "UTC"}}, "digest"},
		{map[string]any{"url": "http://127.0.0.1:9/x", "digest": map[string]any{"every": "daily", "at": "7am", "timeZone": "UTC"}}, "digest"},
		{map[string]any{"url": "http://127.0.0.1:9/x", "digest": map[string]any{"every": "weekly", "at": "07:00", "timeZone": "Mars/Olympus"}}, "digest"},
	} {
		res := e.call(t, "POST", "/v1/webhooks", a, c.body)
		if res.status != http.StatusUnprocessableEntity {
			t.Errorf("%v: %d %s, want 422", c.body, res.status, res.body)
			continue
		}
		msg := res.apiError(t).Error.Message
		if !strings.HasPrefix(msg, c.field+":") || strings.Contains(msg, "169.254") || strings.Contains(msg, "Mars") {
			t.Errorf("%v: message %q", c.body, msg)
		}
	}
	// Without --allow-http-webhooks: https only, no loopback.
	e.api.Webhooks.Policy = &webhook.Policy{}
	for _, u := range []string{"http://billing.example/x", "https://127.0.0.1:8443/x"} {
		if res := e.call(t, "POST", "/v1/webhooks", a, map[string]any{"url": u}); res.status != http.StatusUnprocessableEntity {
			t.Errorf("%s without allow-http: %d", u, res.status)
		}
	}
	if res := e.call(t, "POST", "/v1/webhooks", a, map[string]any{"url": "https://127.0.0.1:8443/x", "secret": "mine"}); res.status != http.StatusBadRequest {
		t.Errorf("an unknown field: %d", res.status)
	}
	// At most MaxSubscriptions per token.
	e.api.Webhooks.Policy = &webhook.Policy{AllowHTTP: true}
	for i := range api.MaxSubscriptions + 1 {
		res := e.call(t, "POST", "/v1/webhooks", a, map[string]any{"url": "http://127.0.0.1:9/x"})
		if want := http.StatusCreated; i == api.MaxSubscriptions {
			if res.status != http.StatusUnprocessableEntity {
				t.Errorf("subscription %d: %d, want 422", i+1, res.status)
			}
		} else if res.status != want {
			t.Fatalf("subscription %d: %d %s", i+1, res.status, res.body)
		}
	}
}

// File outcomes are in a provider's feed when asked for by kind: a feed
// read without naming them carries what it always did; another provider
// never reads them.
func TestFileOutcomesInTheFeedByKind(t *testing.T) {
	e := newEnv(t, envOptions{})
	a, _ := e.token(t, "A", allEntitlements, []string{"061234567"}, []string{"1234567893"})
	b, _ := e.token(t, "B", allEntitlements, []string{"222222222"}, nil)
	story, err := os.ReadFile(filepath.Join("..", "fixtures", "story", "03-837p-claims.edi"))
	if err != nil {
		t.Fatal(err)
	}
	put(t, e, e.pipeline.Partners[0].Inbound()+"claims.edi", story)
	if outs, err := e.pipeline.PollOnce(t.Context()); err != nil || len(outs) != 1 || outs[0].Status != edigw.FileArchived {
		t.Fatalf("poll: %v %v", outs, err)
	}
	kinds := func(tok, query string) []string {
		t.Helper()
		var page struct{ Items []edigw.Event }
		e.call(t, "GET", "/v1/events"+query, tok, nil).json(t, &page)
		var out []string
		for _, ev := range page.Items {
			out = append(out, string(ev.Kind))
		}
		return out
	}
	if got := kinds(a, ""); slices.Contains(got, string(edigw.EventFileProcessed)) {
		t.Errorf("A's feed without kinds: %v", got)
	}
	if got := kinds(a, "?kind=file.processed,file.failed"); !slices.Equal(got, []string{"file.processed"}) {
		t.Errorf("A's file outcomes: %v", got)
	}
	if got := kinds(b, "?kind=file.processed,file.failed"); len(got) != 0 {
		t.Errorf("B reads A's file outcomes: %v", got)
	}
}
