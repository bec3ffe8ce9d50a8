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
