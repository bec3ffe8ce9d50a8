package ig

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/edigw/edigw/fixtures/synth"
)

// BenchmarkValidate270 measures SNIP 1-2 validation of generated 270
// eligibility inquiries (issue 18: at least 100 MB/s). Every set must be
// accepted.
func BenchmarkValidate270(b *testing.B) {
	for _, mb := range benchSizes {
		b.Run(fmt.Sprintf("270/%dMB", mb), func(b *testing.B) {
			data := benchFile(b, synth.Kind270, mb)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				v := &Validator{File: "bench"}
				rep, err := v.Run(bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				if !rep.OK() || rep.SetsAccepted == 0 {
					b.Fatalf("generated 270 does not validate: %d errors, first %v", rep.ErrorCount, rep.Errors[:min(1, len(rep.Errors))])
				}
			}
		})
	}
}
