package api_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/mapping"
)

// TestStory follows one claim end to end, as a billing system sees it:
// submitted through POST /v1/claims, sent as an 837 by the pipeline into
// the object store (S3 when the test server is up), answered by the payer
// with a 999, a 277CA and an 835 paying it in full, those processed by
// the pipeline; then the billing system finds the claim accepted and paid
// in the event feed, the remittance in the remittance feed, and downloads
// the 837 and the 999.
func TestStory(t *testing.T) {
	e := newEnv(t, envOptions{s3: true})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	tok, _ := e.token(t, "homecare billing", []edigw.Entitlement{edigw.EntitleClaims, edigw.EntitleRemittances},
		[]string{tinA}, []string{npiA})

	// 1. The billing system submits a claim.
	res := e.call(t, "POST", "/v1/claims", tok, claim("STORY-1", tinA, npiA), "Idempotency-Key", "story-1")
	if res.status != http.StatusAccepted {
		t.Fatalf("submit: %d %s", res.status, res.body)
	}
	var sub submittedBody
	res.json(t, &sub)
	claimID := sub.Items[0].ID

	// 2. The pipeline writes the outbound 837.
	keys, err := e.pipeline.FlushOutbound(ctx)
	if err != nil {
		t.Fatalf("flush: %v", err)
	}
	if len(keys) != 1 || !strings.HasPrefix(keys[0], e.pipeline.Partners[0].Outbound()) {
		t.Fatalf("outbound files %v", keys)
	}
	sent := get(t, e, keys[0])
	if !bytes.Contains(sent, []byte("CLM*STORY-1*250*")) {
		t.Fatalf("the 837 does not carry the claim:\n%s", sent)
	}
	var stored struct {
		FileID string `json:"fileId"`
		Claim  struct {
			Status string `json:"status"`
		} `json:"claim"`
	}
	e.call(t, "GET", "/v1/claims/"+claimID, tok, nil).json(t, &stored)
	if stored.Claim.Status != "submitted" || stored.FileID == "0" || stored.FileID == "" {
		t.Fatalf("after the flush: %+v", stored)
	}

	// 3. The payer answers: a 999 and a 277CA for the 837, then an 835.
	acks := map[string][]byte{}
	_, err = ack.Acknowledge(context.Background(), bytes.NewReader(sent), path.Base(keys[0]), ack.Options{Numbers: &ack.Sequence{Start: 7001},
		Now: func() time.Time { return storyDay.Add(24 * time.Hour) }, Newline: true},
		func(kind, ref string) (io.WriteCloser, error) { return &held{name: kind, into: acks}, nil })
	if err != nil {
		t.Fatalf("payer's acknowledgments: %v", err)
	}
	if len(acks[ack.Kind999]) == 0 || len(acks[ack.Kind277CA]) == 0 {
		t.Fatalf("the payer wrote %d acknowledgments, want a 999 and a 277CA", len(acks))
	}
	if !bytes.Contains(acks[ack.Kind277CA], []byte("STC*A2:20")) {
		t.Fatalf("the 277CA does not accept the claim:\n%s", acks[ack.Kind277CA])
	}
	var remit bytes.Buffer
	if err := mapping.Write835(&remit, mapping.Envelope{SenderID: e.pipeline.Partners[0].TheirID, ReceiverID: e.pipeline.Partners[0].OurID,
		Numbers: &ack.Sequence{Start: 8001}, Now: func() time.Time { return storyDay.Add(72 * time.Hour) }, Newline: true},
		[]*edigw.Remittance{remittance("CHK900001", tinA, npiA, "STORY-1")}); err != nil {
		t.Fatalf("835: %v", err)
	}
	inbound := e.pipeline.Partners[0].Inbound()
	put(t, e, inbound+"20260307-1-999.x12", acks[ack.Kind999])
	put(t, e, inbound+"20260307-2-277ca.x12", acks[ack.Kind277CA])
	put(t, e, inbound+"20260309-835.x12", remit.Bytes())
	outs, err := e.pipeline.PollOnce(ctx)
	if err != nil {
		t.Fatalf("poll: %v", err)
	}
	for _, o := range outs {
		if o.Status != edigw.FileArchived {
			t.Errorf("%s", o)
		}
	}
	if len(outs) != 3 {
		t.Fatalf("%d files processed, want 3", len(outs))
	}

	// 4. The billing system sees the claim accepted and paid.
	var evs struct {
		Items []edigw.Event `json:"items"`
		Next  string        `json:"next"`
	}
	e.call(t, "GET", "/v1/events?after=0", tok, nil).json(t, &evs)
	var kinds []string
	for _, ev := range evs.Items {
		if ev.Subject == "claim" && strconv.FormatInt(ev.SubjectID, 10) != claimID {
			t.Errorf("event about another claim: %+v", ev)
		}
		kinds = append(kinds, string(ev.Kind))
	}
	if got := strings.Join(kinds, " "); got != "claim.submitted claim.accepted claim.paid remittance.received" {
		t.Errorf("events: %s", got)
	}
	// Polling from the cursor: nothing new, the cursor stays.
	var again struct {
		Items []edigw.Event `json:"items"`
		Next  string        `json:"next"`
	}
	e.call(t, "GET", "/v1/events?after="+evs.Next, tok, nil).json(t, &again)
	if len(again.Items) != 0 || again.Next != evs.Next {
		t.Errorf("after the last event: %+v", again)
	}
	e.call(t, "GET", "/v1/claims/"+claimID, tok, nil).json(t, &stored)
	if stored.Claim.Status != "paid" {
		t.Errorf("claim status %q, want paid", stored.Claim.Status)
	}

	// 5. And the remittance in its feed, linked to the claim.
	var rms struct {
		Items []struct {
			ID         string  `json:"id"`
			ClaimIDs   []int64 `json:"claimIds"`
			Remittance struct {
				TraceNumber   string `json:"traceNumber"`
				PaymentAmount string `json:"paymentAmount"`
				Claims        []struct {
					PatientControlNumber string `json:"patientControlNumber"`
					Paid                 string `json:"paid"`
				} `json:"claims"`
			} `json:"remittance"`
		} `json:"items"`
	}
	e.call(t, "GET", "/v1/remittances?after=0", tok, nil).json(t, &rms)
	if len(rms.Items) != 1 {
		t.Fatalf("remittances: %+v", rms)
	}
	rm := rms.Items[0]
	if rm.Remittance.TraceNumber != "CHK900001" || rm.Remittance.PaymentAmount != "250" || len(rm.Remittance.Claims) != 1 ||
		rm.Remittance.Claims[0].PatientControlNumber != "STORY-1" || rm.Remittance.Claims[0].Paid != "250" ||
		len(rm.ClaimIDs) != 1 || strconv.FormatInt(rm.ClaimIDs[0], 10) != claimID {
		t.Errorf("remittance %+v", rm)
	}

	// 6. The files about the claim: the 837, the 999, the 277CA, the 835;
	// the 837 and the 999 download as the bytes that travelled.
	var files struct {
		Items []struct {
			ID        string `json:"id"`
			Name      string `json:"name"`
			Kind      string `json:"kind"`
			Direction string `json:"direction"`
			Href      string `json:"href"`
		} `json:"items"`
	}
	e.call(t, "GET", "/v1/claims/"+claimID+"/files", tok, nil).json(t, &files)
	var names []string
	for _, f := range files.Items {
		names = append(names, f.Direction+":"+f.Name)
	}
	want := []string{"outbound:" + path.Base(keys[0]), "inbound:20260307-1-999.x12", "inbound:20260307-2-277ca.x12", "inbound:20260309-835.x12"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Fatalf("claim files %v, want %v", names, want)
	}
	if files.Items[0].ID != stored.FileID {
		t.Errorf("the 837 is file %s, the claim says %s", files.Items[0].ID, stored.FileID)
	}
	for i, body := range map[int][]byte{0: sent, 1: acks[ack.Kind999]} {
		res := e.call(t, "GET", files.Items[i].Href, tok, nil)
		if res.status != http.StatusOK || !bytes.Equal(res.body, body) {
			t.Errorf("download %s: %d, %d bytes, want %d", files.Items[i].Name, res.status, len(res.body), len(body))
		}
	}

	// The 999 edigw wrote back for the 835 is in the ledger under the 835
	// and downloads for the payee, like the 835 itself.
	var own *edigw.File
	for _, o := range outs {
		if o.Result != nil && o.Result.Remittances == 1 && len(o.Acks) == 1 {
			f, err := e.db.FileByKey(ctx, edigw.Outbound, o.Acks[0])
			if err != nil || f.ParentID != o.Result.FileID {
				t.Fatalf("edigw's 999 for the 835: %+v %v", f, err)
			}
			own = f
		}
	}
	if own == nil {
		t.Fatal("no acknowledgment written for the 835")
	}
	ownHref := "/v1/files/" + strconv.FormatInt(own.ID, 10)
	if res := e.call(t, "GET", ownHref, tok, nil); res.status != http.StatusOK || !bytes.Equal(res.body, get(t, e, own.Key)) {
		t.Errorf("download edigw's 999 for the 835: %d %s", res.status, res.body)
	}

	// Another provider's token sees none of it.
	other, _ := e.token(t, "clinic b", allEntitlements, []string{tinB}, []string{npiB})
	followReasons(t, e, tok, other, claimID, stored.FileID)
	for _, p := range []string{"/v1/claims/" + claimID, "/v1/claims/" + claimID + "/files", files.Items[0].Href, files.Items[1].Href,
		"/v1/remittances/" + rm.ID, ownHref} {
		if res := e.call(t, "GET", p, other, nil); res.status != http.StatusNotFound {
			t.Errorf("B reads %s: %d %s", p, res.status, res.body)
		}
	}
	for _, feed := range []string{"/v1/events", "/v1/remittances"} {
		if res := e.call(t, "GET", feed, other, nil); !strings.Contains(string(res.body), `"items":[]`) {
			t.Errorf("B's %s: %s", feed, res.body)
		}
	}
}

// held keeps an acknowledgment the payer writes.
type held struct {
	name string
	buf  bytes.Buffer
	into map[string][]byte
}

func (h *held) Write(p []byte) (int, error) { return h.buf.Write(p) }
func (h *held) Close() error                { h.into[h.name] = h.buf.Bytes(); return nil }

func get(t *testing.T, e *env, key string) []byte {
	t.Helper()
	rc, err := e.objects.Get(context.Background(), key)
	if err != nil {
		t.Fatalf("get %s: %v", key, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func put(t *testing.T, e *env, key string, body []byte) {
	t.Helper()
	if err := e.objects.Put(context.Background(), key, bytes.NewReader(body)); err != nil {
		t.Fatalf("put %s: %v", key, err)
	}
}
