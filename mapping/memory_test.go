package mapping

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/fixtures/synth"
)

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
func (discard) Close() error                { return nil }

// TestMemoryFlatInTheClaimsOfASet (issue 11, finding 8): when the first
// claim of a one-set 837P comes out (the set has ended), what Read and the
// Acknowledger hold does not grow with the set's claims. Both kept every
// claim of the set until its end (mapping the records and where their
// parts are, the acknowledger the 277CA's data): 10,000 claims kept 36 MB
// alive, 50,000 kept 158 MB; now the claims of a set's first 3 MB wait in
// memory and the rest on disk, and both sizes keep 26 MB. The bound is
// generous so that the test states the shape, flat against linear, not a
// figure.
func TestMemoryFlatInTheClaimsOfASet(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 60,000 claims")
	}
	live := map[int]uint64{}
	for _, n := range []int{10_000, 50_000} {
		path := filepath.Join(t.TempDir(), "one-set.edi")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := synth.Write(f, synth.Options{Kind: synth.Kind837P, Claims: n, PerSet: n, Seed: 4}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			t.Fatal(err)
		}
		a := ack.NewAcknowledger(context.Background(), ack.Options{Numbers: &ack.Sequence{}}, func(string, string) (io.WriteCloser, error) {
			return discard{}, nil
		})
		claims := 0
		res, err := Read(f, "one-set.edi", Handlers{Acknowledger: a, Claim: func(*edigw.Claim) error {
			if claims == 0 {
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				live[n] = ms.HeapAlloc
			}
			claims++
			return nil
		}})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		ar, err := a.Finish()
		if err != nil || res.Claims != n || claims != n || ar.ClaimsAccepted != n {
			t.Fatalf("%d claims: read %d, handed %d, 277CA accepted %d, %v", n, res.Claims, claims, ar.ClaimsAccepted, err)
		}
	}
	t.Logf("live heap: %v", live)
	if grew := int64(live[50_000]) - int64(live[10_000]); grew > 16<<20 {
		t.Errorf("at the set's end, 50,000 claims keep %d MB more alive than 10,000 (%d against %d MB)",
			grew>>20, live[50_000]>>20, live[10_000]>>20)
	}
}
