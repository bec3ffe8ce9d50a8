package console

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net"
	"net/http"
	"strings"
	"time"

	"go.uber.org/zap"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/api"
)

// Sessions (decision 0028). Signing in exchanges an API token for a
// random session ID in a cookie (HttpOnly, SameSite=Strict, Secure unless
// the console is reached on a loopback address); the store keeps only the
// ID's SHA-256 and the token it stands for, so a session ends with its
// token (revoked or expired), at its own expiry, or at sign-out.
//
// Every form carries a CSRF token derived from the session ID with HMAC
// (so nothing more is stored, and it cannot be computed without the
// cookie), and every POST is refused without it. The sign-in form, before
// any session, is tied the same way to a short-lived cookie of its own.

const (
	sessionCookie = "edigw_session"
	signInCookie  = "edigw_signin"
	csrfField     = "csrf"
)

// session is a signed-in person: the token they signed in with, and the
// form token of their pages.
type session struct {
	token *edigw.Token
	csrf  string
}

// Name is what the header shows: the token's name.
func (s *session) Name() string { return s.token.Name }

func newID() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}

func hashID(id string) []byte {
	h := sha256.Sum256([]byte(id))
	return h[:]
}

// formToken is the CSRF token of forms under a cookie's secret value.
func formToken(secret, purpose string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("edigw console form\x00" + purpose))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func sameToken(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// secure says whether cookies must be Secure: always, unless the request
// came to a loopback address over plain HTTP (make run, a laptop).
func secure(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if host == "localhost" {
		return false
	}
	ip := net.ParseIP(host)
	return ip == nil || !ip.IsLoopback()
}

func (s *Server) setCookie(w http.ResponseWriter, r *http.Request, name, value string, expires time.Time) {
	c := &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true, Secure: secure(r),
		SameSite: http.SameSiteStrictMode, Expires: expires}
	if value == "" {
		c.MaxAge = -1
	}
	http.SetCookie(w, c)
}

// sessionOf reads the request's session; nil when there is none (or it
// ended or expired).
func (s *Server) sessionOf(r *http.Request) (*session, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return nil, nil
	}
	tok, _, err := s.Store.ConsoleSession(r.Context(), hashID(c.Value))
	if errors.Is(err, edigw.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !tok.Live(s.now()) {
		return nil, nil
	}
	return &session{token: tok, csrf: formToken(c.Value, "session")}, nil
}

type sessionHandler func(http.ResponseWriter, *http.Request, *session)

// signedIn runs h for a signed-in person, with their POSTs checked for the
// form token; anyone else goes to the sign-in page.
func (s *Server) signedIn(h sessionHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess, err := s.sessionOf(r)
		if err != nil {
			s.fail(w, r, nil, err)
			return
		}
		if sess == nil {
			if r.Method == http.MethodPost {
				s.render(w, r, http.StatusForbidden, "error", nil, errorPage{Title: "Signed out",
					Message: "Your session has ended. Sign in again."})
				return
			}
			http.Redirect(w, r, "/signin", http.StatusSeeOther)
			return
		}
		if r.Method == http.MethodPost && !s.checkForm(w, r, sess.csrf) {
			s.render(w, r, http.StatusForbidden, "error", sess, errorPage{Title: "Form expired",
				Message: "The form did not carry this session's token. Reload the page and try again."})
			return
		}
		h(w, r, sess)
	}
}

// checkForm parses a POST's form (at most 64 KiB, or a 10 MiB upload)
// and compares its CSRF field with want.
func (s *Server) checkForm(w http.ResponseWriter, r *http.Request, want string) bool {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		r.Body = http.MaxBytesReader(w, r.Body, maxUpload+1<<20)
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			return false
		}
	} else {
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		if err := r.ParseForm(); err != nil {
			return false
		}
	}
	return sameToken(r.PostFormValue(csrfField), want)
}

