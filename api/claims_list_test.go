package api_test

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// TestListClaimsStaysInScope: two providers use the same patient control
// number; each token's search finds its own claim only, and a number only
// the other provider uses finds nothing (not 403: nothing is revealed).
func TestListClaimsStaysInScope(t *testing.T) {
	e := newEnv(t, envOptions{})
	a, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	b, _ := e.token(t, "clinic b", allEntitlements, []string{tinB}, []string{npiB})
	for _, sub := range []struct {
		tok    string
		claims []*edigw.Claim
	}{
		{a, []*edigw.Claim{claim("SHARED-1", tinA, npiA), claim("A-ONLY", tinA, npiA)}},
		{b, []*edigw.Claim{claim("SHARED-1", tinB, npiB), claim("B-ONLY", tinB, npiB)}},
	} {
		if res := e.call(t, "POST", "/v1/claims", sub.tok, sub.claims); res.status != http.StatusAccepted {
			t.Fatalf("%d %s", res.status, res.body)
		}
	}
	list := func(tok, query string) []string {
		t.Helper()
		res := e.call(t, "GET", "/v1/claims"+query, tok, nil)
		if res.status != http.StatusOK {
			t.Fatalf("%s: %d %s", query, res.status, res.body)
		}
		var page struct {
			Items []struct {
				Claim struct {
					PatientControlNumber string `json:"patientControlNumber"`
				} `json:"claim"`
				PatientControlNumber string `json:"patientControlNumber"`
			} `json:"items"`
			Next string `json:"next"`
		}
		res.json(t, &page)
		var out []string
		for _, it := range page.Items {
			out = append(out, it.Claim.PatientControlNumber+it.PatientControlNumber)
		}
		return out
	}
	for _, c := range []struct {
		tok, query string
		want       []string
	}{
		{a, "", []string{"SHARED-1", "A-ONLY"}},
		{b, "", []string{"SHARED-1", "B-ONLY"}},
		{a, "?patientControlNumber=SHARED-1", []string{"SHARED-1"}},
		{a, "?patientControlNumber=B-ONLY", nil},
		{a, "?npi=" + npiB, nil},
		{a, "?npi=" + npiA + "&status=submitted&limit=1", []string{"SHARED-1"}},
		{a, "?status=rejected,partially_paid", nil},
		{a, "?from=2020-01-01&to=2030-12-31", []string{"SHARED-1", "A-ONLY"}},
	} {
		if got := list(c.tok, c.query); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.query, got, c.want)
		}
	}
	for _, q := range []string{"?status=lost", "?npi=123", "?from=yesterday", "?from=2026-02-01&to=2026-01-01", "?limit=0"} {
		if res := e.call(t, "GET", "/v1/claims"+q, a, nil); res.status != http.StatusBadRequest {
			t.Errorf("%s: %d", q, res.status)
		}
	}
}

