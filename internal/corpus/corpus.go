// Package corpus gives tests access to the shared corpus of public sample X12
// files (../shared/corpus beside the repository) and its MANIFEST.tsv.
//
// The corpus is not part of the repository: a user's fresh clone has no
// ../shared, so tests skip; under CI (CI=true) its absence is a failure,
// because CI always has it.
package corpus

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Entry is one row of MANIFEST.tsv.
type Entry struct {
	File        string // path relative to the corpus directory
	Transaction string // e.g. "837 005010X222A1"
	Sets        int    // number of ST transaction sets, per the manifest
	Notes       string // known defects and quirks
}

// Dir returns the corpus directory, skipping the test when it is absent
// (failing when CI=true).
func Dir(t testing.TB) string {
	t.Helper()
	if d := find(); d != "" {
		return d
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("corpus: ../shared/corpus not found beside the repository, and CI=true requires it")
	}
	t.Skip("corpus: ../shared/corpus not found beside the repository; skipping")
	return ""
}

// find walks up from the working directory to the module root and looks for
// ../shared/corpus next to it.
func find() string {
	if d := os.Getenv("EDIGW_CORPUS"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			c := filepath.Join(dir, "..", "shared", "corpus")
			if _, err := os.Stat(filepath.Join(c, "MANIFEST.tsv")); err == nil {
				return c
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Manifest reads MANIFEST.tsv from the corpus directory.
func Manifest(t testing.TB) (dir string, entries []Entry) {
	t.Helper()
	dir = Dir(t)
	f, err := os.Open(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	header := true
	for sc.Scan() {
		if header {
			header = false
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 9 || cols[0] == "" {
			continue
		}
		n, _ := strconv.Atoi(cols[6])
		entries = append(entries, Entry{File: cols[0], Transaction: cols[5], Sets: n, Notes: cols[8]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("corpus: MANIFEST.tsv lists no files")
	}
	return dir, entries
}
