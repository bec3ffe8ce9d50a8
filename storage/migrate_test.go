package storage

import (
	"context"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMigrateIsIdempotentAndSafeTogether(t *testing.T) {
	u := emptyDatabase(t)
	ctx := testCtx(t)
	// Two instances starting at once, then a restart.
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Go(func() { errs[i] = Migrate(ctx, u) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("migrate %d: %v", i, err)
		}
	}
	// A restart, with the URL the pool is opened with.
	if err := Migrate(ctx, u+"&pool_max_conns=4"); err != nil {
		t.Fatalf("migrate again: %v", err)
	}

	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	var applied int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM schema_migrations").Scan(&applied); err != nil {
		t.Fatal(err)
	}
	if applied != len(ms) || len(ms) < 2 {
		t.Errorf("%d migrations applied, %d embedded", applied, len(ms))
	}
	var name string
	if err := conn.QueryRow(ctx, "SELECT name FROM payers WHERE id = '62308'").Scan(&name); err != nil {
		t.Fatalf("payer 62308: %v", err)
	}
	if name != "Cigna Healthcare" {
		t.Errorf("payer 62308 is %q", name)
	}
	var partners int
	var prefix, qual, id string
	if err := conn.QueryRow(ctx, `SELECT count(*) OVER (), object_prefix, their_isa_qualifier, their_isa_id
		FROM trading_partners WHERE payer_id = '62308'`).Scan(&partners, &prefix, &qual, &id); err != nil {
		t.Fatalf("trading partner: %v", err)
	}
	if partners != 1 || prefix != "cigna-62308/" || qual != "ZZ" || id != "CIGNA62308" {
		t.Errorf("trading partners: %d, %q %q/%q", partners, prefix, qual, id)
	}
}

func TestMigrationsAreNumberedOnce(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range ms {
		if m.version != i+1 {
			t.Errorf("migration %s has version %d, want %d (no gaps)", m.name, m.version, i+1)
		}
	}
}
