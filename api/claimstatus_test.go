package api_test

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/edigw/edigw"
)

// TestClaimStatusInquiries: a token queues an inquiry about its own claim
// (202 with an ID) and reads it back queued; another provider's claim is
// 404, as one that does not exist, and so is reading the inquiry with the
// other provider's token; an inquiry naming another provider is 403.
func TestClaimStatusInquiries(t *testing.T) {
	w := newWorld(t)
	res := w.call(t, "POST", "/v1/claim-status", w.tokA, map[string]string{"claimId": strconv.FormatInt(w.claimA, 10)})
	if res.status != http.StatusAccepted {
		t.Fatalf("POST by claim: %d %s", res.status, res.body)
	}
	var out struct {
		Items []struct{ ID, Reference, Href string }
	}
	res.json(t, &out)
	if len(out.Items) != 1 || out.Items[0].Reference != "CS"+out.Items[0].ID || out.Items[0].Href != "/v1/claim-status/"+out.Items[0].ID {
		t.Fatalf("items %+v", out.Items)
	}
	res = w.call(t, "GET", out.Items[0].Href, w.tokA, nil)
	var got edigw.StoredClaimStatusInquiry
	res.json(t, &got)
	if res.status != http.StatusOK || got.Status != edigw.InquiryQueued || got.ClaimID != w.claimA || got.Inquiry.PatientControlNumber != "A-1" ||
		got.Inquiry.TraceNumber != "CS"+out.Items[0].ID {
		t.Errorf("GET: %d %+v", res.status, got)
	}
	if res := w.call(t, "GET", out.Items[0].Href, w.tokB, nil); res.status != http.StatusNotFound {
		t.Errorf("B reads A's inquiry: %d", res.status)
	}
	if res := w.call(t, "POST", "/v1/claim-status", w.tokA, map[string]string{"claimId": strconv.FormatInt(w.claimB, 10)}); res.status != http.StatusNotFound {
		t.Errorf("A asks about B's claim: %d %s", res.status, res.body)
	}
	inquiry := got.Inquiry
	inquiry.Provider = edigw.Party{Name: "B", IDQualifier: "XX", ID: npiB}
	if res := w.call(t, "POST", "/v1/claim-status", w.tokA, map[string]any{"inquiry": inquiry}); res.status != http.StatusForbidden {
		t.Errorf("A asks as B: %d %s", res.status, res.body)
	}
	if res := w.call(t, "POST", "/v1/claim-status", w.tokA, map[string]any{}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("neither claimId nor inquiry: %d %s", res.status, res.body)
	}
}
