package api_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/api"
)

// deadline is how long a raw client waits for an answer: generous, only
// there so that a server that never answers fails the test instead of
// hanging it. Nothing asserts how fast an answer comes.
const deadline = 20 * time.Second

// partialPost opens a connection and sends a POST's headers and the
// first part of its body (Content-Length says total), and no more.
func (e *env) partialPost(t *testing.T, path string, total int, part []byte, headers ...string) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(e.server.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if err := conn.SetDeadline(time.Now().Add(deadline)); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "POST %s HTTP/1.1\r\nHost: edigw\r\nContent-Type: application/json\r\nContent-Length: %d\r\n", path, total)
	for i := 0; i+1 < len(headers); i += 2 {
		fmt.Fprintf(&b, "%s: %s\r\n", headers[i], headers[i+1])
	}
	b.WriteString("\r\n")
	if _, err := io.WriteString(conn, b.String()); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Write(part); err != nil {
		t.Fatal(err)
	}
	return conn
}

// readAnswer reads one response from a raw connection.
func readAnswer(t *testing.T, r *bufio.Reader) response {
	t.Helper()
	res, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatalf("no answer: %v", err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: body, close: res.Close}
}

// A request refused before its body is read is answered, and its
// connection closed, while the client has sent only part of the body:
// the server does not wait for the rest (net/http would otherwise read up
// to 256 KB of it first, and a client that never sends it waits for the
// read timeout). The rest is sent only after the answer has come.
func TestRefusalsDoNotWaitForTheBody(t *testing.T) {
	e := newEnv(t, envOptions{})
	tokA, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	remitOnly, _ := e.token(t, "accounting", []edigw.Entitlement{edigw.EntitleRemittances}, []string{tinA}, nil)
	cases := []struct {
		name    string
		path    string
		status  int
		code    string
		headers []string
	}{
		{"no token", "/v1/claims", http.StatusUnauthorized, "unauthenticated", nil},
		{"unknown token", "/v1/claims", http.StatusUnauthorized, "invalid_token", []string{"Authorization", "Bearer edigw_not-a-real-secret"}},
		{"two tokens", "/v1/claims", http.StatusBadRequest, "duplicate_authorization", []string{"Authorization", "Bearer " + tokA, "Authorization", "Bearer " + tokA}},
		{"no entitlement", "/v1/claims", http.StatusForbidden, "missing_entitlement", []string{"Authorization", "Bearer " + remitOnly}},
		{"no such route", "/v1/claim", http.StatusNotFound, "not_found", []string{"Authorization", "Bearer " + tokA}},
		{"no such method", "/v1/token", http.StatusMethodNotAllowed, "method_not_allowed", []string{"Authorization", "Bearer " + tokA}},
	}
	for _, c := range cases {
		// Below and at net/http's 256 KB, and far above it.
		for _, total := range []int{100_000, 256 << 10, 4 << 20} {
			part := []byte(`[{"patientControlNumber":"` + strings.Repeat("A", 1000))
			conn := e.partialPost(t, c.path, total, part, c.headers...)
			r := bufio.NewReader(conn)
			res := readAnswer(t, r)
			if res.status != c.status || res.apiError(t).Error.Code != c.code {
				t.Errorf("%s, %d bytes announced: %d %s", c.name, total, res.status, res.body)
			}
			if !res.close {
				t.Errorf("%s, %d bytes announced: the answer keeps the connection", c.name, total)
			}
			// The server closes its side without waiting for the body.
			if _, err := r.ReadByte(); !errors.Is(err, io.EOF) && !errors.Is(err, syscall.ECONNRESET) {
				t.Errorf("%s, %d bytes announced: after the answer, %v (want the connection closed)", c.name, total, err)
			}
			// Only now the rest of the body (the server may be gone).
			_, _ = conn.Write(make([]byte, total-len(part)))
			conn.Close()
		}
	}
}

