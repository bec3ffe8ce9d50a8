package storage

import (
	"testing"

	"github.com/edigw/edigw"
)

// TestReplacementsLinkInsideTheProvider: a replacement names its original
// by REF*F8; the original of another provider with the same payer number
// is never touched; a void voids; a replacement whose number finds nothing
// links nothing.
func TestReplacementsLinkInsideTheProvider(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	origA, origB, other := claim("ORIG", tinA, npiA, 100, ""), claim("ORIG", tinB, npiB, 100, ""), claim("OTHER", tinA, npiA, 100, "")
	origA.PayerClaimNumber, origB.PayerClaimNumber, other.PayerClaimNumber = "ICN-1", "ICN-1", "ICN-2"
	mustIngest(t, db, batch{claims: []*edigw.Claim{origA, origB, other}})

	repl := claim("ORIG-R", tinA, npiA, 100, "")
	repl.FrequencyCode, repl.PayerClaimNumber = "7", "ICN-1"
	void := claim("OTHER-V", tinA, npiA, 100, "")
	void.FrequencyCode, void.PayerClaimNumber = "8", "ICN-2"
	lost := claim("LOST", tinA, npiA, 100, "")
	lost.FrequencyCode, lost.PayerClaimNumber = "7", "ICN-9"
	before := len(allEvents(t, db, nil))
	mustIngest(t, db, batch{claims: []*edigw.Claim{repl, void, lost}})

	scopeA, scopeB := &edigw.Scope{TINs: []string{tinA}}, &edigw.Scope{TINs: []string{tinB}}
	a, _ := db.ClaimByControlNumber(ctx, edigw.Cigna, "ORIG", scopeA)
	b, _ := db.ClaimByControlNumber(ctx, edigw.Cigna, "ORIG", scopeB)
	o, _ := db.ClaimByControlNumber(ctx, edigw.Cigna, "OTHER", scopeA)
	r, _ := db.ClaimByControlNumber(ctx, edigw.Cigna, "ORIG-R", scopeA)
	v, _ := db.ClaimByControlNumber(ctx, edigw.Cigna, "OTHER-V", scopeA)
	l, _ := db.ClaimByControlNumber(ctx, edigw.Cigna, "LOST", scopeA)
	if a.Claim.Status != edigw.ClaimReplaced || a.StatusReason != "837 CLM05-3 7" || r.OriginalID != a.ID {
		t.Errorf("A's original %s %q, replacement links %d (want %d)", a.Claim.Status, a.StatusReason, r.OriginalID, a.ID)
	}
	if b.Claim.Status != edigw.ClaimSubmitted {
		t.Errorf("B's claim with the same payer number moved: %s", b.Claim.Status)
	}
	if o.Claim.Status != edigw.ClaimVoided || v.OriginalID != o.ID {
		t.Errorf("voided %s, void links %d", o.Claim.Status, v.OriginalID)
	}
	if l.OriginalID != 0 || l.Claim.Status != edigw.ClaimSubmitted {
		t.Errorf("a replacement of nothing: %+v", l)
	}
	var kinds []string
	for _, e := range allEvents(t, db, nil)[before:] {
		if e.Kind == edigw.EventClaimReplaced || e.Kind == edigw.EventClaimVoided {
			kinds = append(kinds, string(e.Kind)+" "+e.Reference+" "+e.TIN)
			if e.SubjectID != a.ID && e.SubjectID != o.ID {
				t.Errorf("event about %d", e.SubjectID)
			}
		}
	}
	if len(kinds) != 2 || kinds[0] != "claim.replaced ORIG "+tinA || kinds[1] != "claim.voided OTHER "+tinA {
		t.Errorf("events %v", kinds)
	}
}
