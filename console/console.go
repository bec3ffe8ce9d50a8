// Package console is edigw's web console for people: provider staff read
// the prior-authorization worklist and their claims' stories, engineers
// inspect files segment by segment with their errors in place, operators
// watch the gateway. Pages are server-rendered html/template and read
// without JavaScript; two small pinned libraries (htmx for partial
// updates, Chart.js for the dashboard's charts) are embedded with the
// stylesheet, so the binary needs no build chain.
//
// A person signs in with an API token, which buys a session cookie: the
// console reads with the token's entitlements and scope through the same
// store methods as the API, so what the API answers 404 the console does
// too. No patient value goes into a URL the console makes, a log line or
// browser storage (docs/console.md).
package console

import (
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"time"

	"go.uber.org/zap"

	"github.com/edigw/edigw"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Server serves the console over a store and the object store files rest
// in.
type Server struct {
	Store   Store
	Objects edigw.ObjectStore
	Log     *zap.Logger
	// SessionTTL is how long a session lasts (default 8 hours), never
	// past its token's expiry.
	SessionTTL time.Duration
	// Now is the clock (time.Now when nil), for tests.
	Now func() time.Time

	pages map[string]*template.Template
}

// DefaultSessionTTL is a working day.
const DefaultSessionTTL = 8 * time.Hour

// contentSecurityPolicy allows the console's own scripts, styles and
// requests and nothing else: no inline script or style, no framing.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// Handler returns the console's routes. Mount it at / beside the API's
// /v1/ (edigw serve does).
func (s *Server) Handler() http.Handler {
	if s.Log == nil {
		s.Log = zap.NewNop()
	}
	s.pages = parsePages()
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", cacheStatic(http.FileServerFS(static))))
	mux.HandleFunc("GET /{$}", s.signedIn(s.home))
	mux.HandleFunc("GET /signin", s.signInPage)
	mux.HandleFunc("POST /signin", s.signIn)
	mux.HandleFunc("POST /signout", s.signedIn(s.signOut))
	mux.HandleFunc("GET /claims", s.entitled(edigw.EntitleClaims, s.claims))
	mux.HandleFunc("POST /claims", s.entitled(edigw.EntitleClaims, s.claims))
	mux.HandleFunc("GET /claims/{id}", s.entitled(edigw.EntitleClaims, s.claimStory))
	mux.HandleFunc("GET /files", s.signedIn(s.files))
	mux.HandleFunc("GET /files/{id}", s.signedIn(s.file))
	mux.HandleFunc("POST /validate", s.signedIn(s.validateUpload))
	mux.HandleFunc("GET /operations", s.operatorOnly(s.operations))
	mux.HandleFunc("GET /worklist", s.entitled(edigw.EntitlePrecertification, s.worklist))
	mux.HandleFunc("POST /worklist", s.entitled(edigw.EntitlePrecertification, s.worklist))
	mux.HandleFunc("GET /worklist/{id}", s.entitled(edigw.EntitlePrecertification, s.request))
	return s.headers(s.logged(mux))
}

// headers sets what every answer carries: the CSP, no caching of pages
// that hold PHI, no referrer, no framing, no sniffing.
func (s *Server) headers(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}

// cacheStatic lets browsers keep the embedded assets for a day: they
// change only with the binary.
func cacheStatic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		h.ServeHTTP(w, r)
	})
}

// logged logs each request by its route pattern, never its URL or body:
// the pattern holds no value (a path's ID is a store ID, no PHI, but the
// pattern is enough).
func (s *Server) logged(h *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		_, pattern := h.Handler(r)
		h.ServeHTTP(sw, r)
		if pattern == "" {
			pattern = "(none)"
		}
		s.Log.Debug("console request", zap.String("route", pattern), zap.Int("status", sw.status),
			zap.Duration("took", time.Since(start)))
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// home sends a person to the page their token opens first.
func (s *Server) home(w http.ResponseWriter, r *http.Request, sess *session) {
	to := "/files"
	switch {
	case sess.token.Operator():
		to = "/operations"
	case sess.token.Allows(edigw.EntitlePrecertification):
		to = "/worklist"
	case sess.token.Allows(edigw.EntitleClaims):
		to = "/claims"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// pathID reads the {id} of a path; anything but a positive number is as
// absent as a record out of scope.
func pathID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id, err == nil && id > 0
}

// notFound answers 404 with the same page whether the record does not
// exist or belongs to another provider.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, sess *session) {
	s.render(w, r, http.StatusNotFound, "error", sess, errorPage{Title: "Not found",
		Message: "There is no such record, or it is not one of your providers'."})
}

// fail answers 500 and logs the error (storage errors carry no values).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, sess *session, err error) {
	if errors.Is(err, edigw.ErrNotFound) {
		s.notFound(w, r, sess)
		return
	}
	s.Log.Error("console", zap.String("route", r.Pattern), zap.Error(err))
	s.render(w, r, http.StatusInternalServerError, "error", sess, errorPage{Title: "Something went wrong",
		Message: "The page could not be read. Operators were told; try again in a moment."})
}

type errorPage struct{ Title, Message string }
