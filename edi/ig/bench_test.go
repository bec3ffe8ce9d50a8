package ig

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	"github.com/edigw/edigw/fixtures/synth"
)

var (
	benchOnce  sync.Map
	benchSizes = []int{1, 100}
)

func benchFile(b *testing.B, kind synth.Kind, mb int) []byte {
	key := fmt.Sprint(kind, mb)
	if v, ok := benchOnce.Load(key); ok {
		return v.([]byte)
	}
	var buf bytes.Buffer
	if _, err := synth.Write(&buf, synth.Options{Kind: kind, Claims: synth.ClaimsForSize(kind, int64(mb)<<20), Seed: 1}); err != nil {
		b.Fatal(err)
	}
	benchOnce.Store(key, buf.Bytes())
	return buf.Bytes()
}

// BenchmarkValidate measures SNIP 1-2 validation (reader, envelope checker
// and walker over the real guides) of generated 837P, 835 and 278 files.
// The files are valid: every set must be accepted.
func BenchmarkValidate(b *testing.B) {
	for _, kind := range []synth.Kind{synth.Kind837P, synth.Kind835, synth.Kind278} {
		for _, mb := range benchSizes {
			b.Run(fmt.Sprintf("%s/%dMB", kind, mb), func(b *testing.B) {
				benchValidate(b, string(kind), benchFile(b, kind, mb))
			})
		}
	}
}

// benchValidate measures a Validator's Run over data, a generated file of
// the kind named, every set of which must be accepted.
func benchValidate(b *testing.B, kind string, data []byte) {
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
			b.Fatalf("generated %s does not validate: %d errors, first %v", kind, rep.ErrorCount, rep.Errors[:min(1, len(rep.Errors))])
		}
	}
}
