package api

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"

	"github.com/edigw/edigw"
)

// TokenPrefix marks edigw secrets, so a leaked one is easy to recognize
// (and to find with a secret scanner).
const TokenPrefix = "edigw_"

// NewSecret returns a new random token secret and the hash the token store
// keeps; the secret is shown once and never stored.
func NewSecret() (secret string, hash []byte, err error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", nil, err
	}
	secret = TokenPrefix + base64.RawURLEncoding.EncodeToString(b[:])
	return secret, HashSecret(secret), nil
}

// HashSecret is how a secret is looked up: its SHA-256. Secrets are 256
// random bits, so a fast hash is enough; stretching guards guessable
// passwords, which these are not.
func HashSecret(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}

// bearer returns the token of an Authorization header ("Bearer" in any
// case, RFC 6750), or "".
func bearer(r *http.Request) string {
	scheme, secret, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(secret)
}

// authenticate checks the bearer token, then the entitlement a route
// needs (none: any token, the handler filters by what it holds).
func (s *Server) authenticate(need edigw.Entitlement, h func(http.ResponseWriter, *http.Request, *edigw.Token)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret := bearer(r)
		if secret == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="edigw"`)
			writeError(w, http.StatusUnauthorized, "unauthenticated", "send a token: Authorization: Bearer <token>")
			return
		}
		tok, err := s.Store.TokenByHash(r.Context(), HashSecret(secret))
		switch {
		case errors.Is(err, edigw.ErrNotFound):
			w.Header().Set("WWW-Authenticate", `Bearer realm="edigw", error="invalid_token"`)
			writeError(w, http.StatusUnauthorized, "invalid_token", "the token is unknown or revoked")
			return
		case err != nil:
			s.internal(w, r, err)
			return
		}
		if info := infoOf(r); info != nil {
			info.token = tok.ID
		}
		if need != "" && !tok.Allows(need) {
			writeError(w, http.StatusForbidden, "missing_entitlement", "this token lacks the "+string(need)+" entitlement")
			return
		}
		h(w, r, tok)
	})
}

// scopeOf is the store scope a token reads with.
func scopeOf(t *edigw.Token) *edigw.Scope {
	s := t.Scope
	return &s
}

// tokenView is what GET /v1/token says about the caller's own token.
type tokenView struct {
	ID           int64               `json:"id,string"`
	Name         string              `json:"name"`
	Entitlements []edigw.Entitlement `json:"entitlements"`
	Scope        scopeView           `json:"scope"`
}

type scopeView struct {
	TINs []string `json:"tins"`
	NPIs []string `json:"npis"`
}

// getToken lets a billing system check its token: entitlements and scope.
func (s *Server) getToken(w http.ResponseWriter, _ *http.Request, tok *edigw.Token) {
	v := tokenView{ID: tok.ID, Name: tok.Name, Entitlements: tok.Entitlements,
		Scope: scopeView{TINs: nonNil(tok.Scope.TINs), NPIs: nonNil(tok.Scope.NPIs)}}
	if v.Entitlements == nil {
		v.Entitlements = []edigw.Entitlement{}
	}
	writeJSON(w, http.StatusOK, v)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
