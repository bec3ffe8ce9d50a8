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
	"time"

	"go.uber.org/zap"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/edi/ig"
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
	codes    string      // the TA1/999 codes of the file's errors, for its outcome event
	received *ackTally   // what the partner's acknowledgments in the file decided
}

// ProcessFile runs one inbound object through the pipeline, top to
// bottom: lock -> open -> begin the ingest -> build the handler chain (the
// mapper handing records to the batcher, the acknowledger) -> validate
// (one pass over the bytes drives the chain) -> decide (committed,
// rejected or duplicate) -> record the outcome -> finish (acknowledgments
// to outbound/, the bytes to archive/ or error/ with a reason file).
//
// Every step can be repeated after a crash: the lock dies with its holder,
// the outcome (records, resting key, acknowledgments with their bytes) is
// recorded in the ledger before anything is written, every write is
// create-only and checked against a recorded digest, and the inbound object
// is only removed once its bytes rest under their own key (resting.go).
func (p *Pipeline) ProcessFile(ctx context.Context, pt Partner, key string) (*Outcome, error) {
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
		// An earlier run recorded this file's outcome and stopped before
		// finishing it: finish it from what was recorded. Its bytes are
		// taken from inbound/ only if the object there still has its
		// digest; another file under the name is a new file, processed by
		// the next poll.
		out.Resumed = true
		return out, p.finish(ctx, pt, prior, nil, out)
	}

	// Open.
	body, err := p.open(ctx, key)
	if errors.Is(err, edigw.ErrObjectNotFound) {
		out.Skipped = "gone (processed by another instance)"
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	defer body.Close()

	// Begin the ingest: one database transaction, its loads run beside
	// the reading (overlap.go).
	file := &edigw.File{PayerID: pt.PayerID, Key: key, Direction: edigw.Inbound}
	ing, err := p.begin(ctx, file)
	if err != nil {
		return nil, err
	}
	rolledBack := false
	rollback := func() {
		if !rolledBack {
			rolledBack = true
			_ = ing.Rollback(context.WithoutCancel(ctx))
		}
	}
	defer rollback()

	// Build the handler chain. The mapper enters each interchange in the
	// ledger at its ISA (a duplicate is skipped and answered with a TA1
	// 025 alone), maps each set and checks its business rules, and hands
	// the records to the batcher, which loads them in bulk. The
	// acknowledger, after it, answers each set, group and interchange
	// with the errors of both (999, 277CA, TA1), into acks until the
	// outcome is recorded; the mapper marks rejected claims from the
	// acknowledger's claim placements.
	name := path.Base(key)
	b := newBatcher(ctx, ing, p.batchSize(), pt.PayerID)
	acks := newAckBuffer()
	defer acks.close()
	ackr := ack.NewAcknowledger(ctx, p.ackOptions(pt), acks.sink)
	var answers eligibilityResponses // 271 members, matched in the ingest once read (eligibility.go)
	mapper, chain := mapping.NewChain(name, mapping.Handlers{
		Claim:          b.claim,
		Remittance:     b.remittance,
		Authorization:  b.authorization,
		Acknowledgment: b.acknowledgment,
		Interchange:    enter(ctx, ing),
		Acknowledger:   ackr,
		// The 837 mapper checks prior authorization against the store.
		AuthorizationLookup: p.Authorizations,
		Context:             ctx,

		// 277 (X212) answers to claim status inquiries (claimstatus.go).
		ClaimStatusResponse: b.claimStatusResponse,
		// 271 (X279A1) answers to eligibility inquiries (eligibility.go).
		EligibilityResponse: answers.add,
	})
	v := &ig.Validator{File: name, ForgetSets: true, Handlers: chain}

	// Validate: one pass over the bytes, hashed and counted as they are
	// read, drives the chain.
	hash := sha256.New()
	counted := &countingReader{r: io.TeeReader(body, hash)}
	res, err := mapper.Finish(v.Run(counted))
	if err == nil {
		err = b.flush()
	}
	if err == nil {
		err = addEligibility(ctx, ing, answers) // eligibility.go
	}
	acked, aerr := ackr.Finish()
	if aerr != nil && err == nil {
		err = aerr
	}
	out.acked, out.received = acked, &b.tally
	out.Segments = res.Report.Summary.Segments
	file.SHA256, file.Size = hex.EncodeToString(hash.Sum(nil)), counted.n
	file.Kind = kindOf(res)
	out.codes = errorCodes(res)

	// Decide.
	allDuplicates := len(res.Duplicates) > 0 && len(res.Duplicates) == res.Report.Summary.Interchanges
	if len(res.Duplicates) > 0 {
		file.Reason = duplicatesReason(res.Duplicates, res.Report.Summary.Interchanges)
	}
	switch {
	case err == nil && allDuplicates:
		// Every interchange was received before: nothing to keep but
		// the TA1s (025) that say so.
		rollback() // the ingest's ledger row goes with it
		file.Status = edigw.FileDuplicate
		return out, p.recordOutcome(ctx, pt, file, acks, out)
	case err != nil:
		// A reading, database or acknowledgment error: nothing is kept and
		// the file stays in inbound/ for the next attempt.
		return nil, fmt.Errorf("clearinghouse: %s: %w", key, err)
	case rejected(res, b.accepted):
		rollback()
		file.Status, file.Reason = edigw.FileRejected, rejectReason(res)
		if len(res.Duplicates) > 0 {
			file.Reason += "\n" + duplicatesReason(res.Duplicates, res.Report.Summary.Interchanges)
		}
		return out, p.recordOutcome(ctx, pt, file, acks, out)
	}
	if len(res.Duplicates) > 0 {
		p.log().Warn("inbound file holds interchanges received before; they were skipped", zap.String("key", key), zap.String("reason", file.Reason))
	}

	// Record: where the file will rest and its acknowledgments (their
	// keys, digests and bytes) commit with its records, before anything
	// is written: a run that stops after the commit writes exactly these.
	file.RestingKey = restingKey(pt, "archive", file.ID, p.now(), key)
	outputs, held := p.outputs(pt, file, acks)
	err = ing.RecordOutputs(ctx, file.RestingKey, outputs)
	var ir *edigw.IngestResult
	if err == nil {
		// Commit ends the transaction whatever it answers; before it, a
		// failed RecordOutputs (or a load that failed behind it) leaves
		// the rollback to the deferred call, which frees the connection.
		ir, err = ing.Commit(ctx, file.SHA256, file.Size)
		rolledBack = true
	}
	if errors.Is(err, edigw.ErrDuplicateFile) {
		file.Status, file.Reason = edigw.FileDuplicate, "same content as an earlier file (sha256 "+file.SHA256[:12]+"...)"
		return out, p.recordOutcome(ctx, pt, file, nil, out)
	}
	if err != nil {
		return nil, fmt.Errorf("clearinghouse: %s: commit: %w", key, err)
	}
	out.Result = ir
	p.reportUnmatched(key, ir)
	file.ID, file.Status = ir.FileID, edigw.FileCommitted
	p.log().Info("inbound file committed", zap.String("key", key), zap.Int64("file", ir.FileID),
		zap.Int("claims", ir.Claims), zap.Int("remittances", ir.Remittances), zap.Int("authorizations", ir.Authorizations),
		zap.Int("acknowledgments", ir.Acknowledgments), zap.Int("statusUpdates", ir.StatusUpdates), zap.Int("issues", res.IssueCount), zap.Int64("bytes", file.Size))

	// Finish.
	return out, p.finish(ctx, pt, file, held, out)
}