// Two Authorization headers are refused, whatever they hold: which of
// them a proxy or the server would use is anyone's guess.
func TestTwoAuthorizationHeadersAre400(t *testing.T) {
	e := newEnv(t, envOptions{})
	tokA, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	tokB, _ := e.token(t, "clinic b", allEntitlements, []string{tinB}, []string{npiB})
	for name, pair := range map[string][2]string{"A then B": {tokA, tokB}, "A twice": {tokA, tokA}, "A and nothing": {tokA, ""}} {
		req, err := http.NewRequest("GET", e.server.URL+"/v1/token", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Add("Authorization", "Bearer "+pair[0])
		req.Header.Add("Authorization", "Bearer "+pair[1])
		res, err := e.server.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		r := response{status: res.StatusCode, header: res.Header, body: body}
		if r.status != http.StatusBadRequest || r.apiError(t).Error.Code != "duplicate_authorization" {
			t.Errorf("%s: %d %s", name, r.status, r.body)
		}
	}
}

// An expired token is refused like a revoked one; a token that expires
// later works and says when.
func TestExpiredTokensAre401(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	create := func(name string, expires time.Time) string {
		secret, hash, err := api.NewSecret()
		if err != nil {
			t.Fatal(err)
		}
		tok := &edigw.Token{Name: name, Entitlements: allEntitlements, Scope: edigw.Scope{TINs: []string{tinA}, NPIs: []string{npiA}},
			ExpiresAt: &expires}
		if _, err := e.db.CreateToken(ctx, tok, hash); err != nil {
			t.Fatal(err)
		}
		return secret
	}
	expired := create("last month", time.Now().Add(-30*24*time.Hour))
	live := create("next month", time.Now().Add(30*24*time.Hour).Truncate(time.Second))
	for _, path := range []string{"/v1/token", "/v1/events"} {
		res := e.call(t, "GET", path, expired, nil)
		if res.status != http.StatusUnauthorized || res.apiError(t).Error.Code != "invalid_token" ||
			!strings.Contains(res.header.Get("WWW-Authenticate"), "invalid_token") {
			t.Errorf("expired token, %s: %d %s", path, res.status, res.body)
		}
	}
	res := e.call(t, "POST", "/v1/claims", expired, claim("E-1", tinA, npiA))
	if res.status != http.StatusUnauthorized {
		t.Errorf("expired token submits: %d %s", res.status, res.body)
	}
	if n := e.queuedRecords(t); n != 0 {
		t.Errorf("%d records queued with an expired token", n)
	}
	res = e.call(t, "GET", "/v1/token", live, nil)
	var view struct {
		ExpiresAt time.Time `json:"expiresAt"`
	}
	res.json(t, &view)
	if res.status != http.StatusOK || view.ExpiresAt.IsZero() || view.ExpiresAt.Before(time.Now()) {
		t.Errorf("live token: %d %s", res.status, res.body)
	}
}

// A token's last use is recorded, and not rewritten by every request:
// requests within the minute leave it as it was.
func TestTokenLastUseIsRecordedOnceAMinute(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	tok, id := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	lastUsed := func() *time.Time {
		toks, err := e.db.Tokens(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range toks {
			if k.ID == id {
				return k.LastUsedAt
			}
		}
		t.Fatalf("no token %d", id)
		return nil
	}
	if at := lastUsed(); at != nil {
		t.Fatalf("a new token was used at %v", at)
	}
	e.call(t, "GET", "/v1/token", tok, nil)
	first := lastUsed()
	if first == nil {
		t.Fatal("the use was not recorded")
	}
	for range 5 {
		e.call(t, "GET", "/v1/events", tok, nil)
	}
	if again := lastUsed(); again == nil || !again.Equal(*first) {
		t.Errorf("last use rewritten within the minute: %v then %v", first, again)
	}
	// A minute later (the record set back), the next request records anew.
	e.exec(t, "UPDATE api_tokens SET last_used_at = last_used_at - interval '2 minutes' WHERE id = $1", id)
	e.call(t, "GET", "/v1/token", tok, nil)
	if later := lastUsed(); later == nil || !later.After(first.Add(-time.Minute)) {
		t.Errorf("last use not recorded after a minute: %v then %v", first, later)
	}
}

// Beyond MaxSubmissions submissions at once, a submission waits
// SubmissionWait for a slot and is then answered 503 with Retry-After,
// its body unread, and queues nothing. One submission is held open (its
// body half sent) while others are tried.
func TestSubmissionsBeyondTheLimitAre503(t *testing.T) {
	e := newEnv(t, envOptions{maxSubmissions: 1, submissionWait: time.Millisecond})
	tok, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	body, err := json.Marshal([]*edigw.Claim{claim("HELD-1", tinA, npiA)})
	if err != nil {
		t.Fatal(err)
	}
	half := len(body) / 2
	// The held submission takes the one slot once it is authenticated;
	// until then the probes (empty bodies: 400 at once, nothing queued)
	// are served. A probe that takes the slot at the very moment the held
	// one arrives makes that one 503 instead: then try again.
	for attempt := 0; ; attempt++ {
		if attempt == 5 {
			t.Fatal("no probe was refused while a submission was held")
		}
		held := e.partialPost(t, "/v1/claims", len(body), body[:half], "Authorization", "Bearer "+tok)
		var refused *response
		for range 500 {
			res := e.call(t, "POST", "/v1/claims", tok, "")
			if res.status == http.StatusServiceUnavailable {
				refused = &res
				break
			}
			if res.status != http.StatusBadRequest {
				t.Fatalf("probe: %d %s", res.status, res.body)
			}
		}
		if refused == nil {
			held.Close()
			continue
		}
		if refused.apiError(t).Error.Code != "busy" || refused.header.Get("Retry-After") == "" {
			t.Errorf("refused: %d %v %s", refused.status, refused.header, refused.body)
		}
		// A full submission is refused too, before its body is read.
		if res := e.call(t, "POST", "/v1/claims", tok, claim("REFUSED-1", tinA, npiA)); res.status != http.StatusServiceUnavailable ||
			res.header.Get("Retry-After") == "" {
			t.Errorf("a second submission: %d %s", res.status, res.body)
		}
		req := authorizationFor(t, "REFUSED-2", tinA, npiA)
		if res := e.call(t, "POST", "/v1/authorizations", tok, req); res.status != http.StatusServiceUnavailable {
			t.Errorf("an authorization request: %d %s", res.status, res.body)
		}
		// Reads are not limited.
		if res := e.call(t, "GET", "/v1/token", tok, nil); res.status != http.StatusOK {
			t.Errorf("a read: %d %s", res.status, res.body)
		}
		if n := e.queuedRecords(t); n != 0 {
			t.Errorf("%d records queued while held", n)
		}
		// The held submission completes, and frees its slot.
		if _, err := held.Write(body[half:]); err != nil {
			t.Fatal(err)
		}
		if res := readAnswer(t, bufio.NewReader(held)); res.status != http.StatusAccepted {
			t.Fatalf("the held submission: %d %s", res.status, res.body)
		}
		if res := e.call(t, "POST", "/v1/claims", tok, claim("AFTER-1", tinA, npiA)); res.status != http.StatusAccepted {
			t.Errorf("after the held one: %d %s", res.status, res.body)
		}
		if n := e.queuedRecords(t); n != 2 {
			t.Errorf("%d records queued, want the held one and the one after", n)
		}
		return
	}
}
