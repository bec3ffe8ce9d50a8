package edi_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/internal/corpus"
)

// seedCorpus adds every shared corpus file (when present) and a few
// hand-made edge cases to a fuzz target.
func seedCorpus(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte("\xEF\xBB\xBF  \n" + minimal))
	f.Add([]byte("prose ISA/IEA\n" + minimal))
	f.Add([]byte(isaStd[:50]))
	f.Add([]byte(""))
	if dir, entries := manifestIfPresent(f); dir != "" {
		for _, e := range entries {
			if b, err := os.ReadFile(filepath.Join(dir, e.File)); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
}

// manifestIfPresent is corpus.Manifest without skipping: fuzz targets still
// run on their own seeds when the corpus is absent.
func manifestIfPresent(f *testing.F) (string, []corpus.Entry) {
	if _, err := os.Stat(filepath.Join("..", "..", "shared", "corpus", "MANIFEST.tsv")); err != nil && os.Getenv("CI") != "true" {
		return "", nil
	}
	return corpus.Manifest(f)
}

// FuzzReader: any input is read to the end without panicking, errors carry
// positions within the input, and segments lie inside it.
func FuzzReader(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		rd := edi.NewReader(bytes.NewReader(data))
		rd.MaxSegmentSize = 4096
		ck := &edi.EnvelopeChecker{}
		for n := 0; ; n++ {
			if n > len(data)+10 {
				t.Fatalf("more results than bytes: the reader does not advance")
			}
			s, err := rd.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				if e, ok := err.(*edi.Error); ok && (e.Pos.Offset < 0 || e.Pos.Offset > int64(len(data))) {
					t.Fatalf("error offset %d outside input of %d bytes", e.Pos.Offset, len(data))
				}
				if edi.IsFatal(err) {
					break
				}
				continue
			}
			if s.Pos.Offset < 0 || s.Pos.Offset+int64(len(s.Raw())) > int64(len(data)) {
				t.Fatalf("segment at %d+%d outside input of %d bytes", s.Pos.Offset, len(s.Raw()), len(data))
			}
			if !bytes.Contains(data, s.Raw()) {
				t.Fatalf("segment %q is not in the input", s.Raw())
			}
			ck.Segment(s)
			for i := 0; i <= s.Len()+1; i++ {
				_ = s.Element(i)
				_ = s.Component(i, 2)
				_ = s.Repetitions(i)
			}
		}
		ck.End(edi.Position{})
	})
}

// FuzzWriterRoundTrip: whatever the Reader yields can be written with its own
// delimiters and read back as the same segments.
func FuzzWriterRoundTrip(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		segs, _ := readAll(t, bytes.NewReader(data))
		var buf bytes.Buffer
		var w *edi.Writer
		var kept []*edi.Segment
		for _, s := range segs {
			if s.ID() == "ISA" && s.Len() != 16 {
				continue // a broken ISA the Reader read as a plain segment; the checker reports it
			}
			if s.ID() == "ISA" {
				if w != nil {
					if err := w.Flush(); err != nil {
						t.Fatal(err)
					}
				}
				w = edi.NewWriter(&buf, s.Delimiters())
				if err := w.WriteSegment(s); err != nil {
					w = nil // an ISA holding its own delimiters as data: nothing after it can be read back
					continue
				}
				kept = append(kept, s)
				continue
			}
			if w == nil || len(s.Raw()) == 0 || !edi.ValidSegmentID(s.ID()) {
				continue // the Writer refuses what X12 cannot hold; the Reader reports it
			}
			if err := w.WriteSegment(s); err != nil {
				continue
			}
			kept = append(kept, s)
		}
		if w != nil {
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
		}
		back, _ := readAll(t, &buf)
		if len(back) != len(kept) {
			t.Fatalf("wrote %d segments, read %d back\n%q", len(kept), len(back), buf.Bytes())
		}
		for i := range kept {
			if !bytes.Equal(back[i].Raw(), kept[i].Raw()) {
				t.Fatalf("segment %d: wrote %q, read %q", i, kept[i].Raw(), back[i].Raw())
			}
		}
	})
}