// lockInbound takes an inbound key's lock and reads, under it, the
// ledger's entry of an earlier file under the key (prior, nil: none). When
// another instance holds the lock, release is nil and out says so.
func (p *Pipeline) lockInbound(ctx context.Context, key string, out *Outcome) (release func(), prior *edigw.File, err error) {
	release, ok, err := p.lockKey(ctx, key)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		out.Skipped = "locked by another instance"
		return nil, nil, nil
	}
	if prior, err = p.prior(ctx, key); err != nil {
		release()
		return nil, nil, err
	}
	return release, prior, nil
}

// prior is the ledger's entry of an earlier file under key (nil: none).
func (p *Pipeline) prior(ctx context.Context, key string) (*edigw.File, error) {
	var prior *edigw.File
	err := p.retry(ctx, "ledger "+key, func() error {
		f, err := p.Store.FileByKey(ctx, edigw.Inbound, key)
		if errors.Is(err, edigw.ErrNotFound) {
			return nil
		}
		prior = f
		return err
	})
	return prior, err
}

// begin starts the file's ingest, its bulk loads overlapping the reading
// (overlap.go).
func (p *Pipeline) begin(ctx context.Context, file *edigw.File) (edigw.Ingest, error) {
	var ing edigw.Ingest
	err := p.retry(ctx, "begin "+file.Key, func() error {
		var err error
		ing, err = p.Store.BeginIngest(ctx, file)
		return err
	})
	if err != nil {
		return nil, err
	}
	return overlap(ctx, ing), nil
}

