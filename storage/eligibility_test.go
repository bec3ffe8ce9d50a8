package storage

import (
	"testing"
	"time"

	"github.com/edigw/edigw"
)

func eligibilityInquiry(trace, tin, npi string) *edigw.EligibilityInquiry {
	return &edigw.EligibilityInquiry{EligibilityMember: edigw.EligibilityMember{
		PayerID: edigw.Cigna, TraceNumber: trace,
		Receiver:   edigw.ReviewParty{Role: "1P", Party: edigw.Party{Name: "PRACTICE", IDQualifier: "XX", ID: npi, TaxID: tin}},
		Subscriber: edigw.Person{LastName: "DOE", FirstName: "JANE", MemberID: "U1234567801"},
	}, Questions: []edigw.BenefitQuestion{{ServiceTypes: []string{"30"}}}}
}

func eligibilityAnswer(trace, tin, npi string) *edigw.EligibilityResponse {
	return &edigw.EligibilityResponse{EligibilityMember: edigw.EligibilityMember{
		PayerID: edigw.Cigna, TraceNumber: trace,
		Receiver:   edigw.ReviewParty{Role: "1P", Party: edigw.Party{Name: "PRACTICE", IDQualifier: "XX", ID: npi, TaxID: tin}},
		Subscriber: edigw.Person{LastName: "DOE", FirstName: "JANE", MemberID: "U1234567801"},
	}, Benefits: []edigw.Benefit{{Code: "1", ServiceTypes: []string{"30"}}}}
}

