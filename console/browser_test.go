package console_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/edigw/edigw"
)

// The browser tests drive the console in headless Chromium (Debian's
// chromium, installed by scripts/chromium.sh; EDIGW_CHROMIUM names
// another). Without a browser they skip, or fail under CI=true. With
// EDIGW_CONSOLE_SCREENSHOTS naming a directory they leave a screenshot of
// each page there (docs/console/ holds the ones docs/console.md shows).

// chromiumPath finds the browser the way scripts/chromium.sh does.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("EDIGW_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium for the browser tests: run scripts/chromium.sh (make test does) or set EDIGW_CHROMIUM")
	}
	t.Skip("no Chromium (scripts/chromium.sh installs it); the browser tests are skipped")
	return ""
}

// headless starts a browser for the test and returns its first tab, and
// a function that fails the test on any script error, CSP violation or
// other error the pages wrote to the console (a 403 or 404 the test asks
// for is expected).
func headless(t *testing.T) (context.Context, func()) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromiumPath(t)),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1280, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting %s: %v", chromiumPath(t), err)
	}
	var mu sync.Mutex
	var problems []string
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == "error" && !strings.Contains(m.Text, "403") && !strings.Contains(m.Text, "404") {
				mu.Lock()
				problems = append(problems, m.String())
				mu.Unlock()
			}
		}
	}()
	return ctx, func() {
		t.Helper()
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Errorf("the browser reported: %s", p)
		}
	}
}

// shot saves a screenshot of the page when EDIGW_CONSOLE_SCREENSHOTS is set.
func shot(name string) chromedp.Action[chromedp.Void] {
	dir := os.Getenv("EDIGW_CONSOLE_SCREENSHOTS")
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if dir == "" {
			return nil
		}
		png, err := chromedp.FullScreenshot(100)(ctx, t)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	})
}

// run runs an action that returns a value, failing the test on an error.
func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// do runs steps, failing the test on an error.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func signIn(t *testing.T, ctx context.Context, base, secret string) {
	t.Helper()
	do(t, ctx, "sign in",
		chromedp.Navigate(base+"/signin"),
		chromedp.WaitVisible(chromedp.ID("token")),
		shot("signin"),
		chromedp.SendKeys(chromedp.ID("token"), secret),
		chromedp.Click(chromedp.ID("signin")),
		chromedp.WaitVisible(chromedp.ID("signout")))
}

func signOut(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx, "sign out", chromedp.Click(chromedp.ID("signout")), chromedp.WaitVisible(chromedp.ID("token")))
}

// fetchStatus is the status a fetch from the page gets.
func fetchStatus(t *testing.T, ctx context.Context, js string) int {
	t.Helper()
	return run(t, ctx, "fetch", chromedp.Evaluate[int](js+".then(r => r.status)", chromedp.EvalAwaitPromise))
}

