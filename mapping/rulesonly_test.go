package mapping

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/edi/ig"
	"github.com/edigw/edigw/fixtures/synth"
	"github.com/edigw/edigw/internal/corpus"
)

// verdictRun is everything one pass over a file decides: the Result
// (issues, counts, the Validator's report), each set's verdict, and the
// acknowledgments written.
type verdictRun struct {
	res      *Result
	verdicts []string
	acks     memSink
	// dups are the duplicate keys of every claim (what makes two claims
	// the same: payer, provider, patient, dates, charge), by place.
	dups map[[16]byte]int
}

// runVerdict reads data through NewChain as validate does, with an
// Acknowledger when withAck (as ack does). mode is "whole" (as before the
// rules-only builders: whole records), "inline" (the rules-only builder on
// the walker's goroutine) or "worker" (on a goroutine of its own).
func runVerdict(t testing.TB, name string, data []byte, mode string, withAck bool) verdictRun {
	t.Helper()
	var run verdictRun
	h := Handlers{wholeRecords: mode == "whole", rulesInline: mode == "inline", rulesWorker: mode == "worker"}
	var a *ack.Acknowledger
	if withAck {
		run.acks = memSink{}
		a = ack.NewAcknowledger(context.Background(), ack.Options{Numbers: &ack.Sequence{Start: 1}, Newline: true, Now: fixedNow}, run.acks.sink)
		h.Acknowledger = a
	}
	var m *Mapper
	report := ig.Funcs{OnSet: func(s *ig.SetResult) {
		vd, err := m.Verdict(s)
		if err != nil {
			t.Fatalf("%s: verdict: %v", name, err)
		}
		line := fmt.Sprintf("%s %s %d %s", s.Header.ControlNumber, vd.Disposition, vd.Claims, vd.Describe(s.ErrorCount))
		for _, c := range vd.Rejected {
			line += fmt.Sprintf(" [%d %s %v]", c.Position, c.Status, c.Err)
		}
		run.verdicts = append(run.verdicts, line)
	}}
	m, chain := NewChain(name, h, report)
	v := &ig.Validator{File: name, MaxErrors: 1000, ForgetSets: true, Handlers: chain}
	res, err := m.Finish(v.Run(bytes.NewReader(data)))
	run.dups = m.claims.dups.seen
	if err != nil && !strings.Contains(err.Error(), "no ISA") {
		t.Fatalf("%s: %v", name, err)
	}
	if a != nil {
		if _, err := a.Finish(); err != nil {
			t.Fatalf("%s: acknowledger: %v", name, err)
		}
	}
	run.res = res
	return run
}

// sameVerdict fails t when the rules-only pass differs from the whole
// records' in anything a caller sees.
func sameVerdict(t testing.TB, name string, data []byte) {
	t.Helper()
	for _, withAck := range []bool{false, true} {
		old := runVerdict(t, name, data, "whole", withAck)
		for _, mode := range []string{"inline", "worker"} {
			cur := runVerdict(t, name, data, mode, withAck)
			if d := verdictDiff(old, cur); d != "" {
				t.Errorf("%s (acknowledged %v, %s): the rules-only pass differs from whole records: %s", name, withAck, mode, d)
			}
		}
	}
}

func verdictDiff(old, cur verdictRun) string {
	o, c := old.res, cur.res
	switch {
	case o.IssueCount != c.IssueCount:
		return fmt.Sprintf("%d issues, want %d", c.IssueCount, o.IssueCount)
	case !reflect.DeepEqual(o.IssuesByRule, c.IssuesByRule):
		return fmt.Sprintf("issues by rule %v, want %v", c.IssuesByRule, o.IssuesByRule)
	case len(o.Issues) != len(c.Issues):
		return fmt.Sprintf("%d issues kept, want %d", len(c.Issues), len(o.Issues))
	case o.Claims != c.Claims || o.Remittances != c.Remittances || o.Rejected != c.Rejected || o.Authorizations != c.Authorizations || o.Acknowledgments != c.Acknowledgments:
		return fmt.Sprintf("counts %d/%d/%d/%d/%d, want %d/%d/%d/%d/%d", c.Claims, c.Remittances, c.Rejected, c.Authorizations, c.Acknowledgments,
			o.Claims, o.Remittances, o.Rejected, o.Authorizations, o.Acknowledgments)
	case !reflect.DeepEqual(old.verdicts, cur.verdicts):
		return fmt.Sprintf("verdicts\n%s\nwant\n%s", strings.Join(cur.verdicts, "\n"), strings.Join(old.verdicts, "\n"))
	}
	for i := range o.Issues {
		a, b := *o.Issues[i], *c.Issues[i]
		ae, be := *a.Err, *b.Err
		a.Err, b.Err = nil, nil
		if !reflect.DeepEqual(a, b) || !reflect.DeepEqual(ae, be) {
			return fmt.Sprintf("issue %d: %+v %+v, want %+v %+v", i, b, be, a, ae)
		}
	}
	if (o.Report == nil) != (c.Report == nil) {
		return "one report is missing"
	}
	if o.Report != nil {
		or, cr := o.Report, c.Report
		if or.ErrorCount != cr.ErrorCount || or.SetsAccepted != cr.SetsAccepted || or.SetsRejected != cr.SetsRejected || len(or.Errors) != len(cr.Errors) {
			return fmt.Sprintf("report %d errors (%d kept), %d/%d sets, want %d (%d), %d/%d", cr.ErrorCount, len(cr.Errors), cr.SetsAccepted, cr.SetsRejected,
				or.ErrorCount, len(or.Errors), or.SetsAccepted, or.SetsRejected)
		}
		for i := range or.Errors {
			if !reflect.DeepEqual(*or.Errors[i], *cr.Errors[i]) {
				return fmt.Sprintf("report error %d: %v, want %v", i, cr.Errors[i], or.Errors[i])
			}
		}
	}
	if !reflect.DeepEqual(old.dups, cur.dups) {
		return fmt.Sprintf("the claims' duplicate keys differ (%d and %d keys)", len(cur.dups), len(old.dups))
	}
	if len(old.acks) != len(cur.acks) {
		return fmt.Sprintf("%d acknowledgments, want %d", len(cur.acks), len(old.acks))
	}
	for k, b := range old.acks {
		if cb, ok := cur.acks[k]; !ok || !bytes.Equal(b.Bytes(), cb.Bytes()) {
			return fmt.Sprintf("acknowledgment %s differs", k)
		}
	}
	return ""
}

