package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fixture(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join("..", "..", "fixtures", "edi", name)
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestValidateCommand(t *testing.T) {
	code, out, _ := runCmd(t, "", "validate", fixture(t, "cigna-837p-dme-claim.edi"))
	if code != exitOK || !strings.Contains(out, "005010X222A1 (Health Care Claim: Professional): accepted") || !strings.HasSuffix(out, "valid\n") {
		t.Errorf("valid claim: exit %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "", "validate", fixture(t, "cigna-837p-one-claim-rejected.edi"))
	if code != exitFileErrors || !strings.Contains(out, "CLM05-2 in loop 2300") || !strings.Contains(out, "[IK403=7]") {
		t.Errorf("bad claim: exit %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "", "validate", "--json", fixture(t, "broken-missing-receiver.edi"))
	var rep validateJSON
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("exit %d: %v\n%s", code, err, out)
	}
	if code != exitFileErrors || rep.Valid || rep.SetsRejected != 1 || len(rep.Sets) != 1 || rep.Sets[0].Errors[0].Code != "IK304=3" {
		t.Errorf("json report: %+v", rep)
	}
}

func TestAckCommand(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := runCmd(t, "", "ack", fixture(t, "cigna-837p-one-claim-rejected.edi"), "--out", dir)
	if code != exitFileErrors || !strings.Contains(out, "claims 1 accepted, 1 rejected") {
		t.Errorf("exit %d\n%s", code, out)
	}
	// Named .x12, as serve names the acknowledgments it writes.
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != 2 || !strings.HasSuffix(files[0], ".277ca.x12") || !strings.HasSuffix(files[1], ".999.x12") {
		t.Fatalf("wrote %v, want a 999 and a 277CA named .x12", files)
	}
	for _, f := range files {
		if code, out, _ := runCmd(t, "", "validate", f); code != exitOK {
			t.Errorf("%s does not validate: %s", f, out)
		}
	}
}

func TestRenderShowsLoopsAndNames(t *testing.T) {
	code, out, _ := runCmd(t, "", "render", "-e", fixture(t, "cigna-837p-dme-claim.edi"))
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for _, want := range []string{"2000A/2000B/2300", "CLM*DME-2026-0001", "# Claim Information", "CLM05-2", "Facility Code Qualifier"} {
		if !strings.Contains(out, want) {
			t.Errorf("render lacks %q:\n%s", want, out)
		}
	}
}

func TestTranslateCommand(t *testing.T) {
	code, out, errOut := runCmd(t, "", "translate", fixture(t, "cigna-837p-one-claim-rejected.edi"))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitFileErrors || len(lines) != 2 || !strings.Contains(errOut, "2 claims") {
		t.Fatalf("exit %d, %d lines, %s", code, len(lines), errOut)
	}
	var rec struct {
		Type   string
		Record struct {
			PatientControlNumber string
			TotalCharge          string
			Status               string
			PriorAuthorization   string
		}
	}
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Type != "claim" || rec.Record.PatientControlNumber != "DME-2026-0001" || rec.Record.TotalCharge != "1450" ||
		rec.Record.Status != "submitted" || rec.Record.PriorAuthorization != "AUTH20260001" {
		t.Errorf("first claim: %+v", rec)
	}
	if !strings.Contains(lines[1], `"status":"rejected"`) {
		t.Errorf("second claim not rejected: %s", lines[1])
	}
	if code, _, _ := runCmd(t, "", "translate", "--to", "xml", fixture(t, "cigna-837p-dme-claim.edi")); code != exitUnusable {
		t.Errorf("--to xml: exit %d", code)
	}
}
