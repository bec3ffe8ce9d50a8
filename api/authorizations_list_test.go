package api_test

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// ingest278 stores 278 records as one inbound file, through the ingest.
func (e *env) ingest278(t *testing.T, name string, reqs ...*edigw.AuthorizationRequest) {
	t.Helper()
	ctx := context.Background()
	ing, err := e.db.BeginIngest(ctx, &edigw.File{PayerID: edigw.Cigna, Key: "cigna-62308/inbound/" + name + ".x12",
		Direction: edigw.Inbound, Kind: "278"})
	if err != nil {
		t.Fatal(err)
	}
	if err := ing.AddAuthorizations(ctx, reqs); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(name))
	if _, err := ing.Commit(ctx, fmt.Sprintf("%x", sum), 1); err != nil {
		t.Fatal(err)
	}
}

// request278 is a pending 278 request of a provider (tin "" names only
// its NPI) for a patient and a procedure.
func request278(trace, tin, npi, last, member, procedure string) *edigw.AuthorizationRequest {
	r := approval()
	r.TraceNumber, r.Decision, r.Status = trace, nil, ""
	r.Requester = edigw.ReviewParty{Role: "1P", Party: provider(tin, npi)}
	r.Subscriber = edigw.Person{LastName: last, FirstName: "JANE", MemberID: member}
	r.Services[0].ProcedureCode, r.Services[0].Decision = procedure, nil
	return r
}

type worklistBody struct {
	Items []struct {
		ID              string `json:"id"`
		AuthorizationID string `json:"authorizationId"`
		Patient         string `json:"patient"`
		Status          string `json:"status"`
		Procedure       string `json:"procedure"`
		OrderingNPI     string `json:"orderingNpi"`
		Insurer         string `json:"insurer"`
		TraceNumber     string `json:"traceNumber"`
	} `json:"items"`
	Next string `json:"next"`
}

