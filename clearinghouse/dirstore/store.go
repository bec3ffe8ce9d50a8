// Package dirstore is an edigw.ObjectStore on a local directory: each key
// is a file under the root. It is the default store for `make run` and for
// a single machine; several processes may share one root.
//
// Writes never expose partial files: an object is written to a temp file
// in a hidden staging directory at the root (".edigw-staging", never
// listed, never inside a partner's prefix), synced, and then renamed (Put)
// or hard-linked (PutIfAbsent, Move) into place, and the directory is
// synced after. A writer holds a lock on its temp file, so the temp files
// of a process that died mid-write are recognized and removed. Files are
// created 0640 and directories 0750, because objects hold PHI.
package dirstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"

	"github.com/edigw/edigw"
)

// Store is a directory of objects. It is safe for concurrent use, also by
// several processes on the same root.
type Store struct {
	root string
	dev  uint64 // the root's filesystem

	mu     sync.Mutex
	staged map[string]bool // staging directories made and cleaned
}

var _ edigw.ObjectStore = (*Store)(nil)

// New opens the store at root, creating the directory when missing.
func New(root string) (*Store, error) {
	if root == "" {
		return nil, errors.New("dirstore: empty root directory")
	}
	if err := os.MkdirAll(root, 0o750); err != nil {
		return nil, fmt.Errorf("dirstore: create root: %w", err)
	}
	// Resolve symlinks once: the directory walk in List does not follow them.
	abs, err := filepath.Abs(root)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		return nil, fmt.Errorf("dirstore: resolve root %s: %w", root, err)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("dirstore: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("dirstore: root %s is not a directory", abs)
	}
	dev, err := device(abs)
	if err != nil {
		return nil, fmt.Errorf("dirstore: %w", err)
	}
	s := &Store{root: abs, dev: dev, staged: map[string]bool{}}
	if _, err := s.stagingFor(abs); err != nil {
		return nil, fmt.Errorf("dirstore: staging directory: %w", err)
	}
	if err := s.removeLegacyTemps(); err != nil {
		return nil, fmt.Errorf("dirstore: remove stale temp files: %w", err)
	}
	return s, nil
}

// Root is the absolute directory the store keeps its objects in.
func (s *Store) Root() string { return s.root }

// Get opens the object at key.
func (s *Store) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	if err := checkKey(key); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("dirstore: get %q: %w", key, err)
	}
	f, err := os.Open(s.path(key))
	if notFound(err) {
		return nil, fmt.Errorf("dirstore: get %q: %w", key, edigw.ErrObjectNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("dirstore: get %q: %w", key, err)
	}
	// A directory ("a" when "a/1" exists) is not an object.
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("dirstore: get %q: %w", key, err)
		}
		return nil, fmt.Errorf("dirstore: get %q: %w", key, edigw.ErrObjectNotFound)
	}
	return f, nil
}

// Put writes the object at key, replacing any object there. On a read
// error from r nothing changes at key.
func (s *Store) Put(ctx context.Context, key string, r io.Reader) error {
	if err := checkKey(key); err != nil {
		return err
	}
	final := s.path(key)
	tmp, err := s.writeTemp(ctx, final, r)
	if err != nil {
		return fmt.Errorf("dirstore: put %q: %w", key, err)
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		tmp.done(false)
		return fmt.Errorf("dirstore: put %q: %w", key, err)
	}
	tmp.done(true)
	if err := syncDir(filepath.Dir(final)); err != nil {
		return fmt.Errorf("dirstore: put %q: %w", key, err)
	}
	return nil
}

// PutIfAbsent writes the object at key unless one is there. The hard link
// from the temp file to the final name is atomic and fails with EEXIST when
// the name is taken, so exactly one of several processes wins.
func (s *Store) PutIfAbsent(ctx context.Context, key string, r io.Reader) error {
	if err := checkKey(key); err != nil {
		return err
	}
	final := s.path(key)
	tmp, err := s.writeTemp(ctx, final, r)
	if err != nil {
		return fmt.Errorf("dirstore: put-if-absent %q: %w", key, err)
	}
	defer tmp.done(false)
	if err := os.Link(tmp.Name(), final); err != nil {
		if errors.Is(err, fs.ErrExist) {
			if info, statErr := os.Lstat(final); statErr == nil && info.IsDir() {
				return fmt.Errorf("dirstore: put-if-absent %q: a directory of that name holds other objects", key)
			}
			return fmt.Errorf("dirstore: put-if-absent %q: %w", key, edigw.ErrObjectExists)
		}
		return fmt.Errorf("dirstore: put-if-absent %q: %w", key, err)
	}
	if err := syncDir(filepath.Dir(final)); err != nil {
		return fmt.Errorf("dirstore: put-if-absent %q: %w", key, err)
	}
	return nil
}

// Delete removes the object at key; an absent object is not an error.
// Directories left empty stay: removing them would race with a Put that
// has just created one.
func (s *Store) Delete(ctx context.Context, key string) error {
	if err := checkKey(key); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("dirstore: delete %q: %w", key, err)
	}
	p := s.path(key)
	// os.Remove would also remove an empty directory, which is no object.
	info, err := os.Lstat(p)
	if notFound(err) || (err == nil && info.IsDir()) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("dirstore: delete %q: %w", key, err)
	}
	if err := os.Remove(p); err != nil && !notFound(err) {
		return fmt.Errorf("dirstore: delete %q: %w", key, err)
	}
	if err := syncDir(filepath.Dir(p)); err != nil {
		return fmt.Errorf("dirstore: delete %q: %w", key, err)
	}
	return nil
}

// notFound tells whether err means there is no file at a path, also when a
// parent of the path is a file ("a/1/x" when "a/1" is an object).
func notFound(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}
