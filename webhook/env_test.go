package webhook_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/internal/testenv"
	"github.com/edigw/edigw/storage"
	"github.com/edigw/edigw/webhook"
)

var databases = testenv.Databases{Prefix: "edigw_wh_", Migrate: storage.Migrate}

func TestMain(m *testing.M) {
	code := m.Run()
	if err := databases.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "webhook tests:", err)
	}
	os.Exit(code)
}

// env is a migrated database with its store and a raw connection for
// writing events as the pipeline would.
type env struct {
	t     testing.TB
	url   string
	db    *storage.DB
	conn  *pgx.Conn
	clock *clock
}

func newEnv(t testing.TB) *env {
	t.Helper()
	url := databases.New(t)
	return openEnv(t, url)
}

func openEnv(t testing.TB, url string) *env {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close(context.Background()) })
	return &env{t: t, url: url, db: db, conn: conn, clock: &clock{t: time.Now().UTC().Truncate(time.Second)}}
}

// clock is a clock the test moves.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }
func (c *clock) Set(t time.Time)     { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// token creates a live token of a provider.
func (e *env) token(name, tin, npi string, ents ...edigw.Entitlement) *edigw.Token {
	e.t.Helper()
	tok := &edigw.Token{Name: name, Entitlements: ents}
	if tin != "" {
		tok.Scope.TINs = []string{tin}
	}
	if npi != "" {
		tok.Scope.NPIs = []string{npi}
	}
	if _, err := e.db.CreateToken(context.Background(), tok, []byte(name+"-hash-"+testenv.RandomName(""))); err != nil {
		e.t.Fatal(err)
	}
	return tok
}

// event commits one event as the pipeline does (IDs under the feed's lock).
func (e *env) event(kind edigw.EventKind, subject string, subjectID int64, status, tin, npi string) int64 {
	e.t.Helper()
	ctx := context.Background()
	tx, err := e.conn.Begin(ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, $2)", 0x6564, 2); err != nil {
		e.t.Fatal(err)
	}
	var id int64
	if err := tx.QueryRow(ctx, `INSERT INTO events (id, at, kind, payer_id, subject, subject_id, reference, status, tin, npi)
		VALUES (nextval('event_ids'), statement_timestamp(), $1, '62308', $2, $3, 'REF', $4, nullif($5, ''), nullif($6, ''))
		RETURNING id`, kind, subject, subjectID, status, tin, npi).Scan(&id); err != nil {
		e.t.Fatal(err)
	}
	if err := tx.Commit(ctx); err != nil {
		e.t.Fatal(err)
	}
	return id
}

// subscribe creates a subscription of tok to url and returns it with its key.
func (e *env) subscribe(tok *edigw.Token, url string, kinds []string, digest *edigw.DigestSchedule) (*edigw.Subscription, []byte) {
	e.t.Helper()
	key, err := webhook.NewKey()
	if err != nil {
		e.t.Fatal(err)
	}
	s := &edigw.Subscription{TokenID: tok.ID, URL: url, Kinds: kinds, Digest: digest}
	var due *time.Time
	if digest != nil {
		sched, err := webhook.ParseSchedule(digest)
		if err != nil {
			e.t.Fatal(err)
		}
		d := sched.Next(e.clock.Now())
		due = &d
	}
	if err := e.db.CreateWebhook(context.Background(), s, key, false, due); err != nil {
		e.t.Fatal(err)
	}
	return s, key
}

// worker is a delivery worker on the env's clock.
func (e *env) worker(owner string) *webhook.Worker {
	p := &webhook.Policy{AllowHTTP: true}
	return &webhook.Worker{Store: e.db, Owner: owner, Client: p.Client(5 * time.Second), Now: e.clock.Now,
		Jitter: func() float64 { return 0.5 }, Page: 50}
}

// drain runs a worker until it finds nothing due.
func drain(t testing.TB, w *webhook.Worker) {
	t.Helper()
	for i := 0; ; i++ {
		worked, err := w.RunOnce(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !worked {
			return
		}
		if i > 100000 {
			t.Fatal("the worker never runs out of work")
		}
	}
}

// received is one message a receiver got.
type received struct {
	ID, Timestamp, Signature string
	Body                     []byte
	Type                     string
	Event                    edigw.Event
}

// receiver is a real HTTP receiver: it answers each message with the
// status status() gives and keeps what it got.
type receiver struct {
	srv    *httptest.Server
	mu     sync.Mutex
	got    []received
	status func(received) int
}

func newReceiver(t testing.TB) *receiver {
	r := &receiver{status: func(received) int { return http.StatusNoContent }}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		m := received{ID: req.Header.Get(webhook.HeaderID), Timestamp: req.Header.Get(webhook.HeaderTimestamp),
			Signature: req.Header.Get(webhook.HeaderSignature), Body: body}
		var msg struct {
			Type string          `json:"type"`
			Data json.RawMessage `json:"data"`
		}
		_ = json.Unmarshal(body, &msg)
		m.Type = msg.Type
		_ = json.Unmarshal(msg.Data, &m.Event)
		r.mu.Lock()
		status := r.status
		r.mu.Unlock()
		code := status(m)
		if code < 300 {
			r.mu.Lock()
			r.got = append(r.got, m)
			r.mu.Unlock()
		}
		w.WriteHeader(code)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) messages() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

func (r *receiver) setStatus(f func(received) int) {
	r.mu.Lock()
	r.status = f
	r.mu.Unlock()
}

// eventIDs are the event IDs of the messages received.
func eventIDs(ms []received) []int64 {
	var out []int64
	for _, m := range ms {
		if m.Type != "digest" {
			out = append(out, m.Event.ID)
		}
	}
	return out
}
