package main

import (
	"bufio"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/api"
	"github.com/edigw/edigw/storage"
)

// TestMissingAuthorizationOneVerdict (issue 13, sections 1 and 2): the
// story's 837 with the check on, against the story's approval, through
// every entry point: validate, ack and translate with --database, replay
// (the pipeline serve runs) and the API. The bed claim is covered; the
// second claim names no authorization and draws auth-missing, which the
// 62308 profile warns about: each entry point accepts both claims, as the
// 277CA does (A2:20), and shows the warning where it shows findings.
// TestOneVerdictEverywhere runs its crafted files without a store, where
// the check is not run.
func TestMissingAuthorizationOneVerdict(t *testing.T) {
	story := func(name string) string { return filepath.Join("..", "..", "fixtures", "story", name) }
	claims := story("03-837p-claims.edi")
	db, objects := testDatabase(t), t.TempDir()
	if code, out, errOut := runCmd(t, "", "replay", "--database", db, "--objects", objects,
		story("01-278-request.edi"), story("02-278-response.edi")); code != exitOK {
		t.Fatalf("replay of the 278s: exit %d\n%s%s", code, out, errOut)
	}
	accepted := []string{"A2:20", "A2:20"}

	// validate
	code, out, _ := runCmd(t, "", "validate", "--json", "--database", db, claims)
	var rep validateJSON
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Sets) != 1 {
		t.Fatalf("validate: exit %d %v\n%s", code, err, out)
	}
	if code != exitOK || rep.Sets[0].Disposition != "A" || !slices.Equal(validateClaims(rep.Sets[0]), accepted) ||
		rep.AuthorizationCheck != "run" || rep.WarningCount != 1 || !strings.Contains(out, "auth-missing") {
		t.Errorf("validate: exit %d, %s %v, check %q, %d warnings\n%s", code, rep.Sets[0].Disposition,
			validateClaims(rep.Sets[0]), rep.AuthorizationCheck, rep.WarningCount, out)
	}

	// ack
	ackDir := t.TempDir()
	if code, out, _ := runCmd(t, "", "ack", "--database", db, "--out", ackDir, claims); code != exitOK {
		t.Errorf("ack: exit %d\n%s", code, out)
	}
	if d, got := acknowledgedIn(t, ackDir); d != "A" || !slices.Equal(got, accepted) {
		t.Errorf("ack: %s %v", d, got)
	}

	// translate
	code, out, errOut := runCmd(t, "", "translate", "--database", db, claims)
	var records []json.RawMessage
	var findings []string
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var line struct {
			Record json.RawMessage `json:"record"`
		}
		var c edigw.Claim
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil || json.Unmarshal(line.Record, &c) != nil {
			t.Fatalf("translate: %v\n%s", err, out)
		}
		records = append(records, line.Record)
		findings = append(findings, rules(c.AuthorizationFindings)+" "+string(c.Status))
	}
	if want := []string{" submitted", "auth-missing submitted"}; code != exitOK || !slices.Equal(findings, want) {
		t.Errorf("translate: exit %d, %q, want %q\n%s", code, findings, want, errOut)
	}

	// replay: the pipeline, its acknowledgments and the stored claims
	if code, out, errOut := runCmd(t, "", "replay", "--database", db, "--objects", objects, claims); code != exitOK {
		t.Fatalf("replay: exit %d\n%s%s", code, out, errOut)
	}
	if d, got := acknowledgedIn(t, objects, "/outbound/", "03-837p-claims."); d != "A" || !slices.Equal(got, accepted) {
		t.Errorf("pipeline: %s %v", d, got)
	}
	store, err := storage.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for i, pcn := range []string{"DME-2026-0101", "DME-2026-0102"} {
		sc, err := store.ClaimByControlNumber(context.Background(), "62308", pcn, nil)
		if err != nil {
			t.Fatalf("stored claim %d: %v", i+1, err)
		}
		if got := rules(sc.Claim.AuthorizationFindings) + " " + string(sc.Claim.Status); got != findings[i] {
			t.Errorf("stored claim %d: %q, want %q as translate says", i+1, got, findings[i])
		}
	}

	// the API: the second claim as JSON, answered 202 with its warning
	secret, hash, err := api.NewSecret()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.CreateToken(context.Background(), &edigw.Token{Name: "authverdict", Entitlements: []edigw.Entitlement{edigw.EntitleClaims},
		Scope: edigw.Scope{TINs: []string{"061234567"}, NPIs: []string{"1234567893"}}}, hash); err != nil {
		t.Fatal(err)
	}
	addr, _, _, logs := startServe(t, "--database", db, "--objects", t.TempDir(), "--poll", "0")
	status, body := postClaim(t, addr, secret, "authverdict-2", records[1])
	if status != 202 || !strings.Contains(string(body), `"rule":"auth-missing"`) {
		t.Errorf("API: %d %s\n%s", status, body, logs)
	}
}

// rules lists the findings' rules.
func rules(fs []edigw.AuthorizationFinding) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return strings.Join(out, ",")
}
