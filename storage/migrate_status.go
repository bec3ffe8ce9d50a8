package storage

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// MigrationState is one migration as a database has it.
type MigrationState struct {
	Version int
	Name    string
	// AppliedAt is when it was applied; zero when it is pending.
	AppliedAt time.Time
	// Unknown marks a migration the database has but this build does not
	// embed: a newer edigw migrated it.
	Unknown bool
}

// Pending reports whether the migration is still to be applied.
func (m MigrationState) Pending() bool { return m.AppliedAt.IsZero() }

// MigrationStatus lists the embedded migrations, applied or pending, and
// any the database has that this build does not know, by version. It
// changes nothing: a database never migrated has every migration pending.
func MigrationStatus(ctx context.Context, url string) ([]MigrationState, error) {
	ms, err := migrations()
	if err != nil {
		return nil, err
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("storage: %w", err)
	}
	conn, err := pgx.ConnectConfig(ctx, cfg.ConnConfig)
	if err != nil {
		return nil, fmt.Errorf("storage: connect: %w", err)
	}
	defer conn.Close(context.Background())
	applied := map[int]MigrationState{}
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT to_regclass('schema_migrations') IS NOT NULL").Scan(&exists); err != nil {
		return nil, fmt.Errorf("storage: migration status: %w", err)
	}
	if exists {
		rows, err := conn.Query(ctx, "SELECT version, name, applied_at FROM schema_migrations")
		if err != nil {
			return nil, fmt.Errorf("storage: migration status: %w", err)
		}
		var st MigrationState
		var v int32
		_, err = pgx.ForEachRow(rows, []any{&v, &st.Name, &st.AppliedAt}, func() error {
			st.Version = int(v)
			applied[st.Version] = st
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("storage: migration status: %w", err)
		}
	}
	var out []MigrationState
	for _, m := range ms {
		st := MigrationState{Version: m.version, Name: m.name}
		if a, ok := applied[m.version]; ok {
			st.AppliedAt = a.AppliedAt
			delete(applied, m.version)
		}
		out = append(out, st)
	}
	for _, a := range applied {
		a.Unknown = true
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}
