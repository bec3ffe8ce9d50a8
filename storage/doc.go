// Package storage is the gateway's PostgreSQL layer via pgx: migrations, the
// records store, the file and control-number ledgers, and the event feed.
// Its integration tests need a PostgreSQL server: run them with `make test`
// (see internal/testenv).
package storage
