package clearinghouse

import (
	"context"
	"sync"

	"github.com/edigw/edigw"
)

// overlappedIngest hands an ingest's bulk loads to a goroutine of their
// own, so that reading and mapping the next records (one core) overlaps
// the database loading the last batch (the database's core, and encoding
// on ours). The queue holds one batch: memory stays bounded by the
// batcher's batch, the batch queued and the batch loading.
//
// Loads keep their order. A load that fails makes every later call
// return its error, so the file's reading stops at the next batch; the
// error is also returned by Commit. Interchange, Commit and Rollback wait
// for the loads before them: their answers decide the file's outcome.
type overlappedIngest struct {
	ing  edigw.Ingest
	ctx  context.Context
	jobs chan job
	done chan struct{}

	mu  sync.Mutex
	err error // the first load's error
}

func overlap(ctx context.Context, ing edigw.Ingest) *overlappedIngest {
	o := &overlappedIngest{ing: ing, ctx: ctx, jobs: make(chan job, 1), done: make(chan struct{})}
	go o.run()
	return o
}

// job is a queued call; a barrier runs even after a load failed, so
// that its caller hears back.
type job struct {
	run     func() error
	barrier bool
}

func (o *overlappedIngest) run() {
	defer close(o.done)
	for j := range o.jobs {
		if o.failed() != nil && !j.barrier {
			continue // drain: the ingest is lost anyway
		}
		if err := j.run(); err != nil {
			o.mu.Lock()
			o.err = err
			o.mu.Unlock()
		}
	}
}

func (o *overlappedIngest) failed() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.err
}

// queue hands a load to the goroutine, waiting while one is queued.
func (o *overlappedIngest) queue(j job) error {
	if err := o.failed(); err != nil {
		return err
	}
	select {
	case o.jobs <- j:
		return nil
	case <-o.ctx.Done():
		return o.ctx.Err()
	}
}

// wait runs f once every queued load has ended.
func (o *overlappedIngest) wait(f func() error) error {
	res := make(chan error, 1)
	barrier := func() error {
		if err := o.failed(); err != nil {
			res <- err // a load failed before f's turn
			return nil
		}
		res <- f()
		return nil
	}
	if err := o.queue(job{run: barrier, barrier: true}); err != nil {
		return err
	}
	return <-res
}

func (o *overlappedIngest) load(f func() error) error { return o.queue(job{run: f}) }

// stop ends the goroutine; later calls go straight to the ingest.
func (o *overlappedIngest) stop() error {
	select {
	case <-o.done:
	default:
		close(o.jobs)
		<-o.done
	}
	return o.failed()
}

// The batcher reuses its slices after a call: queued loads take a copy.

func (o *overlappedIngest) AddClaims(ctx context.Context, claims []*edigw.Claim) error {
	claims = append([]*edigw.Claim(nil), claims...)
	return o.load(func() error { return o.ing.AddClaims(ctx, claims) })
}

func (o *overlappedIngest) AddRemittances(ctx context.Context, rms []*edigw.Remittance) error {
	rms = append([]*edigw.Remittance(nil), rms...)
	return o.load(func() error { return o.ing.AddRemittances(ctx, rms) })
}

func (o *overlappedIngest) AddAuthorizations(ctx context.Context, reqs []*edigw.AuthorizationRequest) error {
	reqs = append([]*edigw.AuthorizationRequest(nil), reqs...)
	return o.load(func() error { return o.ing.AddAuthorizations(ctx, reqs) })
}

func (o *overlappedIngest) AddClaimStatuses(ctx context.Context, statuses []edigw.ClaimStatusUpdate) error {
	statuses = append([]edigw.ClaimStatusUpdate(nil), statuses...)
	return o.load(func() error { return o.ing.AddClaimStatuses(ctx, statuses) })
}

func (o *overlappedIngest) AddAcknowledgments(ctx context.Context, acks []*edigw.Acknowledgment) error {
	acks = append([]*edigw.Acknowledgment(nil), acks...)
	return o.load(func() error { return o.ing.AddAcknowledgments(ctx, acks) })
}

// Interchange waits for the loads before it: the caller needs its answer
// (a duplicate interchange ends the file).
func (o *overlappedIngest) Interchange(ctx context.Context, ic edigw.Interchange) error {
	return o.wait(func() error { return o.ing.Interchange(ctx, ic) })
}

// RecordOutputs waits for the loads before it: it is the last step
// before Commit.
func (o *overlappedIngest) RecordOutputs(ctx context.Context, restingKey string, outputs []edigw.Output) error {
	return o.wait(func() error { return o.ing.RecordOutputs(ctx, restingKey, outputs) })
}

func (o *overlappedIngest) Commit(ctx context.Context, sha256 string, size int64) (*edigw.IngestResult, error) {
	if err := o.stop(); err != nil {
		_ = o.ing.Rollback(context.WithoutCancel(ctx))
		return nil, err
	}
	return o.ing.Commit(ctx, sha256, size)
}

func (o *overlappedIngest) Rollback(ctx context.Context) error {
	_ = o.stop()
	return o.ing.Rollback(ctx)
}