// TestAuthorizationWorklistAPI: the worklist and its counts through the
// API, in the token's scope: B's token never lists, counts or finds A's
// requests whatever it searches; a token of A's TIN alone sees A's
// request that names only A's NPI, since A's token declares that NPI
// under the TIN.
func TestAuthorizationWorklistAPI(t *testing.T) {
	e := newEnv(t, envOptions{})
	// A1 is A's, approved (CERT-A-1) by the response that follows; A2
	// names only A's NPI.
	a1 := request278("TRACE-A-1", tinA, npiA, "DOE", "U1234567801", "E0250")
	a2 := request278("TRACE-A-2", "", npiA, "SMITH", "MA2", "E0601")
	b1 := request278("TRACE-B-1", tinB, npiB, "DOE", "U1234567801", "E0250")
	e.ingest278(t, "worklist", a1, a2, b1)
	e.ingest278(t, "worklist-response", approval())
	precert := []edigw.Entitlement{edigw.EntitlePrecertification}
	a, _ := e.token(t, "A", precert, []string{tinA}, []string{npiA}) // also declares npiA under tinA
	aTIN, _ := e.token(t, "A's TIN", precert, []string{tinA}, nil)
	b, _ := e.token(t, "B", precert, []string{tinB}, []string{npiB})
	claimsOnly, _ := e.token(t, "A claims", []edigw.Entitlement{edigw.EntitleClaims}, []string{tinA}, []string{npiA})

	list := func(tok, query string) worklistBody {
		t.Helper()
		res := e.call(t, "GET", "/v1/authorizations"+query, tok, nil)
		if res.status != http.StatusOK {
			t.Fatalf("%s: %d %s", query, res.status, res.body)
		}
		var page worklistBody
		res.json(t, &page)
		return page
	}
	traces := func(p worklistBody) []string {
		var out []string
		for _, it := range p.Items {
			out = append(out, it.TraceNumber)
		}
		return out
	}
	for _, c := range []struct {
		tok, query string
		want       []string
	}{
		{a, "", []string{"TRACE-A-2", "TRACE-A-1"}},
		{aTIN, "", []string{"TRACE-A-2", "TRACE-A-1"}},
		{b, "", []string{"TRACE-B-1"}},
		{a, "?status=Approved", []string{"TRACE-A-1"}},
		{a, "?status=Pending", []string{"TRACE-A-2"}},
		{a, "?status=All", []string{"TRACE-A-2", "TRACE-A-1"}},
		{a, "?status=" + url.QueryEscape("Partially Approved,Denied"), nil},
		{a, "?status=partially_approved", nil},
		{a, "?q=CERT-A-1", []string{"TRACE-A-1"}},
		{a, "?q=smith", []string{"TRACE-A-2"}},
		{a, "?q=U1234567801", []string{"TRACE-A-1"}},
		{a, "?patient=MA2", []string{"TRACE-A-2"}},
		{a, "?procedure=e0601", []string{"TRACE-A-2"}},
		{a, "?orderingNpi=" + npiA + "&from=2020-01-01", []string{"TRACE-A-2", "TRACE-A-1"}},
		{a, "?siteOfService=12", nil},
		{a, "?to=2020-01-01", nil},
		// B's token, whatever it asks, finds none of A's requests.
		{b, "?q=CERT-A-1", nil},
		{b, "?q=TRACE-A-1", nil},
		{b, "?q=TRACE-A-2", nil},
		{b, "?q=SMITH", nil},
		{b, "?q=U1234567801", []string{"TRACE-B-1"}},
		{b, "?patient=MA2", nil},
		{b, "?procedure=E0601", nil},
		{b, "?orderingNpi=" + npiA, nil},
	} {
		if got := traces(list(c.tok, c.query)); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.query, got, c.want)
		}
	}

	// The portal's columns.
	p := list(a, "?q=CERT-A-1")
	if it := p.Items[0]; it.AuthorizationID != "CERT-A-1" || it.Patient != "DOE, JANE" || it.Status != "Approved" ||
		it.Procedure != "E0250" || it.OrderingNPI != npiA || it.Insurer != "Cigna Healthcare" {
		t.Errorf("columns: %+v", it)
	}
	// A's request by its ID: in A's TIN's scope, not in B's.
	a2ID := list(a, "?q=TRACE-A-2").Items[0].ID
	if res := e.call(t, "GET", "/v1/authorizations/"+a2ID, aTIN, nil); res.status != http.StatusOK {
		t.Errorf("A's TIN reads A2: %d %s", res.status, res.body)
	}
	if res := e.call(t, "GET", "/v1/authorizations/"+a2ID, b, nil); res.status != http.StatusNotFound {
		t.Errorf("B reads A2: %d", res.status)
	}
	if got := traces(list(b, "?q="+a2ID)); len(got) != 0 {
		t.Errorf("B finds A2 by its ID: %v", got)
	}

	// Paging: one a page, newest first; next is absent on the last page.
	first := list(a, "?limit=1")
	if len(first.Items) != 1 || first.Next != first.Items[0].ID {
		t.Fatalf("first page: %+v", first)
	}
	second := list(a, "?limit=1&after="+first.Next)
	if traces(second)[0] != "TRACE-A-1" {
		t.Errorf("second page: %+v", second)
	}
	if last := list(a, "?limit=5"); last.Next != "" {
		t.Errorf("a short page has a next cursor: %+v", last)
	}

	// Counts.
	counts := func(tok, query string) edigw.AuthorizationCounts {
		t.Helper()
		res := e.call(t, "GET", "/v1/authorizations/counts"+query, tok, nil)
		if res.status != http.StatusOK {
			t.Fatalf("counts %s: %d %s", query, res.status, res.body)
		}
		var c edigw.AuthorizationCounts
		res.json(t, &c)
		return c
	}
	if c := counts(a, ""); c.All != 2 || c.ByStatus[edigw.AuthApproved] != 1 || c.ByStatus[edigw.AuthPending] != 1 ||
		c.ByStatus[edigw.AuthDenied] != 0 || len(c.ByStatus) != 5 {
		t.Errorf("A's counts: %+v", c)
	}
	for _, q := range []string{"", "?q=CERT-A-1", "?q=TRACE-A-2", "?procedure=E0601", "?orderingNpi=" + npiA} {
		want := 0
		if q == "" {
			want = 1
		}
		if c := counts(b, q); c.All != want {
			t.Errorf("B's counts %s: %+v", q, c)
		}
	}

	// Refusals.
	for _, c := range []struct {
		tok, path, code string
		status          int
	}{
		{a, "/v1/authorizations?status=Approve", "bad_status", 400},
		{a, "/v1/authorizations?status=All,Pending", "bad_status", 400},
		{a, "/v1/authorizations?orderingNpi=123", "bad_npi", 400},
		{a, "/v1/authorizations?siteOfService=abc", "bad_site_of_service", 400},
		{a, "/v1/authorizations?procedure=E0250%25", "bad_procedure", 400},
		{a, "/v1/authorizations?from=2026-02-01&to=2026-01-01", "bad_date", 400},
		{a, "/v1/authorizations?q=" + strings.Repeat("x", 81), "bad_search", 400},
		{a, "/v1/authorizations?npi=" + npiA, "unknown_parameter", 400},
		{a, "/v1/authorizations/counts?after=5", "unknown_parameter", 400},
		{claimsOnly, "/v1/authorizations", "missing_entitlement", 403},
		{claimsOnly, "/v1/authorizations/counts", "missing_entitlement", 403},
	} {
		res := e.call(t, "GET", c.path, c.tok, nil)
		if res.status != c.status || res.apiError(t).Error.Code != c.code {
			t.Errorf("%s: %d %s, want %d %s", c.path, res.status, res.body, c.status, c.code)
		}
	}
}

