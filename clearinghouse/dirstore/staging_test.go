package dirstore

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/edigw/edigw"
)

const (
	putChildRoot   = "EDIGW_DIRSTORE_PUT_ROOT"
	putChildMarker = "EDIGW_DIRSTORE_PUT_MARKER"
)

// halfThenWait gives half an acknowledgment, tells the parent, and waits
// to be killed: a Put stopped halfway.
type halfThenWait struct {
	sent   bool
	marker string
}

func (h *halfThenWait) Read(p []byte) (int, error) {
	if !h.sent {
		h.sent = true
		return copy(p, "ISA*00*          *00*          *ZZ*EDIGW*ZZ*CIGNA62308*...NM1*QC*1*DOE*JANE~"), nil
	}
	if err := os.WriteFile(h.marker, []byte("half"), 0o600); err != nil {
		return 0, err
	}
	time.Sleep(time.Hour)
	return 0, io.EOF
}

// TestPutChild is the writer TestCrashMidPut kills; it does nothing
// unless started by it.
func TestPutChild(t *testing.T) {
	root := os.Getenv(putChildRoot)
	if root == "" {
		t.Skip("run by TestCrashMidPut")
	}
	s, err := New(root)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Put(context.Background(), "cigna-62308/outbound/claims.1.000000001-1.277ca.x12", &halfThenWait{marker: os.Getenv(putChildMarker)})
	t.Fatalf("Put returned (%v) instead of being killed", err)
}

// A writer killed with SIGKILL halfway through a Put leaves its partial
// file only in the staging directory, never under a partner's prefix
// (where versions before it left ".tmp-…" files a partner could fetch),
// and the next store on the root removes it.
func TestCrashMidPut(t *testing.T) {
	root := t.TempDir()
	s, err := New(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(t.Context(), "cigna-62308/outbound/earlier.999.x12", strings.NewReader("ISA*earlier~")); err != nil {
		t.Fatal(err)
	}
	marker := filepath.Join(t.TempDir(), "half")
	cmd := exec.Command(os.Args[0], "-test.run=^TestPutChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), putChildRoot+"="+root, putChildMarker+"="+marker)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	for {
		if _, err := os.Stat(marker); err == nil {
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("the writer ended before it was killed: %v\n%s", err, out.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-exited

	// Nothing but the earlier object under the partner's prefix.
	var under []string
	err = filepath.WalkDir(filepath.Join(root, "cigna-62308"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			under = append(under, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(under, " ") != "cigna-62308/outbound/earlier.999.x12" {
		t.Errorf("the partner's prefix holds %v after a writer died mid-Put", under)
	}
	staged, _ := os.ReadDir(filepath.Join(root, stagingDir))
	if len(staged) != 1 {
		t.Fatalf("staging holds %v, want the dead writer's partial file", staged)
	}
	// The next store on the root sees that nobody holds it and removes it.
	if _, err := New(root); err != nil {
		t.Fatal(err)
	}
	if staged, _ := os.ReadDir(filepath.Join(root, stagingDir)); len(staged) != 0 {
		t.Errorf("staging still holds %v after a new store started", staged)
	}
}

// A live writer's temp file is not removed by another store starting on
// the same root.
func TestLiveTempFileKept(t *testing.T) {
	s := newStore(t)
	tmp, err := s.writeTemp(t.Context(), s.path("in/a"), strings.NewReader("a"))
	if err != nil {
		t.Fatal(err)
	}
	defer tmp.done(false)
	if _, err := New(s.Root()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmp.Name()); err != nil {
		t.Errorf("a live writer's temp file was removed: %v", err)
	}
}

// Temp files older versions left beside objects go when a store starts.
func TestLegacyTempFilesRemoved(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "cigna-62308", "outbound")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		t.Fatal(err)
	}
	old, fresh := filepath.Join(dir, ".tmp-123"), filepath.Join(dir, ".tmp-456")
	for _, p := range []string{old, fresh} {
		if err := os.WriteFile(p, []byte("partial 277CA"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * legacyTempAge)
	if err := os.Chtimes(old, long, long); err != nil {
		t.Fatal(err)
	}
	if _, err := New(root); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stale temp file beside the objects: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a recent temp file (an old writer may be at work) was removed: %v", err)
	}
}

// Objects are 0640 and directories 0750, also a partner's 0644 file
// once moved (archived).
func TestModes(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	if err := s.Put(ctx, "p/outbound/a", strings.NewReader("a")); err != nil {
		t.Fatal(err)
	}
	if err := s.PutIfAbsent(ctx, "p/archive/2026/03/06/1/b", strings.NewReader("b")); err != nil {
		t.Fatal(err)
	}
	partner := filepath.Join(s.Root(), "p", "inbound", "c")
	if err := os.MkdirAll(filepath.Dir(partner), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(partner, []byte("c"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(partner, 0o644); err != nil { // whatever the umask
		t.Fatal(err)
	}
	if err := s.Move(ctx, "p/inbound/c", "p/archive/2026/03/06/2/c"); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]fs.FileMode{
		"p/outbound/a": 0o640, "p/archive/2026/03/06/1/b": 0o640, "p/archive/2026/03/06/2/c": 0o640,
		"p": 0o750, "p/outbound": 0o750, "p/archive/2026/03/06/1": 0o750, stagingDir: 0o750,
	} {
		info, err := os.Stat(filepath.Join(s.Root(), key))
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s: mode %v, want %v", key, got, want)
		}
	}
}

// Move never replaces an object.
func TestMoveNeverReplaces(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	for key, body := range map[string]string{"in/a": "second", "archive/a": "first"} {
		if err := s.Put(ctx, key, strings.NewReader(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Move(ctx, "in/a", "archive/a"); !errors.Is(err, edigw.ErrObjectExists) {
		t.Fatalf("Move onto an object = %v, want ErrObjectExists", err)
	}
	for key, want := range map[string]string{"in/a": "second", "archive/a": "first"} {
		rc, err := s.Get(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(rc)
		rc.Close()
		if string(got) != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
}
