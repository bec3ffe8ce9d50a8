package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/edigw/edigw/edi"
	"github.com/spf13/cobra"
)

func newParseCmd() *cobra.Command {
	var asJSON bool
	var maxErrors int
	c := &cobra.Command{
		Use:   "parse FILE|-",
		Short: "Summarize an X12 file: interchanges, groups, transaction sets by type and version, envelope errors",
		Long: `parse reads an X12 file as a stream and prints what it holds and every envelope
(SNIP level 1) error with its position and TA1/999 code. With --json it prints
the segment stream instead, one JSON object per line.

Exit status: 0 no errors, 1 the file has errors, 2 unreadable or bad usage.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			in, name, err := openInput(c, args[0])
			if err != nil {
				return err
			}
			defer in.Close()
			if asJSON {
				return parseJSON(c.OutOrStdout(), in, name)
			}
			res, err := edi.Check(in, name, maxErrors)
			if err != nil {
				return &exitError{code: exitUnusable, err: err}
			}
			for _, e := range res.Errors {
				if e.Fatal {
					if err := notX12(e); err != nil {
						return err
					}
				}
			}
			printSummary(c.OutOrStdout(), name, res)
			if !res.OK() {
				return fileErrors
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the segment stream as JSON lines")
	c.Flags().IntVar(&maxErrors, "max-errors", 100, "print at most this many errors (0 for all)")
	return c
}

func printSummary(w io.Writer, name string, r *edi.CheckResult) {
	s := r.Summary
	fmt.Fprintf(w, "%s: %d bytes, %d segments, %d interchanges, %d groups, %d transaction sets\n",
		name, r.Bytes, s.Segments, s.Interchanges, s.Groups, s.Sets)
	if r.Delimiters == (edi.Delimiters{}) {
		fmt.Fprintln(w, "delimiters: none")
	} else {
		fmt.Fprintf(w, "delimiters: %v\n", r.Delimiters)
	}
	for _, t := range s.SetTypes {
		fmt.Fprintf(w, "  %s %-14s %d\n", t.ID, t.Version, t.Count)
	}
	if r.OK() {
		fmt.Fprintln(w, "envelope: ok")
		return
	}
	fmt.Fprintf(w, "envelope: %d errors\n", r.ErrorCount)
	for _, e := range r.Errors {
		fmt.Fprintf(w, "  %v\n", e)
	}
	if n := r.ErrorCount - len(r.Errors); n > 0 {
		fmt.Fprintf(w, "  ... and %d more\n", n)
	}
}

// jsonSegment is one line of `parse --json`.
type jsonSegment struct {
	Type     string        `json:"type"` // segment, error or summary
	Position *edi.Position `json:"position,omitempty"`
	ID       string        `json:"id,omitempty"`
	// Elements are the data elements: each a list of repetitions, each a list of components.
	Elements [][][]string `json:"elements,omitempty"`
	Error    *jsonError   `json:"error,omitempty"`
	Summary  *edi.Summary `json:"summary,omitempty"`
}

type jsonError struct {
	Message   string       `json:"message"`
	Code      string       `json:"code,omitempty"`
	Position  edi.Position `json:"position"`
	Loop      string       `json:"loop,omitempty"`
	SegmentID string       `json:"segmentId,omitempty"`
	Element   int          `json:"element,omitempty"`
	Component int          `json:"component,omitempty"`
	Fatal     bool         `json:"fatal,omitempty"`
}

// toJSONError leaves out the bad value: it may hold PHI.
func toJSONError(e *edi.Error) *jsonError {
	return &jsonError{Message: e.Error(), Code: e.Code.String(), Position: e.Pos, Loop: e.Loop, SegmentID: e.SegmentName(),
		Element: e.Element, Component: e.Component, Fatal: e.Fatal}
}

func parseJSON(out io.Writer, in io.Reader, name string) error {
	bw := bufio.NewWriter(out)
	defer bw.Flush()
	enc := json.NewEncoder(bw)
	rd := edi.NewReader(in)
	rd.Name = name
	bad := false
	ck := &edi.EnvelopeChecker{File: name, Report: func(e *edi.Error) {
		bad = true
		_ = enc.Encode(jsonSegment{Type: "error", Error: toJSONError(e)})
	}}
	var last edi.Position
	for {
		seg, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var e *edi.Error
			if !errors.As(err, &e) {
				return &exitError{code: exitUnusable, err: err}
			}
			if err := notX12(e); err != nil {
				return err
			}
			bad = true
			_ = enc.Encode(jsonSegment{Type: "error", Error: toJSONError(e)})
			if e.Fatal {
				break
			}
			continue
		}
		last = seg.Pos
		ck.Segment(seg)
		pos := seg.Pos
		if err := enc.Encode(jsonSegment{Type: "segment", Position: &pos, ID: seg.ID(), Elements: elements(seg)}); err != nil {
			return &exitError{code: exitUnusable, err: err}
		}
	}
	last.Offset, last.Index = rd.Offset(), last.Index+1
	ck.End(last)
	sum := ck.Summary()
	_ = enc.Encode(jsonSegment{Type: "summary", Summary: &sum})
	if bad {
		return fileErrors
	}
	return nil
}

// elements splits a segment into repetitions and components. The ISA's
// fixed fields are kept whole: ISA11 and ISA16 hold delimiters, not structure.
func elements(s *edi.Segment) [][][]string {
	out := make([][][]string, s.Len())
	for i := range out {
		if s.ID() == "ISA" {
			out[i] = [][]string{{s.String(i + 1)}}
			continue
		}
		for _, rep := range s.Repetitions(i + 1) {
			var comps []string
			for _, c := range s.Components(rep) {
				comps = append(comps, string(c))
			}
			out[i] = append(out[i], comps)
		}
		if out[i] == nil {
			out[i] = [][]string{}
		}
	}
	return out
}
