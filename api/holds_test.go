package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// pendingRequest stores provider A's request (approval() without its
// decision) as a received 278 and returns its ID.
func pendingRequest(t *testing.T, e *env) string {
	t.Helper()
	ctx := context.Background()
	r := approval()
	r.Decision, r.Status = nil, edigw.AuthPending
	for i := range r.Services {
		r.Services[i].Decision = nil
	}
	ing, err := e.db.BeginIngest(ctx, &edigw.File{PayerID: edigw.Cigna, Key: "cigna-62308/inbound/request.x12", Direction: edigw.Inbound, Kind: "278"})
	if err != nil {
		t.Fatal(err)
	}
	if err := ing.AddAuthorizations(ctx, []*edigw.AuthorizationRequest{r}); err != nil {
		t.Fatal(err)
	}
	if _, err := ing.Commit(ctx, strings.Repeat("b", 64), 1); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, e.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var id int64
	if err := conn.QueryRow(ctx, `SELECT id FROM authorizations WHERE trace_number = 'TRACE-A-1'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return strconv.FormatInt(id, 10)
}

// TestHoldsArePayerSide: the payer side (an operator's token) puts
// provider A's request on hold and lifts it; provider A reads the hold on
// GET /v1/authorizations/{id} and its pended event with the due date.
// Neither provider may set or lift a hold: not A on its own request, not
// B on A's, not a provider token that also carries the operations
// entitlement; B cannot read A's request at all.
func TestHoldsArePayerSide(t *testing.T) {
	e := newEnv(t, envOptions{})
	e.db.Now = func() time.Time { return time.Date(2026, 7, 2, 15, 0, 0, 0, time.UTC) }
	id := pendingRequest(t, e)
	ops, _ := e.token(t, "payer review desk", []edigw.Entitlement{edigw.EntitleOperations}, nil, nil)
	tokA, _ := e.token(t, "A", []edigw.Entitlement{edigw.EntitlePrecertification, edigw.EntitleOperations}, []string{tinA}, []string{npiA})
	tokB, _ := e.token(t, "B", []edigw.Entitlement{edigw.EntitlePrecertification, edigw.EntitleOperations}, []string{tinB}, []string{npiB})
	hold := map[string]any{"missing": []string{"PWK:77"}, "dueDate": "2026-07-16"}
	path := "/v1/authorizations/" + id + "/hold"

	for name, tok := range map[string]string{"A on its own request": tokA, "B on A's request": tokB} {
		for _, method := range []string{"PUT", "DELETE"} {
			if res := e.call(t, method, path, tok, hold); res.status != http.StatusForbidden || res.apiError(t).Error.Code != "not_operator" {
				t.Errorf("%s %s: %d %s", method, name, res.status, res.body)
			}
		}
	}
	res := e.call(t, "PUT", path, ops, hold)
	if res.status != http.StatusOK {
		t.Fatalf("operator's hold: %d %s", res.status, res.body)
	}
	if strings.Contains(string(res.body), "DOE") || strings.Contains(string(res.body), `"authorization"`) {
		t.Errorf("the hold's answer carries the record: %s", res.body)
	}
	var got struct {
		Hold        *edigw.AuthorizationHold `json:"hold"`
		DecisionDue *time.Time               `json:"decisionDue"`
		ReceivedAt  time.Time                `json:"receivedAt"`
		Urgency     string                   `json:"urgency"`
		Category    string                   `json:"category"`
	}
	e.call(t, "GET", "/v1/authorizations/"+id, tokA, nil).json(t, &got)
	if got.Hold == nil || got.Hold.DueDate != "2026-07-16" || got.Hold.Missing[0] != "PWK:77" || got.DecisionDue != nil ||
		got.Urgency != "standard" || got.Category != "hospital beds" || got.ReceivedAt.IsZero() {
		t.Errorf("A reads %+v", got)
	}
	if res := e.call(t, "GET", "/v1/authorizations/"+id, tokB, nil); res.status != http.StatusNotFound {
		t.Errorf("B reads A's request: %d", res.status)
	}
	var feed struct {
		Items []edigw.Event `json:"items"`
	}
	e.call(t, "GET", "/v1/events?kind=authorization.pended", tokA, nil).json(t, &feed)
	if len(feed.Items) != 1 || feed.Items[0].Due != "2026-07-16" {
		t.Errorf("A's pended events %+v", feed.Items)
	}
	e.call(t, "GET", "/v1/events?kind=authorization.pended", tokB, nil).json(t, &feed)
	if len(feed.Items) != 0 {
		t.Errorf("B sees A's events %+v", feed.Items)
	}
	for _, bad := range []any{map[string]any{"dueDate": "16/07/2026"}, `{"dueDate": "2026-07-16", "note": "x"}`, `[]`} {
		if res := e.call(t, "PUT", path, ops, bad); res.status != http.StatusBadRequest {
			t.Errorf("hold %v: %d", bad, res.status)
		}
	}
	if res := e.call(t, "DELETE", path, ops, nil); res.status != http.StatusOK {
		t.Errorf("lifting the hold: %d %s", res.status, res.body)
	}
	if res := e.call(t, "DELETE", path, ops, nil); res.status != http.StatusConflict {
		t.Errorf("lifting it twice: %d %s", res.status, res.body)
	}
	if res := e.call(t, "PUT", "/v1/authorizations/999999/hold", ops, hold); res.status != http.StatusNotFound {
		t.Errorf("an unknown request: %d", res.status)
	}
	// A request A submitted, which edigw sends to the payer: the payer's
	// 278 response holds it, not the gateway's operator.
	var sent edigw.AuthorizationRequest
	if err := json.Unmarshal(storyAuthorization(t), &sent); err != nil {
		t.Fatal(err)
	}
	res = e.call(t, "POST", "/v1/authorizations", tokA, &sent)
	var sub submittedBody
	res.json(t, &sub)
	if res := e.call(t, "PUT", sub.Items[0].Href+"/hold", ops, hold); res.status != http.StatusConflict || res.apiError(t).Error.Code != "sent_request" {
		t.Errorf("a sent request: %d %s", res.status, res.body)
	}
}
