package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/internal/canary"
)

// TestAPIRepeatsNoCanary (issue 11, finding 7): records with a
// distinctive value in every field, some of them values validation must
// refuse (an impossible birth date, an address holding a delimiter, codes
// that are not codes, charges that do not balance), and bodies that are
// not JSON around such values, go to POST /v1/claims and
// /v1/authorizations. No canary may come back in an error body (400, 422:
// problems name the record by index and the field by its JSON path), nor
// appear in the log or in any non-record column of the database. A sound
// claim whose names and numbers are canaries is queued (202) and leaves
// no canary outside the record columns either; the 202 itself lists the
// caller's own references beside the IDs it assigned (that is its
// purpose, not an error) and is not searched.
func TestAPIRepeatsNoCanary(t *testing.T) {
	e := newEnv(t, envOptions{})
	tok, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	var tokens []string
	check := func(what string, res response, status int) {
		t.Helper()
		if res.status != status {
			t.Errorf("%s: status %d, want %d: %s", what, res.status, status, res.body)
		}
		if hits := found(tokens, string(res.body)); len(hits) > 0 {
			t.Errorf("%s: the body repeats %v: %s", what, hits, res.body)
		}
	}

	// A claim refused: canaries everywhere but the scope and the kind.
	bad := claim("A-1", tinA, npiA)
	tokens = append(tokens, canary.PlantRecord(bad, 30, "payerId", "kind", "status",
		"billingProvider.taxId", "billingProvider.id", "billingProvider.idQualifier")...)
	bad.TotalCharge = 900137 // 9001.37: not the sum of the lines
	tokens = append(tokens, "9001.37")
	delim := claim("A-2", tinA, npiA)
	delim.Subscriber.Address.Line1 = "QZ" + "DELIM01*QZDELIM02" // an address holding the element separator
	delim.Subscriber.BirthDate = "19011399"                     // no 13th month
	tokens = append(tokens, "QZDELIM01", "QZDELIM02", "19011399")
	res := e.call(t, "POST", "/v1/claims", tok, []*edigw.Claim{bad, delim})
	check("refused claims", res, http.StatusUnprocessableEntity)
	if er := res.apiError(t); len(er.Error.Problems) < 3 {
		t.Errorf("only %d problems: the test would prove little: %s", len(er.Error.Problems), res.body)
	}

	// A 278 request refused likewise.
	var auth edigw.AuthorizationRequest
	if err := json.Unmarshal(storyAuthorization(t), &auth); err != nil {
		t.Fatal(err)
	}
	authTok, _ := e.token(t, "requester", allEntitlements, []string{auth.Requester.TaxID}, []string{auth.Requester.ID})
	tokens = append(tokens, canary.PlantRecord(&auth, 31, "payerId", "requester.id", "requester.idQualifier", "requester.taxId")...)
	res = e.call(t, "POST", "/v1/authorizations", authTok, []*edigw.AuthorizationRequest{&auth})
	check("refused authorization", res, http.StatusUnprocessableEntity)

	// Bodies that are not JSON, or not the record's types, around canaries.
	for _, body := range []string{
		`{"patientControlNumber": "QZSYNTAX1", QZSYNTAX2}`,
		`[{"patientControlNumber": "QZSYNTAX3"} QZSYNTAX4]`,
		`{"lines": [{"number": 98765432101234567890123}]}`,
		`{"totalCharge": "QZAMOUNT1"}`,
		`{"subscriber": {"birthDate": 19011398}}`,
	} {
		tokens = append(tokens, "QZSYNTAX1", "QZSYNTAX2", "QZSYNTAX3", "QZSYNTAX4", "98765432101234567890123", "QZAMOUNT1", "19011398")
		check("body "+body, e.call(t, "POST", "/v1/claims", tok, body), http.StatusBadRequest)
	}

	// A sound claim whose names, numbers and addresses are canaries.
	good := claim("A-3", tinA, npiA)
	for _, f := range []*string{&good.PatientControlNumber, &good.Subscriber.LastName, &good.Subscriber.FirstName,
		&good.Subscriber.MemberID, &good.Subscriber.Address.Line1, &good.Subscriber.Address.City, &good.Submitter.Contact.Name} {
		*f = "QZGOOD" + string(rune('A'+len(tokens)%26)) + "1"
		tokens = append(tokens, *f)
	}
	if res = e.call(t, "POST", "/v1/claims", tok, good); res.status != http.StatusAccepted {
		t.Fatalf("sound claim: status %d: %s", res.status, res.body)
	}

	hits, searched, err := canary.SearchDatabase(context.Background(), e.dbURL, tokens)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		t.Errorf("database: %s", h)
	}
	if searched < 20 {
		t.Errorf("only %d columns searched", searched)
	}
	var log strings.Builder
	for _, entry := range e.logs.All() {
		log.WriteString(entry.Message)
		for k, v := range entry.ContextMap() {
			log.WriteString(" " + k + "=")
			b, _ := json.Marshal(v)
			log.Write(b)
		}
		log.WriteString("\n")
	}
	if hits := found(tokens, log.String()); len(hits) > 0 {
		t.Errorf("the log repeats %v:\n%s", hits, log.String())
	}
}

func found(tokens []string, text string) []string {
	var out []string
	for _, t := range tokens {
		if strings.Contains(text, t) {
			out = append(out, t)
		}
	}
	return out
}
