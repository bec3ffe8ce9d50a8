package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/edigw/edigw/edi"
	"github.com/spf13/cobra"
)

func newRenderCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "render FILE|-",
		Short: "Print one segment per line with its position (segment number, line, byte, place in its transaction set)",
		Long: `render prints every segment on its own line, prefixed with its segment number in
the file, its line and byte offset, and its position within its transaction set
(ST is 1), followed by the envelope errors. Errors are also printed where they
occur, marked with '!'.

Exit status: 0 no errors, 1 the file has errors, 2 unreadable or bad usage.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			in, name, err := openInput(c, args[0])
			if err != nil {
				return err
			}
			defer in.Close()
			return render(c.OutOrStdout(), in, name)
		},
	}
}

func render(out io.Writer, in io.Reader, name string) error {
	bw := bufio.NewWriter(out)
	defer bw.Flush()
	rd := edi.NewReader(in)
	rd.Name = name
	bad := false
	report := func(e *edi.Error) {
		bad = true
		fmt.Fprintf(bw, "! %v\n", e)
	}
	ck := &edi.EnvelopeChecker{File: name, Report: report}
	fmt.Fprintf(bw, "%7s %7s %10s %6s  %s\n", "SEG", "LINE", "BYTE", "IN-SET", "SEGMENT")
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
			report(e)
			if e.Fatal {
				break
			}
			continue
		}
		p := seg.Pos
		inSet := ""
		if p.SetIndex > 0 {
			inSet = fmt.Sprint(p.SetIndex)
		}
		fmt.Fprintf(bw, "%7d %7d %10d %6s  %s\n", p.Index, p.Line, p.Offset, inSet, seg.Raw())
		last = p
		ck.Segment(seg)
	}
	last.Offset, last.Index = rd.Offset(), last.Index+1
	ck.End(last)
	if bad {
		return fileErrors
	}
	return nil
}
