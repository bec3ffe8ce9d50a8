package mapping

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/fixtures/synth"
	"github.com/edigw/edigw/internal/corpus"
)

// roundTrip835 writes remittances and reads them back; the written file
// must validate clean. It returns the file too.
func roundTrip835(t *testing.T, name string, rms []*edigw.Remittance) ([]*edigw.Remittance, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write835(&buf, testEnvelope(), rms); err != nil {
		t.Errorf("%s: Write835: %v", name, err)
		return nil, nil
	}
	file := bytes.Clone(buf.Bytes())
	back, res := readRemits(t, name+".regenerated", file)
	if !res.Report.OK() || res.Rejected != 0 {
		t.Errorf("%s: the regenerated 835 does not validate: %v", name, res.Report.Errors)
		return nil, nil
	}
	return back, file
}

// remittanceFiles are the 835s the round trip runs over: the corpus (valid
// ones are kept by the caller), the story fixture and a generated file.
func remittanceFiles(t *testing.T) map[string]string {
	files := map[string]string{}
	dir, entries := corpus.Manifest(t)
	for _, e := range entries {
		if strings.HasPrefix(e.Transaction, "835") {
			files[e.File] = filepath.Join(dir, e.File)
		}
	}
	files["fixtures/story/06-835-remittance.edi"] = filepath.Join("..", "fixtures", "story", "06-835-remittance.edi")
	var gen bytes.Buffer
	if _, err := synth.Write(&gen, synth.Options{Kind: synth.Kind835, Claims: 150, PerSet: 40, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(t.TempDir(), "synth-835.edi")
	if err := os.WriteFile(tmp, gen.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	files["synth-835.edi"] = tmp
	return files
}

// TestRemittancesRoundTrip is the round-trip guarantee for 835s: every
// valid 835 of the corpus, the story fixture and a generated file, read
// into remittances, written back and read again gives equal remittances;
// and writing those again gives the same bytes.
func TestRemittancesRoundTrip(t *testing.T) {
	files := remittanceFiles(t)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	tripped, corpusTripped := 0, 0
	for _, name := range names {
		data, err := os.ReadFile(files[name])
		if err != nil {
			t.Fatal(err)
		}
		rms, res := readRemits(t, name, data)
		if !res.Report.OK() || len(rms) == 0 {
			continue
		}
		back, file := roundTrip835(t, name, rms)
		if back == nil {
			continue
		}
		if len(back) != len(rms) {
			t.Errorf("%s: %d remittances back, %d sent", name, len(back), len(rms))
			continue
		}
		for i := range rms {
			sameRecords(t, name+" remittance "+rms[i].TraceNumber, back[i], rms[i])
		}
		if _, again := roundTrip835(t, name+" (again)", back); !bytes.Equal(again, file) {
			t.Errorf("%s: writing the read-back remittances gives a different file", name)
		}
		tripped++
		if !strings.HasPrefix(name, "fixtures/") && !strings.HasPrefix(name, "synth") {
			corpusTripped++
		}
	}
	t.Logf("%d 835 files round-tripped (%d from the corpus)", tripped, corpusTripped)
	if corpusTripped < 15 || tripped != corpusTripped+2 {
		t.Errorf("only %d 835 files round-tripped (%d from the corpus)", tripped, corpusTripped)
	}
}
