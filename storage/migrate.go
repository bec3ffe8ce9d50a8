package storage

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The schema is plain SQL files, applied in the order of their number.
// A small migrator of our own applies them instead of goose: goose
// v3.29.0's module requirements would raise golang.org/x/text, x/sync and
// go.uber.org/multierr for the whole module (and drag the graph of every
// database driver it supports), for what is a loop over a directory.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrateLock is the advisory lock (two-key form, class "ed" 0x6564)
// under which migrations run, so that instances starting together apply
// each migration once.
const (
	lockClass     = 0x6564
	migrateLockID = 1
	eventsLockID  = 2
)

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded migrations by version.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	seen := map[int]string{}
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("storage: migration %s: the name must start with a positive number and _", name)
		}
		if other, dup := seen[v]; dup {
			return nil, fmt.Errorf("storage: migrations %s and %s share version %d", other, name, v)
		}
		seen[v] = name
		b, err := migrationFiles.ReadFile("migrations/" + name)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// Migrate brings the database at url to the newest schema. It is
// idempotent, and safe when several instances run it at once: they take
// turns under an advisory lock, and each migration commits in one
// transaction together with its row in schema_migrations.
func Migrate(ctx context.Context, url string) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	// pgxpool's parser accepts the same URL as Open (pool_* parameters included).
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return fmt.Errorf("storage: migrate: %w", err)
	}
	conn, err := pgx.ConnectConfig(ctx, cfg.ConnConfig)
	if err != nil {
		return fmt.Errorf("storage: migrate: connect: %w", err)
	}
	defer conn.Close(context.Background())
	// A session lock: it dies with the connection if we do.
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1, $2)", lockClass, migrateLockID); err != nil {
		return fmt.Errorf("storage: migrate: lock: %w", err)
	}
	defer func() {
		// Closing the connection would release it too.
		_, _ = conn.Exec(context.Background(), "SELECT pg_advisory_unlock($1, $2)", lockClass, migrateLockID)
	}()

	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    int PRIMARY KEY,
		name       text NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("storage: migrate: %w", err)
	}
	applied := map[int]bool{}
	rows, err := conn.Query(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return fmt.Errorf("storage: migrate: %w", err)
	}
	versions, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return fmt.Errorf("storage: migrate: %w", err)
	}
	for _, v := range versions {
		applied[int(v)] = true
	}
	for _, m := range ms {
		if applied[m.version] {
			continue
		}
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			// No arguments: the simple protocol runs the file's statements in one go.
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.version, m.name)
			return err
		})
		if err != nil {
			return fmt.Errorf("storage: migration %s: %w", m.name, err)
		}
	}
	return nil
}
