package main

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Every flag of every command names its environment variable in its help,
// and no help shows two defaults (cobra appends "(default ...)" itself).
func TestEveryFlagHasAnEnvironmentVariableAndOneDefault(t *testing.T) {
	root := newRoot(nil, nil, nil)
	flags := 0
	walk(root, func(c *cobra.Command) {
		for _, fs := range []*pflag.FlagSet{c.LocalNonPersistentFlags(), c.PersistentFlags()} {
			fs.VisitAll(func(f *pflag.Flag) {
				if !configurable(f) {
					return
				}
				flags++
				want := "(env " + envName(f) + ")"
				if !strings.Contains(f.Usage, want) || !strings.HasPrefix(envName(f), "EDIGW_") {
					t.Errorf("%s --%s: help %q lacks %s", c.CommandPath(), f.Name, f.Usage, want)
				}
			})
			for _, line := range strings.Split(fs.FlagUsages(), "\n") {
				if n := strings.Count(strings.ToLower(line), "default"); n > 1 {
					t.Errorf("%s: %d defaults shown: %s", c.CommandPath(), n, strings.TrimSpace(line))
				}
			}
		}
	})
	if flags < 40 {
		t.Errorf("only %d flags seen", flags)
	}
}

// The environment variable and the configuration file are tried in that
// order for a flag the command line did not set: flag > env > file >
// default. The real ack command shows which --start won in the 999 it
// writes (its ISA13).
func TestSettingsPrecedence(t *testing.T) {
	input := fixture(t, "cigna-837p-one-claim-rejected.edi")
	config := filepath.Join(t.TempDir(), "edigw.yaml")
	if err := os.WriteFile(config, []byte("# every command reads the same file\nstart: 5\nlisten: 127.0.0.1:9999\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	wrote999 := regexp.MustCompile(`wrote (\S+\.999\.x12)`)
	start := func(args ...string) string {
		t.Helper()
		dir := t.TempDir()
		code, out, errOut := runCmd(t, "", append([]string{"ack", input, "--out", dir}, args...)...)
		m := wrote999.FindStringSubmatch(out)
		if code != exitFileErrors || m == nil {
			t.Fatalf("ack %v: exit %d\n%s%s", args, code, out, errOut)
		}
		b, err := os.ReadFile(m[1])
		if err != nil {
			t.Fatal(err)
		}
		return strings.Split(string(b), "*")[13] // ISA13
	}
	if got := start(); got != "000000001" {
		t.Errorf("default: ISA13 %s, want 1", got)
	}
	if got := start("--config", config); got != "000000005" {
		t.Errorf("file: ISA13 %s, want 5", got)
	}
	t.Setenv("EDIGW_CONFIG", config)
	if got := start(); got != "000000005" {
		t.Errorf("file named by EDIGW_CONFIG: ISA13 %s, want 5", got)
	}
	t.Setenv("EDIGW_START", "7")
	if got := start(); got != "000000007" {
		t.Errorf("env over file: ISA13 %s, want 7", got)
	}
	if got := start("--start", "9"); got != "000000009" {
		t.Errorf("flag over env: ISA13 %s, want 9", got)
	}

	// A bad value names where it came from, as the command line would.
	t.Setenv("EDIGW_START", "seven")
	code, _, errOut := runCmd(t, "", "ack", input, "--out", t.TempDir())
	if code != exitUnusable || !strings.Contains(errOut, "EDIGW_START") || !strings.Contains(errOut, `"seven"`) {
		t.Errorf("EDIGW_START=seven: exit %d %s", code, errOut)
	}
}

func TestConfigFileMistakes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	input := fixture(t, "cigna-837p-one-claim-rejected.edi")
	for _, tc := range []struct{ name, text, want string }{
		{"typo.yaml", "strat: 5\n", `"strat" is no flag of any edigw command`},
		{"nested.yaml", "start:\n  value: 5\n", "want a value or a list of values"},
		{"bad.yaml", "start: five\n", `"five"`},
		{"broken.yaml", "start: [\n", "broken.yaml"},
	} {
		code, _, errOut := runCmd(t, "", "ack", input, "--out", t.TempDir(), "--config", write(tc.name, tc.text))
		if code != exitUnusable || !strings.Contains(errOut, tc.want) {
			t.Errorf("%s: exit %d, want 2 and %q: %s", tc.name, code, tc.want, errOut)
		}
	}
	code, _, errOut := runCmd(t, "", "ack", input, "--out", t.TempDir(), "--config", filepath.Join(dir, "missing.yaml"))
	if code != exitUnusable || !strings.Contains(errOut, "missing.yaml") {
		t.Errorf("missing file: exit %d %s", code, errOut)
	}
	// JSON is YAML too; a list sets a repeated flag.
	c := &cobra.Command{Use: "x", RunE: func(*cobra.Command, []string) error { return nil }}
	var npis []string
	c.Flags().StringSliceVar(&npis, "npi", []string{"default"}, "")
	c.PersistentFlags().String(configFlag, "", "")
	s := newSettings(c)
	s.lookupEnv = func(string) (string, bool) { return "", false }
	c.SetArgs([]string{"--config", write("list.json", `{"npi": ["1234567893", "1987654321"]}`)})
	c.PersistentPreRunE = func(c *cobra.Command, _ []string) error { return s.apply(c) }
	if err := c.Execute(); err != nil || strings.Join(npis, ",") != "1234567893,1987654321" {
		t.Errorf("list from JSON: %v %v", npis, err)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCmd(t, "", "--version")
	if code != exitOK || !strings.HasPrefix(out, "edigw ") || !strings.Contains(out, "commit ") ||
		!strings.Contains(out, "built ") || !strings.Contains(out, runtime.Version()) {
		t.Errorf("--version: exit %d %q", code, out)
	}
}
