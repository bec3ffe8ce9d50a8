package clearinghouse

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/clearinghouse/dirstore"
	"github.com/edigw/edigw/clearinghouse/internal/faults"
	"github.com/edigw/edigw/clearinghouse/s3store"
	"github.com/edigw/edigw/fixtures/synth"
	"github.com/edigw/edigw/internal/testenv"
	"github.com/edigw/edigw/storage"
)

// Shared by the crash, instance, outage, outbound and end-to-end tests:
// a database and object stores that child processes can open too.

// databases hands out migrated databases copied from one template.
var databases = testenv.Databases{Prefix: "edigw_ch_", Migrate: storage.Migrate}

func TestMain(m *testing.M) {
	code := m.Run()
	if err := databases.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "clearinghouse tests:", err)
	}
	os.Exit(code)
}

// randomName is a bucket or content name no other test uses.
func randomName(prefix string) string { return testenv.RandomName(prefix) }

// testDatabase creates a migrated database on the test server, dropped
// when the test ends, and returns its URL (child processes open it too).
func testDatabase(t testing.TB) string { return databases.New(t) }

// openStore opens a pool of its own on a database, closed with the test.
func openStore(t testing.TB, dbURL string) *storage.DB {
	t.Helper()
	db, err := storage.Open(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)
	return db
}

// objectsSpec names an object store so that a child process can open the
// same one: "dir:PATH" or "s3:BUCKET".
type objectsSpec string

// s3Objects makes a bucket on the test S3 server (versitygw), emptied and
// removed when the test ends.
func s3Objects(t testing.TB) objectsSpec {
	t.Helper()
	spec := objectsSpec("s3:" + randomName("edigw-ch-"))
	objs := openObjects(t, spec)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		for _, prefix := range []string{Cigna.Inbound(), Cigna.Outbound(), Cigna.Archive(), Cigna.Error()} {
			list, _ := objs.List(ctx, prefix)
			for _, o := range list {
				_ = objs.Delete(ctx, o.Key)
			}
		}
	})
	return spec
}

func openObjects(t testing.TB, spec objectsSpec) edigw.ObjectStore {
	t.Helper()
	kind, where, _ := strings.Cut(string(spec), ":")
	switch kind {
	case "dir":
		s, err := dirstore.New(where)
		if err != nil {
			t.Fatal(err)
		}
		return s
	case "s3":
		env := testenv.S3(t)
		return openS3(t, where, env.Endpoint)
	}
	t.Fatalf("object store %q", spec)
	return nil
}

func openS3(t testing.TB, bucket, endpoint string) *s3store.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := s3store.New(ctx, s3store.Config{Bucket: bucket, Endpoint: endpoint, Region: testenv.S3(t).Region,
		UsePathStyle: true, CreateBucket: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// testNow is the clock of every test pipeline: acknowledgments and
// outbound files come out the same on every run.
func testNow() time.Time { return time.Date(2026, 3, 6, 8, 0, 0, 0, time.UTC) }

// pipelineOn makes a pipeline for Cigna over a store and objects, with
// retries quick enough for tests.
func pipelineOn(db Store, objs edigw.ObjectStore) *Pipeline {
	return &Pipeline{Store: db, Objects: objs, Partners: []Partner{Cigna}, Newline: true, Now: testNow,
		Retry: Retry{Attempts: 10, First: 5 * time.Millisecond, Ceil: 100 * time.Millisecond}}
}

// synthFile generates a file (see fixtures/synth) into the test's temp
// directory and returns its path. The seed sets the content and ISA13;
// claim control numbers run PCN000000001... whatever the seed, so an 835
// pays the claims of an 837 of the same size.
func synthFile(t testing.TB, kind synth.Kind, claims int, seed uint64) string {
	t.Helper()
	return synthFileOf(t, synth.Options{Kind: kind, Claims: claims, Seed: seed})
}

// synthFileOf generates a file (with a line feed after each segment) into
// the test's temporary directory and returns its path.
func synthFileOf(t testing.TB, o synth.Options) string {
	t.Helper()
	o.Newline = true
	path := filepath.Join(t.TempDir(), string(o.Kind)+".x12")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := synth.Write(f, o); err != nil {
		t.Fatal(err)
	}
	return path
}

func synthBytes(t testing.TB, kind synth.Kind, claims int, seed uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := synth.Write(&buf, synth.Options{Kind: kind, Claims: claims, Seed: seed, Newline: true}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// putFile puts a local file into the partner's inbound prefix.
func putFile(t testing.TB, objs edigw.ObjectStore, path, name string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	key := Cigna.Inbound() + name
	if err := objs.Put(context.Background(), key, f); err != nil {
		t.Fatal(err)
	}
	return key
}

func putBytes(t testing.TB, objs edigw.ObjectStore, name string, data []byte) string {
	t.Helper()
	key := Cigna.Inbound() + name
	if err := objs.Put(context.Background(), key, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	return key
}

// keys lists the keys under a prefix.
func keys(t testing.TB, objs edigw.ObjectStore, prefix string) []string {
	t.Helper()
	list, err := objs.List(context.Background(), prefix)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(list))
	for i, o := range list {
		out[i] = o.Key
	}
	return out
}

func readObject(t *testing.T, objs edigw.ObjectStore, key string) string {
	t.Helper()
	body, err := objs.Get(context.Background(), key)
	if err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	defer body.Close()
	b, err := io.ReadAll(body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// counts reads the records' table sizes.
func counts(t testing.TB, db *storage.DB) map[string]int64 {
	t.Helper()
	c, err := db.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// recordsOf is the database behind a test pipeline, for what a test reads
// beyond what the pipeline asks of it (counts, claims, events).
func recordsOf(t testing.TB, p *Pipeline) *storage.DB {
	t.Helper()
	switch s := p.Store.(type) {
	case *storage.DB:
		return s
	case *faults.Records:
		return s.DB
	case *poisonedRecords:
		return recordsOf(t, &Pipeline{Store: s.Store})
	}
	t.Fatalf("no database behind %T", p.Store)
	return nil
}

// queryInt runs a query that answers one number, on its own connection.
func queryInt(t testing.TB, dbURL, sql string, args ...any) int64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var n int64
	if err := c.QueryRow(ctx, sql, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}
