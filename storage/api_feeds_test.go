package storage

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// The scoped feeds read per provider and merge; they must answer exactly
// the scope's records, page for page: for remittances, those a plain SQL
// query over the payee columns finds (none of the per-provider plan), for
// events, the unscoped feed filtered here by TIN, NPI and subject.
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
	// Every remittance and event, unscoped, by ID.
	allRemittances := map[int64]edigw.StoredRemittance{}
	for after := int64(0); ; {
		page, err := db.Remittances(ctx, after, 7)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, r := range page {
			allRemittances[r.ID] = r
		}
		after = page[len(page)-1].ID
	}
	allEvents := allEvents(t, db, nil)
	if len(allRemittances) != 72 || len(allEvents) < 144 {
		t.Fatalf("%d remittances and %d events stored, want 72 and at least 144", len(allRemittances), len(allEvents))
	}
	// inScope is the scope's remittance IDs after a cursor, at most limit,
	// by a query of its own.
	inScope := func(scope *edigw.Scope, after int64, limit int) []int64 {
		t.Helper()
		var rows pgx.Rows
		var err error
		if scope == nil {
			rows, err = db.pool.Query(ctx, "SELECT id FROM remittances WHERE id > $1 ORDER BY id LIMIT $2", after, limit)
		} else {
			rows, err = db.pool.Query(ctx, `SELECT id FROM remittances WHERE id > $1
				AND (payee_tin = ANY($3::text[]) OR payee_npi = ANY($4::text[])) ORDER BY id LIMIT $2`,
				after, limit, scope.TINs, scope.NPIs)
		}
		if err != nil {
			t.Fatal(err)
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	for si, scope := range scopes[:3] {
		if len(inScope(scope, 0, 1000)) == 0 {
			t.Fatalf("scope %d holds no remittances: the comparison would prove nothing", si)
		}
	}
	for si, scope := range scopes {
		for _, limit := range []int{1, 3, 100} {
			var after int64
			for page := 0; ; page++ {
				want := inScope(scope, after, limit)
				got, err := db.RemittancesOf(ctx, after, limit, scope)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(ids(got), want) {
					t.Fatalf("scope %d, limit %d, after %d: remittances %v, want %v", si, limit, after, ids(got), want)
				}
				for _, r := range got {
					if plain := allRemittances[r.ID]; r.Remittance.TraceNumber != plain.Remittance.TraceNumber || !slices.Equal(r.ClaimIDs, plain.ClaimIDs) {
						t.Fatalf("scope %d: remittance %d reads %s %v, the plain feed %s %v", si, r.ID,
							r.Remittance.TraceNumber, r.ClaimIDs, plain.Remittance.TraceNumber, plain.ClaimIDs)
					}
				}
				if len(want) == 0 {
					break
				}
				after = want[len(want)-1]
			}
			for _, subj := range subjects {
				var want []int64
				for _, e := range allEvents {
					if slices.Contains(subj, e.Subject) && (scope == nil || scope.Covers(e.TIN, e.NPI)) {
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
					if len(evs) > limit {
						t.Fatalf("scope %d, limit %d: a page of %d events", si, limit, len(evs))
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
