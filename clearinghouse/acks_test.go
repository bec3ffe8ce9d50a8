package clearinghouse

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/mapping"
)

// TestInboundAcknowledgmentsMoveSentClaims sends claims out in three 837s
// and plays the payer: a 277CA accepting one claim of the first file and
// rejecting the other, a 999 rejecting the second file's set, a TA1
// rejecting the third interchange. Once they come in, each claim has the
// status its acknowledgment decided, with events, and the acknowledgments
// are stored; none of them is acknowledged back with a 999.
func TestInboundAcknowledgmentsMoveSentClaims(t *testing.T) {
	p := newPipeline(t)
	ctx := context.Background()
	story := storyClaims(t)
	var sent []string
	for i, pcns := range [][]string{{"A-1", "A-2"}, {"B-1"}, {"C-1"}} {
		var batch []*edigw.Claim
		for j, pcn := range pcns {
			c := *story[j%len(story)]
			c.PatientControlNumber = pcn
			batch = append(batch, &c)
		}
		if _, err := recordsOf(t, p).QueueClaims(ctx, fmt.Sprintf("batch-%d", i), batch); err != nil {
			t.Fatal(err)
		}
		keys, err := p.FlushOutbound(ctx)
		if err != nil || len(keys) != 1 {
			t.Fatalf("flush %d: %v %v", i, keys, err)
		}
		sent = append(sent, keys[0])
	}

	// The payer answers the first file with a 277CA: A-1 accepted, A-2
	// rejected for an invalid NPI.
	answers := payerAcks(t, p, sent[0])
	cas := readAcksOf(t, answers[ack.Kind277CA])
	if len(cas) != 1 {
		t.Fatalf("%d 277CAs for the first file", len(cas))
	}
	claims := cas[0].Claims.ClaimStatuses()
	if len(claims) != 2 || claims[1].PatientControlNumber != "A-2" {
		t.Fatalf("277CA claims %+v", claims)
	}
	claims[1].Statuses = []edigw.StatusInfo{{Codes: []edigw.StatusCode{{Category: "A7", Status: "562", Entity: "85"}},
		Date: "20260306", Action: "U", Charge: claims[1].Statuses[0].Charge}}
	var ca bytes.Buffer
	if err := mapping.Write277CA(&ca, payerEnvelope(100), cas); err != nil {
		t.Fatal(err)
	}
	dropBytes(t, p, "answer-1.277ca.x12", ca.Bytes())

	// The second file's set is rejected by the 999.
	groups := readAcksOf(t, payerAcks(t, p, sent[1])[ack.Kind999])
	g := groups[0].Group
	g.Sets[0].Code, g.Sets[0].Errors = "R", []string{"5"}
	g.Sets[0].SegmentErrors = []edigw.SegmentError{{SegmentID: "NM1", Position: 9, Loop: "2010", Code: "8",
		Elements: []edigw.ElementError{{Position: edigw.ElementPosition{Element: 9}, Reference: "67", Code: "7", BadValue: "X"}}}}
	g.Code, g.Accepted = "R", 0
	var r999 bytes.Buffer
	if err := mapping.Write999(&r999, payerEnvelope(200), groups); err != nil {
		t.Fatal(err)
	}
	dropBytes(t, p, "answer-2.999.x12", r999.Bytes())

	// The third interchange is rejected whole.
	body, err := p.Objects.Get(ctx, sent[2])
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(body)
	body.Close()
	isa13 := strings.Split(string(raw), "*")[13]
	var ta1 bytes.Buffer
	err = mapping.WriteTA1(&ta1, payerEnvelope(300), []*edigw.Acknowledgment{{Kind: edigw.AckTA1,
		Interchange: &edigw.InterchangeAck{ControlNumber: isa13, Date: "260306", Time: "0800", Code: "R", NoteCode: "022"}}})
	if err != nil {
		t.Fatal(err)
	}
	dropBytes(t, p, "answer-3.ta1.x12", ta1.Bytes())

	outs, err := p.PollOnce(ctx)
	if err != nil || len(outs) != 3 {
		t.Fatalf("poll: %v %v", outs, err)
	}
	for _, o := range outs {
		if o.Status != edigw.FileArchived || o.Result == nil || o.Result.Acknowledgments != 1 {
			t.Fatalf("%s: %+v", o, o.Result)
		}
		for _, k := range o.Acks {
			if strings.HasSuffix(k, ".999.x12") && strings.Contains(k, "answer-2") {
				t.Errorf("a 999 was acknowledged with %s", k)
			}
		}
	}
	// edigw's own 999 for the 277CA is in the file ledger, under the file
	// it answers.
	if len(outs[0].Acks) != 1 {
		t.Fatalf("acknowledgments of the 277CA: %v", outs[0].Acks)
	}
	written, err := p.Store.FileByKey(ctx, edigw.Outbound, outs[0].Acks[0])
	if err != nil || written.ParentID != outs[0].Result.FileID || written.Kind != "999" || written.Status != edigw.FileSent ||
		len(written.SHA256) != 64 || written.Size == 0 {
		t.Errorf("the 999 edigw wrote: %+v %v", written, err)
	}
	want := map[string]struct {
		status edigw.ClaimStatus
		reason string
	}{
		"A-1": {edigw.ClaimAccepted, "277CA: A2:20 (Acknowledgement: accepted into the adjudication system / Accepted for processing)"},
		"A-2": {edigw.ClaimRejected, "277CA: A7:562:85 (Acknowledgement: rejected for invalid information / Entity's National Provider Identifier (NPI) / Billing provider)"},
		"B-1": {edigw.ClaimRejected, "999: IK501 R (Rejected); IK502 5 (One or more segments in error)"},
		"C-1": {edigw.ClaimRejected, "TA1: TA104 R (Interchange rejected because of errors); TA105 022 (Invalid control structure)"},
	}
	for pcn, w := range want {
		c, err := recordsOf(t, p).ClaimByControlNumber(ctx, edigw.Cigna, pcn, nil)
		if err != nil {
			t.Fatal(err)
		}
		if c.Claim.Status != w.status || c.StatusReason != w.reason {
			t.Errorf("%s: %s %q, want %s %q", pcn, c.Claim.Status, c.StatusReason, w.status, w.reason)
		}
	}
	evs, err := recordsOf(t, p).Events(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[edigw.EventKind]int{}
	for _, e := range evs {
		kinds[e.Kind]++
	}
	if kinds[edigw.EventClaimAccepted] != 1 || kinds[edigw.EventClaimRejected] != 3 {
		t.Errorf("events %v", kinds)
	}
	stored, err := recordsOf(t, p).FileAcknowledgments(ctx, outs[1].Result.FileID)
	if err != nil || len(stored) != 1 || stored[0].Acknowledgment.Kind != edigw.Ack999 ||
		stored[0].Acknowledgment.Group.Sets[0].SegmentErrors[0].Elements[0].Reference != "67" {
		t.Errorf("stored 999: %+v %v", stored, err)
	}

	// The same 277CA again changes nothing: a duplicate file.
	dropBytes(t, p, "answer-1-again.277ca.x12", ca.Bytes())
	outs, err = p.PollOnce(ctx)
	if err != nil || len(outs) != 1 || outs[0].Status != edigw.FileDuplicate {
		t.Fatalf("the 277CA again: %v %v", outs, err)
	}
}

// storyClaims are the story's two claims, sound enough to send.
func storyClaims(t *testing.T) []*edigw.Claim {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "fixtures", "story", "03-837p-claims.edi"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []*edigw.Claim
	if _, err := mapping.ReadClaims(f, "story", func(c *edigw.Claim) error { out = append(out, c); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// payerAcks plays the payer's front end on a file edigw sent: the 999 and
// 277CA edigw's own acknowledger writes for it, by kind.
func payerAcks(t *testing.T, p *Pipeline, key string) map[string][]byte {
	t.Helper()
	body, err := p.Objects.Get(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	defer body.Close()
	out := map[string][]byte{}
	_, err = ack.Acknowledge(context.Background(), body, key, ack.Options{Numbers: &ack.Sequence{Start: 500}, Newline: true,
		Now: func() time.Time { return time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC) }},
		func(kind, _ string) (io.WriteCloser, error) { return &kindBuffer{out: out, kind: kind}, nil })
	if err != nil {
		t.Fatal(err)
	}
	return out
}

type kindBuffer struct {
	bytes.Buffer
	out  map[string][]byte
	kind string
}

func (b *kindBuffer) Close() error { b.out[b.kind] = b.Bytes(); return nil }

func readAcksOf(t *testing.T, data []byte) []*edigw.Acknowledgment {
	t.Helper()
	var out []*edigw.Acknowledgment
	if _, err := mapping.ReadAcknowledgments(bytes.NewReader(data), "ack", func(a *edigw.Acknowledgment) error {
		out = append(out, a)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// payerEnvelope addresses a file from the payer to edigw.
func payerEnvelope(start int64) mapping.Envelope {
	return mapping.Envelope{SenderID: Cigna.TheirID, ReceiverID: Cigna.OurID, Usage: "T", Numbers: &ack.Sequence{Start: start}, Newline: true}
}

func dropBytes(t *testing.T, p *Pipeline, as string, data []byte) {
	t.Helper()
	if err := p.Objects.Put(context.Background(), Cigna.Inbound()+as, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
}
