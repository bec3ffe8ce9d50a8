package dirstore

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/edigw/edigw"
)

// Move moves the object at from to to, never replacing an object there
// (edigw.ErrObjectExists, both left as they are). Within one filesystem
// the new name is a hard link, which fails atomically when the name is
// taken, and the old name is removed after; across filesystems (a prefix
// mounted elsewhere) the object is copied through a staging file and
// linked the same way. A crash in between leaves both names, which
// callers allow for. The moved object is made 0640 whatever its writer
// gave it: an archived partner file holds PHI.
func (s *Store) Move(ctx context.Context, from, to string) error {
	if err := checkKey(from); err != nil {
		return err
	}
	if err := checkKey(to); err != nil {
		return err
	}
	fail := func(err error) error { return fmt.Errorf("dirstore: move %q to %q: %w", from, to, err) }
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	src, dst := s.path(from), s.path(to)
	info, err := os.Lstat(src)
	if notFound(err) || (err == nil && !info.Mode().IsRegular()) {
		return fail(edigw.ErrObjectNotFound)
	}
	if err != nil {
		return fail(err)
	}
	if from == to {
		return nil
	}
	if err := s.ensureDir(filepath.Dir(dst)); err != nil {
		return fail(err)
	}
	err = os.Link(src, dst)
	if errors.Is(err, syscall.EXDEV) {
		err = s.copyLink(ctx, src, dst)
	}
	switch {
	case errors.Is(err, fs.ErrExist):
		return fail(edigw.ErrObjectExists)
	case notFound(err):
		return fail(edigw.ErrObjectNotFound)
	case err != nil:
		return fail(err)
	}
	if err := os.Chmod(dst, 0o640); err != nil {
		return fail(err)
	}
	// The new name first: after a crash, a copy that exists counts as done.
	if err := syncDir(filepath.Dir(dst)); err != nil {
		return fail(err)
	}
	if err := os.Remove(src); err != nil && !notFound(err) {
		return fail(err)
	}
	if err := syncDir(filepath.Dir(src)); err != nil {
		return fail(err)
	}
	return nil
}

// copyLink copies src into a staging file on dst's filesystem and links
// it at dst (fs.ErrExist when taken).
func (s *Store) copyLink(ctx context.Context, src, dst string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	tmp, err := s.writeTemp(ctx, dst, f)
	if err != nil {
		return err
	}
	defer tmp.done(false)
	return os.Link(tmp.Name(), dst)
}
