package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"testing"

	"github.com/edigw/edigw/fixtures/synth"
)

// BenchmarkValidateCommand runs what `edigw validate` runs (the one chain:
// the guide and the business rules, then the report) over a generated
// 837P and 835 of EDIGW_BENCH_MB megabytes (default 10; issue 15's floor
// is stated on 100): bytes/s is the command's throughput without the
// process start and the file system.
func BenchmarkValidateCommand(b *testing.B) {
	mb := 10
	if s := os.Getenv("EDIGW_BENCH_MB"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("EDIGW_BENCH_MB=%q: want a whole number of megabytes", s)
		}
		mb = n
	}
	for _, kind := range []synth.Kind{synth.Kind837P, synth.Kind835} {
		b.Run(fmt.Sprintf("%s/%dMB", kind, mb), func(b *testing.B) {
			var buf bytes.Buffer
			if _, err := synth.Write(&buf, synth.Options{Kind: kind, Claims: synth.ClaimsForSize(kind, int64(mb)<<20), Seed: 1}); err != nil {
				b.Fatal(err)
			}
			data := buf.Bytes()
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := validate(context.Background(), io.Discard, bytes.NewReader(data), "bench", false, 1000, &authCheck{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
