package console

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"go.uber.org/zap"

	"github.com/edigw/edigw"
)

// pageNames are the templates under templates/, each with the layout and
// the shared partials.
var pageNames = []string{"signin", "error", "claims", "claim", "files", "file", "operations", "worklist", "request"}

func parsePages() map[string]*template.Template {
	pages := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		pages[name] = template.Must(template.New(name).Funcs(funcs).ParseFS(templateFS,
			"templates/layout.html", "templates/partials.html", "templates/"+name+".html"))
	}
	return pages
}

// view is what every page's template gets: the page's own data and what
// the layout needs (the navigation the token opens, the form token).
type view struct {
	Session *session
	CSRF    string
	Nav     string // the section the page belongs to
	Page    any
}

func (v view) Can(e string) bool {
	return v.Session != nil && v.Session.token.Allows(edigw.Entitlement(e))
}

func (v view) Operator() bool { return v.Session != nil && v.Session.token.Operator() }

// render writes a page whole, or an error page when the template fails
// (into a buffer first, so a half page is never sent).
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, sess *session, page any) {
	v := view{Session: sess, Page: page, Nav: navOf(name)}
	if sess != nil {
		v.CSRF = sess.csrf
	}
	s.renderView(w, status, name, v)
}

func (s *Server) renderView(w http.ResponseWriter, status int, name string, v view) {
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, "layout", v); err != nil {
		s.Log.Error("console template", zap.String("page", name), zap.Error(err))
		http.Error(w, "the page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func navOf(page string) string {
	switch page {
	case "claim":
		return "claims"
	case "file":
		return "files"
	case "request":
		return "worklist"
	}
	return page
}

var funcs = template.FuncMap{
	"when": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02 15:04 UTC")
	},
	"day": func(t time.Time) string { return t.UTC().Format("2006-01-02") },
	// whenp is when for a time that may be absent.
	"whenp": func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.UTC().Format("2006-01-02 15:04 UTC")
	},
	"money": money,
	"join":  strings.Join,
	"slug":  func(v any) string { return strings.ReplaceAll(strings.ToLower(fmt.Sprint(v)), " ", "-") },
}

// x12Day writes CCYYMMDD as CCYY-MM-DD; anything else as it is.
func x12Day(s string) string {
	if len(s) == 8 {
		return s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	return s
}

func personName(p edigw.Person) string {
	name := p.LastName
	if p.FirstName != "" {
		name += ", " + p.FirstName
	}
	return name
}

// money writes an amount as dollars with cents and thousands separators:
// $1,450.00.
func money(a edigw.Amount) string {
	s := a.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	frac = (frac + "00")[:2]
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + "$" + b.String() + "." + frac
}
