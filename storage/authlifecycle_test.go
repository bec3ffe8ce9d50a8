package storage

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/edigw/edigw"
)

// clock is a controllable DB.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }
func at(s string) time.Time      { t, _ := time.Parse(time.RFC3339, s); return t }

// lcRequest is a hospital bed request (E0250, a monthly rental by its
// category) for service from 2026-07-10.
func lcRequest(trace, tin, npi string) *edigw.AuthorizationRequest {
	r := authRequest(trace, tin, npi)
	r.Services[0].Period = &edigw.Period{From: "20260710", To: "20260810"}
	return r
}

// lcResponse answers lcRequest with an action and, when from is set, an
// effective period of a start date only.
func lcResponse(trace, tin, npi, action, cert, from string) *edigw.AuthorizationRequest {
	r := authResponse(trace, tin, npi, action, cert)
	r.Services[0].Period = &edigw.Period{From: "20260710", To: "20260810"}
	r.Decision.EffectivePeriod = nil
	if from != "" {
		r.Decision.EffectivePeriod = &edigw.Period{From: from}
	}
	return r
}

func authIDByTrace(t *testing.T, db *DB, trace, npi string) int64 {
	t.Helper()
	var id int64
	if err := db.pool.QueryRow(testCtx(t), `SELECT id FROM authorizations WHERE trace_number = $1 AND requester_npi = $2
		ORDER BY id LIMIT 1`, trace, npi).Scan(&id); err != nil {
		t.Fatalf("authorization %s: %v", trace, err)
	}
	return id
}

func storedAuth(t *testing.T, db *DB, id int64) *edigw.StoredAuthorization {
	t.Helper()
	a, err := db.Authorization(testCtx(t), id, nil)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func eventsOfKind(t *testing.T, db *DB, kind edigw.EventKind) []edigw.Event {
	t.Helper()
	var out []edigw.Event
	for _, e := range allEvents(t, db, nil) {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

// A standard request received on Thursday 2026-07-02 is due on Tuesday
// 07-07: Friday 07-03 is Independence Day observed, then the weekend. A
// Medicare Advantage member's (group 6P MA...) runs the rule's 7 calendar
// days beside it; an urgent one 72 hours on both clocks.
func TestLifecycleColumnsAtIngest(t *testing.T) {
	db, _ := openDB(t)
	clk := &clock{t: at("2026-07-02T15:00:00Z")}
	db.Now = clk.now
	std := lcRequest("LC-STD", tinA, npiA)
	ma := lcRequest("LC-MA", tinA, npiA)
	ma.SubscriberReferences = []edigw.Reference{{Qualifier: "6P", Value: "MA20001"}}
	urgent := lcRequest("LC-URG", tinA, npiA)
	urgent.SubscriberReferences = ma.SubscriberReferences
	urgent.LevelOfService = "U"
	retro := authRequest("LC-RETRO", tinA, npiA) // service from 2026-01-01
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{std, ma, urgent, retro}})

	a := storedAuth(t, db, authIDByTrace(t, db, "LC-STD", npiA))
	l := a.AuthorizationLifecycle
	if !l.ReceivedAt.Equal(clk.now()) || l.Urgency != "standard" || l.Retrospective || l.LineOfBusiness != "commercial" ||
		l.Category != "hospital beds" || l.CategoryKind != "dme" {
		t.Errorf("standard: %+v", l)
	}
	if l.DecisionDue == nil || !l.DecisionDue.Equal(at("2026-07-07T15:00:00Z")) || l.RegulatoryDecisionDue != nil {
		t.Errorf("standard clocks: %v %v", l.DecisionDue, l.RegulatoryDecisionDue)
	}
	if l.InformationCompleteAt == nil || !l.InformationCompleteAt.Equal(clk.now()) {
		t.Errorf("information complete at %v", l.InformationCompleteAt)
	}
	l = storedAuth(t, db, authIDByTrace(t, db, "LC-MA", npiA)).AuthorizationLifecycle
	if l.LineOfBusiness != "medicare_advantage" || l.RegulatoryDecisionDue == nil || !l.RegulatoryDecisionDue.Equal(at("2026-07-09T15:00:00Z")) {
		t.Errorf("Medicare Advantage: %s %v", l.LineOfBusiness, l.RegulatoryDecisionDue)
	}
	l = storedAuth(t, db, authIDByTrace(t, db, "LC-URG", npiA)).AuthorizationLifecycle
	if l.Urgency != "urgent" || !l.DecisionDue.Equal(at("2026-07-05T15:00:00Z")) || !l.RegulatoryDecisionDue.Equal(at("2026-07-05T15:00:00Z")) {
		t.Errorf("urgent: %s %v %v", l.Urgency, l.DecisionDue, l.RegulatoryDecisionDue)
	}
	if l := storedAuth(t, db, authIDByTrace(t, db, "LC-RETRO", npiA)).AuthorizationLifecycle; !l.Retrospective {
		t.Errorf("a request after the date of service is retrospective: %+v", l)
	}
	var certType string
	if err := db.pool.QueryRow(testCtx(t), `SELECT certification_type FROM authorizations WHERE trace_number = 'LC-STD'`).Scan(&certType); err != nil || certType != "I" {
		t.Errorf("certification_type %q %v", certType, err)
	}

	// Approved with a start date only: the end is the profile's (a monthly
	// rental of one month: the month plus one), never the start date.
	clk.set(at("2026-07-06T10:00:00Z"))
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{lcResponse("LC-STD", tinA, npiA, "A1", "C-STD", "20260710")}})
	l = storedAuth(t, db, authIDByTrace(t, db, "LC-STD", npiA)).AuthorizationLifecycle
	if l.ValidFrom != "2026-07-10" || l.ValidThrough != "2026-09-10" || l.DecidedAt == nil || !l.DecidedAt.Equal(clk.now()) {
		t.Errorf("approved: valid %s..%s decided %v", l.ValidFrom, l.ValidThrough, l.DecidedAt)
	}
}

