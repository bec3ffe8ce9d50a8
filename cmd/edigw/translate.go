package main

import (
	"bufio"
	"fmt"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
	"github.com/spf13/cobra"
)

func newTranslateCmd() *cobra.Command {
	var to string
	var auth authCheck
	c := &cobra.Command{
		Use:   "translate FILE|- [--to json]",
		Short: "Translate 837, 835, 278, 270 and 271 transaction sets into edigw records (JSON lines)",
		Long: `translate validates an X12 file and writes each record it holds as one JSON
line: {"type":"claim"|"remittance"|"authorization","record":{...}}, with a
"...Value" description beside each code (CARC, RARC, place of service ...). It applies
the rules of validate, ack, serve, replay and the API: the guide (SNIP 1-2),
balancing (3), code sets (5), the payer profile (7). Claims the 999 or 277CA would
reject carry status "rejected"; remittances and authorization events of sets with
errors are left out. A summary and every error and warning it counts go to
standard error.

With --database (or EDIGW_DATABASE_URL) claims are checked for prior
authorization (SNIP 7) against the authorizations stored there, and carry
their findings (authorizationFindings); without one the summary says the
check was not run.

The records hold PHI: names, member IDs, birth dates, diagnoses.

Exit status: 0 the file was valid, 1 it had errors, 2 unreadable or bad usage.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if to != "json" {
				return &exitError{code: exitUnusable, err: fmt.Errorf("--to %q: only json is supported", to)}
			}
			in, name, err := openInput(c, args[0])
			if err != nil {
				return err
			}
			defer in.Close()
			if err := auth.open(c.Context()); err != nil {
				return err
			}
			defer auth.close()
			bw := bufio.NewWriter(c.OutOrStdout())
			defer bw.Flush()
			// Each line is the JSON view: codes carry ...Value descriptions.
			line := func(kind string, rec any) error {
				return mapping.WriteJSON(bw, struct {
					Type   string `json:"type"`
					Record any    `json:"record"`
				}{kind, rec})
			}
			res, err := mapping.Read(in, name, mapping.Handlers{
				Claim:          func(r *edigw.Claim) error { return line("claim", r) },
				Remittance:     func(r *edigw.Remittance) error { return line("remittance", r) },
				Authorization:  func(r *edigw.AuthorizationRequest) error { return line("authorization", r) },
				Acknowledgment: func(r *edigw.Acknowledgment) error { return line("acknowledgment", r) },
				// 276 and 277 (X212) claims: cmd/edigw/claimstatus.go.
				ClaimStatusInquiry:  func(r *edigw.ClaimStatusInquiry) error { return line(claimStatusInquiryType, r) },
				ClaimStatusResponse: func(r *edigw.ClaimStatusResponse) error { return line(claimStatusResponseType, r) },
				// 270 and 271 members (eligibility279.go).
				EligibilityInquiry:  func(r *edigw.EligibilityInquiry) error { return line("eligibility_inquiry", r) },
				EligibilityResponse: func(r *edigw.EligibilityResponse) error { return line("eligibility_response", r) },
				// Prior authorization against --database's store, if given.
				AuthorizationLookup: auth.lookup(),
				Context:             c.Context(),
			})
			if err != nil {
				return &exitError{code: exitUnusable, err: err}
			}
			if err := notX12(fatalOf(res.Report.Fatal)); err != nil {
				return err
			}
			warnings := warningsOf(res)
			fmt.Fprintf(c.ErrOrStderr(), "edigw translate: %d claims, %d remittances, %d authorizations, %d held back; %d errors, %d warnings\n",
				res.Claims, res.Remittances, res.Authorizations, res.Rejected, res.Report.ErrorCount, len(warnings))
			// The errors say why records were held back or claims rejected
			// (the business rules' among them); the warnings reject
			// nothing. Like validate's, they name places and codes, never
			// values.
			for _, e := range res.Report.Errors {
				fmt.Fprintf(c.ErrOrStderr(), "  %v\n", e)
			}
			if n := res.Report.ErrorCount - len(res.Report.Errors); n > 0 {
				fmt.Fprintf(c.ErrOrStderr(), "  ... and %d more\n", n)
			}
			for _, w := range warnings {
				fmt.Fprintf(c.ErrOrStderr(), "  warning: %v\n", w.Err)
			}
			if res.Eligibility > 0 {
				fmt.Fprintf(c.ErrOrStderr(), "edigw translate: %d eligibility inquiries and responses\n", res.Eligibility)
			}
			if res.Claims > 0 {
				auth.report(c.ErrOrStderr(), res)
			}
			if !res.Report.OK() {
				return fileErrors
			}
			return nil
		},
	}
	c.Flags().StringVar(&to, "to", "json", "output format (json)")
	auth.add(c)
	return c
}
