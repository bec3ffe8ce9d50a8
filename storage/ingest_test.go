package storage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"testing"

	"github.com/edigw/edigw"
)

// TestIngestLinksClaimsAuthorizationsAndPayments walks the story: an
// approved authorization, claims naming it, an 835 paying them.
func TestIngestLinksClaimsAuthorizationsAndPayments(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)

	mustIngest(t, db, batch{isa: "000000001", auths: []*edigw.AuthorizationRequest{
		authRequest("TRACE1", tinA, npiA),
		authResponse("TRACE1", tinA, npiA, "A1", "CERT100"),
	}})
	res := mustIngest(t, db, batch{isa: "000000002", claims: []*edigw.Claim{
		claim("PAID", tinA, npiA, 10000, "CERT100"),
		claim("PARTIAL", tinA, npiA, 10000, ""),
		claim("DENIED", tinA, npiA, 10000, "CERT-UNKNOWN"),
		claim("ZERO", tinA, npiA, 10000, ""),
		claim("REVERSED", tinA, npiA, 10000, ""),
		claim("UNTOUCHED", tinA, npiA, 10000, ""),
	}})
	if res.Claims != 6 || res.Events != 6 || res.FileID == 0 {
		t.Errorf("claims ingest result %+v", res)
	}
	auth, err := db.AuthorizationByCertification(ctx, edigw.Cigna, "CERT100")
	if err != nil {
		t.Fatal(err)
	}
	paid := claimByPCN(t, db, "PAID")
	if paid.AuthorizationID != auth.ID {
		t.Errorf("claim with REF*G1 CERT100 links authorization %d, want %d", paid.AuthorizationID, auth.ID)
	}
	if c := claimByPCN(t, db, "DENIED"); c.AuthorizationID != 0 {
		t.Errorf("claim with an unknown certification links authorization %d", c.AuthorizationID)
	}
	if paid.Claim.Status != edigw.ClaimSubmitted || paid.FileID != res.FileID || paid.Direction != edigw.Inbound {
		t.Errorf("stored claim: status %q file %d direction %q", paid.Claim.Status, paid.FileID, paid.Direction)
	}
	if len(paid.Claim.Lines) != 2 || paid.Claim.Lines[1].Modifiers[1] != "KH" || paid.Claim.TotalCharge != 10000 {
		t.Errorf("claim record did not come back whole: %+v", paid.Claim)
	}
	before := allEvents(t, db, nil)

	rm := remittance("EFT1", tinA, npiA,
		payment("PAID", "1", 10000, 10000),
		payment("PARTIAL", "1", 10000, 6000),
		payment("DENIED", "4", 10000, 0),
		payment("ZERO", "1", 10000, 0),
		payment("REVERSED", "1", 10000, 10000),
		payment("REVERSED", "22", -10000, -10000),
		payment("NOBODY", "1", 500, 500),
	)
	res = mustIngest(t, db, batch{isa: "000000003", rms: []*edigw.Remittance{rm}})
	// One event per claim status change (REVERSED twice), one for the
	// payment of no known claim, and one for the remittance.
	if res.Remittances != 1 || res.Events != 8 || res.Unmatched != 1 {
		t.Errorf("remittance ingest result %+v", res)
	}
	want := map[string]edigw.ClaimStatus{
		"PAID": edigw.ClaimPaid, "PARTIAL": edigw.ClaimPartiallyPaid, "DENIED": edigw.ClaimDenied,
		"ZERO": edigw.ClaimProcessed, "REVERSED": edigw.ClaimReversed, "UNTOUCHED": edigw.ClaimSubmitted,
	}
	for pcn, status := range want {
		if got := claimByPCN(t, db, pcn); got.Claim.Status != status {
			t.Errorf("claim %s is %q, want %q", pcn, got.Claim.Status, status)
		}
	}
	if r := claimByPCN(t, db, "REVERSED"); r.StatusReason != "835 CLP02 22" {
		t.Errorf("status reason %q", r.StatusReason)
	}

	rms, err := db.Remittances(ctx, 0, 10)
	if err != nil || len(rms) != 1 {
		t.Fatalf("remittances: %v %d", err, len(rms))
	}
	ids := rms[0].ClaimIDs
	wantIDs := []int64{paid.ID, claimByPCN(t, db, "PARTIAL").ID, claimByPCN(t, db, "DENIED").ID, claimByPCN(t, db, "ZERO").ID,
		claimByPCN(t, db, "REVERSED").ID, claimByPCN(t, db, "REVERSED").ID, 0}
	if !slices.Equal(ids, wantIDs) {
		t.Errorf("remittance claim IDs %v, want %v", ids, wantIDs)
	}
	if rms[0].Remittance.TraceNumber != "EFT1" || len(rms[0].Remittance.Claims) != 7 || rms[0].FileID != res.FileID {
		t.Errorf("remittance record: %+v", rms[0])
	}
	one, err := db.Remittance(ctx, rms[0].ID, nil)
	if err != nil || !slices.Equal(one.ClaimIDs, wantIDs) {
		t.Errorf("remittance by ID: %v %v", err, one)
	}

	// The events after the claims: status changes in payment order, then the remittance.
	evs := allEvents(t, db, nil)[len(before):]
	var got []string
	for _, e := range evs {
		got = append(got, string(e.Kind)+" "+e.Reference)
	}
	wantEvents := []string{"claim.paid PAID", "claim.partially_paid PARTIAL", "claim.denied DENIED", "claim.processed ZERO",
		"claim.paid REVERSED", "claim.reversed REVERSED", "payment.unmatched CLP 7", "remittance.received EFT1"}
	if !slices.Equal(got, wantEvents) {
		t.Errorf("events\n got %q\nwant %q", got, wantEvents)
	}
	last := evs[len(evs)-1]
	if last.SubjectID != rms[0].ID || last.TIN != tinA || last.NPI != npiA || evs[0].TIN != tinA {
		t.Errorf("remittance event %+v", last)
	}
	for i := 1; i < len(evs); i++ {
		if evs[i].ID <= evs[i-1].ID {
			t.Errorf("event IDs not increasing: %d after %d", evs[i].ID, evs[i-1].ID)
		}
	}

	c := counts(t, db)
	if c["claim_payments"] != 7 || c["service_payments"] != 7 || c["adjustments"] != 6 || c["claim_lines"] != 12 ||
		c["claim_status_history"] != 6 {
		t.Errorf("counts %v", c)
	}
}

