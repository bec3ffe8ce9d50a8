package storage

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// The scaffolding the 1,000,000-row benchmarks share (claim search,
// authorization worklist): a bulk load and a timed query.

// bulkLoad copies the n rows src yields into table's columns in one COPY
// and logs how long it took, naming the rows noun. The table's indexes
// (all but its primary key) are dropped first and built after the load from
// their own definitions: a sorted build is faster than a million inserts
// into each. The table is analyzed last, so the planner sees its size.
func bulkLoad(b *testing.B, db *DB, table string, columns []string, src pgx.CopyFromSource, n int, noun string) {
	b.Helper()
	ctx := context.Background()
	start := time.Now()
	rows, err := db.pool.Query(ctx, `SELECT indexname, indexdef FROM pg_indexes
		WHERE schemaname = current_schema() AND tablename = $1 AND indexname <> $1 || '_pkey'`, table)
	if err != nil {
		b.Fatal(err)
	}
	defs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) ([2]string, error) {
		var d [2]string
		return d, r.Scan(&d[0], &d[1])
	})
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range defs {
		if _, err := db.pool.Exec(ctx, "DROP INDEX "+pgx.Identifier{d[0]}.Sanitize()); err != nil {
			b.Fatal(err)
		}
	}
	got, err := db.pool.CopyFrom(ctx, pgx.Identifier{table}, columns, src)
	if err != nil || got != int64(n) {
		b.Fatalf("copy: %d rows, %v", got, err)
	}
	for _, d := range defs {
		if _, err := db.pool.Exec(ctx, d[1]); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := db.pool.Exec(ctx, "VACUUM ANALYZE "+pgx.Identifier{table}.Sanitize()); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d %s loaded in %s", n, noun, time.Since(start).Round(time.Millisecond))
}

// benchPage times query as the sub-benchmark name; want is the number of
// rows (noun) it must return, -1 for any.
func benchPage[T any](b *testing.B, name, noun string, want int, query func() ([]T, error)) {
	b.Run(name, func(b *testing.B) {
		for b.Loop() {
			got, err := query()
			if err != nil {
				b.Fatal(err)
			}
			if want >= 0 && len(got) != want {
				b.Fatalf("%d %s, want %d", len(got), noun, want)
			}
		}
	})
}
