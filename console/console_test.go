package console_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/api"
	"github.com/edigw/edigw/console"
)

// TestSignInSessionAndSignOut: a token buys a session cookie with the
// attributes the issue asks; pages need it; signing out ends it in the
// store, so the old cookie opens nothing.
func TestSignInSessionAndSignOut(t *testing.T) {
	e := newEnv(t)
	secret := e.token(t, "homecare", providerEntitlements, []string{tinA}, []string{npiA})
	b := e.browser(t)
	if p := b.get("/claims"); p.status != http.StatusSeeOther || p.header.Get("Location") != "/signin" {
		t.Fatalf("signed out, /claims: %d %s", p.status, p.header.Get("Location"))
	}
	b.get("/signin")
	if p := b.post("/signin", url.Values{"token": {"edigw_not-a-token"}}); p.status != http.StatusUnauthorized {
		t.Fatalf("a wrong token: %d", p.status)
	}
	p := b.post("/signin", url.Values{"token": {secret}})
	if p.status != http.StatusSeeOther {
		t.Fatalf("sign-in: %d %s", p.status, p.body)
	}
	var cookie *http.Cookie
	for _, c := range (&http.Response{Header: p.header}).Cookies() {
		if c.Name == "edigw_session" && c.Value != "" {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode || cookie.Expires.IsZero() {
		t.Fatalf("session cookie %+v", cookie)
	}
	if cookie.Secure {
		t.Errorf("the cookie is Secure on a loopback address: the browser would not send it over http")
	}
	// The store keeps the ID's hash only.
	if strings.Contains(p.body, cookie.Value) {
		t.Errorf("the session ID is in the page")
	}
	if p := b.get("/claims"); p.status != http.StatusOK || !strings.Contains(p.body, "DME-2026-0101") {
		t.Fatalf("claims: %d", p.status)
	}
	if p := b.post("/signout", nil); p.status != http.StatusSeeOther {
		t.Fatalf("sign-out: %d", p.status)
	}
	// The old cookie, sent again, opens nothing.
	req, _ := http.NewRequest("GET", e.server.URL+"/claims", nil)
	req.AddCookie(&http.Cookie{Name: "edigw_session", Value: cookie.Value})
	res, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the ended session still opens /claims: %d", res.StatusCode)
	}
}

// TestCookieIsSecureOutsideLoopback: reached by a name that is not a
// loopback address, the session cookie is Secure.
func TestCookieIsSecureOutsideLoopback(t *testing.T) {
	e := newEnv(t)
	secret := e.token(t, "homecare", providerEntitlements, []string{tinA}, []string{npiA})
	b := e.browser(t)
	b.get("/signin")
	form := url.Values{"token": {secret}, "csrf": {b.csrf}}
	req, _ := http.NewRequest("POST", e.server.URL+"/signin", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Host = "console.example.org"
	// The sign-in cookie was set for 127.0.0.1: send it by hand.
	u, _ := url.Parse(e.server.URL)
	for _, c := range b.client.Jar.Cookies(u) {
		req.AddCookie(c)
	}
	p := b.do(req)
	if p.status != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", p.status)
	}
	for _, c := range (&http.Response{Header: p.header}).Cookies() {
		if c.Name == "edigw_session" && !c.Secure {
			t.Errorf("session cookie not Secure outside loopback: %+v", c)
		}
	}
}

// TestCSRF: a POST without the session's form token, or with another
// session's, is refused, and so is a sign-in without its form token.
func TestCSRF(t *testing.T) {
	e := newEnv(t)
	secret := e.token(t, "homecare", providerEntitlements, []string{tinA}, []string{npiA})
	other := e.browser(t)
	other.signIn(secret)
	other.get("/claims")
	b := e.browser(t)
	b.get("/signin")
	if p := b.post("/signin", url.Values{"token": {secret}, "csrf": {""}}); p.status != http.StatusForbidden {
		t.Fatalf("sign-in without the form token: %d", p.status)
	}
	b.signIn(secret)
	b.get("/claims")
	for name, csrf := range map[string]string{"none": "", "another session's": other.csrf, "made up": "abc"} {
		if p := b.post("/claims", url.Values{"csrf": {csrf}, "status": {"paid"}}); p.status != http.StatusForbidden {
			t.Errorf("search with %s form token: %d", name, p.status)
		}
		if p := b.post("/signout", url.Values{"csrf": {csrf}}); p.status != http.StatusForbidden {
			t.Errorf("sign-out with %s form token: %d", name, p.status)
		}
	}
	if p := b.post("/claims", url.Values{"status": {"paid"}}); p.status != http.StatusOK {
		t.Errorf("search with the form token: %d", p.status)
	}
}

var claimLink = regexp.MustCompile(`href="/claims/(\d+)"`)

// claimIDs lists the claim IDs a page links to, in order.
func claimIDs(body string) []string {
	var out []string
	for _, m := range claimLink.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestClaimsSearchAndStory: the search finds a claim by its patient
// control number, sent by POST; its story shows the 837, the 999, the
// 277CA and the 835's payment with its adjustments and their CARC text.
func TestClaimsSearchAndStory(t *testing.T) {
	e := newEnv(t)
	b := e.browser(t)
	b.signIn(e.token(t, "homecare", providerEntitlements, []string{tinA}, []string{npiA}))
	b.get("/claims")
	p := b.post("/claims", url.Values{"pcn": {"DME-2026-0102"}})
	ids := claimIDs(p.body)
	if p.status != http.StatusOK || len(ids) != 1 {
		t.Fatalf("search by patient control number: %d, claims %v", p.status, ids)
	}
	p = b.post("/claims", url.Values{"status": {"partially paid"}})
	paid := claimIDs(p.body)
	if len(paid) != 1 || paid[0] == ids[0] {
		t.Fatalf("paid claims %v (the denied one is %s)", paid, ids[0])
	}
	story := b.get("/claims/" + paid[0])
	for _, want := range []string{"Received in an 837", "partially paid", "277CA: A2:20", "<code>CO-45</code> $250.00",
		"Paid</dt><dd>$880.00", "Charged</dt><dd>$1,450.00", "Deductible Amount", "/worklist/"} {
		if !strings.Contains(story.body, want) {
			t.Errorf("the paid claim's story lacks %q", want)
		}
	}
	denied := b.get("/claims/" + ids[0])
	for _, want := range []string{"denied", "CO-197</code>", "M62</code>"} {
		if !strings.Contains(denied.body, want) {
			t.Errorf("the denied claim's story lacks %q", want)
		}
	}
	// No patient value in a link the console wrote.
	for _, p := range []page{story, denied, p} {
		for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(p.body, -1) {
			if strings.Contains(m[1], "DME-") || strings.Contains(strings.ToUpper(m[1]), "SMITH") {
				t.Errorf("a link carries a patient value: %s", m[1])
			}
		}
	}
}

// TestAnotherProvidersRecordsAre404: provider B sees none of A's claims,
// requests or files, each answered exactly as a record that does not
// exist.
func TestAnotherProvidersRecordsAre404(t *testing.T) {
	e := newEnv(t)
	a := e.browser(t)
	a.signIn(e.token(t, "homecare", providerEntitlements, []string{tinA}, []string{npiA}))
	claims := claimIDs(a.get("/claims").body)
	if len(claims) == 0 {
		t.Fatal("provider A sees no claim")
	}
	b := e.browser(t)
	b.signIn(e.token(t, "other practice", providerEntitlements, []string{tinB}, []string{npiB}))
	if got := claimIDs(b.get("/claims").body); len(got) != 0 {
		t.Fatalf("provider B lists A's claims %v", got)
	}
	absent := b.get("/claims/999999999")
	paths := []string{"/claims/" + claims[0], "/files/" + strconv.FormatInt(e.files["03-837p-claims.edi"], 10)}
	for _, m := range regexp.MustCompile(`href="/worklist/(\d+)"`).FindAllStringSubmatch(a.get("/worklist?tab=all").body, -1) {
		paths = append(paths, "/worklist/"+m[1])
	}
	if len(paths) < 3 {
		t.Fatalf("provider A sees no request in the worklist")
	}
	for _, path := range paths {
		if a.get(path).status != http.StatusOK {
			t.Errorf("provider A: %s is not 200", path)
		}
		p := b.get(path)
		if p.status != http.StatusNotFound || p.body != absent.body {
			t.Errorf("provider B: %s is %d, not the page of a record that does not exist", path, p.status)
		}
	}
	if p := b.post("/worklist", url.Values{"tab": {"all"}}); strings.Contains(p.body, `href="/worklist/`) {
		t.Errorf("provider B's worklist lists A's requests")
	}
}

// TestFileInspectorShowsErrorsInPlace: the operator opens the rejected
// file (no provider's) and finds the SE count error at the SE segment;
// a provider may not open it; the upload validates without storing.
func TestFileInspectorShowsErrorsInPlace(t *testing.T) {
	e := newEnv(t)
	op := e.browser(t)
	op.signIn(e.token(t, "operator", []edigw.Entitlement{edigw.EntitleOperations}, nil, nil))
	rejected := strconv.FormatInt(e.files["broken-se-count.edi"], 10)
	list := op.get("/files?status=rejected")
	if !strings.Contains(list.body, `href="/files/`+rejected+`"`) {
		t.Fatalf("the operator's file list does not link the rejected file %s", rejected)
	}
	p := op.get("/files/" + rejected)
	if p.status != http.StatusOK {
		t.Fatalf("inspector: %d", p.status)
	}
	seg := regexp.MustCompile(`(?s)<li id="seg-(\d+)" class="seg seg-err"[^>]*>\s*<span class="loop"[^>]*>[^<]*</span>\s*<span class="raw"><span class="segid"[^>]*>([A-Z0-9]+)</span>`).
		FindStringSubmatch(p.body)
	if seg == nil || seg[2] != "SE" {
		t.Fatalf("no segment in error, or not the SE: %v\n%s", seg, p.body)
	}
	if !strings.Contains(p.body, `class="el el-err" title="SE01 Number of Included Segments`) {
		t.Errorf("SE01 is not marked in error")
	}
	if !strings.Contains(p.body, "IK304=") && !strings.Contains(p.body, "IK403=") && !strings.Contains(p.body, "IK502=") {
		t.Errorf("no 999 code shown")
	}
	// The operator may not open a file of a provider's records.
	if p := op.get("/files/" + strconv.FormatInt(e.files["03-837p-claims.edi"], 10)); p.status != http.StatusNotFound {
		t.Errorf("operator opens a provider's 837: %d", p.status)
	}
	// Nor may a provider open the rejected file.
	a := e.browser(t)
	a.signIn(e.token(t, "homecare", providerEntitlements, []string{tinA}, []string{npiA}))
	if p := a.get("/files/" + rejected); p.status != http.StatusNotFound {
		t.Errorf("provider opens the rejected file: %d", p.status)
	}
	// A provider's 837 links the claims it carried and its acknowledgments.
	p = a.get("/files/" + strconv.FormatInt(e.files["03-837p-claims.edi"], 10))
	if len(claimIDs(p.body)) != 2 || !strings.Contains(p.body, "999 file") {
		t.Errorf("the 837's page lacks its claims or its 999: %v", claimIDs(p.body))
	}
}

// TestOperationsDashboard: the operator sees the figures as tables; a
// provider's token is refused.
func TestOperationsDashboard(t *testing.T) {
	e := newEnv(t)
	op := e.browser(t)
	op.signIn(e.token(t, "operator", []edigw.Entitlement{edigw.EntitleOperations}, nil, nil))
	p := op.get("/operations")
	if p.status != http.StatusOK {
		t.Fatalf("operations: %d", p.status)
	}
	for _, want := range []string{`id="table-inbound"`, "rejected", "archived", `id="table-auth"`, "Approved", `id="table-webhooks"`} {
		if !strings.Contains(p.body, want) {
			t.Errorf("the dashboard lacks %q", want)
		}
	}
	a := e.browser(t)
	a.signIn(e.token(t, "homecare", providerEntitlements, []string{tinA}, []string{npiA}))
	if p := a.get("/operations"); p.status != http.StatusForbidden {
		t.Errorf("a provider's token on /operations: %d", p.status)
	}
}

// TestWorklist: tabs with counts, the search by POST, a request's page
// with its decision and linked claims.
func TestWorklist(t *testing.T) {
	e := newEnv(t)
	a := e.browser(t)
	a.signIn(e.token(t, "homecare", providerEntitlements, []string{tinA}, []string{npiA}))
	p := a.get("/worklist")
	if p.status != http.StatusOK || !strings.Contains(p.body, `id="tab-approved"`) {
		t.Fatalf("worklist: %d", p.status)
	}
	p = a.post("/worklist", url.Values{"tab": {"approved"}})
	m := regexp.MustCompile(`href="/worklist/(\d+)"`).FindStringSubmatch(p.body)
	if m == nil {
		t.Fatalf("no approved request:\n%s", p.body)
	}
	if !regexp.MustCompile(`Approved <span class="count">1</span>`).MatchString(p.body) {
		t.Errorf("the Approved tab does not count 1")
	}
	if p := a.post("/worklist", url.Values{"tab": {"denied"}}); strings.Contains(p.body, `href="/worklist/`) {
		t.Errorf("the Denied tab lists a request")
	}
	req := a.get("/worklist/" + m[1])
	for _, want := range []string{"C26014A00123", "E0250", "/claims/", "<dt>Valid through</dt><dd>2026-02-01 to 2026-05-01</dd>",
		"<dt>Decision due</dt>", "<dt>Appeal deadline</dt>"} {
		if !strings.Contains(req.body, want) {
			t.Errorf("the request's page lacks %q", want)
		}
	}
}

// TestHeaders: every page carries a CSP without unsafe-inline, and no
// page holds an inline script or style.
func TestHeaders(t *testing.T) {
	e := newEnv(t)
	op := e.browser(t)
	op.signIn(e.token(t, "operator", []edigw.Entitlement{edigw.EntitleOperations}, nil, nil))
	a := e.browser(t)
	a.signIn(e.token(t, "homecare", providerEntitlements, []string{tinA}, []string{npiA}))
	inline := regexp.MustCompile(`<script>|<script [^>]*>[^<]|<style|\sstyle="|\son[a-z]+="`)
	for _, c := range []struct {
		b    *browser
		path string
	}{{a, "/claims"}, {a, "/worklist"}, {a, "/files"}, {op, "/operations"}, {op, "/files"}, {a, "/signin"}} {
		p := c.b.get(c.path)
		csp := p.header.Get("Content-Security-Policy")
		if csp == "" || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: CSP %q", c.path, csp)
		}
		if p.header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control %q", c.path, p.header.Get("Cache-Control"))
		}
		if loc := inline.FindString(p.body); loc != "" {
			t.Errorf("%s: inline script or style %q", c.path, loc)
		}
	}
}

