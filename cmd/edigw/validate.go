package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
	"github.com/spf13/cobra"
)

func newValidateCmd() *cobra.Command {
	var asJSON bool
	var maxErrors int
	c := &cobra.Command{
		Use:   "validate FILE|-",
		Short: "Validate an X12 file against its HIPAA 5010 implementation guide (SNIP levels 1 and 2)",
		Long: `validate reads an X12 file as a stream, checks its envelopes and every
transaction set against its implementation guide (chosen from ST01, ST03/GS08 and,
for 278, BHT02), and prints each set's outcome and every error with its position,
loop, segment, element and 999/TA1 code. --json prints the same as JSON.

Exit status: 0 valid, 1 invalid, 2 unreadable or bad usage.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			in, name, err := openInput(c, args[0])
			if err != nil {
				return err
			}
			defer in.Close()
			return validate(c.OutOrStdout(), in, name, asJSON, maxErrors)
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	c.Flags().IntVar(&maxErrors, "max-errors", 1000, "keep at most this many errors")
	return c
}

// setLine is one transaction set in the validate report.
type setLine struct {
	Interchange string      `json:"isa13,omitempty"`
	Group       string      `json:"gs06,omitempty"`
	Set         string      `json:"st02"`
	ID          string      `json:"id"`
	Guide       string      `json:"guide,omitempty"`
	GuideName   string      `json:"guideName,omitempty"`
	Segments    int         `json:"segments"`
	Accepted    bool        `json:"accepted"`
	ErrorCount  int         `json:"errorCount"`
	Errors      []jsonError `json:"errors,omitempty"`
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
}

func validate(out io.Writer, in io.Reader, name string, asJSON bool, maxErrors int) error {
	bw := bufio.NewWriter(out)
	defer bw.Flush()
	var sets []setLine
	inSet := map[*edi.Error]bool{}
	v := &ig.Validator{File: name, MaxErrors: maxErrors}
	v.Handlers = []ig.Handler{ig.Funcs{OnSet: func(s *ig.SetResult) {
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
		sets = append(sets, l)
	}}}
	rep, err := v.Run(in)
	if err != nil {
		return &exitError{code: exitUnusable, err: err}
	}
	if err := notX12(fatalOf(rep.Fatal)); err != nil {
		return err
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
			Errors: outside, SetsAccepted: rep.SetsAccepted, SetsRejected: rep.SetsRejected})
	} else {
		s := rep.Summary
		fmt.Fprintf(bw, "%s: %d interchanges, %d groups, %d transaction sets (%d accepted, %d rejected), %d segments\n",
			name, s.Interchanges, s.Groups, s.Sets, rep.SetsAccepted, rep.SetsRejected, s.Segments)
		for _, e := range outside {
			fmt.Fprintf(bw, "  %s\n", e.Message)
		}
		for _, l := range sets {
			status := "accepted"
			if !l.Accepted {
				status = fmt.Sprintf("rejected, %d errors", l.ErrorCount)
			}
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
