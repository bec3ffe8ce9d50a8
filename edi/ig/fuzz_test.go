package ig

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/edigw/edigw/internal/corpus"
)

// FuzzValidate: any input is validated without panicking; every error
// carries a code and a position inside the input; set counts add up.
func FuzzValidate(f *testing.F) {
	f.Add([]byte(toyFile("005010T99", toyBody...)))
	f.Add([]byte(toyFile("005010T98", toyBody...)))
	if _, err := os.Stat(filepath.Join("..", "..", "..", "shared", "corpus", "MANIFEST.tsv")); err == nil || os.Getenv("CI") == "true" {
		dir, entries := corpus.Manifest(f)
		for _, e := range entries {
			if b, err := os.ReadFile(filepath.Join(dir, e.File)); err == nil && len(b) < 32<<10 {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sets := 0
		v := &Validator{File: "fuzz", Guides: toys, Handlers: []Handler{Funcs{OnSet: func(*SetResult) { sets++ }}}}
		rep, err := v.Run(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err) // a bytes.Reader cannot fail
		}
		for _, e := range rep.Errors {
			if e.Code.Kind == 0 || e.Pos.Offset < 0 || e.Pos.Offset > int64(len(data)) {
				t.Fatalf("error without code or outside the input: %+v", e)
			}
		}
		if rep.SetsAccepted+rep.SetsRejected != sets {
			t.Fatalf("%d accepted + %d rejected != %d sets", rep.SetsAccepted, rep.SetsRejected, sets)
		}
		if rep.OK() != (rep.ErrorCount == 0) {
			t.Fatal("OK disagrees with the error count")
		}
	})
}
