package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
	"github.com/spf13/cobra"
)

func newRenderCmd() *cobra.Command {
	var elements bool
	c := &cobra.Command{
		Use:   "render FILE|-",
		Short: "Print one segment per line with its position, loop and name (and, with -e, every element's name)",
		Long: `render prints every segment on its own line with its segment number in the
file, line, byte offset, position within its transaction set (ST is 1), the
loop it belongs to under its implementation guide, the segment, and the
segment's name. With --elements, each element follows on its own line with
its guide position and name. Errors are printed where they are found,
marked with '!'.

Exit status: 0 no errors, 1 the file has errors, 2 unreadable or bad usage.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			in, name, err := openInput(c, args[0])
			if err != nil {
				return err
			}
			defer in.Close()
			return render(c.OutOrStdout(), in, name, elements)
		},
	}
	c.Flags().BoolVarP(&elements, "elements", "e", false, "print each element with its name")
	return c
}

func render(out io.Writer, in io.Reader, name string, elements bool) error {
	bw := bufio.NewWriter(out)
	defer bw.Flush()
	fmt.Fprintf(bw, "%7s %7s %10s %6s  %-22s %s\n", "SEG", "LINE", "BYTE", "IN-SET", "LOOP", "SEGMENT")
	v := &ig.Validator{File: name, Handlers: []ig.Handler{ig.Funcs{
		OnError: func(e *edi.Error) { fmt.Fprintf(bw, "! %v\n", e) },
		OnSegment: func(ev *ig.Event) {
			p := ev.Seg.Pos
			inSet, loop, segName := "", "", ""
			if p.SetIndex > 0 {
				inSet = fmt.Sprint(p.SetIndex)
			}
			if ev.Walker != nil {
				loop = ev.Walker.Path()
				if loop == "" && ev.Match.Def != nil {
					loop = "header"
				}
			}
			if ev.Match.Def != nil {
				segName = "  # " + ev.Match.Def.Name
			}
			fmt.Fprintf(bw, "%7d %7d %10d %6s  %-22s %s%s\n", p.Index, p.Line, p.Offset, inSet, loop, ev.Seg.Raw(), segName)
			if elements && ev.Match.Def != nil {
				renderElements(bw, ev.Seg, ev.Match.Def)
			}
		},
	}}}
	rep, err := v.Run(in)
	if err != nil {
		return &exitError{code: exitUnusable, err: err}
	}
	if err := notX12(fatalOf(rep.Fatal)); err != nil {
		return err
	}
	if !rep.OK() {
		return fileErrors
	}
	return nil
}

// renderElements prints a segment's present elements and components with
// their names from the guide.
func renderElements(w io.Writer, s *edi.Segment, def *ig.Segment) {
	indent := strings.Repeat(" ", 45)
	for i := 1; i <= s.Len(); i++ {
		v := s.Element(i)
		if len(v) == 0 {
			continue
		}
		name, ref := "(not in the guide)", ""
		var parts []ig.Element
		if i <= len(def.Elements) {
			e := def.Elements[i-1]
			name, ref, parts = e.Name, e.Ref, e.Parts
		}
		if len(parts) == 0 || s.ID() == "ISA" {
			fmt.Fprintf(w, "%s%s%02d %-5s %-44s %s\n", indent, s.ID(), i, ref, name, v)
			continue
		}
		for j, comp := range s.Components(v) {
			if len(comp) == 0 {
				continue
			}
			cname, cref := "(not in the guide)", ""
			if j < len(parts) {
				cname, cref = parts[j].Name, parts[j].Ref
			}
			fmt.Fprintf(w, "%s%s%02d-%d %-5s %-42s %s\n", indent, s.ID(), i, j+1, cref, cname, comp)
		}
	}
}
