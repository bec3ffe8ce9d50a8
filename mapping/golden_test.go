package mapping

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/internal/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden JSON of fixtures and the corpus digests")

// jsonLines is what "edigw translate --to json" prints for a file: one
// JSON view per record, in file order.
func jsonLines(t *testing.T, path string) ([]byte, *Result) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var buf bytes.Buffer
	line := func(kind string, rec any) error {
		return WriteJSON(&buf, struct {
			Type   string `json:"type"`
			Record any    `json:"record"`
		}{kind, rec})
	}
	res, err := Read(f, filepath.Base(path), Handlers{
		Claim:          func(c *edigw.Claim) error { return line("claim", c) },
		Remittance:     func(r *edigw.Remittance) error { return line("remittance", r) },
		Authorization:  func(a *edigw.AuthorizationRequest) error { return line("authorization", a) },
		Acknowledgment: func(a *edigw.Acknowledgment) error { return line("acknowledgment", a) },
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), res
}

// TestGoldenJSONFixtures compares the JSON view of every fixture with
// fixtures/golden/json (go test ./mapping -update rewrites them).
func TestGoldenJSONFixtures(t *testing.T) {
	var files []string
	for _, dir := range []string{"edi", "story"} {
		m, _ := filepath.Glob(filepath.Join("..", "fixtures", dir, "*.edi"))
		files = append(files, m...)
	}
	golden := filepath.Join("..", "fixtures", "golden", "json")
	checked := 0
	for _, path := range files {
		got, _ := jsonLines(t, path)
		if len(got) == 0 {
			continue // no 837, 835 or 278 records (acknowledgments, broken envelopes)
		}
		checked++
		want := filepath.Join(golden, strings.TrimSuffix(filepath.Base(path), ".edi")+".jsonl")
		if *update {
			if err := os.MkdirAll(golden, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(want, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		exp, err := os.ReadFile(want)
		if err != nil {
			t.Errorf("%s: no golden JSON (go test ./mapping -update): %v", path, err)
			continue
		}
		if !bytes.Equal(got, exp) {
			t.Errorf("%s: JSON view differs from %s (go test ./mapping -update, then review the diff)", path, want)
		}
	}
	if checked < 5 {
		t.Errorf("only %d fixtures have records", checked)
	}
}

// corpusDigests is where the corpus's golden JSON is kept: as SHA-256
// digests, because the corpus files and what derives from them stay out of
// the repository. On a mismatch the JSON is written to a temporary file
// for diffing.
const corpusDigests = "testdata/corpus-json.sha256"

// TestGoldenJSONCorpus pins the JSON view of every guide-valid 837, 835,
// 278, 999, 277CA and TA1 of the corpus.
func TestGoldenJSONCorpus(t *testing.T) {
	dir, entries := corpus.Manifest(t)
	got := map[string]string{}
	for _, e := range entries {
		if !slices.ContainsFunc([]string{"837", "835", "278", "999", "277", "TA1"}, func(p string) bool { return strings.HasPrefix(e.Transaction, p) }) {
			continue
		}
		out, res := jsonLines(t, filepath.Join(dir, e.File))
		if !guideClean(res) || len(out) == 0 {
			continue
		}
		sum := sha256.Sum256(out)
		got[e.File] = hex.EncodeToString(sum[:])
		if !*update {
			continue
		}
	}
	if *update {
		var b strings.Builder
		keys := make([]string, 0, len(got))
		for k := range got {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s  %s\n", got[k], k)
		}
		if err := os.WriteFile(corpusDigests, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := readDigests(t)
	for file, sum := range got {
		if want[file] == "" {
			t.Errorf("%s: no golden digest (go test ./mapping -update)", file)
			continue
		}
		if want[file] != sum {
			out, _ := jsonLines(t, filepath.Join(dir, file))
			p := filepath.Join(t.TempDir(), strings.ReplaceAll(file, "/", "_")+".jsonl")
			_ = os.WriteFile(p, out, 0o644)
			t.Errorf("%s: JSON view changed (now in %s; go test ./mapping -update once reviewed)", file, p)
		}
	}
	for file := range want {
		if got[file] == "" {
			t.Errorf("%s: has a golden digest but no longer yields records", file)
		}
	}
	if len(got) < 40 {
		t.Errorf("only %d corpus files pinned", len(got))
	}
}

func readDigests(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(corpusDigests)
	if err != nil {
		t.Fatalf("%v (go test ./mapping -update)", err)
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, file, ok := strings.Cut(sc.Text(), "  ")
		if ok {
			m[file] = sum
		}
	}
	return m
}
