package clearinghouse

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/clearinghouse/dirstore"
	"github.com/edigw/edigw/mapping"
	"github.com/edigw/edigw/storage"
)

var updateLifecycle = flag.Bool("update-lifecycle", false, "rewrite fixtures/golden/lifecycle from the story's run")

// storyClock is the controllable clock the story's files are taken in by.
type storyClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *storyClock) now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *storyClock) set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// TestLifecycleStory runs fixtures/lifecycle through the pipeline against
// PostgreSQL, each file at its own time (fixtures/lifecycle/README.md):
// oxygen pended for documentation with a hold due date, the information,
// approved with a start date only (a monthly rental: the months plus
// one), a claim within the validity paid; a wheelchair denied,
// reconsidered, appealed and overturned; an urgent Medicare Advantage
// request; a retrospective one; clocks across Thanksgiving, and across a
// weekend and Columbus Day. Two schedulers with the story's clock then
// emit the time-based events once. The stored records and the events are
// golden (fixtures/golden/lifecycle; -update-lifecycle rewrites them).
func TestLifecycleStory(t *testing.T) {
	dbURL := testDatabase(t)
	db := openStore(t, dbURL)
	clk := &storyClock{}
	db.Now = clk.now
	p := pipelineOn(db, newDirObjects(t))
	p.Authorizations = db
	p.Now = clk.now
	ctx := context.Background()
	dir := filepath.Join("..", "fixtures", "lifecycle")
	steps := []struct {
		file string
		at   string
	}{
		{"11-278-request-wheelchair.edi", "2026-10-08T15:00:00Z"},
		{"12-278-response-wheelchair-denied.edi", "2026-10-09T18:00:00Z"},
		{"13-278-request-wheelchair-reconsideration.edi", "2026-10-13T14:00:00Z"},
		{"14-278-response-reconsideration-upheld.edi", "2026-10-15T19:00:00Z"},
		{"15-278-request-wheelchair-appeal.edi", "2026-10-20T14:00:00Z"},
		{"16-278-response-appeal-overturned.edi", "2026-11-05T15:00:00Z"},
		{"31-278-request-retrospective.edi", "2026-11-10T14:00:00Z"},
		{"01-278-request-oxygen.edi", "2026-11-24T14:00:00Z"},
		{"02-278-response-oxygen-pended.edi", "2026-11-25T15:00:00Z"},
		{"03-278-request-oxygen-information.edi", "2026-12-01T14:00:00Z"},
		{"04-278-response-oxygen-approved.edi", "2026-12-02T16:00:00Z"},
		{"21-278-request-urgent.edi", "2026-12-04T20:00:00Z"},
		{"05-837p-oxygen-claim.edi", "2026-12-15T14:15:00Z"},
		{"06-835-oxygen-paid.edi", "2026-12-30T11:00:00Z"},
	}
	// Two schedulers, as two serve instances, look after every step and
	// on later days, each look twice at once.
	s1 := &AuthorizationScheduler{Store: db, Now: clk.now}
	other := openStore(t, dbURL)
	s2 := &AuthorizationScheduler{Store: other, Now: clk.now}
	tick := func() {
		var wg sync.WaitGroup
		for _, s := range []*AuthorizationScheduler{s1, s2, s1, s2} {
			wg.Add(1)
			go func() { defer wg.Done(); s.RunOnce(ctx) }()
		}
		wg.Wait()
	}
	for _, s := range steps {
		clk.set(mustTime(t, s.at))
		drop(t, p, filepath.Join(dir, s.file), s.file)
		outs, err := p.PollOnce(ctx)
		if err != nil || len(outs) != 1 || outs[0].Status != edigw.FileArchived {
			t.Fatalf("%s: %v %v", s.file, err, outs)
		}
		tick()
	}
	auths := storedAuthorizations(t, db, dbURL)
	byTrace := map[string]*edigw.StoredAuthorization{}
	for _, a := range auths {
		byTrace[a.Request.TraceNumber] = a
	}

	// Oxygen: the hold, the information, the approval, the claim.
	oxy := byTrace["TRK20261124001"]
	if oxy.Request.Status != edigw.AuthApproved || oxy.ValidFrom != "2026-12-01" || oxy.ValidThrough != "2027-04-01" ||
		oxy.Hold != nil || !oxy.InformationCompleteAt.Equal(mustTime(t, "2026-12-01T14:00:00Z")) ||
		!oxy.DecisionDue.Equal(mustTime(t, "2026-12-03T14:00:00Z")) {
		t.Errorf("oxygen: %s %+v", oxy.Request.Status, oxy.AuthorizationLifecycle)
	}
	pended := eventsOf(t, db, edigw.EventAuthPending)
	if len(pended) != 1 || pended[0].SubjectID != oxy.ID || pended[0].Due != "2026-12-09" {
		t.Errorf("pended: %+v", pended)
	}
	claim, err := db.ClaimByControlNumber(ctx, edigw.Cigna, "DME-2026-1201", nil)
	if err != nil || claim.Claim.Status != edigw.ClaimPaid || claim.AuthorizationID != oxy.ID || len(claim.Claim.AuthorizationFindings) != 0 {
		t.Errorf("the oxygen claim: %v %+v", err, claim)
	}

	// The wheelchair: denied, reconsideration upheld, appeal overturned.
	wc, recon, appeal := byTrace["TRK20261008001"], byTrace["TRK20261013001"], byTrace["TRK20261020001"]
	if !wc.DecisionDue.Equal(mustTime(t, "2026-10-13T15:00:00Z")) {
		t.Errorf("the wheelchair's clock across the weekend and Columbus Day: %v", wc.DecisionDue)
	}
	if wc.Request.Status != edigw.AuthApproved || wc.AppealDeadline != "2027-04-07" || len(wc.DenialReasons) != 1 ||
		wc.ValidFrom != "2026-11-05" || wc.ValidThrough != "2027-05-04" {
		t.Errorf("the overturned denial: %s %+v", wc.Request.Status, wc.AuthorizationLifecycle)
	}
	if recon.OriginalID != wc.ID || appeal.OriginalID != wc.ID || recon.Request.Status != edigw.AuthDenied ||
		!appeal.DecisionDue.Equal(mustTime(t, "2026-12-19T14:00:00Z")) {
		t.Errorf("reconsideration %+v, appeal %+v", recon.AuthorizationLifecycle, appeal.AuthorizationLifecycle)
	}
	if evs := eventsOf(t, db, edigw.EventAuthAppealDecided); len(evs) != 1 || evs[0].SubjectID != appeal.ID {
		t.Errorf("appeal decided: %+v", evs)
	}

	// Urgent, Medicare Advantage; retrospective.
	urgent, retro := byTrace["TRK20261204001"], byTrace["TRK20261110001"]
	if urgent.Urgency != "urgent" || urgent.LineOfBusiness != "medicare_advantage" ||
		!urgent.DecisionDue.Equal(mustTime(t, "2026-12-07T20:00:00Z")) || !urgent.RegulatoryDecisionDue.Equal(mustTime(t, "2026-12-07T20:00:00Z")) {
		t.Errorf("urgent: %+v", urgent.AuthorizationLifecycle)
	}
	if !retro.Retrospective || retro.Urgency != "standard" {
		t.Errorf("retrospective: %+v", retro.AuthorizationLifecycle)
	}

	// The story's clock moving on.
	for _, day := range []string{"2026-12-31T12:00:00Z", "2027-03-18T12:00:00Z", "2027-04-02T12:00:00Z", "2027-04-20T12:00:00Z", "2027-05-05T12:00:00Z"} {
		clk.set(mustTime(t, day))
		tick()
	}
	timed := map[edigw.EventKind]bool{edigw.EventAuthHoldDue: true, edigw.EventAuthDecisionOverdue: true,
		edigw.EventAuthExpiring: true, edigw.EventAuthExpired: true}
	seen := map[string]bool{}
	for _, e := range eventsOf(t, db, "") {
		key := string(e.Kind) + "/" + e.Reference + "/" + e.Due
		if timed[e.Kind] && seen[key] {
			t.Errorf("emitted twice: %s", key)
		}
		seen[key] = true
	}
	for _, want := range []string{
		"authorization.decision_overdue/TRK20261110001/2026-11-13", // the retrospective request, never decided (Veterans Day on the way)
		"authorization.expiring/C26336A00456/2027-04-01",
		"authorization.expired/C26336A00456/2027-04-01",
		"authorization.expired/D26282A00789/2027-05-04", // the overturned original
	} {
		if !seen[want] {
			t.Errorf("no %s", want)
		}
	}

	golden(t, "authorizations.json", auths)
	golden(t, "events.json", storyEvents(eventsOf(t, db, "")))
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// storedAuthorizations reads every stored authorization in ID order, as
// GET /v1/authorizations/{id} serves it, without updatedAt (the
// database's own clock).
func storedAuthorizations(t *testing.T, db *storage.DB, dbURL string) []*edigw.StoredAuthorization {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	rows, err := c.Query(ctx, "SELECT id FROM authorizations ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		t.Fatal(err)
	}
	var out []*edigw.StoredAuthorization
	for _, id := range ids {
		a, err := db.Authorization(ctx, id, nil)
		if err != nil {
			t.Fatal(err)
		}
		a.UpdatedAt = time.Time{}
		out = append(out, a)
	}
	return out
}

// eventsOf reads the whole feed, or the events of one kind.
func eventsOf(t *testing.T, db *storage.DB, kind edigw.EventKind) []edigw.Event {
	t.Helper()
	var out []edigw.Event
	var after int64
	for {
		page, err := db.Events(context.Background(), after, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			return out
		}
		for _, e := range page {
			if kind == "" || e.Kind == kind {
				out = append(out, e)
			}
		}
		after = page[len(page)-1].ID
	}
}

// storyEvent is an event without what the database's clock sets.
type storyEvent struct {
	Kind      edigw.EventKind `json:"kind"`
	SubjectID int64           `json:"subjectId,string"`
	Reference string          `json:"reference"`
	Status    string          `json:"status"`
	Due       string          `json:"due,omitempty"`
}

// storyEvents are the authorization and claim events in feed order, the
// scheduler's sorted (two instances interleave them).
func storyEvents(evs []edigw.Event) []storyEvent {
	var out, timed []storyEvent
	for _, e := range evs {
		se := storyEvent{e.Kind, e.SubjectID, e.Reference, e.Status, e.Due}
		switch e.Kind {
		case edigw.EventAuthHoldDue, edigw.EventAuthDecisionOverdue, edigw.EventAuthExpiring, edigw.EventAuthExpired:
			timed = append(timed, se)
		default:
			out = append(out, se)
		}
	}
	slices.SortFunc(timed, func(a, b storyEvent) int {
		if a.Due != b.Due {
			return cmpString(a.Due, b.Due)
		}
		if a.Kind != b.Kind {
			return cmpString(string(a.Kind), string(b.Kind))
		}
		return int(a.SubjectID - b.SubjectID)
	})
	return append(out, timed...)
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// golden compares v's JSON view with fixtures/golden/lifecycle/name.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	var b bytes.Buffer
	raw, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	view, err := mapping.Describe(raw)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Indent(&b, view, "", "  "); err != nil {
		t.Fatal(err)
	}
	b.WriteByte('\n')
	path := filepath.Join("..", "fixtures", "golden", "lifecycle", name)
	if *updateLifecycle {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update-lifecycle to write it)", err)
	}
	if !bytes.Equal(want, b.Bytes()) {
		t.Errorf("%s differs from the golden file; the run gave:\n%s", name, b.Bytes())
	}
}

func newDirObjects(t *testing.T) edigw.ObjectStore {
	t.Helper()
	objs, err := dirstore.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return objs
}
