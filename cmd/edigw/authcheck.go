package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/edigw/edigw/mapping"
	"github.com/edigw/edigw/mapping/payers"
	"github.com/edigw/edigw/storage"
)

// authCheck is the prior-authorization check of the commands that read a
// file alone (validate, ack, translate): with --database (or
// EDIGW_DATABASE_URL) claims are checked against the authorizations
// stored there, as serve and replay check them; without one the check is
// not run, and the command says so rather than passing the claims in
// silence.
type authCheck struct {
	flags storeFlags
	db    *storage.DB
}

func (a *authCheck) add(c *cobra.Command) {
	a.flags.addDatabase(c)
	c.Flag("database").Usage = "PostgreSQL URL: check prior authorization (SNIP 7) against the authorizations stored there; without it the check is not run"
}

// open connects to the database when one is given; lookup is nil without
// one. The database is read, never migrated.
func (a *authCheck) open(ctx context.Context) error {
	if a.flags.database == "" {
		return nil
	}
	db, err := storage.Open(ctx, a.flags.database)
	if err != nil {
		return &exitError{code: exitUnusable, err: err}
	}
	a.db = db
	return nil
}

// lookup is the store, or nil (not run).
func (a *authCheck) lookup() mapping.AuthorizationLookup {
	if a.db == nil {
		return nil
	}
	return a.db
}

func (a *authCheck) close() {
	if a.db != nil {
		a.db.Close()
	}
}

// report prints the check's line: not run, or how many findings (the
// command lists them with its other warnings and errors).
func (a *authCheck) report(w io.Writer, res *mapping.Result) {
	if res == nil {
		return
	}
	if res.AuthorizationCheck != mapping.AuthorizationCheckRun {
		fmt.Fprintln(w, "prior authorization (SNIP 7): not run (no --database)")
		return
	}
	n := 0
	for _, r := range payers.Rules {
		n += res.IssuesByRule[r]
	}
	fmt.Fprintf(w, "prior authorization (SNIP 7): %d findings\n", n)
}
