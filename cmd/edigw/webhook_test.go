package main

import (
	"strings"
	"testing"

	"github.com/edigw/edigw/webhook"
)

// edigw webhook create prints the secret once on standard output, list
// shows the subscription without it, delete ends it; refused URLs and
// schedules are usage errors.
func TestWebhookCommands(t *testing.T) {
	db := testDatabase(t)
	if code, _, errOut := runCmd(t, "", "token", "create", "--database", db, "--name", "billing", "--entitlement", "claims", "--tin", "061234567"); code != exitOK {
		t.Fatalf("token create: %s", errOut)
	}
	t.Setenv(webhookKeyEnv, "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
	code, out, errOut := runCmd(t, "", "webhook", "create", "--database", db, "--token", "1", "--url", "http://127.0.0.1:9/hook",
		"--allow-http", "--kind", "claim.*", "--digest", "weekly:monday@07:30", "--time-zone", "America/New_York")
	secret := strings.TrimSpace(out)
	if code != exitOK || !strings.HasPrefix(secret, webhook.SecretPrefix) || !strings.Contains(errOut, "webhook 1 for token 1") {
		t.Fatalf("create: exit %d, %q, %s", code, out, errOut)
	}
	code, out, _ = runCmd(t, "", "webhook", "list", "--database", db)
	if code != exitOK || !strings.Contains(out, "http://127.0.0.1:9/hook") || !strings.Contains(out, "weekly on monday at 07:30 America/New_York") ||
		!strings.Contains(out, "active") || strings.Contains(out, secret) || strings.Contains(out, strings.TrimPrefix(secret, webhook.SecretPrefix)) {
		t.Fatalf("list: exit %d\n%s", code, out)
	}
	for _, args := range [][]string{
		{"--token", "1", "--url", "http://127.0.0.1:9/hook"},                                        // http without --allow-http
		{"--token", "1", "--url", "https://169.254.169.254/x"},                                      // metadata
		{"--token", "2", "--url", "https://127.0.0.1:9/hook", "--allow-http"},                       // no such token
		{"--token", "1", "--url", "https://127.0.0.1:9/hook", "--allow-http", "--digest", "hourly"}, // schedule
	} {
		if code, _, _ := runCmd(t, "", append([]string{"webhook", "create", "--database", db}, args...)...); code != exitUnusable {
			t.Errorf("create %v: exit %d, want %d", args, code, exitUnusable)
		}
	}
	if code, out, _ := runCmd(t, "", "webhook", "delete", "--database", db, "1"); code != exitOK || !strings.Contains(out, "deleted") {
		t.Fatalf("delete: %d %s", code, out)
	}
	if code, _, _ := runCmd(t, "", "webhook", "delete", "--database", db, "1"); code != exitUnusable {
		t.Fatalf("delete again: exit %d", code)
	}
}
