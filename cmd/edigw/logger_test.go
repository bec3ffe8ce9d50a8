package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Every request is logged once: 500 requests in a burst give 500 request
// lines (zap's production preset, which serve used, sampled them down to
// about a fifth). Times are ISO 8601.
func TestServeLogsEveryRequest(t *testing.T) {
	db := testDatabase(t)
	_, cmd, exited, logs := startServe(t, "--database", db, "--objects", t.TempDir(), "--poll", "0")
	addr := regexp.MustCompile(`listening on http://([0-9.:]+)`).FindStringSubmatch(logs.String())[1]
	client := &http.Client{Timeout: 30 * time.Second}
	for i := range 500 {
		res, err := client.Get("http://" + addr + "/v1/nothing")
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		res.Body.Close()
	}
	// The log is complete once serve has exited.
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := <-exited; err != nil {
		t.Fatalf("serve: %v", err)
	}
	requests := 0
	iso8601 := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`)
	for _, line := range strings.Split(logs.String(), "\n") {
		if !strings.HasPrefix(line, "{") {
			continue
		}
		var entry struct {
			Msg   string `json:"msg"`
			TS    string `json:"ts"`
			Route string `json:"route"`
		}
		if err := json.NewDecoder(bytes.NewReader([]byte(line))).Decode(&entry); err != nil {
			t.Fatalf("not JSON: %s", line)
		}
		if !iso8601.MatchString(entry.TS) {
			t.Errorf("time %q is not ISO 8601 UTC: %s", entry.TS, line)
		}
		if entry.Msg == "request" && entry.Route == "unmatched" {
			requests++
		}
	}
	if requests != 500 {
		t.Errorf("%d request lines for 500 requests", requests)
	}
}

func TestLogFlags(t *testing.T) {
	var buf bytes.Buffer
	log, err := newLogger(&buf, logFlags{level: "warn", format: "console"})
	if err != nil {
		t.Fatal(err)
	}
	log.Info("hidden")
	log.Warn("shown")
	if out := buf.String(); strings.Contains(out, "hidden") || !strings.Contains(out, "WARN") || !strings.Contains(out, "shown") ||
		strings.HasPrefix(out, "{") {
		t.Errorf("console at warn: %q", out)
	}
	for _, bad := range []logFlags{{level: "loud", format: "json"}, {level: "info", format: "xml"}, {level: "fatal", format: "json"}} {
		if _, err := newLogger(&buf, bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	code, _, errOut := runCmd(t, "", "serve", "--database", "postgres://unused", "--log-format", "xml")
	if code != exitUnusable || !strings.Contains(errOut, "--log-format") {
		t.Errorf("serve --log-format xml: exit %d %s", code, errOut)
	}
}
