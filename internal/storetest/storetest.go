// Package storetest is the conformance suite every edigw.ObjectStore
// implementation runs: the behaviour the clearinghouse relies on (whole
// objects only, write-once keys, key-ordered listing, moves that leave no
// source behind) checked the same way against each store.
package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/edigw/edigw"
)

// Run runs the suite. newStore must return an empty store that no other
// test uses; it is called once per subtest.
func Run(t *testing.T, newStore func(t *testing.T) edigw.ObjectStore) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s edigw.ObjectStore)
	}{
		{"RoundTrip10MB", testRoundTripLarge},
		{"RoundTripSmallAndEmpty", testRoundTripSmall},
		{"Overwrite", testOverwrite},
		{"PutIfAbsentTwice", testPutIfAbsentTwice},
		{"PutIfAbsentRace", testPutIfAbsentRace},
		{"ListOrderAndPrefix", testList},
		{"Move", testMove},
		{"Delete", testDelete},
		{"GetMissing", testGetMissing},
		{"ReaderErrorLeavesNothing", testReaderError},
		{"CanceledContextLeavesNothing", testCanceled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, newStore(t)) })
	}
}

// Random returns n bytes of deterministic noise for seed: object contents
// that no encoding or truncation bug can reproduce by accident.
func Random(n int, seed byte) []byte {
	var s [32]byte
	s[0] = seed
	b := make([]byte, n)
	rand.NewChaCha8(s).Read(b)
	return b
}

// streamOnly hides every method of a reader but Read (bytes.Reader's Seek,
// Len, WriterTo), so a store sees a stream of unknown length.
type streamOnly struct{ r io.Reader }

func (s streamOnly) Read(p []byte) (int, error) { return s.r.Read(p) }

// Stream returns b as a reader of unknown length that cannot seek.
func Stream(b []byte) io.Reader { return streamOnly{bytes.NewReader(b)} }

// errReader is returned by a failingReader after its data.
var errReader = errors.New("storetest: reader failed on purpose")

// failingReader yields its data and then errReader instead of EOF.
type failingReader struct{ data io.Reader }

func (f failingReader) Read(p []byte) (int, error) {
	n, err := f.data.Read(p)
	if err == io.EOF {
		return n, errReader
	}
	return n, err
}

// Get returns the whole object at key, failing the test on any error.
func Get(t testing.TB, s edigw.ObjectStore, key string) []byte {
	t.Helper()
	rc, err := s.Get(context.Background(), key)
	if err != nil {
		t.Fatalf("Get(%q): %v", key, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("Get(%q): read: %v", key, err)
	}
	return b
}

func put(t *testing.T, s edigw.ObjectStore, key string, b []byte) {
	t.Helper()
	if err := s.Put(t.Context(), key, bytes.NewReader(b)); err != nil {
		t.Fatalf("Put(%q): %v", key, err)
	}
}

func wantContent(t *testing.T, s edigw.ObjectStore, key string, want []byte) {
	t.Helper()
	got := Get(t, s, key)
	if !bytes.Equal(got, want) {
		t.Fatalf("Get(%q) = %s, want %s", key, describe(got), describe(want))
	}
}

func wantNotFound(t *testing.T, s edigw.ObjectStore, key string) {
	t.Helper()
	rc, err := s.Get(t.Context(), key)
	if err == nil {
		rc.Close()
		t.Fatalf("Get(%q) found an object, want ErrObjectNotFound", key)
	}
	if !errors.Is(err, edigw.ErrObjectNotFound) {
		t.Fatalf("Get(%q) = %v, want ErrObjectNotFound", key, err)
	}
}

// wantKeys checks the listing of prefix, in order.
func wantKeys(t *testing.T, s edigw.ObjectStore, prefix string, want ...string) []edigw.Object {
	t.Helper()
	objs, err := s.List(t.Context(), prefix)
	if err != nil {
		t.Fatalf("List(%q): %v", prefix, err)
	}
	got := make([]string, len(objs))
	for i, o := range objs {
		got[i] = o.Key
	}
	if !slices.Equal(got, want) {
		t.Fatalf("List(%q) = %q, want %q", prefix, got, want)
	}
	return objs
}

// describe shortens contents for failure messages.
func describe(b []byte) string {
	if len(b) <= 32 {
		return fmt.Sprintf("%q", b)
	}
	return fmt.Sprintf("%d bytes starting %q", len(b), b[:16])
}
