package console

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/api"
	"github.com/edigw/edigw/mapping/codes"
)

// The Claims pages: the list with its search (status, patient control
// number), and a claim's story. A search goes by POST, its values in the
// form's body: a patient control number never reaches a URL (and so no
// access log, history or referrer).

const claimsPerPage = 50

var claimStatuses = []edigw.ClaimStatus{edigw.ClaimSubmitted, edigw.ClaimAccepted, edigw.ClaimRejected,
	edigw.ClaimPaid, edigw.ClaimPartiallyPaid, edigw.ClaimProcessed, edigw.ClaimDenied, edigw.ClaimForwarded,
	edigw.ClaimReversed, edigw.ClaimReplaced, edigw.ClaimVoided}

// CLM01 is 1 to 38 characters of the X12 basic and extended sets.
var pcnPattern = regexp.MustCompile(`^[A-Za-z0-9 !"&'()*+,./:;?=%@\[\]_{}\\|<>#$-]{1,38}$`)

type claimsPage struct {
	Statuses []edigw.ClaimStatus
	Status   string
	PCN      string
	Problem  string
	Rows     []claimRow
	After    int64 // this page's cursor
	Next     int64 // the next page's, 0 when this is the last
}

type claimRow struct {
	ID       int64
	PCN      string
	Patient  string
	Provider string
	Charge   edigw.Amount
	Service  string
	Status   edigw.ClaimStatus
	Reason   string
}

func (s *Server) claims(w http.ResponseWriter, r *http.Request, sess *session) {
	p := claimsPage{Statuses: claimStatuses}
	f := edigw.ClaimFilter{Limit: claimsPerPage + 1}
	if r.Method == http.MethodPost {
		p.Status = r.PostFormValue("status")
		p.PCN = strings.TrimSpace(r.PostFormValue("pcn"))
		p.After, _ = strconv.ParseInt(r.PostFormValue("after"), 10, 64)
		if p.Status != "" {
			if !slices.Contains(claimStatuses, edigw.ClaimStatus(p.Status)) {
				p.Problem = "Choose a status from the list."
			}
			f.Statuses = []edigw.ClaimStatus{edigw.ClaimStatus(p.Status)}
		}
		if p.PCN != "" && !pcnPattern.MatchString(p.PCN) {
			p.Problem = "A patient control number is 1 to 38 letters, digits or X12 punctuation."
		}
		f.PatientControlNumber = p.PCN
		f.After = max(p.After, 0)
	}
	if p.Problem != "" {
		s.render(w, r, http.StatusBadRequest, "claims", sess, p)
		return
	}
	scope := sess.token.Scope
	cs, err := s.Store.SearchClaims(r.Context(), f, &scope)
	if err != nil {
		s.fail(w, r, sess, err)
		return
	}
	if len(cs) > claimsPerPage {
		cs = cs[:claimsPerPage]
		p.Next = cs[len(cs)-1].ID
	}
	for _, c := range cs {
		p.Rows = append(p.Rows, claimRowOf(c))
	}
	s.render(w, r, http.StatusOK, "claims", sess, p)
}

func claimRowOf(c edigw.StoredClaim) claimRow {
	cl := c.Claim
	row := claimRow{ID: c.ID, PCN: cl.PatientControlNumber, Charge: cl.TotalCharge, Status: cl.Status,
		Reason: c.StatusReason, Provider: cl.BillingProvider.Name}
	if cl.Patient != nil {
		row.Patient = personName(*cl.Patient)
	} else {
		row.Patient = personName(cl.Subscriber)
	}
	if p := cl.ServicePeriod; p != nil {
		row.Service = x12Day(p.From)
		if p.To != "" && p.To != p.From {
			row.Service += " to " + x12Day(p.To)
		}
	} else if len(cl.Lines) > 0 && cl.Lines[0].ServiceDate != nil {
		row.Service = x12Day(cl.Lines[0].ServiceDate.From)
	}
	return row
}

// claimPage is a claim's story: the claim, its timeline, and the
// payments of it.
type claimPage struct {
	Claim         claimRow
	Stored        *edigw.StoredClaim
	Authorization int64 // the request it names, when the token may open it
	Original      int64
	Timeline      []timelineStep
	Payments      []paymentView
	// ShowsPayments is false for a token without the remittances
	// entitlement: the timeline still says paid or denied, with reasons.
	ShowsPayments bool
}

type timelineStep struct {
	At       time.Time
	Event    string
	Status   edigw.ClaimStatus
	Reason   string
	FileID   int64
	FileKind string
}

type paymentView struct {
	RemittanceID int64
	FileID       int64
	Trace        string
	Date         string
	Method       string
	Status       string // CLP02 and its meaning
	Charge       edigw.Amount
	Paid         edigw.Amount
	Patient      edigw.Amount
	PayerClaim   string
	Adjustments  []adjustmentView
	Remarks      []codeView
	Services     []servicePaymentView
}

type servicePaymentView struct {
	Procedure   string
	Charge      edigw.Amount
	Paid        edigw.Amount
	Adjustments []adjustmentView
	Remarks     []codeView
}

type adjustmentView struct {
	Group, GroupText   string
	Reason, ReasonText string
	Amount             edigw.Amount
}

type codeView struct{ Code, Text string }

