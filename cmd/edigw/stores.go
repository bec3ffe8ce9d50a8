package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/api"
	"github.com/edigw/edigw/clearinghouse"
	"github.com/edigw/edigw/clearinghouse/dirstore"
	"github.com/edigw/edigw/clearinghouse/s3store"
	"github.com/edigw/edigw/console"
	"github.com/edigw/edigw/mapping"
	"github.com/edigw/edigw/storage"
)

// storeFlags are how commands find PostgreSQL, the object store and the
// trading partners.
type storeFlags struct {
	database string
	objects  string
	partners string
}

// add adds --database, --objects and --partners: what the pipeline needs.
func (f *storeFlags) add(c *cobra.Command) {
	f.addDatabase(c)
	c.Flags().StringVar(&f.objects, "objects", "var/objects",
		"object store: a directory, or s3://BUCKET[/PREFIX] (endpoint and credentials from the standard AWS settings)")
	c.Flags().StringVar(&f.partners, "partners", "",
		"trading partners file (YAML or JSON, docs/operations.md); without it the partners are those in the database (edigw partner)")
}

// addDatabase adds only --database, for commands that need no object store.
func (f *storeFlags) addDatabase(c *cobra.Command) {
	c.Flags().StringVar(&f.database, "database", "", "PostgreSQL URL")
	_ = c.Flags().SetAnnotation("database", envAnnotation, []string{"EDIGW_DATABASE_URL"})
}

// needDatabase refuses a command line without a database.
func (f *storeFlags) needDatabase() error {
	if f.database == "" {
		return &exitError{code: exitUnusable, err: fmt.Errorf("no database: give --database or set EDIGW_DATABASE_URL")}
	}
	return nil
}

// openDatabase migrates and opens the record store.
func (f *storeFlags) openDatabase(ctx context.Context) (*storage.DB, error) {
	if err := f.needDatabase(); err != nil {
		return nil, err
	}
	if err := storage.Migrate(ctx, f.database); err != nil {
		return nil, err // storage's errors say "storage: migrate: ..." already
	}
	return storage.Open(ctx, f.database)
}

// withDatabase opens the record store (migrating it) for fn, and closes
// it after.
func (f *storeFlags) withDatabase(ctx context.Context, fn func(*storage.DB) error) error {
	db, err := f.openDatabase(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db)
}

// openObjects opens the object store named by --objects.
func (f *storeFlags) openObjects(ctx context.Context) (edigw.ObjectStore, error) {
	if rest, ok := strings.CutPrefix(f.objects, "s3://"); ok {
		u, err := url.Parse("s3://" + rest)
		if err != nil || u.Host == "" {
			return nil, &exitError{code: exitUnusable, err: fmt.Errorf("--objects %q: want s3://BUCKET[/PREFIX]", f.objects)}
		}
		return s3store.New(ctx, s3store.Config{Bucket: u.Host, Prefix: strings.TrimPrefix(u.Path, "/"), UsePathStyle: true, CreateBucket: true})
	}
	if err := os.MkdirAll(f.objects, 0o750); err != nil {
		return nil, err
	}
	return dirstore.New(f.objects)
}

// The record store is storage.DB; the pipeline and the API each declare
// what they ask of it (decision 0016), and here it is wired into both.
var (
	_ clearinghouse.Store         = (*storage.DB)(nil)
	_ api.Store                   = (*storage.DB)(nil)
	_ console.Store               = (*storage.DB)(nil)
	_ mapping.AuthorizationLookup = (*storage.DB)(nil)
)

// pipeline opens both stores and builds the pipeline for the partners. It
// returns the database too, for what else the command does with it (the
// API, metrics, counts); the caller closes it.
func (f *storeFlags) pipeline(ctx context.Context, log *zap.Logger) (*clearinghouse.Pipeline, *storage.DB, error) {
	db, err := f.openDatabase(ctx)
	if err != nil {
		return nil, nil, err
	}
	objs, err := f.openObjects(ctx)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	partners, err := f.loadPartners(ctx, db)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	// The store also answers the prior-authorization check of inbound
	// claims (mapping.AuthorizationLookup).
	p := &clearinghouse.Pipeline{Store: db, Objects: objs, Partners: clearinghouse.Partners(partners), Log: log, Newline: true,
		Authorizations: db}
	return p, db, nil
}
