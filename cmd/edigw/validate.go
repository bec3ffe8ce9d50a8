package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/edi/ig"
	"github.com/edigw/edigw/mapping"
	"github.com/spf13/cobra"
)

func newValidateCmd() *cobra.Command {
	var asJSON bool
	var maxErrors int
	var auth authCheck
	c := &cobra.Command{
		Use:   "validate FILE|-",
		Short: "Validate an X12 file: its guide (SNIP 1-2), balancing (3), code sets (5) and payer rules (7)",
		Long: `validate reads an X12 file as a stream and checks it as serve, replay, ack,
translate and the API do, with the same rules: its envelopes and every transaction
set against its implementation guide (chosen from ST01, ST03/GS08 and, for 278,
BHT02), then the business rules (claim balancing, NPI check digits, ICD-10,
procedure and place of service codes, the payer profile). It prints each set's
verdict as the 999 and 277CA give it ("accepted", "accepted with errors" for
IK5=E, "rejected"), the claims the 277CA rejects by their place in the set with
their 277CA status codes, and every error and warning with its position, loop,
segment, element and 999/TA1/277 code, never a value from the file.
--json prints the same as JSON.

With --database (or EDIGW_DATABASE_URL) the 837 claims are also checked for
prior authorization (SNIP 7) against the authorizations stored there; without
one the report says that check was not run.

Exit status: 0 valid, 1 invalid (any error, a claim rejected by a business rule
included), 2 unreadable or bad usage.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			in, name, err := openInput(c, args[0])
			if err != nil {
				return err
			}
			defer in.Close()
			if err := auth.open(c.Context()); err != nil {
				return err
			}
			defer auth.close()
			return validate(c.Context(), c.OutOrStdout(), in, name, asJSON, maxErrors, &auth)
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	c.Flags().IntVar(&maxErrors, "max-errors", 1000, "keep at most this many errors")
	auth.add(c)
	return c
}

// setLine is one transaction set in the validate report.
type setLine struct {
	Interchange string `json:"isa13,omitempty"`
	Group       string `json:"gs06,omitempty"`
	Set         string `json:"st02"`
	ID          string `json:"id"`
	Guide       string `json:"guide,omitempty"`
	GuideName   string `json:"guideName,omitempty"`
	Segments    int    `json:"segments"`
	Accepted    bool   `json:"accepted"` // no error at all
	// Disposition is the 999's IK501 (A, E, R) and Verdict says it in
	// words with the claims the 277CA rejects.
	Disposition    string          `json:"disposition"`
	Verdict        string          `json:"verdict"`
	Claims         int             `json:"claims,omitempty"`
	RejectedClaims []rejectedClaim `json:"rejectedClaims,omitempty"`
	ErrorCount     int             `json:"errorCount"`
	Errors         []jsonError     `json:"errors,omitempty"`
}

// rejectedClaim is a claim the 277CA rejects, by its place in the set
// (never its patient control number: a value from the file).
type rejectedClaim struct {
	Position int    `json:"position"`
	Status   string `json:"status"` // 277CA STC01
}

type validateJSON struct {
	File         string      `json:"file"`
	Valid        bool        `json:"valid"`
	Summary      any         `json:"summary"`
	Sets         []setLine   `json:"sets"`
	ErrorCount   int         `json:"errorCount"`
	Errors       []jsonError `json:"errors,omitempty"` // envelope errors outside any set
	SetsAccepted int         `json:"setsAccepted"`
	SetsRejected int         `json:"setsRejected"`
	// Warnings are business-rule findings that reject nothing (SNIP 7
	// payer rules, 835 balancing).
	Warnings     []jsonError `json:"warnings,omitempty"`
	WarningCount int         `json:"warningCount"`
	// AuthorizationCheck is "run" or "not run" for a file with 837 sets.
	AuthorizationCheck string `json:"authorizationCheck,omitempty"`
}

func validate(ctx context.Context, out io.Writer, in io.Reader, name string, asJSON bool, maxErrors int, auth *authCheck) error {
	bw := bufio.NewWriter(out)
	defer bw.Flush()
	var sets []setLine
	inSet := map[*edi.Error]bool{}
	var verdictErr error
	var mapper *mapping.Mapper
	report := ig.Funcs{OnSet: func(s *ig.SetResult) {
		l := setLine{Set: s.Header.ControlNumber, ID: s.Header.ID, Segments: s.Segments, Accepted: s.Accepted(), ErrorCount: s.ErrorCount}
		if s.Group != nil {
			l.Group = s.Group.Header.ControlNumber
			if s.Group.Interchange != nil {
				l.Interchange = s.Group.Interchange.Header.ControlNumber
			}
		}
		if s.Guide != nil {
			l.Guide, l.GuideName = s.Guide.Version, s.Guide.Name
		}
		for _, e := range s.Errors {
			inSet[e] = true
			l.Errors = append(l.Errors, *toJSONError(e))
		}
		// What the 999 and the 277CA decide, from the same claim
		// placements the acknowledger uses.
		vd, err := mapper.Verdict(s)
		if err != nil && verdictErr == nil {
			verdictErr = err
		}
		l.Disposition, l.Verdict, l.Claims = vd.Disposition, vd.Describe(s.ErrorCount), vd.Claims
		for _, c := range vd.Rejected {
			l.RejectedClaims = append(l.RejectedClaims, rejectedClaim{Position: c.Position, Status: c.Status})
		}
		sets = append(sets, l)
	}}
	// The one chain every entry point runs (mapping.NewChain): the guide,
	// then the business rules, then this report.
	mapper, chain := mapping.NewChain(name, mapping.Handlers{AuthorizationLookup: auth.lookup(), Context: ctx}, report)
	v := &ig.Validator{File: name, MaxErrors: maxErrors, ForgetSets: true, Handlers: chain}
	res, err := mapper.Finish(v.Run(in))
	if err == nil {
		err = verdictErr
	}
	if err != nil {
		return &exitError{code: exitUnusable, err: err}
	}
	rep := res.Report
	if err := notX12(fatalOf(rep.Fatal)); err != nil {
		return err
	}
	// Warnings reject nothing and are in no set's errors: the findings
	// that are not warnings already are.
	var warnings []jsonError
	for _, is := range warningsOf(res) {
		warnings = append(warnings, *toJSONError(is.Err))
	}
	// Interchange and group errors, and what was found outside any set.
	var outside []jsonError
	for _, e := range rep.Errors {
		if !inSet[e] && (e.Code.Kind == edi.TA105 || e.Code.Kind == edi.AK905 || e.Pos.Set == "") {
			outside = append(outside, *toJSONError(e))
		}
	}
	if asJSON {
		enc := json.NewEncoder(bw)
		enc.SetIndent("", "  ")
		_ = enc.Encode(validateJSON{File: name, Valid: rep.OK(), Summary: rep.Summary, Sets: sets, ErrorCount: rep.ErrorCount,
			Errors: outside, SetsAccepted: rep.SetsAccepted, SetsRejected: rep.SetsRejected,
			Warnings: warnings, WarningCount: len(warnings), AuthorizationCheck: checkOf(sets, res)})
	} else {
		s := rep.Summary
		// The sets as the 999 answers them.
		by := map[string]int{}
		for _, l := range sets {
			by[l.Disposition]++
		}
		fmt.Fprintf(bw, "%s: %d interchanges, %d groups, %d transaction sets (%d accepted, %d accepted with errors, %d rejected), %d segments\n",
			name, s.Interchanges, s.Groups, s.Sets, by[ack.Accepted], by[ack.AcceptedWithErrors], len(sets)-by[ack.Accepted]-by[ack.AcceptedWithErrors], s.Segments)
		for _, e := range outside {
			fmt.Fprintf(bw, "  %s\n", e.Message)
		}
		for _, l := range sets {
			status := l.Verdict
			guide := l.Guide
			if guide == "" {
				guide = "no supported guide"
			}
			fmt.Fprintf(bw, "%s ST02=%s %s (%s): %s\n", l.ID, l.Set, guide, l.GuideName, status)
			for _, e := range l.Errors {
				fmt.Fprintf(bw, "  %s\n", e.Message)
			}
			if n := l.ErrorCount - len(l.Errors); n > 0 {
				fmt.Fprintf(bw, "  ... and %d more\n", n)
			}
		}
		for _, w := range warnings {
			fmt.Fprintf(bw, "  warning: %s\n", w.Message)
		}
		if checkOf(sets, res) != "" {
			auth.report(bw, res)
		}
		if rep.OK() {
			fmt.Fprintln(bw, "valid")
		} else {
			fmt.Fprintf(bw, "invalid: %d errors\n", rep.ErrorCount)
		}
	}
	if !rep.OK() {
		return fileErrors
	}
	return nil
}

// checkOf says whether the prior-authorization check ran, for a file with
// 837 sets ("" for one without).
func checkOf(sets []setLine, res *mapping.Result) string {
	for _, l := range sets {
		if l.ID == "837" {
			return res.AuthorizationCheck
		}
	}
	return ""
}

// warningsOf are the business-rule findings of a result that reject
// nothing.
func warningsOf(res *mapping.Result) []*mapping.Issue {
	var out []*mapping.Issue
	for _, is := range res.Issues {
		if is.Warning {
			out = append(out, is)
		}
	}
	return out
}
