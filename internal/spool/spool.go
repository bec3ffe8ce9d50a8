// Package spool holds bytes that must wait (acknowledgments until their
// interchange's outcome is known, an upload of unknown length until it can
// be sent with its size) in memory while they are small and in a
// temporary file past a limit, so that what waits does not add up in
// memory. The file is unlinked as soon as it is made: a crash leaves
// nothing behind.
package spool

import (
	"bytes"
	"io"
	"os"
)

// DefaultLimit is what a Buffer holds in memory when Limit is zero.
const DefaultLimit = 64 << 10

// Buffer is written once, then read any number of times from its first
// byte. The zero Buffer is ready to use; Close releases its file.
type Buffer struct {
	Limit int    // bytes held in memory before going to disk (DefaultLimit when 0)
	Dir   string // where the file goes (os.TempDir when empty)

	mem  []byte
	file *os.File
	size int64
	err  error
}

// Write appends p, moving everything to a temporary file once the limit
// is passed. An error is sticky.
func (b *Buffer) Write(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	limit := b.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	if b.file == nil && len(b.mem)+len(p) > limit {
		f, err := os.CreateTemp(b.Dir, "edigw-spool-*")
		if err != nil {
			b.err = err
			return 0, err
		}
		os.Remove(f.Name()) // the open file stays usable
		b.file = f
		if _, err := f.Write(b.mem); err != nil {
			b.err = err
			return 0, err
		}
		b.mem = nil
	}
	if b.file == nil {
		b.mem = append(b.mem, p...)
	} else if _, err := b.file.Write(p); err != nil {
		b.err = err
		return 0, err
	}
	b.size += int64(len(p))
	return len(p), nil
}

// Len is the number of bytes written.
func (b *Buffer) Len() int64 { return b.size }

// OnDisk reports whether the bytes went to a temporary file.
func (b *Buffer) OnDisk() bool { return b.file != nil }

// Err is the first write error.
func (b *Buffer) Err() error { return b.err }

// Reader reads the bytes from the first, independently of other readers
// (each attempt of a retried upload takes a new one).
func (b *Buffer) Reader() *io.SectionReader {
	if b.file == nil {
		return io.NewSectionReader(bytes.NewReader(b.mem), 0, b.size)
	}
	return io.NewSectionReader(b.file, 0, b.size)
}

// Bytes returns the bytes in memory, reading them back from disk if need be.
func (b *Buffer) Bytes() ([]byte, error) {
	if b.file == nil {
		return b.mem, b.err
	}
	out := make([]byte, b.size)
	_, err := io.ReadFull(b.Reader(), out)
	return out, err
}

// Close releases the file; the Buffer is empty afterwards.
func (b *Buffer) Close() error {
	var err error
	if b.file != nil {
		err = b.file.Close()
	}
	b.mem, b.file, b.size, b.err = nil, nil, 0, nil
	return err
}
