package clearinghouse

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.uber.org/zap"

	"github.com/edigw/edigw"
)

// Where an inbound file's bytes rest, and what edigw writes for it, is
// named after the file's ledger ID, so no other file (the same name again,
// the same base name from another sub-prefix) can ever take the key:
//
//	PARTNER/archive/2026/03/06/41/claims-0001.x12   committed
//	PARTNER/error/2026/03/06/42/claims-0001.x12     rejected or duplicate
//	PARTNER/error/2026/03/06/42/claims-0001.x12.reason.txt
//	PARTNER/outbound/claims-0001.41.000000123-1.999.x12
//
// Every one of them is written create-only and checked against the digest
// the ledger recorded; nothing is overwritten.

// restingKey is the archive/ or error/ key of an inbound file.
func restingKey(pt Partner, dir string, id int64, at time.Time, inboundKey string) string {
	return pt.key(dir, at.UTC().Format("2006/01/02")+"/"+strconv.FormatInt(id, 10)+"/"+restingName(path.Base(inboundKey)))
}

// restingName is an inbound name as it rests: bounded (acknames.go) so
// that its reason file's name, the longer of the two, fits too.
func restingName(base string) string {
	return strings.TrimSuffix(reasonName(base), reasonSuffix)
}

// reasonKey is the reason file beside a file in error/.
func reasonKey(resting string) string { return resting + reasonSuffix }

// ackKey is the outbound key of an acknowledgment of inbound file id.
func ackKey(pt Partner, inboundKey string, id int64, ref, kind string) string {
	return pt.key("outbound", ackName(path.Base(inboundKey), strconv.FormatInt(id, 10)+"."+ref, kind))
}

// outputs lists the acknowledgments of a file as ledger outputs, with the
// held bytes by key for writing them in this run.
func (p *Pipeline) outputs(pt Partner, f *edigw.File, acks *ackBuffer) ([]edigw.Output, map[string]*heldAck) {
	if acks == nil {
		return nil, nil
	}
	var outs []edigw.Output
	held := map[string]*heldAck{}
	for _, a := range acks.list() {
		k := ackKey(pt, f.Key, f.ID, a.ref, a.kind)
		held[k] = a
		outs = append(outs, edigw.Output{Key: k, Kind: strings.ToUpper(a.kind), SHA256: a.sha256(), Size: a.Len(), Body: a.Reader()})
	}
	return outs, held
}

// writeOutputs writes the outputs recorded for a file that are not
// written yet: from the bytes held in this run, else from the ledger's.
// Each goes create-only; an object already at its key with the recorded
// digest is an earlier attempt's, one with other bytes is an error.
func (p *Pipeline) writeOutputs(ctx context.Context, f *edigw.File, held map[string]*heldAck, out *Outcome) error {
	var recorded []edigw.File
	err := p.retry(ctx, "ledger outputs "+f.Key, func() error {
		var err error
		recorded, err = p.Store.FileOutputs(ctx, f.ID)
		return err
	})
	if err != nil {
		return err
	}
	var pending []edigw.File
	for _, o := range recorded {
		out.Acks = append(out.Acks, o.Key)
		if o.Status != edigw.FileSent {
			pending = append(pending, o)
		}
	}
	// The outputs are independent objects, each written create-only and
	// then marked sent: they go out a few at once, for a large file's
	// twenty 277CAs one after another took 0.4 s of a 6 s file. A crash
	// leaves some written and some not, as one at a time could.
	return eachAtOnce(ctx, outputsAtOnce, pending, func(o edigw.File) error {
		err := p.retry(ctx, "put "+o.Key, func() error {
			var body io.ReadCloser
			if h := held[o.Key]; h != nil {
				body = io.NopCloser(h.Reader())
			} else {
				var err error
				if body, err = p.Store.OutputBody(ctx, o.ID); err != nil {
					return err
				}
			}
			defer body.Close()
			return p.putOnce(ctx, o.Key, body, o.SHA256)
		})
		if err != nil {
			return err
		}
		return p.retry(ctx, "ledger "+o.Key, func() error { return p.Store.SetFileStatus(ctx, o.ID, edigw.FileSent, "") })
	})
}

