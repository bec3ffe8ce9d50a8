package console

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/edigw/edigw/fixtures/synth"
)

// BenchmarkInspect times the inspector's reading of a generated 837P of
// 2,000 claims (860 KB), without the payer's authorization lookup.
func BenchmarkInspect(b *testing.B) {
	var file bytes.Buffer
	if _, err := synth.Write(&file, synth.Options{Kind: synth.Kind837P, Claims: 2000, Seed: 1, Newline: true}); err != nil {
		b.Fatal(err)
	}
	open := func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(file.Bytes())), nil }
	for b.Loop() {
		if _, err := inspect(context.Background(), open, "f.edi", 1, true, nil); err != nil {
			b.Fatal(err)
		}
	}
}
