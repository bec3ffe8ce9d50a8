package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkParse1GBPeakRSS generates a 1 GB 837P and runs `edigw parse` on
// it in a child process, reporting the child's peak resident memory
// (ru_maxrss) and throughput; then `edigw validate` once, likewise. The Reader's memory must not grow with the
// file: the target is under 64 MB.
func BenchmarkParse1GBPeakRSS(b *testing.B) {
	path := filepath.Join(b.TempDir(), "1GB.837p")
	gen := child(b, "gen", "--kind", "837p", "--size", "1GB", "--newline=false", "-o", path)
	if out, err := gen.CombinedOutput(); err != nil {
		b.Fatalf("gen: %v\n%s", err, out)
	}
	genRSS := maxRSSMB(gen)
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	b.ResetTimer()
	var rss float64
	for b.Loop() {
		parse := child(b, "parse", path)
		if out, err := parse.CombinedOutput(); err != nil {
			b.Fatalf("parse: %v\n%s", err, out)
		}
		rss = max(rss, maxRSSMB(parse))
	}
	b.StopTimer()
	// The same file through SNIP 1-2 validation, once.
	validate := child(b, "validate", "--max-errors", "10", path)
	start := time.Now()
	if out, err := validate.CombinedOutput(); err != nil {
		b.Fatalf("validate: %v\n%s", err, out)
	}
	b.ReportMetric(float64(fi.Size())/(1<<20)/time.Since(start).Seconds(), "validate-MB/s")
	b.ReportMetric(maxRSSMB(validate), "validate-peak-RSS-MB")
	b.ReportMetric(rss, "peak-RSS-MB")
	b.ReportMetric(genRSS, "gen-peak-RSS-MB") // after the loop: ResetTimer drops metrics

}

// child prepares this test binary to run as `edigw args...` (see TestMain).
func child(b *testing.B, args ...string) *exec.Cmd {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	c := exec.Command(exe)
	c.Env = append(os.Environ(), "EDIGW_AS_COMMAND="+strings.Join(args, "\x1f"))
	return c
}

func maxRSSMB(c *exec.Cmd) float64 {
	ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // ru_maxrss is in KiB on Linux
}
