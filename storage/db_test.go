package storage

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw/internal/testenv"
)

// Every test gets a database of its own, copied from a template migrated
// once per package run (CREATE DATABASE ... TEMPLATE is far quicker than
// migrating).
var template struct {
	once    sync.Once
	server  string // the test server's URL
	name    string
	err     error
	created bool
}

func TestMain(m *testing.M) {
	code := m.Run()
	if template.created {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		if err := dropDatabase(ctx, template.server, template.name); err != nil {
			fmt.Fprintln(os.Stderr, "storage tests: drop template:", err)
		}
		cancel()
	}
	os.Exit(code)
}

// withDatabase returns server's URL naming database name instead.
func withDatabase(t testing.TB, server, name string) string {
	t.Helper()
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("database URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

func randomName(prefix string) string {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return prefix + hex.EncodeToString(b[:])
}

func adminExec(ctx context.Context, server, sql string) error {
	conn, err := pgx.Connect(ctx, server)
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

// emptyDatabase creates a database with nothing in it and returns its URL.
func emptyDatabase(t testing.TB) string {
	t.Helper()
	server := testenv.DatabaseURL(t)
	name := randomName("edigw_test_")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := adminExec(ctx, server, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := dropDatabase(ctx, server, name); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	return withDatabase(t, server, name)
}

// migratedDatabase creates a database from the migrated template and
// returns its URL.
func migratedDatabase(t testing.TB) string {
	t.Helper()
	server := testenv.DatabaseURL(t)
	template.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		template.server = server
		template.name = randomName("edigw_template_")
		if template.err = adminExec(ctx, server, "CREATE DATABASE "+pgx.Identifier{template.name}.Sanitize()); template.err != nil {
			return
		}
		template.created = true
		template.err = Migrate(ctx, withDatabase(t, server, template.name))
	})
	if template.err != nil {
		t.Fatalf("template database: %v", template.err)
	}
	name := randomName("edigw_test_")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := adminExec(ctx, server, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+
		" TEMPLATE "+pgx.Identifier{template.name}.Sanitize()); err != nil {
		t.Fatalf("create database from template: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := dropDatabase(ctx, server, name); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	return withDatabase(t, server, name)
}

// openDB opens a fresh migrated database, closed when the test ends.
func openDB(t testing.TB) (*DB, string) {
	t.Helper()
	u := migratedDatabase(t)
	db, err := Open(context.Background(), u)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(db.Close)
	return db, u
}

func testCtx(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}
