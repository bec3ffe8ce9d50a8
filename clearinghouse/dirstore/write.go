package dirstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/edigw/edigw/internal/ctxio"
)

// writeTemp copies r into a new temp file next to final, syncs and closes
// it, and returns its path. On any error the temp file is removed. The temp
// file is in final's directory so that rename and link stay on one
// filesystem.
func (s *Store) writeTemp(ctx context.Context, final string, r io.Reader) (path string, err error) {
	dir := filepath.Dir(final)
	if err := s.ensureDir(dir); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := f.Chmod(0o640); err != nil {
		return "", err
	}
	if _, err := io.Copy(f, ctxio.Reader(ctx, r)); err != nil {
		return "", fmt.Errorf("write: %w", err)
	}
	if err := f.Sync(); err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// ensureDir creates dir (under the root) when missing, and syncs the
// directories above it so that the new entries survive a crash.
func (s *Store) ensureDir(dir string) error {
	if info, err := os.Stat(dir); err == nil && info.IsDir() {
		return nil
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return err
	}
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		if err := syncDir(d); err != nil {
			return err
		}
		if d == s.root || !strings.HasPrefix(d, s.root) {
			return nil
		}
	}
}

// syncDir makes the entries of dir (a rename, link, removal) durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	// Some filesystems cannot sync a directory; there is nothing more to do there.
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return fmt.Errorf("sync directory: %w", err)
	}
	return nil
}