// outputsAtOnce is how many of a file's outputs are written at once.
const outputsAtOnce = 4

// eachAtOnce calls f for every item, up to n at once, and returns the
// first error; once one fails, the items not yet started are not.
func eachAtOnce[T any](ctx context.Context, n int, items []T, f func(T) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sem := make(chan struct{}, n)
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	var stopped error // why items were left unstarted
	for _, it := range items {
		if stopped = ctx.Err(); stopped != nil {
			break
		}
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			stopped = ctx.Err()
		}
		if stopped != nil {
			break
		}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			if err := f(it); err != nil {
				once.Do(func() { first = err; cancel() })
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return first
	}
	return stopped
}

// putOnce writes body at key create-only, checking it against digest as
// it goes: a body with other bytes is never written. An object already at
// key counts as written when it has the digest.
func (p *Pipeline) putOnce(ctx context.Context, key string, body io.Reader, digest string) error {
	err := p.Objects.PutIfAbsent(ctx, key, verifying(body, digest))
	if errors.Is(err, edigw.ErrDigestMismatch) {
		return permanent(fmt.Errorf("clearinghouse: %s: the recorded bytes do not match their digest: %w", key, err))
	}
	if !errors.Is(err, edigw.ErrObjectExists) {
		return err
	}
	same, err := p.holds(ctx, key, digest)
	if err != nil {
		return err
	}
	if !same {
		return permanent(fmt.Errorf("clearinghouse: %s holds other bytes than the ledger recorded for it; nothing was overwritten", key))
	}
	return nil
}

// restState is what resting a file came to.
type restState int

const (
	rested  restState = iota // its bytes are at its resting key
	missing                  // its bytes are neither in inbound/ nor at its resting key
)

// rest brings an inbound file's bytes to its resting key: copied from
// inbound/ create-only, checked against the digest as they go (the object
// under the file's name may be another file by now), and then removed
// from inbound/. A copy made by an earlier attempt counts; an inbound
// object with other bytes is left alone, for processing as a new file.
func (p *Pipeline) rest(ctx context.Context, f *edigw.File) (restState, error) {
	err := p.retry(ctx, "archive "+f.Key, func() error {
		body, err := p.Objects.Get(ctx, f.Key)
		if err != nil {
			return err
		}
		defer body.Close()
		err = p.Objects.PutIfAbsent(ctx, f.RestingKey, verifying(body, f.SHA256))
		if errors.Is(err, edigw.ErrDigestMismatch) {
			return permanent(err)
		}
		return err
	})
	switch {
	case err == nil:
		return rested, p.retry(ctx, "delete "+f.Key, func() error { return p.Objects.Delete(ctx, f.Key) })
	case errors.Is(err, edigw.ErrObjectExists):
		// An earlier attempt copied it and stopped before the removal.
		if ok, err := p.holds(ctx, f.RestingKey, f.SHA256); err != nil || !ok {
			if err == nil {
				err = fmt.Errorf("clearinghouse: %s holds other bytes than %s; nothing was overwritten", f.RestingKey, f.Key)
			}
			return rested, err
		}
		if ok, err := p.holds(ctx, f.Key, f.SHA256); err != nil || !ok {
			return rested, err // gone, or another file under the name: not ours to remove
		}
		return rested, p.retry(ctx, "delete "+f.Key, func() error { return p.Objects.Delete(ctx, f.Key) })
	case errors.Is(err, edigw.ErrObjectNotFound), errors.Is(err, edigw.ErrDigestMismatch):
		// Moved by an earlier attempt, or the name holds another file now.
		ok, err := p.holds(ctx, f.RestingKey, f.SHA256)
		if err != nil {
			return rested, err
		}
		if !ok {
			return missing, nil
		}
		return rested, nil
	}
	return rested, err
}

