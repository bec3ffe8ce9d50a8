package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// submittedBody is the answer to a submission.
type submittedBody struct {
	Status string `json:"status"`
	Items  []struct {
		ID        string `json:"id"`
		Reference string `json:"reference"`
		Href      string `json:"href"`
	} `json:"items"`
}

func TestSubmitClaimQueuesIt(t *testing.T) {
	e := newEnv(t, envOptions{})
	tok, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	res := e.call(t, "POST", "/v1/claims", tok, []*edigw.Claim{claim("A-1", tinA, npiA), claim("A-2", tinA, npiA)})
	if res.status != http.StatusAccepted {
		t.Fatalf("status %d: %s", res.status, res.body)
	}
	var got submittedBody
	res.json(t, &got)
	if got.Status != "queued" || len(got.Items) != 2 || got.Items[0].Reference != "A-1" || got.Items[1].Reference != "A-2" {
		t.Fatalf("answer %s", res.body)
	}
	// The claims are queued for the next 837, outbound and submitted.
	queued, err := e.db.TakeQueuedClaims(context.Background(), edigw.Cigna, edigw.Professional, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(queued) != 2 || queued[0].Claim.PatientControlNumber != "A-1" {
		t.Fatalf("queued %+v", queued)
	}
	// And readable at the href given, as the JSON view.
	read := e.call(t, "GET", got.Items[0].Href, tok, nil)
	if read.status != http.StatusOK || !strings.Contains(string(read.body), `"patientControlNumber":"A-1"`) ||
		!strings.Contains(string(read.body), `"placeOfServiceValue"`) && !strings.Contains(string(read.body), `"frequencyCodeValue"`) {
		t.Fatalf("read back %d: %s", read.status, read.body)
	}
	var stored struct {
		ID        string `json:"id"`
		Direction string `json:"direction"`
		Claim     struct {
			Status string `json:"status"`
		} `json:"claim"`
	}
	read.json(t, &stored)
	if stored.ID != got.Items[0].ID || stored.Direction != "outbound" || stored.Claim.Status != "submitted" {
		t.Errorf("stored claim %s", read.body)
	}
}

func TestSubmitClaimMissingFieldIs422NamingIt(t *testing.T) {
	e := newEnv(t, envOptions{})
	tok, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	bad := claim("A-1", tinA, npiA)
	bad.Subscriber.MemberID = ""
	ok := claim("A-2", tinA, npiA)
	unbalanced := claim("A-3", tinA, npiA)
	unbalanced.TotalCharge = 99
	res := e.call(t, "POST", "/v1/claims", tok, []*edigw.Claim{ok, bad, unbalanced})
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d: %s", res.status, res.body)
	}
	er := res.apiError(t)
	if er.Error.Code != "invalid_records" {
		t.Errorf("code %q", er.Error.Code)
	}
	if strings.Contains(string(res.body), `"reference"`) {
		t.Errorf("a 422 names records by a reference: %s", res.body)
	}
	byRecord := map[int][]string{}
	for _, p := range er.Error.Problems {
		byRecord[p.Record] = append(byRecord[p.Record], p.Field+": "+p.Message)
		// The record is named by its index: a 422 repeats no value of it,
		// not even its patient control number.
		if strings.Contains(p.Message, "A-") {
			t.Errorf("problem of record %d repeats the claim's reference: %+v", p.Record, p)
		}
	}
	if len(byRecord[0]) != 0 {
		t.Errorf("the sound claim has problems: %v", byRecord[0])
	}
	// mapping.CheckClaims names the loop's field and says what it lacks.
	if !containsPrefix(byRecord[1], "subscriber: missing") || !strings.Contains(strings.Join(byRecord[1], ";"), "memberId") {
		t.Errorf("missing member ID not named: %v", byRecord[1])
	}
	if len(byRecord[2]) == 0 {
		t.Errorf("unbalanced claim passed: %v", er.Error.Problems)
	}
	// Nothing was queued, not even the sound claim.
	if queued, _ := e.db.TakeQueuedClaims(context.Background(), edigw.Cigna, edigw.Professional, 10); len(queued) != 0 {
		t.Errorf("%d claims queued", len(queued))
	}
}

func containsPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

func TestMalformedAndUnknownJSONAre400(t *testing.T) {
	e := newEnv(t, envOptions{maxBody: 64 << 10})
	tok, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	raw, err := json.Marshal(claim("A-1", tinA, npiA))
	if err != nil {
		t.Fatal(err)
	}

	// Broken JSON: the message gives line and column.
	res := e.call(t, "POST", "/v1/claims", tok, "{\n  \"patientControlNumber\": \"A-1\",\n  \"kind\": professional\n}")
	if er := res.apiError(t); res.status != http.StatusBadRequest || er.Error.Code != "malformed_json" ||
		!strings.Contains(er.Error.Message, "line 3, column 11") {
		t.Errorf("malformed: %d %s", res.status, res.body)
	}

	// An unknown field, deep in the record: named with its path.
	withUnknown := strings.Replace(string(raw), `"procedureCode":"97110"`, `"procedureCode":"97110","procedureKode":"x"`, 1)
	res = e.call(t, "POST", "/v1/claims", tok, withUnknown)
	er := res.apiError(t)
	if res.status != http.StatusBadRequest || len(er.Error.Problems) != 1 || er.Error.Problems[0].Field != "lines[1].procedureKode" {
		t.Errorf("unknown field: %d %s", res.status, res.body)
	}

	// A wrong type and a bad amount: the field is named, the value is not repeated.
	wrongType := strings.Replace(string(raw), `"totalCharge":"250"`, `"totalCharge":250`, 1)
	res = e.call(t, "POST", "/v1/claims", tok, wrongType)
	er = res.apiError(t)
	if res.status != http.StatusBadRequest || len(er.Error.Problems) != 1 || er.Error.Problems[0].Field != "totalCharge" {
		t.Errorf("wrong type: %d %s", res.status, res.body)
	}
	badAmount := strings.Replace(string(raw), `"charge":"150"`, `"charge":"1.505"`, 1)
	res = e.call(t, "POST", "/v1/claims", tok, badAmount)
	er = res.apiError(t)
	if res.status != http.StatusBadRequest || len(er.Error.Problems) != 1 || er.Error.Problems[0].Field != "lines[0].charge" ||
		strings.Contains(string(res.body), "1.505") {
		t.Errorf("bad amount: %d %s", res.status, res.body)
	}

	// The JSON view's descriptions are accepted and ignored.
	withDescriptions := strings.Replace(string(raw), `"frequencyCode":"1"`, `"frequencyCode":"1","frequencyCodeValue":"Original claim"`, 1)
	if res = e.call(t, "POST", "/v1/claims", tok, withDescriptions); res.status != http.StatusAccepted {
		t.Errorf("view posted back: %d %s", res.status, res.body)
	}

	// Too large: 413 before any decoding.
	big := `{"patientControlNumber":"` + strings.Repeat("x", 70<<10) + `"}`
	if res = e.call(t, "POST", "/v1/claims", tok, big); res.status != http.StatusRequestEntityTooLarge || res.apiError(t).Error.Code != "too_large" {
		t.Errorf("oversize: %d %s", res.status, res.body)
	}

	for name, c := range map[string]struct {
		body, contentType, code string
		status                  int
	}{
		"empty":         {"", "application/json", "empty_body", 400},
		"empty array":   {"[]", "application/json", "batch_size", 400},
		"not an object": {"[1]", "application/json", "bad_record", 400},
		"not JSON":      {"PCN=1", "application/x-www-form-urlencoded", "unsupported_media_type", 415},
	} {
		req := e.call(t, "POST", "/v1/claims", tok, nil, "Content-Type", c.contentType)
		if c.body != "" {
			req = e.call(t, "POST", "/v1/claims", tok, c.body, "Content-Type", c.contentType)
		}
		if req.status != c.status || req.apiError(t).Error.Code != c.code {
			t.Errorf("%s: %d %s, want %d %s", name, req.status, req.body, c.status, c.code)
		}
	}
}