var historyLabels = map[edigw.ClaimHistoryEvent]string{
	edigw.HistorySubmitted:    "Submitted through the API",
	edigw.HistoryReceived:     "Received in an 837",
	edigw.HistorySent:         "Sent to the payer in an 837",
	edigw.HistoryAcknowledged: "Acknowledged",
	edigw.HistoryStatus:       "Status changed",
}

func (s *Server) claimStory(w http.ResponseWriter, r *http.Request, sess *session) {
	id, ok := pathID(r)
	if !ok {
		s.notFound(w, r, sess)
		return
	}
	scope := sess.token.Scope
	c, err := s.Store.Claim(r.Context(), id, &scope)
	if err != nil {
		s.fail(w, r, sess, err)
		return
	}
	p := claimPage{Claim: claimRowOf(*c), Stored: c, Original: c.OriginalID,
		ShowsPayments: sess.token.Allows(edigw.EntitleRemittances)}
	if sess.token.Allows(edigw.EntitlePrecertification) {
		p.Authorization = c.AuthorizationID
	}
	history, err := s.Store.ClaimHistory(r.Context(), id)
	if err != nil {
		s.fail(w, r, sess, err)
		return
	}
	readable := map[int64]bool{}
	for _, e := range history {
		step := timelineStep{At: e.At, Event: historyLabels[e.Event], Status: e.Status, Reason: e.Reason, FileKind: e.FileKind}
		if e.FileID != 0 {
			ok, seen := readable[e.FileID]
			if !seen {
				if ok, err = s.mayRead(r, sess, e.FileID); err != nil {
					s.fail(w, r, sess, err)
					return
				}
				readable[e.FileID] = ok
			}
			if ok {
				step.FileID = e.FileID
			}
		}
		p.Timeline = append(p.Timeline, step)
	}
	if p.ShowsPayments {
		rms, err := s.Store.ClaimRemittances(r.Context(), id, &scope)
		if err != nil {
			s.fail(w, r, sess, err)
			return
		}
		for _, rm := range rms {
			for _, cp := range rm.Remittance.Claims {
				p.Payments = append(p.Payments, paymentOf(rm, cp))
			}
		}
	}
	s.render(w, r, http.StatusOK, "claim", sess, p)
}

func paymentOf(rm edigw.StoredRemittance, cp edigw.ClaimPayment) paymentView {
	v := paymentView{RemittanceID: rm.ID, FileID: rm.FileID, Trace: rm.Remittance.TraceNumber,
		Date: x12Day(rm.Remittance.PaymentDate), Method: describe(codes.PaymentMethod, rm.Remittance.PaymentMethod),
		Status: describe(codes.ClaimStatus, cp.StatusCode), Charge: cp.Charge, Paid: cp.Paid,
		Patient: cp.PatientResponsibility, PayerClaim: cp.PayerClaimNumber, Adjustments: adjustmentsOf(cp.Adjustments)}
	if cp.Outpatient != nil {
		v.Remarks = remarksOf(cp.Outpatient.RemarkCodes)
	}
	if cp.Inpatient != nil {
		v.Remarks = append(v.Remarks, remarksOf(cp.Inpatient.RemarkCodes)...)
	}
	for _, sp := range cp.Services {
		proc := sp.ProcedureCode
		if len(sp.Modifiers) > 0 {
			proc += " " + strings.Join(sp.Modifiers, " ")
		}
		v.Services = append(v.Services, servicePaymentView{Procedure: proc, Charge: sp.Charge, Paid: sp.Paid,
			Adjustments: adjustmentsOf(sp.Adjustments), Remarks: remarksOf(sp.RemarkCodes)})
	}
	return v
}

func adjustmentsOf(as []edigw.Adjustment) []adjustmentView {
	out := make([]adjustmentView, 0, len(as))
	for _, a := range as {
		out = append(out, adjustmentView{Group: a.Group, GroupText: codes.AdjustmentGroup.Describe(a.Group),
			Reason: a.Reason, ReasonText: codes.CARC.Describe(a.Reason), Amount: a.Amount})
	}
	return out
}

func remarksOf(cs []string) []codeView {
	out := make([]codeView, 0, len(cs))
	for _, c := range cs {
		out = append(out, codeView{Code: c, Text: codes.RARC.Describe(c)})
	}
	return out
}

// describe is a code with its meaning from its list ("1 (Processed as
// primary)"), or the code alone when the list does not know it.
func describe(l *codes.List, code string) string {
	if d := l.Describe(code); d != "" {
		return code + " (" + d + ")"
	}
	return code
}

// mayRead says whether the signed-in token may open a file: the API's
// rule (api.MayReadFile), and for an operator also a file no provider's
// records are in (a rejected file, an answer that matched nothing): the
// operators' own, as the ledger says (decision 0029).
func (s *Server) mayRead(r *http.Request, sess *session, fileID int64) (bool, error) {
	aud, err := s.Store.FileAudience(r.Context(), fileID)
	if err != nil {
		return false, err
	}
	if sess.token.Operator() {
		return unattributed(aud), nil
	}
	inScope, lacking, err := api.MayReadFile(r.Context(), s.Store, sess.token, aud)
	return inScope && lacking == "", err
}

// unattributed holds for a file whose records (or answers) belong to no
// provider.
func unattributed(aud *edigw.Audience) bool {
	for _, p := range aud.Providers {
		if p.TIN != "" || p.NPI != "" {
			return false
		}
	}
	return true
}