// ackOptions say how the partner's acknowledgments are written, their
// control numbers from the ledger.
func (p *Pipeline) ackOptions(pt Partner) ack.Options {
	return ack.Options{Numbers: storeNumbers{p}, Now: p.Now, Newline: p.Newline, Usage: pt.usage()}
}

// recordOutcome enters a file that was not committed (rejected or
// duplicate) under an ID of its own, with its resting key in error/ and
// its acknowledgments, before anything is written; then finishes it.
func (p *Pipeline) recordOutcome(ctx context.Context, pt Partner, f *edigw.File, acks *ackBuffer, out *Outcome) error {
	f.Reason = printable(f.Reason) // quoted bytes of a garbage file are no text PostgreSQL takes
	err := p.retry(ctx, "ledger "+f.Key, func() error {
		var err error
		f.ID, err = p.Store.ReserveFileID(ctx)
		return err
	})
	if err != nil {
		return err
	}
	f.RestingKey = restingKey(pt, "error", f.ID, p.now(), f.Key)
	f.CreatedAt, f.CompletedAt = time.Time{}, time.Time{}
	outputs, held := p.outputs(pt, f, acks)
	err = p.retry(ctx, "ledger "+f.Key, func() error {
		for i, a := range outputs { // a retry reads the bytes again
			outputs[i].Body = held[a.Key].Reader()
		}
		return p.Store.RecordOutcome(ctx, f, outputs)
	})
	if err != nil {
		return err
	}
	return p.finish(ctx, pt, f, held, out)
}

