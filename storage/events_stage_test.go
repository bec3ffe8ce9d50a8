package storage

import (
	"testing"

	"github.com/edigw/edigw"
)

// Staged events keep a TIN or NPI they do not have as NULL, never as an
// empty string: an event without either is the operators' alone
// (events_unattributed), and a scope never matches an empty TIN.
func TestStagedEventsStoreNoEmptyProvider(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck // the test stores nothing
	var stage eventStage
	evs := []event{
		{kind: edigw.EventClaimSubmitted, payer: edigw.Cigna, subject: subjectClaim, subjectID: 1, reference: "R1", status: "submitted", tin: tinA},
		{kind: edigw.EventClaimSubmitted, payer: edigw.Cigna, subject: subjectClaim, subjectID: 2, reference: "R2", status: "submitted", npi: npiA},
		{kind: edigw.EventAckUnmatched, payer: edigw.Cigna, subject: subjectFile, subjectID: 3, reference: "", status: "none"},
	}
	if err := stage.add(ctx, tx, evs); err != nil {
		t.Fatal(err)
	}
	if err := stage.flush(ctx, tx); err != nil {
		t.Fatal(err)
	}
	rows, err := tx.Query(ctx, `SELECT subject_id, reference, tin IS NULL, npi IS NULL, coalesce(tin, ''), coalesce(npi, '')
		FROM events WHERE subject_id IN (1, 2, 3) ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	type stored struct {
		id           int64
		ref          string
		noTIN, noNPI bool
		tin, npi     string
	}
	var got []stored
	for rows.Next() {
		var s stored
		if err := rows.Scan(&s.id, &s.ref, &s.noTIN, &s.noNPI, &s.tin, &s.npi); err != nil {
			t.Fatal(err)
		}
		got = append(got, s)
	}
	want := []stored{{1, "R1", false, true, tinA, ""}, {2, "R2", true, false, "", npiA}, {3, "", true, true, "", ""}}
	if len(got) != len(want) {
		t.Fatalf("%d events stored, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d stored as %+v, want %+v", i, got[i], want[i])
		}
	}
}
