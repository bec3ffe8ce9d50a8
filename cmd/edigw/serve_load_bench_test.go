package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/edigw/edigw/internal/testenv"
)

// BenchmarkServeConcurrentSubmissions runs `edigw serve` in a child
// process (API only, --poll 0) and sends it 100 claim submissions of 1,000
// claims each, all at once, from 100 clients; a client refused with 503
// waits as Retry-After says and sends again, until every submission is
// queued. It reports serve's peak resident memory (VmHWM) and how many
// answers were 503. Extra serve flags come from
// EDIGW_BENCH_SERVE_FLAGS (space-separated), e.g. "--max-submissions 8".
func BenchmarkServeConcurrentSubmissions(b *testing.B) {
	const clients, perBatch = 100, 1000
	db := (&testenv.Databases{Prefix: "edigw_cmd_"}).Empty(b)
	var out, errb bytes.Buffer
	if code := run([]string{"token", "create", "--database", db, "--name", "load", "--entitlement", "claims",
		"--tin", "061234567", "--npi", "1234567893"}, strings.NewReader(""), &out, &errb); code != exitOK {
		b.Fatalf("token: %s", errb.String())
	}
	secret := strings.TrimSpace(out.String())
	args := []string{"serve", "--database", db, "--objects", b.TempDir(), "--listen", "127.0.0.1:0", "--poll", "0"}
	args = append(args, strings.Fields(os.Getenv("EDIGW_BENCH_SERVE_FLAGS"))...)
	addr, cmd := benchServe(b, args)

	record := benchClaimRecord(b)
	bodies := make([][]byte, clients)
	for c := range bodies {
		var buf bytes.Buffer
		buf.WriteByte('[')
		for i := range perBatch {
			if i > 0 {
				buf.WriteByte(',')
			}
			buf.Write(bytes.Replace(record, []byte(`"DME-2026-0101"`), fmt.Appendf(nil, `"L%02d-%05d"`, c, i), 1))
		}
		buf.WriteByte(']')
		bodies[c] = buf.Bytes()
	}
	b.Logf("%d submissions of %d bytes", clients, len(bodies[0]))
	var busy, queued atomic.Int64
	start := time.Now()
	for b.Loop() {
		var wg sync.WaitGroup
		for c := range clients {
			wg.Go(func() {
				for {
					req, _ := http.NewRequest("POST", "http://"+addr+"/v1/claims", bytes.NewReader(bodies[c]))
					req.Header.Set("Authorization", "Bearer "+secret)
					req.Header.Set("Content-Type", "application/json")
					res, err := http.DefaultClient.Do(req)
					if err != nil {
						b.Errorf("client %d: %v", c, err)
						return
					}
					_, _ = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					switch res.StatusCode {
					case http.StatusAccepted:
						queued.Add(1)
						return
					case http.StatusServiceUnavailable, http.StatusTooManyRequests:
						busy.Add(1)
						wait, _ := strconv.Atoi(res.Header.Get("Retry-After"))
						time.Sleep(time.Duration(max(wait, 1)) * time.Second)
					default:
						b.Errorf("client %d: %d", c, res.StatusCode)
						return
					}
				}
			})
		}
		wg.Wait()
	}
	elapsed := time.Since(start)
	b.StopTimer()
	hwm := vmHWM(b, cmd.Process.Pid)
	b.ReportMetric(hwm, "peak-RSS-MB")
	b.ReportMetric(float64(busy.Load()), "busy-answers")
	b.ReportMetric(float64(queued.Load()), "queued")
	b.ReportMetric(elapsed.Seconds(), "total-s")
}

// benchServe starts serve with args and returns its address.
func benchServe(b *testing.B, args []string) (string, *exec.Cmd) {
	b.Helper()
	cmd := child(b, args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addrc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		listening := regexp.MustCompile(`listening on http://([0-9.:]+)`)
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				addrc <- m[1]
			}
		}
	}()
	select {
	case addr := <-addrc:
		return addr, cmd
	case <-time.After(60 * time.Second):
		b.Fatal("serve did not start")
	}
	return "", nil
}

// benchClaimRecord is the story's first claim as the JSON view.
func benchClaimRecord(b *testing.B) []byte {
	raw, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "golden", "json", "03-837p-claims.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	first, _, _ := bytes.Cut(raw, []byte("\n"))
	var line struct {
		Record json.RawMessage `json:"record"`
	}
	if err := json.Unmarshal(first, &line); err != nil {
		b.Fatal(err)
	}
	return line.Record
}

// vmHWM is a process's peak resident set in MB, from /proc.
func vmHWM(b *testing.B, pid int) float64 {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	for line := range strings.SplitSeq(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			if err != nil {
				b.Fatal(err)
			}
			return kb / 1024
		}
	}
	b.Fatal("no VmHWM")
	return 0
}
