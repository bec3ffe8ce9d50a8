package storage

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/edigw/edigw/internal/testenv"
)

// TestPostgresSmoke proves the test PostgreSQL server works end to end: a
// fresh database is created, written, read back, and dropped.
func TestPostgresSmoke(t *testing.T) {
	url := testenv.DatabaseURL(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	admin, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("connect %s: %v", url, err)
	}
	// Cleanups run last-in first-out: the database is dropped before admin closes.
	t.Cleanup(func() { admin.Close(context.Background()) })

	var suffix [6]byte
	if _, err := rand.Read(suffix[:]); err != nil {
		t.Fatal(err)
	}
	dbName := "edigw_smoke_" + hex.EncodeToString(suffix[:])
	ident := pgx.Identifier{dbName}.Sanitize()
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+ident); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)"); err != nil {
			t.Errorf("cleanup: drop database: %v", err)
		}
	})

	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Database = dbName
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatalf("connect to %s: %v", dbName, err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	var current string
	if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&current); err != nil {
		t.Fatal(err)
	}
	if current != dbName {
		t.Fatalf("current_database() = %q, want %q", current, dbName)
	}

	if _, err := conn.Exec(ctx, `CREATE TABLE smoke (
		id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		name text NOT NULL UNIQUE,
		payload bytea NOT NULL,
		created timestamptz NOT NULL DEFAULT now())`); err != nil {
		t.Fatalf("create table: %v", err)
	}
	payload := []byte("ISA*00*~\x00\xff")
	var id int64
	if err := conn.QueryRow(ctx, "INSERT INTO smoke (name, payload) VALUES ($1, $2) RETURNING id",
		"first", payload).Scan(&id); err != nil {
		t.Fatalf("insert: %v", err)
	}

	var (
		name string
		got  []byte
	)
	if err := conn.QueryRow(ctx, "SELECT name, payload FROM smoke WHERE id = $1", id).Scan(&name, &got); err != nil {
		t.Fatalf("select: %v", err)
	}
	if name != "first" || string(got) != string(payload) {
		t.Fatalf("read back (%q, %q), want (%q, %q)", name, got, "first", payload)
	}

	// Constraints are enforced and reported as PostgreSQL errors.
	_, err = conn.Exec(ctx, "INSERT INTO smoke (name, payload) VALUES ($1, $2)", "first", []byte("x"))
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "23505" {
		t.Fatalf("duplicate insert: err = %v, want unique_violation (23505)", err)
	}
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM smoke").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Fatalf("%d rows after the rejected insert, want 1", n)
	}

	if err := conn.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(ctx, "DROP DATABASE "+ident); err != nil {
		t.Fatalf("drop database: %v", err)
	}
	if err := admin.QueryRow(ctx, "SELECT count(*) FROM pg_database WHERE datname = $1", dbName).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("database %s still listed after DROP DATABASE", dbName)
	}
}
