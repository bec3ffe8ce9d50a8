package clearinghouse

import (
	"context"
	"time"

	"go.uber.org/zap"
)

// AuthorizationScheduler emits the prior-authorization lifecycle's
// time-based events (hold_due, decision_overdue, expiring, expired;
// docs/authorizations.md) while serve runs. Every instance runs one; the
// store emits each event exactly once however many ask (storage's
// authorization_timers), so the scheduler holds no lease of its own.
type AuthorizationScheduler struct {
	Store authorizationTimers
	// Now is the clock (time.Now when nil); Every how often it looks
	// (DefaultSchedulerEvery when 0).
	Now   func() time.Time
	Every time.Duration
	Log   *zap.Logger
}

// DefaultSchedulerEvery: the events are about days and hours; a minute
// late is nothing, and each look reads the undecided and approved requests
// through their indexes.
const DefaultSchedulerEvery = time.Minute

// authorizationTimers is what the scheduler asks of the store
// (storage.DB is one).
type authorizationTimers interface {
	EmitAuthorizationTimers(ctx context.Context, now time.Time) (int, error)
}

// Run looks at once and then every Every until stop is closed or ctx
// ends. A failed look is logged; the next one tries again.
func (s *AuthorizationScheduler) Run(ctx context.Context, stop <-chan struct{}) {
	every := s.Every
	if every <= 0 {
		every = DefaultSchedulerEvery
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		s.RunOnce(ctx)
		select {
		case <-stop:
			return
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// RunOnce emits what is due now and returns how many events it emitted.
func (s *AuthorizationScheduler) RunOnce(ctx context.Context) int {
	now := time.Now()
	if s.Now != nil {
		now = s.Now()
	}
	n, err := s.Store.EmitAuthorizationTimers(ctx, now)
	log := s.Log
	if log == nil {
		log = zap.NewNop()
	}
	if err != nil {
		log.Error("authorization scheduler: the next look tries again", zap.Error(err))
		return n
	}
	if n > 0 {
		log.Info("authorization events emitted", zap.Int("events", n))
	}
	return n
}