// A pended response asking for documentation (PWK) puts the request on
// hold, due the profile's holdDays later, with an authorization.pended
// event carrying the date; the requester sending the request again with
// the information lifts it and restarts the clock; the payer side's hold
// does the same through SetAuthorizationHold and ReleaseAuthorizationHold.
func TestHoldAndInformation(t *testing.T) {
	db, _ := openDB(t)
	clk := &clock{t: at("2026-07-02T15:00:00Z")}
	db.Now = clk.now
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{lcRequest("LC-HOLD", tinA, npiA)}})
	pend := lcResponse("LC-HOLD", tinA, npiA, "A4", "", "")
	pend.Attachments = []edigw.Attachment{{ReportType: "77", Transmission: "FX"}}
	clk.set(at("2026-07-03T09:00:00Z"))
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{pend}})
	id := authIDByTrace(t, db, "LC-HOLD", npiA)
	l := storedAuth(t, db, id).AuthorizationLifecycle
	if l.Hold == nil || !slices.Equal(l.Hold.Missing, []string{"PWK:77"}) || l.Hold.DueDate != "2026-07-17" ||
		l.InformationCompleteAt != nil || l.DecisionDue != nil {
		t.Fatalf("on hold: %+v hold %+v", l, l.Hold)
	}
	if evs := eventsOfKind(t, db, edigw.EventAuthPending); len(evs) != 1 || evs[0].Due != "2026-07-17" || evs[0].SubjectID != id {
		t.Errorf("pended events %+v", evs)
	}
	// The information: the same request again, with its attachment.
	again := lcRequest("LC-HOLD", tinA, npiA)
	again.Attachments = []edigw.Attachment{{ReportType: "77", Transmission: "EL", ControlNumber: "DOC1"}}
	clk.set(at("2026-07-08T16:00:00Z")) // Wednesday: due Friday
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{again}})
	var n int
	_ = db.pool.QueryRow(testCtx(t), `SELECT count(*) FROM authorizations WHERE trace_number = 'LC-HOLD'`).Scan(&n)
	s := storedAuth(t, db, id)
	l = s.AuthorizationLifecycle
	if n != 1 || l.Hold != nil || !l.InformationCompleteAt.Equal(clk.now()) || !l.DecisionDue.Equal(at("2026-07-10T16:00:00Z")) ||
		len(s.Request.Attachments) != 1 {
		t.Errorf("after the information: %d rows, %+v, attachments %v", n, l, s.Request.Attachments)
	}

	// The payer side's hold, then the information through the API's call.
	clk.set(at("2026-07-09T12:00:00Z"))
	if _, err := db.SetAuthorizationHold(testCtx(t), id, edigw.HoldUpdate{Missing: []string{"PWK:OB"}, DueDate: "2026-07-20"}); err != nil {
		t.Fatal(err)
	}
	if l := storedAuth(t, db, id).AuthorizationLifecycle; l.Hold == nil || l.Hold.DueDate != "2026-07-20" || l.DecisionDue != nil {
		t.Errorf("payer's hold: %+v", l)
	}
	if evs := eventsOfKind(t, db, edigw.EventAuthPending); len(evs) != 2 || evs[1].Due != "2026-07-20" {
		t.Errorf("pended events %+v", evs)
	}
	clk.set(at("2026-07-13T12:00:00Z"))
	if _, err := db.ReleaseAuthorizationHold(testCtx(t), id); err != nil {
		t.Fatal(err)
	}
	if l := storedAuth(t, db, id).AuthorizationLifecycle; l.Hold != nil || !l.DecisionDue.Equal(at("2026-07-15T12:00:00Z")) {
		t.Errorf("released: %+v", l)
	}
	if _, err := db.ReleaseAuthorizationHold(testCtx(t), id); err != edigw.ErrNotOnHold {
		t.Errorf("releasing twice: %v", err)
	}
	// Pended again for documentation, then a pend asking for nothing
	// more: the information is complete.
	clk.set(at("2026-07-14T12:00:00Z"))
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{pend}})
	clk.set(at("2026-07-15T12:00:00Z"))
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{lcResponse("LC-HOLD", tinA, npiA, "A4", "", "")}})
	if l := storedAuth(t, db, id).AuthorizationLifecycle; l.Hold != nil || !l.DecisionDue.Equal(at("2026-07-17T12:00:00Z")) {
		t.Errorf("a pend asking for nothing more: %+v", l)
	}
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{lcResponse("LC-HOLD", tinA, npiA, "A1", "C-HOLD", "")}})
	if _, err := db.SetAuthorizationHold(testCtx(t), id, edigw.HoldUpdate{DueDate: "2026-07-20"}); err != edigw.ErrDecided {
		t.Errorf("a hold on a decided request: %v", err)
	}
}

