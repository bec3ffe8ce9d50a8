package api

import (
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/edigw/edigw"
)

// The prior-authorization worklist (decision 0024): GET
// /v1/authorizations, newest first by cursor, and GET
// /v1/authorizations/counts, the tabs' counts for the same filters. Both
// read the token's scope alone; a number that another provider's request
// carries finds nothing, exactly as one that does not exist.

// worklistQuery are the parameters the worklist takes; the counts take
// them all but the cursor and page size.
var worklistQuery = []string{"status", "q", "patient", "procedure", "orderingNpi", "siteOfService", "from", "to"}

var (
	// A procedure code (HCPCS, CPT, CDT, ...): letters and digits.
	procedurePattern = regexp.MustCompile(`^[A-Za-z0-9]{1,48}$`)
	// A place of service code (UM04-1, two digits; a facility type code
	// with UM04-2 A) or a facility's NPI.
	sitePattern = regexp.MustCompile(`^([0-9]{1,2}|[0-9]{10})$`)
)

// maxSearch bounds q and patient, in characters.
const maxSearch = 80

// listAuthorizations is GET /v1/authorizations: a page of the worklist.
// next is the cursor of the following (older) page, absent on the last.
func (s *Server) listAuthorizations(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	after, limit, ok := page(w, r)
	if !ok {
		return
	}
	f, ok := worklistFilter(w, r)
	if !ok {
		return
	}
	f.After, f.Limit = after, limit
	items, err := s.Store.Authorizations(r.Context(), f, scopeOf(tok))
	if err != nil {
		s.internal(w, r, err)
		return
	}
	out := worklistPage{Items: items}
	if out.Items == nil {
		out.Items = []edigw.AuthorizationListItem{}
	}
	if len(items) == limit {
		out.Next = items[len(items)-1].ID
	}
	writeJSON(w, http.StatusOK, out)
}

// worklistPage is a page of the worklist, newest first.
type worklistPage struct {
	Items []edigw.AuthorizationListItem `json:"items"`
	Next  int64                         `json:"next,omitempty,string"`
}

// authorizationCounts is GET /v1/authorizations/counts: how many of the
// token's requests pass the filters, per tab.
func (s *Server) authorizationCounts(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	f, ok := worklistFilter(w, r)
	if !ok {
		return
	}
	c, err := s.Store.AuthorizationCounts(r.Context(), f, scopeOf(tok))
	if err != nil {
		s.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}

// worklistFilter reads the worklist's filters; a value that cannot be one
// is 400 (named by its parameter, never repeated).
func worklistFilter(w http.ResponseWriter, r *http.Request) (edigw.AuthorizationFilter, bool) {
	q := r.URL.Query()
	var f edigw.AuthorizationFilter
	bad := func(code, msg string) (edigw.AuthorizationFilter, bool) {
		writeError(w, http.StatusBadRequest, code, msg)
		return f, false
	}
	if v := q.Get("status"); v != "" {
		statuses, ok := worklistStatuses(v)
		if !ok {
			return bad("bad_status", "status takes a tab: Pending, Approved, Partially Approved, Denied, Cancelled or All "+
				"(or several, comma-separated)")
		}
		f.Statuses = statuses
	}
	for _, p := range []struct {
		name string
		to   *string
	}{{"q", &f.Query}, {"patient", &f.Patient}} {
		v := strings.TrimSpace(q.Get(p.name))
		if !utf8.ValidString(v) || utf8.RuneCountInString(v) > maxSearch || strings.ContainsFunc(v, isControl) {
			return bad("bad_search", p.name+" is at most 80 characters of text")
		}
		*p.to = v
	}
	if v := q.Get("procedure"); v != "" {
		if !procedurePattern.MatchString(v) {
			return bad("bad_procedure", "procedure is a procedure code: letters and digits")
		}
		f.Procedure = strings.ToUpper(v)
	}
	var ok bool
	if f.OrderingNPI, ok = npiParam(w, q, "orderingNpi"); !ok {
		return f, false
	}
	if v := q.Get("siteOfService"); v != "" {
		if !sitePattern.MatchString(v) {
			return bad("bad_site_of_service", "siteOfService is a place of service code (two digits) or a facility's NPI (10 digits)")
		}
		f.SiteOfService = v
	}
	if !dateRange(w, q, "the day a request was received", &f.From, &f.To) {
		return f, false
	}
	return f, true
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

// worklistStatuses reads ?status=: tabs by name, any case, with a space
// or an underscore in Partially Approved; All (alone) is every status.
func worklistStatuses(v string) ([]edigw.AuthorizationStatus, bool) {
	items := listParam(v)
	if len(items) == 1 && strings.EqualFold(items[0], "All") {
		return nil, true
	}
	if len(items) == 0 || len(items) > len(edigw.AuthorizationStatuses) {
		return nil, false
	}
	var out []edigw.AuthorizationStatus
	for _, it := range items {
		found := false
		for _, st := range edigw.AuthorizationStatuses {
			if strings.EqualFold(strings.ReplaceAll(it, "_", " "), string(st)) {
				out, found = append(out, st), true
			}
		}
		if !found {
			return nil, false
		}
	}
	return out, true
}
