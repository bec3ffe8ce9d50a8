package ig

import (
	"strings"
	"testing"
)

// Helpers the tests of every guide use to find their way in a guide's tree.

// loopAt follows a path of loop IDs ("2000A/2000B/2300") from the guide's
// root.
func loopAt(t *testing.T, g *Guide, path string) *Loop {
	t.Helper()
	l := g.Root
	for _, id := range strings.Split(path, "/") {
		var next *Loop
		for _, c := range l.Children {
			if c, ok := c.(*Loop); ok && c.ID == id {
				next = c
				break
			}
		}
		if next == nil {
			t.Fatalf("%s: no loop %s under %s (path %s)", g.Name, id, l.ID, path)
		}
		l = next
	}
	return l
}

// segsOf returns the loop's own segments with the given ID, in order.
func segsOf(l *Loop, id string) []*Segment {
	var out []*Segment
	for _, c := range l.Children {
		if s, ok := c.(*Segment); ok && s.ID == id {
			out = append(out, s)
		}
	}
	return out
}

// segNamed returns the loop's own segment with the ID and name.
func segNamed(t *testing.T, l *Loop, id, name string) *Segment {
	t.Helper()
	for _, c := range l.Children {
		if s, ok := c.(*Segment); ok && s.ID == id && s.Name == name {
			return s
		}
	}
	t.Fatalf("loop %s has no %s %q", l.ID, id, name)
	return nil
}