// TestBrowserProviderJourney: a provider's staff member signs in, filters
// the worklist, opens a request, follows it to its claim's story, is
// refused a POST without the form token and another provider's claim,
// and signs out.
func TestBrowserProviderJourney(t *testing.T) {
	ctx, check := headless(t)
	e := newEnv(t)
	base := e.server.URL
	signIn(t, ctx, base, e.token(t, "Homecare billing", providerEntitlements, []string{tinA}, []string{npiA}))

	// The worklist: the Approved tab, then a search.
	do(t, ctx, "worklist", chromedp.Navigate(base+"/worklist"), chromedp.WaitVisible(chromedp.ID("tab-approved")))
	do(t, ctx, "the Approved tab", chromedp.Click(chromedp.ID("tab-approved")),
		chromedp.WaitVisible(chromedp.CSS(`#tab-approved[aria-pressed="true"]`)))
	// The Approved tab's table has links too: wait for the search's own
	// table (its caption says so), or the click below may find a node
	// the search's swap is about to remove.
	do(t, ctx, "the search", chromedp.SendKeys(chromedp.ID("q"), "C26014A00123"), chromedp.Click(chromedp.ID("search")),
		chromedp.Poll[chromedp.Void](`(document.querySelector(".worklist-table caption")?.textContent ?? "").includes("matching the search")`),
		chromedp.WaitVisible(chromedp.CSS(`.worklist-table a[href^="/worklist/"]`)), shot("worklist"))
	rows := run(t, ctx, "worklist rows", chromedp.Nodes(chromedp.CSSAll(`.worklist-table tbody tr`)))
	if len(rows) != 1 {
		t.Errorf("the search finds %d requests, want 1", len(rows))
	}
	// A request's page, then its linked claim's story.
	do(t, ctx, "request",
		chromedp.Click(chromedp.CSS(`.worklist-table a[href^="/worklist/"]`)),
		chromedp.WaitVisible(chromedp.ID("decision")),
		shot("request"))
	if title := run(t, ctx, "title", chromedp.Title()); !strings.HasPrefix(title, "Request ") {
		t.Errorf("request page title %q", title)
	}
	do(t, ctx, "claim story",
		chromedp.Click(chromedp.CSS(`section[aria-labelledby="claims"] a[href^="/claims/"]`)),
		chromedp.WaitVisible(chromedp.ID("story")),
		shot("claim"))
	steps := run(t, ctx, "timeline", chromedp.Nodes(chromedp.CSSAll(".timeline .step")))
	story := run(t, ctx, "story", chromedp.Text(chromedp.CSS("main")))
	if len(steps) < 3 || !strings.Contains(story, "partially paid") || !strings.Contains(story, "CO-45") {
		t.Errorf("the claim's story has %d steps:\n%s", len(steps), story)
	}
	// The claims search, by patient control number.
	do(t, ctx, "claims search",
		chromedp.Navigate(base+"/claims"),
		chromedp.WaitVisible(chromedp.ID("pcn")),
		chromedp.SendKeys(chromedp.ID("pcn"), "DME-2026-0102"),
		chromedp.Click(chromedp.ID("search")),
		chromedp.WaitNotPresent(chromedp.CSS(`#results a[href="/claims/`+claimID(t, e, "DME-2026-0101")+`"]`)),
		shot("claims"))
	if text := run(t, ctx, "results", chromedp.Text(chromedp.ID("results"))); !strings.Contains(text, "DME-2026-0102") {
		t.Errorf("the search shows:\n%s", text)
	}
	if loc := run(t, ctx, "location", chromedp.Location()); strings.Contains(loc, "DME") {
		t.Errorf("the search put the patient control number in the URL: %s", loc)
	}
	// A POST without the form token is refused.
	if st := fetchStatus(t, ctx, `fetch("/claims", {method: "POST", body: new URLSearchParams({status: "paid"})})`); st != 403 {
		t.Errorf("POST without the form token: %d", st)
	}
	do(t, ctx, "files", chromedp.Navigate(base+"/files"), chromedp.WaitVisible(chromedp.ID("file")), shot("files"))
	signOut(t, ctx)
	if st := fetchStatus(t, ctx, `fetch("/claims", {redirect: "manual"})`); st == 200 {
		t.Errorf("after sign-out /claims answers 200")
	}

	// Another provider signs in in the same browser: A's claim is 404.
	signIn(t, ctx, base, e.token(t, "Other practice", providerEntitlements, []string{tinB}, []string{npiB}))
	theirs := claimID(t, e, "DME-2026-0101")
	do(t, ctx, "another provider's claim", chromedp.Navigate(base+"/claims/"+theirs), chromedp.WaitVisible(chromedp.CSS("h1")))
	if h1 := run(t, ctx, "h1", chromedp.Text(chromedp.CSS("h1"))); h1 != "Not found" {
		t.Errorf("another provider's claim shows %q", h1)
	}
	if st := fetchStatus(t, ctx, `fetch("/claims/`+theirs+`")`); st != 404 {
		t.Errorf("another provider's claim: %d", st)
	}
	signOut(t, ctx)
	check()
}

// claimID is a story claim's store ID.
func claimID(t *testing.T, e *env, pcn string) string {
	t.Helper()
	cs, err := e.db.SearchClaims(context.Background(), edigw.ClaimFilter{PatientControlNumber: pcn, Limit: 1}, nil)
	if err != nil || len(cs) != 1 {
		t.Fatalf("the story's claim: %v %d", err, len(cs))
	}
	return strconv.FormatInt(cs[0].ID, 10)
}

// TestBrowserOperatorFindsTheErrorInPlace: an operator opens the
// dashboard, then the rejected file from the file list, and finds its
// error highlighted at the SE segment and its SE01 element; then signs
// out.
func TestBrowserOperatorFindsTheErrorInPlace(t *testing.T) {
	ctx, check := headless(t)
	e := newEnv(t)
	base := e.server.URL
	signIn(t, ctx, base, e.token(t, "Operations", []edigw.Entitlement{edigw.EntitleOperations}, nil, nil))
	rejected := strconv.FormatInt(e.files["broken-se-count.edi"], 10)
	// Chart.js drew into the canvases: a drawn canvas has a style.
	do(t, ctx, "dashboard", chromedp.WaitVisible(chromedp.ID("table-inbound")),
		chromedp.WaitVisible(chromedp.CSS(`#chart-inbound[style]`)), shot("operations"))
	do(t, ctx, "file list",
		chromedp.Navigate(base+"/files?status=rejected"),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/files/`+rejected+`"]`)),
		shot("file-list"),
		chromedp.Click(chromedp.CSS(`a[href="/files/`+rejected+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(".seg-err")),
		chromedp.ScrollIntoView(chromedp.CSS(".seg-err")),
		shot("file"))
	segID := run(t, ctx, "segment", chromedp.Text(chromedp.CSS(".seg-err .segid")))
	title := run(t, ctx, "element", chromedp.AttributeValue(chromedp.CSS(".seg-err .el-err"), "title"))
	msg := run(t, ctx, "message", chromedp.Text(chromedp.CSS(".seg-err .seg-msg")))
	if segID != "SE" || !strings.HasPrefix(title.Value, "SE01 ") || !strings.Contains(msg, "IK") {
		t.Errorf("the error is at %q, element %q, message %q", segID, title.Value, msg)
	}
	signOut(t, ctx)
	check()
}