// TestPriorAuthorizationReportAPI: who may read the report, and its two
// formats. The numbers are storage's test (TestPriorAuthorizationMetrics).
func TestPriorAuthorizationReportAPI(t *testing.T) {
	e := newEnv(t, envOptions{})
	e.ingest278(t, "report", request278("TRACE-A-1", tinA, npiA, "DOE", "U1234567801", "E0250"),
		request278("TRACE-B-1", tinB, npiB, "DOE", "U1234567801", "E0250"))
	e.ingest278(t, "report-response", approval())
	ops, _ := e.token(t, "ops", []edigw.Entitlement{edigw.EntitleOperations}, nil, nil)
	a, _ := e.token(t, "A", []edigw.Entitlement{edigw.EntitlePrecertification}, []string{tinA}, []string{npiA})
	claimsOnly, _ := e.token(t, "A claims", []edigw.Entitlement{edigw.EntitleClaims}, []string{tinA}, []string{npiA})
	scopedOps, _ := e.token(t, "scoped ops", []edigw.Entitlement{edigw.EntitleOperations}, []string{tinA}, nil)

	type report struct {
		GroupBy []string                          `json:"groupBy"`
		Rows    []edigw.PriorAuthorizationMetrics `json:"rows"`
	}
	read := func(tok, query string) report {
		t.Helper()
		res := e.call(t, "GET", "/v1/reports/prior-authorization"+query, tok, nil)
		if res.status != http.StatusOK {
			t.Fatalf("%s: %d %s", query, res.status, res.body)
		}
		var r report
		res.json(t, &r)
		return r
	}
	if r := read(ops, "?groupBy=payer"); len(r.Rows) != 1 || r.Rows[0].Requests != 2 || r.Rows[0].Approved != 1 ||
		r.Rows[0].PayerID != edigw.Cigna || !slices.Equal(r.GroupBy, []string{"payer"}) {
		t.Errorf("operator's report: %+v", r)
	}
	if r := read(a, ""); len(r.Rows) != 1 || r.Rows[0].Requests != 1 || r.Rows[0].Approved != 1 || *r.Rows[0].ApprovalRate != 1 {
		t.Errorf("A's report: %+v", r)
	}
	if r := read(a, "?from=2099-01-01&groupBy=month,lineOfBusiness"); len(r.Rows) != 0 {
		t.Errorf("empty range: %+v", r)
	}

	res := e.call(t, "GET", "/v1/reports/prior-authorization?groupBy=payer", a, nil, "Accept", "text/csv")
	if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV: %d %s %s", res.status, res.header.Get("Content-Type"), res.body)
	}
	recs, err := csv.NewReader(strings.NewReader(string(res.body))).ReadAll()
	if err != nil || len(recs) != 2 || !slices.Equal(recs[0], edigw.MetricsCSVHeader) {
		t.Fatalf("CSV: %v %q", err, recs)
	}
	if rec := recs[1]; rec[1] != "62308" || rec[2] != "Cigna Healthcare" || rec[6] != "1" || rec[7] != "1" || rec[13] != "1" {
		t.Errorf("CSV row: %q", rec)
	}
	if res := e.call(t, "GET", "/v1/reports/prior-authorization", a, nil, "Accept", "application/json, text/csv"); !strings.HasPrefix(res.header.Get("Content-Type"), "application/json") {
		t.Errorf("JSON first: %s", res.header.Get("Content-Type"))
	}

	for _, c := range []struct {
		tok, query, code string
		status           int
	}{
		{claimsOnly, "", "missing_entitlement", 403},
		{scopedOps, "", "missing_entitlement", 403},
		{a, "?groupBy=month,week", "bad_group_by", 400},
		{a, "?groupBy=provider", "bad_group_by", 400},
		{a, "?from=2026-13-01", "bad_date", 400},
		{a, "?format=csv", "unknown_parameter", 400},
	} {
		res := e.call(t, "GET", "/v1/reports/prior-authorization"+c.query, c.tok, nil)
		if res.status != c.status || res.apiError(t).Error.Code != c.code {
			t.Errorf("%s: %d %s, want %d %s", c.query, res.status, res.body, c.status, c.code)
		}
	}
}