// entitled is signedIn for a page that needs an entitlement: without it
// the page is 403.
func (s *Server) entitled(need edigw.Entitlement, h sessionHandler) http.HandlerFunc {
	return s.signedIn(func(w http.ResponseWriter, r *http.Request, sess *session) {
		if !sess.token.Allows(need) {
			s.render(w, r, http.StatusForbidden, "error", sess, errorPage{Title: "Not for this token",
				Message: "This page needs the " + string(need) + " entitlement, which your token does not hold."})
			return
		}
		h(w, r, sess)
	})
}

// operatorOnly is signedIn for the operators' pages (Token.Operator).
func (s *Server) operatorOnly(h sessionHandler) http.HandlerFunc {
	return s.signedIn(func(w http.ResponseWriter, r *http.Request, sess *session) {
		if !sess.token.Operator() {
			s.render(w, r, http.StatusForbidden, "error", sess, errorPage{Title: "Operators only",
				Message: "This page needs an operations token (the operations entitlement, no provider)."})
			return
		}
		h(w, r, sess)
	})
}

type signInPage struct {
	Problem string
}

// signInPage shows the form, tied to a fresh sign-in cookie.
func (s *Server) signInPage(w http.ResponseWriter, r *http.Request) {
	s.showSignIn(w, r, http.StatusOK, "")
}

func (s *Server) showSignIn(w http.ResponseWriter, r *http.Request, status int, problem string) {
	secret, err := newID()
	if err != nil {
		s.fail(w, r, nil, err)
		return
	}
	s.setCookie(w, r, signInCookie, secret, s.now().Add(time.Hour))
	// No session yet: the layout shows no navigation.
	s.renderView(w, status, "signin", view{CSRF: formToken(secret, "signin"), Page: signInPage{Problem: problem}, Nav: "signin"})
}

// signIn exchanges a token for a session.
func (s *Server) signIn(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(signInCookie)
	if err != nil || !s.checkForm(w, r, formToken(c.Value, "signin")) {
		s.showSignIn(w, r, http.StatusForbidden, "The sign-in form expired. Paste your token again.")
		return
	}
	secret := strings.TrimSpace(r.PostFormValue("token"))
	tok, err := s.Store.TokenByHash(r.Context(), api.HashSecret(secret))
	if errors.Is(err, edigw.ErrNotFound) || err == nil && !tok.Live(s.now()) || secret == "" {
		s.showSignIn(w, r, http.StatusUnauthorized, "That token is unknown, revoked or expired.")
		return
	}
	if err != nil {
		s.fail(w, r, nil, err)
		return
	}
	id, err := newID()
	if err != nil {
		s.fail(w, r, nil, err)
		return
	}
	expires := s.now().Add(s.sessionTTL())
	if tok.ExpiresAt != nil && tok.ExpiresAt.Before(expires) {
		expires = *tok.ExpiresAt
	}
	if err := s.Store.CreateConsoleSession(r.Context(), hashID(id), tok.ID, expires); err != nil {
		s.fail(w, r, nil, err)
		return
	}
	if err := s.Store.TouchToken(r.Context(), tok.ID); err != nil {
		s.Log.Warn("recording a token's last use", zap.Int64("token", tok.ID), zap.Error(err))
	}
	s.setCookie(w, r, signInCookie, "", time.Time{})
	s.setCookie(w, r, sessionCookie, id, expires)
	s.Log.Info("console sign-in", zap.Int64("token", tok.ID))
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// signOut ends the session in the store and in the browser.
func (s *Server) signOut(w http.ResponseWriter, r *http.Request, sess *session) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := s.Store.EndConsoleSession(r.Context(), hashID(c.Value)); err != nil {
			s.fail(w, r, sess, err)
			return
		}
	}
	s.setCookie(w, r, sessionCookie, "", time.Time{})
	http.Redirect(w, r, "/signin", http.StatusSeeOther)
}

func (s *Server) sessionTTL() time.Duration {
	if s.SessionTTL > 0 {
		return s.SessionTTL
	}
	return DefaultSessionTTL
}
