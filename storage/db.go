package storage

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/edigw/edigw"
)

// DB is the PostgreSQL records store. It is safe for concurrent use.
type DB struct {
	pool *pgxpool.Pool
	// Lease is how long TakeQueuedClaims and TakeQueuedAuthorizations
	// keep records from other batchers when MarkSent does not come
	// (a batcher that crashed). Set it before use; default DefaultLease.
	Lease time.Duration
	// Now is the store's clock for the authorization lifecycle (receipt,
	// decisions, the scheduler's events): time.Now when nil. Tests set it.
	Now func() time.Time

	mu    sync.Mutex
	locks map[*pgxpool.Conn]struct{} // connections holding LockKey locks
}

// DefaultLease is DB.Lease unless set.
const DefaultLease = 2 * time.Minute

// defaultMaxConns is the pool size unless the URL sets pool_max_conns:
// every key held by LockKey keeps a connection of its own, next to the
// ingest transactions.
const defaultMaxConns = 16

// Open connects a pool to the database at url (a PostgreSQL URL or DSN;
// pgxpool's pool_* parameters apply). It does not migrate: call Migrate.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("storage: %w", err)
	}
	if !strings.Contains(url, "pool_max_conns") {
		cfg.MaxConns = defaultMaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("storage: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("storage: %w", err)
	}
	return &DB{pool: pool, Lease: DefaultLease, locks: map[*pgxpool.Conn]struct{}{}}, nil
}

// Close ends every connection. Keys still locked by LockKey are released
// by the server as their connections end, as when the process dies.
func (db *DB) Close() {
	db.mu.Lock()
	held := db.locks
	db.locks = map[*pgxpool.Conn]struct{}{}
	db.mu.Unlock()
	for c := range held {
		// pgxpool.Close waits for acquired connections: close this one
		// under the pool, which then discards it.
		_ = c.Conn().Close(context.Background())
		c.Release()
	}
	db.pool.Close()
}

func (db *DB) lease() time.Duration {
	if db.Lease <= 0 {
		return DefaultLease
	}
	return db.Lease
}

// nullable maps "" to NULL: empty identifiers never match a scope.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// date reads CCYYMMDD; anything else is NULL (the record keeps the text).
func date(s string) pgtype.Date {
	t, err := time.Parse("20060102", s)
	if err != nil {
		return pgtype.Date{}
	}
	return pgtype.Date{Time: t, Valid: true}
}

// periodDates gives a period's dates, the To of a single date being its From.
func periodDates(p *edigw.Period) (from, to pgtype.Date) {
	if p == nil {
		return pgtype.Date{}, pgtype.Date{}
	}
	from = date(p.From)
	if p.To == "" {
		return from, from
	}
	return from, date(p.To)
}

// isUniqueViolation reports a unique_violation of the named constraint
// or index ("" for any).
func isUniqueViolation(err error, constraint string) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23505" &&
		(constraint == "" || pgErr.ConstraintName == constraint)
}

// notFound turns pgx.ErrNoRows into edigw.ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return edigw.ErrNotFound
	}
	return err
}

// nextIDs takes n values of a sequence: IDs known before a COPY, so that
// children can name their parents in the same batch.
func nextIDs(ctx context.Context, q querier, sequence string, n int) ([]int64, error) {
	if n == 0 {
		return nil, nil
	}
	rows, err := q.Query(ctx, "SELECT nextval($1::regclass) FROM generate_series(1, $2)", sequence, n)
	if err != nil {
		return nil, err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, err
	}
	if len(ids) != n {
		return nil, fmt.Errorf("storage: %d IDs from %s, want %d", len(ids), sequence, n)
	}
	return ids, nil
}

// querier is what a pool, a connection and a transaction share.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}
