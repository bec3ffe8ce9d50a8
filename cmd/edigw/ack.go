package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/edi/ig"
	"github.com/edigw/edigw/mapping"
	"github.com/spf13/cobra"
)

func newAckCmd() *cobra.Command {
	var outDir string
	var start int64
	var auth authCheck
	c := &cobra.Command{
		Use:   "ack FILE|- [--out DIR]",
		Short: "Validate a file and write its acknowledgments: TA1, 999 per group, 277CA per 837",
		Long: `ack validates an inbound X12 file and writes, into --out, the acknowledgments a
clearinghouse front end would send back: a TA1 for an interchange with envelope
errors (or ISA14=1), a 999 (005010X231A1) for every functional group, and a 277CA
(005010X214) for every 837 transaction set the 999 accepted, with each claim
accepted or rejected. The rules are those of validate, serve, replay and the API:
the guide (SNIP 1-2), balancing (3), code sets (5) and the payer profile (7); a
claim a business rule rejects gets the rule's 277CA status (A7:562:85 for a
billing provider NPI that fails its check digit). Files are named BASE.ISA13[-GS06[-ST02]].KIND.x12, as serve names them.
Control numbers count up from --start (the gateway's ledger assigns them when
it runs as a service).

With --database (or EDIGW_DATABASE_URL) the claims are also checked for prior
authorization (SNIP 7) against the authorizations stored there, as serve does,
and a finding the payer profile rejects rejects its claim in the 277CA; without
one the check is not run, and ack says so.

Exit status: 0 the file was valid, 1 it had errors (acknowledgments still
written), 2 unreadable or bad usage.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			in, name, err := openInput(c, args[0])
			if err != nil {
				return err
			}
			defer in.Close()
			if err := os.MkdirAll(outDir, 0o750); err != nil {
				return &exitError{code: exitUnusable, err: err}
			}
			base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
			if name == "<stdin>" {
				base = "stdin"
			}
			var written []string
			sink := func(kind, ref string) (io.WriteCloser, error) {
				p := filepath.Join(outDir, fmt.Sprintf("%s.%s.%s.x12", base, ref, kind))
				written = append(written, p)
				return os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o640) // acknowledgments name patients
			}
			if err := auth.open(c.Context()); err != nil {
				return err
			}
			defer auth.close()
			// The one chain (mapping.NewChain): the 277CA rejects the claims
			// the business rules reject, as the pipeline's does; with
			// --database, prior authorization is checked too.
			ackr := ack.NewAcknowledger(c.Context(), ack.Options{Numbers: &ack.Sequence{Start: start}, Newline: true}, sink)
			mapper, chain := mapping.NewChain(name, mapping.Handlers{Acknowledger: ackr, AuthorizationLookup: auth.lookup(), Context: c.Context()})
			v := &ig.Validator{File: name, ForgetSets: true, Handlers: chain}
			read, err := mapper.Finish(v.Run(in))
			res, aerr := ackr.Finish()
			if err = errors.Join(err, aerr); err != nil {
				return &exitError{code: exitUnusable, err: err}
			}
			if err := notX12(fatalOf(read.Report.Fatal)); err != nil {
				return err
			}
			out := c.OutOrStdout()
			r := read.Report
			fmt.Fprintf(out, "%s: %d transaction sets (%d without errors, %d with errors), %d errors; claims %d accepted, %d rejected\n",
				name, r.Summary.Sets, r.SetsAccepted, r.SetsRejected, r.ErrorCount, res.ClaimsAccepted, res.ClaimsRejected)
			for _, p := range written {
				fmt.Fprintln(out, "wrote", p)
			}
			if res.ClaimsAccepted+res.ClaimsRejected > 0 {
				auth.report(out, read)
			}
			if r.Fatal != nil {
				fmt.Fprintln(out, "no acknowledgment possible:", r.Fatal)
			}
			if !r.OK() {
				return fileErrors
			}
			return nil
		},
	}
	c.Flags().StringVarP(&outDir, "out", "o", ".", "directory for the acknowledgment files")
	c.Flags().Int64Var(&start, "start", 1, "first control number of the acknowledgments")
	auth.add(c)
	return c
}