func TestDuplicateFileAndInterchangeAddNothing(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	content := "ISA*00*...~ the same bytes"
	mustIngest(t, db, batch{isa: "000000010", content: content, claims: []*edigw.Claim{claim("C1", tinA, npiA, 100, "")}})
	before := counts(t, db)

	_, err := ingestFile(ctx, db, batch{isa: "000000011", content: content, claims: []*edigw.Claim{claim("C2", tinA, npiA, 100, "")}})
	if !isErr(err, edigw.ErrDuplicateFile) {
		t.Fatalf("same content again: %v, want ErrDuplicateFile", err)
	}
	_, err = ingestFile(ctx, db, batch{isa: "000000010", claims: []*edigw.Claim{claim("C3", tinA, npiA, 100, "")}})
	if !isErr(err, edigw.ErrDuplicateInterchange) {
		t.Fatalf("same interchange in another file: %v, want ErrDuplicateInterchange", err)
	}
	if after := counts(t, db); !maps.Equal(before, after) {
		t.Errorf("rows changed by refused files:\nbefore %v\n after %v", before, after)
	}
	if _, err := db.ClaimByControlNumber(ctx, edigw.Cigna, "C2", nil); !isErr(err, edigw.ErrNotFound) {
		t.Errorf("claim of the duplicate file: %v", err)
	}

	// The ledger can then say so, outside an ingest.
	sum := sha256.Sum256([]byte(content))
	f := &edigw.File{PayerID: edigw.Cigna, Key: "cigna-62308/inbound/again.x12", SHA256: hex.EncodeToString(sum[:]),
		Direction: edigw.Inbound, Kind: "837", Status: edigw.FileDuplicate, Reason: "same content as an earlier file"}
	if _, err := db.RecordFile(ctx, f); err != nil {
		t.Fatalf("record duplicate: %v", err)
	}
	got, err := db.FileByKey(ctx, edigw.Inbound, f.Key)
	if err != nil || got.Status != edigw.FileDuplicate || got.ID != f.ID {
		t.Errorf("file by key: %v %+v", err, got)
	}
}

