package s3store

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/internal/storetest"
	"github.com/edigw/edigw/internal/testenv"
)

// newStore returns a store on a new bucket of the test S3 server (skipping
// the test without one, failing it under CI=true). The bucket is emptied
// and removed when the test ends.
func newStore(t testing.TB, prefix string) *Store {
	t.Helper()
	return storeOn(t, newBucket(t), prefix)
}

func newBucket(t testing.TB) string {
	t.Helper()
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	bucket := "edigw-s3store-" + hex.EncodeToString(b[:])
	s := storeOn(t, bucket, "")
	t.Cleanup(func() { removeBucket(t, s) })
	return bucket
}

func storeOn(t testing.TB, bucket, prefix string) *Store {
	t.Helper()
	env := testenv.S3(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := New(ctx, Config{
		Bucket: bucket, Prefix: prefix, Endpoint: env.Endpoint, Region: env.Region,
		UsePathStyle: true, CreateBucket: true,
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

func removeBucket(t testing.TB, s *Store) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	pages := s3.NewListObjectsV2Paginator(s.client, &s3.ListObjectsV2Input{Bucket: aws.String(s.bucket)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			t.Errorf("cleanup: list %s: %v", s.bucket, err)
			return
		}
		for _, o := range page.Contents {
			if _, err := s.client.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String(s.bucket), Key: o.Key}); err != nil {
				t.Errorf("cleanup: delete %s: %v", aws.ToString(o.Key), err)
			}
		}
	}
	if _, err := s.client.DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: aws.String(s.bucket)}); err != nil {
		t.Errorf("cleanup: delete bucket %s: %v", s.bucket, err)
	}
}

func TestConformance(t *testing.T) {
	testenv.S3(t)
	storetest.Run(t, func(t *testing.T) edigw.ObjectStore { return newStore(t, "") })
}

// The same suite with a key prefix: every operation must add it and List
// must strip it.
func TestConformanceWithPrefix(t *testing.T) {
	testenv.S3(t)
	storetest.Run(t, func(t *testing.T) edigw.ObjectStore { return newStore(t, "tenant/edigw") })
}

