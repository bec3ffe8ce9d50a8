package dirstore

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/edigw/edigw"
)

// Move renames the object at from to to, replacing any object there. Within
// one filesystem that is a single atomic rename; across filesystems (a
// prefix mounted elsewhere) it copies and then removes.
func (s *Store) Move(ctx context.Context, from, to string) error {
	if err := checkKey(from); err != nil {
		return err
	}
	if err := checkKey(to); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("dirstore: move %q to %q: %w", from, to, err)
	}
	src, dst := s.path(from), s.path(to)
	info, err := os.Lstat(src)
	if notFound(err) || (err == nil && !info.Mode().IsRegular()) {
		return fmt.Errorf("dirstore: move %q to %q: %w", from, to, edigw.ErrObjectNotFound)
	}
	if err != nil {
		return fmt.Errorf("dirstore: move %q to %q: %w", from, to, err)
	}
	if from == to {
		return nil
	}
	if err := s.ensureDir(filepath.Dir(dst)); err != nil {
		return fmt.Errorf("dirstore: move %q to %q: %w", from, to, err)
	}
	err = os.Rename(src, dst)
	if errors.Is(err, syscall.EXDEV) {
		err = s.copyThenRemove(ctx, src, dst)
	}
	if notFound(err) {
		return fmt.Errorf("dirstore: move %q to %q: %w", from, to, edigw.ErrObjectNotFound)
	}
	if err != nil {
		return fmt.Errorf("dirstore: move %q to %q: %w", from, to, err)
	}
	// The new name first: after a crash, a copy that exists counts as done.
	if err := syncDir(filepath.Dir(dst)); err != nil {
		return fmt.Errorf("dirstore: move %q to %q: %w", from, to, err)
	}
	if filepath.Dir(src) != filepath.Dir(dst) {
		if err := syncDir(filepath.Dir(src)); err != nil {
			return fmt.Errorf("dirstore: move %q to %q: %w", from, to, err)
		}
	}
	return nil
}

func (s *Store) copyThenRemove(ctx context.Context, src, dst string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	tmp, err := s.writeTemp(ctx, dst, f)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := syncDir(filepath.Dir(dst)); err != nil {
		return err
	}
	return os.Remove(src)
}
