package storage

import (
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// dbError is an error leaving the package whose text keeps PostgreSQL's
// SQLSTATE and the names of what failed (table, column, constraint) but
// not PostgreSQL's message: that message can quote the value it refused
// (`invalid input syntax for type date: "..."`, the bytes of an invalid
// UTF-8 sequence), and a value from inside a transaction set must never
// reach a log, a reason or a ledger row. Unwrap keeps the *pgconn.PgError
// for callers that decide by its code (the pipeline's poison-file check).
type dbError struct {
	text string
	err  error
}

func (e *dbError) Error() string { return e.text }
func (e *dbError) Unwrap() error { return e.err }

// withoutValues rewrites err's text when a *pgconn.PgError is in its
// chain; other errors are returned as they are.
func withoutValues(err error) error {
	var pg *pgconn.PgError
	if !errors.As(err, &pg) {
		return err
	}
	return &dbError{text: strings.ReplaceAll(err.Error(), pg.Error(), pgSummary(pg)), err: err}
}

// pgSummary names a PostgreSQL error by its code and the objects it
// names, never by its message.
func pgSummary(pg *pgconn.PgError) string {
	var b strings.Builder
	b.WriteString("PostgreSQL error (SQLSTATE ")
	b.WriteString(pg.Code)
	b.WriteByte(')')
	for _, n := range [][2]string{{"table", pg.TableName}, {"column", pg.ColumnName}, {"constraint", pg.ConstraintName},
		{"type", pg.DataTypeName}} {
		if n[1] != "" {
			b.WriteString(" " + n[0] + " " + n[1])
		}
	}
	return b.String()
}
