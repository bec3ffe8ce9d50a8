package s3store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/edigw/edigw"
)

// headFirstSize is the body size above which PutIfAbsent asks whether the
// key is taken before it uploads: one small request instead of sending a
// large body only to have it refused.
const headFirstSize = 1 << 20

// PutIfAbsent writes the object at key with If-None-Match: *, so that S3
// refuses it (412, or 409 while another conditional write is in flight)
// when an object is there.
//
// A request whose answer never arrived (connection reset, timeout) is not
// simply sent again. Some servers (versitygw among them) answer a refused
// conditional PUT before reading its body and close the connection, so the
// client sees a reset instead of the 412, on every retry. So after such an
// error PutIfAbsent asks whether the key is taken: if it is, the answer is
// ErrObjectExists; if not, it sends again, up to MaxAttempts times.
//
// That leaves one ambiguity, which no conditional write avoids: when a
// request succeeds but its answer is lost, the object found afterwards is
// this call's own, and PutIfAbsent still says ErrObjectExists. It errs on
// the side where nobody, rather than two, believes it holds the key; a
// lease that nobody holds must therefore expire.
func (s *Store) PutIfAbsent(ctx context.Context, key string, r io.Reader) error {
	const op = "put-if-absent"
	if err := checkKey(op, key); err != nil {
		return err
	}
	body, start, size, release, err := s.seekable(ctx, r)
	if err != nil {
		return fmt.Errorf("s3store: %s %q: read: %w", op, key, err)
	}
	defer release()
	if size > s.headFirst {
		taken, err := s.exists(ctx, key)
		if err != nil {
			return fmt.Errorf("s3store: %s %q: %w", op, key, err)
		}
		if taken {
			return fmt.Errorf("s3store: %s %q: %w", op, key, edigw.ErrObjectExists)
		}
	}
	in := s.putInput(key, body, size)
	in.IfNoneMatch = aws.String("*")
	for attempt := 1; ; attempt++ {
		_, err = s.client.PutObject(ctx, in, func(o *s3.Options) { o.Retryer = s.conditionalRetryer })
		if err == nil {
			return nil
		}
		if isPreconditionFailed(err) {
			return fmt.Errorf("s3store: %s %q: %w", op, key, edigw.ErrObjectExists)
		}
		var sendErr *smithyhttp.RequestSendError
		if !errors.As(err, &sendErr) || attempt == MaxAttempts {
			return fmt.Errorf("s3store: %s %q: %w", op, key, err)
		}
		if taken, headErr := s.exists(ctx, key); headErr == nil && taken {
			return fmt.Errorf("s3store: %s %q: %w (the request failed: %w)", op, key, edigw.ErrObjectExists, err)
		}
		if err := sleep(ctx, time.Duration(100<<(attempt-1))*time.Millisecond); err != nil {
			return fmt.Errorf("s3store: %s %q: %w", op, key, err)
		}
		if _, err := body.Seek(start, io.SeekStart); err != nil {
			return fmt.Errorf("s3store: %s %q: rewind: %w", op, key, err)
		}
	}
}

// newConditionalRetryer is the standard retryer, except that it leaves
// requests without an answer to PutIfAbsent, which looks before it sends
// again.
func newConditionalRetryer() aws.Retryer {
	noAnswer := retry.IsErrorRetryableFunc(func(err error) aws.Ternary {
		var sendErr *smithyhttp.RequestSendError
		if errors.As(err, &sendErr) {
			return aws.FalseTernary
		}
		return aws.UnknownTernary
	})
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = MaxAttempts
		o.Retryables = append([]retry.IsErrorRetryable{noAnswer}, retry.DefaultRetryables...)
	})
}

// exists tells whether an object is at key.
func (s *Store) exists(ctx context.Context, key string) (bool, error) {
	_, err := s.client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String(s.bucket), Key: s.key(key)})
	if isNoSuchKey(err) {
		return false, nil
	}
	return err == nil, err
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