// appeal is provider npi's appeal (UM02 2) or reconsideration (N) naming
// certification cert in REF*BB.
func appeal(trace, tin, npi, certType, cert string) *edigw.AuthorizationRequest {
	r := lcRequest(trace, tin, npi)
	r.CertificationType, r.PreviousAuthorization = certType, cert
	return r
}

// A denial carries its reasons and appeal deadline. Provider B's appeal
// naming A's certification number links nothing (original-not-found, no
// appeal_received); A's reconsideration and then appeal link to A's
// denial; a reconsideration after the appeal gets a finding; the appeal
// overturned moves the original to Approved with its event; an appeal
// after the window gets a finding.
func TestDenialAppealsAndOriginals(t *testing.T) {
	db, _ := openDB(t)
	clk := &clock{t: at("2026-07-02T15:00:00Z")}
	db.Now = clk.now
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{lcRequest("LC-DEN", tinA, npiA)}})
	denial := lcResponse("LC-DEN", tinA, npiA, "A3", "C-DEN", "")
	denial.Decision.Reasons = []string{"0F"}
	clk.set(at("2026-07-06T10:00:00Z"))
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{denial}})
	orig := authIDByTrace(t, db, "LC-DEN", npiA)
	l := storedAuth(t, db, orig).AuthorizationLifecycle
	if len(l.DenialReasons) != 1 || l.DenialReasons[0].Code != "0F" || l.DenialReasons[0].Description == "" ||
		l.AppealDeadline != "2027-01-02" || l.ValidThrough != "" {
		t.Errorf("denial: %+v", l)
	}

	clk.set(at("2026-07-07T10:00:00Z"))
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{
		appeal("LC-B-APPEAL", tinB, npiB, "2", "C-DEN"),
		appeal("LC-RECON", tinA, npiA, "N", "C-DEN"),
	}})
	b := storedAuth(t, db, authIDByTrace(t, db, "LC-B-APPEAL", npiB)).AuthorizationLifecycle
	if b.OriginalID != 0 || !slices.Equal(b.Findings, []string{edigw.FindingOriginalNotFound}) {
		t.Errorf("B's appeal naming A's number: original %d findings %v", b.OriginalID, b.Findings)
	}
	if evs := eventsOfKind(t, db, edigw.EventAuthAppealReceived); len(evs) != 0 {
		t.Errorf("B's appeal is no appeal of A's decision: %+v", evs)
	}
	recon := storedAuth(t, db, authIDByTrace(t, db, "LC-RECON", npiA)).AuthorizationLifecycle
	if recon.OriginalID != orig || len(recon.Findings) != 0 {
		t.Errorf("reconsideration: %+v", recon)
	}
	// The reconsideration upholds the denial; then the appeal.
	upheld := lcResponse("LC-RECON", tinA, npiA, "A3", "C-RECON", "")
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{upheld, appeal("LC-APPEAL", tinA, npiA, "2", "C-DEN")}})
	ap := authIDByTrace(t, db, "LC-APPEAL", npiA)
	l = storedAuth(t, db, ap).AuthorizationLifecycle
	if l.OriginalID != orig || !l.DecisionDue.Equal(at("2026-09-05T10:00:00Z")) || len(l.Findings) != 0 {
		t.Errorf("appeal: %+v (due %v)", l, l.DecisionDue)
	}
	if evs := eventsOfKind(t, db, edigw.EventAuthAppealReceived); len(evs) != 1 || evs[0].SubjectID != ap {
		t.Errorf("appeal_received %+v", evs)
	}
	if s := storedAuth(t, db, orig); s.Request.Status != edigw.AuthDenied {
		t.Errorf("an upheld reconsideration leaves the denial: %s", s.Request.Status)
	}
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{appeal("LC-RECON2", tinA, npiA, "N", "C-DEN")}})
	if l := storedAuth(t, db, authIDByTrace(t, db, "LC-RECON2", npiA)).AuthorizationLifecycle; !slices.Equal(l.Findings, []string{edigw.FindingReconsiderationAfterAppeal}) {
		t.Errorf("reconsideration after the appeal: %v", l.Findings)
	}
	// Overturned.
	clk.set(at("2026-07-20T10:00:00Z"))
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{lcResponse("LC-APPEAL", tinA, npiA, "A1", "C-APPEAL", "20260720")}})
	o := storedAuth(t, db, orig)
	if o.Request.Status != edigw.AuthApproved || o.ValidFrom != "2026-07-20" || o.ValidThrough != "2026-09-20" {
		t.Errorf("overturned original: %s %s..%s", o.Request.Status, o.ValidFrom, o.ValidThrough)
	}
	if evs := eventsOfKind(t, db, edigw.EventAuthAppealDecided); len(evs) != 1 || evs[0].SubjectID != ap || evs[0].Status != "Approved" {
		t.Errorf("appeal_decided %+v", evs)
	}
	approved := eventsOfKind(t, db, edigw.EventAuthApproved)
	if !slices.ContainsFunc(approved, func(e edigw.Event) bool { return e.SubjectID == orig }) {
		t.Errorf("no approved event on the original: %+v", approved)
	}

	// Another denial, appealed after its window.
	clk.set(at("2026-07-02T15:00:00Z"))
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{lcRequest("LC-DEN2", tinA, npiA)}})
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{lcResponse("LC-DEN2", tinA, npiA, "A3", "C-DEN2", "")}})
	clk.set(at("2027-01-05T15:00:00Z"))
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{appeal("LC-LATE", tinA, npiA, "1", "C-DEN2")}})
	l = storedAuth(t, db, authIDByTrace(t, db, "LC-LATE", npiA)).AuthorizationLifecycle
	if !slices.Equal(l.Findings, []string{edigw.FindingAppealAfterWindow}) || l.Urgency != "urgent" ||
		!l.DecisionDue.Equal(at("2027-01-08T15:00:00Z")) {
		t.Errorf("late expedited appeal: %+v", l)
	}
}

