package dirstore

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/internal/storetest"
)

func newStore(t testing.TB) *Store {
	t.Helper()
	s, err := New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) edigw.ObjectStore { return newStore(t) })
}

func TestInvalidKeys(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	for _, key := range []string{
		"", "/abs", "../up", "a/../../up", "a/..", "./a", "a/./b", "a//b", "a/", "dir\\file", "nul\x00",
		".tmp-123", "a/.tmp-x/b", ".edigw-staging", ".edigw-staging/x", "a/.edigw-staging/b",
	} {
		errs := map[string]error{
			"Get":         func() error { _, err := s.Get(ctx, key); return err }(),
			"Put":         s.Put(ctx, key, bytes.NewReader([]byte("x"))),
			"PutIfAbsent": s.PutIfAbsent(ctx, key, bytes.NewReader([]byte("x"))),
			"Delete":      s.Delete(ctx, key),
			"Move from":   s.Move(ctx, key, "ok"),
			"Move to":     s.Move(ctx, "ok", key),
		}
		for op, err := range errs {
			if !errors.Is(err, ErrInvalidKey) {
				t.Errorf("%s(%q) = %v, want ErrInvalidKey", op, key, err)
			}
		}
	}
	for _, prefix := range []string{"/abs", "../", "a/../", "a//", "dir\\x/"} {
		if _, err := s.List(ctx, prefix); !errors.Is(err, ErrInvalidKey) {
			t.Errorf("List(%q) = %v, want ErrInvalidKey", prefix, err)
		}
	}
	// Nothing escaped the root or landed in it (but the staging directory).
	if entries, err := os.ReadDir(s.Root()); err != nil || len(entries) != 1 || entries[0].Name() != stagingDir {
		t.Errorf("root holds %v (%v) after refused keys, want nothing", entries, err)
	}
}

// Keys that look odd but are plain file names are fine.
func TestUnusualValidKeys(t *testing.T) {
	s := newStore(t)
	for _, key := range []string{".hidden", "a..b", "...", "sp ace/ü.x12", "a/b/c/d/e/f"} {
		if err := s.Put(t.Context(), key, bytes.NewReader([]byte(key))); err != nil {
			t.Fatalf("Put(%q): %v", key, err)
		}
		if got := storetest.Get(t, s, key); string(got) != key {
			t.Errorf("Get(%q) = %q", key, got)
		}
	}
}

func TestTempFilesAreNotListed(t *testing.T) {
	s := newStore(t)
	if err := s.Put(t.Context(), "in/a", bytes.NewReader([]byte("a"))); err != nil {
		t.Fatal(err)
	}
	// What a writer that crashed before its rename leaves behind, at the
	// top and beside an object.
	for _, p := range []string{".tmp-123", "in/.tmp-456"} {
		if err := os.WriteFile(filepath.Join(s.Root(), p), []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, prefix := range []string{"", "in/", "in/.tmp"} {
		objs, err := s.List(t.Context(), prefix)
		if err != nil {
			t.Fatalf("List(%q): %v", prefix, err)
		}
		for _, o := range objs {
			if strings.Contains(o.Key, tempPrefix) {
				t.Errorf("List(%q) shows temp file %q", prefix, o.Key)
			}
		}
	}
	objs, _ := s.List(t.Context(), "")
	if len(objs) != 1 || objs[0].Key != "in/a" {
		t.Errorf("List = %v, want just in/a", objs)
	}
}

// A successful Put leaves no temp file behind, and a failed one removes its own.
func TestNoTempFilesLeft(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	if err := s.Put(ctx, "d/a", bytes.NewReader([]byte("a"))); err != nil {
		t.Fatal(err)
	}
	if err := s.PutIfAbsent(ctx, "d/b", bytes.NewReader([]byte("b"))); err != nil {
		t.Fatal(err)
	}
	if err := s.PutIfAbsent(ctx, "d/b", bytes.NewReader([]byte("b"))); !errors.Is(err, edigw.ErrObjectExists) {
		t.Fatalf("second PutIfAbsent = %v", err)
	}
	if err := s.Put(ctx, "d/c", iotestErrReader{}); err == nil {
		t.Fatal("Put with a failing reader succeeded")
	}
	entries, err := os.ReadDir(filepath.Join(s.Root(), "d"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != "a,b" {
		t.Errorf("directory holds %v, want just a and b", names)
	}
}

type iotestErrReader struct{}

func (iotestErrReader) Read([]byte) (int, error) { return 0, errors.New("broken") }

// A directory that holds objects is not itself an object.
func TestDirectoryIsNoObject(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	if err := s.Put(ctx, "a/1", bytes.NewReader([]byte("1"))); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "a"); !errors.Is(err, edigw.ErrObjectNotFound) {
		t.Errorf("Get of a directory = %v, want ErrObjectNotFound", err)
	}
	if err := s.Move(ctx, "a", "b"); !errors.Is(err, edigw.ErrObjectNotFound) {
		t.Errorf("Move of a directory = %v, want ErrObjectNotFound", err)
	}
	if err := s.Delete(ctx, "a"); err != nil {
		t.Errorf("Delete of a directory = %v, want nil (no object there)", err)
	}
	err := s.PutIfAbsent(ctx, "a", bytes.NewReader([]byte("x")))
	if err == nil || errors.Is(err, edigw.ErrObjectExists) {
		t.Errorf("PutIfAbsent on a directory = %v, want an error that is not ErrObjectExists", err)
	}
	if got := storetest.Get(t, s, "a/1"); string(got) != "1" {
		t.Errorf("a/1 = %q after operations on a", got)
	}
}

func TestFilePermissions(t *testing.T) {
	s := newStore(t)
	if err := s.Put(t.Context(), "d/f", bytes.NewReader([]byte("x"))); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(s.Root(), "d", "f"))
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm&0o007 != 0 {
		t.Errorf("object mode %v is open to others", perm)
	}
}

func TestNewRejectsFile(t *testing.T) {
	f := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(f, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(f); err == nil {
		t.Error("New on a file succeeded")
	}
	if _, err := New(""); err == nil {
		t.Error("New with an empty root succeeded")
	}
}

// The store sees objects written by another Store on the same root, as a
// second process would.
func TestTwoStoresOneRoot(t *testing.T) {
	a := newStore(t)
	b, err := New(a.Root())
	if err != nil {
		t.Fatal(err)
	}
	if err := a.PutIfAbsent(t.Context(), "lease", bytes.NewReader([]byte("a"))); err != nil {
		t.Fatal(err)
	}
	if err := b.PutIfAbsent(t.Context(), "lease", bytes.NewReader([]byte("b"))); !errors.Is(err, edigw.ErrObjectExists) {
		t.Errorf("second store's PutIfAbsent = %v, want ErrObjectExists", err)
	}
}

func BenchmarkPutGet1MB(b *testing.B) {
	storetest.BenchmarkPutGet(b, newStore(b), 1<<20)
}
