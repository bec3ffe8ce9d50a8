package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// TestAppealsLinkOnlyInsideTheRequester: provider A's request was denied
// under certification CERT-DEN-A. Provider B submits an appeal naming
// A's number: it links nothing (findings original-not-found) and A's
// feed has no appeal of it. A's own appeal links to A's denial, with an
// authorization.appeal_received event in A's feed and none in B's.
func TestAppealsLinkOnlyInsideTheRequester(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	var asked edigw.AuthorizationRequest
	if err := json.Unmarshal(storyAuthorization(t), &asked); err != nil {
		t.Fatal(err)
	}
	denial := asked
	denial.Decision = &edigw.Decision{Action: "A3", CertificationNumber: "CERT-DEN-A", Reasons: []string{"0F"}, Status: edigw.AuthDenied}
	for i, r := range []*edigw.AuthorizationRequest{&asked, &denial} {
		ing, err := e.db.BeginIngest(ctx, &edigw.File{PayerID: edigw.Cigna, Key: "cigna-62308/inbound/a" + string(rune('0'+i)), Direction: edigw.Inbound, Kind: "278"})
		if err != nil {
			t.Fatal(err)
		}
		if err := ing.AddAuthorizations(ctx, []*edigw.AuthorizationRequest{r}); err != nil {
			t.Fatal(err)
		}
		if _, err := ing.Commit(ctx, strings.Repeat(string(rune('c'+i)), 64), 1); err != nil {
			t.Fatal(err)
		}
	}
	tokA, _ := e.token(t, "A", []edigw.Entitlement{edigw.EntitlePrecertification}, nil, []string{npiA})
	tokB, _ := e.token(t, "B", []edigw.Entitlement{edigw.EntitlePrecertification}, nil, []string{npiB})
	appealOf := func(trace, npi string) *edigw.AuthorizationRequest {
		a := asked
		a.TraceNumber, a.Traces = trace, []edigw.Trace{{Type: "1", Number: trace, Assigner: asked.Traces[0].Assigner}}
		a.CertificationType, a.PreviousAuthorization = "2", "CERT-DEN-A"
		a.Requester.ID = npi
		return &a
	}
	type lifecycle struct {
		OriginalID string   `json:"originalId"`
		Findings   []string `json:"findings"`
		Urgency    string   `json:"urgency"`
	}
	submit := func(tok string, r *edigw.AuthorizationRequest) lifecycle {
		t.Helper()
		res := e.call(t, "POST", "/v1/authorizations", tok, r)
		if res.status != http.StatusAccepted {
			t.Fatalf("appeal: %d %s", res.status, res.body)
		}
		var sub submittedBody
		res.json(t, &sub)
		var l lifecycle
		e.call(t, "GET", sub.Items[0].Href, tok, nil).json(t, &l)
		return l
	}
	appealsIn := func(tok string) int {
		var feed struct {
			Items []edigw.Event `json:"items"`
		}
		e.call(t, "GET", "/v1/events?kind=authorization.appeal_received", tok, nil).json(t, &feed)
		return len(feed.Items)
	}

	if l := submit(tokB, appealOf("B-APPEAL", npiB)); l.OriginalID != "" || !slices.Equal(l.Findings, []string{"original-not-found"}) {
		t.Errorf("B's appeal naming A's number: %+v", l)
	}
	if n := appealsIn(tokA); n != 0 {
		t.Errorf("B's appeal shows in A's feed: %d", n)
	}
	l := submit(tokA, appealOf("A-APPEAL", npiA))
	if l.OriginalID == "" || len(l.Findings) != 0 || l.Urgency != "standard" {
		t.Errorf("A's appeal: %+v", l)
	}
	if a, b := appealsIn(tokA), appealsIn(tokB); a != 1 || b != 0 {
		t.Errorf("appeal_received: A sees %d, B %d", a, b)
	}
}

// TestAppealLinksOnlyToAnOriginalTheSubmitterReads: A's request (TIN A,
// NPI A) was denied. The operator declared NPI A under TIN B as well (a
// physician of both practices), so B's TIN token may name NPI A as the
// requester, without a TIN; it does not read A's request. B's appeal so
// written, naming A's certification, links nothing (original-not-found),
// and A's feed has no appeal of it.
func TestAppealLinksOnlyToAnOriginalTheSubmitterReads(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	var asked edigw.AuthorizationRequest
	if err := json.Unmarshal(storyAuthorization(t), &asked); err != nil {
		t.Fatal(err)
	}
	asked.Requester.TaxID = tinA
	denial := asked
	denial.Decision = &edigw.Decision{Action: "A3", CertificationNumber: "CERT-DEN-A", Reasons: []string{"0F"}, Status: edigw.AuthDenied}
	for i, r := range []*edigw.AuthorizationRequest{&asked, &denial} {
		ing, err := e.db.BeginIngest(ctx, &edigw.File{PayerID: edigw.Cigna, Key: "cigna-62308/inbound/s" + string(rune('0'+i)), Direction: edigw.Inbound, Kind: "278"})
		if err != nil {
			t.Fatal(err)
		}
		if err := ing.AddAuthorizations(ctx, []*edigw.AuthorizationRequest{r}); err != nil {
			t.Fatal(err)
		}
		if _, err := ing.Commit(ctx, strings.Repeat(string(rune('s'+i)), 64), 1); err != nil {
			t.Fatal(err)
		}
	}
	precert := []edigw.Entitlement{edigw.EntitlePrecertification}
	tokA, _ := e.token(t, "A", precert, []string{tinA}, []string{npiA})
	e.token(t, "NPI A under B", precert, []string{tinB}, []string{npiA})
	tokB, _ := e.token(t, "B", precert, []string{tinB}, nil)

	var page struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	e.call(t, "GET", "/v1/authorizations?status=All", tokA, nil).json(t, &page)
	if len(page.Items) != 1 {
		t.Fatalf("A's worklist: %d requests", len(page.Items))
	}
	if res := e.call(t, "GET", "/v1/authorizations/"+page.Items[0].ID, tokB, nil); res.status != http.StatusNotFound {
		t.Fatalf("B reads A's request: %d", res.status)
	}

	appeal := asked
	appeal.TraceNumber, appeal.Traces = "B-APPEAL", []edigw.Trace{{Type: "1", Number: "B-APPEAL", Assigner: asked.Traces[0].Assigner}}
	appeal.CertificationType, appeal.PreviousAuthorization = "2", "CERT-DEN-A"
	appeal.Requester.TaxID = ""
	res := e.call(t, "POST", "/v1/authorizations", tokB, &appeal)
	if res.status != http.StatusAccepted {
		t.Fatalf("B's appeal: %d %s", res.status, res.body)
	}
	var sub submittedBody
	res.json(t, &sub)
	var l struct {
		OriginalID string   `json:"originalId"`
		Findings   []string `json:"findings"`
	}
	e.call(t, "GET", sub.Items[0].Href, tokB, nil).json(t, &l)
	if l.OriginalID != "" || !slices.Equal(l.Findings, []string{"original-not-found"}) {
		t.Errorf("B's appeal linked to A's denial: %+v", l)
	}
	var feed struct {
		Items []edigw.Event `json:"items"`
	}
	e.call(t, "GET", "/v1/events?kind=authorization.appeal_received", tokA, nil).json(t, &feed)
	if len(feed.Items) != 0 {
		t.Errorf("B's appeal shows in A's feed: %d", len(feed.Items))
	}
}
