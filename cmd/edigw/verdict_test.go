package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/api"
	"github.com/edigw/edigw/mapping"
	"github.com/edigw/edigw/storage"
)

// verdictCase is the story's 837 (two claims, one billing provider) with
// one thing wrong, and what edigw's acknowledgments must say of it: the
// 999's IK501 and each claim's 277CA STC01 ("" when the 999 rejects the
// set and no 277CA answers it).
type verdictCase struct {
	name        string
	from, to    string // the change made to the story's file
	disposition string
	claims      []string
	// syntax: the fault is one of X12 segments, which a claim submitted as
	// JSON cannot have (the API writes the 837 itself).
	syntax bool
}

var verdictCases = []verdictCase{
	{name: "valid", disposition: "A", claims: []string{"A2:20", "A2:20"}},
	// The billing provider (2010AA) holds both claims: the 277CA rejects both.
	{name: "bad-npi", from: "XX*1234567893~", to: "XX*1234567890~", disposition: "A", claims: []string{"A7:562:85", "A7:562:85"}},
	{name: "clm02-not-sum", from: "CLM*DME-2026-0101*1450*", to: "CLM*DME-2026-0101*1460*", disposition: "A", claims: []string{"A7:400", "A2:20"}},
	{name: "bad-icd10", from: "HI*ABK:G20A1~", to: "HI*ABK:9G20A~", disposition: "A", claims: []string{"A2:20", "A7:254"}},
	{name: "bad-place-of-service", from: "SV1*HC:E0250:NU*1450*UN*1***1~", to: "SV1*HC:E0250:NU*1450*UN*1*00**1~", disposition: "A", claims: []string{"A7:249", "A2:20"}},
	// A required segment missing at the end of a claim's last line is
	// found at the next HL, which no claim holds alone: the 999 rejects
	// the set (decision 0002).
	{name: "missing-segment", from: "DTP*472*D8*20260203~", to: "", disposition: "R", claims: []string{"", ""}, syntax: true},
	// A guide error inside one claim: the 999 accepts the set with errors,
	// the 277CA rejects that claim.
	{name: "bad-code-in-claim", from: "*1450***12:B:1*", to: "*1450***12:X:1*", disposition: "E", claims: []string{"A3:21", "A2:20"}},
	{name: "missing-header-segment", from: "BHT*0019*00*HC5002*20260210*0915*CH~", to: "", disposition: "R", claims: []string{"", ""}, syntax: true},
}