// finish completes a file whose outcome is recorded: its acknowledgments
// are written (from held, the bytes of this run, or else from the
// ledger's), its reason file when it was not accepted, its bytes copied
// to its resting key and removed from inbound/, and then the ledger says
// it is done. Every step can be repeated after a crash.
func (p *Pipeline) finish(ctx context.Context, pt Partner, f *edigw.File, held map[string]*heldAck, out *Outcome) error {
	if f.RestingKey == "" {
		// Committed by a version that recorded neither (legacy.go).
		if err := p.finishLegacy(ctx, pt, f); err != nil {
			return err
		}
	}
	if err := p.writeOutputs(ctx, f, held, out); err != nil {
		return err
	}
	final := f.Status
	if final == edigw.FileCommitted {
		final = edigw.FileArchived
	}
	if final != edigw.FileArchived {
		reason := reasonKey(f.RestingKey)
		text := fmt.Sprintf("%s: %s\n", final, f.Reason)
		err := p.retry(ctx, "put "+reason, func() error {
			err := p.Objects.PutIfAbsent(ctx, reason, strings.NewReader(text))
			if errors.Is(err, edigw.ErrObjectExists) {
				return nil // written by an earlier attempt
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	if err := p.fileOutcome(ctx, f, final, out); err != nil {
		return err
	}
	state, err := p.rest(ctx, f)
	if err != nil {
		return err
	}
	if state == missing {
		// The partner replaced or removed the object before edigw could
		// archive it (after a crash past the commit): the records and
		// acknowledgments stand, the bytes are not to be had.
		f.Reason = strings.TrimPrefix(f.Reason+"\n", "\n") + "its bytes were replaced or removed in inbound/ before they were archived"
		p.log().Error("inbound file's bytes lost before archiving", zap.String("key", f.Key), zap.Int64("file", f.ID))
		if err := p.retry(ctx, "event "+f.Key, func() error {
			return p.Store.FileEvent(ctx, edigw.EventFileMissing, f, "missing")
		}); err != nil {
			return err
		}
	}
	err = p.retry(ctx, "ledger "+f.Key, func() error { return p.Store.SetFileStatus(ctx, f.ID, final, f.Reason) })
	if err != nil {
		return err
	}
	out.Status, out.Reason = final, f.Reason
	if final != edigw.FileArchived {
		p.log().Warn("inbound file not accepted", zap.String("key", f.Key), zap.String("status", string(final)), zap.String("reason", f.Reason))
	}
	p.metrics.files(final)
	p.observeInbound(f, final, held, out)
	return nil
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

// duplicatesReason names the interchanges skipped as duplicates by their
// envelope identifiers (the first 20 of them).
func duplicatesReason(dups []edi.InterchangeHeader, interchanges int) string {
	var names []string
	for i, h := range dups {
		if i == 20 {
			names = append(names, fmt.Sprintf("... %d in all", len(dups)))
			break
		}
		names = append(names, fmt.Sprintf("sender %s:%s receiver %s:%s ISA13 %s", h.SenderQualifier, strings.TrimSpace(h.SenderID),
			h.ReceiverQualifier, strings.TrimSpace(h.ReceiverID), h.ControlNumber))
	}
	if len(dups) == interchanges {
		return "duplicate interchange: " + strings.Join(names, "; ")
	}
	return fmt.Sprintf("%d of %d interchanges skipped as duplicate interchange (TA1 TA105=025): %s", len(dups), interchanges, strings.Join(names, "; "))
}

// kindOf names what a file carried: its set IDs, or TA1 for a file of
// interchange acknowledgments alone. Commit records it in the ledger.
func kindOf(res *mapping.Result) string {
	var ids []string
	for _, t := range res.Report.Summary.SetTypes {
		ids = append(ids, t.ID)
	}
	sort.Strings(ids)
	if len(ids) == 0 && res.Acknowledgments > 0 {
		return "TA1" // interchange acknowledgments alone, no sets
	}
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

// fileOutcome raises the file's file.processed or file.failed event
// before its bytes go to their resting key and the ledger says it is
// done, so that a crash after it raises it again, which the store
// ignores: once, never lost. A resumed file's codes are not known any
// more (the event has its outcome alone).
func (p *Pipeline) fileOutcome(ctx context.Context, f *edigw.File, final edigw.FileStatus, out *Outcome) error {
	kind, status := edigw.EventFileFailed, string(final)
	switch {
	case final == edigw.FileArchived && out.codes == "":
		kind, status = edigw.EventFileProcessed, "accepted"
	case final == edigw.FileArchived:
		kind, status = edigw.EventFileProcessed, "partially_accepted"
	}
	if out.codes != "" {
		status += " " + out.codes
	}
	return p.retry(ctx, "event "+f.Key, func() error { return p.Store.FileOutcome(ctx, kind, f, status, out.Result) })
}

// errorCodes lists the distinct TA1/999 codes of a file's errors
// (TA105=022 IK502=5 ...), at most ten: codes, never a value.
func errorCodes(res *mapping.Result) string {
	var codes []string
	add := func(e *edi.Error) {
		if e == nil || e.Code.Kind == 0 || len(codes) == 10 {
			return
		}
		c := e.Code.String()
		for _, seen := range codes {
			if seen == c {
				return
			}
		}
		codes = append(codes, c)
	}
	add(res.Report.Fatal)
	for _, e := range res.Report.Errors {
		add(e)
	}
	return strings.Join(codes, " ")
}
