package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets a benchmark run this test binary as the edigw command in a
// child process (to measure its peak memory alone).
func TestMain(m *testing.M) {
	if args := os.Getenv("EDIGW_AS_COMMAND"); args != "" {
		os.Exit(run(strings.Split(args, "\x1f"), os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

const sample = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260115*1030*^*00501*000000001*0*T*:~\n" +
	"GS*HC*SENDER*RECEIVER*20260115*1030*1*X*005010X222A1~\nST*837*0001*005010X222A1~\nBHT*0019*00*1*20260115*1030*CH~\n" +
	"SE*3*0001~\nGE*1*1~\nIEA*1*000000001~\n"

func TestParseExitCodes(t *testing.T) {
	code, out, _ := runCmd(t, sample, "parse", "-")
	if code != exitOK || !strings.Contains(out, "837 005010X222A1   1") || !strings.Contains(out, "envelope: ok") {
		t.Errorf("sound file: exit %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, strings.Replace(sample, "SE*3*", "SE*4*", 1), "parse", "-")
	if code != exitFileErrors || !strings.Contains(out, "IK502=4") || !strings.Contains(out, "SE01") {
		t.Errorf("bad SE01: exit %d\n%s", code, out)
	}
	// No ISA at all is not X12: it could not be read (issue 15), in every
	// command that reads a file.
	for _, cmd := range [][]string{{"parse", "-"}, {"parse", "--json", "-"}, {"validate", "-"}, {"render", "-"},
		{"translate", "-"}, {"ack", "-o", t.TempDir(), "-"}} {
		for _, in := range []string{"hello", "", "ST*837*0001~SE*2*0001~"} {
			code, _, errOut := runCmd(t, in, cmd...)
			if code != exitUnusable || !strings.Contains(errOut, "could not be read") || !strings.Contains(errOut, "no ISA") {
				t.Errorf("%v on %q (not X12): exit %d, want 2: %s", cmd, in, code, errOut)
			}
		}
	}
	code, _, errOut := runCmd(t, "", "parse", filepath.Join(t.TempDir(), "missing.edi"))
	if code != exitUnusable || !strings.Contains(errOut, "no such file") {
		t.Errorf("missing file: exit %d %s", code, errOut)
	}
	if code, _, _ = runCmd(t, "", "parse"); code != exitUnusable {
		t.Errorf("no argument: exit %d, want 2", code)
	}
	if code, _, _ = runCmd(t, "", "parse", "--bogus", "-"); code != exitUnusable {
		t.Errorf("bad flag: exit %d, want 2", code)
	}
}

func TestParseJSONStream(t *testing.T) {
	code, out, _ := runCmd(t, sample, "parse", "--json", "-")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || len(lines) != 8 {
		t.Fatalf("exit %d, %d lines:\n%s", code, len(lines), out)
	}
	if !strings.Contains(lines[3], `"id":"BHT"`) || !strings.Contains(lines[3], `"setPosition":2`) || !strings.Contains(lines[3], `"st02":"0001"`) {
		t.Errorf("BHT line: %s", lines[3])
	}
	if !strings.Contains(lines[7], `"type":"summary"`) || !strings.Contains(lines[7], `"transactionSets":1`) {
		t.Errorf("summary line: %s", lines[7])
	}
}

func TestRenderShowsPositions(t *testing.T) {
	code, out, _ := runCmd(t, strings.Replace(sample, "SE*3*", "SE*4*", 1), "render", "-")
	if code != exitFileErrors {
		t.Errorf("exit %d", code)
	}
	if !strings.Contains(out, "      4       4        ") || !strings.Contains(out, "BHT*0019") {
		t.Errorf("render output:\n%s", out)
	}
	if !strings.Contains(out, "! ") || !strings.Contains(out, "IK502=4") {
		t.Errorf("errors not shown:\n%s", out)
	}
}

func TestGenThenParse(t *testing.T) {
	for _, kind := range []string{"837p", "835", "278"} {
		path := filepath.Join(t.TempDir(), kind+".edi")
		if code, _, errOut := runCmd(t, "", "gen", "--kind", kind, "--claims", "250", "--per-set", "100", "-o", path); code != 0 {
			t.Fatalf("gen %s: exit %d %s", kind, code, errOut)
		}
		code, out, _ := runCmd(t, "", "parse", path)
		wantSets := "3 transaction sets"
		if kind == "278" {
			wantSets = "250 transaction sets" // one request per set
		}
		if code != exitOK || !strings.Contains(out, wantSets) {
			t.Errorf("parse generated %s: exit %d\n%s", kind, code, out)
		}
		a, _ := os.ReadFile(path)
		runCmd(t, "", "gen", "--kind", kind, "--claims", "250", "--per-set", "100", "-o", path)
		b, _ := os.ReadFile(path)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: the same options gave different files", kind)
		}
	}
	if code, _, _ := runCmd(t, "", "gen", "--kind", "999", "--claims", "1"); code != exitUnusable {
		t.Errorf("unknown kind: exit %d", code)
	}
	if code, _, _ := runCmd(t, "", "gen", "--kind", "835"); code != exitUnusable {
		t.Errorf("no size: exit %d", code)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"100MB": 100 << 20, "1GB": 1 << 30, "512kb": 512 << 10, "42": 42} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "MB", "-1MB", "ten"} {
		if _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q) accepted", bad)
		}
	}
}
