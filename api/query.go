package api

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/edigw/edigw"
)

// checkQuery refuses a request whose query the route does not take: a
// parameter not among allowed, one given twice, or a query that does not
// parse. A parameter a route does not take is refused (400) rather than
// ignored: a billing system that sends ?kind= to a server that does not
// filter by kind would otherwise read every event as if it were filtered.
// The message names a parameter only when its name is a plain word (it
// is the caller's text, never echoed otherwise).
func checkQuery(allowed []string, h func(http.ResponseWriter, *http.Request, *edigw.Token)) func(http.ResponseWriter, *http.Request, *edigw.Token) {
	takes := "this route takes no query parameters"
	if len(allowed) > 0 {
		takes = "this route takes " + strings.Join(allowed, ", ")
	}
	return func(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
		if r.URL.RawQuery == "" {
			h(w, r, tok)
			return
		}
		q, err := url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			closeUnread(w, r)
			writeError(w, http.StatusBadRequest, "bad_query", "the query string does not parse; "+takes)
			return
		}
		for _, name := range sortedKeys(q) {
			if !slices.Contains(allowed, name) {
				closeUnread(w, r)
				what := "a query parameter"
				if plainName.MatchString(name) {
					what = "the query parameter " + name
				}
				writeError(w, http.StatusBadRequest, "unknown_parameter", what+" is not known here; "+takes)
				return
			}
			if len(q[name]) > 1 {
				closeUnread(w, r)
				writeError(w, http.StatusBadRequest, "repeated_parameter",
					fmt.Sprintf("give %s once (a list is comma-separated)", name))
				return
			}
		}
		h(w, r, tok)
	}
}

var plainName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{0,39}$`)

func sortedKeys(q url.Values) []string {
	out := make([]string, 0, len(q))
	for k := range q {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// listParam splits a comma-separated parameter, dropping empty items.
func listParam(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// eventKindPattern is the form of an event kind: claim.rejected,
// file.acknowledgment_overdue. Kinds are checked for their form, not
// against a list, so that a kind added later is filtered without a change
// here; a well-formed kind no event has finds nothing.
var eventKindPattern = regexp.MustCompile(`^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$`)

// maxKinds bounds a ?kind= list.
const maxKinds = 32

// eventKinds reads the event feed's ?kind= list.
func eventKinds(w http.ResponseWriter, r *http.Request) ([]edigw.EventKind, bool) {
	items := listParam(r.URL.Query().Get("kind"))
	if len(items) > maxKinds {
		writeError(w, http.StatusBadRequest, "bad_kind", fmt.Sprintf("kind lists at most %d event kinds", maxKinds))
		return nil, false
	}
	var out []edigw.EventKind
	for _, k := range items {
		if !eventKindPattern.MatchString(k) {
			writeError(w, http.StatusBadRequest, "bad_kind", "kind takes event kinds, comma-separated: claim.rejected,claim.denied")
			return nil, false
		}
		out = append(out, edigw.EventKind(k))
	}
	return out, true
}
