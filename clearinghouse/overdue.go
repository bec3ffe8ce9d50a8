package clearinghouse

import (
	"context"
	"sync"
	"time"

	"go.uber.org/zap"
)

// Overdue acknowledgments (decision 0019): every file edigw sends expects
// a 999, an 837 a 277CA as well, within its partner's windows. Serve asks
// the store, after each flush and at most every OverdueEvery, to record
// what is overdue; the store raises file.acknowledgment_overdue once per
// file and kind, whichever instance asks first.

// DefaultOverdueEvery is how often Serve looks for overdue
// acknowledgments: the windows are hours long, a minute late is nothing,
// and each look reads the sent files.
const DefaultOverdueEvery = time.Minute

// overdueRaiser is what the check asks of the store (storage.DB is one).
// A store without it (a test double) is not checked.
type overdueRaiser interface {
	RaiseOverdueAcknowledgments(ctx context.Context, now time.Time) (int, error)
}

// overdueCheck remembers when Serve last looked.
type overdueCheck struct {
	mu   sync.Mutex
	last time.Time
}

// checkOverdue records the acknowledgments overdue now, unless it looked
// less than OverdueEvery ago (by the pipeline's clock). A failure is
// logged: the next look tries again.
func (p *Pipeline) checkOverdue(ctx context.Context) {
	r, ok := p.Store.(overdueRaiser)
	if !ok {
		return
	}
	now := p.now()
	every := p.OverdueEvery
	if every <= 0 {
		every = DefaultOverdueEvery
	}
	p.overdue.mu.Lock()
	if !p.overdue.last.IsZero() && now.Sub(p.overdue.last) < every {
		p.overdue.mu.Unlock()
		return
	}
	p.overdue.last = now
	p.overdue.mu.Unlock()
	n, err := r.RaiseOverdueAcknowledgments(ctx, now)
	if err != nil {
		p.log().Error("overdue acknowledgments: the next look tries again", zap.Error(err))
		return
	}
	if n > 0 {
		p.log().Warn("acknowledgments overdue", zap.Int("raised", n))
	}
}
