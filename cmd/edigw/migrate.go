package main

import (
	"fmt"

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
			if sf.database == "" {
				return &exitError{code: exitUnusable, err: fmt.Errorf("no database: give --database or set EDIGW_DATABASE_URL")}
			}
			if err := storage.Migrate(c.Context(), sf.database); err != nil {
				return err
			}
			fmt.Fprintln(c.OutOrStdout(), "migrated")
			return nil
		},
	}
	sf.add(c)
	return c
}
