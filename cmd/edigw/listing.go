package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/edigw/edigw/storage"
)

// newGroupCmd returns a command that only gathers its subcommands
// (token, webhook, report): run alone it prints its help.
func newGroupCmd(use, short string, subs ...*cobra.Command) *cobra.Command {
	c := &cobra.Command{Use: use, Short: short, Args: cobra.NoArgs}
	c.AddCommand(subs...)
	return c
}

// newListTable starts the table a list command prints: columns two spaces
// apart, the tab-separated header first. The caller writes rows and flushes.
func newListTable(w io.Writer, header string) *tabwriter.Writer {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, header)
	return tw
}

// readDatabase opens the database --database names, reads from it and closes it.
func readDatabase[T any](ctx context.Context, sf *storeFlags, read func(*storage.DB) (T, error)) (T, error) {
	var v T
	err := sf.withDatabase(ctx, func(db *storage.DB) (err error) { v, err = read(db); return err })
	return v, err
}
