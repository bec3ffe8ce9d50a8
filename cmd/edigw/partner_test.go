package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func storyFile(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join("..", "..", "fixtures", "story", name)
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// isa15 reads the usage indicator of the first interchange of a file.
func isa15(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	el := strings.Split(string(b), "*")
	if len(el) < 16 {
		t.Fatalf("%s: no ISA", path)
	}
	return el[15]
}

// Partners are data: added, shown, listed and removed with edigw partner,
// and read by the pipeline, which files an inbound file under the
// partner's prefix and answers it with the partner's ISA15.
func TestPartnerCommandsAndThePipeline(t *testing.T) {
	db := testDatabase(t)
	objects := t.TempDir()
	code, out, errOut := runCmd(t, "", "partner", "list", "--database", db)
	if code != exitOK || !strings.Contains(out, "62308") || !strings.Contains(out, "cigna-62308/") || !strings.Contains(out, "ZZ:CIGNA62308/62308") {
		t.Fatalf("list: exit %d\n%s%s", code, out, errOut)
	}
	code, _, errOut = runCmd(t, "", "partner", "add", "--database", db, "--payer", "60054", "--name", "Aetna", "--prefix", "aetna-60054",
		"--their-isa-id", "AETNA60054", "--usage", "P", "--ack-999-within", "36h", "--contact", "edi@aetna.example")
	if code != exitOK {
		t.Fatalf("add: exit %d %s", code, errOut)
	}
	code, out, _ = runCmd(t, "", "partner", "show", "60054", "--database", db)
	for _, want := range []string{"prefix:              aetna-60054/", "usage:               P", "their_gs_id:         AETNA60054",
		"ack_999_within:      36h", "ack_277ca_within:    72h", "contact:             edi@aetna.example"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("show lacks %q: exit %d\n%s", want, code, out)
		}
	}
	if code, _, errOut = runCmd(t, "", "partner", "add", "--database", db, "--payer", "1", "--name", "Bad", "--prefix", "bad/",
		"--their-isa-id", "BAD", "--usage", "X"); code != exitUnusable || !strings.Contains(errOut, "usage") {
		t.Errorf("usage X: exit %d %s", code, errOut)
	}
	if code, _, errOut = runCmd(t, "", "partner", "add", "--database", db, "--payer", "2", "--name", "Thief", "--prefix", "aetna-60054/",
		"--their-isa-id", "THIEF"); code == exitOK || !strings.Contains(errOut, "another payer's partner has prefix aetna-60054/") {
		t.Errorf("another payer's prefix: exit %d %s", code, errOut)
	}

	// Two partners: replay must be told whose inbound the file is.
	story := storyFile(t, "03-837p-claims.edi")
	if code, _, errOut = runCmd(t, "", "replay", "--database", db, "--objects", objects, story); code != exitUnusable || !strings.Contains(errOut, "--payer") {
		t.Errorf("replay without --payer: exit %d %s", code, errOut)
	}
	if code, out, errOut = runCmd(t, "", "replay", "--database", db, "--objects", objects, "--payer", "60054", story); code != exitOK {
		t.Fatalf("replay: exit %d\n%s%s", code, out, errOut)
	}
	if got, err := filepath.Glob(filepath.Join(objects, "aetna-60054", "archive", "*", "*", "*", "*", "03-837p-claims.edi")); err != nil || len(got) != 1 { // archive/YYYY/MM/DD/ID/NAME
		t.Errorf("not archived under the partner's prefix: %v %v", got, err)
	}
	acks, _ := filepath.Glob(filepath.Join(objects, "aetna-60054", "outbound", "*.999.x12"))
	if len(acks) != 1 {
		t.Fatalf("999s: %v", acks)
	}
	// The inbound file says T; the partner is in production, and its
	// acknowledgments say so.
	if got := isa15(t, story); got != "T" {
		t.Fatalf("the story file's ISA15 is %s; the test wants T", got)
	}
	if got := isa15(t, acks[0]); got != "P" {
		t.Errorf("999 to a partner in production: ISA15 %s, want P", got)
	}

	if code, out, _ = runCmd(t, "", "partner", "remove", "60054", "--database", db); code != exitOK || !strings.Contains(out, "removed") {
		t.Errorf("remove: exit %d %s", code, out)
	}
	if code, _, errOut = runCmd(t, "", "partner", "remove", "60054", "--database", db); code != exitFileErrors || !strings.Contains(errOut, "no trading partner") {
		t.Errorf("remove again: exit %d %s", code, errOut)
	}
	if code, _, _ = runCmd(t, "", "partner", "remove", "62308", "--database", db); code != exitOK {
		t.Fatal("remove Cigna")
	}
	if code, _, errOut = runCmd(t, "", "replay", "--database", db, "--objects", objects, story); code != exitUnusable || !strings.Contains(errOut, "no trading partners") {
		t.Errorf("replay without partners: exit %d %s", code, errOut)
	}
}

