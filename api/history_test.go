package api_test

import (
	"net/http"
	"strings"
	"testing"
)

// followReasons (issue 13, section 3) reads the story's claim once the
// payer's 999, 277CA and 835 are in: every status change has its reason
// (codes with their descriptions, no value of the claim), and the history
// tells the claim's whole way, each step with its file and time; another
// provider's token gets 404.
func followReasons(t *testing.T, e *env, tok, other, claimID, sentFileID string) {
	t.Helper()
	var stored struct {
		StatusReason string `json:"statusReason"`
	}
	e.call(t, "GET", "/v1/claims/"+claimID, tok, nil).json(t, &stored)
	if !strings.HasPrefix(stored.StatusReason, "835: CLP02 1 (Processed as primary)") {
		t.Errorf("paid claim's statusReason %q", stored.StatusReason)
	}
	var hist struct {
		Items []struct {
			Event    string `json:"event"`
			Status   string `json:"status"`
			Reason   string `json:"reason"`
			FileID   string `json:"fileId"`
			FileKind string `json:"fileKind"`
			Href     string `json:"href"`
			At       string `json:"at"`
		} `json:"items"`
	}
	res := e.call(t, "GET", "/v1/claims/"+claimID+"/history", tok, nil)
	if res.status != http.StatusOK {
		t.Fatalf("history: %d %s", res.status, res.body)
	}
	res.json(t, &hist)
	var steps []string
	for _, it := range hist.Items {
		steps = append(steps, it.Event+":"+it.Status)
		if it.At == "" || it.FileID != "" && it.Href != "/v1/files/"+it.FileID {
			t.Errorf("history step %+v", it)
		}
		for _, value := range []string{"STORY-1", "250", tinA, npiA} {
			if strings.Contains(it.Reason, value) {
				t.Errorf("history reason %q holds a value of the claim (%s)", it.Reason, value)
			}
		}
	}
	want := "submitted:submitted sent: acknowledged: status:accepted status:paid"
	if got := strings.Join(steps, " "); got != want {
		t.Fatalf("history %s, want %s\n%s", got, want, res.body)
	}
	h := hist.Items
	if h[1].FileID != sentFileID || h[2].FileID == "" || h[3].FileID == "" || h[4].FileID == "" {
		t.Errorf("history files: %s", res.body)
	}
	if h[3].Reason != "277CA: A2:20 (Acknowledgement: accepted into the adjudication system / Accepted for processing)" {
		t.Errorf("277CA reason %q", h[3].Reason)
	}
	if h[4].Reason != stored.StatusReason {
		t.Errorf("835 reason %q, the claim says %q", h[4].Reason, stored.StatusReason)
	}
	if res := e.call(t, "GET", "/v1/claims/"+claimID+"/history", other, nil); res.status != http.StatusNotFound {
		t.Errorf("another provider reads the history: %d %s", res.status, res.body)
	}
}
