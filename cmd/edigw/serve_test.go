package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestServeShutsDownGracefully runs `edigw serve` as a child process over
// a test database and a directory object store: the API, health, metrics
// and the poll loop answer; then, with a claim submission half sent,
// SIGTERM closes the listener, the submission still completes (202), and
// the process exits 0.
func TestServeShutsDownGracefully(t *testing.T) {
	db := testDatabase(t)
	objects := t.TempDir()
	secret := homecareToken(t, db)

	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "EDIGW_AS_COMMAND="+strings.Join([]string{"serve", "--database", db, "--objects", objects,
		"--listen", "127.0.0.1:0", "--poll", "100ms", "--shutdown-timeout", "20s"}, "\x1f"))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	addrc := make(chan string, 1)
	var logs bytes.Buffer
	go func() {
		sc := bufio.NewScanner(stderr)
		listening := regexp.MustCompile(`listening on http://([0-9.:]+)`)
		for sc.Scan() {
			logs.WriteString(sc.Text() + "\n")
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				addrc <- m[1]
			}
		}
		exited <- cmd.Wait()
	}()
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	var addr string
	select {
	case addr = <-addrc:
	case err := <-exited:
		t.Fatalf("serve exited early: %v\n%s", err, logs.String())
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not start:\n%s", logs.String())
	}
	base := "http://" + addr

	get := func(path, token string) (int, string) {
		req, _ := http.NewRequest("GET", base+path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if s, b := get("/healthz", ""); s != 200 || b != "ok\n" {
		t.Errorf("healthz: %d %q", s, b)
	}
	if s, b := get("/readyz", ""); s != 200 || b != "ready\n" {
		t.Errorf("readyz: %d %q", s, b)
	}
	if s, b := get("/v1/token", secret); s != 200 || !strings.Contains(b, `"homecare"`) {
		t.Errorf("token: %d %s", s, b)
	}
	if s, _ := get("/v1/nothing", secret); s != 404 {
		t.Errorf("unknown route: %d", s)
	}

	// The poll loop takes a file dropped into inbound/ to archive/.
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
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if archived(objects, "claims.edi") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the inbound file was not archived:\n%s", logs.String())
		}
	}
	// The file's counters move just after its bytes reach the archive:
	// wait for them rather than read the first scrape.
	archivedCounter := `edigw_files_total{direction="inbound",kind="837",outcome="archived"} 1` + "\n"
	var metrics string
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, metrics = get("/metrics", ""); strings.Contains(metrics, archivedCounter) || time.Now().After(deadline) {
			break
		}
	}
	for _, line := range []string{`edigw_http_requests_total{route="GET /v1/token",status="200"} 1`,
		`edigw_http_requests_total{route="unmatched",status="404"} 1`,
		`edigw_files_total{direction="inbound",kind="837",outcome="archived"} 1`, "# TYPE edigw_http_request_duration_seconds histogram",
		`edigw_files_total{direction="outbound",kind="277CA",outcome="sent"} 1`, "edigw_inbound_failures_total 0",
		`edigw_claims_total{decision="accepted",source="edigw"} 2`, `edigw_outbound_queue_depth{kind="professional",payer="62308"} 0`,
		"edigw_webhook_deliveries_total{outcome=\"delivered\"} 0", "edigw_unmatched_acknowledgments_total 0", "edigw_backlog_scrape_error 0",
		"# TYPE go_goroutines gauge", "# TYPE process_resident_memory_bytes gauge"} {
		if !strings.Contains(metrics, line+"\n") {
			t.Errorf("metrics lack %q:\n%s", line, metrics)
		}
	}
	if !regexp.MustCompile(`(?m)^edigw_build_info\{build_date="[^"]+",goversion="go[^"]+",revision="[^"]+",version="[^"]+"\} 1$`).MatchString(metrics) {
		t.Errorf("metrics lack edigw_build_info:\n%s", metrics)
	}

	// A submission in flight when SIGTERM comes still gets its answer.
	body := storyClaim(t)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /v1/claims HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\n"+
		"Content-Length: %d\r\n\r\n", addr, secret, len(body))
	half := len(body) / 2
	if _, err := conn.Write(body[:half]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // the server is reading the body
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	// The listener closes: new connections are refused.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("still accepting connections after SIGTERM")
		}
	}
	if _, err := conn.Write(body[half:]); err != nil {
		t.Fatalf("finishing the request: %v", err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer to the request in flight: %v\n%s", err, logs.String())
	}
	answer, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusAccepted {
		t.Errorf("request in flight: %d %s", res.StatusCode, answer)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("serve exited with %v\n%s", err, logs.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not exit after SIGTERM:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "shutting down") || strings.Contains(logs.String(), "JANE") {
		t.Errorf("logs:\n%s", logs.String())
	}
}

// storyClaim is the story's first claim as the JSON view.
func storyClaim(t *testing.T) []byte {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "fixtures", "golden", "json", "03-837p-claims.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	sc.Scan()
	var line struct {
		Record json.RawMessage `json:"record"`
	}
	if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
		t.Fatal(err)
	}
	// Another control number than the file's claim, so it is a new claim.
	return bytes.Replace(line.Record, []byte(`"DME-2026-0101"`), []byte(`"API-2026-0001"`), 1)
}

