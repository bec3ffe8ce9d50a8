package mapping

import (
	"bytes"
	"io"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/fixtures/synth"
)

func generated(b *testing.B, k synth.Kind, claims int) []byte {
	b.Helper()
	var buf bytes.Buffer
	if _, err := synth.Write(&buf, synth.Options{Kind: k, Claims: claims, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkRead837P maps a generated 10,000-claim 837P to claims, with the
// guide and the business rules: bytes/s and claims/s.
func BenchmarkRead837P(b *testing.B) { benchRead(b, synth.Kind837P, 10000) }

// BenchmarkRead835 maps a generated 835 with 10,000 claim payments.
func BenchmarkRead835(b *testing.B) { benchRead(b, synth.Kind835, 10000) }

func benchRead(b *testing.B, k synth.Kind, claims int) {
	data := generated(b, k, claims)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		res, err := Read(bytes.NewReader(data), "bench", Handlers{
			Claim:      func(*edigw.Claim) error { n++; return nil },
			Remittance: func(r *edigw.Remittance) error { n += len(r.Claims); return nil },
		})
		if err != nil || n != claims || !res.Report.OK() {
			b.Fatalf("%d records, %v, %v", n, err, res.Report.Errors)
		}
	}
	b.ReportMetric(float64(claims)*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
}

// BenchmarkWrite837P writes 10,000 claims back to an 837P.
func BenchmarkWrite837P(b *testing.B) {
	var claims []*edigw.Claim
	if _, err := ReadClaims(bytes.NewReader(generated(b, synth.Kind837P, 10000)), "bench", func(c *edigw.Claim) error {
		claims = append(claims, c)
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	var size countWriter
	if err := Write837(&size, testEnvelope(), claims); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if err := Write837(io.Discard, testEnvelope(), claims); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(claims))*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
