package ig

import (
	"os"
	"path/filepath"
	"testing"
)

// TestX212PublicSamples states the outcome of validating the public 276
// and 277 samples in testdata/x212 (LinuxForHealth/x12, Apache-2.0; see
// MANIFEST.tsv): the TR3's examples, as far as their names and values
// tell. The 276s validate clean. The 277s date from 2005 and use status
// codes retired from code source 508 since (317 "patient's reason for
// visit" gone, 80): edigw reads the current list (decision 0020), so they
// are IK403=7 there and nowhere else.
func TestX212PublicSamples(t *testing.T) {
	want := map[string]string{
		"claim-level-status-ncpdp.276":          "",
		"claim-level-status.276":                "",
		"information-receiver-level-status.276": "",
		"provider-level-status.276":             "",
		"claim-level-status-ncpdp.277":          "IK403=7:STC01-2@2200D",
		"claim-level-status.277":                "IK403=7:STC01-2@2200D",
		"information-receiver-level-status.277": "",
		"provider-level-status.277":             "IK403=7:STC01-2@2200D",
	}
	files, err := filepath.Glob(filepath.Join("testdata", "x212", "*.27?"))
	if err != nil || len(files) != len(want) {
		t.Fatalf("%d samples (%v), want %d", len(files), err, len(want))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, guides := x212Validate(t, string(b))
		if w, ok := want[filepath.Base(f)]; !ok || got != w {
			t.Errorf("%s: %q, want %q", filepath.Base(f), got, w)
		}
		if len(guides) != 1 || guides[0] != X212Request && guides[0] != X212Response {
			t.Errorf("%s read with %v", filepath.Base(f), guides)
		}
	}
}
