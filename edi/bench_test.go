package edi_test

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"testing"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/fixtures/synth"
	moovfile "github.com/moov-io/x12/pkg/file"
	moov837p "github.com/moov-io/x12/rule_5010_837p" // this directory holds the 837P (X222A1) rules under the package name rule_5010_837d
)

// Benchmark inputs are generated once per run: 837P and 835 files of 1, 10
// and 100 MB, one segment after another without line breaks (moov-io/x12
// needs that). The 837P omits REF*6R (line item control numbers) and the
// billing provider's PRV, which moov-io/x12's 837P rules do not accept;
// every parser reads the same bytes.
var (
	benchSizes = []int{1, 10, 100}
	benchMu    sync.Mutex
	benchFiles = map[string][]byte{}
)

func benchInput(b *testing.B, kind synth.Kind, mb int) []byte {
	benchMu.Lock()
	defer benchMu.Unlock()
	key := fmt.Sprintf("%s/%d", kind, mb)
	if data, ok := benchFiles[key]; ok {
		return data
	}
	var buf bytes.Buffer
	size := int64(mb) << 20
	// 200 claims per transaction set: moov-io/x12 allows at most 200
	// subscriber loops under a billing provider.
	if _, err := synth.Write(&buf, synth.Options{Kind: kind, Claims: synth.ClaimsForSize(kind, size), PerSet: 200, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	if kind == synth.Kind837P {
		data = dropSegments(dropSegments(data, []byte("REF*6R*")), []byte("PRV*"))
	}
	benchFiles[key] = data
	return data
}

// dropSegments removes every segment starting with prefix (segments end with ~).
func dropSegments(data, prefix []byte) []byte {
	out := make([]byte, 0, len(data))
	for len(data) > 0 {
		i := bytes.IndexByte(data, '~')
		if i < 0 {
			i = len(data) - 1
		}
		if !bytes.HasPrefix(data, prefix) {
			out = append(out, data[:i+1]...)
		}
		data = data[i+1:]
	}
	return out
}

// BenchmarkReader measures edi.Reader: every segment, its elements split and
// its position (offset, line, set position, control numbers) tracked.
func BenchmarkReader(b *testing.B) {
	for _, kind := range []synth.Kind{synth.Kind837P, synth.Kind835} {
		for _, mb := range benchSizes {
			b.Run(fmt.Sprintf("%s/%dMB", kind, mb), func(b *testing.B) {
				data := benchInput(b, kind, mb)
				rd := edi.NewReader(nil)
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					rd.Reset(bytes.NewReader(data))
					n, elems := 0, 0
					for {
						s, err := rd.Next()
						if err == io.EOF {
							break
						}
						if err != nil {
							b.Fatal(err)
						}
						n++
						elems += s.Len()
					}
					if n == 0 || elems == 0 {
						b.Fatal("nothing read")
					}
				}
			})
		}
	}
}

// BenchmarkCheck measures the Reader plus the envelope checker (SNIP 1).
func BenchmarkCheck(b *testing.B) {
	for _, kind := range []synth.Kind{synth.Kind837P, synth.Kind835} {
		mb := 100
		b.Run(fmt.Sprintf("%s/%dMB", kind, mb), func(b *testing.B) {
			data := benchInput(b, kind, mb)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				res, err := edi.Check(bytes.NewReader(data), "bench", 10)
				if err != nil {
					b.Fatal(err)
				}
				if kind == synth.Kind835 && !res.OK() {
					b.Fatal(res.Errors) // the 837P lost its REF*6R, so its SE01 counts are off on purpose
				}
			}
		})
	}
}

// BenchmarkFloor is the bytes.IndexByte tokenizer floor: find each segment
// terminator and each element separator in an in-memory slice, nothing else.
// No X12 reader can beat it; the Reader's target is 40% of its MB/s.
func BenchmarkFloor(b *testing.B) {
	for _, kind := range []synth.Kind{synth.Kind837P, synth.Kind835} {
		for _, mb := range benchSizes {
			b.Run(fmt.Sprintf("%s/%dMB", kind, mb), func(b *testing.B) {
				data := benchInput(b, kind, mb)
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					segs, elems := 0, 0
					rest := data
					for len(rest) > 0 {
						i := bytes.IndexByte(rest, '~')
						if i < 0 {
							break
						}
						seg := rest[:i]
						for {
							j := bytes.IndexByte(seg, '*')
							if j < 0 {
								break
							}
							elems++
							seg = seg[j+1:]
						}
						segs++
						rest = rest[i+1:]
					}
					if segs == 0 || elems == 0 {
						b.Fatal("nothing read")
					}
				}
			})
		}
	}
}

// BenchmarkMoovX12 parses the same 837P with github.com/moov-io/x12 v0.1.0,
// which needs the whole file as one string (converted before timing).
func BenchmarkMoovX12(b *testing.B) {
	for _, mb := range benchSizes {
		b.Run(fmt.Sprintf("837p/%dMB", mb), func(b *testing.B) {
			data := string(benchInput(b, synth.Kind837P, mb))
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				ic := moovfile.NewInterchange(&moov837p.InterchangeRule)
				n, err := ic.Parse(data, ":")
				if err != nil || n != len(data) {
					b.Fatalf("moov-io/x12 read %d of %d bytes: %v", n, len(data), err)
				}
			}
		})
	}
}
