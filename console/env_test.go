package console_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/api"
	"github.com/edigw/edigw/clearinghouse"
	"github.com/edigw/edigw/clearinghouse/dirstore"
	"github.com/edigw/edigw/console"
	"github.com/edigw/edigw/internal/testenv"
	"github.com/edigw/edigw/storage"
)

// The tests run the console over a PostgreSQL database of their own
// (copied from a template migrated once per package run) and an object
// store in a temporary directory, filled by the pipeline with the
// project's story (a 278 request and its approval, an 837 with two
// claims, their 999 and 277CA, the 835 paying one and denying the other)
// and a file the pipeline rejects.

var databases = testenv.Databases{Prefix: "edigw_console_", Migrate: storage.Migrate}

func TestMain(m *testing.M) {
	code := m.Run()
	if err := databases.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "console tests:", err)
	}
	os.Exit(code)
}

// The story's provider, and another.
const (
	tinA, npiA = "061234567", "1234567893"
	tinB, npiB = "069999999", "1111111112"
)

type env struct {
	db      *storage.DB
	objects edigw.ObjectStore
	server  *httptest.Server
	files   map[string]int64 // ledger IDs by fixture name
}

// storyFiles are run through the pipeline in this order.
var storyFiles = []string{
	"../fixtures/story/01-278-request.edi", "../fixtures/story/02-278-response.edi",
	"../fixtures/story/03-837p-claims.edi", "../fixtures/story/04-999.edi", "../fixtures/story/05-277ca.edi",
	"../fixtures/story/06-835-remittance.edi", "../fixtures/edi/broken-se-count.edi",
}

func newEnv(t testing.TB) *env {
	t.Helper()
	u := databases.New(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	db, err := storage.Open(ctx, u)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(db.Close)
	objs, err := dirstore.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	partners, err := db.Partners(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := &clearinghouse.Pipeline{Store: db, Objects: objs, Partners: clearinghouse.Partners(partners),
		Log: zap.NewNop(), Newline: true, Authorizations: db}
	e := &env{db: db, objects: objs, files: map[string]int64{}}
	for _, name := range storyFiles {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		key := p.Partners[0].Inbound() + filepath.Base(name)
		err = objs.Put(ctx, key, f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.ProcessFile(ctx, p.Partners[0], key); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		entry, err := db.FileByKey(ctx, edigw.Inbound, key)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		e.files[filepath.Base(name)] = entry.ID
	}
	srv := &console.Server{Store: db, Objects: objs, Log: zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel))}
	e.server = newServer(srv)
	t.Cleanup(e.server.Close)
	return e
}

func newServer(srv *console.Server) *httptest.Server { return httptest.NewServer(srv.Handler()) }

// token creates a token and returns its secret.
func (e *env) token(t testing.TB, name string, ents []edigw.Entitlement, tins, npis []string) string {
	t.Helper()
	secret, hash, err := api.NewSecret()
	if err != nil {
		t.Fatal(err)
	}
	tok := &edigw.Token{Name: name, Entitlements: ents, Scope: edigw.Scope{TINs: tins, NPIs: npis}}
	if _, err := e.db.CreateToken(context.Background(), tok, hash); err != nil {
		t.Fatal(err)
	}
	return secret
}

var providerEntitlements = []edigw.Entitlement{edigw.EntitleClaims, edigw.EntitlePrecertification, edigw.EntitleRemittances}

// browser is an HTTP client with cookies that does not follow redirects.
type browser struct {
	t      testing.TB
	base   string
	client *http.Client
	csrf   string
}

func (e *env) browser(t testing.TB) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: e.server.URL, client: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

type page struct {
	status int
	header http.Header
	body   string
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (b *browser) do(req *http.Request) page {
	b.t.Helper()
	res, err := b.client.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if m := csrfInput.FindStringSubmatch(string(body)); m != nil {
		b.csrf = m[1]
	}
	return page{status: res.StatusCode, header: res.Header, body: string(body)}
}

func (b *browser) get(path string) page {
	b.t.Helper()
	req, _ := http.NewRequest("GET", b.base+path, nil)
	return b.do(req)
}

// post sends a form; the page's CSRF token is added unless the form has
// a csrf field already.
func (b *browser) post(path string, form url.Values) page {
	b.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", b.csrf)
	}
	req, _ := http.NewRequest("POST", b.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

// signIn signs in with a token secret and fails the test unless it works.
func (b *browser) signIn(secret string) {
	b.t.Helper()
	b.get("/signin")
	p := b.post("/signin", url.Values{"token": {secret}})
	if p.status != http.StatusSeeOther {
		b.t.Fatalf("sign-in: %d %s", p.status, p.body)
	}
}
