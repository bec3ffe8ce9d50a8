package clearinghouse

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"syscall"
	"time"

	"go.uber.org/zap"

	"github.com/edigw/edigw"
)

// FailurePolicy says what becomes of an inbound object that fails because
// of what it is: bytes the database refuses, a name the object store
// refuses. Such a failure repeats on every attempt, so the object waits
// (longer after each failure, others going first) and after Limit of the
// same failures in a row goes to error/ with its reason. Failures of a
// server (unreachable, restarting) are not counted: they never send a
// file to error/.
type FailurePolicy struct {
	Limit int           // the same failures in a row before error/ (default 5)
	First time.Duration // the wait after the first failure (default 30 s), doubled after each
	Ceil  time.Duration // the longest wait (default 1 h)
}

func (f FailurePolicy) limit() int {
	if f.Limit <= 0 {
		return 5
	}
	return f.Limit
}

func (f FailurePolicy) waits() (first, ceil time.Duration) {
	first, ceil = f.First, f.Ceil
	if first <= 0 {
		first = 30 * time.Second
	}
	if ceil <= 0 {
		ceil = time.Hour
	}
	return first, max(first, ceil)
}

// fileFault says whether err comes from the object itself, so that
// trying again cannot help, and names the cause by its codes (never the
// values the message may quote): PostgreSQL refusing the file's data
// (SQLSTATE class 22, data exceptions; 54, limits; a NOT NULL or CHECK
// violation) or the object store refusing a name as too long.
func fileFault(err error) (cause string, ok bool) {
	var pg interface{ SQLState() string }
	if errors.As(err, &pg) {
		switch code := pg.SQLState(); {
		case strings.HasPrefix(code, "22"), strings.HasPrefix(code, "54"), code == "23502", code == "23514":
			return "the database refused the file's data (SQLSTATE " + code + ")", true
		}
	}
	var api interface{ ErrorCode() string }
	if errors.As(err, &api) {
		switch code := api.ErrorCode(); code {
		case "KeyTooLongError", "InvalidObjectName":
			return "the object store refused a name (" + code + ")", true
		}
	}
	if errors.Is(err, syscall.ENAMETOOLONG) {
		return "the object store refused a name (ENAMETOOLONG)", true
	}
	return "", false
}

// objectVersion tells one upload of a key from another.
func objectVersion(o edigw.Object) string {
	if o.ETag != "" {
		return "etag " + o.ETag
	}
	return fmt.Sprintf("size %d time %s", o.Size, o.Modified.UTC().Format(time.RFC3339Nano))
}

// failedInbound reads the failure ledger of a partner's inbound prefix. A
// store that cannot answer leaves every object due: the files then fail
// or succeed on their own.
func (p *Pipeline) failedInbound(ctx context.Context, pt Partner) map[string]edigw.InboundAttempt {
	var failing map[string]edigw.InboundAttempt
	err := p.retry(ctx, "attempts "+pt.Inbound(), func() error {
		var err error
		failing, err = p.Store.FailedInbound(ctx, pt.Inbound())
		return err
	})
	if err != nil {
		p.log().Warn("failed inbound objects unknown; trying every object", zap.Error(err))
		return nil
	}
	return failing
}

// waiting returns the outcome of an object still waiting after failures.
func waiting(o edigw.Object, failing map[string]edigw.InboundAttempt) (*Outcome, bool) {
	a, ok := failing[o.Key]
	if !ok || a.Due || a.Version != objectVersion(o) {
		return nil, false
	}
	return &Outcome{Key: o.Key, Skipped: fmt.Sprintf("waiting after %d failures: %s", a.Failures, a.Cause)}, true
}

// fileFailed counts a failure the object caused and, at the limit, moves
// it to error/. It returns ferr while the object is to be tried again.
func (p *Pipeline) fileFailed(ctx context.Context, pt Partner, o edigw.Object, cause string, ferr error) (*Outcome, error) {
	first, ceil := p.Failures.waits()
	var a edigw.InboundAttempt
	err := p.retry(ctx, "attempts "+o.Key, func() error {
		var err error
		a, err = p.Store.RecordInboundFailure(ctx, o.Key, objectVersion(o), cause, first, ceil)
		return err
	})
	if err != nil {
		return nil, errors.Join(ferr, err)
	}
	if a.Failures < p.Failures.limit() {
		return nil, ferr
	}
	out, err := p.giveUp(ctx, pt, o.Key, a)
	if err != nil {
		return nil, errors.Join(ferr, err)
	}
	if out == nil {
		return nil, ferr
	}
	return out, nil
}

// giveUp moves an object that failed Limit times to error/, with its
// reason and a rejected ledger entry, holding the key's lock as
// ProcessFile does. A file whose records were committed is never given
// up (it only needs archiving): nil, nil leaves it for the next poll.
func (p *Pipeline) giveUp(ctx context.Context, pt Partner, key string, a edigw.InboundAttempt) (*Outcome, error) {
	out := &Outcome{Key: key}
	release, prior, err := p.lockInbound(ctx, key, out)
	if err != nil {
		return nil, err
	}
	if release == nil {
		return out, nil
	}
	defer release()
	if prior != nil && prior.CompletedAt.IsZero() {
		// Its outcome is recorded (records committed, or a rejection):
		// only finishing it is failing, and that is never given up.
		p.log().Error("an inbound file with a recorded outcome keeps failing to finish", zap.String("key", key), zap.String("cause", a.Cause))
		return nil, nil
	}
	digest, size, err := p.objectDigest(ctx, key)
	if errors.Is(err, edigw.ErrObjectNotFound) {
		out.Skipped = "gone (processed by another instance)"
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	file := &edigw.File{PayerID: pt.PayerID, Key: key, Direction: edigw.Inbound, Status: edigw.FileRejected,
		Reason: fmt.Sprintf("failed %d times in a row: %s", a.Failures, a.Cause),
		SHA256: digest, Size: size}
	if err := p.recordOutcome(ctx, pt, file, nil, out); err != nil {
		return nil, err
	}
	p.forget(ctx, key)
	return out, nil
}

// forget drops the failures recorded for an object now processed. A
// record left behind does no harm: another upload under the key has
// another version, and starts over.
func (p *Pipeline) forget(ctx context.Context, key string) {
	err := p.retry(ctx, "attempts "+key, func() error { return p.Store.ForgetInbound(ctx, key) })
	if err != nil {
		p.log().Warn("could not clear the failures of a processed file", zap.String("key", key), zap.Error(err))
	}
}
