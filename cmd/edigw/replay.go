package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"github.com/edigw/edigw/clearinghouse"
	"github.com/edigw/edigw/internal/gcpolicy"
)

func newReplayCmd() *cobra.Command {
	var sf storeFlags
	var payer string
	c := &cobra.Command{
		Use:   "replay FILE|DIR...",
		Short: "Run files through the pipeline: inbound, validate, acknowledge, store, archive",
		Long: `replay drops each file (directories are walked for files) into the partner's
inbound prefix of the object store and processes it exactly as "edigw serve" would:
TA1/999/277CA into outbound/, records into PostgreSQL in one transaction per file,
the file into archive/ (or error/ with a reason). The rules are those of validate,
ack, translate and the API: the guide (SNIP 1-2), balancing (3), code sets (5) and
the payer profile (7); a claim they reject is stored rejected, with the 277CA status
that rejects it as its statusReason. Replaying a file twice stores nothing twice:
the second run is reported as a duplicate.

Exit status: 0 every file was accepted, 1 some were rejected or duplicate, 2 an error.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			gcpolicy.Apply()
			files, err := expandFiles(args)
			if err != nil {
				return &exitError{code: exitUnusable, err: err}
			}
			ctx := c.Context()
			p, db, err := sf.pipeline(ctx, zap.NewNop())
			if err != nil {
				return err
			}
			defer db.Close()
			pt, err := replayPartner(p.Partners, payer)
			if err != nil {
				return err
			}
			bar := newProgress(c.ErrOrStderr(), len(files))
			notAccepted := 0
			for i, path := range files {
				bar.step(i, filepath.Base(path))
				out, err := replayOne(ctx, p, pt, path)
				if err != nil {
					bar.done()
					return &exitError{code: exitUnusable, err: fmt.Errorf("%s: %w", path, err)}
				}
				bar.clear()
				fmt.Fprintln(c.OutOrStdout(), out)
				if out.Status != "archived" {
					notAccepted++
				}
			}
			bar.done()
			if counts, err := db.Counts(ctx); err == nil {
				fmt.Fprintln(c.OutOrStdout(), "records:", formatCounts(counts))
			}
			if notAccepted > 0 {
				return fileErrors
			}
			return nil
		},
	}
	sf.add(c)
	c.Flags().StringVar(&payer, "payer", "", "payer ID of the partner whose inbound prefix the files go to (needed when there are several partners)")
	return c
}

// replayPartner picks the partner the files come from: the one of the
// payer, or the only one.
func replayPartner(partners []clearinghouse.Partner, payer string) (clearinghouse.Partner, error) {
	for _, pt := range partners {
		if payer == "" && len(partners) == 1 || string(pt.PayerID) == payer {
			return pt, nil
		}
	}
	if payer == "" {
		return clearinghouse.Partner{}, &exitError{code: exitUnusable, err: fmt.Errorf("%d trading partners: say which with --payer", len(partners))}
	}
	return clearinghouse.Partner{}, &exitError{code: exitUnusable, err: fmt.Errorf("--payer %s: no trading partner for that payer", payer)}
}

// replayOne puts a local file into the inbound prefix and processes it.
func replayOne(ctx context.Context, p *clearinghouse.Pipeline, pt clearinghouse.Partner, path string) (*clearinghouse.Outcome, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	key := pt.Inbound() + filepath.Base(path)
	if err := p.Objects.Put(ctx, key, f); err != nil {
		return nil, err
	}
	return p.ProcessFile(ctx, pt, key)
}

// expandFiles turns the arguments into a sorted list of regular files.
func expandFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && filepath.Ext(p) != ".md" {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

func formatCounts(m map[string]int64) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	s := ""
	for i, k := range keys {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s %d", k, m[k])
	}
	return s
}
