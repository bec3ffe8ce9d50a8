package clearinghouse

import (
	"context"
	"errors"
	"fmt"
	"github.com/edigw/edigw/mapping"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"go.uber.org/zap"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
)

// Pipeline moves files between the object store and the record store. It
// is safe to run several Pipelines (in several processes) against the same
// stores: files are locked one at a time in the record store.
type Pipeline struct {
	Store    Store // store.go: what the pipeline asks of the record store
	Objects  edigw.ObjectStore
	Partners []Partner
	Log      *zap.Logger
	Now      func() time.Time
	Newline  bool // a line feed after each segment of what edigw writes
	// BatchSize is how many records go to the store in one bulk insert
	// (default 2000); memory holds at most one batch per kind.
	BatchSize int
	// Retry bounds the retries of a store or object-store call that
	// fails (a network error, a restart): attempts and the first and
	// longest wait. Zero values take defaults (8 attempts, 100 ms, 10 s).
	Retry Retry
	// Failures says how long a file that fails because of what it is
	// waits, and after how many failures it goes to error/ (poison.go).
	Failures FailurePolicy
	// OnOutcome, when set, sees every file's outcome (progress bars, tests).
	OnOutcome func(*Outcome)
	// Authorizations, when set, turns on the prior-authorization check of
	// inbound 837 claims (mapping.Handlers.AuthorizationLookup): one
	// lookup for each batch of claims. serve and replay give the records
	// store (storage.DB); nil leaves the check out (Result.AuthorizationCheck
	// says "not run").
	Authorizations mapping.AuthorizationLookup

	// OverdueEvery is how often Serve looks for overdue acknowledgments
	// (overdue.go; default DefaultOverdueEvery).
	OverdueEvery time.Duration

	metrics  metrics
	observer observer     // observe.go
	overdue  overdueCheck // overdue.go
}

// Retry is a backoff policy.
type Retry struct {
	Attempts    int
	First, Ceil time.Duration
}

func (p *Pipeline) log() *zap.Logger {
	if p.Log == nil {
		return zap.NewNop()
	}
	return p.Log
}

func (p *Pipeline) batchSize() int {
	if p.BatchSize <= 0 {
		return 2000
	}
	return p.BatchSize
}

// permanentError marks an error retrying cannot fix.
type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

func permanent(err error) error { return permanentError{err} }

// retry runs f until it succeeds, fails permanently, or the attempts run
// out, waiting with jittered exponential backoff in between. Errors the
// stores define (not found, duplicates) are answers, not failures.
func (p *Pipeline) retry(ctx context.Context, what string, f func() error) error {
	attempts, wait, ceil := p.Retry.Attempts, p.Retry.First, p.Retry.Ceil
	if attempts <= 0 {
		attempts = 8
	}
	if wait <= 0 {
		wait = 100 * time.Millisecond
	}
	if ceil <= 0 {
		ceil = 10 * time.Second
	}
	var err error
	for i := 1; ; i++ {
		err = f()
		var perm permanentError
		switch {
		case err == nil:
			return nil
		case errors.As(err, &perm):
			return perm.err
		case answer(err), ctx.Err() != nil, i >= attempts:
			return err
		}
		if _, ok := fileFault(err); ok {
			return err // the same every time: the file's failure policy decides
		}
		p.metrics.retry()
		p.log().Warn("retrying", zap.String("op", what), zap.Int("attempt", i), zap.Error(err))
		d := wait/2 + rand.N(wait/2+1)
		select {
		case <-ctx.Done():
			return err
		case <-time.After(d):
		}
		wait = min(wait*2, ceil)
	}
}