// verdictFile writes case i's file: the story's 837 changed, with an
// interchange number and claim numbers of its own so that replaying every
// case into one database meets no duplicate.
func verdictFile(t *testing.T, dir string, i int, c verdictCase) (string, []string) {
	t.Helper()
	src, err := os.ReadFile(storyFile(t, "03-837p-claims.edi"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	if c.from != "" {
		if !strings.Contains(s, c.from) {
			t.Fatalf("%s: the story's file has no %q", c.name, c.from)
		}
		s = strings.Replace(s, c.from, c.to, 1)
	}
	isa := fmt.Sprintf("%09d", 710+i)
	s = strings.Replace(s, "*000005002*0*T*", "*"+isa+"*0*T*", 1)
	s = strings.Replace(s, "IEA*1*000005002~", "IEA*1*"+isa+"~", 1)
	prefix := fmt.Sprintf("VRD-%02d-", i)
	s = strings.ReplaceAll(s, "DME-2026-", prefix)
	p := filepath.Join(dir, "verdict-"+c.name+".edi")
	if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	return p, []string{prefix + "0101", prefix + "0102"}
}

// accepted says whether a 277CA STC01 accepts the claim.
func accepted(stc string) bool { return strings.HasPrefix(stc, "A1:") || strings.HasPrefix(stc, "A2:") }

// TestOneVerdictEverywhere (issue 13, section 1): each crafted file goes
// through validate, ack, translate, replay into PostgreSQL (the pipeline
// serve runs, its 999 and 277CA in outbound/ and the claims stored), and
// each of its claims through the API as JSON; every entry point gives the
// same verdict.
func TestOneVerdictEverywhere(t *testing.T) {
	db := testDatabase(t)
	dir, objects := t.TempDir(), t.TempDir()
	if err := storage.Migrate(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	store, err := storage.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	// The token's scope holds the NPI that fails its check digit, which
	// "edigw token create" refuses: so the bad-npi claim reaches the
	// rules rather than stopping at the scope check (403).
	secret, hash, err := api.NewSecret()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.CreateToken(context.Background(), &edigw.Token{Name: "verdict", Entitlements: []edigw.Entitlement{edigw.EntitleClaims},
		Scope: edigw.Scope{TINs: []string{"061234567"}, NPIs: []string{"1234567893", "1234567890"}}}, hash); err != nil {
		t.Fatal(err)
	}
	addr, _, _, logs := startServe(t, "--database", db, "--objects", t.TempDir(), "--poll", "0")

	for i, c := range verdictCases {
		t.Run(c.name, func(t *testing.T) {
			file, pcns := verdictFile(t, dir, i, c)
			wantRejected := make([]bool, len(c.claims))
			for j, stc := range c.claims {
				wantRejected[j] = !accepted(stc)
			}
			wantCode := exitOK
			if c.name != "valid" {
				wantCode = exitFileErrors
			}

			// validate
			code, out, _ := runCmd(t, "", "validate", "--json", file)
			var rep validateJSON
			if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Sets) != 1 {
				t.Fatalf("validate: exit %d %v\n%s", code, err, out)
			}
			if code != wantCode || rep.Sets[0].Disposition != c.disposition || !slices.Equal(validateClaims(rep.Sets[0]), c.claims) {
				t.Errorf("validate: exit %d, %s %v; want exit %d, %s %v", code, rep.Sets[0].Disposition, validateClaims(rep.Sets[0]),
					wantCode, c.disposition, c.claims)
			}
			for _, pcn := range pcns {
				if strings.Contains(out, pcn) {
					t.Errorf("validate prints a patient control number:\n%s", out)
				}
			}

			// ack
			ackDir := t.TempDir()
			if code, out, _ := runCmd(t, "", "ack", file, "--out", ackDir); code != wantCode {
				t.Errorf("ack: exit %d, want %d\n%s", code, wantCode, out)
			}
			if d, claims := acknowledgedIn(t, ackDir); d != c.disposition || !slices.Equal(claims, c.claims) {
				t.Errorf("ack: %s %v; want %s %v", d, claims, c.disposition, c.claims)
			}

			// translate
			code, out, errOut := runCmd(t, "", "translate", file)
			if code != wantCode {
				t.Errorf("translate: exit %d, want %d\n%s", code, wantCode, errOut)
			}
			var records []json.RawMessage
			var rejected []bool
			sc := bufio.NewScanner(strings.NewReader(out))
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				var line struct {
					Record json.RawMessage `json:"record"`
				}
				var cl struct {
					Status string `json:"status"`
				}
				if err := json.Unmarshal(sc.Bytes(), &line); err != nil || json.Unmarshal(line.Record, &cl) != nil {
					t.Fatalf("translate: %v\n%s", err, out)
				}
				records = append(records, line.Record)
				rejected = append(rejected, cl.Status == string(edigw.ClaimRejected))
			}
			if !slices.Equal(rejected, wantRejected) {
				t.Errorf("translate: rejected %v, want %v", rejected, wantRejected)
			}

			// replay: the pipeline, its acknowledgments and the stored claims
			code, out, errOut = runCmd(t, "", "replay", "--database", db, "--objects", objects, file)
			replayCode := exitFileErrors // nothing accepted: the file goes to error/
			if slices.Contains(wantRejected, false) {
				replayCode = exitOK
			}
			if code != replayCode {
				t.Errorf("replay: exit %d, want %d\n%s%s", code, replayCode, out, errOut)
			}
			if d, claims := acknowledgedIn(t, objects, "/outbound/", strings.TrimSuffix(filepath.Base(file), ".edi")+"."); d != c.disposition || !slices.Equal(claims, c.claims) {
				t.Errorf("pipeline: %s %v; want %s %v", d, claims, c.disposition, c.claims)
			}
			if slices.Contains(wantRejected, false) { // else the file is rejected and nothing stored
				for j, pcn := range pcns {
					sc, err := store.ClaimByControlNumber(context.Background(), "62308", pcn, nil)
					if err != nil {
						t.Fatalf("stored claim %d: %v", j+1, err)
					}
					if got := sc.Claim.Status == edigw.ClaimRejected; got != wantRejected[j] {
						t.Errorf("stored claim %d: %s, want rejected %v", j+1, sc.Claim.Status, wantRejected[j])
					}
					if wantRejected[j] && !strings.HasPrefix(sc.StatusReason, "277CA: "+c.claims[j]+" (") {
						t.Errorf("stored claim %d: reason %q, want the 277CA's %s with its description", j+1, sc.StatusReason, c.claims[j])
					}
				}
			}

			// the API, claim by claim as JSON
			if c.syntax {
				return
			}
			for j, rec := range records {
				status, body := postClaim(t, addr, secret, fmt.Sprintf("verdict-%d-%d", i, j), rec)
				if want := map[bool]int{false: http.StatusAccepted, true: http.StatusUnprocessableEntity}[wantRejected[j]]; status != want {
					t.Errorf("API claim %d: %d, want %d: %s\n%s", j+1, status, want, body, logs)
				}
			}
		})
	}
}

// validateClaims is what validate says of each claim, as in verdictCase.
func validateClaims(l setLine) []string {
	out := make([]string, l.Claims)
	for i := range out {
		if l.Disposition != "R" {
			out[i] = "A2:20"
		}
	}
	for _, r := range l.RejectedClaims {
		out[r.Position-1] = r.Status
	}
	return out
}

// acknowledgedIn reads the 999 and the 277CA under dir (those whose name
// holds every part): the 999's IK501 and each claim's STC01.
func acknowledgedIn(t *testing.T, dir string, parts ...string) (string, []string) {
	t.Helper()
	var disposition string
	var claims []string
	n999 := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		for _, part := range parts {
			if !strings.Contains(p, part) {
				return nil
			}
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, err = mapping.Read(bytes.NewReader(data), p, mapping.Handlers{Acknowledgment: func(a *edigw.Acknowledgment) error {
			switch {
			case a.Group != nil:
				n999++
				for _, s := range a.Group.Sets {
					disposition = s.Code
				}
			case a.Claims != nil:
				for _, c := range a.Claims.ClaimStatuses() {
					claims = append(claims, c.Statuses[0].Codes[0].String())
				}
			}
			return nil
		}})
		return err
	})
	if err != nil || n999 != 1 {
		t.Fatalf("acknowledgments in %s: %d 999s, %v", dir, n999, err)
	}
	if claims == nil {
		claims = []string{"", ""} // no 277CA: the 999 rejected the set
	}
	return disposition, claims
}

