package dirstore

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// ErrInvalidKey is returned (wrapped, with the key and the reason) for keys
// that cannot name a file under the root safely.
var ErrInvalidKey = errors.New("dirstore: invalid key")

// tempPrefix starts the name of every file the store writes before it
// becomes an object. Keys may not use it, so List can skip such files
// without hiding an object. (Older versions wrote them beside the
// object; New removes stale ones left there.)
const tempPrefix = ".tmp-"

// stagingDir is the hidden directory, at the root (or at the top of a
// prefix mounted from another filesystem), where temp files are written:
// never inside a partner's prefix, where a partner could fetch a partial
// file. No key may name it and List never enters it.
const stagingDir = ".edigw-staging"

// checkKey accepts slash-separated keys whose segments are plain names:
// no "..", ".", empty segments (which also rules out a leading or trailing
// slash), backslashes, NUL bytes or temp-file names. Anything else could
// escape the root or mean different files on different systems.
func checkKey(key string) error {
	if key == "" {
		return fmt.Errorf("%w: empty key", ErrInvalidKey)
	}
	if strings.ContainsAny(key, "\\\x00") {
		return fmt.Errorf("%w %q: backslash or NUL byte", ErrInvalidKey, key)
	}
	if strings.HasPrefix(key, "/") {
		return fmt.Errorf("%w %q: absolute path", ErrInvalidKey, key)
	}
	for seg := range strings.SplitSeq(key, "/") {
		if err := checkSegment(key, seg); err != nil {
			return err
		}
	}
	return nil
}

// checkPrefix accepts a List prefix: any leading part of a valid key. Its
// last segment may be partial or empty ("a/" lists under a/, "" lists all).
func checkPrefix(prefix string) error {
	if prefix == "" {
		return nil
	}
	if strings.ContainsAny(prefix, "\\\x00") {
		return fmt.Errorf("%w prefix %q: backslash or NUL byte", ErrInvalidKey, prefix)
	}
	if strings.HasPrefix(prefix, "/") {
		return fmt.Errorf("%w prefix %q: absolute path", ErrInvalidKey, prefix)
	}
	segs := strings.Split(prefix, "/")
	for _, seg := range segs[:len(segs)-1] {
		if err := checkSegment(prefix, seg); err != nil {
			return err
		}
	}
	return nil
}

func checkSegment(key, seg string) error {
	switch {
	case seg == "":
		return fmt.Errorf("%w %q: empty path segment", ErrInvalidKey, key)
	case seg == "." || seg == "..":
		return fmt.Errorf("%w %q: %q segment", ErrInvalidKey, key, seg)
	case strings.HasPrefix(seg, tempPrefix):
		return fmt.Errorf("%w %q: segment starts with %q, reserved for temp files", ErrInvalidKey, key, tempPrefix)
	case seg == stagingDir:
		return fmt.Errorf("%w %q: segment %q is reserved for temp files", ErrInvalidKey, key, stagingDir)
	}
	return nil
}

// path is the file that holds key; key must have passed checkKey.
func (s *Store) path(key string) string {
	return filepath.Join(s.root, filepath.FromSlash(key))
}
