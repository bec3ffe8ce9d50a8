package edi

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestScratchCorpus(t *testing.T) {
	lines, _ := os.ReadFile("../../shared/corpus/MANIFEST.tsv")
	for _, l := range strings.Split(string(lines), "\n")[1:] {
		if l == "" {
			continue
		}
		name := strings.Split(l, "\t")[0]
		f, _ := os.Open(filepath.Join("../../shared/corpus", name))
		res, err := Check(f, name, 5)
		f.Close()
		if err != nil {
			t.Logf("%s: IOERR %v", name, err)
			continue
		}
		t.Logf("%-70s sets=%d segs=%d errs=%d", name, res.Summary.Sets, res.Summary.Segments, res.ErrorCount)
		for _, e := range res.Errors {
			t.Logf("    %v", e)
		}
	}
}
