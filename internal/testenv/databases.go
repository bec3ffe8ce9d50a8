package testenv

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Databases hands each test a PostgreSQL database of its own on the test
// server, copied from a template that Migrate prepared once per package
// run: CREATE DATABASE ... TEMPLATE takes tens of milliseconds, migrating
// far longer. A package declares one (Migrate is storage.Migrate; this
// package cannot import storage, whose own tests use it) and calls Close
// from TestMain.
type Databases struct {
	Prefix  string // of the database names, e.g. "edigw_api_"
	Migrate func(ctx context.Context, url string) error

	once     sync.Once
	server   string
	template string
	err      error
}

// New returns the URL of a fresh migrated database, dropped when the test
// ends.
func (d *Databases) New(t testing.TB) string {
	t.Helper()
	server := DatabaseURL(t)
	d.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		name := RandomName(d.Prefix + "template_")
		if d.err = adminExec(ctx, server, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); d.err != nil {
			return
		}
		d.server, d.template = server, name
		d.err = d.Migrate(ctx, WithDatabase(server, name))
	})
	if d.err != nil {
		t.Fatalf("template database: %v", d.err)
	}
	return d.create(t, server, " TEMPLATE "+pgx.Identifier{d.template}.Sanitize())
}

// Empty returns the URL of a fresh database with nothing in it, dropped
// when the test ends: for tests of migrating itself.
func (d *Databases) Empty(t testing.TB) string {
	t.Helper()
	return d.create(t, DatabaseURL(t), "")
}

func (d *Databases) create(t testing.TB, server, suffix string) string {
	t.Helper()
	name := RandomName(d.Prefix)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := adminExec(ctx, server, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+suffix); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := dropDatabase(ctx, server, name); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	return WithDatabase(server, name)
}

// Close drops the template, if one was made.
func (d *Databases) Close() error {
	if d.template == "" {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := dropDatabase(ctx, d.server, d.template); err != nil {
		return fmt.Errorf("drop template %s: %w", d.template, err)
	}
	d.template = ""
	return nil
}

// Exec runs one statement on a database (VACUUM, CREATE DATABASE ...).
func Exec(ctx context.Context, dbURL, sql string) error { return adminExec(ctx, dbURL, sql) }

// WithDatabase returns server's URL naming database name instead.
func WithDatabase(server, name string) string {
	u, err := url.Parse(server)
	if err != nil {
		return server // DatabaseURL came from the environment; Open reports it
	}
	u.Path = "/" + name
	return u.String()
}

// RandomName is prefix and 12 random hex digits: database, bucket and
// content names that never collide between tests and runs.
func RandomName(prefix string) string {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return prefix + hex.EncodeToString(b[:])
}

func adminExec(ctx context.Context, dbURL, sql string) error {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, sql)
	return err
}

func dropDatabase(ctx context.Context, server, name string) error {
	return adminExec(ctx, server, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
}