// TestConcurrentDuplicatesOneWins: two ingests of the same content race;
// the unique index lets exactly one commit.
func TestConcurrentDuplicatesOneWins(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	begin := func(key string) edigw.Ingest {
		in, err := db.BeginIngest(ctx, &edigw.File{Key: key, Direction: edigw.Inbound, Kind: "837"})
		if err != nil {
			t.Fatal(err)
		}
		if err := in.AddClaims(ctx, []*edigw.Claim{claim("RACE-"+key, tinA, npiA, 100, "")}); err != nil {
			t.Fatal(err)
		}
		return in
	}
	ins := []edigw.Ingest{begin("a"), begin("b")}
	errs := make(chan error, len(ins))
	for _, in := range ins {
		go func() {
			_, err := in.Commit(ctx, "feed", 4) // the second waits for the first's outcome on the index
			errs <- err
		}()
	}
	var won, dup int
	for range ins {
		switch err := <-errs; {
		case err == nil:
			won++
		case isErr(err, edigw.ErrDuplicateFile):
			dup++
		default:
			t.Errorf("commit: %v", err)
		}
	}
	if won != 1 || dup != 1 {
		t.Errorf("%d commits, %d duplicates; want 1 and 1", won, dup)
	}
	if n := counts(t, db)["claims"]; n != 1 {
		t.Errorf("%d claims, want 1", n)
	}
}

func TestRollbackLeavesNothing(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	mustIngest(t, db, batch{isa: "1", claims: []*edigw.Claim{claim("KEEP", tinA, npiA, 100, "")},
		auths: []*edigw.AuthorizationRequest{authRequest("T1", tinA, npiA)}})
	before := counts(t, db)

	in, err := db.BeginIngest(ctx, &edigw.File{Key: "k", Direction: edigw.Inbound})
	if err != nil {
		t.Fatal(err)
	}
	steps := []error{
		in.Interchange(ctx, edigw.Interchange{SenderQualifier: "ZZ", SenderID: "S", ReceiverQualifier: "ZZ", ReceiverID: "R", ControlNumber: "2"}),
		in.AddClaims(ctx, []*edigw.Claim{claim("GONE", tinA, npiA, 100, "")}),
		in.AddRemittances(ctx, []*edigw.Remittance{remittance("EFT", tinA, npiA, payment("KEEP", "1", 100, 100))}),
		in.AddAuthorizations(ctx, []*edigw.AuthorizationRequest{authResponse("T1", tinA, npiA, "A1", "C1")}),
		in.AddClaimStatuses(ctx, []edigw.ClaimStatusUpdate{{PayerID: edigw.Cigna, PatientControlNumber: "KEEP", Status: edigw.ClaimRejected}}),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	if err := in.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	if err := in.Rollback(ctx); err != nil {
		t.Errorf("second rollback: %v", err)
	}
	if _, err := in.Commit(ctx, "x", 1); err == nil {
		t.Error("commit after rollback succeeded")
	}
	if after := counts(t, db); !maps.Equal(before, after) {
		t.Errorf("rows changed by a rolled back ingest:\nbefore %v\n after %v", before, after)
	}
	if c := claimByPCN(t, db, "KEEP"); c.Claim.Status != edigw.ClaimSubmitted {
		t.Errorf("claim status %q after rollback", c.Claim.Status)
	}
	a, err := db.Authorization(ctx, 1, nil)
	if err != nil || a.Request.Status != edigw.AuthPending || a.Request.Decision != nil {
		t.Errorf("authorization after rollback: %v %+v", err, a)
	}
}

func TestAuthorizationResponseUpdatesRequest(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authRequest("TR-9", tinA, npiA)}})
	if evs := allEvents(t, db, nil); len(evs) != 0 {
		t.Errorf("a request without a decision made events: %+v", evs)
	}
	reqs := counts(t, db)["authorizations"]

	pend := authResponse("TR-9", tinA, npiA, "A4", "")
	pend.Decision.PendDueDate = "20260110"
	res := mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{pend}})
	approve := authResponse("TR-9", tinA, npiA, "A1", "CERT-9")
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{approve}})
	// The same decision again changes nothing.
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authResponse("TR-9", tinA, npiA, "A1", "CERT-9")}})

	if n := counts(t, db)["authorizations"]; n != reqs {
		t.Errorf("responses added authorizations: %d, want %d", n, reqs)
	}
	a, err := db.AuthorizationByCertification(ctx, edigw.Cigna, "CERT-9")
	if err != nil {
		t.Fatal(err)
	}
	if a.Request.Status != edigw.AuthApproved || a.Request.Decision == nil || a.Request.Decision.CertificationNumber != "CERT-9" ||
		a.Request.Services[0].Decision == nil || a.Request.Traces[0].Type != "1" || a.Direction != edigw.Inbound {
		t.Errorf("updated request: %+v", a.Request)
	}
	evs := allEvents(t, db, nil)
	var kinds []edigw.EventKind
	for _, e := range evs {
		kinds = append(kinds, e.Kind)
		if e.SubjectID != a.ID || e.Subject != "authorization" || e.NPI != npiA || e.TIN != tinA {
			t.Errorf("event %+v", e)
		}
	}
	if want := []edigw.EventKind{edigw.EventAuthPending, edigw.EventAuthApproved}; !slices.Equal(kinds, want) {
		t.Errorf("events %v, want %v", kinds, want)
	}
	if evs[1].Reference != "CERT-9" || evs[0].Reference != "TR-9" {
		t.Errorf("event references %q %q", evs[0].Reference, evs[1].Reference)
	}
	if c := counts(t, db)["authorization_decisions"]; c != 3 {
		t.Errorf("%d decisions kept, want 3", c)
	}
	// The pended file's records are the request's provider's.
	tins, npis, err := audienceIDs(ctx, db, res.FileID)
	if err != nil || !slices.Equal(tins, []string{tinA}) || !slices.Equal(npis, []string{npiA}) {
		t.Errorf("file providers %v %v %v", tins, npis, err)
	}

	// A response nobody asked for here is stored as it is, with its event.
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authResponse("ELSEWHERE", tinB, npiB, "A3", "CERT-X")}})
	d, err := db.AuthorizationByCertification(ctx, edigw.Cigna, "CERT-X")
	if err != nil || d.ID == a.ID || d.Request.Status != edigw.AuthDenied {
		t.Fatalf("unanswered response: %v %+v", err, d)
	}
	if evs := allEvents(t, db, nil); evs[len(evs)-1].Kind != edigw.EventAuthDenied {
		t.Errorf("last event %+v", evs[len(evs)-1])
	}
	if _, err := db.AuthorizationByCertification(ctx, edigw.Cigna, "NONE"); !isErr(err, edigw.ErrNotFound) {
		t.Errorf("unknown certification: %v", err)
	}
}