// mutants are n copies of data, each with a few digits or letters
// changed (seeded, so a failure reproduces): NPIs that fail their check
// digit, charges that no longer add up, codes out of their lists, dates,
// qualifiers and loop keys the guide then places elsewhere.
func mutants(data []byte, n int, seed uint64) [][]byte {
	r := rand.New(rand.NewPCG(seed, 15))
	var out [][]byte
	for range n {
		m := bytes.Clone(data)
		for range 1 + r.IntN(3) {
			for try := 0; try < 50; try++ {
				i := r.IntN(len(m))
				switch c := m[i]; {
				case c >= '0' && c <= '9':
					m[i] = '0' + byte((int(c-'0')+1+r.IntN(9))%10)
				case c >= 'A' && c <= 'Z':
					m[i] = 'A' + byte((int(c-'A')+1+r.IntN(25))%26)
				default:
					continue
				}
				break
			}
		}
		out = append(out, m)
	}
	return out
}

// verdictInputs are the files the two passes are compared on: the
// fixtures, the conformance files, the corpus, and generated 837P and 835.
func verdictInputs(t *testing.T) map[string][]byte {
	in := map[string][]byte{}
	for _, glob := range []string{"../fixtures/edi/*.edi", "../fixtures/edi/conformance/*", "testdata/issue15/*"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			if data, err := os.ReadFile(f); err == nil {
				in[f] = data
			}
		}
	}
	dir, entries := corpus.Manifest(t)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.File))
		if err != nil {
			t.Fatal(err)
		}
		in[e.File] = data
	}
	for _, k := range []synth.Kind{synth.Kind837P, synth.Kind835} {
		var buf bytes.Buffer
		if _, err := synth.Write(&buf, synth.Options{Kind: k, Claims: 600, PerSet: 250, Seed: 3}); err != nil {
			t.Fatal(err)
		}
		in["generated "+string(k)] = buf.Bytes()
	}
	return in
}

// TestRulesOnlyGiveTheSameVerdict: validate and ack check the business
// rules without building records (rulesonly.go); over every file we have,
// and mutants of every 837 and 835 among them, they find exactly the
// issues, errors, verdicts and acknowledgments the whole records give.
func TestRulesOnlyGiveTheSameVerdict(t *testing.T) {
	inputs := verdictInputs(t)
	mutated := 0
	for name, data := range inputs {
		sameVerdict(t, name, data)
		if !bytes.Contains(data, []byte("ST*837")) && !bytes.Contains(data, []byte("ST*835")) && !strings.HasPrefix(name, "generated") {
			continue
		}
		n := 40
		if len(data) > 200_000 {
			n = 3
		}
		for i, m := range mutants(data, n, uint64(len(name))) {
			sameVerdict(t, fmt.Sprintf("%s mutant %d", name, i), m)
			mutated++
		}
	}
	if len(inputs) < 20 || mutated < 500 {
		t.Errorf("compared %d files and %d mutants: the inputs are missing", len(inputs), mutated)
	}
}

// FuzzRulesOnlyVerdict holds the rules-only pass to the whole records'
// on any input.
func FuzzRulesOnlyVerdict(f *testing.F) {
	files, _ := filepath.Glob("../fixtures/edi/*.edi")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameVerdict(t, "fuzz", data)
	})
}

// FuzzAmountOf holds amountOf to edigw.ParseAmount, which it reads as.
func FuzzAmountOf(f *testing.F) {
	for _, s := range []string{"", "-", ".", "5.", ".5", "-0.5", "12.345", "0005", "1234567890123456", "123456789012345.99", "1e3", "1,00", "+5", "١٢", "99.9.9", "--1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := edigw.ParseAmount(s)
		if got := amountOf([]byte(s)); got != want {
			t.Errorf("amountOf(%q) = %d, ParseAmount gives %d", s, got, want)
		}
	})
}

// fixedNow dates the acknowledgments of both passes alike.
func fixedNow() time.Time { return time.Date(2026, 12, 4, 21, 0, 0, 0, time.UTC) }