// answer reports whether err is a store's answer rather than a failure.
func answer(err error) bool {
	for _, e := range []error{edigw.ErrNotFound, edigw.ErrObjectNotFound, edigw.ErrObjectExists,
		edigw.ErrDuplicateFile, edigw.ErrDuplicateInterchange} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// storeNumbers allocates acknowledgment control numbers from the store's
// ledger, under the context of the file being acknowledged.
type storeNumbers struct{ p *Pipeline }

var kindNames = map[ack.Kind]string{ack.InterchangeNumber: "ISA", ack.GroupNumber: "GS", ack.SetNumber: "ST"}

func (s storeNumbers) Next(ctx context.Context, kind ack.Kind, sender, receiver string) (int64, error) {
	var n int64
	err := s.p.retry(ctx, "control number", func() error {
		var err error
		// The IDs come from the inbound envelope: printable, so that no
		// byte of theirs fails the ledger (the envelope check rejects
		// such IDs, and their TA1 still needs a number).
		n, err = s.p.Store.NextControlNumber(ctx, kindNames[kind], printable(strings.TrimSpace(sender)), printable(strings.TrimSpace(receiver)))
		return err
	})
	return n, err
}

// PollOnce processes every file waiting in every partner's inbound prefix,
// in key order, and returns the outcomes. A file that fails is left in
// place for the next poll; the first such error is returned after the
// others were tried. A file that failed because of what it is (poison.go)
// is not retried within the poll and waits out its backoff while the
// others are processed; after Failures.Limit such failures it goes to
// error/.
func (p *Pipeline) PollOnce(ctx context.Context) ([]*Outcome, error) {
	return p.poll(ctx, nil)
}

// poll is PollOnce, ending early, between files, once stop is closed: a
// file taken runs to its outcome under ctx, while the calls that hold no
// file (listing a prefix, reading the failure ledger) end at stop too.
func (p *Pipeline) poll(ctx context.Context, stop <-chan struct{}) ([]*Outcome, error) {
	between, cancel := untilStop(ctx, stop)
	defer cancel()
	// Files a stopped run left unfinished first (resting.go).
	outs, first := p.finishUnfinished(ctx)
	for _, o := range outs {
		if p.OnOutcome != nil {
			p.OnOutcome(o)
		}
	}
	for _, pt := range p.Partners {
		if stopped(stop) {
			return outs, first
		}
		var objs []edigw.Object
		err := p.retry(between, "list "+pt.Inbound(), func() error {
			var err error
			objs, err = p.Objects.List(between, pt.Inbound())
			return err
		})
		if stopped(stop) {
			return outs, first
		}
		if err != nil {
			p.log().Error("list inbound", zap.String("prefix", pt.Inbound()), zap.Error(err))
			first = errors.Join(first, err)
			continue
		}
		sort.Slice(objs, func(i, j int) bool { return objs[i].Key < objs[j].Key })
		failing := p.failedInbound(between, pt)
		for _, o := range objs {
			if ctx.Err() != nil {
				return outs, errors.Join(first, ctx.Err())
			}
			if stopped(stop) {
				return outs, first
			}
			if strings.HasSuffix(o.Key, "/") {
				continue
			}
			if out, ok := waiting(o, failing); ok {
				if p.OnOutcome != nil {
					p.OnOutcome(out)
				}
				outs = append(outs, out)
				continue
			}
			out, err := p.ProcessFile(ctx, pt, o.Key)
			if cause, ok := fileFault(err); ok {
				out, err = p.fileFailed(ctx, pt, o, cause, err)
			} else if _, failed := failing[o.Key]; failed && err == nil && out.Skipped == "" {
				p.forget(ctx, o.Key)
			}
			if err != nil {
				p.metrics.failure()
				p.log().Error("inbound file failed; it stays for the next poll", zap.String("key", o.Key), zap.Error(err))
				if first == nil {
					first = err
				}
				continue
			}
			if p.OnOutcome != nil {
				p.OnOutcome(out)
			}
			outs = append(outs, out)
		}
	}
	return outs, first
}

// Serve runs the pipeline: every interval it polls (PollOnce: the files
// stopped runs left unfinished, then each partner's inbound prefix, with
// retries, the failure ledger and the counters of Stats) and flushes the
// outbound queue, until stop is closed or ctx ends. Failures are logged
// and counted; the files they concern wait for the next poll.
//
// Closing stop is a graceful stop: no new file is taken, and an outbound
// flush is cut short (its file stays pending and is written again, the
// same bytes, by the next flush), but the inbound file in hand runs to
// its outcome under ctx, and Serve returns once it has. Ending ctx stops
// at once: the file in hand is abandoned (its transaction rolls back and
// it stays in inbound/ for the next poll). serve closes stop at the first
// SIGINT or SIGTERM and ends ctx at the second. A nil stop leaves ctx
// alone to stop it.
func (p *Pipeline) Serve(ctx context.Context, stop <-chan struct{}, interval time.Duration) {
	for !stopped(stop) && ctx.Err() == nil {
		if _, err := p.poll(ctx, stop); err != nil && ctx.Err() == nil {
			p.log().Error("poll: what failed waits for the next poll", zap.Error(err))
		}
		if stopped(stop) || ctx.Err() != nil {
			return
		}
		flush, cancel := untilStop(ctx, stop)
		if _, err := p.FlushOutbound(flush); err != nil && flush.Err() == nil {
			p.log().Error("outbound", zap.Error(err))
		}
		p.checkOverdue(flush)
		cancel()
		select {
		case <-stop:
		case <-ctx.Done():
		case <-time.After(interval):
		}
	}
}

// stopped reports whether stop is closed (never, for a nil stop).
func stopped(stop <-chan struct{}) bool {
	select {
	case <-stop:
		return true
	default:
		return false
	}
}

// untilStop is ctx, ended by stop as well: for the work that holds no
// file and may end at the first signal.
func untilStop(ctx context.Context, stop <-chan struct{}) (context.Context, context.CancelFunc) {
	c, cancel := context.WithCancel(ctx)
	if stop != nil {
		go func() {
			select {
			case <-stop:
				cancel()
			case <-c.Done():
			}
		}()
	}
	return c, cancel
}

// metrics counts what the pipeline did, for /metrics.
type metrics struct {
	mu       sync.Mutex
	outcomes map[edigw.FileStatus]int64
	retries  int64
	failures int64
	outbound int64
}

func (m *metrics) files(s edigw.FileStatus) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.outcomes == nil {
		m.outcomes = map[edigw.FileStatus]int64{}
	}
	m.outcomes[s]++
}