// Two schedulers (two pools, as two serve instances) run at once, again
// and again, as a controlled clock moves: each time-based event is
// emitted exactly once.
func TestSchedulerEmitsEachEventOnceAcrossInstances(t *testing.T) {
	db, url := openDB(t)
	clk := &clock{t: at("2026-07-02T15:00:00Z")}
	db.Now = clk.now
	other, err := Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(other.Close)
	ctx := testCtx(t)
	ma := lcRequest("T-MA", tinA, npiA) // Medicare Advantage: both clocks run out, each once
	ma.SubscriberReferences = []edigw.Reference{{Qualifier: "6P", Value: "MA1"}}
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{lcRequest("T-OVERDUE", tinA, npiA), lcRequest("T-HOLD", tinA, npiA),
		lcRequest("T-VALID", tinA, npiA), ma}})
	pend := lcResponse("T-HOLD", tinA, npiA, "A4", "", "")
	pend.Attachments = []edigw.Attachment{{ReportType: "77", Transmission: "FX"}}
	orphan := lcResponse("T-ORPHAN", tinA, npiA, "A4", "", "") // answers no request: no clock of its own
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{pend, orphan,
		lcResponse("T-VALID", tinA, npiA, "A1", "C-VALID", "20260710")}}) // valid through 2026-09-10

	run := func(now time.Time) int {
		var wg sync.WaitGroup
		counts := make([]int, 4)
		for i := range counts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				store := db
				if i%2 == 1 {
					store = other
				}
				n, err := store.EmitAuthorizationTimers(ctx, now)
				if err != nil {
					t.Error(err)
				}
				counts[i] = n
			}()
		}
		wg.Wait()
		return counts[0] + counts[1] + counts[2] + counts[3]
	}
	for _, day := range []string{"2026-07-03", "2026-07-08", "2026-07-17", "2026-07-18", "2026-08-27", "2026-08-28", "2026-09-10", "2026-09-11", "2026-09-12"} {
		run(at(day + "T12:00:00Z"))
		run(at(day + "T12:00:00Z"))
	}
	want := map[edigw.EventKind][]string{
		edigw.EventAuthDecisionOverdue: {"2026-07-07", "2026-07-07", "2026-07-09"}, // T-OVERDUE; T-MA's two clocks
		edigw.EventAuthHoldDue:         {"2026-07-16"},
		edigw.EventAuthExpiring:        {"2026-09-10"},
		edigw.EventAuthExpired:         {"2026-09-10"},
	}
	for kind, dues := range want {
		evs := eventsOfKind(t, db, kind)
		var got []string
		for _, e := range evs {
			got = append(got, e.Due)
		}
		slices.Sort(got)
		if !slices.Equal(got, dues) {
			t.Errorf("%s: due %v, want %v", kind, got, dues)
		}
	}
	if n := run(at("2026-12-31T12:00:00Z")); n != 0 {
		t.Errorf("%d events emitted again", n)
	}
}

