package ack

import (
	"bytes"
	"io"
	"os"
)

// spoolAbove is the size past which built acknowledgments wait on disk:
// a 5,000-claim set's 277CA is about 660 KB, and an 837 group of a
// million claims would otherwise hold 130 MB of them until its IEA.
const spoolAbove = 64 << 10

// spooled is built acknowledgment bytes waiting to be enveloped or
// written: in memory when small, else in a temporary file.
type spooled struct {
	mem  []byte
	file *os.File
}

// spool keeps b (which it may take over) in memory or on disk.
func spool(b []byte) (spooled, error) {
	if len(b) <= spoolAbove {
		return spooled{mem: b}, nil
	}
	f, err := os.CreateTemp("", "edigw-ack-*")
	if err != nil {
		return spooled{}, err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(f.Name())
		return spooled{}, err
	}
	return spooled{file: f}, nil
}

// writeTo copies the bytes to w.
func (s spooled) writeTo(w io.Writer) error {
	if s.file == nil {
		_, err := w.Write(s.mem)
		return err
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, s.file)
	return err
}

// bytes reads the bytes back into memory.
func (s spooled) bytes() ([]byte, error) {
	if s.file == nil {
		return s.mem, nil
	}
	var b bytes.Buffer
	err := s.writeTo(&b)
	return b.Bytes(), err
}

// release removes the temporary file, if any.
func (s spooled) release() {
	if s.file != nil {
		s.file.Close()
		os.Remove(s.file.Name())
	}
}