// TestEligibilityQueueSendAnswer: an inquiry is queued, leased, sent in a
// 270 and answered by the 271 that names its provider; one provider's
// answer echoing another's trace number fills nothing, and a scope reads
// only its own provider's inquiries (issue 18, Matching rules).
func TestEligibilityQueueSendAnswer(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	const trace = "ELG-SAME-TRACE"
	ids, err := db.QueueEligibility(ctx, "elig-1", []*edigw.EligibilityInquiry{eligibilityInquiry(trace, tinA, npiA), eligibilityInquiry("ELG-B-OWN", tinB, npiB)})
	if err != nil || len(ids) != 2 {
		t.Fatalf("queue: %v %v", ids, err)
	}
	a, b := ids[0], ids[1]
	got, err := db.Eligibility(ctx, a, &edigw.Scope{TINs: []string{tinA}})
	if err != nil || got.Status != edigw.EligibilityQueued || got.Inquiry.TraceNumber != trace {
		t.Fatalf("A reads its queued inquiry: %+v %v", got, err)
	}
	if _, err := db.Eligibility(ctx, a, &edigw.Scope{TINs: []string{tinB}, NPIs: []string{npiB}}); !isErr(err, edigw.ErrNotFound) {
		t.Errorf("B's scope reads A's inquiry: %v", err)
	}

	// Nothing answers a queued inquiry: it has gone nowhere.
	if m, err := db.RecordEligibilityResponses(ctx, 0, edigw.Cigna, []*edigw.EligibilityResponse{eligibilityAnswer(trace, tinA, npiA)}); err != nil || m[0] != 0 {
		t.Fatalf("answer before sending: %+v %v", m, err)
	}

	qs, err := db.TakeQueuedEligibility(ctx, edigw.Cigna, 10)
	if err != nil || len(qs) != 2 || qs[0].ID != a || qs[0].Inquiry.TraceNumber != trace {
		t.Fatalf("take: %+v %v", qs, err)
	}
	f := &edigw.File{PayerID: edigw.Cigna, Key: "cigna-62308/outbound/eligibility-1.x12", Direction: edigw.Outbound,
		Kind: "270", Status: edigw.FilePending, CreatedAt: time.Date(2026, 1, 10, 8, 30, 0, 0, time.UTC)}
	fileID, err := db.RecordFile(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	ic := edigw.Interchange{SenderQualifier: "ZZ", SenderID: "EDIGW", ReceiverQualifier: "ZZ", ReceiverID: "CIGNA62308", ControlNumber: "000000011"}
	for i, id := range ids {
		if err := db.MarkSent(ctx, "eligibility", []int64{id}, fileID, ic, "11", []string{"0001", "0002"}[i]); err != nil {
			t.Fatal(err)
		}
	}
	sent, err := db.FileEligibility(ctx, fileID)
	if err != nil || len(sent) != 2 || sent[1].Set != "0002" || sent[0].Inquiry.TraceNumber != trace {
		t.Fatalf("file eligibility: %+v %v", sent, err)
	}

	// B's 271 echoes A's trace: it names B, so it fills nothing of A's.
	m, err := db.RecordEligibilityResponses(ctx, 0, edigw.Cigna, []*edigw.EligibilityResponse{
		eligibilityAnswer(trace, tinB, npiB), // B's provider, A's trace
		eligibilityAnswer(trace, "", ""),     // no provider at all
		eligibilityAnswer(trace, tinB, npiA), // A's NPI with B's TIN
	})
	if err != nil || m[0] != 0 || m[1] != 0 || m[2] != 0 {
		t.Fatalf("foreign answers matched: %+v %v", m, err)
	}
	// Nor does the right provider under another partner's payer.
	if m, err := db.RecordEligibilityResponses(ctx, 0, "OTHER", []*edigw.EligibilityResponse{eligibilityAnswer(trace, tinA, npiA)}); err != nil || m[0] != 0 {
		t.Fatalf("another payer's answer matched: %+v %v", m, err)
	}
	if got, _ := db.Eligibility(ctx, a, nil); got.Response != nil || got.Status != edigw.EligibilitySent {
		t.Fatalf("A's inquiry after foreign answers: %+v", got)
	}
	ops, err := db.EventsOfKinds(ctx, 0, 100, nil, []string{"file"}, []edigw.EventKind{edigw.EventEligibilityUnmatched})
	if err != nil || len(ops) != 5 || ops[0].Reference != "271 member 1" || ops[0].Status != "unmatched" || ops[0].NPI != "" || ops[0].TIN != "" {
		t.Fatalf("operators' unmatched events: %+v %v", ops, err)
	}

	// A's own answer (NPI alone) fills it, once, with an event in A's feed.
	m, err = db.RecordEligibilityResponses(ctx, 0, edigw.Cigna, []*edigw.EligibilityResponse{eligibilityAnswer(trace, "", npiA)})
	if err != nil || m[0] != a {
		t.Fatalf("A's answer: %+v %v", m, err)
	}
	got, err = db.Eligibility(ctx, a, &edigw.Scope{NPIs: []string{npiA}})
	if err != nil || got.Status != edigw.EligibilityReceived || got.Response == nil || got.ReceivedAt == nil || got.Response.Benefits[0].Code != "1" {
		t.Fatalf("answered: %+v %v", got, err)
	}
	if m, _ := db.RecordEligibilityResponses(ctx, 0, edigw.Cigna, []*edigw.EligibilityResponse{eligibilityAnswer(trace, tinA, npiA)}); m[0] != 0 {
		t.Errorf("a second answer moved the inquiry: %+v", m)
	}
	if got, _ := db.Eligibility(ctx, b, nil); got.Response != nil {
		t.Errorf("B's inquiry was answered: %+v", got)
	}
	evs, err := db.EventsOfKinds(ctx, 0, 100, &edigw.Scope{NPIs: []string{npiA}}, []string{"eligibility"}, nil)
	if err != nil || len(evs) != 1 || evs[0].Kind != edigw.EventEligibilityReceived || evs[0].SubjectID != a {
		t.Fatalf("A's events: %+v %v", evs, err)
	}
	if evs, _ := db.EventsOfKinds(ctx, 0, 100, &edigw.Scope{NPIs: []string{npiB}, TINs: []string{tinB}}, []string{"eligibility"}, nil); len(evs) != 0 {
		t.Errorf("B sees A's event: %+v", evs)
	}
}

// TestInquiriesNamingADeclaredNPIReadByItsTIN: a token of A's TIN alone
// may submit an eligibility or claim status inquiry naming only A's NPI,
// which the operator declared under that TIN (api/submit_scope.go), and
// then reads it back, as it reads such a 278 request (authScope); B's TIN
// and NPI, and a TIN the NPI is not declared under, do not.
func TestInquiriesNamingADeclaredNPIReadByItsTIN(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	declare(t, db, tinA, npiA)
	declare(t, db, tinB, npiB)
	elig, err := db.QueueEligibility(ctx, "", []*edigw.EligibilityInquiry{eligibilityInquiry("ELG-DECLARED", "", npiA)})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := db.QueueClaimStatusInquiries(ctx, []*edigw.ClaimStatusInquiry{{PayerID: edigw.Cigna,
		Provider:         edigw.Party{Name: "A", IDQualifier: "XX", ID: npiA},
		ClaimStatusClaim: edigw.ClaimStatusClaim{Subscriber: edigw.Person{LastName: "DOE", MemberID: "M1"}, PatientControlNumber: "CSQ-DECLARED"}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	read := func(scope *edigw.Scope) (eligErr, csErr error) {
		_, eligErr = db.Eligibility(ctx, elig[0], scope)
		_, csErr = db.ClaimStatusInquiry(ctx, cs[0], scope)
		return eligErr, csErr
	}
	if e, c := read(&edigw.Scope{TINs: []string{tinA}}); e != nil || c != nil {
		t.Errorf("A's TIN reads the inquiries naming its declared NPI: %v, %v", e, c)
	}
	for _, other := range []*edigw.Scope{{TINs: []string{tinB}}, {TINs: []string{tinB}, NPIs: []string{npiB}}, {NPIs: []string{npiB}}, {TINs: []string{"999999999"}}} {
		if e, c := read(other); !isErr(e, edigw.ErrNotFound) || !isErr(c, edigw.ErrNotFound) {
			t.Errorf("%+v reads A's inquiries: %v, %v", other, e, c)
		}
	}
}