// homecareToken creates the serve tests' claims token and returns its
// secret.
func homecareToken(t *testing.T, db string) string {
	t.Helper()
	code, out, errOut := runCmd(t, "", "token", "create", "--database", db, "--name", "homecare", "--entitlement", "claims",
		"--tin", "061234567", "--npi", "1234567893")
	if code != exitOK {
		t.Fatalf("token: %s", errOut)
	}
	return strings.TrimSpace(out)
}

// startServe runs `edigw serve` in a child process and returns its
// address, its exit and its log.
func startServe(t *testing.T, args ...string) (string, *exec.Cmd, <-chan error, *syncBuffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "EDIGW_AS_COMMAND="+strings.Join(append([]string{"serve", "--listen", "127.0.0.1:0"}, args...), "\x1f"))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	exited := make(chan error, 1)
	addrc := make(chan string, 1)
	logs := &syncBuffer{}
	go func() {
		sc := bufio.NewScanner(stderr)
		listening := regexp.MustCompile(`listening on http://([0-9.:]+)`)
		for sc.Scan() {
			logs.add(sc.Text())
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				addrc <- m[1]
			}
		}
		exited <- cmd.Wait()
	}()
	select {
	case addr := <-addrc:
		return addr, cmd, exited, logs
	case err := <-exited:
		t.Fatalf("serve exited early: %v\n%s", err, logs)
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not start:\n%s", logs)
	}
	return "", nil, nil, nil
}

// syncBuffer collects log lines from the reading goroutine.
type syncBuffer struct {
	mu    sync.Mutex
	lines []string
}

func (b *syncBuffer) add(s string) { b.mu.Lock(); b.lines = append(b.lines, s); b.mu.Unlock() }

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return strings.Join(b.lines, "\n")
}

// TestServeFinishesTheFileInHand stops serve while it is in the middle of
// a large inbound file: the file is still committed and archived, and only
// then does serve exit.
func TestServeFinishesTheFileInHand(t *testing.T) {
	db := testDatabase(t)
	objects := t.TempDir()
	inbound := filepath.Join(objects, "cigna-62308", "inbound")
	if err := os.MkdirAll(inbound, 0o755); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(t.TempDir(), "big.x12")
	if code, _, errOut := runCmd(t, "", "gen", "--kind", "837p", "--claims", "20000", "--seed", "7", "-o", big); code != exitOK {
		t.Fatalf("gen: %s", errOut)
	}
	_, cmd, exited, logs := startServe(t, "--database", db, "--objects", objects, "--poll", "100ms")
	// Readiness would do, but the point is a file in hand: drop it only
	// now, and stop serve once it holds the file's lock.
	raw, err := os.ReadFile(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(inbound, "big.x12"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		var held int
		if err := conn.QueryRow(context.Background(), `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted
			AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`).Scan(&held); err != nil {
			t.Fatal(err)
		}
		if held > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve never took the file:\n%s", logs)
		}
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("serve exited with %v\n%s", err, logs)
		}
	case <-time.After(2 * time.Minute):
		t.Fatalf("serve did not exit:\n%s", logs)
	}
	if !archived(objects, "big.x12") {
		t.Errorf("the file in hand was not finished\n%s", logs)
	}
	var claims int
	if err := conn.QueryRow(context.Background(), "SELECT count(*) FROM claims").Scan(&claims); err != nil || claims != 20000 {
		t.Errorf("%d claims stored (%v), want 20000", claims, err)
	}
}

// archived tells whether an inbound file of that name rests in the
// partner's archive/ (archive/YYYY/MM/DD/ID/NAME).
func archived(objects, name string) bool {
	found, _ := filepath.Glob(filepath.Join(objects, "cigna-62308", "archive", "*", "*", "*", "*", name))
	return len(found) > 0
}