// TestVendoredFilesMatchTheirManifest: the embedded JavaScript is what
// the manifest says was downloaded.
func TestVendoredFilesMatchTheirManifest(t *testing.T) {
	manifest, err := os.ReadFile("static/vendor/README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"htmx-2.0.8.min.js", "chart-4.5.1.umd.min.js"} {
		b, err := os.ReadFile("static/vendor/" + name)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if !strings.Contains(string(manifest), "`"+name+"`") || !strings.Contains(string(manifest), hex.EncodeToString(sum[:])) {
			t.Errorf("%s: digest %x is not in the manifest", name, sum)
		}
	}
}

// TestUploadValidatesWithoutStoring: an uploaded file is judged and shown
// with its error in place, and the ledger holds no new file.
func TestUploadValidatesWithoutStoring(t *testing.T) {
	e := newEnv(t)
	a := e.browser(t)
	a.signIn(e.token(t, "homecare", providerEntitlements, []string{tinA}, []string{npiA}))
	a.get("/files")
	before, err := e.db.Files(context.Background(), edigw.FileFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile("../fixtures/edi/broken-se-count.edi")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("csrf", a.csrf)
	fw, _ := mw.CreateFormFile("file", "mine.edi")
	_, _ = fw.Write(body)
	_ = mw.Close()
	req, _ := http.NewRequest("POST", e.server.URL+"/validate", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	p := a.do(req)
	if p.status != http.StatusOK || !strings.Contains(p.body, "Validation of mine.edi") ||
		!strings.Contains(p.body, `class="el el-err" title="SE01 Number of Included Segments`) {
		t.Fatalf("upload: %d\n%s", p.status, p.body)
	}
	after, err := e.db.Files(context.Background(), edigw.FileFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if after[0].ID != before[0].ID {
		t.Errorf("the upload was entered in the ledger as file %d", after[0].ID)
	}
}

// TestSessionEndsWithItsToken: revoking the token ends the sessions it
// opened at once.
func TestSessionEndsWithItsToken(t *testing.T) {
	e := newEnv(t)
	secret := e.token(t, "homecare", providerEntitlements, []string{tinA}, []string{npiA})
	b := e.browser(t)
	b.signIn(secret)
	if p := b.get("/claims"); p.status != http.StatusOK {
		t.Fatalf("claims: %d", p.status)
	}
	tok, err := e.db.TokenByHash(context.Background(), api.HashSecret(secret))
	if err != nil {
		t.Fatal(err)
	}
	if err := e.db.RevokeToken(context.Background(), tok.ID); err != nil {
		t.Fatal(err)
	}
	if p := b.get("/claims"); p.status != http.StatusSeeOther {
		t.Errorf("the revoked token's session still opens /claims: %d", p.status)
	}
}

// TestSessionExpires: a session is refused once its time is up.
func TestSessionExpires(t *testing.T) {
	e := newEnv(t)
	srv := &console.Server{Store: e.db, Objects: e.objects, SessionTTL: time.Second}
	e.server = newServer(srv)
	defer e.server.Close()
	b := e.browser(t)
	b.signIn(e.token(t, "homecare", providerEntitlements, []string{tinA}, []string{npiA}))
	u, _ := url.Parse(e.server.URL)
	var id string
	for _, c := range b.client.Jar.Cookies(u) {
		if c.Name == "edigw_session" {
			id = c.Value
		}
	}
	time.Sleep(1200 * time.Millisecond)
	// Sent by hand: the store, not the browser, must refuse it.
	req, _ := http.NewRequest("GET", e.server.URL+"/claims", nil)
	req.AddCookie(&http.Cookie{Name: "edigw_session", Value: id})
	if p := b.do(req); id == "" || p.status != http.StatusSeeOther {
		t.Errorf("an expired session opens /claims: %d", p.status)
	}
}
