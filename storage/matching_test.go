package storage

import (
	"fmt"
	"slices"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// sentClaims queues claims and marks them sent to a partner, one set each,
// in one interchange: sender, receiver, ISA13, GS06; the sets are
// numbered from firstSet. It returns the claims' IDs.
func sentClaims(t *testing.T, db *DB, sender, receiver, isa, group string, firstSet int, claims ...*edigw.Claim) []int64 {
	t.Helper()
	ctx := testCtx(t)
	ids, err := db.QueueClaims(ctx, "", claims)
	if err != nil {
		t.Fatal(err)
	}
	for _, payer := range []edigw.PayerID{claims[0].PayerID} {
		if _, err := db.TakeQueuedClaims(ctx, payer, edigw.Professional, 100); err != nil {
			t.Fatal(err)
		}
	}
	fileID, err := db.RecordFile(ctx, &edigw.File{PayerID: claims[0].PayerID, Key: fmt.Sprintf("out/%s-%s-%s", receiver, isa, group),
		Direction: edigw.Outbound, Kind: "837", Status: edigw.FilePending})
	if err != nil {
		t.Fatal(err)
	}
	ic := edigw.Interchange{SenderQualifier: "ZZ", SenderID: sender, ReceiverQualifier: "ZZ", ReceiverID: receiver, ControlNumber: isa}
	for i, id := range ids {
		if err := db.MarkSent(ctx, "claim", []int64{id}, fileID, ic, group, fmt.Sprintf("%04d", firstSet+i)); err != nil {
			t.Fatal(err)
		}
	}
	return ids
}

func statusOf(t *testing.T, db *DB, id int64) (edigw.ClaimStatus, string) {
	t.Helper()
	c, err := db.Claim(testCtx(t), id, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c.Claim.Status, c.StatusReason
}

// TestEnvelopeAnswersStayWithTheirPartner: a TA1 and a 999 move the claims
// of the one interchange edigw sent to the partner that answers, under the
// same control number written with or without leading zeros; the same
// numbers sent to another partner, or a file of another partner's payer
// naming this partner, move nothing and are reported.
func TestEnvelopeAnswersStayWithTheirPartner(t *testing.T) {
	db, _ := openDB(t)
	other := claim("O-1", tinB, npiB, 100, "")
	other.PayerID = "99999"
	cigna := sentClaims(t, db, "EDIGW", "CIGNA62308", "000000012", "12", 1, claim("C-1", tinA, npiA, 100, ""))
	otherIDs := sentClaims(t, db, "EDIGW", "OTHERPAYER", "000000012", "12", 1, other)

	// A file of payer 99999 (its partner's prefix) with a TA1 naming
	// Cigna's envelope: nobody's.
	res, err := ingestAs(t, db, "99999", batch{}, []*edigw.Acknowledgment{
		{Kind: edigw.AckTA1, SenderID: "CIGNA62308", ReceiverID: "EDIGW", InterchangeNumber: "1",
			Interchange: &edigw.InterchangeAck{ControlNumber: "12", Code: "R", NoteCode: "022"}}})
	if err != nil || res.StatusUpdates != 0 || res.Unmatched != 1 {
		t.Fatalf("TA1 in another payer's file: %+v %v", res, err)
	}
	if tins, npis, _ := audienceIDs(testCtx(t), db, res.FileID); len(tins)+len(npis) != 0 {
		t.Errorf("an envelope answer matching nothing has providers %v %v", tins, npis)
	}

	// Cigna's TA1 for ISA13 12 (no zeros) rejects Cigna's claim only.
	res, err = ingestAs(t, db, edigw.Cigna, batch{}, []*edigw.Acknowledgment{
		{Kind: edigw.AckTA1, SenderID: "CIGNA62308     ", ReceiverID: "EDIGW          ", InterchangeNumber: "2",
			Interchange: &edigw.InterchangeAck{ControlNumber: "12", Code: "R", NoteCode: "022"}}})
	if err != nil || res.StatusUpdates != 1 || res.Unmatched != 0 {
		t.Fatalf("Cigna's TA1: %+v %v", res, err)
	}
	if s, r := statusOf(t, db, cigna[0]); s != edigw.ClaimRejected || r != "TA1: TA104 R (Interchange rejected because of errors); TA105 022 (Invalid control structure)" {
		t.Errorf("Cigna's claim: %s %q", s, r)
	}
	if s, _ := statusOf(t, db, otherIDs[0]); s != edigw.ClaimSubmitted {
		t.Errorf("the other partner's claim under the same numbers: %s", s)
	}
	if tins, npis, _ := audienceIDs(testCtx(t), db, res.FileID); !slices.Equal(tins, []string{tinA}) || !slices.Equal(npis, []string{npiA}) {
		t.Errorf("providers of the TA1: %v %v", tins, npis)
	}
	// A 999 for group 0012 from a partner edigw never sent it to.
	res, err = ingestAs(t, db, edigw.Cigna, batch{}, []*edigw.Acknowledgment{
		{Kind: edigw.Ack999, SenderID: "SOMEONE", ReceiverID: "EDIGW", InterchangeNumber: "3", GroupNumber: "3", SetNumber: "1",
			Group: &edigw.GroupAck{FunctionalID: "HC", ControlNumber: "0012", Code: "R"}}})
	if err != nil || res.StatusUpdates != 0 || res.Unmatched != 1 {
		t.Fatalf("999 of a stranger: %+v %v", res, err)
	}
}

// ingestAs ingests a file of a payer's partner with acknowledgments.
func ingestAs(t *testing.T, db *DB, payer edigw.PayerID, b batch, acks []*edigw.Acknowledgment) (*edigw.IngestResult, error) {
	t.Helper()
	ctx := testCtx(t)
	n := fileSeq.Add(1)
	in, err := db.BeginIngest(ctx, &edigw.File{PayerID: payer, Key: fmt.Sprintf("p/inbound/ack%d", n), Direction: edigw.Inbound})
	if err != nil {
		return nil, err
	}
	defer in.Rollback(ctx) //nolint:errcheck // harmless after Commit
	if err := in.AddRemittances(ctx, b.rms); err != nil {
		return nil, err
	}
	if err := in.AddAuthorizations(ctx, b.auths); err != nil {
		return nil, err
	}
	for _, a := range acks {
		mapping.DecideAcknowledgment(a) // as mapping reads one
	}
	if err := in.AddAcknowledgments(ctx, acks); err != nil {
		return nil, err
	}
	return in.Commit(ctx, fmt.Sprintf("%064d", n), 1)
}

// ca277 is a 277CA from Cigna to edigw: one claim, under a provider.
func ca277(isa, batchNumber, pcn, npi, category, payerClaim string) *edigw.Acknowledgment {
	return &edigw.Acknowledgment{Kind: edigw.Ack277CA, PayerID: edigw.Cigna, SenderID: "CIGNA62308", ReceiverID: "EDIGW",
		InterchangeNumber: isa, GroupNumber: isa, SetNumber: "0001",
		Claims: &edigw.ClaimAcknowledgment{Sources: []edigw.InformationSource{{BatchNumber: batchNumber,
			Providers: []edigw.ProviderStatus{{Provider: edigw.Party{IDQualifier: "XX", ID: npi},
				Patients: []edigw.PatientClaim{{Claims: []edigw.ClaimStatusInfo{{PatientControlNumber: pcn, PayerClaimNumber: payerClaim,
					Statuses: []edigw.StatusInfo{{Codes: []edigw.StatusCode{{Category: category, Status: "20"}}}}}}}}}}}}}}
}

// TestSentAgainUnderOneNumber: a provider sends a claim again under the
// same patient control number. A 277CA tells the two apart by the batch it
// answers (the set's ST02) and records the payer's claim number; the 835
// tells them apart by that number (CLP07). Without either the answer is
// ambiguous: nothing moves, and it is reported. The 277CA's file stays
// the provider's when another provider later sends a claim under the
// same number.
func TestSentAgainUnderOneNumber(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	first := sentClaims(t, db, "EDIGW", "CIGNA62308", "000000031", "31", 1, claim("AGAIN", tinA, npiA, 100, ""))
	second := sentClaims(t, db, "EDIGW", "CIGNA62308", "000000032", "32", 2, claim("AGAIN", tinA, npiA, 100, ""))

	res, err := ingestAs(t, db, edigw.Cigna, batch{}, []*edigw.Acknowledgment{ca277("41", "9999", "AGAIN", npiA, "A2", "")})
	if err != nil || res.StatusUpdates != 0 || res.Unmatched != 1 {
		t.Fatalf("a 277CA naming neither batch: %+v %v", res, err)
	}
	res, err = ingestAs(t, db, edigw.Cigna, batch{}, []*edigw.Acknowledgment{ca277("42", "2", "AGAIN", npiA, "A2", "PAYER-2")})
	if err != nil || res.StatusUpdates != 1 || res.Unmatched != 0 {
		t.Fatalf("a 277CA naming the second batch: %+v %v", res, err)
	}
	caFile := res.FileID
	if s, _ := statusOf(t, db, first[0]); s != edigw.ClaimSubmitted {
		t.Errorf("the first claim: %s", s)
	}
	if s, _ := statusOf(t, db, second[0]); s != edigw.ClaimAccepted {
		t.Errorf("the second claim: %s", s)
	}

	// 835s paying AGAIN: without CLP07 ambiguous; with the number the
	// 277CA recorded, the second claim.
	noNumber := payment("AGAIN", "1", 100, 100)
	noNumber.PayerClaimNumber = ""
	res, err = ingestAs(t, db, edigw.Cigna, batch{rms: []*edigw.Remittance{remittance("EFT-1", tinA, npiA, noNumber)}}, nil)
	if err != nil || res.Unmatched != 1 {
		t.Fatalf("835 without CLP07: %+v %v", res, err)
	}
	numbered := payment("AGAIN", "1", 100, 100)
	numbered.PayerClaimNumber = "PAYER-2"
	res, err = ingestAs(t, db, edigw.Cigna, batch{rms: []*edigw.Remittance{remittance("EFT-2", tinA, npiA, numbered)}}, nil)
	if err != nil || res.Unmatched != 0 {
		t.Fatalf("835 with CLP07: %+v %v", res, err)
	}
	if s, r := statusOf(t, db, second[0]); s != edigw.ClaimPaid || r != "835 CLP02 1" {
		t.Errorf("the second claim after the 835: %s %q", s, r)
	}
	if s, _ := statusOf(t, db, first[0]); s != edigw.ClaimSubmitted {
		t.Errorf("the first claim after the 835: %s", s)
	}
	var reports []edigw.Event
	for _, e := range allEvents(t, db, nil) {
		if e.TIN == "" && e.NPI == "" {
			reports = append(reports, e)
		}
	}
	if len(reports) != 2 || reports[0].Kind != edigw.EventAckUnmatched || reports[0].Status != "ambiguous" ||
		reports[0].Reference != "277CA ISA13 41 GS06 41 ST02 0001 2200D 1" ||
		reports[1].Kind != edigw.EventPaymentUnmatched || reports[1].Reference != "CLP 1" || reports[1].Subject != "remittance" {
		t.Errorf("reports %+v", reports)
	}
	if evs := allEvents(t, db, &edigw.Scope{TINs: []string{tinA}, NPIs: []string{npiA}}); slices.ContainsFunc(evs, func(e edigw.Event) bool {
		return e.Kind == edigw.EventAckUnmatched || e.Kind == edigw.EventPaymentUnmatched
	}) {
		t.Error("the provider's feed holds the operators' reports")
	}

	// B sends a claim under the same number: the 277CA's file stays A's.
	sentClaims(t, db, "EDIGW", "CIGNA62308", "000000033", "33", 3, claim("AGAIN", tinB, npiB, 100, ""))
	tins, npis, err := audienceIDs(ctx, db, caFile)
	if err != nil || !slices.Equal(tins, []string{tinA}) || !slices.Equal(npis, []string{npiA}) {
		t.Errorf("the 277CA's providers after B's claim: %v %v %v", tins, npis, err)
	}
	aud, err := db.FileAudience(ctx, caFile)
	if err != nil || len(aud.Providers) != 1 || aud.Providers[0] != (edigw.Provider{TIN: tinA, NPI: npiA}) {
		t.Errorf("the 277CA's audience: %+v %v", aud, err)
	}
}

// TestResponsesMatchTheirRequester: B's 278 request with A's trace number
// does not get A's response; two requests of A under one trace number
// make the response ambiguous: it is stored on its own and reported.
func TestResponsesMatchTheirRequester(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authRequest("TRK-1", tinA, npiA)}})
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authRequest("TRK-1", tinB, npiB)}})
	res := mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authResponse("TRK-1", tinA, npiA, "A1", "CERT-A")}})
	if res.Unmatched != 0 {
		t.Errorf("A's response: %+v", res)
	}
	a, err := db.AuthorizationByCertification(ctx, edigw.Cigna, "CERT-A")
	if err != nil || a.Request.Requester.NPI() != npiA || a.Request.Status != edigw.AuthApproved {
		t.Fatalf("A's authorization: %v %+v", err, a)
	}
	if evs := allEvents(t, db, &edigw.Scope{NPIs: []string{npiB}}); len(evs) != 0 {
		t.Errorf("B's events: %+v", evs)
	}
	tins, npis, err := audienceIDs(ctx, db, res.FileID)
	if err != nil || !slices.Equal(npis, []string{npiA}) || !slices.Equal(tins, []string{tinA}) {
		t.Errorf("the response's providers: %v %v %v", tins, npis, err)
	}

	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authRequest("TRK-2", tinA, npiA), authRequest("TRK-2", tinA, npiA)}})
	res = mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authResponse("TRK-2", tinA, npiA, "A1", "CERT-2")}})
	if res.Unmatched != 1 {
		t.Errorf("the ambiguous response: %+v", res)
	}
	evs := allEvents(t, db, nil)
	var report *edigw.Event
	for i := range evs {
		if evs[i].Kind == edigw.EventAuthUnmatched {
			report = &evs[i]
		}
	}
	if report == nil || report.Status != "ambiguous" || report.TIN != "" || report.NPI != "" || report.Reference != "278 response" {
		t.Errorf("report %+v", report)
	}
	var requests int
	for _, e := range evs {
		if e.Kind == edigw.EventAuthApproved && e.Reference == "CERT-2" {
			requests++
		}
	}
	if requests != 1 {
		t.Errorf("%d approvals for the ambiguous response, want its own 1", requests)
	}
}