// Stores on one bucket with different prefixes see only their own objects.
func TestPrefixesAreSeparate(t *testing.T) {
	bucket := newBucket(t)
	a, b, whole := storeOn(t, bucket, "a"), storeOn(t, bucket, "b/"), storeOn(t, bucket, "")
	ctx := t.Context()
	if err := a.Put(ctx, "k", bytes.NewReader([]byte("from a"))); err != nil {
		t.Fatal(err)
	}
	if err := b.PutIfAbsent(ctx, "k", bytes.NewReader([]byte("from b"))); err != nil {
		t.Fatalf("PutIfAbsent under another prefix: %v", err)
	}
	if got := storetest.Get(t, a, "k"); string(got) != "from a" {
		t.Errorf("a/k = %q", got)
	}
	objs, err := whole.List(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, o := range objs {
		keys = append(keys, o.Key)
	}
	if strings.Join(keys, ",") != "a/k,b/k" {
		t.Errorf("bucket holds %v, want a/k and b/k", keys)
	}
	if objs[0].ETag == "" {
		t.Errorf("List gives no ETag")
	}
}

// Keys with characters that need escaping in a copy source survive Move.
func TestMoveUnusualKeys(t *testing.T) {
	s := newStore(t, "p+q")
	ctx := t.Context()
	from, to := "in/sp ace+plus&amp=eq%25ü?.x12", "archive/#hash;semi,comma:colon@at$.x12"
	if err := s.Put(ctx, from, bytes.NewReader([]byte("body"))); err != nil {
		t.Fatal(err)
	}
	if err := s.Move(ctx, from, to); err != nil {
		t.Fatalf("Move: %v", err)
	}
	if got := storetest.Get(t, s, to); string(got) != "body" {
		t.Errorf("moved object = %q", got)
	}
	if _, err := s.Get(ctx, from); !errors.Is(err, edigw.ErrObjectNotFound) {
		t.Errorf("Get of the old key = %v, want ErrObjectNotFound", err)
	}
	if err := s.Move(ctx, to, to); err != nil {
		t.Errorf("Move onto itself: %v", err)
	}
	if err := s.Move(ctx, "absent", "absent"); !errors.Is(err, edigw.ErrObjectNotFound) {
		t.Errorf("Move of an absent key onto itself = %v, want ErrObjectNotFound", err)
	}
}

// A reader that can seek is sent from where it stands, without buffering.
func TestPutSeekableFromOffset(t *testing.T) {
	s := newStore(t, "")
	r := bytes.NewReader([]byte("skipREST"))
	if _, err := r.Seek(4, 0); err != nil {
		t.Fatal(err)
	}
	if err := s.Put(t.Context(), "k", r); err != nil {
		t.Fatal(err)
	}
	if got := storetest.Get(t, s, "k"); string(got) != "REST" {
		t.Errorf("object = %q, want REST", got)
	}
	f, err := os.Open("store.go")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := s.PutIfAbsent(t.Context(), "file", f); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile("store.go")
	if got := storetest.Get(t, s, "file"); !bytes.Equal(got, want) {
		t.Errorf("object from a file = %d bytes, want %d", len(got), len(want))
	}
}

// A missing bucket is a configuration error, not a missing object.
func TestMissingBucketIsNotMissingObject(t *testing.T) {
	env := testenv.S3(t)
	s, err := New(t.Context(), Config{Bucket: "edigw-no-such-bucket", Endpoint: env.Endpoint, Region: env.Region, UsePathStyle: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Get(t.Context(), "k")
	if err == nil || errors.Is(err, edigw.ErrObjectNotFound) {
		t.Errorf("Get in a missing bucket = %v, want an error other than ErrObjectNotFound", err)
	}
	if err := s.Move(t.Context(), "k", "l"); err == nil || errors.Is(err, edigw.ErrObjectNotFound) {
		t.Errorf("Move in a missing bucket = %v, want an error other than ErrObjectNotFound", err)
	}
}

// CreateBucket on a bucket that exists keeps it and its objects.
func TestCreateBucketTwice(t *testing.T) {
	s := newStore(t, "")
	if err := s.Put(t.Context(), "k", bytes.NewReader([]byte("v"))); err != nil {
		t.Fatal(err)
	}
	again := storeOn(t, s.bucket, "")
	if got := storetest.Get(t, again, "k"); string(got) != "v" {
		t.Errorf("object after a second CreateBucket = %q", got)
	}
}

// A large conditional write onto a taken key is refused, also when the
// server answers before reading the body and resets the connection (as
// versitygw does), and also without the HEAD request that usually comes
// first.
func TestPutIfAbsentLargeOnTakenKey(t *testing.T) {
	s := newStore(t, "")
	data := storetest.Random(6<<20, 10)
	if err := s.Put(t.Context(), "k", bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	for _, headFirst := range []int64{headFirstSize, 1 << 62} {
		s.headFirst = headFirst
		for range 3 {
			for name, r := range map[string]io.Reader{"seekable": bytes.NewReader(data), "stream": storetest.Stream(data)} {
				if err := s.PutIfAbsent(t.Context(), "k", r); !errors.Is(err, edigw.ErrObjectExists) {
					t.Fatalf("PutIfAbsent (%s, head first above %d bytes) = %v, want ErrObjectExists", name, headFirst, err)
				}
			}
		}
	}
	// And without HEAD first, a large conditional write to a free key works.
	if err := s.PutIfAbsent(t.Context(), "free", storetest.Stream(data)); err != nil {
		t.Fatalf("PutIfAbsent to a free key: %v", err)
	}
	if got := storetest.Get(t, s, "free"); !bytes.Equal(got, data) {
		t.Errorf("free = %d bytes, want %d", len(got), len(data))
	}
}

func BenchmarkPutGet1MB(b *testing.B) {
	storetest.BenchmarkPutGet(b, newStore(b, ""), 1<<20)
}

// The tests below need no server.

func TestNewNeedsBucket(t *testing.T) {
	if _, err := New(t.Context(), Config{Region: "us-east-1"}); err == nil {
		t.Error("New without a bucket succeeded")
	}
}

func TestEmptyKeyRefused(t *testing.T) {
	s := &Store{bucket: "b"}
	ctx := t.Context()
	if _, err := s.Get(ctx, ""); err == nil {
		t.Error("Get of the empty key succeeded")
	}
	if err := s.Put(ctx, "", bytes.NewReader(nil)); err == nil {
		t.Error("Put of the empty key succeeded")
	}
	if err := s.Move(ctx, "", "x"); err == nil {
		t.Error("Move from the empty key succeeded")
	}
	if err := s.Delete(ctx, ""); err == nil {
		t.Error("Delete of the empty key succeeded")
	}
}

func TestCopySource(t *testing.T) {
	for key, want := range map[string]string{
		"in/a-b_c.d~e.x12": "bkt/in/a-b_c.d~e.x12",
		"a b+c&d=e":        "bkt/a%20b%2Bc%26d%3De",
		"ü/%?#":            "bkt/%C3%BC/%25%3F%23",
	} {
		if got := copySource("bkt", key); got != want {
			t.Errorf("copySource(%q) = %q, want %q", key, got, want)
		}
	}
}

// Streams of unknown length are read whole before they are sent (in
// memory, or past memoryLimit in an unlinked file: internal/spool): the
// whole stream arrives, and the spool directory stays empty.
func TestSpoolLargeStream(t *testing.T) {
	dir := t.TempDir()
	s := &Store{spoolDir: dir}
	for _, size := range []int{0, 100, memoryLimit, memoryLimit + 1, 3 * memoryLimit} {
		data := storetest.Random(size, 9)
		body, start, n, release, err := s.seekable(t.Context(), storetest.Stream(data))
		if err != nil {
			t.Fatalf("%d bytes: %v", size, err)
		}
		got := new(bytes.Buffer)
		if _, err := got.ReadFrom(body); err != nil {
			t.Fatal(err)
		}
		release()
		if start != 0 || n != int64(size) || !bytes.Equal(got.Bytes(), data) {
			t.Errorf("%d bytes: spooled %d bytes, content equal %v", size, n, bytes.Equal(got.Bytes(), data))
		}
		if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 0 {
			t.Errorf("%d bytes: spool directory holds %v", size, left)
		}
	}
}
