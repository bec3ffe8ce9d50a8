package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// queuedRecords counts the claims and authorization requests waiting to
// be sent, straight from the database.
func (e *env) queuedRecords(t *testing.T) int {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, e.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM claims WHERE outbound_state IS NOT NULL)
		+ (SELECT count(*) FROM authorizations WHERE outbound_state IS NOT NULL)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// exec runs a statement on the test's database.
func (e *env) exec(t *testing.T, sql string, args ...any) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, e.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		t.Fatal(err)
	}
}

// wantOutOfScope checks a 403 out_of_scope naming exactly the fields of
// the records given ("1:billingProvider.taxId").
func wantOutOfScope(t *testing.T, what string, res response, fields ...string) {
	t.Helper()
	if res.status != http.StatusForbidden {
		t.Errorf("%s: %d %s, want 403 out_of_scope", what, res.status, res.body)
		return
	}
	er := res.apiError(t)
	var got []string
	for _, p := range er.Error.Problems {
		got = append(got, string(rune('0'+p.Record))+":"+p.Field)
	}
	if er.Error.Code != "out_of_scope" || len(got) != len(fields) {
		t.Errorf("%s: %s, want problems %v", what, res.body, fields)
		return
	}
	for i := range fields {
		if got[i] != fields[i] {
			t.Errorf("%s: problems %v, want %v", what, got, fields)
		}
	}
}

// Provider A's tokens cannot submit anything that names provider B's TIN
// or NPI. The operator declared each provider's pair by giving a token
// both (A: tinA+npiA, B: tinB+npiB); A also has a token of its NPI alone
// and one of its TIN alone, and a billing service holds both providers.
func TestSubmissionsNameOnlyTheTokensProviders(t *testing.T) {
	e := newEnv(t, envOptions{})
	fullA, fullAID := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	e.token(t, "clinic b", allEntitlements, []string{tinB}, []string{npiB})
	npiOnlyA, _ := e.token(t, "clinic a by npi", allEntitlements, nil, []string{npiA})
	tinOnlyA, _ := e.token(t, "clinic a by tin", allEntitlements, []string{tinA}, nil)
	// A billing service for both: its lists declare no pairing (which NPI
	// goes with which TIN is not said), so tinA+npiB stays undeclared.
	e.token(t, "billing service", allEntitlements, []string{tinA, tinB}, []string{npiA, npiB})

	queued := 0
	post := func(tok string, claims ...*edigw.Claim) response {
		return e.call(t, "POST", "/v1/claims", tok, claims)
	}
	// Billed under B's TIN with A's NPI: the NPI token cannot vouch for it.
	wantOutOfScope(t, "A's NPI token, B's TIN", post(npiOnlyA, claim("X-1", tinB, npiA)), "0:billingProvider.taxId")
	// A's TIN with B's NPI: the TIN token cannot vouch for it.
	wantOutOfScope(t, "A's TIN token, B's NPI", post(tinOnlyA, claim("X-2", tinA, npiB)), "0:billingProvider.id")
	// Nor can the full token of A, for either identifier of B.
	wantOutOfScope(t, "A's token, B's NPI", post(fullA, claim("X-3", tinA, npiB)), "0:billingProvider.id")
	wantOutOfScope(t, "A's token, B's TIN", post(fullA, claim("X-4", tinB, npiA)), "0:billingProvider.taxId")
	// A batch with one record of B's is refused whole.
	wantOutOfScope(t, "mixed batch", post(fullA, claim("X-5", tinA, npiA), claim("X-6", tinB, npiB), claim("X-7", tinA, npiA)),
		"1:billingProvider.taxId", "1:billingProvider.id")
	if n := e.queuedRecords(t); n != queued {
		t.Fatalf("%d records queued by refused submissions", n)
	}

	// A's own pair, declared by A's token: each of A's tokens may name it.
	for name, tok := range map[string]string{"full": fullA, "NPI": npiOnlyA, "TIN": tinOnlyA} {
		if res := post(tok, claim("OK-"+name, tinA, npiA)); res.status != http.StatusAccepted {
			t.Errorf("A's %s token, A's pair: %d %s", name, res.status, res.body)
		} else {
			queued++
		}
	}
	if n := e.queuedRecords(t); n != queued {
		t.Fatalf("%d records queued, want %d", n, queued)
	}
	// The declaration is the live token's: revoked, it vouches no more.
	if err := e.db.RevokeToken(context.Background(), fullAID); err != nil {
		t.Fatal(err)
	}
	wantOutOfScope(t, "A's TIN token after the declaring token is revoked", post(tinOnlyA, claim("X-8", tinA, npiA)), "0:billingProvider.id")
	wantOutOfScope(t, "A's NPI token after the declaring token is revoked", post(npiOnlyA, claim("X-9", tinA, npiA)), "0:billingProvider.taxId")
	if n := e.queuedRecords(t); n != queued {
		t.Errorf("%d records queued, want %d", n, queued)
	}
}

