package api_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path"
	"strconv"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/mapping"
)

// TestAnswersAndFilesStayWithTheirProvider: providers A and B submit
// claims with the same patient control numbers, A first; the pipeline
// sends them (S3 when the test server is up). The payer's 999 and 277CA
// for A's 837 and its 835 paying A arrive: A's claims are accepted and
// paid, B's stay submitted, and A may download those files while B gets
// 404, as if they did not exist. A's own two claims sharing one number
// make the 835 paying that number ambiguous: it changes nothing, and the
// operators get a payment.unmatched event that no provider sees.
func TestAnswersAndFilesStayWithTheirProvider(t *testing.T) {
	e := newEnv(t, envOptions{s3: true})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	tokA, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	tokB, _ := e.token(t, "clinic b", allEntitlements, []string{tinB}, []string{npiB})

	n := 0
	submit := func(tok, tin, npi, pcn string) string {
		t.Helper()
		n++
		res := e.call(t, "POST", "/v1/claims", tok, claim(pcn, tin, npi), "Idempotency-Key", "iso-"+strconv.Itoa(n))
		if res.status != http.StatusAccepted {
			t.Fatalf("submit %s: %d %s", pcn, res.status, res.body)
		}
		var sub submittedBody
		res.json(t, &sub)
		return sub.Items[0].ID
	}
	flush := func() string {
		t.Helper()
		keys, err := e.pipeline.FlushOutbound(ctx)
		if err != nil || len(keys) != 1 {
			t.Fatalf("flush: %v %v", keys, err)
		}
		return keys[0]
	}
	a1, a2 := submit(tokA, tinA, npiA, "SAME-1"), submit(tokA, tinA, npiA, "SAME-2")
	sentA := flush()
	b1, b2 := submit(tokB, tinB, npiB, "SAME-1"), submit(tokB, tinB, npiB, "SAME-2")
	flush()
	dup1, dup2 := submit(tokA, tinA, npiA, "DUP-1"), submit(tokA, tinA, npiA, "DUP-1")
	flush()

	// The payer answers A's 837 and pays A: SAME-1 and SAME-2 in one 835,
	// DUP-1 (two claims of A) in another.
	acks := map[string][]byte{}
	_, err := ack.Acknowledge(context.Background(), bytes.NewReader(get(t, e, sentA)), path.Base(sentA), ack.Options{Numbers: &ack.Sequence{Start: 7001},
		Now: func() time.Time { return storyDay.Add(24 * time.Hour) }, Newline: true},
		func(kind, ref string) (io.WriteCloser, error) { return &held{name: kind, into: acks}, nil })
	if err != nil || len(acks[ack.Kind999]) == 0 || len(acks[ack.Kind277CA]) == 0 {
		t.Fatalf("payer's acknowledgments: %v %d", err, len(acks))
	}
	remit := func(start int64, rm *edigw.Remittance) []byte {
		t.Helper()
		var b bytes.Buffer
		if err := mapping.Write835(&b, mapping.Envelope{SenderID: cigna.TheirID, ReceiverID: cigna.OurID,
			Numbers: &ack.Sequence{Start: start}, Now: func() time.Time { return storyDay.Add(72 * time.Hour) }, Newline: true},
			[]*edigw.Remittance{rm}); err != nil {
			t.Fatalf("835: %v", err)
		}
		return b.Bytes()
	}
	inbound := cigna.Inbound()
	put(t, e, inbound+"1-999.x12", acks[ack.Kind999])
	put(t, e, inbound+"2-277ca.x12", acks[ack.Kind277CA])
	put(t, e, inbound+"3-835.x12", remit(8001, remittance("CHK-A", tinA, npiA, "SAME-1", "SAME-2")))
	put(t, e, inbound+"4-835-dup.x12", remit(8101, remittance("CHK-DUP", tinA, npiA, "DUP-1")))
	outs, err := e.pipeline.PollOnce(ctx)
	if err != nil || len(outs) != 4 {
		t.Fatalf("poll: %v %v", outs, err)
	}
	fileOf := map[string]string{}
	for _, o := range outs {
		if o.Status != edigw.FileArchived || o.Result == nil {
			t.Fatalf("%s", o)
		}
		fileOf[path.Base(o.Key)] = "/v1/files/" + strconv.FormatInt(o.Result.FileID, 10)
	}

	status := func(tok, id string) string {
		t.Helper()
		var c struct {
			Claim struct {
				Status string `json:"status"`
			} `json:"claim"`
		}
		e.call(t, "GET", "/v1/claims/"+id, tok, nil).json(t, &c)
		return c.Claim.Status
	}
	for id, want := range map[string]string{a1: "paid", a2: "paid", dup1: "submitted", dup2: "submitted"} {
		if got := status(tokA, id); got != want {
			t.Errorf("A's claim %s is %q, want %q", id, got, want)
		}
	}
	for _, id := range []string{b1, b2} {
		if got := status(tokB, id); got != "submitted" {
			t.Errorf("B's claim %s is %q: A's answers moved it", id, got)
		}
	}

	// The answers' files: A's, and B cannot tell they exist.
	for _, name := range []string{"1-999.x12", "2-277ca.x12", "3-835.x12", "4-835-dup.x12"} {
		if res := e.call(t, "GET", fileOf[name], tokA, nil); res.status != http.StatusOK {
			t.Errorf("A downloads %s: %d %s", name, res.status, res.body)
		}
		if res := e.call(t, "GET", fileOf[name], tokB, nil); res.status != http.StatusNotFound {
			t.Errorf("B downloads A's %s: %d", name, res.status)
		}
	}
	var evs struct {
		Items []edigw.Event `json:"items"`
	}
	e.call(t, "GET", "/v1/events?after=0", tokB, nil).json(t, &evs)
	for _, ev := range evs.Items {
		if ev.Kind != edigw.EventClaimSubmitted {
			t.Errorf("B sees %+v", ev)
		}
	}

	// The ambiguous payment: stored unlinked, reported to operators only.
	all, err := e.db.Events(ctx, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var reports []edigw.Event
	for _, ev := range all {
		if ev.Kind == edigw.EventPaymentUnmatched || ev.Kind == edigw.EventAckUnmatched {
			reports = append(reports, ev)
		}
	}
	if len(reports) != 1 || reports[0].Kind != edigw.EventPaymentUnmatched || reports[0].Status != "ambiguous" ||
		reports[0].Subject != "remittance" || reports[0].Reference != "CLP 1" || reports[0].TIN != "" || reports[0].NPI != "" {
		t.Errorf("operators' reports %+v", reports)
	}
	if got := e.pipeline.Stats().Unmatched; got != 1 {
		t.Errorf("%d unmatched answers counted, want 1", got)
	}
	var rms struct {
		Items []struct {
			ClaimIDs []int64 `json:"claimIds"`
		} `json:"items"`
	}
	e.call(t, "GET", "/v1/remittances?after=0", tokA, nil).json(t, &rms)
	if len(rms.Items) != 2 || len(rms.Items[1].ClaimIDs) != 1 || rms.Items[1].ClaimIDs[0] != 0 {
		t.Errorf("A's remittances %+v", rms.Items)
	}
	e.call(t, "GET", "/v1/events?after=0", tokA, nil).json(t, &evs)
	for _, ev := range evs.Items {
		if ev.Kind == edigw.EventPaymentUnmatched {
			t.Errorf("A sees an operators' report: %+v", ev)
		}
	}
}
