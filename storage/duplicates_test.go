package storage

import (
	"testing"

	"github.com/edigw/edigw"
)

// TestDuplicateWarningsAcrossFiles: a claim stored again in a later file
// (or queued again) gets a claim.duplicate_warning event; another
// provider's claim with the same numbers does not, nor does a claim sent
// again after a rejection, nor a changed charge.
func TestDuplicateWarningsAcrossFiles(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	rejected := claim("REJ", tinA, npiA, 100, "")
	rejected.Status = edigw.ClaimRejected
	mustIngest(t, db, batch{claims: []*edigw.Claim{claim("DUP", tinA, npiA, 100, ""), rejected}})
	before := len(allEvents(t, db, nil))
	changed := claim("DUP", tinA, npiA, 100, "")
	changed.TotalCharge, changed.Lines[1].Charge = 200, 150
	mustIngest(t, db, batch{claims: []*edigw.Claim{
		claim("DUP", tinA, npiA, 100, ""), claim("DUP", tinB, npiB, 100, ""), claim("REJ", tinA, npiA, 100, ""), changed,
	}})
	if _, err := db.QueueClaims(ctx, "", []*edigw.Claim{claim("DUP", tinA, npiA, 100, "")}); err != nil {
		t.Fatal(err)
	}
	var warned []string
	for _, e := range allEvents(t, db, nil)[before:] {
		if e.Kind == edigw.EventClaimDuplicateWarning {
			warned = append(warned, e.Reference+" "+e.TIN)
		}
	}
	if len(warned) != 2 || warned[0] != "DUP "+tinA || warned[1] != "DUP "+tinA {
		t.Errorf("duplicate warnings %v, want the second and third DUP of provider A", warned)
	}
}