// An approved extension carries the original's validThrough to its own
// end; a denied one moves nothing; an approved revision replaces the
// original's validity.
func TestExtensionsAndRevisionsMoveTheOriginal(t *testing.T) {
	db, _ := openDB(t)
	clk := &clock{t: at("2026-07-02T15:00:00Z")}
	db.Now = clk.now
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{lcRequest("X-ORIG", tinA, npiA)}})
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{lcResponse("X-ORIG", tinA, npiA, "A1", "C-ORIG", "20260710")}})
	orig := authIDByTrace(t, db, "X-ORIG", npiA)
	valid := func() string {
		l := storedAuth(t, db, orig).AuthorizationLifecycle
		return l.ValidFrom + ".." + l.ValidThrough
	}
	if v := valid(); v != "2026-07-10..2026-09-10" {
		t.Fatalf("original %s", v)
	}
	clk.set(at("2026-09-01T15:00:00Z"))
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{appeal("X-EXT-DENIED", tinA, npiA, "4", "C-ORIG"),
		appeal("X-EXT", tinA, npiA, "4", "C-ORIG")}})
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{lcResponse("X-EXT-DENIED", tinA, npiA, "A3", "D-EXT", "")}})
	if v := valid(); v != "2026-07-10..2026-09-10" {
		t.Errorf("after a denied extension: %s", v)
	}
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{lcResponse("X-EXT", tinA, npiA, "A1", "C-EXT", "20260910")}})
	if v := valid(); v != "2026-07-10..2026-11-10" {
		t.Errorf("after the extension: %s", v)
	}
	if s := storedAuth(t, db, orig); s.Request.Status != edigw.AuthApproved {
		t.Errorf("status %s", s.Request.Status)
	}
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{appeal("X-REV", tinA, npiA, "S", "C-ORIG")}})
	rev := lcResponse("X-REV", tinA, npiA, "A1", "C-REV", "")
	rev.Decision.EffectivePeriod = &edigw.Period{From: "20260801", To: "20261031"}
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{rev}})
	if v := valid(); v != "2026-08-01..2026-10-31" {
		t.Errorf("after the revision: %s", v)
	}
}
