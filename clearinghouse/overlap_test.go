package clearinghouse

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/edigw/edigw"
)

// recordingIngest is an in-memory edigw.Ingest that notes its calls and
// can fail one of them.
type recordingIngest struct {
	mu        sync.Mutex
	calls     []string
	failOn    string // call that fails
	committed bool
	rolled    bool
	release   chan struct{} // when set, AddClaims waits for it
}

var errLoad = errors.New("load failed")

func (r *recordingIngest) note(call string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, call)
	if call == r.failOn {
		return errLoad
	}
	return nil
}

func (r *recordingIngest) AddClaims(_ context.Context, cs []*edigw.Claim) error {
	if r.release != nil {
		<-r.release
	}
	return r.note(fmt.Sprintf("claims %s", cs[0].PatientControlNumber))
}
func (r *recordingIngest) AddRemittances(context.Context, []*edigw.Remittance) error {
	return r.note("remittances")
}
func (r *recordingIngest) AddAuthorizations(context.Context, []*edigw.AuthorizationRequest) error {
	return r.note("authorizations")
}
func (r *recordingIngest) AddClaimStatuses(context.Context, []edigw.ClaimStatusUpdate) error {
	return r.note("statuses")
}
func (r *recordingIngest) AddEligibilityResponses(context.Context, []*edigw.EligibilityResponse) error {
	return r.note("eligibility")
}
func (r *recordingIngest) AddAcknowledgments(context.Context, []*edigw.Acknowledgment) error {
	return r.note("acknowledgments")
}
func (r *recordingIngest) Interchange(_ context.Context, ic edigw.Interchange) error {
	if ic.ControlNumber == "dup" {
		_ = r.note("interchange dup")
		return edigw.ErrDuplicateInterchange
	}
	return r.note("interchange")
}
func (r *recordingIngest) Commit(context.Context, string, int64) (*edigw.IngestResult, error) {
	r.committed = true
	return &edigw.IngestResult{}, r.note("commit")
}
func (r *recordingIngest) RecordOutputs(context.Context, string, []edigw.Output) error {
	return r.note("outputs")
}

func (r *recordingIngest) Rollback(context.Context) error {
	r.rolled = true
	return r.note("rollback")
}

func claimsNamed(pcn string) []*edigw.Claim {
	return []*edigw.Claim{{PatientControlNumber: pcn}}
}

// TestOverlapKeepsOrderAndCopies: loads reach the ingest in order, each
// with the slice as it was when handed over (the batcher reuses its
// slices), and Interchange and Commit come after the loads before them.
func TestOverlapKeepsOrderAndCopies(t *testing.T) {
	ctx := context.Background()
	rec := &recordingIngest{}
	o := overlap(ctx, rec)
	batch := claimsNamed("A")
	if err := o.AddClaims(ctx, batch); err != nil {
		t.Fatal(err)
	}
	batch[0] = &edigw.Claim{PatientControlNumber: "overwritten"} // as the batcher's next batch does
	if err := o.AddClaims(ctx, claimsNamed("B")); err != nil {
		t.Fatal(err)
	}
	if err := o.AddRemittances(ctx, []*edigw.Remittance{{}}); err != nil {
		t.Fatal(err)
	}
	if err := o.Interchange(ctx, edigw.Interchange{ControlNumber: "dup"}); !errors.Is(err, edigw.ErrDuplicateInterchange) {
		t.Errorf("interchange answer %v, want the ingest's ErrDuplicateInterchange", err)
	}
	if err := o.AddAcknowledgments(ctx, []*edigw.Acknowledgment{{}}); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Commit(ctx, "sum", 1); err != nil {
		t.Fatal(err)
	}
	want := "[claims A claims B remittances interchange dup acknowledgments commit]"
	if got := fmt.Sprint(rec.calls); got != want {
		t.Errorf("calls %s, want %s", got, want)
	}
}

// TestOverlapFailure: a load that fails stops the file: later loads are
// refused with its error (the reading stops), loads queued behind it are
// dropped, Interchange hears it, and Commit returns it and rolls back.
func TestOverlapFailure(t *testing.T) {
	ctx := context.Background()
	rec := &recordingIngest{failOn: "claims A", release: make(chan struct{})}
	o := overlap(ctx, rec)
	if err := o.AddClaims(ctx, claimsNamed("A")); err != nil {
		t.Fatal(err) // handed over; it fails later
	}
	if err := o.AddClaims(ctx, claimsNamed("B")); err != nil {
		t.Fatal(err) // queued behind A
	}
	close(rec.release)
	if err := o.Interchange(ctx, edigw.Interchange{}); !errors.Is(err, errLoad) {
		t.Errorf("interchange after a failed load: %v", err)
	}
	if err := o.AddClaims(ctx, claimsNamed("C")); !errors.Is(err, errLoad) {
		t.Errorf("a load after a failed one: %v", err)
	}
	if _, err := o.Commit(ctx, "sum", 1); !errors.Is(err, errLoad) {
		t.Errorf("commit after a failed load: %v", err)
	}
	if rec.committed || !rec.rolled {
		t.Errorf("committed %v, rolled back %v", rec.committed, rec.rolled)
	}
	if got := fmt.Sprint(rec.calls); got != "[claims A rollback]" {
		t.Errorf("calls %s", got)
	}
}

// TestOverlapCancel: a reader blocked on a full queue gets the context's
// error when the file is abandoned, and Rollback ends the goroutine.
func TestOverlapCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	rec := &recordingIngest{release: make(chan struct{})}
	o := overlap(ctx, rec)
	_ = o.AddClaims(ctx, claimsNamed("A")) // loading, blocked
	_ = o.AddClaims(ctx, claimsNamed("B")) // queued
	done := make(chan error)
	go func() { done <- o.AddClaims(ctx, claimsNamed("C")) }()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("blocked load: %v", err)
	}
	close(rec.release)
	if err := o.Rollback(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !rec.rolled || rec.committed {
		t.Errorf("rolled back %v, committed %v", rec.rolled, rec.committed)
	}
}