// TestUnknownQueryParametersAre400: every route refuses a parameter it
// does not take, names it when it is a plain word and never repeats a
// value; ?kind= filters the event feed.
func TestUnknownQueryParametersAre400(t *testing.T) {
	e := newEnv(t, envOptions{})
	a, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	for _, path := range []string{"/v1/claims/1?memberId=U1234567801", "/v1/remittances?kind=x", "/v1/token?x=1",
		"/v1/claims?after=1&after=2", "/v1/events?kind=claim.rejected&%zz", "/v1/claims?sort=id"} {
		res := e.call(t, "GET", path, a, nil)
		if res.status != http.StatusBadRequest {
			t.Errorf("%s: %d %s", path, res.status, res.body)
			continue
		}
		if msg := res.apiError(t).Error.Message; slices.ContainsFunc([]string{"U1234567801"}, func(v string) bool { return contains(msg, v) }) {
			t.Errorf("%s: the message repeats a value: %s", path, msg)
		}
	}
	if res := e.call(t, "POST", "/v1/claims?dryRun=1", a, []*edigw.Claim{claim("Q-1", tinA, npiA)}); res.status != http.StatusBadRequest {
		t.Errorf("POST with an unknown parameter: %d", res.status)
	}
	if res := e.call(t, "GET", "/v1/claims", a, nil); contains(string(res.body), "Q-1") {
		t.Error("a refused submission was queued")
	}

	if res := e.call(t, "POST", "/v1/claims", a, []*edigw.Claim{claim("K-1", tinA, npiA)}); res.status != http.StatusAccepted {
		t.Fatalf("%d %s", res.status, res.body)
	}
	kinds := func(query string) []string {
		res := e.call(t, "GET", "/v1/events"+query, a, nil)
		if res.status != http.StatusOK {
			t.Fatalf("%s: %d %s", query, res.status, res.body)
		}
		var page struct {
			Items []edigw.Event `json:"items"`
		}
		res.json(t, &page)
		var out []string
		for _, ev := range page.Items {
			out = append(out, string(ev.Kind))
		}
		return out
	}
	if got := kinds("?kind=claim.rejected,claim.denied"); len(got) != 0 {
		t.Errorf("kind filter: %v", got)
	}
	if got := kinds("?kind=claim.submitted"); len(got) == 0 || slices.ContainsFunc(got, func(k string) bool { return k != "claim.submitted" }) {
		t.Errorf("kind filter: %v", got)
	}
	if res := e.call(t, "GET", "/v1/events?kind=DROP%20TABLE", a, nil); res.status != http.StatusBadRequest {
		t.Errorf("a malformed kind: %d", res.status)
	}
}

func contains(s, sub string) bool { return sub != "" && strings.Contains(s, sub) }

// TestSubmittedReplacementLinksItsOriginal: a replacement submitted
// without payerClaimNumber is 422 at that field; with the original's
// payer claim control number (as the 277CA gave it) it is queued, names
// the original (originalId), and the original is replaced with a
// claim.replaced event.
func TestSubmittedReplacementLinksItsOriginal(t *testing.T) {
	e := newEnv(t, envOptions{})
	a, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	orig := claim("ORIG-1", tinA, npiA)
	orig.PayerClaimNumber = "ICN-77" // as if a 277CA had given it
	if res := e.call(t, "POST", "/v1/claims", a, orig); res.status != http.StatusAccepted {
		t.Fatalf("%d %s", res.status, res.body)
	}
	repl := claim("ORIG-1", tinA, npiA)
	repl.FrequencyCode = "7"
	res := e.call(t, "POST", "/v1/claims", a, repl)
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("replacement without REF*F8: %d %s", res.status, res.body)
	}
	if ps := res.apiError(t).Error.Problems; len(ps) != 1 || ps[0].Field != "payerClaimNumber" {
		t.Errorf("problems %+v", ps)
	}
	repl.PayerClaimNumber = "ICN-77"
	if res := e.call(t, "POST", "/v1/claims", a, repl); res.status != http.StatusAccepted {
		t.Fatalf("%d %s", res.status, res.body)
	}
	var page struct {
		Items []struct {
			ID         string `json:"id"`
			OriginalID string `json:"originalId"`
			Claim      struct {
				Status string `json:"status"`
			} `json:"claim"`
		} `json:"items"`
	}
	e.call(t, "GET", "/v1/claims?patientControlNumber=ORIG-1", a, nil).json(t, &page)
	if len(page.Items) != 2 || page.Items[0].Claim.Status != "replaced" || page.Items[1].OriginalID != page.Items[0].ID {
		t.Errorf("claims %+v", page.Items)
	}
	var evs struct {
		Items []edigw.Event `json:"items"`
	}
	e.call(t, "GET", "/v1/events?kind=claim.replaced", a, nil).json(t, &evs)
	if len(evs.Items) != 1 || strconv.FormatInt(evs.Items[0].SubjectID, 10) != page.Items[0].ID {
		t.Errorf("events %+v", evs.Items)
	}
}
