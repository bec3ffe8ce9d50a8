package spool

import (
	"bytes"
	"io"
	"os"
	"slices"
	"testing"
)

// TestBufferSpillsAndReadsBack: small contents stay in memory, large ones
// go to an unlinked file; both read back whole, any number of times, and
// nothing is left in the directory.
func TestBufferSpillsAndReadsBack(t *testing.T) {
	dir := t.TempDir()
	data := bytes.Repeat([]byte("STC*A2:20*20260306*WQ*100~\n"), 10_000) // 270 KB
	for _, n := range []int{0, 100, DefaultLimit, DefaultLimit + 1, len(data)} {
		b := &Buffer{Dir: dir}
		for chunk := range slices.Chunk(data[:n], 4096) {
			if _, err := b.Write(chunk); err != nil {
				t.Fatal(err)
			}
		}
		if b.OnDisk() != (n > DefaultLimit) || b.Len() != int64(n) {
			t.Errorf("%d bytes: on disk %v, len %d", n, b.OnDisk(), b.Len())
		}
		for range 2 {
			got, err := io.ReadAll(b.Reader())
			if err != nil || !bytes.Equal(got, data[:n]) {
				t.Fatalf("%d bytes: read back %d (%v)", n, len(got), err)
			}
		}
		if got, err := b.Bytes(); err != nil || !bytes.Equal(got, data[:n]) {
			t.Errorf("%d bytes: Bytes gave %d (%v)", n, len(got), err)
		}
		if files, _ := os.ReadDir(dir); len(files) != 0 {
			t.Errorf("%d bytes: %d files in the directory", n, len(files))
		}
		if err := b.Close(); err != nil || b.Len() != 0 {
			t.Errorf("close: %v, len %d", err, b.Len())
		}
	}
}
