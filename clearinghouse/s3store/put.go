package s3store

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
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
	r = ctxReader{ctx, r}
	var buf bytes.Buffer
	n, err := io.CopyN(&buf, r, memoryLimit+1)
	if err == io.EOF {
		return bytes.NewReader(buf.Bytes()), 0, n, noop, nil
	}
	if err != nil {
		return nil, 0, 0, noop, err
	}
	f, err := os.CreateTemp(s.spoolDir, "edigw-s3-put-*")
	if err != nil {
		return nil, 0, 0, noop, fmt.Errorf("spool: %w", err)
	}
	// Unlinked at once: the open file stays usable, and a crash leaves no
	// file behind.
	os.Remove(f.Name())
	release = func() { f.Close() }
	if _, err := buf.WriteTo(f); err != nil {
		release()
		return nil, 0, 0, noop, fmt.Errorf("spool: %w", err)
	}
	if _, err := io.Copy(f, r); err != nil {
		release()
		return nil, 0, 0, noop, err
	}
	size, err = f.Seek(0, io.SeekCurrent)
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		release()
		return nil, 0, 0, noop, fmt.Errorf("spool: %w", err)
	}
	return f, 0, size, release, nil
}

// ctxReader stops a long read when its context ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
