package api_test

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/mapping"
)

func inquiry(trace, tin, npi string) *edigw.EligibilityInquiry {
	return &edigw.EligibilityInquiry{EligibilityMember: edigw.EligibilityMember{
		TraceNumber: trace,
		Receiver:    edigw.ReviewParty{Role: "1P", Party: edigw.Party{Name: "PRACTICE", IDQualifier: "XX", ID: npi, TaxID: tin}},
		Subscriber:  edigw.Person{LastName: "DOE", FirstName: "JANE", MemberID: "U1234567801", BirthDate: "19480312"},
	}, Questions: []edigw.BenefitQuestion{{ServiceTypes: []string{"30"}}}}
}

// TestEligibilityStaysWithItsProvider: A asks about a member; the 270
// goes out; B's 271 echoing A's trace number fills nothing of A's, B's
// token never reads A's inquiry, and A's own 271 answers it with an
// eligibility.received event in A's feed alone (issue 18).
func TestEligibilityStaysWithItsProvider(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ents := []edigw.Entitlement{edigw.EntitleEligibility}
	tokA, _ := e.token(t, "clinic a", ents, []string{tinA}, []string{npiA})
	tokB, _ := e.token(t, "clinic b", ents, []string{tinB}, []string{npiB})
	tokClaims, _ := e.token(t, "claims only", []edigw.Entitlement{edigw.EntitleClaims}, []string{tinA}, []string{npiA})
	const trace = "ELG-A-0001"

	if res := e.call(t, "POST", "/v1/eligibility", tokClaims, inquiry(trace, tinA, npiA)); res.status != http.StatusForbidden {
		t.Fatalf("without the eligibility entitlement: %d %s", res.status, res.body)
	}
	if res := e.call(t, "POST", "/v1/eligibility", tokB, inquiry(trace, tinA, npiA)); res.status != http.StatusForbidden ||
		res.apiError(t).Error.Code != "out_of_scope" {
		t.Fatalf("B asking as A: %d %s", res.status, res.body)
	}
	bad := inquiry("", tinA, npiA)
	if res := e.call(t, "POST", "/v1/eligibility", tokA, bad); res.status != http.StatusUnprocessableEntity {
		t.Fatalf("no trace number: %d %s", res.status, res.body)
	}
	res := e.call(t, "POST", "/v1/eligibility", tokA, inquiry(trace, tinA, npiA), "Idempotency-Key", "elig-a-1")
	if res.status != http.StatusAccepted {
		t.Fatalf("submit: %d %s", res.status, res.body)
	}
	var sub submittedBody
	res.json(t, &sub)
	id := sub.Items[0].ID
	href := "/v1/eligibility/" + id
	if _, err := strconv.ParseInt(id, 10, 64); err != nil {
		t.Fatalf("id %q", id)
	}
	status := func(tok string) (int, edigw.StoredEligibility) {
		t.Helper()
		res := e.call(t, "GET", href, tok, nil)
		var s edigw.StoredEligibility
		if res.status == http.StatusOK {
			res.json(t, &s)
		}
		return res.status, s
	}
	if code, s := status(tokA); code != http.StatusOK || s.Status != edigw.EligibilityQueued {
		t.Fatalf("A reads its inquiry: %d %+v", code, s)
	}
	if code, _ := status(tokB); code != http.StatusNotFound {
		t.Fatalf("B reads A's inquiry: %d", code)
	}

	keys, err := e.pipeline.FlushOutbound(ctx)
	if err != nil || len(keys) != 1 || !strings.Contains(keys[0], "/outbound/eligibility-") {
		t.Fatalf("flush: %v %v", keys, err)
	}
	sent := get(t, e, keys[0])
	if !bytes.Contains(sent, []byte("ST*270*")) || !bytes.Contains(sent, []byte("TRN*1*"+trace+"*1"+tinA)) {
		t.Fatalf("the 270 sent:\n%s", sent)
	}
	if code, s := status(tokA); code != http.StatusOK || s.Status != edigw.EligibilitySent {
		t.Fatalf("after the flush: %d %+v", code, s)
	}

	answer := func(start int64, tin, npi string) []byte {
		t.Helper()
		r := &edigw.EligibilityResponse{EligibilityMember: inquiry(trace, tin, npi).EligibilityMember,
			Benefits: []edigw.Benefit{{Code: "1", CoverageLevel: "IND", ServiceTypes: []string{"30"}, PlanDescription: "OPEN ACCESS PLUS"}}}
		r.PayerID = edigw.Cigna
		r.Traces = []edigw.Trace{{Type: "2", Number: trace, Assigner: "1" + tinA}}
		var b bytes.Buffer
		if err := mapping.Write271(&b, mapping.Envelope{SenderID: cigna.TheirID, ReceiverID: cigna.OurID,
			Numbers: &ack.Sequence{Start: start}, Now: func() time.Time { return storyDay.Add(time.Hour) }, Newline: true},
			[]*edigw.EligibilityResponse{r}); err != nil {
			t.Fatalf("271: %v", err)
		}
		return b.Bytes()
	}
	// B's answer echoes A's trace: it names B, so nothing of A's moves.
	put(t, e, cigna.Inbound()+"1-271-b.x12", answer(9101, tinB, npiB))
	outs, err := e.pipeline.PollOnce(ctx)
	if err != nil || len(outs) != 1 || outs[0].Result == nil || outs[0].Result.Unmatched != 1 {
		t.Fatalf("poll B's 271: %v %v", outs, err)
	}
	fileB := "/v1/files/" + strconv.FormatInt(outs[0].Result.FileID, 10)
	if code, s := status(tokA); code != http.StatusOK || s.Status != edigw.EligibilitySent || s.Response != nil {
		t.Fatalf("A's inquiry after B's answer: %d %+v", code, s)
	}

	put(t, e, cigna.Inbound()+"2-271-a.x12", answer(9201, tinA, npiA))
	outs, err = e.pipeline.PollOnce(ctx)
	if err != nil || len(outs) != 1 || outs[0].Result == nil || outs[0].Result.Unmatched != 0 {
		t.Fatalf("poll A's 271: %v %v", outs, err)
	}
	fileA := "/v1/files/" + strconv.FormatInt(outs[0].Result.FileID, 10)
	// A's 271 is A's to download; the one that matched nothing is nobody's.
	for _, c := range []struct {
		file, tok string
		want      int
	}{{fileA, tokA, http.StatusOK}, {fileA, tokB, http.StatusNotFound}, {fileB, tokA, http.StatusNotFound}, {fileB, tokB, http.StatusNotFound}} {
		if res := e.call(t, "GET", c.file, c.tok, nil); res.status != c.want {
			t.Errorf("GET %s: %d, want %d", c.file, res.status, c.want)
		}
	}
	code, s := status(tokA)
	if code != http.StatusOK || s.Status != edigw.EligibilityReceived || s.Response == nil || len(s.Response.Benefits) != 1 ||
		s.Response.Benefits[0].PlanDescription != "OPEN ACCESS PLUS" {
		t.Fatalf("A's answer: %d %+v", code, s)
	}
	if raw := e.call(t, "GET", href, tokA, nil); !bytes.Contains(raw.body, []byte(`"codeValue":"Active coverage"`)) {
		t.Errorf("the view lacks descriptions: %s", raw.body)
	}
	if code, _ := status(tokB); code != http.StatusNotFound {
		t.Fatalf("B reads A's answer: %d", code)
	}
	feed := func(tok string) string {
		t.Helper()
		return string(e.call(t, "GET", "/v1/events?after=0&limit=100", tok, nil).body)
	}
	if f := feed(tokA); !strings.Contains(f, `"kind":"eligibility.received"`) || !strings.Contains(f, `"subjectId":"`+id+`"`) {
		t.Errorf("A's feed: %s", f)
	}
	if f := feed(tokB); strings.Contains(f, "eligibility.received") {
		t.Errorf("B's feed shows A's answer: %s", f)
	}
}