// postClaim submits one claim to the API.
func postClaim(t *testing.T, addr, secret, key string, rec []byte) (int, []byte) {
	t.Helper()
	return postJSON(t, addr, "/v1/claims", secret, key, rec)
}

// postJSON posts a JSON body to the API under a token, with an
// Idempotency-Key unless key is "".
func postJSON(t *testing.T, addr, path, secret, key string, body []byte) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest("POST", "http://"+addr+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+secret)
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}

// validate's text report says the 999's verdict and the claims the 277CA
// rejects, by position: here a billing provider NPI failing its check
// digit, which once passed validate with exit 0.
func TestValidateSaysWhatTheAcknowledgmentsDecide(t *testing.T) {
	file, pcns := verdictFile(t, t.TempDir(), 1, verdictCases[1])
	code, out, _ := runCmd(t, "", "validate", file)
	if code != exitFileErrors || !strings.Contains(out, "(1 accepted, 0 accepted with errors, 0 rejected)") ||
		!strings.Contains(out, ": accepted (2 errors); the 277CA rejects claims 1 (A7:562:85), 2 (A7:562:85) of 2\n") {
		t.Errorf("exit %d\n%s", code, out)
	}
	file, pcns2 := verdictFile(t, t.TempDir(), 6, verdictCases[6])
	code, out, _ = runCmd(t, "", "validate", file)
	if code != exitFileErrors || !strings.Contains(out, ": accepted with errors (1 error); the 277CA rejects claim 1 (A3:21) of 2\n") {
		t.Errorf("exit %d\n%s", code, out)
	}
	for _, pcn := range append(pcns, pcns2...) {
		if strings.Contains(out, pcn) {
			t.Errorf("validate prints a patient control number:\n%s", out)
		}
	}
}
