package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/edigw/edigw/storage"
)

func newMigrateCmd() *cobra.Command {
	var sf storeFlags
	c := &cobra.Command{
		Use:   "migrate",
		Short: "Apply the database migrations (embedded SQL); safe to run again and from several instances",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := sf.needDatabase(); err != nil {
				return err
			}
			if err := storage.Migrate(c.Context(), sf.database); err != nil {
				return err
			}
			fmt.Fprintln(c.OutOrStdout(), "migrated")
			return nil
		},
	}
	sf.addDatabase(c)
	c.AddCommand(newMigrateStatusCmd())
	return c
}

func newMigrateStatusCmd() *cobra.Command {
	var sf storeFlags
	c := &cobra.Command{
		Use:   "status",
		Short: "List the migrations: applied (when) and pending; changes nothing",
		Long: `status lists the migrations this edigw embeds, each applied (with when) or
pending, and any the database has that this edigw does not know (a newer edigw
migrated it). Exit status: 0 nothing pending, 1 some migrations pending, 2 an error.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := sf.needDatabase(); err != nil {
				return err
			}
			states, err := storage.MigrationStatus(c.Context(), sf.database)
			if err != nil {
				return err
			}
			w := newListTable(c.OutOrStdout(), "VERSION\tNAME\tSTATUS")
			pending := 0
			for _, s := range states {
				status := "applied " + s.AppliedAt.UTC().Format(time.RFC3339)
				switch {
				case s.Pending():
					status = "pending"
					pending++
				case s.Unknown:
					status += " (unknown to this edigw)"
				}
				fmt.Fprintf(w, "%04d\t%s\t%s\n", s.Version, s.Name, status)
			}
			if err := w.Flush(); err != nil {
				return err
			}
			if pending > 0 {
				return &exitError{code: exitFileErrors, err: fmt.Errorf("%d migrations pending: run \"edigw migrate\"", pending)}
			}
			return nil
		},
	}
	sf.addDatabase(c)
	return c
}
