package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// guarded are the routes that need a token, with the entitlement each
// needs ("" when any token may call it).
var guarded = []struct {
	method, path string
	need         edigw.Entitlement
}{
	{"GET", "/v1/token", ""},
	{"POST", "/v1/claims", edigw.EntitleClaims},
	{"GET", "/v1/claims/1", edigw.EntitleClaims},
	{"GET", "/v1/claims/1/files", edigw.EntitleClaims},
	{"POST", "/v1/authorizations", edigw.EntitlePrecertification},
	{"GET", "/v1/authorizations/1", edigw.EntitlePrecertification},
	{"PUT", "/v1/authorizations/1/hold", edigw.EntitleOperations},
	{"DELETE", "/v1/authorizations/1/hold", edigw.EntitleOperations},
	{"GET", "/v1/remittances", edigw.EntitleRemittances},
	{"GET", "/v1/remittances/1", edigw.EntitleRemittances},
	{"GET", "/v1/events", ""},
	{"GET", "/v1/files/1", ""},
}

func TestEveryRouteWantsAToken(t *testing.T) {
	e := newEnv(t, envOptions{})
	revoked, revokedID := e.token(t, "old system", allEntitlements, []string{tinA}, nil)
	if err := e.db.RevokeToken(context.Background(), revokedID); err != nil {
		t.Fatal(err)
	}
	live, _ := e.token(t, "clinic a", allEntitlements, []string{tinA}, nil)
	for _, rt := range guarded {
		for name, c := range map[string]struct {
			header, code string
		}{
			"no header":      {"", "unauthenticated"},
			"other scheme":   {"Basic " + live, "unauthenticated"},
			"empty bearer":   {"Bearer ", "unauthenticated"},
			"unknown secret": {"Bearer edigw_not-a-real-secret", "invalid_token"},
			"revoked":        {"Bearer " + revoked, "invalid_token"},
		} {
			res := e.call(t, rt.method, rt.path, "", `{}`, "Authorization", c.header)
			if res.status != http.StatusUnauthorized || res.apiError(t).Error.Code != c.code ||
				!strings.HasPrefix(res.header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("%s %s, %s: %d %s", rt.method, rt.path, name, res.status, res.body)
			}
		}
	}
	// The scheme is case-insensitive (RFC 6750).
	if res := e.call(t, "GET", "/v1/token", "", nil, "Authorization", "bearer "+live); res.status != http.StatusOK {
		t.Errorf("lower-case scheme: %d %s", res.status, res.body)
	}
	// The OpenAPI document is public.
	if res := e.call(t, "GET", "/v1/openapi.yaml", "", nil); res.status != http.StatusOK || !strings.HasPrefix(string(res.body), "openapi: 3") {
		t.Errorf("openapi.yaml: %d", res.status)
	}
}

func TestEntitlementsPerRoute(t *testing.T) {
	e := newEnv(t, envOptions{})
	for _, held := range allEntitlements {
		tok, _ := e.token(t, "only "+string(held), []edigw.Entitlement{held}, []string{tinA}, nil)
		for _, rt := range guarded {
			res := e.call(t, rt.method, rt.path, tok, nil)
			switch {
			case rt.need == "" || rt.need == held:
				if res.status == http.StatusForbidden || res.status == http.StatusUnauthorized {
					t.Errorf("%s token, %s %s: %d %s", held, rt.method, rt.path, res.status, res.body)
				}
			default:
				er := res.apiError(t)
				if res.status != http.StatusForbidden || er.Error.Code != "missing_entitlement" ||
					!strings.Contains(er.Error.Message, string(rt.need)) {
					t.Errorf("%s token, %s %s: %d %s, want 403 naming %s", held, rt.method, rt.path, res.status, res.body, rt.need)
				}
			}
		}
	}
}

func TestTokenDescribesItself(t *testing.T) {
	e := newEnv(t, envOptions{})
	tok, id := e.token(t, "clinic a", []edigw.Entitlement{edigw.EntitleClaims, edigw.EntitleRemittances}, []string{tinA}, []string{npiA})
	res := e.call(t, "GET", "/v1/token", tok, nil)
	var got struct {
		ID           string   `json:"id"`
		Name         string   `json:"name"`
		Entitlements []string `json:"entitlements"`
		Scope        struct {
			TINs []string `json:"tins"`
			NPIs []string `json:"npis"`
		} `json:"scope"`
	}
	res.json(t, &got)
	if res.status != http.StatusOK || got.Name != "clinic a" || strings.Join(got.Entitlements, ",") != "claims,remittances" ||
		strings.Join(got.Scope.TINs, ",") != tinA || strings.Join(got.Scope.NPIs, ",") != npiA || got.ID == "" {
		t.Errorf("%d %s (token %d)", res.status, res.body, id)
	}
	if strings.Contains(string(res.body), tok) {
		t.Error("the secret is repeated")
	}
}
