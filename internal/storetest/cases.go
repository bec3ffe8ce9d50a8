package storetest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"sync"
	"testing"

	"github.com/edigw/edigw"
)

func testRoundTripLarge(t *testing.T, s edigw.ObjectStore) {
	const key = "cigna-62308/inbound/large.x12"
	want := Random(10<<20, 1)
	// A stream of unknown length, as an upload or a generated file is.
	if err := s.Put(t.Context(), key, Stream(want)); err != nil {
		t.Fatalf("Put: %v", err)
	}
	wantContent(t, s, key, want)
	objs := wantKeys(t, s, "cigna-62308/", key)
	if objs[0].Size != int64(len(want)) {
		t.Errorf("List size = %d, want %d", objs[0].Size, len(want))
	}
	if objs[0].Modified.IsZero() {
		t.Errorf("List modified time is zero")
	}
}

func testRoundTripSmall(t *testing.T, s edigw.ObjectStore) {
	small := []byte("ISA*00*          *00*~\n\x00\xff")
	put(t, s, "small", small)
	wantContent(t, s, "small", small)
	if err := s.Put(t.Context(), "empty", Stream(nil)); err != nil {
		t.Fatalf("Put of an empty object: %v", err)
	}
	if got := Get(t, s, "empty"); len(got) != 0 {
		t.Fatalf("empty object reads back %s", describe(got))
	}
	objs := wantKeys(t, s, "", "empty", "small")
	if objs[0].Size != 0 || objs[1].Size != int64(len(small)) {
		t.Errorf("List sizes = %d, %d; want 0, %d", objs[0].Size, objs[1].Size, len(small))
	}
}

func testOverwrite(t *testing.T, s edigw.ObjectStore) {
	put(t, s, "x", Random(3000, 2))
	second := Random(1000, 3)
	put(t, s, "x", second)
	wantContent(t, s, "x", second)
	if objs := wantKeys(t, s, "", "x"); objs[0].Size != int64(len(second)) {
		t.Errorf("List size after overwrite = %d, want %d", objs[0].Size, len(second))
	}
}

func testPutIfAbsentTwice(t *testing.T, s edigw.ObjectStore) {
	const key = "leases/file-1"
	if err := s.PutIfAbsent(t.Context(), key, bytes.NewReader([]byte("first"))); err != nil {
		t.Fatalf("first PutIfAbsent: %v", err)
	}
	err := s.PutIfAbsent(t.Context(), key, bytes.NewReader([]byte("second")))
	if !errors.Is(err, edigw.ErrObjectExists) {
		t.Fatalf("second PutIfAbsent = %v, want ErrObjectExists", err)
	}
	wantContent(t, s, key, []byte("first"))
	// Once the key is free again, PutIfAbsent takes it.
	if err := s.Delete(t.Context(), key); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if err := s.PutIfAbsent(t.Context(), key, Stream([]byte("third"))); err != nil {
		t.Fatalf("PutIfAbsent after Delete: %v", err)
	}
	wantContent(t, s, key, []byte("third"))
}

// The bodies are 3 MB: large enough that a server may answer (and refuse)
// a racer before it has read all of its body.
func testPutIfAbsentRace(t *testing.T, s edigw.ObjectStore) {
	const key, racers = "leases/contended", 8
	body := func(i int) []byte { return Random(3<<20, byte(100+i)) }
	errs := make([]error, racers)
	var start, done sync.WaitGroup
	start.Add(1)
	for i := range racers {
		done.Go(func() {
			start.Wait()
			errs[i] = s.PutIfAbsent(t.Context(), key, bytes.NewReader(body(i)))
		})
	}
	start.Done()
	done.Wait()
	winner := -1
	for i, err := range errs {
		switch {
		case err == nil && winner >= 0:
			t.Fatalf("racers %d and %d both won PutIfAbsent", winner, i)
		case err == nil:
			winner = i
		case !errors.Is(err, edigw.ErrObjectExists):
			t.Errorf("racer %d: %v, want nil or ErrObjectExists", i, err)
		}
	}
	if winner < 0 {
		t.Fatalf("no racer won PutIfAbsent: %v", errs)
	}
	wantContent(t, s, key, body(winner))
	wantKeys(t, s, "", key)
}

func testList(t *testing.T, s edigw.ObjectStore) {
	// Written out of order. "a-1" sorts before "a/1" ('-' < '/'), which a
	// directory-by-directory walk gets wrong.
	for _, key := range []string{"b/1", "ab/3", "a/2", "a-1", "a/1"} {
		put(t, s, key, []byte(key))
	}
	objs := wantKeys(t, s, "", "a-1", "a/1", "a/2", "ab/3", "b/1")
	for _, o := range objs {
		if o.Size != int64(len(o.Key)) {
			t.Errorf("List: %s has size %d, want %d", o.Key, o.Size, len(o.Key))
		}
	}
	wantKeys(t, s, "a/", "a/1", "a/2")
	wantKeys(t, s, "a", "a-1", "a/1", "a/2", "ab/3")
	wantKeys(t, s, "a/1", "a/1")
	wantKeys(t, s, "b/", "b/1")
	wantKeys(t, s, "c")
	wantKeys(t, s, "a/1/")
	wantKeys(t, s, "nothing/here/")
}

