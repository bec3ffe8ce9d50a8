package api_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/edigw/edigw"
)

// TestOverdueFilesForOperators: GET /v1/files?overdue=true lists a sent
// 837 whose 999 is overdue, for an operator's token (operations, no
// providers) only: a provider's token is 403, also one that holds the
// operations entitlement with a scope.
func TestOverdueFilesForOperators(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	ids, err := e.db.QueueClaims(ctx, "", []*edigw.Claim{claim("OD-1", tinA, npiA)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.TakeQueuedClaims(ctx, edigw.Cigna, edigw.Professional, 10); err != nil {
		t.Fatal(err)
	}
	fileID, err := e.db.RecordFile(ctx, &edigw.File{PayerID: edigw.Cigna, Key: "cigna-62308/outbound/claims-od.x12",
		Direction: edigw.Outbound, Kind: "837P", Status: edigw.FilePending})
	if err != nil {
		t.Fatal(err)
	}
	ic := edigw.Interchange{SenderQualifier: "ZZ", SenderID: "EDIGW", ReceiverQualifier: "ZZ", ReceiverID: "CIGNA62308", ControlNumber: "000000041"}
	if err := e.db.MarkSent(ctx, "claim", ids, fileID, ic, "41", "0001"); err != nil {
		t.Fatal(err)
	}
	if err := e.db.SetFileStatus(ctx, fileID, edigw.FileSent, ""); err != nil {
		t.Fatal(err)
	}
	if n, err := e.db.RaiseOverdueAcknowledgments(ctx, time.Now().Add(25*time.Hour)); err != nil || n != 1 {
		t.Fatalf("raised %d %v", n, err)
	}

	ops, _ := e.token(t, "operators", []edigw.Entitlement{edigw.EntitleOperations}, nil, nil)
	scoped, _ := e.token(t, "clinic a ops", []edigw.Entitlement{edigw.EntitleOperations, edigw.EntitleClaims}, []string{tinA}, nil)
	clinic, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	res := e.call(t, "GET", "/v1/files?overdue=true", ops, nil)
	var page struct {
		Items []struct {
			ID      string   `json:"id"`
			Kind    string   `json:"kind"`
			Overdue []string `json:"overdue"`
		} `json:"items"`
		Next string `json:"next"`
	}
	res.json(t, &page)
	if res.status != http.StatusOK || len(page.Items) != 1 || page.Items[0].Kind != "837P" || len(page.Items[0].Overdue) != 1 ||
		page.Items[0].Overdue[0] != "999" || page.Next != page.Items[0].ID {
		t.Errorf("operators: %d %s", res.status, res.body)
	}
	for name, c := range map[string]struct {
		tok, path string
		want      int
	}{
		"scoped operations": {scoped, "/v1/files?overdue=true", http.StatusForbidden},
		"provider":          {clinic, "/v1/files?overdue=true", http.StatusForbidden},
		"no overdue":        {ops, "/v1/files", http.StatusBadRequest},
		"unknown parameter": {ops, "/v1/files?overdue=true&payer=62308", http.StatusBadRequest},
		"operator's claims": {ops, "/v1/claims/" + page.Items[0].ID, http.StatusForbidden},
	} {
		if res := e.call(t, "GET", c.path, c.tok, nil); res.status != c.want {
			t.Errorf("%s: %d, want %d: %s", name, res.status, c.want, res.body)
		}
	}
	// The operator's token reads no provider's records.
	res = e.call(t, "GET", "/v1/events", ops, nil)
	var evs struct {
		Items []edigw.Event `json:"items"`
	}
	res.json(t, &evs)
	if res.status != http.StatusOK || len(evs.Items) != 0 {
		t.Errorf("operator's event feed: %d %s", res.status, res.body)
	}
}