// A partners file replaces the table: YAML or JSON, every key checked.
func TestPartnersFile(t *testing.T) {
	db := testDatabase(t)
	objects, dir := t.TempDir(), t.TempDir()
	yamlFile := filepath.Join(dir, "partners.yaml")
	if err := os.WriteFile(yamlFile, []byte(`partners:
  - name: Acme Health
    payer_id: "11111"
    prefix: acme/
    their_isa_id: ACME
    their_gs_id: "11111"
    usage: T
    ack_999_within: 12h
    contact: edi@acme.example
`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "", "partner", "list", "--partners", yamlFile)
	if code != exitOK || !strings.Contains(out, "Acme Health") || !strings.Contains(out, "ZZ:ACME/11111") || !strings.Contains(out, "12h") {
		t.Errorf("list --partners: exit %d\n%s%s", code, out, errOut)
	}
	t.Setenv("EDIGW_PARTNERS", yamlFile)
	if code, out, errOut = runCmd(t, "", "replay", "--database", db, "--objects", objects, storyFile(t, "03-837p-claims.edi")); code != exitOK {
		t.Fatalf("replay: exit %d\n%s%s", code, out, errOut)
	}
	if got, err := filepath.Glob(filepath.Join(objects, "acme", "archive", "*", "*", "*", "*", "03-837p-claims.edi")); err != nil || len(got) != 1 { // archive/YYYY/MM/DD/ID/NAME
		t.Errorf("not archived under the file's partner: %v %v", got, err)
	}
	if _, err := os.Stat(filepath.Join(objects, "cigna-62308")); !os.IsNotExist(err) {
		t.Errorf("the table's partner was used too: %v", err)
	}

	jsonFile := filepath.Join(dir, "partners.json")
	for _, tc := range []struct{ text, want string }{
		{`{"partners": [{"name": "Acme", "payer_id": "11111", "prefix": "acme/", "their_isa_id": "ACME", "usage": "Q"}]}`, "usage"},
		{`{"partners": [{"name": "Acme", "payer_id": "11111", "prefix": "acme/", "their_isa": "ACME"}]}`, "their_isa"},
		{`{"partners": [{"name": "A", "payer_id": "1", "prefix": "a/", "their_isa_id": "A"}, {"name": "B", "payer_id": "1", "prefix": "b/", "their_isa_id": "B"}]}`, "share payer ID 1"},
		{`{"partners": [{"name": "A", "payer_id": "1", "prefix": "a/", "their_isa_id": "A", "ack_999_within": "a day"}]}`, "ack_999_within"},
		{`{"partners": []}`, "no partners"},
	} {
		if err := os.WriteFile(jsonFile, []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, errOut := runCmd(t, "", "partner", "list", "--partners", jsonFile); code != exitUnusable || !strings.Contains(errOut, tc.want) {
			t.Errorf("%s: exit %d, want 2 and %q: %s", tc.text, code, tc.want, errOut)
		}
	}
}

func TestMigrateStatusCommand(t *testing.T) {
	db := testDatabase(t)
	code, out, errOut := runCmd(t, "", "migrate", "status", "--database", db)
	if code != exitFileErrors || !regexp.MustCompile(`(?m)^0001 +0001_schema.sql +pending$`).MatchString(out) || strings.Contains(out, "applied") ||
		!strings.Contains(errOut, "pending: run \"edigw migrate\"") {
		t.Errorf("before: exit %d\n%s%s", code, out, errOut)
	}
	t.Setenv("EDIGW_DATABASE_URL", db)
	if code, out, _ = runCmd(t, "", "migrate"); code != exitOK || out != "migrated\n" {
		t.Fatalf("migrate: exit %d %s", code, out)
	}
	code, out, _ = runCmd(t, "", "migrate", "status")
	if code != exitOK || strings.Contains(out, "pending") || !regexp.MustCompile(`(?m)^0010 +0010_partners_as_data.sql +applied 20`).MatchString(out) {
		t.Errorf("after: exit %d\n%s", code, out)
	}
	if code, _, errOut = runCmd(t, "", "migrate", "--objects", "x"); code != exitUnusable || !strings.Contains(errOut, "unknown flag: --objects") {
		t.Errorf("migrate --objects: exit %d %s", code, errOut)
	}
}

// A command's error names each layer once: "edigw: storage: migrate:
// connect: ...", not "edigw: migrate: storage: migrate: ...".
func TestErrorsHaveNoDoubledPrefix(t *testing.T) {
	unreachable := "postgres://edigw@127.0.0.1:1/edigw?connect_timeout=5&sslmode=disable"
	for _, args := range [][]string{
		{"migrate", "--database", unreachable},
		{"migrate", "status", "--database", unreachable},
		{"partner", "list", "--database", unreachable},
		{"replay", "--database", unreachable, "--objects", t.TempDir(), storyFile(t, "03-837p-claims.edi")},
	} {
		code, _, errOut := runCmd(t, "", args...)
		if code != exitUnusable || !strings.HasPrefix(errOut, "edigw: storage: ") {
			t.Errorf("%v: exit %d %s", args, code, errOut)
		}
		seen := map[string]bool{}
		for _, word := range strings.Split(strings.SplitN(errOut, " (", 2)[0], ": ") {
			if seen[word] && !strings.ContainsAny(word, " ") {
				t.Errorf("%v: %q twice in %s", args, word, errOut)
			}
			seen[word] = true
		}
	}
}
