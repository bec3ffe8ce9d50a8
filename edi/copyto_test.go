package edi_test

import (
	"io"
	"strings"
	"testing"

	"github.com/edigw/edigw/edi"
)

// TestCopyToArenasKeepsEachSegment copies every segment of an interchange
// into shared arenas far too small for them (so that both move on to new
// arrays), and checks that each copy still has its own ID, position and
// elements once the Reader has gone past them.
func TestCopyToArenasKeepsEachSegment(t *testing.T) {
	rd := edi.NewReader(strings.NewReader(minimal))
	var copies []edi.Segment
	var want [][]string
	arena, offs := make([]byte, 0, 8), make([]int, 0, 2)
	for {
		s, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		var els []string
		for i := 1; i <= s.Len(); i++ {
			els = append(els, s.String(i))
		}
		want = append(want, append([]string{s.ID(), s.Pos.Controls()}, els...))
		copies = append(copies, edi.Segment{})
		arena, offs = s.CopyToArenas(&copies[len(copies)-1], arena, offs)
	}
	if len(copies) != 8 {
		t.Fatalf("%d segments, want 8", len(copies))
	}
	for k := range copies {
		c := &copies[k]
		got := []string{c.ID(), c.Pos.Controls()}
		for i := 1; i <= c.Len(); i++ {
			got = append(got, c.String(i))
		}
		if strings.Join(got, "|") != strings.Join(want[k], "|") {
			t.Errorf("copy %d: %q, want %q", k, got, want[k])
		}
	}
}
