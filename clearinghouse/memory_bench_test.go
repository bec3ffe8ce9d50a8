package clearinghouse

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/edigw/edigw/fixtures/synth"
)

// BenchmarkPipelineMemory measures the peak resident memory of the whole
// inbound pipeline (ProcessFile with PostgreSQL, in a child process: see
// runE2EChild) on the shapes a small file can use to blow memory up: many
// empty transaction sets in one functional group (every one rejected, so
// the 999 answers each) and one transaction set holding many claims (the
// 277CA and the claim records of one set). Memory must stay flat in both;
// docs/benchmarks.md records the figures. It asserts no figure: a timing or
// memory assertion in a test fails on a busy machine, not on a regression.
func BenchmarkPipelineMemory(b *testing.B) {
	b.Run("empty-sets=100000", func(b *testing.B) { benchMemory(b, emptySetsFile(b, 100_000)) })
	b.Run("empty-sets=400000", func(b *testing.B) { benchMemory(b, emptySetsFile(b, 400_000)) })
	b.Run("one-set-claims=20000", func(b *testing.B) { benchMemory(b, oneSetFile(b, 20_000)) })
	b.Run("one-set-claims=100000", func(b *testing.B) { benchMemory(b, oneSetFile(b, 100_000)) })
}

func benchMemory(b *testing.B, input string) {
	spec := objectsSpec("dir:" + b.TempDir())
	var peak float64
	b.StopTimer()
	for range b.N {
		dbURL := testDatabase(b)
		objs := openObjects(b, spec)
		key := putFile(b, objs, input, fmt.Sprintf("input-%d.x12", b.N))
		b.StartTimer()
		_, rss := runE2EChild(b, dbURL, spec, key)
		b.StopTimer()
		peak = max(peak, rss)
	}
	if fi, err := os.Stat(input); err == nil {
		b.ReportMetric(float64(fi.Size())/(1<<20), "input-MB")
	}
	b.ReportMetric(peak, "peak-RSS-MB")
}

// emptySetsFile writes one interchange with one 837P functional group of n
// transaction sets holding nothing but ST and SE: about 37 bytes a set,
// each rejected by the guide (its required segments are missing).
func emptySetsFile(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "empty-sets.x12")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	fmt.Fprint(w, "ISA*00*          *00*          *ZZ*EDIGWSUBMITTER *ZZ*CIGNA62308     *260115*1030*^*00501*000000002*0*T*:~\n")
	fmt.Fprint(w, "GS*HC*EDIGWSUBMITTER*62308*20260115*1030*1*X*005010X222A1~\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(w, "ST*837*%06d*005010X222A1~\nSE*2*%06d~\n", i, i)
	}
	fmt.Fprintf(w, "GE*%d*1~\nIEA*1*000000002~\n", n)
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	return path
}

// oneSetFile writes an 837P whose n claims are all in one transaction set.
func oneSetFile(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "one-set.x12")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if _, err := synth.Write(f, synth.Options{Kind: synth.Kind837P, Claims: n, PerSet: n, Seed: 9, Newline: true}); err != nil {
		b.Fatal(err)
	}
	return path
}