// A service-level certification number links claims too.
func TestServiceCertificationLinksClaims(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	resp := authResponse("TR-S", tinA, npiA, "A2", "EVENT-CERT")
	resp.Services[0].Decision.CertificationNumber = "SERVICE-CERT"
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{resp}})
	mustIngest(t, db, batch{claims: []*edigw.Claim{claim("BY-SERVICE", tinA, npiA, 100, "SERVICE-CERT")}})
	a, err := db.AuthorizationByCertification(ctx, edigw.Cigna, "SERVICE-CERT")
	if err != nil {
		t.Fatal(err)
	}
	if c := claimByPCN(t, db, "BY-SERVICE"); c.AuthorizationID != a.ID || a.Request.Status != edigw.AuthPartiallyApproved {
		t.Errorf("claim links %d, want %d (%s)", c.AuthorizationID, a.ID, a.Request.Status)
	}
}

func TestRejectedClaimsGetRejectedEvents(t *testing.T) {
	db, _ := openDB(t)
	bad := claim("BAD", tinA, npiA, 100, "")
	bad.Status = edigw.ClaimRejected
	mustIngest(t, db, batch{claims: []*edigw.Claim{claim("GOOD", tinA, npiA, 100, ""), bad}})
	evs := allEvents(t, db, nil)
	if len(evs) != 2 || evs[0].Kind != edigw.EventClaimSubmitted || evs[1].Kind != edigw.EventClaimRejected {
		t.Errorf("events %+v", evs)
	}
	if c := claimByPCN(t, db, "BAD"); c.Claim.Status != edigw.ClaimRejected {
		t.Errorf("status %q", c.Claim.Status)
	}
}

func TestEndedIngestRefusesWork(t *testing.T) {
	db, _ := openDB(t)
	ctx := context.Background()
	in, err := db.BeginIngest(ctx, &edigw.File{Key: "k", Direction: edigw.Inbound})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Commit(ctx, "abc", 3); err != nil {
		t.Fatal(err)
	}
	if err := in.AddClaims(ctx, []*edigw.Claim{claim("LATE", tinA, npiA, 1, "")}); err == nil {
		t.Error("AddClaims after Commit succeeded")
	}
	f, err := db.FileByKey(ctx, edigw.Inbound, "k")
	if err != nil || f.Status != edigw.FileCommitted || f.SHA256 != "abc" || f.Size != 3 {
		t.Errorf("ledger entry %+v %v", f, err)
	}
}
