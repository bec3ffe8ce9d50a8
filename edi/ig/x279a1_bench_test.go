package ig

import (
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
			benchValidate(b, "270", benchFile(b, synth.Kind270, mb))
		})
	}
}
