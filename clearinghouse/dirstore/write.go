package dirstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/edigw/edigw/internal/ctxio"
)

// tempFile is a file being written in a staging directory. Its writer
// holds an exclusive flock on it until it is an object or removed, so a
// temp file nobody holds is a dead writer's and may go.
type tempFile struct {
	*os.File
}

// done releases the temp file: closed (dropping the lock) and, when it
// did not become an object, removed.
func (t *tempFile) done(keep bool) {
	if !keep {
		os.Remove(t.Name())
	}
	t.Close()
}

// writeTemp copies r into a new temp file in the staging directory of
// final's filesystem (so that rename and link stay on one filesystem),
// syncs it and returns it open and locked. On any error the temp file is
// removed.
func (s *Store) writeTemp(ctx context.Context, final string, r io.Reader) (_ *tempFile, err error) {
	dir := filepath.Dir(final)
	if err := s.ensureDir(dir); err != nil {
		return nil, err
	}
	staging, err := s.stagingFor(dir)
	if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(staging, tempPrefix+"*")
	if err != nil {
		return nil, err
	}
	t := &tempFile{f}
	defer func() {
		if err != nil {
			t.done(false)
		}
	}()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return nil, fmt.Errorf("lock temp file: %w", err)
	}
	if err := f.Chmod(0o640); err != nil {
		return nil, err
	}
	if _, err := io.Copy(f, ctxio.Reader(ctx, r)); err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	if err := f.Sync(); err != nil {
		return nil, err
	}
	return t, nil
}

// stagingFor returns the staging directory on dir's filesystem: the
// root's, or, when dir is on another filesystem (a prefix mounted from
// elsewhere), one at the top of that mount inside the root. A staging
// directory is cleaned of dead writers' temp files when first used.
func (s *Store) stagingFor(dir string) (string, error) {
	top := s.root
	if dev, err := device(dir); err != nil {
		return "", err
	} else if dev != s.dev {
		top = dir
		for top != s.root {
			parent := filepath.Dir(top)
			pdev, err := device(parent)
			if err != nil {
				return "", err
			}
			if pdev != dev || !strings.HasPrefix(parent, s.root) {
				break
			}
			top = parent
		}
	}
	staging := filepath.Join(top, stagingDir)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.staged[staging] {
		return staging, nil
	}
	if err := os.MkdirAll(staging, 0o750); err != nil {
		return "", err
	}
	if err := cleanStaging(staging); err != nil {
		return "", err
	}
	s.staged[staging] = true
	return staging, nil
}

func device(dir string) (uint64, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return 0, err
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, nil
	}
	return uint64(st.Dev), nil
}

// cleanStaging removes the temp files no live writer holds: those of a
// process that died mid-write.
func cleanStaging(staging string) error {
	entries, err := os.ReadDir(staging)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), tempPrefix) || !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(staging, e.Name())
		f, err := os.Open(p)
		if err != nil {
			continue // removed by its writer meanwhile
		}
		if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil {
			os.Remove(p)
		}
		f.Close()
	}
	return nil
}

// legacyTempAge is how old a temp file beside an object (written there
// by versions before the staging directory) must be before New removes
// it: such a writer that is still running finishes long before.
const legacyTempAge = time.Hour

// removeLegacyTemps removes stale temp files that older versions wrote
// beside their objects, where a partner could fetch them.
func (s *Store) removeLegacyTemps() error {
	cutoff := time.Now().Add(-legacyTempAge)
	return filepath.WalkDir(s.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if notFound(err) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			if d.Name() == stagingDir {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasPrefix(d.Name(), tempPrefix) || !d.Type().IsRegular() {
			return nil
		}
		if info, err := d.Info(); err == nil && info.ModTime().Before(cutoff) {
			if err := os.Remove(p); err != nil && !notFound(err) {
				return err
			}
		}
		return nil
	})
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
