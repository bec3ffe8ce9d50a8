package api_test

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// world is two providers' records in one store, and their tokens.
type world struct {
	*env
	tokA, tokB                 string
	claimA, claimB             int64
	fileA, fileB, fileMixed    int64
	remitFileA                 int64
	remittanceA, remittanceB   int64
	keyA, keyB, keyMixed, keyR string
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{env: newEnv(t, envOptions{})}
	w.tokA, _ = w.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	w.tokB, _ = w.token(t, "clinic b", allEntitlements, []string{tinB}, []string{npiB})
	w.keyA, w.keyB = "cigna-62308/inbound/a-claims.x12", "cigna-62308/inbound/b-claims.x12"
	w.keyMixed, w.keyR = "cigna-62308/inbound/mixed.x12", "cigna-62308/inbound/a-835.x12"
	w.fileA = w.ingest(t, w.keyA, []*edigw.Claim{claim("A-1", tinA, npiA), claim("A-2", tinA, npiA)}, nil)
	w.fileB = w.ingest(t, w.keyB, []*edigw.Claim{claim("B-1", tinB, npiB)}, nil)
	w.fileMixed = w.ingest(t, w.keyMixed, []*edigw.Claim{claim("A-9", tinA, npiA), claim("B-9", tinB, npiB)}, nil)
	w.remitFileA = w.ingest(t, w.keyR, nil, []*edigw.Remittance{remittance("CHKA1", tinA, npiA, "A-1")})
	w.ingest(t, "cigna-62308/inbound/b-835.x12", nil, []*edigw.Remittance{remittance("CHKB1", tinB, npiB, "B-1")})
	w.ingest(t, "cigna-62308/inbound/a-835-2.x12", nil, []*edigw.Remittance{remittance("CHKA2", tinA, npiA, "A-2")})
	for _, key := range []string{w.keyA, w.keyB, w.keyMixed, w.keyR} {
		if err := w.objects.Put(context.Background(), key, strings.NewReader("ISA*raw bytes of "+key+"~")); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	a, err := w.db.ClaimByControlNumber(ctx, edigw.Cigna, "A-1", nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := w.db.ClaimByControlNumber(ctx, edigw.Cigna, "B-1", nil)
	if err != nil {
		t.Fatal(err)
	}
	w.claimA, w.claimB = a.ID, b.ID
	rms, err := w.db.Remittances(ctx, 0, 10)
	if err != nil || len(rms) != 3 {
		t.Fatalf("remittances %v %v", rms, err)
	}
	w.remittanceA, w.remittanceB = rms[0].ID, rms[1].ID
	return w
}

func at(format string, id int64) string {
	return strings.Replace(format, "{id}", strconv.FormatInt(id, 10), 1)
}

func TestScopedReads(t *testing.T) {
	w := newWorld(t)
	for _, c := range []struct {
		route      string
		mine, past int64
	}{
		{"/v1/claims/{id}", w.claimA, w.claimB},
		{"/v1/remittances/{id}", w.remittanceA, w.remittanceB},
		{"/v1/files/{id}", w.fileA, w.fileB},
	} {
		if res := w.call(t, "GET", at(c.route, c.mine), w.tokA, nil); res.status != http.StatusOK {
			t.Errorf("A reads its own %s: %d %s", at(c.route, c.mine), res.status, res.body)
		}
		// B's record does not exist for A: 404, like an ID never used.
		res := w.call(t, "GET", at(c.route, c.past), w.tokA, nil)
		if res.status != http.StatusNotFound || res.apiError(t).Error.Code != "not_found" {
			t.Errorf("A reads B's %s: %d %s", at(c.route, c.past), res.status, res.body)
		}
		if res := w.call(t, "GET", at(c.route, c.past), w.tokB, nil); res.status != http.StatusOK {
			t.Errorf("B reads its own %s: %d %s", at(c.route, c.past), res.status, res.body)
		}
	}
	// A file holding both providers' claims is neither's to download.
	for _, tok := range []string{w.tokA, w.tokB} {
		if res := w.call(t, "GET", at("/v1/files/{id}", w.fileMixed), tok, nil); res.status != http.StatusNotFound {
			t.Errorf("mixed file: %d %s", res.status, res.body)
		}
	}
	// The download is the object's bytes.
	res := w.call(t, "GET", at("/v1/files/{id}", w.fileA), w.tokA, nil)
	if string(res.body) != "ISA*raw bytes of "+w.keyA+"~" || res.header.Get("Content-Type") != "application/edi-x12" ||
		!strings.Contains(res.header.Get("Content-Disposition"), "a-claims.x12") {
		t.Errorf("download: %v %q", res.header, res.body)
	}
}

func TestFeedsNeverCrossProviders(t *testing.T) {
	w := newWorld(t)
	for tok, own := range map[string]string{w.tokA: tinA, w.tokB: tinB} {
		// Remittances, one at a time through the cursor.
		var seen []string
		after := "0"
		for range 10 {
			res := w.call(t, "GET", "/v1/remittances?limit=1&after="+after, tok, nil)
			var page struct {
				Items []struct {
					ID         string `json:"id"`
					Remittance struct {
						TraceNumber string `json:"traceNumber"`
						Payee       struct {
							TaxID string `json:"taxId"`
						} `json:"payee"`
					} `json:"remittance"`
				} `json:"items"`
				Next string `json:"next"`
			}
			res.json(t, &page)
			if res.status != http.StatusOK {
				t.Fatalf("feed: %d %s", res.status, res.body)
			}
			if len(page.Items) == 0 {
				if page.Next != after {
					t.Errorf("empty page moved the cursor from %s to %s", after, page.Next)
				}
				break
			}
			for _, it := range page.Items {
				if it.Remittance.Payee.TaxID != own {
					t.Errorf("token of %s sees the remittance of %s", own, it.Remittance.Payee.TaxID)
				}
				seen = append(seen, it.Remittance.TraceNumber)
			}
			if n, _ := strconv.Atoi(page.Next); n <= mustAtoi(t, after) || page.Next != page.Items[len(page.Items)-1].ID {
				t.Errorf("next %s after %s", page.Next, after)
			}
			after = page.Next
		}
		want := map[string]string{tinA: "CHKA1,CHKA2", tinB: "CHKB1"}[own]
		if strings.Join(seen, ",") != want {
			t.Errorf("%s's feed: %v, want %s", own, seen, want)
		}

		// Events: every one is about the token's provider.
		res := w.call(t, "GET", "/v1/events?limit=1000", tok, nil)
		var evs struct {
			Items []edigw.Event `json:"items"`
		}
		res.json(t, &evs)
		if len(evs.Items) == 0 {
			t.Errorf("%s sees no events", own)
		}
		kinds := map[edigw.EventKind]bool{}
		for _, ev := range evs.Items {
			kinds[ev.Kind] = true
			if ev.TIN != own || ev.Reference != "" && strings.HasPrefix(ev.Reference, map[string]string{tinA: "B-", tinB: "A-"}[own]) {
				t.Errorf("token of %s sees event %+v", own, ev)
			}
		}
		if !kinds[edigw.EventClaimSubmitted] || !kinds[edigw.EventClaimPaid] || !kinds[edigw.EventRemittance] {
			t.Errorf("%s's events lack kinds: %v", own, kinds)
		}
	}
}

func mustAtoi(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestEntitlementsFilterEventsAndFiles(t *testing.T) {
	w := newWorld(t)
	remitOnly, _ := w.token(t, "a's accounting", []edigw.Entitlement{edigw.EntitleRemittances}, []string{tinA}, nil)
	res := w.call(t, "GET", "/v1/events?limit=1000", remitOnly, nil)
	var evs struct {
		Items []edigw.Event `json:"items"`
		Next  string        `json:"next"`
	}
	res.json(t, &evs)
	if len(evs.Items) != 2 {
		t.Errorf("remittance events: %s", res.body)
	}
	for _, ev := range evs.Items {
		if ev.Subject != "remittance" || ev.TIN != tinA {
			t.Errorf("a remittances-only token sees %+v", ev)
		}
	}
	// The claims file needs the claims entitlement; the 835, remittances.
	if res := w.call(t, "GET", at("/v1/files/{id}", w.fileA), remitOnly, nil); res.status != http.StatusForbidden ||
		res.apiError(t).Error.Code != "missing_entitlement" {
		t.Errorf("claims file with remittances only: %d %s", res.status, res.body)
	}
	if res := w.call(t, "GET", at("/v1/files/{id}", w.remitFileA), remitOnly, nil); res.status != http.StatusOK {
		t.Errorf("835 with remittances: %d %s", res.status, res.body)
	}
	claimsOnly, _ := w.token(t, "a's billing", []edigw.Entitlement{edigw.EntitleClaims}, []string{tinA}, nil)
	res = w.call(t, "GET", "/v1/events?limit=1000", claimsOnly, nil)
	res.json(t, &evs)
	for _, ev := range evs.Items {
		if ev.Subject != "claim" {
			t.Errorf("a claims-only token sees %+v", ev)
		}
	}
}

func TestSubmissionsOutsideTheScopeAre403(t *testing.T) {
	e := newEnv(t, envOptions{})
	tokA, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	tokB, _ := e.token(t, "clinic b", allEntitlements, []string{tinB}, []string{npiB})
	res := e.call(t, "POST", "/v1/claims", tokA, []*edigw.Claim{claim("A-1", tinA, npiA), claim("B-1", tinB, npiB)})
	er := res.apiError(t)
	if res.status != http.StatusForbidden || er.Error.Code != "out_of_scope" || len(er.Error.Problems) != 2 ||
		er.Error.Problems[0].Record != 1 || er.Error.Problems[0].Field != "billingProvider.taxId" ||
		er.Error.Problems[1].Record != 1 || er.Error.Problems[1].Field != "billingProvider.id" {
		t.Errorf("claim for B with A's token: %d %s", res.status, res.body)
	}

	// Authorization requests: the story's 278 request, from A's NPI.
	req := storyAuthorization(t)
	res = e.call(t, "POST", "/v1/authorizations", tokB, req)
	if res.status != http.StatusForbidden || res.apiError(t).Error.Code != "out_of_scope" {
		t.Errorf("A's request with B's token: %d %s", res.status, res.body)
	}
	res = e.call(t, "POST", "/v1/authorizations", tokA, req)
	if res.status != http.StatusAccepted {
		t.Fatalf("A's request: %d %s", res.status, res.body)
	}
	var sub submittedBody
	res.json(t, &sub)
	if res := e.call(t, "GET", sub.Items[0].Href, tokA, nil); res.status != http.StatusOK ||
		!strings.Contains(string(res.body), `"status":"Pending"`) {
		t.Errorf("A reads its request: %d %s", res.status, res.body)
	}
	if res := e.call(t, "GET", sub.Items[0].Href, tokB, nil); res.status != http.StatusNotFound {
		t.Errorf("B reads A's request: %d %s", res.status, res.body)
	}
}

// storyAuthorization is the story's 278 request as its JSON view.
func storyAuthorization(t *testing.T) json.RawMessage {
	t.Helper()
	f, err := os.Open("../fixtures/golden/json/01-278-request.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() {
		t.Fatal("empty fixture")
	}
	var line struct {
		Record json.RawMessage `json:"record"`
	}
	if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
		t.Fatal(err)
	}
	return line.Record
}

// A scope of several providers reads their records merged in feed order,
// each once, page by page.
func TestFeedOfSeveralProviders(t *testing.T) {
	w := newWorld(t)
	// TIN A, and B by its NPI only: every remittance of the world.
	both, _ := w.token(t, "a and b", allEntitlements, []string{tinA}, []string{npiB, npiA})
	var ids []string
	after := "0"
	for range 10 {
		var page struct {
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
			Next string `json:"next"`
		}
		w.call(t, "GET", "/v1/remittances?limit=2&after="+after, both, nil).json(t, &page)
		if len(page.Items) == 0 {
			break
		}
		for _, it := range page.Items {
			ids = append(ids, it.ID)
		}
		after = page.Next
	}
	want := []string{strconv.FormatInt(w.remittanceA, 10), strconv.FormatInt(w.remittanceB, 10), strconv.FormatInt(w.remittanceB+1, 10)}
	if strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Errorf("remittances %v, want %v", ids, want)
	}
	var evs struct {
		Items []edigw.Event `json:"items"`
	}
	w.call(t, "GET", "/v1/events?limit=1000", both, nil).json(t, &evs)
	seen := map[int64]bool{}
	for i, ev := range evs.Items {
		if seen[ev.ID] || i > 0 && ev.ID <= evs.Items[i-1].ID {
			t.Fatalf("events out of order or repeated at %d: %+v", i, evs.Items)
		}
		seen[ev.ID] = true
	}
	all, err := w.db.Events(context.Background(), 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs.Items) != len(all) {
		t.Errorf("%d events for both providers, the store has %d", len(evs.Items), len(all))
	}
}
