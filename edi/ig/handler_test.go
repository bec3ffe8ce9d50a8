package ig

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw/edi"
)

// TestHandlersInListOrderChecksFirst: the Validator calls its Handlers in
// list order, and ends a set with every CheckSet before any SetEnd, so a
// handler early in the list sees in SetEnd the errors a later one's
// CheckSet added.
func TestHandlersInListOrderChecksFirst(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "fixtures", "story", "03-837p-claims.edi"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var calls []string
	seenErrors := -1
	first := Funcs{
		OnInterchangeStart: func(*InterchangeResult) { calls = append(calls, "isa1") },
		Check:              func(*SetResult) []*edi.Error { calls = append(calls, "check1"); return nil },
		OnSet:              func(s *SetResult) { calls = append(calls, "set1"); seenErrors = s.ErrorCount },
		OnGroup:            func(*GroupResult) { calls = append(calls, "ge1") },
		OnInterchange:      func(*InterchangeResult) { calls = append(calls, "iea1") },
	}
	second := Funcs{
		OnInterchangeStart: func(*InterchangeResult) { calls = append(calls, "isa2") },
		Check: func(s *SetResult) []*edi.Error {
			calls = append(calls, "check2")
			return []*edi.Error{{Pos: s.Start, SegmentID: "ST", Code: edi.SetSegmentsInError, Msg: "a rule beyond the guide"}}
		},
		OnSet:         func(*SetResult) { calls = append(calls, "set2") },
		OnGroup:       func(*GroupResult) { calls = append(calls, "ge2") },
		OnInterchange: func(*InterchangeResult) { calls = append(calls, "iea2") },
	}
	v := &Validator{File: "story.edi", Handlers: []Handler{first, second}}
	rep, err := v.Run(f)
	if err != nil {
		t.Fatal(err)
	}
	want := "isa1 isa2 check1 check2 set1 set2 ge1 ge2 iea1 iea2"
	if got := strings.Join(calls, " "); got != want {
		t.Errorf("calls %q, want %q", got, want)
	}
	if seenErrors != 1 || rep.ErrorCount != 1 || rep.SetsRejected != 1 {
		t.Errorf("the first handler's SetEnd saw %d errors; report %d errors, %d sets rejected", seenErrors, rep.ErrorCount, rep.SetsRejected)
	}
}