func TestIdempotencyKeys(t *testing.T) {
	e := newEnv(t, envOptions{})
	tok, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	other, _ := e.token(t, "clinic a, second system", allEntitlements, []string{tinA}, []string{npiA})
	first := e.call(t, "POST", "/v1/claims", tok, claim("A-1", tinA, npiA), "Idempotency-Key", "batch-0001")
	if first.status != http.StatusAccepted {
		t.Fatalf("first: %d %s", first.status, first.body)
	}
	// The same key and body: the same answer, and nothing queued twice.
	again := e.call(t, "POST", "/v1/claims", tok, claim("A-1", tinA, npiA), "Idempotency-Key", "batch-0001")
	if again.status != http.StatusAccepted || string(again.body) != string(first.body) {
		t.Errorf("replay: %d %s, first %s", again.status, again.body, first.body)
	}
	// The same key with other claims: 409, nothing queued.
	conflict := e.call(t, "POST", "/v1/claims", tok, claim("A-2", tinA, npiA), "Idempotency-Key", "batch-0001")
	if conflict.status != http.StatusConflict || conflict.apiError(t).Error.Code != "idempotency_conflict" {
		t.Errorf("conflict: %d %s", conflict.status, conflict.body)
	}
	// Keys belong to a token: another system's same key is its own.
	mine := e.call(t, "POST", "/v1/claims", other, claim("A-3", tinA, npiA), "Idempotency-Key", "batch-0001")
	if mine.status != http.StatusAccepted {
		t.Errorf("another token's key: %d %s", mine.status, mine.body)
	}
	if bad := e.call(t, "POST", "/v1/claims", tok, claim("A-4", tinA, npiA), "Idempotency-Key", strings.Repeat("k", 201)); bad.status != http.StatusBadRequest {
		t.Errorf("long key: %d %s", bad.status, bad.body)
	}
	queued, err := e.db.TakeQueuedClaims(context.Background(), edigw.Cigna, edigw.Professional, 10)
	if err != nil {
		t.Fatal(err)
	}
	var pcns []string
	for _, q := range queued {
		pcns = append(pcns, q.Claim.PatientControlNumber)
	}
	if strings.Join(pcns, ",") != "A-1,A-3" {
		t.Errorf("queued %v, want A-1 and A-3 once each", pcns)
	}
}

func TestUnknownRoutesAnswerJSON(t *testing.T) {
	e := newEnv(t, envOptions{})
	tok, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	res := e.call(t, "GET", "/v1/nothing", tok, nil)
	if res.status != http.StatusNotFound || res.apiError(t).Error.Code != "not_found" {
		t.Errorf("unknown path: %d %s", res.status, res.body)
	}
	res = e.call(t, "GET", "/", "", nil)
	if res.status != http.StatusNotFound || res.apiError(t).Error.Code != "not_found" {
		t.Errorf("root: %d %s", res.status, res.body)
	}
	res = e.call(t, "DELETE", "/v1/claims/1", tok, nil)
	if res.status != http.StatusMethodNotAllowed || res.apiError(t).Error.Code != "method_not_allowed" ||
		!strings.Contains(res.header.Get("Allow"), "GET") {
		t.Errorf("wrong method: %d %v %s", res.status, res.header, res.body)
	}
	res = e.call(t, "GET", "/v1/claims/abc", tok, nil)
	if res.status != http.StatusBadRequest || res.apiError(t).Error.Code != "bad_id" {
		t.Errorf("bad id: %d %s", res.status, res.body)
	}
	res = e.call(t, "GET", "/v1/events?after=-1", tok, nil)
	if res.status != http.StatusBadRequest || res.apiError(t).Error.Code != "bad_cursor" {
		t.Errorf("bad cursor: %d %s", res.status, res.body)
	}
	res = e.call(t, "GET", "/v1/remittances?limit=5000", tok, nil)
	if res.status != http.StatusBadRequest || res.apiError(t).Error.Code != "bad_limit" {
		t.Errorf("bad limit: %d %s", res.status, res.body)
	}
}
