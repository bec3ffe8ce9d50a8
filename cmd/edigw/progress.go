package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// progress draws a one-line bar on a terminal and nothing elsewhere, so
// piped output stays clean.
type progress struct {
	w     io.Writer
	total int
	on    bool
}

func newProgress(w io.Writer, total int) *progress {
	on := false
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			on = true
		}
	}
	return &progress{w: w, total: total, on: on}
}

func (p *progress) step(i int, name string) {
	if !p.on {
		return
	}
	const width = 30
	filled := width * i / max(p.total, 1)
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d %s\x1b[K", strings.Repeat("#", filled), strings.Repeat(".", width-filled), i+1, p.total, name)
}

func (p *progress) clear() {
	if p.on {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

func (p *progress) done() { p.clear() }
