package clearinghouse

import (
	"context"
	"errors"
	"path"
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/mapping"
)

// finishLegacy prepares a file committed by a version that recorded
// neither its resting key nor its acknowledgments (a run that crashed
// after its commit, before an upgrade): it gets its resting key, and its
// acknowledgments are rebuilt from the inbound object, as that version
// did, under new control numbers, only if the object still has the
// file's digest. Each is written create-only and entered in the ledger;
// one found at its key is an earlier attempt's.
func (p *Pipeline) finishLegacy(ctx context.Context, pt Partner, f *edigw.File) error {
	dir := "archive"
	if f.Status != edigw.FileCommitted {
		dir = "error"
	}
	f.RestingKey = restingKey(pt, dir, f.ID, f.CreatedAt, f.Key)
	err := p.retry(ctx, "ledger "+f.Key, func() error { return p.Store.SetRestingKey(ctx, f.ID, f.RestingKey) })
	if err != nil || f.Status != edigw.FileCommitted {
		return err
	}
	same, err := p.holds(ctx, f.Key, f.SHA256)
	if err != nil || !same {
		return err // another file under the name, or gone: nothing to rebuild from
	}
	acks := newAckBuffer()
	defer acks.close()
	err = p.retry(ctx, "acknowledge "+f.Key, func() error {
		acks.close()
		acks = newAckBuffer()
		body, err := p.Objects.Get(ctx, f.Key)
		if err != nil {
			return err
		}
		defer body.Close()
		// As the first pass built them: with the business rules, and
		// with the interchanges this file did not enter skipped as
		// duplicates (duplicates.go).
		ackr := ack.NewAcknowledger(ctx, p.ackOptions(pt), acks.sink)
		_, err = mapping.Read(verifying(body, f.SHA256), path.Base(f.Key),
			mapping.Handlers{Interchange: p.enteredBy(ctx, f), Acknowledger: ackr,
				AuthorizationLookup: p.Authorizations, Context: ctx})
		if _, aerr := ackr.Finish(); err == nil {
			err = aerr
		}
		if errors.Is(err, edigw.ErrDigestMismatch) {
			return permanent(err)
		}
		return err
	})
	if errors.Is(err, edigw.ErrDigestMismatch) || errors.Is(err, edigw.ErrObjectNotFound) {
		return nil // replaced or moved meanwhile
	}
	if err != nil {
		return err
	}
	for _, a := range acks.list() {
		k := ackKey(pt, f.Key, f.ID, a.ref, a.kind)
		digest, size := a.sha256(), a.Len()
		err := p.retry(ctx, "put "+k, func() error { return p.Objects.PutIfAbsent(ctx, k, a.Reader()) })
		if errors.Is(err, edigw.ErrObjectExists) {
			// An earlier attempt's, under its own numbers: the ledger
			// describes what is there.
			digest, size, err = p.objectDigest(ctx, k)
		}
		if err != nil {
			return err
		}
		err = p.retry(ctx, "ledger "+k, func() error {
			prior, err := p.Store.FileByKey(ctx, edigw.Outbound, k)
			if err == nil && prior.ParentID == f.ID {
				return nil
			}
			if err != nil && !errors.Is(err, edigw.ErrNotFound) {
				return err
			}
			_, err = p.Store.RecordFile(ctx, &edigw.File{PayerID: pt.PayerID, Key: k, Direction: edigw.Outbound,
				Kind: strings.ToUpper(a.kind), Status: edigw.FileSent, ParentID: f.ID, RestingKey: k,
				SHA256: digest, Size: size, CompletedAt: p.now()})
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