// TestPartlyUnmatchedAnswerIsOperatorsOnly: a 277CA naming A's claim and
// a claim edigw does not know (under another provider) is nobody's to
// download: its audience holds an empty provider, which no scope covers.
// A claim whose status decides nothing (A4) moves nothing but is matched.
func TestPartlyUnmatchedAnswerIsOperatorsOnly(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	ids := sentClaims(t, db, "EDIGW", "CIGNA62308", "000000051", "51", 1, claim("P-1", tinA, npiA, 100, ""), claim("P-2", tinA, npiA, 100, ""))
	known := ca277("61", "", "P-1", npiA, "A4", "")
	res, err := ingestAs(t, db, edigw.Cigna, batch{}, []*edigw.Acknowledgment{known})
	if err != nil || res.StatusUpdates != 0 || res.Unmatched != 0 {
		t.Fatalf("an A4 for a known claim: %+v %v", res, err)
	}
	if aud, err := db.FileAudience(ctx, res.FileID); err != nil || len(aud.Providers) != 1 || aud.Providers[0].NPI != npiA {
		t.Errorf("audience of the A4: %+v %v", aud, err)
	}
	mixed := ca277("62", "", "P-2", npiA, "A2", "")
	mixed.Claims.Sources[0].Providers = append(mixed.Claims.Sources[0].Providers,
		ca277("", "", "SOMEONE-ELSE", "1003000126", "A2", "").Claims.Sources[0].Providers[0])
	res, err = ingestAs(t, db, edigw.Cigna, batch{}, []*edigw.Acknowledgment{mixed})
	if err != nil || res.StatusUpdates != 1 || res.Unmatched != 1 {
		t.Fatalf("a 277CA half matched: %+v %v", res, err)
	}
	if s, _ := statusOf(t, db, ids[1]); s != edigw.ClaimAccepted {
		t.Errorf("A's claim in the half-matched 277CA: %s", s)
	}
	aud, err := db.FileAudience(ctx, res.FileID)
	if err != nil || !slices.Contains(aud.Providers, edigw.Provider{}) {
		t.Errorf("audience of a half-matched 277CA: %+v %v", aud, err)
	}
	if (edigw.Scope{TINs: []string{tinA, ""}, NPIs: []string{npiA, ""}}).Covers("", "") {
		t.Error("a scope covers the empty provider")
	}
}