func (m *metrics) retry()   { m.mu.Lock(); m.retries++; m.mu.Unlock() }
func (m *metrics) failure() { m.mu.Lock(); m.failures++; m.mu.Unlock() }
func (m *metrics) sent()    { m.mu.Lock(); m.outbound++; m.mu.Unlock() }

// Stats is a snapshot of the pipeline's counters.
type Stats struct {
	Files    map[edigw.FileStatus]int64
	Retries  int64
	Failures int64
	Outbound int64
	// Unmatched counts the answers (277CA claims, 999s, TA1s, 835 claim
	// payments, 278 responses) that matched no record, or several.
	Unmatched int64
}

// Stats returns the counters so far.
func (p *Pipeline) Stats() Stats {
	var unmatched int64
	p.observer.locked(func(o *Observations) { unmatched = o.Unmatched })
	m := &p.metrics
	m.mu.Lock()
	defer m.mu.Unlock()
	s := Stats{Files: map[edigw.FileStatus]int64{}, Retries: m.retries, Failures: m.failures, Outbound: m.outbound,
		Unmatched: unmatched}
	for k, v := range m.outcomes {
		s.Files[k] = v
	}
	return s
}

// String summarizes an outcome without PHI: the key, status and counts.
func (o *Outcome) String() string {
	if o.Skipped != "" {
		return fmt.Sprintf("%s: skipped (%s)", o.Key, o.Skipped)
	}
	s := fmt.Sprintf("%s: %s", o.Key, o.Status)
	if r := o.Result; r != nil {
		s += fmt.Sprintf(" (%d claims, %d remittances, %d authorizations, %d status updates, %d events)",
			r.Claims, r.Remittances, r.Authorizations, r.StatusUpdates, r.Events)
	}
	if o.Resumed {
		s += " [resumed]"
	}
	if len(o.Acks) > 0 {
		s += fmt.Sprintf(", %d acknowledgments", len(o.Acks))
	}
	if o.Reason != "" {
		first, _, _ := strings.Cut(o.Reason, "\n")
		s += ": " + first
	}
	return s
}

// printable makes text safe to store and show: invalid UTF-8, NUL and
// other control characters but line feeds and tabs become \x.. escapes.
func printable(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1, r < 0x20 && r != '\n' && r != '\t', r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, s[i])
			n = 1
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
