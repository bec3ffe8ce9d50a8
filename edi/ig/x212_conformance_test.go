package ig

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestX212Conformance compares the X212 277 with pyx12's map of it
// (277.5010.X212.xml), when ../shared/reference/pyx12-maps holds it (it
// does not yet: copy it there from pyx12, BSD licensed, to run this).
// pyx12 lists the 2000C, 2000D and 2000E levels side by side under the
// set rather than nested in their parents, so ours are laid out the same
// way for the comparison. pyx12 has no map of the X212 276.
func TestX212Conformance(t *testing.T) {
	dir := pyx12Dir(t)
	file := filepath.Join(dir, "277.5010.X212.xml")
	if _, err := os.Stat(file); err != nil {
		t.Skip("pyx12's 277.5010.X212.xml is not in ../shared/reference/pyx12-maps")
	}
	dict := readDataElements(t, filepath.Join(dir, "dataele.xml"))
	theirs := readPyx12Map(t, file, dict)
	var diffs []string
	for _, d := range conformanceDiffs("X212", x212Flat(), theirs) {
		// pyx12 names no external list for C043 (ours: 507 and 508), and
		// puts SE in a loop of its own.
		// 2200C STC01-3 also allows 85, which the TR3's example uses.
		if strings.Contains(d, "code list: ours [claim status") || d == "X212 ST SE: only in ours" || strings.HasPrefix(d, "X212 2200C STC01-3 codes") {
			continue
		}
		diffs = append(diffs, d)
	}
	if len(diffs) > 0 {
		t.Errorf("differences from pyx12's map:\n%s", strings.Join(diffs, "\n"))
	}
}

// x212Flat is the X212 277 with its 2000C, 2000D and 2000E loops lifted
// out of their parents, in order, as pyx12's map lists them.
func x212Flat() *Loop {
	cut := func(l *Loop, id string) (*Loop, *Loop) {
		c := *l
		c.Children = nil
		var out *Loop
		for _, n := range l.Children {
			if x, ok := n.(*Loop); ok && x.ID == id {
				out = x
				continue
			}
			c.Children = append(c.Children, n)
		}
		return &c, out
	}
	root := X212Response.Root
	source := *root.Children[2].(*Loop)
	i := slices.IndexFunc(source.Children, func(n Node) bool { l, ok := n.(*Loop); return ok && l.ID == "2000B" })
	receiver, provider := cut(source.Children[i].(*Loop), "2000C")
	source.Children = append(append([]Node{}, source.Children[:i]...), receiver)
	provider, subscriber := cut(provider, "2000D")
	subscriber, dependent := cut(subscriber, "2000E")
	return &Loop{ID: "ST", Name: root.Name, Usage: R, Max: 1,
		Children: []Node{root.Children[0], root.Children[1], &source, provider, subscriber, dependent, root.Children[3]}}
}
