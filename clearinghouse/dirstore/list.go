package dirstore

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/edigw/edigw"
)

// List returns the objects whose keys start with prefix, in key order. It
// walks only the directory the prefix names and the subdirectories that can
// hold matching keys. Temp files, symlinks and files whose names are not
// valid keys (a backslash, say) are left out: Get could not open them.
func (s *Store) List(ctx context.Context, prefix string) ([]edigw.Object, error) {
	if err := checkPrefix(prefix); err != nil {
		return nil, err
	}
	start := s.root
	if i := strings.LastIndex(prefix, "/"); i >= 0 {
		start = s.path(prefix[:i])
	}
	var objs []edigw.Object
	err := filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// Gone since the directory was read (a concurrent Move or
			// Delete), or the prefix names no directory: nothing to list.
			if notFound(err) {
				return nil
			}
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == start {
			return nil
		}
		rel, err := filepath.Rel(s.root, p)
		if err != nil {
			return err
		}
		key := filepath.ToSlash(rel)
		if d.IsDir() {
			if d.Name() == stagingDir {
				return filepath.SkipDir
			}
			if strings.HasPrefix(key+"/", prefix) || strings.HasPrefix(prefix, key+"/") {
				return nil
			}
			return filepath.SkipDir
		}
		if !d.Type().IsRegular() || !strings.HasPrefix(key, prefix) || checkKey(key) != nil {
			return nil
		}
		info, err := d.Info()
		if notFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		objs = append(objs, edigw.Object{Key: key, Size: info.Size(), Modified: info.ModTime()})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("dirstore: list %q: %w", prefix, err)
	}
	// The walk goes directory by directory, which is not key order: "a/1"
	// comes before "a-b" in the walk but after it in byte order.
	slices.SortFunc(objs, func(a, b edigw.Object) int { return strings.Compare(a.Key, b.Key) })
	return objs, nil
}
