package s3store

import (
	"context"
	"fmt"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/edigw/edigw/internal/ctxio"
	"github.com/edigw/edigw/internal/spool"
)

// memoryLimit is the largest stream Put buffers in memory; larger ones go
// to a temp file. Files reach 1 GB, and several Puts run at once.
const memoryLimit = 8 << 20

// Put writes the object at key, replacing any object there.
func (s *Store) Put(ctx context.Context, key string, r io.Reader) error {
	if err := checkKey("put", key); err != nil {
		return err
	}
	body, _, size, release, err := s.seekable(ctx, r)
	if err != nil {
		return fmt.Errorf("s3store: put %q: read: %w", key, err)
	}
	defer release()
	_, err = s.client.PutObject(ctx, s.putInput(key, body, size))
	if err != nil {
		return fmt.Errorf("s3store: put %q: %w", key, err)
	}
	return nil
}

func (s *Store) putInput(key string, body io.ReadSeeker, size int64) *s3.PutObjectInput {
	return &s3.PutObjectInput{
		Bucket:        aws.String(s.bucket),
		Key:           s.key(key),
		Body:          body,
		ContentLength: aws.Int64(size),
	}
}

// seekable returns r as a body of known length that the SDK can hash,
// sign and rewind for a retry. Over plain HTTP the SDK refuses streams it
// cannot seek, and S3 needs the length up front in any case. A reader that
// seeks is used as it is; any other is read whole first, into memory up to
// memoryLimit and into a temp file beyond, so that a reader that fails
// half-way sends nothing. release frees the buffer.
func (s *Store) seekable(ctx context.Context, r io.Reader) (body io.ReadSeeker, start, size int64, release func(), err error) {
	noop := func() {}
	if rs, ok := r.(io.ReadSeeker); ok {
		if err := ctx.Err(); err != nil {
			return nil, 0, 0, noop, err
		}
		start, err := rs.Seek(0, io.SeekCurrent)
		if err != nil {
			return nil, 0, 0, noop, err
		}
		end, err := rs.Seek(0, io.SeekEnd)
		if err != nil {
			return nil, 0, 0, noop, err
		}
		if _, err := rs.Seek(start, io.SeekStart); err != nil {
			return nil, 0, 0, noop, err
		}
		return rs, start, end - start, noop, nil
	}
	buf := &spool.Buffer{Limit: memoryLimit, Dir: s.spoolDir}
	if _, err := io.Copy(buf, ctxio.Reader(ctx, r)); err != nil {
		buf.Close()
		return nil, 0, 0, noop, err
	}
	return buf.Reader(), 0, buf.Len(), func() { buf.Close() }, nil
}
