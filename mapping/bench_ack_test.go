package mapping

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/fixtures/synth"
)

// BenchmarkRead837PAcknowledged is the inbound path's pass over a
// 10,000-claim 837P: mapped, checked and acknowledged (999 and 277CA) at
// once, as the clearinghouse reads it.
func BenchmarkRead837PAcknowledged(b *testing.B) {
	const claims = 10000
	data := generated(b, synth.Kind837P, claims)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		a := ack.NewAcknowledger(context.Background(), ack.Options{Numbers: &ack.Sequence{}}, func(string, string) (io.WriteCloser, error) {
			return discard{}, nil
		})
		res, err := Read(bytes.NewReader(data), "bench", Handlers{Acknowledger: a,
			Claim: func(*edigw.Claim) error { n++; return nil }})
		ar, aerr := a.Finish()
		if err != nil || aerr != nil || n != claims || !res.Report.OK() || ar.ClaimsAccepted != claims {
			b.Fatalf("%d records, %v, %v, %v", n, err, aerr, res.Report.Errors)
		}
	}
	b.ReportMetric(float64(claims)*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
}
