package main

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/api"
	"github.com/edigw/edigw/storage"
)

// token list shows every token's ID, name, entitlements, scope, creation,
// last use, expiry and state, and never a secret or its hash.
func TestTokenListShowsTokensNotSecrets(t *testing.T) {
	db := testDatabase(t)
	create := func(args ...string) string {
		t.Helper()
		code, out, errOut := runCmd(t, "", append([]string{"token", "create", "--database", db}, args...)...)
		if code != exitOK {
			t.Fatalf("create %v: exit %d: %s", args, code, errOut)
		}
		return strings.TrimSpace(out)
	}
	secrets := []string{
		create("--name", "homecare billing", "--entitlement", "claims,remittances", "--tin", "061234567", "--npi", "1234567893"),
		create("--name", "portal", "--entitlement", "precertification", "--npi", "1245319599", "--expires", "720h"),
		create("--name", "old system", "--entitlement", "claims", "--tin", "222222222", "--expires", "2099-01-31"),
	}
	store, err := storage.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ctx := context.Background()
	// One expired (the command refuses a past expiry; the store does not).
	past := time.Now().Add(-time.Hour)
	secret, hash, err := api.NewSecret()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.CreateToken(ctx, &edigw.Token{Name: "lapsed", Entitlements: []edigw.Entitlement{edigw.EntitleClaims},
		Scope: edigw.Scope{TINs: []string{"333333333"}}, ExpiresAt: &past}, hash); err != nil {
		t.Fatal(err)
	}
	secrets = append(secrets, secret)
	if err := store.RevokeToken(ctx, 3); err != nil {
		t.Fatal(err)
	}
	// Token 1 is used once.
	tok, err := store.TokenByHash(ctx, api.HashSecret(secrets[0]))
	if err != nil {
		t.Fatal(err)
	}
	if err := store.TouchToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}

	code, out, errOut := runCmd(t, "", "token", "list", "--database", db)
	if code != exitOK {
		t.Fatalf("list: exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "ID") {
		t.Fatalf("list:\n%s", out)
	}
	for _, col := range []string{"NAME", "ENTITLEMENTS", "TINS", "NPIS", "CREATED", "LAST USED", "EXPIRES", "STATE"} {
		if !strings.Contains(lines[0], col) {
			t.Errorf("no %s column: %s", col, lines[0])
		}
	}
	in30Days := time.Now().Add(720 * time.Hour).UTC().Format("2006-01-02")
	for i, want := range [][]string{
		{"1 ", `"homecare billing"`, "claims,remittances", "061234567", "1234567893", "expires-never", "live"},
		{"2 ", `"portal"`, "precertification", "1245319599", in30Days, "live"},
		{"3 ", `"old system"`, "claims", "222222222", "2099-01-31 00:00:00Z", "revoked"},
		{"4 ", `"lapsed"`, "333333333", "expired"},
	} {
		line := lines[i+1]
		fields := strings.Fields(line)
		for _, w := range want {
			if w == "expires-never" {
				// Used, so its LAST USED is a time; it never expires.
				if fields[len(fields)-2] != "never" || strings.Count(line, "never") != 1 {
					t.Errorf("token %d: %s", i+1, line)
				}
				continue
			}
			if !strings.Contains(line, w) {
				t.Errorf("token %d: no %q in %s", i+1, w, line)
			}
		}
	}
	if strings.Count(lines[2], "never") != 1 { // portal: never used
		t.Errorf("portal: %s", lines[2])
	}
	for _, s := range secrets {
		h := api.HashSecret(s)
		for _, leak := range []string{s, strings.TrimPrefix(s, api.TokenPrefix), hex.EncodeToString(h),
			base64.StdEncoding.EncodeToString(h), base64.RawURLEncoding.EncodeToString(h)} {
			if strings.Contains(out+errOut, leak) {
				t.Errorf("token list shows a secret or its hash: %q", leak)
			}
		}
	}
}

func TestTokenCreateExpiresFlag(t *testing.T) {
	now := time.Date(2026, 12, 4, 17, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Time{
		"720h":                 now.Add(720 * time.Hour),
		"2027-01-31":           time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC),
		"2027-01-31T12:00:00Z": time.Date(2027, 1, 31, 12, 0, 0, 0, time.UTC),
	} {
		got, err := expiryFromFlag(v, now)
		if err != nil || !got.Equal(want) {
			t.Errorf("--expires %s: %v %v, want %v", v, got, err, want)
		}
	}
	for _, v := range []string{"-1h", "0s", "2020-01-01", "30 days", "tomorrow"} {
		if _, err := expiryFromFlag(v, now); err == nil {
			t.Errorf("--expires %s accepted", v)
		}
	}
	// Refused before the database is needed.
	code, out, errOut := runCmd(t, "", "token", "create", "--database", "postgres://nowhere.invalid/x", "--name", "x",
		"--entitlement", "claims", "--tin", "061234567", "--expires", "yesterday")
	if code != exitUnusable || out != "" || !strings.Contains(errOut, "--expires") {
		t.Errorf("bad --expires: exit %d, %q %q", code, out, errOut)
	}
}
