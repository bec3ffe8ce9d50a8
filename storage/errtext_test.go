package storage

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// PostgreSQL's messages quote what they refuse; what leaves the package
// names the SQLSTATE instead, and the *pgconn.PgError stays reachable.
func TestErrorsDoNotQuoteRefusedValues(t *testing.T) {
	db, _ := openDB(t)
	const canary = "CANARY-2026-13-45"
	_, err := db.pool.Exec(context.Background(), "SELECT $1::date", canary)
	if err == nil || !strings.Contains(err.Error(), canary) {
		t.Fatalf("PostgreSQL no longer quotes the value (the test needs another query): %v", err)
	}
	werr := wrap("read", err)
	if strings.Contains(werr.Error(), canary) {
		t.Errorf("the value reaches the error text: %v", werr)
	}
	if !strings.Contains(werr.Error(), "storage: read: ") || !strings.Contains(werr.Error(), "SQLSTATE 22007") {
		t.Errorf("the text lost its place or its code: %v", werr)
	}
	var pg *pgconn.PgError
	if !errors.As(werr, &pg) || pg.Code != "22007" {
		t.Errorf("the PostgreSQL error is not reachable: %v", werr)
	}
}
