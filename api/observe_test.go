package api_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestRequestsAreLoggedAndCountedWithoutPHI checks the log line and the
// metrics of each request, and that neither ever holds what a record says
// about a patient, nor a token's secret.
func TestRequestsAreLoggedAndCountedWithoutPHI(t *testing.T) {
	e := newEnv(t, envOptions{})
	tok, tokID := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	good := claim("A-1", tinA, npiA)
	bad := claim("A-2", tinA, npiA)
	bad.Lines[0].ProcedureCode = "ZZZZZ"
	if res := e.call(t, "POST", "/v1/claims", tok, good); res.status != http.StatusAccepted {
		t.Fatalf("%d %s", res.status, res.body)
	}
	if res := e.call(t, "POST", "/v1/claims", tok, bad); res.status != http.StatusUnprocessableEntity {
		t.Fatalf("%d %s", res.status, res.body)
	}
	e.call(t, "GET", "/v1/claims/1?memberId=U1234567801", tok, nil)
	e.call(t, "GET", "/v1/events", "edigw_wrong", nil)

	entries := e.logs.FilterMessage("request").All()
	if len(entries) != 4 {
		t.Fatalf("%d request log lines, want 4", len(entries))
	}
	first := entries[0].ContextMap()
	if first["route"] != "POST /v1/claims" || first["status"] != int64(202) || first["token"] != tokID || first["method"] != "POST" {
		t.Errorf("log line %v", first)
	}
	if last := entries[3].ContextMap(); last["status"] != int64(401) || last["token"] != int64(0) {
		t.Errorf("unauthenticated request logged as %v", last)
	}
	var all bytes.Buffer
	for _, en := range e.logs.All() {
		fmt.Fprintf(&all, "%s %v\n", en.Message, en.ContextMap())
	}
	for _, phi := range []string{"DOE", "JANE", "U1234567801", "19480312", "44 ELM", tok} {
		if strings.Contains(all.String(), phi) {
			t.Errorf("the logs hold %q:\n%s", phi, all.String())
		}
	}

	scrape := e.scrape(t)
	for _, line := range []string{
		`edigw_http_requests_total{route="POST /v1/claims",status="202"} 1`,
		`edigw_http_requests_total{route="POST /v1/claims",status="422"} 1`,
		`edigw_http_requests_total{route="GET /v1/events",status="401"} 1`,
		`edigw_http_request_duration_seconds_count{route="POST /v1/claims"} 2`,
		`edigw_http_requests_in_flight 0`,
	} {
		if !strings.Contains(scrape, line+"\n") {
			t.Errorf("metrics lack %q:\n%s", line, scrape)
		}
	}
	if strings.Contains(scrape, "U1234567801") {
		t.Error("the metrics hold a member ID")
	}
}

// A request no endpoint takes is counted under route "unmatched", also
// when a mux in front of the API (serve's, at "/") matched it first.
func TestUnmatchedRoutesAreLabelledUnmatched(t *testing.T) {
	e := newEnv(t, envOptions{})
	front := http.NewServeMux()
	front.Handle("/", e.server.Config.Handler)
	srv := httptest.NewServer(front)
	defer srv.Close()
	for _, path := range []string{"/v1/nothing", "/", "/v1/claims/1/nothing"} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, res.StatusCode)
		}
	}
	scrape := e.scrape(t)
	if !strings.Contains(scrape, `edigw_http_requests_total{route="unmatched",status="404"} 3`+"\n") ||
		strings.Contains(scrape, `route="/"`) {
		t.Errorf("unmatched routes:\n%s", scrape)
	}
}
