package api

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"time"

	"go.uber.org/zap"

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

// bearer returns the token of an Authorization header value ("Bearer"
// in any case, RFC 6750), or "".
func bearer(header string) string {
	scheme, secret, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(secret)
}

// authenticate checks the bearer token, then the entitlement a route
// needs (none: any token, the handler filters by what it holds). Every
// refusal is answered before the body is read, and closes the connection
// rather than wait for the body (closeUnread).
func (s *Server) authenticate(need edigw.Entitlement, h func(http.ResponseWriter, *http.Request, *edigw.Token)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		headers := r.Header.Values("Authorization")
		if len(headers) > 1 {
			// Two credentials: which one a proxy or a server would use
			// is anyone's guess, so neither is.
			closeUnread(w, r)
			writeError(w, http.StatusBadRequest, "duplicate_authorization", "send one Authorization header, not several")
			return
		}
		var secret string
		if len(headers) == 1 {
			secret = bearer(headers[0])
		}
		if secret == "" {
			closeUnread(w, r)
			w.Header().Set("WWW-Authenticate", `Bearer realm="edigw"`)
			writeError(w, http.StatusUnauthorized, "unauthenticated", "send a token: Authorization: Bearer <token>")
			return
		}
		tok, err := s.Store.TokenByHash(r.Context(), HashSecret(secret))
		if err == nil && !tok.Live(time.Now()) {
			err = edigw.ErrNotFound // the store's clock said live a moment ago
		}
		switch {
		case errors.Is(err, edigw.ErrNotFound):
			closeUnread(w, r)
			w.Header().Set("WWW-Authenticate", `Bearer realm="edigw", error="invalid_token"`)
			writeError(w, http.StatusUnauthorized, "invalid_token", "the token is unknown, revoked or expired")
			return
		case err != nil:
			closeUnread(w, r)
			s.internal(w, r, err)
			return
		}
		if info := infoOf(r); info != nil {
			info.token = tok.ID
		}
		s.touch(r, tok)
		if need != "" && !tok.Allows(need) {
			closeUnread(w, r)
			writeError(w, http.StatusForbidden, "missing_entitlement", "this token lacks the "+string(need)+" entitlement")
			return
		}
		h(w, r, tok)
	})
}

// touch records the token's use when the record is a minute old or more
// (the store checks again, so racing requests write once): last use is
// known to the minute at the cost of one write a minute per busy token.
// A failure to record it does not fail the request.
func (s *Server) touch(r *http.Request, tok *edigw.Token) {
	if tok.LastUsedAt != nil && time.Since(*tok.LastUsedAt) < time.Minute {
		return
	}
	if err := s.Store.TouchToken(r.Context(), tok.ID); err != nil {
		s.Log.Warn("recording a token's last use", zap.Int64("token", tok.ID), zap.Error(err))
	}
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
	ExpiresAt    *time.Time          `json:"expiresAt,omitempty"`
}

type scopeView struct {
	TINs []string `json:"tins"`
	NPIs []string `json:"npis"`
}

// getToken lets a billing system check its token: entitlements and scope.
func (s *Server) getToken(w http.ResponseWriter, _ *http.Request, tok *edigw.Token) {
	v := tokenView{ID: tok.ID, Name: tok.Name, Entitlements: tok.Entitlements,
		Scope: scopeView{TINs: nonNil(tok.Scope.TINs), NPIs: nonNil(tok.Scope.NPIs)}, ExpiresAt: tok.ExpiresAt}
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