// TestQueuedClaimsAreAnsweredByNothing: a claim queued but not sent has
// gone to no partner: an 835 paying its number (by its provider) is
// unmatched.
func TestQueuedClaimsAreAnsweredByNothing(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	ids, err := db.QueueClaims(ctx, "", []*edigw.Claim{claim("QUEUED", tinA, npiA, 100, "")})
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingestAs(t, db, edigw.Cigna, batch{rms: []*edigw.Remittance{remittance("EFT-Q", tinA, npiA, payment("QUEUED", "1", 100, 100))}}, nil)
	if err != nil || res.Unmatched != 1 {
		t.Fatalf("835 for a queued claim: %+v %v", res, err)
	}
	if s, _ := statusOf(t, db, ids[0]); s != edigw.ClaimSubmitted {
		t.Errorf("the queued claim: %s", s)
	}
}

// TestUnmatchedResponseStaysWithItsPartner: a 278 response that answers
// no request is stored under the payer of the partner it came from, not
// the payer its 2010A names: another partner's file cannot leave an
// approved authorization that a Cigna claim would find.
func TestUnmatchedResponseStaysWithItsPartner(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	res, err := ingestAs(t, db, "99999", batch{auths: []*edigw.AuthorizationRequest{
		authResponse("TRK-FORGED", tinA, npiA, "A1", "CERT-FORGED")}}, nil)
	if err != nil || res.Unmatched != 1 {
		t.Fatalf("the response: %v %+v", err, res)
	}
	got, err := db.FindAuthorizations(ctx, []mapping.AuthorizationQuery{{PayerID: edigw.Cigna,
		ProviderNPIs: []string{npiA}, CertificationNumber: "CERT-FORGED"}})
	if err != nil || len(got) != 0 {
		t.Errorf("Cigna's authorizations: %v %+v", err, got)
	}
	got, err = db.FindAuthorizations(ctx, []mapping.AuthorizationQuery{{PayerID: "99999",
		ProviderNPIs: []string{npiA}, CertificationNumber: "CERT-FORGED"}})
	if err != nil || len(got) != 1 {
		t.Errorf("the partner's authorizations: %v %+v", err, got)
	}
}