// objectDigest reads the object at key whole: its SHA-256 and size.
func (p *Pipeline) objectDigest(ctx context.Context, key string) (string, int64, error) {
	var digest string
	var size int64
	err := p.retry(ctx, "check "+key, func() error {
		body, err := p.Objects.Get(ctx, key)
		if err != nil {
			return err
		}
		defer body.Close()
		h := sha256.New()
		if size, err = io.Copy(h, body); err != nil {
			return err
		}
		digest = hex.EncodeToString(h.Sum(nil))
		return nil
	})
	return digest, size, err
}

// holds tells whether the object at key has the digest (false when absent).
func (p *Pipeline) holds(ctx context.Context, key, digest string) (bool, error) {
	got, _, err := p.objectDigest(ctx, key)
	if errors.Is(err, edigw.ErrObjectNotFound) {
		return false, nil
	}
	return got == digest, err
}

// verifyingReader passes bytes through and, at their end, fails with
// ErrDigestMismatch instead of io.EOF when they do not have the digest, so
// that a store writing from it refuses the object (dirstore and s3store
// read a body whole before it becomes an object).
type verifyingReader struct {
	r      io.Reader
	h      hash.Hash
	digest string
}

func verifying(r io.Reader, digest string) io.Reader {
	return &verifyingReader{r: r, h: sha256.New(), digest: digest}
}

func (v *verifyingReader) Read(b []byte) (int, error) {
	n, err := v.r.Read(b)
	v.h.Write(b[:n])
	if errors.Is(err, io.EOF) && hex.EncodeToString(v.h.Sum(nil)) != v.digest {
		return n, edigw.ErrDigestMismatch
	}
	return n, err
}

// finishUnfinished finishes the inbound files whose outcome was recorded
// by a run that stopped before finishing them and whose name is no longer
// in inbound/ (those still there are finished when PollOnce reaches them):
// a crash after the copy to archive/ and before the ledger said archived.
func (p *Pipeline) finishUnfinished(ctx context.Context) ([]*Outcome, error) {
	var files []edigw.File
	err := p.retry(ctx, "ledger unfinished", func() error {
		var err error
		files, err = p.Store.UnfinishedFiles(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	var outs []*Outcome
	var first error
	for _, f := range files {
		pt, ok := p.partnerOf(f.PayerID)
		if !ok || !strings.HasPrefix(f.Key, pt.Inbound()) {
			continue // another deployment's partner
		}
		out, err := p.finishAlone(ctx, pt, f)
		if err != nil {
			p.log().Error("unfinished file failed; it is tried again at the next poll", zap.String("key", f.Key), zap.Int64("file", f.ID), zap.Error(err))
			first = cmp.Or(first, err)
			continue
		}
		if out != nil {
			outs = append(outs, out)
		}
	}
	return outs, first
}

// finishAlone finishes one unfinished file under its key's lock, unless
// someone holds it (its run is alive) or it was finished meanwhile.
func (p *Pipeline) finishAlone(ctx context.Context, pt Partner, f edigw.File) (*Outcome, error) {
	release, ok, err := p.lockKey(ctx, f.Key)
	if err != nil || !ok {
		return nil, err
	}
	defer release()
	now, err := p.fileNow(ctx, f)
	if err != nil || !now.CompletedAt.IsZero() {
		return nil, err
	}
	out := &Outcome{Key: f.Key, Resumed: true}
	if now.Status == edigw.FileCommitted {
		out.Result = &edigw.IngestResult{FileID: now.ID}
	}
	p.log().Info("finishing a file an earlier run recorded", zap.String("key", f.Key), zap.Int64("file", f.ID))
	return out, p.finish(ctx, pt, now, nil, out)
}
