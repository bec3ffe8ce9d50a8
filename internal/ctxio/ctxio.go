// Package ctxio makes long copies stop when their context ends: io.Copy
// knows nothing of contexts, and a multi-gigabyte upload or download should
// not outlive the request or the shutdown that cancelled it.
package ctxio

import (
	"context"
	"io"
)

// Reader returns r, failing with the context's error once ctx ends.
func Reader(ctx context.Context, r io.Reader) io.Reader { return reader{ctx, r} }

type reader struct {
	ctx context.Context
	r   io.Reader
}

func (c reader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
