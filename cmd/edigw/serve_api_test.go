package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// serve tells the API its trading partners and its submission limit: a
// claim for a payer no partner sends to is refused at submission (422,
// field payerId) instead of waiting in the queue for good; one for the
// partner's payer is queued.
func TestServeRefusesClaimsForPayersWithoutPartner(t *testing.T) {
	db := testDatabase(t)
	secret := homecareToken(t, db)
	addr, _, _, logs := startServe(t, "--database", db, "--objects", t.TempDir(), "--poll", "0", "--max-submissions", "2")
	post := func(body []byte) (int, []byte) { return postClaim(t, addr, secret, "", body) }
	claim := storyClaim(t)
	status, body := post(bytes.ReplaceAll(claim, []byte(`"62308"`), []byte(`"99999"`)))
	var refused struct {
		Error struct {
			Code     string `json:"code"`
			Problems []struct {
				Field string `json:"field"`
			} `json:"problems"`
		} `json:"error"`
	}
	if err := json.Unmarshal(body, &refused); err != nil || status != http.StatusUnprocessableEntity ||
		refused.Error.Code != "invalid_records" || len(refused.Error.Problems) != 1 || refused.Error.Problems[0].Field != "payerId" {
		t.Errorf("claim for payer 99999: %d %s\n%s", status, body, logs)
	}
	if status, body := post(claim); status != http.StatusAccepted {
		t.Errorf("claim for Cigna: %d %s", status, body)
	}
	code, _, errOut := runCmd(t, "", "serve", "--database", db, "--objects", t.TempDir(), "--listen", "127.0.0.1:0",
		"--poll", "0", "--max-submissions", "0")
	if code != exitUnusable || !strings.Contains(errOut, "--max-submissions") {
		t.Errorf("--max-submissions 0: exit %d %s", code, errOut)
	}
}
