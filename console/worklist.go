package console

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping/codes"
)

// The prior-authorization worklist, as in the payer's portal: tabs by
// status with their counts, a search, the portal's columns, paging; and
// a request's page. The tabs and the search are one form sent by POST,
// so a typed name or member ID never reaches a URL; a plain GET shows a
// tab's first page.

const requestsPerPage = 25

// tabs are the portal's, in its order; "" is All.
var tabs = []struct {
	Value  string
	Label  string
	Status edigw.AuthorizationStatus
}{
	{"pending", "Pending", edigw.AuthPending},
	{"approved", "Approved", edigw.AuthApproved},
	{"partially-approved", "Partially Approved", edigw.AuthPartiallyApproved},
	{"denied", "Denied", edigw.AuthDenied},
	{"cancelled", "Cancelled", edigw.AuthCancelled},
	{"all", "All", ""},
}

type worklistPage struct {
	Tabs    []tabView
	Tab     string
	TabName string
	Query   string
	Problem string
	Rows    []edigw.AuthorizationListItem
	After   int64
	Next    int64
}

type tabView struct {
	Value, Label string
	Count        int
	Current      bool
}

func (s *Server) worklist(w http.ResponseWriter, r *http.Request, sess *session) {
	p := worklistPage{Tab: "pending"}
	if r.Method == http.MethodPost {
		// A tab button sends its tab; the search and the pager keep the
		// tab shown (current).
		p.Tab = r.PostFormValue("tab")
		if p.Tab == "" {
			p.Tab = r.PostFormValue("current")
		}
		p.Query = strings.TrimSpace(r.PostFormValue("q"))
		p.After, _ = strconv.ParseInt(r.PostFormValue("after"), 10, 64)
	} else if t := r.URL.Query().Get("tab"); t != "" {
		p.Tab = t
	}
	f := edigw.AuthorizationFilter{Limit: requestsPerPage + 1, After: max(p.After, 0)}
	known := false
	for _, t := range tabs {
		if t.Value == p.Tab {
			known, p.TabName = true, t.Label
			if t.Status != "" {
				f.Statuses = []edigw.AuthorizationStatus{t.Status}
			}
		}
	}
	if !known {
		p.Tab, p.TabName, f.Statuses = "pending", "Pending", []edigw.AuthorizationStatus{edigw.AuthPending}
	}
	if len(p.Query) > 80 {
		p.Problem = "A search is at most 80 characters."
		p.Query = ""
	}
	f.Query = p.Query
	scope := sess.token.Scope
	counts, err := s.Store.AuthorizationCounts(r.Context(), edigw.AuthorizationFilter{Query: f.Query}, &scope)
	if err != nil {
		s.fail(w, r, sess, err)
		return
	}
	for _, t := range tabs {
		n := counts.All
		if t.Status != "" {
			n = counts.ByStatus[t.Status]
		}
		p.Tabs = append(p.Tabs, tabView{Value: t.Value, Label: t.Label, Count: n, Current: t.Value == p.Tab})
	}
	rows, err := s.Store.Authorizations(r.Context(), f, &scope)
	if err != nil {
		s.fail(w, r, sess, err)
		return
	}
	if len(rows) > requestsPerPage {
		rows = rows[:requestsPerPage]
		p.Next = rows[len(rows)-1].ID
	}
	p.Rows = rows
	status := http.StatusOK
	if p.Problem != "" {
		status = http.StatusBadRequest
	}
	s.render(w, r, status, "worklist", sess, p)
}

type requestPage struct {
	Stored    *edigw.StoredAuthorization
	Life      edigw.AuthorizationLifecycle
	Req       *edigw.AuthorizationRequest
	Patient   string
	Services  []serviceView
	Decision  *decisionView
	Claims    []claimRow
	Category  string
	Procedure string
}

type serviceView struct {
	Procedure string
	Quantity  string
	Period    string
	Decision  *decisionView
}

type decisionView struct {
	Action        string
	Certification string
	Reasons       []string
	Rejections    []string
	ValidFrom     string
	ValidThrough  string
	Issued        string
	PendDue       string
}

func decisionOf(d *edigw.Decision) *decisionView {
	if d == nil {
		return nil
	}
	v := &decisionView{Action: describe(codes.HCRAction, d.Action), Certification: d.CertificationNumber,
		Reasons: d.Reasons, Issued: x12Day(d.IssueDate), PendDue: x12Day(d.PendDueDate)}
	if p := d.EffectivePeriod; p != nil {
		v.ValidFrom, v.ValidThrough = x12Day(p.From), x12Day(p.To)
	}
	for _, rj := range d.Rejections {
		v.Rejections = append(v.Rejections, "AAA03 "+rj.Reason+", follow-up "+rj.FollowUp)
	}
	return v
}

func (s *Server) request(w http.ResponseWriter, r *http.Request, sess *session) {
	id, ok := pathID(r)
	if !ok {
		s.notFound(w, r, sess)
		return
	}
	scope := sess.token.Scope
	a, err := s.Store.Authorization(r.Context(), id, &scope)
	if err != nil {
		s.fail(w, r, sess, err)
		return
	}
	req := a.Request
	p := requestPage{Stored: a, Life: a.AuthorizationLifecycle, Req: req, Decision: decisionOf(req.Decision),
		Category: describe(codes.UMRequestCategory, req.RequestCategory)}
	if req.Patient != nil {
		p.Patient = personName(*req.Patient)
	} else {
		p.Patient = personName(req.Subscriber)
	}
	for _, sv := range req.Services {
		v := serviceView{Procedure: strings.TrimSpace(sv.ProcedureCode + " " + strings.Join(sv.Modifiers, " ")),
			Quantity: strings.TrimSpace(sv.Quantity + " " + sv.UnitBasis), Decision: decisionOf(sv.Decision)}
		if sv.Period != nil {
			v.Period = x12Day(sv.Period.From)
			if sv.Period.To != "" {
				v.Period += " to " + x12Day(sv.Period.To)
			}
		}
		p.Services = append(p.Services, v)
	}
	if sess.token.Allows(edigw.EntitleClaims) {
		cs, err := s.Store.AuthorizationClaims(r.Context(), id, &scope)
		if err != nil {
			s.fail(w, r, sess, err)
			return
		}
		for _, c := range cs {
			p.Claims = append(p.Claims, claimRowOf(c))
		}
	}
	s.render(w, r, http.StatusOK, "request", sess, p)
}
