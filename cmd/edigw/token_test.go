package main

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/api"
	"github.com/edigw/edigw/internal/testenv"
	"github.com/edigw/edigw/storage"
)

// testDatabase creates an empty database on the test server (the
// commands migrate it) and returns its URL; it is dropped at the end.
func testDatabase(t *testing.T) string {
	return (&testenv.Databases{Prefix: "edigw_cmd_"}).Empty(t)
}

func TestTokenCreateAndRevoke(t *testing.T) {
	db := testDatabase(t)
	code, out, errOut := runCmd(t, "", "token", "create", "--database", db, "--name", "homecare billing",
		"--entitlement", "claims,remittances", "--entitlement", "claims", "--tin", "06-1234567", "--npi", "1234567893")
	if code != exitOK {
		t.Fatalf("create: exit %d: %s", code, errOut)
	}
	secret := strings.TrimSpace(out)
	if !strings.HasPrefix(secret, api.TokenPrefix) || strings.Contains(secret, "\n") || len(secret) < 40 {
		t.Fatalf("stdout is not one secret: %q", out)
	}
	if !strings.Contains(errOut, "shown once") || strings.Contains(errOut, secret) {
		t.Errorf("stderr: %s", errOut)
	}

	store, err := storage.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	tok, err := store.TokenByHash(context.Background(), api.HashSecret(secret))
	if err != nil {
		t.Fatalf("the secret finds no token: %v", err)
	}
	if tok.Name != "homecare billing" || !slices.Equal(tok.Entitlements, []edigw.Entitlement{edigw.EntitleClaims, edigw.EntitleRemittances}) ||
		!slices.Equal(tok.Scope.TINs, []string{"061234567"}) || !slices.Equal(tok.Scope.NPIs, []string{"1234567893"}) {
		t.Errorf("stored %+v", tok)
	}
	// Only the secret's SHA-256 is kept.
	conn, err := pgx.Connect(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var hashed, plain int
	if err := conn.QueryRow(context.Background(), `SELECT count(*) FILTER (WHERE secret_hash = sha256(convert_to($1, 'UTF8'))),
		count(*) FILTER (WHERE strpos(row_to_json(api_tokens)::text, $1) > 0) FROM api_tokens`, secret).Scan(&hashed, &plain); err != nil ||
		hashed != 1 || plain != 0 {
		t.Errorf("stored: %d rows with the secret's SHA-256, %d with the secret itself (%v)", hashed, plain, err)
	}

	code, out, errOut = runCmd(t, "", "token", "revoke", "--database", db, "1")
	if code != exitOK || !strings.Contains(out, "token 1 revoked") {
		t.Fatalf("revoke: exit %d: %s %s", code, out, errOut)
	}
	if _, err := store.TokenByHash(context.Background(), api.HashSecret(secret)); !errors.Is(err, edigw.ErrNotFound) {
		t.Errorf("after revoke: %v", err)
	}
	if code, _, errOut = runCmd(t, "", "token", "revoke", "--database", db, "99"); code != exitUnusable || !strings.Contains(errOut, "no token 99") {
		t.Errorf("revoke unknown: exit %d %s", code, errOut)
	}
}

func TestTokenCreateRefusesBadFlags(t *testing.T) {
	for name, args := range map[string][]string{
		"no name":             {"--entitlement", "claims", "--tin", "061234567"},
		"no entitlement":      {"--name", "x", "--tin", "061234567"},
		"unknown entitlement": {"--name", "x", "--entitlement", "eligibility", "--tin", "061234567"},
		"no scope":            {"--name", "x", "--entitlement", "claims"},
		"short TIN":           {"--name", "x", "--entitlement", "claims", "--tin", "12345"},
		"bad NPI check digit": {"--name", "x", "--entitlement", "claims", "--npi", "1234567890"},
	} {
		// Flags are checked before the database is needed.
		code, out, errOut := runCmd(t, "", append([]string{"token", "create", "--database", "postgres://nowhere.invalid/x"}, args...)...)
		if code != exitUnusable || out != "" || errOut == "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", name, code, out, errOut)
		}
	}
	if code, _, _ := runCmd(t, "", "token", "revoke", "abc"); code != exitUnusable {
		t.Errorf("revoke abc: exit %d", code)
	}
}