// TestAnotherPartnersAckIsNotTheClaims: a 999 in another partner's file
// naming the group a Cigna claim went out in is neither one of the claim's
// files nor a step of its history; Cigna's own 999 is.
func TestAnotherPartnersAckIsNotTheClaims(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	ids := sentClaims(t, db, "EDIGW", "CIGNA62308", "000000077", "77", 1, claim("ACK-SCOPE", tinA, npiA, 100, ""))
	ack := func(payer edigw.PayerID, isa string) *edigw.Acknowledgment {
		return &edigw.Acknowledgment{Kind: edigw.Ack999, PayerID: payer, SenderID: "CIGNA62308", ReceiverID: "EDIGW", InterchangeNumber: isa,
			GroupNumber: isa, SetNumber: "0001", Group: &edigw.GroupAck{FunctionalID: "HC", ControlNumber: "77", Version: "005010X222A1",
				Code: "A", Included: 1, Received: 1, Accepted: 1}}
	}
	forged, err := ingestAs(t, db, "99999", batch{}, []*edigw.Acknowledgment{ack("99999", "000000701")})
	if err != nil {
		t.Fatal(err)
	}
	own, err := ingestAs(t, db, edigw.Cigna, batch{}, []*edigw.Acknowledgment{ack(edigw.Cigna, "000000702")})
	if err != nil {
		t.Fatal(err)
	}
	files, err := db.ClaimFiles(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, f := range files {
		got = append(got, f.ID)
	}
	if slices.Contains(got, forged.FileID) || !slices.Contains(got, own.FileID) {
		t.Errorf("claim files %v: another partner's 999 is %d, Cigna's %d", got, forged.FileID, own.FileID)
	}
	hist, err := db.ClaimHistory(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range hist {
		if e.FileID == forged.FileID {
			t.Errorf("history step from another partner's 999: %+v", e)
		}
	}
}
