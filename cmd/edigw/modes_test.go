package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// What the commands write (generated files, acknowledgments, the object
// store's directory) is 0640 and directories 0750, whatever the umask
// lets through: the files hold PHI.
func TestFileModes(t *testing.T) {
	old := syscall.Umask(0) // the most permissive umask: only edigw's own modes count
	defer syscall.Umask(old)
	dir := t.TempDir()
	gen := filepath.Join(dir, "gen.edi")
	if code, _, errOut := runCmd(t, "", "gen", "--kind", "837p", "--claims", "2", "-o", gen); code != 0 {
		t.Fatalf("gen: %d %s", code, errOut)
	}
	acks := filepath.Join(dir, "acks")
	if code, _, errOut := runCmd(t, "", "ack", gen, "--out", acks); code != 0 {
		t.Fatalf("ack: %d %s", code, errOut)
	}
	want := map[string]fs.FileMode{gen: 0o640, acks: 0o750}
	entries, err := os.ReadDir(acks)
	if err != nil || len(entries) == 0 {
		t.Fatalf("ack wrote %v (%v)", entries, err)
	}
	for _, e := range entries {
		want[filepath.Join(acks, e.Name())] = 0o640
	}
	for p, mode := range want {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != mode {
			t.Errorf("%s: mode %v, want %v", p, got, mode)
		}
	}
}
