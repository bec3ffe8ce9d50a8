package clearinghouse

import (
	"context"
	"fmt"
)

// outboundQueue is what sets one outbound queue apart from the others
// (837 claims, 278 authorizations, 276 claim status and 270 eligibility
// inquiries): everything else of filling a file from the queue is the same
// and lives in flushQueue and sendQueued.
type outboundQueue struct {
	kind    string // the file's kind in the ledger: "278", "270", ...
	what    string // the word naming its objects: "authorizations-...x12"
	subject string // MarkSent's subject: "authorization", "eligibility", ...
	// take leases the next batch of queued records and splits their IDs
	// into the transaction sets of one file, in the order they are
	// written; no sets when nothing is queued.
	take func(ctx context.Context) (sets [][]int64, err error)
}

// flushQueue writes a queue's records as files until none is queued, and
// returns the keys of the files written.
func (p *Pipeline) flushQueue(ctx context.Context, pt Partner, q outboundQueue) (files []string, err error) {
	for {
		sets, err := q.take(ctx)
		if err != nil || len(sets) == 0 {
			return files, err
		}
		key, err := p.sendQueued(ctx, pt, q, sets)
		if err != nil {
			return files, err
		}
		files = append(files, key)
	}
}

// sendQueued records one outbound file, allocates an ST02 for each set
// and marks the set's records sent under it, then writes the file from
// what was marked (writePending), so a crash in between regenerates the
// same bytes.
func (p *Pipeline) sendQueued(ctx context.Context, pt Partner, q outboundQueue, sets [][]int64) (string, error) {
	f, ic, group, release, err := p.recordOutbound(ctx, pt, q.kind, q.what)
	if err != nil {
		return "", err
	}
	defer release()
	for _, ids := range sets {
		st, err := p.Store.NextControlNumber(ctx, "ST", pt.OurID, pt.TheirID)
		if err != nil {
			return "", err
		}
		if err := p.Store.MarkSent(ctx, q.subject, ids, f.ID, ic, group, fmt.Sprintf("%04d", st)); err != nil {
			return "", err
		}
	}
	_, err = p.writePending(ctx, f)
	return f.Key, err
}

// setEach puts each record in a set of its own (278 as X217 asks, 270).
func setEach[Q any](qs []Q, id func(Q) int64) [][]int64 {
	sets := make([][]int64, len(qs))
	for i, q := range qs {
		sets[i] = []int64{id(q)}
	}
	return sets
}

// oneSet puts all records in a single set (276); none gives no sets.
func oneSet[Q any](qs []Q, id func(Q) int64) [][]int64 {
	if len(qs) == 0 {
		return nil
	}
	ids := make([]int64, len(qs))
	for i, q := range qs {
		ids[i] = id(q)
	}
	return [][]int64{ids}
}