func testMove(t *testing.T, s edigw.ObjectStore) {
	body := Random(5000, 4)
	put(t, s, "inbound/f.x12", body)
	if err := s.Move(t.Context(), "inbound/f.x12", "archive/2024/f.x12"); err != nil {
		t.Fatalf("Move: %v", err)
	}
	wantNotFound(t, s, "inbound/f.x12")
	wantContent(t, s, "archive/2024/f.x12", body)
	wantKeys(t, s, "inbound/")

	// Moving onto an existing object never replaces it: both stay.
	put(t, s, "inbound/g.x12", []byte("newer"))
	if err := s.Move(t.Context(), "inbound/g.x12", "archive/2024/f.x12"); !errors.Is(err, edigw.ErrObjectExists) {
		t.Fatalf("Move onto an existing key = %v, want ErrObjectExists", err)
	}
	wantContent(t, s, "archive/2024/f.x12", body)
	wantContent(t, s, "inbound/g.x12", []byte("newer"))
	wantKeys(t, s, "", "archive/2024/f.x12", "inbound/g.x12")

	err := s.Move(t.Context(), "inbound/absent.x12", "archive/absent.x12")
	if !errors.Is(err, edigw.ErrObjectNotFound) {
		t.Fatalf("Move of an absent key = %v, want ErrObjectNotFound", err)
	}
	wantNotFound(t, s, "archive/absent.x12")
}

func testDelete(t *testing.T, s edigw.ObjectStore) {
	put(t, s, "outbound/999.x12", []byte("ack"))
	put(t, s, "outbound/keep.x12", []byte("keep"))
	for range 2 {
		if err := s.Delete(t.Context(), "outbound/999.x12"); err != nil {
			t.Fatalf("Delete: %v", err)
		}
		wantNotFound(t, s, "outbound/999.x12")
	}
	if err := s.Delete(t.Context(), "never/there"); err != nil {
		t.Fatalf("Delete of a key that never existed: %v", err)
	}
	wantKeys(t, s, "", "outbound/keep.x12")
}

func testGetMissing(t *testing.T, s edigw.ObjectStore) {
	wantNotFound(t, s, "missing")
	put(t, s, "dir/file", []byte("x"))
	wantNotFound(t, s, "dir/missing")
	wantNotFound(t, s, "dir/file/below")
}

func testReaderError(t *testing.T, s edigw.ObjectStore) {
	// 9 MB is past the point where a store may switch from memory to a
	// temp file, so both ways of buffering are checked.
	for _, size := range []int{10, 9 << 20} {
		data := Random(size, 5)
		err := s.Put(t.Context(), "new", failingReader{bytes.NewReader(data)})
		if !errors.Is(err, errReader) {
			t.Fatalf("Put with a failing %d-byte reader = %v, want the reader's error", size, err)
		}
		err = s.PutIfAbsent(t.Context(), "lease", failingReader{bytes.NewReader(data)})
		if !errors.Is(err, errReader) {
			t.Fatalf("PutIfAbsent with a failing %d-byte reader = %v, want the reader's error", size, err)
		}
		wantNotFound(t, s, "new")
		wantNotFound(t, s, "lease")
		wantKeys(t, s, "")
	}
	// A failed overwrite keeps the old object.
	put(t, s, "old", []byte("old"))
	if err := s.Put(t.Context(), "old", failingReader{bytes.NewReader(Random(1000, 6))}); !errors.Is(err, errReader) {
		t.Fatalf("Put over an object with a failing reader = %v, want the reader's error", err)
	}
	wantContent(t, s, "old", []byte("old"))
	// And a lease that failed to write can be taken afterwards.
	if err := s.PutIfAbsent(t.Context(), "lease", Stream([]byte("ok"))); err != nil {
		t.Fatalf("PutIfAbsent after a failed one: %v", err)
	}
	wantKeys(t, s, "", "lease", "old")
}

func testCanceled(t *testing.T, s edigw.ObjectStore) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := s.Put(ctx, "k", Stream(Random(1<<20, 7))); !errors.Is(err, context.Canceled) {
		t.Fatalf("Put with a canceled context = %v, want context.Canceled", err)
	}
	if err := s.PutIfAbsent(ctx, "k", bytes.NewReader([]byte("x"))); !errors.Is(err, context.Canceled) {
		t.Fatalf("PutIfAbsent with a canceled context = %v, want context.Canceled", err)
	}
	wantKeys(t, s, "")
}

// BenchmarkPutGet writes an object of size bytes and reads it back, b.N
// times, on one key.
func BenchmarkPutGet(b *testing.B, s edigw.ObjectStore, size int) {
	data := Random(size, 8)
	ctx := context.Background()
	b.SetBytes(int64(size))
	for b.Loop() {
		if err := s.Put(ctx, "bench/object", bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
		rc, err := s.Get(ctx, "bench/object")
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil || n != int64(size) {
			b.Fatalf("read %d bytes, %v; want %d", n, err, size)
		}
	}
}
