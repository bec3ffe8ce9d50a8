package storage

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/edigw/edigw/internal/testenv"
)

// Every test gets a database of its own, copied from a template migrated
// once per package run.
var databases = testenv.Databases{Prefix: "edigw_test_", Migrate: Migrate}

func TestMain(m *testing.M) {
	code := m.Run()
	if err := databases.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "storage tests:", err)
	}
	os.Exit(code)
}

// emptyDatabase creates a database with nothing in it and returns its URL.
func emptyDatabase(t testing.TB) string { return databases.Empty(t) }

// migratedDatabase creates a database from the migrated template and
// returns its URL.
func migratedDatabase(t testing.TB) string { return databases.New(t) }

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
