package clearinghouse

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"go.uber.org/zap"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/mapping"
)

// Outcome is what processing one inbound file came to.
type Outcome struct {
	Key      string
	Status   edigw.FileStatus // archived, rejected or duplicate; "" when skipped
	Skipped  string           // why nothing was done (locked by another instance, gone)
	Reason   string
	Result   *edigw.IngestResult
	Acks     []string // keys of the acknowledgments written
	Resumed  bool     // the records were committed by an earlier run
	Segments int

	acked    *ack.Result // what edigw's acknowledgments decided (observe.go)
	received *ackTally   // what the partner's acknowledgments in the file decided
}

// ProcessFile runs one inbound object through the pipeline: lock ->
// stream (validate, acknowledge, map) -> one database transaction ->
// acknowledgments to outbound/ -> archive/ (or error/ with a reason file).
// Every step can be repeated after a crash: the lock dies with its holder,
// committed records are found by the file ledger, acknowledgments have
// deterministic keys, and the inbound object is only moved once its outcome
// is committed.
func (p *Pipeline) ProcessFile(ctx context.Context, pt Partner, key string) (*Outcome, error) {
	out := &Outcome{Key: key}
	var release func()
	var ok bool
	err := p.retry(ctx, "lock "+key, func() error {
		var err error
		release, ok, err = p.Store.LockKey(ctx, key)
		return err
	})
	if err != nil {
		return nil, err
	}
	if !ok {
		out.Skipped = "locked by another instance"
		return out, nil
	}
	defer release()

	var prior *edigw.File
	err = p.retry(ctx, "ledger "+key, func() error {
		f, err := p.Store.FileByKey(ctx, edigw.Inbound, key)
		if errors.Is(err, edigw.ErrNotFound) {
			return nil
		}
		prior = f
		return err
	})
	if err != nil {
		return nil, err
	}
	if prior != nil && prior.Status == edigw.FileCommitted {
		// An earlier run committed the records and stopped before
		// archiving: finish its work without touching the records.
		out.Resumed = true
		return out, p.finish(ctx, pt, key, prior, nil, out)
	}

	body, err := p.open(ctx, key)
	if errors.Is(err, edigw.ErrObjectNotFound) {
		out.Skipped = "gone (processed by another instance)"
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	defer body.Close()

	file := &edigw.File{PayerID: pt.PayerID, Key: key, Direction: edigw.Inbound}
	var ing edigw.Ingest
	err = p.retry(ctx, "begin "+key, func() error {
		var err error
		ing, err = p.Store.BeginIngest(ctx, file)
		return err
	})
	if err != nil {
		return nil, err
	}
	ing = overlap(ctx, ing) // loads run beside the reading (overlap.go)
	rolledBack := false
	rollback := func() {
		if !rolledBack {
			rolledBack = true
			_ = ing.Rollback(context.WithoutCancel(ctx))
		}
	}
	defer rollback()

	acks := newAckBuffer()
	defer acks.close()
	hash := sha256.New()
	counted := &countingReader{r: io.TeeReader(body, hash)}
	b := newBatcher(ctx, ing, p.batchSize(), pt.PayerID)
	ackr := ack.NewAcknowledger(ack.Options{Numbers: p.numbers(ctx), Now: p.Now, Newline: p.Newline, Usage: pt.usage()}, acks.sink)
	var dupInterchange bool
	var interchange string
	res, err := mapping.Read(counted, path.Base(key), mapping.Handlers{
		Claim:          b.claim,
		Remittance:     b.remittance,
		Authorization:  b.authorization,
		Acknowledgment: b.acknowledgment,
		Interchange: func(h edi.InterchangeHeader) error {
			err := ing.Interchange(ctx, edigw.Interchange{SenderQualifier: h.SenderQualifier, SenderID: h.SenderID,
				ReceiverQualifier: h.ReceiverQualifier, ReceiverID: h.ReceiverID, ControlNumber: h.ControlNumber})
			if errors.Is(err, edigw.ErrDuplicateInterchange) {
				dupInterchange = true
				interchange = fmt.Sprintf("sender %s:%s receiver %s:%s ISA13 %s", h.SenderQualifier, h.SenderID, h.ReceiverQualifier, h.ReceiverID, h.ControlNumber)
			}
			return err
		},
		Acknowledger: ackr,
	})
	if err == nil {
		err = b.flush()
	}
	acked, aerr := ackr.Finish()
	if aerr != nil && err == nil {
		err = aerr
	}
	out.acked, out.received = acked, &b.tally
	out.Segments = res.Report.Summary.Segments
	file.SHA256, file.Size = hex.EncodeToString(hash.Sum(nil)), counted.n
	file.Kind = kindOf(res)
	switch {
	case dupInterchange:
		rollback()
		file.ID = 0 // the ingest's ledger row went with the rollback
		file.Status, file.Reason = edigw.FileDuplicate, "duplicate interchange: "+interchange
		return out, p.finish(ctx, pt, key, file, nil, out)
	case err != nil:
		// A reading, database or acknowledgment error: nothing is kept and
		// the file stays in inbound/ for the next attempt.
		return nil, fmt.Errorf("clearinghouse: %s: %w", key, err)
	case rejected(res, b.accepted):
		rollback()
		file.ID = 0
		file.Status, file.Reason = edigw.FileRejected, rejectReason(res)
		return out, p.finish(ctx, pt, key, file, acks, out)
	}
	ir, err := ing.Commit(ctx, file.SHA256, file.Size)
	rolledBack = true
	if errors.Is(err, edigw.ErrDuplicateFile) {
		file.ID = 0
		file.Status, file.Reason = edigw.FileDuplicate, "same content as an earlier file (sha256 "+file.SHA256[:12]+"...)"
		return out, p.finish(ctx, pt, key, file, nil, out)
	}
	if err != nil {
		return nil, fmt.Errorf("clearinghouse: %s: commit: %w", key, err)
	}
	out.Result = ir
	file.ID, file.Status = ir.FileID, edigw.FileCommitted
	p.log().Info("inbound file committed", zap.String("key", key), zap.Int64("file", ir.FileID),
		zap.Int("claims", ir.Claims), zap.Int("remittances", ir.Remittances), zap.Int("authorizations", ir.Authorizations),
		zap.Int("acknowledgments", ir.Acknowledgments), zap.Int("statusUpdates", ir.StatusUpdates), zap.Int("issues", len(res.Issues)), zap.Int64("bytes", file.Size))
	return out, p.finish(ctx, pt, key, file, acks, out)
}

// finish writes the acknowledgments and moves the inbound object to its
// resting place, then records the final status. A committed file found on
// a rerun (acks == nil, status committed) gets its acknowledgments
// rebuilt from the object, without the database.
func (p *Pipeline) finish(ctx context.Context, pt Partner, key string, f *edigw.File, acks *ackBuffer, out *Outcome) error {
	f.Reason = printable(f.Reason) // quoted bytes of a garbage file are no text PostgreSQL takes
	if f.Status == edigw.FileCommitted && acks == nil {
		rebuilt, err := p.rebuildAcks(ctx, pt, key)
		defer rebuilt.close()
		if err != nil && !errors.Is(err, edigw.ErrObjectNotFound) {
			return err
		}
		acks = rebuilt
	}
	base := path.Base(key)
	if acks != nil {
		for _, a := range acks.list() {
			k := pt.key("outbound", strings.TrimSuffix(base, path.Ext(base))+"."+a.ref+"."+a.kind+".x12")
			if err := p.retry(ctx, "put "+k, func() error { return p.Objects.Put(ctx, k, a.Reader()) }); err != nil {
				return err
			}
			out.Acks = append(out.Acks, k)
		}
	}
	final := f.Status
	if final == edigw.FileCommitted {
		final = edigw.FileArchived
	}
	dest := pt.key("archive", base)
	if final != edigw.FileArchived {
		dest = pt.key("error", base)
		reason := pt.key("error", base+".reason.txt")
		text := fmt.Sprintf("%s: %s\n", final, f.Reason)
		if err := p.retry(ctx, "put "+reason, func() error { return p.Objects.Put(ctx, reason, strings.NewReader(text)) }); err != nil {
			return err
		}
	}
	err := p.retry(ctx, "move "+key, func() error {
		err := p.Objects.Move(ctx, key, dest)
		if errors.Is(err, edigw.ErrObjectNotFound) {
			return nil // moved by an earlier attempt
		}
		return err
	})
	if err != nil {
		return err
	}
	err = p.retry(ctx, "ledger "+key, func() error {
		if f.ID != 0 {
			return p.Store.SetFileStatus(ctx, f.ID, final, f.Reason)
		}
		f.Status = final
		id, err := p.Store.RecordFile(ctx, f)
		f.ID = id
		return err
	})
	if err != nil {
		return err
	}
	if err := p.recordAcks(ctx, pt, f, acks, out.Acks); err != nil {
		return err
	}
	out.Status, out.Reason = final, f.Reason
	if final != edigw.FileArchived {
		p.log().Warn("inbound file not accepted", zap.String("key", key), zap.String("status", string(final)), zap.String("reason", f.Reason))
	}
	p.metrics.files(final)
	p.observeInbound(f, final, acks, out)
	return nil
}

// recordAcks enters the acknowledgments written for an inbound file in the
// file ledger, as sent outbound files whose parent is that file, so that
// they can be found and downloaded with it. A rerun finds them by key and
// records them once.
func (p *Pipeline) recordAcks(ctx context.Context, pt Partner, f *edigw.File, acks *ackBuffer, keys []string) error {
	if acks == nil || f.ID == 0 {
		return nil
	}
	for i, a := range acks.list() {
		k := keys[i]
		err := p.retry(ctx, "ledger "+k, func() error {
			prior, err := p.Store.FileByKey(ctx, edigw.Outbound, k)
			if err == nil && prior.ParentID == f.ID {
				return nil
			}
			if err != nil && !errors.Is(err, edigw.ErrNotFound) {
				return err
			}
			_, err = p.Store.RecordFile(ctx, &edigw.File{PayerID: pt.PayerID, Key: k, Direction: edigw.Outbound,
				Kind: strings.ToUpper(a.kind), Status: edigw.FileSent, ParentID: f.ID,
				SHA256: a.sha256(), Size: a.Len(), CompletedAt: p.now()})
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// rebuildAcks validates an object again to rebuild its acknowledgments.
func (p *Pipeline) rebuildAcks(ctx context.Context, pt Partner, key string) (*ackBuffer, error) {
	body, err := p.open(ctx, key)
	if err != nil {
		return nil, err
	}
	defer body.Close()
	acks := newAckBuffer()
	_, err = ack.Acknowledge(body, path.Base(key), ack.Options{Numbers: p.numbers(ctx), Now: p.Now, Newline: p.Newline, Usage: pt.usage()}, acks.sink)
	return acks, err
}

func (p *Pipeline) open(ctx context.Context, key string) (io.ReadCloser, error) {
	var body io.ReadCloser
	err := p.retry(ctx, "get "+key, func() error {
		var err error
		body, err = p.Objects.Get(ctx, key)
		if errors.Is(err, edigw.ErrObjectNotFound) {
			return permanent(err)
		}
		return err
	})
	return body, err
}

// rejected says whether a file is rejected whole: unreadable, a TA1 that
// rejects it, or no transaction set (or TA1) accepted and no record kept (an 837
// whose errors sit in some claims still keeps the others).
func rejected(res *mapping.Result, accepted int) bool {
	r := res.Report
	if r.Fatal != nil || (r.Summary.Sets == 0 && accepted == 0) { // a file of TA1s has no sets
		return true
	}
	for _, e := range r.Errors {
		if e.Code.Kind == edi.TA105 {
			return true
		}
	}
	return r.SetsAccepted == 0 && accepted == 0
}

// rejectReason lists the first errors: codes and positions, never values.
func rejectReason(res *mapping.Result) string {
	r := res.Report
	var lines []string
	if r.Fatal != nil {
		lines = append(lines, r.Fatal.Error())
	}
	for _, e := range r.Errors {
		if len(lines) == 20 {
			lines = append(lines, fmt.Sprintf("... %d errors in all", r.ErrorCount))
			break
		}
		lines = append(lines, e.Error())
	}
	if len(lines) == 0 {
		lines = append(lines, "no transaction set was accepted")
	}
	return strings.Join(lines, "\n")
}

// kindOf names what a file carried: its set IDs.
func kindOf(res *mapping.Result) string {
	var ids []string
	for _, t := range res.Report.Summary.SetTypes {
		ids = append(ids, t.ID)
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}
