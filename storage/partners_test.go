package storage

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// The seeded partner carries everything the gateway needs: the pipeline
// reads it instead of a partner in code (decision 0010).
func TestSeededPartnerIsComplete(t *testing.T) {
	db, _ := openDB(t)
	ps, err := db.Partners(testCtx(t))
	if err != nil {
		t.Fatal(err)
	}
	want := edigw.TradingPartner{Name: "Cigna Healthcare", PayerID: edigw.Cigna, Prefix: "cigna-62308/",
		OurQualifier: "ZZ", OurID: "EDIGW", OurGroupID: "EDIGW", TheirQualifier: "ZZ", TheirID: "CIGNA62308", TheirGroupID: "62308",
		Usage: "P", Ack999Within: 24 * time.Hour, Ack277CAWithin: 72 * time.Hour}
	if len(ps) != 1 || ps[0] != want {
		t.Fatalf("partners %+v, want [%+v]", ps, want)
	}
	if err := edigw.ValidatePartners(ps); err != nil {
		t.Fatal(err)
	}
}

func TestPartnersAddReplaceRemove(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	aetna := edigw.TradingPartner{Name: "Aetna", PayerID: "60054", Prefix: "aetna-60054", OurID: "EDIGW", TheirID: "AETNA60054",
		Usage: "T", Ack999Within: 90 * time.Minute, Contact: "edi@aetna.example"}
	if err := db.AddPartner(ctx, aetna); err != nil {
		t.Fatal(err)
	}
	ps, err := db.Partners(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := aetna.WithDefaults()
	if len(ps) != 2 || ps[0] != want || want.Prefix != "aetna-60054/" || want.TheirGroupID != "AETNA60054" || want.Ack277CAWithin != 72*time.Hour {
		t.Fatalf("partners %+v, want %+v and Cigna (by payer ID)", ps, want)
	}
	var payer string
	if err := db.pool.QueryRow(ctx, "SELECT name FROM payers WHERE id = '60054'").Scan(&payer); err != nil || payer != "Aetna" {
		t.Fatalf("payer 60054: %q %v", payer, err)
	}

	// Adding the same payer again replaces its partner.
	aetna.Usage, aetna.Contact = "P", "ops@aetna.example"
	if err := db.AddPartner(ctx, aetna); err != nil {
		t.Fatal(err)
	}
	if ps, _ = db.Partners(ctx); len(ps) != 2 || ps[0].Usage != "P" || ps[0].Contact != "ops@aetna.example" {
		t.Fatalf("after replacing: %+v", ps)
	}

	// Another payer may not take Aetna's prefix or interchange ID: files
	// and acknowledgments must belong to one partner.
	for _, thief := range []edigw.TradingPartner{
		{Name: "Thief", PayerID: "99999", Prefix: "aetna-60054/", OurID: "EDIGW", TheirID: "THIEF"},
		{Name: "Thief", PayerID: "99999", Prefix: "thief/", OurID: "EDIGW", TheirID: "AETNA60054"},
	} {
		err := db.AddPartner(ctx, thief)
		if err == nil || !strings.Contains(err.Error(), "another payer's partner has") {
			t.Errorf("%+v: got %v, want a refusal", thief, err)
		}
	}
	// An invalid partner never reaches the table.
	if err := db.AddPartner(ctx, edigw.TradingPartner{Name: "Bad", PayerID: "1", Prefix: "bad/", OurID: "EDIGW", TheirID: "B", Usage: "X"}); err == nil ||
		!strings.Contains(err.Error(), "usage") {
		t.Errorf("usage X: %v", err)
	}

	if err := db.RemovePartner(ctx, "60054"); err != nil {
		t.Fatal(err)
	}
	if err := db.RemovePartner(ctx, "60054"); !errors.Is(err, edigw.ErrNotFound) {
		t.Errorf("removing twice: %v, want ErrNotFound", err)
	}
	if ps, _ = db.Partners(ctx); len(ps) != 1 || ps[0].PayerID != edigw.Cigna {
		t.Fatalf("after removing: %+v", ps)
	}
}

func TestMigrationStatus(t *testing.T) {
	ctx := testCtx(t)
	u := emptyDatabase(t)
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	st, err := MigrationStatus(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	if len(st) != len(ms) {
		t.Fatalf("%d states for %d migrations", len(st), len(ms))
	}
	for _, s := range st {
		if !s.Pending() || s.Unknown {
			t.Errorf("never migrated: %+v, want pending", s)
		}
	}
	if err := Migrate(ctx, u); err != nil {
		t.Fatal(err)
	}
	// A newer edigw applied a migration this build does not have.
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES (9999, '9999_future.sql')"); err != nil {
		t.Fatal(err)
	}
	// One embedded migration pending again.
	if _, err := conn.Exec(ctx, "DELETE FROM schema_migrations WHERE version = $1", ms[len(ms)-1].version); err != nil {
		t.Fatal(err)
	}
	st, err = MigrationStatus(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	if len(st) != len(ms)+1 {
		t.Fatalf("%d states, want %d", len(st), len(ms)+1)
	}
	for i, s := range st[:len(ms)] {
		if s.Version != ms[i].version || s.Name != ms[i].name || s.Unknown || s.Pending() != (i == len(ms)-1) {
			t.Errorf("state %d: %+v", i, s)
		}
	}
	if last := st[len(ms)]; last.Version != 9999 || !last.Unknown || last.Pending() {
		t.Errorf("future migration: %+v", last)
	}
}
