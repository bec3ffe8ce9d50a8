package storage

import (
	"fmt"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// ingestStatuses ingests a file of a payer's partner holding claim status
// updates (as the pipeline hands over a 277 X212's claims).
func ingestStatuses(t *testing.T, db *DB, payer edigw.PayerID, us []edigw.ClaimStatusUpdate) *edigw.IngestResult {
	t.Helper()
	ctx := testCtx(t)
	n := fileSeq.Add(1)
	in, err := db.BeginIngest(ctx, &edigw.File{PayerID: payer, Key: fmt.Sprintf("p/inbound/x212-%d", n), Direction: edigw.Inbound})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Rollback(ctx) //nolint:errcheck // harmless after Commit
	if err := in.AddClaimStatuses(ctx, us); err != nil {
		t.Fatal(err)
	}
	res, err := in.Commit(ctx, fmt.Sprintf("%064d", n), 1)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// x212Response is a 277 (X212) claim from Cigna to edigw: the provider
// it names, the patient control number and trace number it repeats.
func x212Response(npi, pcn, trace, category string) *edigw.ClaimStatusResponse {
	charge, paid := edigw.Amount(10000), edigw.Amount(10000)
	return &edigw.ClaimStatusResponse{PayerID: edigw.Cigna, InterchangeSender: "CIGNA62308", InterchangeReceiver: "EDIGW", InterchangeNumber: "000000077",
		Provider: edigw.Party{Name: "PROVIDER", IDQualifier: "XX", ID: npi},
		Statuses: []edigw.ClaimStatusDetail{{StatusCodes: []edigw.StatusCode{{Category: category, Status: "65"}}, Date: "20260304",
			Charge: &charge, Payment: &paid}},
		ClaimStatusClaim: edigw.ClaimStatusClaim{TraceNumber: trace, PatientControlNumber: pcn}}
}

// TestClaimStatusResponseStaysWithItsProvider: provider B's 277, naming
// provider A's patient control number and the trace number A's inquiry
// used, never moves A's claim: it matches nothing and is reported. A's own
// 277 pends the claim, then pays it, with claim_status.received and the
// claim's status event each time; a 277 of another partner's file moves
// nothing.
func TestClaimStatusResponseStaysWithItsProvider(t *testing.T) {
	db, _ := openDB(t)
	ids := sentClaims(t, db, "EDIGW", "CIGNA62308", "000000071", "71", 1, claim("CS-SHARED-1", tinA, npiA, 10000, ""))
	a := ids[0]
	received := func() int { return len(eventsOfKind(t, db, edigw.EventClaimStatusReceived)) }

	// B names A's number and trace.
	res := ingestStatuses(t, db, edigw.Cigna, []edigw.ClaimStatusUpdate{
		mapping.ClaimStatusResponseUpdate(x212Response(npiB, "CS-SHARED-1", "A-TRACE-1", "F2"))})
	if res.StatusUpdates != 0 || res.Unmatched != 1 {
		t.Fatalf("B's 277: %+v", res)
	}
	if s, _ := statusOf(t, db, a); s != edigw.ClaimSubmitted {
		t.Fatalf("B's 277 moved A's claim to %s", s)
	}
	if n := received(); n != 0 {
		t.Errorf("B's 277 gave A's claim %d claim_status.received events", n)
	}
	// A trace number alone (no patient control number) matches nothing.
	res = ingestStatuses(t, db, edigw.Cigna, []edigw.ClaimStatusUpdate{
		mapping.ClaimStatusResponseUpdate(x212Response(npiA, "", "A-TRACE-1", "F2"))})
	if res.Unmatched != 1 || res.StatusUpdates != 0 {
		t.Errorf("a trace number alone: %+v", res)
	}
	// Another partner's file naming A's claim exactly.
	res = ingestStatuses(t, db, "99999", []edigw.ClaimStatusUpdate{
		mapping.ClaimStatusResponseUpdate(x212Response(npiA, "CS-SHARED-1", "A-TRACE-1", "F2"))})
	if res.Unmatched != 1 || res.StatusUpdates != 0 {
		t.Errorf("another partner's 277: %+v", res)
	}

	// A's own: pended, then paid.
	res = ingestStatuses(t, db, edigw.Cigna, []edigw.ClaimStatusUpdate{
		mapping.ClaimStatusResponseUpdate(x212Response(npiA, "CS-SHARED-1", "A-TRACE-1", "P1"))})
	if res.StatusUpdates != 1 || res.Unmatched != 0 {
		t.Fatalf("A's 277: %+v", res)
	}
	if s, r := statusOf(t, db, a); s != edigw.ClaimPended || r != "277 P1:65" {
		t.Errorf("A's claim: %s %q", s, r)
	}
	res = ingestStatuses(t, db, edigw.Cigna, []edigw.ClaimStatusUpdate{
		mapping.ClaimStatusResponseUpdate(x212Response(npiA, "CS-SHARED-1", "A-TRACE-2", "F1"))})
	if s, _ := statusOf(t, db, a); s != edigw.ClaimPaid || res.StatusUpdates != 1 {
		t.Errorf("A's claim after F1: %s (%+v)", s, res)
	}
	if n := received(); n != 2 {
		t.Errorf("%d claim_status.received events, want 2", n)
	}
	if len(eventsOfKind(t, db, edigw.EventClaimPended)) != 1 || len(eventsOfKind(t, db, edigw.EventClaimPaid)) != 1 {
		t.Errorf("status events: pended %d, paid %d", len(eventsOfKind(t, db, edigw.EventClaimPended)), len(eventsOfKind(t, db, edigw.EventClaimPaid)))
	}
	// Once paid, a later 277 pending it again does not move it back.
	ingestStatuses(t, db, edigw.Cigna, []edigw.ClaimStatusUpdate{
		mapping.ClaimStatusResponseUpdate(x212Response(npiA, "CS-SHARED-1", "A-TRACE-3", "P1"))})
	if s, _ := statusOf(t, db, a); s != edigw.ClaimPaid {
		t.Errorf("a paid claim moved to %s", s)
	}
}

// TestClaimStatusInquiryAnsweredInsideProvider: a sent inquiry (edigw's
// trace CS<id>, provider A) is answered only by a 277 of its partner that
// repeats the trace and names A; B's 277 repeating A's trace, or one in
// another partner's file, leaves it unanswered.
func TestClaimStatusInquiryAnsweredInsideProvider(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	q := &edigw.ClaimStatusInquiry{PayerID: edigw.Cigna, Payer: edigw.Party{Name: "CIGNA", IDQualifier: "PI", ID: "62308"},
		Receiver: edigw.Party{Name: "A", IDQualifier: "46", ID: "A"}, Provider: edigw.Party{Name: "A", IDQualifier: "XX", ID: npiA},
		ClaimStatusClaim: edigw.ClaimStatusClaim{Subscriber: edigw.Person{LastName: "DOE", MemberID: "M1"}, TraceNumber: "CHOSEN-BY-A",
			PatientControlNumber: "CSQ-1"}}
	ids, err := db.QueueClaimStatusInquiries(ctx, []*edigw.ClaimStatusInquiry{q}, nil)
	if err != nil {
		t.Fatal(err)
	}
	id := ids[0]
	stored, err := db.ClaimStatusInquiry(ctx, id, &edigw.Scope{NPIs: []string{npiA}})
	if err != nil || stored.Status != edigw.InquiryQueued || stored.Inquiry.TraceNumber != fmt.Sprintf("CS%d", id) {
		t.Fatalf("queued: %+v %v", stored, err)
	}
	if _, err := db.ClaimStatusInquiry(ctx, id, &edigw.Scope{NPIs: []string{npiB}}); err != edigw.ErrNotFound {
		t.Errorf("B reads A's inquiry: %v", err)
	}
	taken, err := db.TakeQueuedClaimStatusInquiries(ctx, edigw.Cigna, 10)
	if err != nil || len(taken) != 1 || taken[0].ID != id {
		t.Fatalf("taken %v %v", taken, err)
	}
	fileID, err := db.RecordFile(ctx, &edigw.File{PayerID: edigw.Cigna, Key: fmt.Sprintf("out/cs-%d", id), Direction: edigw.Outbound, Kind: "276", Status: edigw.FilePending})
	if err != nil {
		t.Fatal(err)
	}
	ic := edigw.Interchange{SenderQualifier: "ZZ", SenderID: "EDIGW", ReceiverQualifier: "ZZ", ReceiverID: "CIGNA62308", ControlNumber: fmt.Sprintf("%09d", 900+id)}
	if err := db.MarkSent(ctx, "claim_status", []int64{id}, fileID, ic, "900", "0001"); err != nil {
		t.Fatal(err)
	}
	inFile, _, _, set, err := db.FileClaimStatusInquiries(ctx, fileID)
	if err != nil || len(inFile) != 1 || set != "0001" {
		t.Fatalf("file inquiries %v %s %v", inFile, set, err)
	}
	answer := func(npi string) edigw.ClaimStatusUpdate {
		r := x212Response(npi, "CSQ-1", fmt.Sprintf("CS%d", id), "P1")
		return mapping.ClaimStatusResponseUpdate(r)
	}
	status := func() string {
		s, err := db.ClaimStatusInquiry(ctx, id, nil)
		if err != nil {
			t.Fatal(err)
		}
		return s.Status
	}
	ingestStatuses(t, db, edigw.Cigna, []edigw.ClaimStatusUpdate{answer(npiB)})
	ingestStatuses(t, db, "99999", []edigw.ClaimStatusUpdate{answer(npiA)})
	if s := status(); s != edigw.InquirySent {
		t.Fatalf("after B's 277 and another partner's: %s", s)
	}
	ingestStatuses(t, db, edigw.Cigna, []edigw.ClaimStatusUpdate{answer(npiA)})
	if s := status(); s != edigw.InquiryAnswered {
		t.Errorf("after A's 277: %s", s)
	}
}

// TestClaimStatusInquiryAboutClaimReadByClaimScope: an inquiry about a
// claim the gateway holds is the claim's billing provider's, by its TIN
// and its NPI (the 276 names it by NPI alone): a token of A's TIN, which
// reads the claim and so may ask about it, reads the inquiry; B's TIN
// and NPI do not.
func TestClaimStatusInquiryAboutClaimReadByClaimScope(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	c := claim("CSQ-CLAIM-1", tinA, npiA, 10000, "")
	claimID := sentClaims(t, db, "EDIGW", "CIGNA62308", "000000081", "81", 1, c)[0]
	q := mapping.ClaimStatusInquiryFor(c)
	if q.Provider.IDQualifier != "XX" {
		t.Fatalf("the inquiry names its provider by %s", q.Provider.IDQualifier)
	}
	ids, err := db.QueueClaimStatusInquiries(ctx, []*edigw.ClaimStatusInquiry{q}, []int64{claimID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Claim(ctx, claimID, &edigw.Scope{TINs: []string{tinA}}); err != nil {
		t.Fatalf("A's TIN reads A's claim: %v", err)
	}
	s, err := db.ClaimStatusInquiry(ctx, ids[0], &edigw.Scope{TINs: []string{tinA}})
	if err != nil || s.ClaimID != claimID {
		t.Fatalf("A's TIN reads the inquiry about A's claim: %+v %v", s, err)
	}
	for _, other := range []*edigw.Scope{{TINs: []string{tinB}}, {NPIs: []string{npiB}}} {
		if _, err := db.ClaimStatusInquiry(ctx, ids[0], other); err != edigw.ErrNotFound {
			t.Errorf("%+v reads A's inquiry: %v", other, err)
		}
	}
}
