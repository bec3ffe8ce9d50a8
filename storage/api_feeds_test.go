package storage

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/edigw/edigw"
)

// The scoped feeds read per provider and merge; they must answer exactly
// what the plain feeds with the same scope answer, page for page.
func TestScopedFeedsMatchThePlainFeeds(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	type provider struct{ tin, npi string }
	providers := []provider{{tinA, npiA}, {tinB, npiB}, {"333333333", "1245319599"}, {"444444444", ""}, {"", "1003000126"}}
	rng := rand.New(rand.NewPCG(1, 2))
	for f := range 12 {
		var b batch
		for i := range 6 {
			p := providers[rng.IntN(len(providers))]
			pcn := fmt.Sprintf("F%d-%d", f, i)
			b.claims = append(b.claims, claim(pcn, p.tin, p.npi, 20000, ""))
			q := providers[rng.IntN(len(providers))]
			b.rms = append(b.rms, remittance(fmt.Sprintf("T%d-%d", f, i), q.tin, q.npi, payment(pcn, "1", 20000, 20000)))
		}
		mustIngest(t, db, b)
	}
	scopes := []*edigw.Scope{
		{TINs: []string{tinA}},
		{NPIs: []string{npiB}},
		{TINs: []string{tinA, "444444444"}, NPIs: []string{npiA, "1003000126"}},
		{TINs: []string{"999999999"}},
		{},
		nil,
	}
	subjects := [][]string{{"claim"}, {"remittance"}, {"claim", "remittance", "authorization"}}
	for si, scope := range scopes[:3] {
		if rms, err := db.Remittances(ctx, 0, 1000, scope); err != nil || len(rms) == 0 {
			t.Fatalf("scope %d holds no remittances (%v): the comparison would prove nothing", si, err)
		}
	}
	for si, scope := range scopes {
		for _, limit := range []int{1, 3, 100} {
			var after int64
			for page := 0; ; page++ {
				want, err := db.Remittances(ctx, after, limit, scope)
				if err != nil {
					t.Fatal(err)
				}
				got, err := db.RemittancesOf(ctx, after, limit, scope)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.EqualFunc(got, want, func(a, b edigw.StoredRemittance) bool {
					return a.ID == b.ID && a.Remittance.TraceNumber == b.Remittance.TraceNumber && slices.Equal(a.ClaimIDs, b.ClaimIDs)
				}) {
					t.Fatalf("scope %d, limit %d, after %d: remittances %v, want %v", si, limit, after, ids(got), ids(want))
				}
				if len(want) == 0 {
					break
				}
				after = want[len(want)-1].ID
			}
			for _, subj := range subjects {
				all, err := db.Events(ctx, 0, 10000, scope)
				if err != nil {
					t.Fatal(err)
				}
				var want []int64
				for _, e := range all {
					if slices.Contains(subj, e.Subject) {
						want = append(want, e.ID)
					}
				}
				var got []int64
				after = 0
				for {
					evs, err := db.EventsOf(ctx, after, limit, scope, subj)
					if err != nil {
						t.Fatal(err)
					}
					if len(evs) == 0 {
						break
					}
					for _, e := range evs {
						got = append(got, e.ID)
					}
					after = evs[len(evs)-1].ID
				}
				if !slices.Equal(got, want) {
					t.Fatalf("scope %d, limit %d, subjects %v: events %v, want %v", si, limit, subj, got, want)
				}
			}
		}
	}
}

func ids(rms []edigw.StoredRemittance) []int64 {
	out := make([]int64, len(rms))
	for i, r := range rms {
		out[i] = r.ID
	}
	return out
}
