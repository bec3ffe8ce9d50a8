package storage

import (
	"errors"
	"testing"

	"github.com/edigw/edigw"
)

// Partner Y writes partner X's sender ID and control number in its own
// ISA: that is Y's interchange, not a duplicate of X's, and it does not
// make X's own later interchange a duplicate either. The same ISA again
// from the same partner still is one.
func TestInterchangesAreDuplicatesOnlyWithinTheirPartner(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	ic := edigw.Interchange{SenderQualifier: "ZZ", SenderID: "HOMECAREDME", ReceiverQualifier: "ZZ", ReceiverID: "EDIGW",
		ControlNumber: "000000777"}
	enter := func(payer edigw.PayerID, key string) error {
		t.Helper()
		ing, err := db.BeginIngest(ctx, &edigw.File{PayerID: payer, Key: key, Direction: edigw.Inbound})
		if err != nil {
			t.Fatal(err)
		}
		if err := ing.Interchange(ctx, ic); err != nil {
			_ = ing.Rollback(ctx)
			return err
		}
		if _, err := ing.Commit(ctx, key+"-digest", 1); err != nil {
			t.Fatal(err)
		}
		return nil
	}
	if _, err := db.pool.Exec(ctx, `INSERT INTO payers (id, name) VALUES ('99999', 'Other Payer') ON CONFLICT DO NOTHING`); err != nil {
		t.Fatal(err)
	}
	if err := enter("99999", "other/inbound/spoof.x12"); err != nil {
		t.Fatalf("partner Y's interchange: %v", err)
	}
	if err := enter(edigw.Cigna, "cigna-62308/inbound/real.x12"); err != nil {
		t.Errorf("partner X's own interchange after Y wrote its numbers: %v, want it entered", err)
	}
	if err := enter(edigw.Cigna, "cigna-62308/inbound/again.x12"); !errors.Is(err, edigw.ErrDuplicateInterchange) {
		t.Errorf("the same interchange again from X: %v, want a duplicate", err)
	}
	if id, err := db.InterchangeFile(ctx, edigw.Cigna, ic); err != nil || id == 0 {
		t.Errorf("X's interchange file: %d %v", id, err)
	}
}