// authorizationFor is the story's 278 request with the requester's TIN
// and NPI replaced ("" leaves it out).
func authorizationFor(t *testing.T, trace, tin, npi string) *edigw.AuthorizationRequest {
	t.Helper()
	var a edigw.AuthorizationRequest
	if err := json.Unmarshal(storyAuthorization(t), &a); err != nil {
		t.Fatal(err)
	}
	for i := range a.Traces {
		if a.Traces[i].Number == a.TraceNumber {
			a.Traces[i].Number = trace
		}
	}
	a.TraceNumber = trace
	a.Requester.TaxID, a.Requester.IDQualifier, a.Requester.ID = tin, "XX", npi
	if npi == "" {
		a.Requester.IDQualifier = ""
	}
	return &a
}

// The same for 278 requests: the requester must be the token's.
func TestAuthorizationRequestsNameOnlyTheTokensRequesters(t *testing.T) {
	e := newEnv(t, envOptions{})
	e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
	e.token(t, "clinic b", allEntitlements, []string{tinB}, []string{npiB})
	npiOnlyA, _ := e.token(t, "clinic a by npi", allEntitlements, nil, []string{npiA})
	tinOnlyA, _ := e.token(t, "clinic a by tin", allEntitlements, []string{tinA}, nil)
	post := func(tok string, reqs ...*edigw.AuthorizationRequest) response {
		return e.call(t, "POST", "/v1/authorizations", tok, reqs)
	}
	wantOutOfScope(t, "A's NPI token, B's TIN", post(npiOnlyA, authorizationFor(t, "T-1", tinB, npiA)), "0:requester.taxId")
	wantOutOfScope(t, "A's TIN token, B's NPI", post(tinOnlyA, authorizationFor(t, "T-2", tinA, npiB)), "0:requester.id")
	wantOutOfScope(t, "A's TIN token, B's NPI alone", post(tinOnlyA, authorizationFor(t, "T-3", "", npiB)), "0:requester.id")
	wantOutOfScope(t, "mixed batch", post(npiOnlyA, authorizationFor(t, "T-4", "", npiA), authorizationFor(t, "T-5", "", npiB)),
		"1:requester.id")
	if n := e.queuedRecords(t); n != 0 {
		t.Fatalf("%d records queued by refused submissions", n)
	}
	// A's NPI alone (as the story's request names it), from A's TIN token:
	// the NPI is declared under the token's TIN.
	if res := post(tinOnlyA, authorizationFor(t, "T-6", "", npiA)); res.status != http.StatusAccepted {
		t.Errorf("A's TIN token, A's NPI: %d %s", res.status, res.body)
	}
	if res := post(npiOnlyA, authorizationFor(t, "T-7", tinA, npiA)); res.status != http.StatusAccepted {
		t.Errorf("A's NPI token, A's pair: %d %s", res.status, res.body)
	}
	if n := e.queuedRecords(t); n != 2 {
		t.Errorf("%d records queued, want 2", n)
	}
}

// A claim or request for a payer no trading partner is configured for
// would wait in the queue for good: it is refused at once.
func TestSubmissionsToAPayerWithoutPartnerAre422(t *testing.T) {
	const aetna edigw.PayerID = "60054"
	for name, payers := range map[string][]edigw.PayerID{"default": nil, "configured": {edigw.Cigna, aetna}} {
		e := newEnv(t, envOptions{payers: payers})
		tok, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA})
		elsewhere := claim("P-1", tinA, npiA)
		elsewhere.PayerID, elsewhere.Payer.ID = "99999", "99999"
		res := e.call(t, "POST", "/v1/claims", tok, []*edigw.Claim{claim("P-0", tinA, npiA), elsewhere})
		if er := res.apiError(t); res.status != http.StatusUnprocessableEntity || er.Error.Code != "invalid_records" ||
			len(er.Error.Problems) != 1 || er.Error.Problems[0].Record != 1 || er.Error.Problems[0].Field != "payerId" {
			t.Errorf("%s: claim for a payer without partner: %d %s", name, res.status, res.body)
		}
		req := authorizationFor(t, "P-2", tinA, npiA)
		req.PayerID, req.Reviewer.ID = "99999", "99999"
		res = e.call(t, "POST", "/v1/authorizations", tok, req)
		if er := res.apiError(t); res.status != http.StatusUnprocessableEntity || len(er.Error.Problems) != 1 ||
			er.Error.Problems[0].Field != "payerId" {
			t.Errorf("%s: request for a payer without partner: %d %s", name, res.status, res.body)
		}
		if n := e.queuedRecords(t); n != 0 {
			t.Errorf("%s: %d records queued", name, n)
		}
		if payers != nil {
			other := claim("P-3", tinA, npiA)
			other.PayerID, other.Payer.ID = aetna, string(aetna)
			if res := e.call(t, "POST", "/v1/claims", tok, other); res.status != http.StatusAccepted {
				t.Errorf("claim for a configured partner: %d %s", res.status, res.body)
			}
		}
	}
}
