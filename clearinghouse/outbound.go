package clearinghouse

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"go.uber.org/zap"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/mapping"
)

// MaxClaimsPerFile bounds one outbound 837: sets of at most 5000 claims,
// ten sets to a file.
const MaxClaimsPerFile = 10 * mapping.MaxClaimsPerSet

// FlushOutbound writes the queued claims and authorization requests of
// every partner as 837 and 278 files in its outbound prefix. Each file is
// first recorded (pending) with the records it carries and their control
// numbers, then written, then marked sent: a crash in between leaves a
// pending file that the next flush writes again, byte for byte.
//
// Whoever fills or writes a file holds a record-store lock on its key
// from before it is recorded until it is sent, so a pending file that is
// not locked is one whose writer is gone: only those are written again.
// Several instances may flush at once; the queue's leases give each its
// own records.
func (p *Pipeline) FlushOutbound(ctx context.Context) (files []string, err error) {
	pending, err := p.Store.OutboundFiles(ctx, edigw.FilePending)
	if err != nil {
		return nil, err
	}
	for _, f := range pending {
		written, err := p.writeAbandoned(ctx, f)
		if err != nil {
			return files, err
		}
		if written {
			files = append(files, f.Key)
		}
	}
	for _, pt := range p.Partners {
		for _, q := range p.outboundQueues(pt) {
			keys, err := p.flushQueue(ctx, pt, q)
			files = append(files, keys...)
			if err != nil {
				return files, err
			}
		}
	}
	return files, nil
}

var claimFileKinds = map[edigw.ClaimKind]string{edigw.Professional: "837P", edigw.Institutional: "837I", edigw.Dental: "837D"}

// writeAbandoned writes a pending file again if its writer is gone (its
// key is not locked) and it is still pending once locked.
func (p *Pipeline) writeAbandoned(ctx context.Context, f edigw.File) (bool, error) {
	release, ok, err := p.lockKey(ctx, f.Key)
	if err != nil || !ok {
		return false, err // !ok: its writer is at work
	}
	defer release()
	now, err := p.fileNow(ctx, f)
	if err != nil || now.Status != edigw.FilePending {
		return false, err // sent by its writer meanwhile
	}
	return p.writePending(ctx, now)
}

// fileNow reads f's ledger entry again, as it is now (under f's lock).
func (p *Pipeline) fileNow(ctx context.Context, f edigw.File) (*edigw.File, error) {
	var now *edigw.File
	err := p.retry(ctx, "ledger "+f.Key, func() error {
		var err error
		now, err = p.Store.File(ctx, f.ID)
		return err
	})
	return now, err
}

// lockKey takes a file's lock, which dies with its holder: ok is false
// when another instance holds it.
func (p *Pipeline) lockKey(ctx context.Context, key string) (release func(), ok bool, err error) {
	err = p.retry(ctx, "lock "+key, func() error {
		var err error
		release, ok, err = p.Store.LockKey(ctx, key)
		return err
	})
	return release, ok, err
}

// outboundQueues are a partner's queues in the order the batcher empties
// them: the 837s of each claim kind, 278s, 276s (claimstatus_outbound.go)
// and 270s (eligibility.go).
func (p *Pipeline) outboundQueues(pt Partner) []outboundQueue {
	var queues []outboundQueue
	for _, kind := range []edigw.ClaimKind{edigw.Professional, edigw.Institutional, edigw.Dental} {
		queues = append(queues, outboundQueue{kind: claimFileKinds[kind], what: "claims", subject: "claim",
			take: func(ctx context.Context) ([][]int64, error) {
				qs, err := p.Store.TakeQueuedClaims(ctx, pt.PayerID, kind, MaxClaimsPerFile)
				return claimSets(qs), err
			}})
	}
	return append(queues, outboundQueue{kind: "278", what: "authorizations", subject: "authorization",
		take: func(ctx context.Context) ([][]int64, error) {
			qs, err := p.Store.TakeQueuedAuthorizations(ctx, pt.PayerID, 1000)
			return setEach(qs, func(q edigw.QueuedAuthorization) int64 { return q.ID }), err
		}}, p.claimStatusQueue(pt), p.eligibilityQueue(pt))
}

// claimSets splits queued claims into the sets of one 837, as
// mapping.ClaimSets writes them.
func claimSets(qs []edigw.QueuedClaim) [][]int64 {
	claims := make([]*edigw.Claim, len(qs))
	for i, q := range qs {
		claims[i] = q.Claim
	}
	var sets [][]int64
	at := 0
	for _, set := range mapping.ClaimSets(claims, mapping.MaxClaimsPerSet) {
		ids := make([]int64, len(set))
		for i := range set {
			ids[i] = qs[at+i].ID
		}
		at += len(set)
		sets = append(sets, ids)
	}
	return sets
}

// recordOutbound allocates the interchange and group numbers of a new
// outbound file, locks its key and enters it in the ledger as pending.
// The caller holds the lock (release) until the file is sent.
func (p *Pipeline) recordOutbound(ctx context.Context, pt Partner, kind, what string) (f *edigw.File, ic edigw.Interchange,
	group string, release func(), err error) {
	isa, err := p.Store.NextControlNumber(ctx, "ISA", pt.OurID, pt.TheirID)
	if err != nil {
		return nil, ic, "", nil, err
	}
	gs, err := p.Store.NextControlNumber(ctx, "GS", pt.OurID, pt.TheirID)
	if err != nil {
		return nil, ic, "", nil, err
	}
	ic = edigw.Interchange{SenderQualifier: pt.OurQualifier, SenderID: pt.OurID, ReceiverQualifier: pt.TheirQualifier,
		ReceiverID: pt.TheirID, ControlNumber: fmt.Sprintf("%09d", isa)}
	now := p.now()
	f = &edigw.File{PayerID: pt.PayerID, Direction: edigw.Outbound, Kind: kind, Status: edigw.FilePending, CreatedAt: now,
		Key: pt.key("outbound", fmt.Sprintf("%s-%s-%s.x12", what, now.Format("20060102T150405"), ic.ControlNumber))}
	release, ok, err := p.lockKey(ctx, f.Key)
	if err == nil && !ok {
		err = fmt.Errorf("clearinghouse: outbound %s is locked by another writer", f.Key) // its ISA13 is ours alone
	}
	if err != nil {
		return nil, ic, "", nil, err
	}
	if f.ID, err = p.Store.RecordFile(ctx, f); err != nil {
		release()
		return nil, ic, "", nil, err
	}
	return f, ic, strconv.FormatInt(gs, 10), release, nil
}

// writePending writes a pending outbound file from the records it carries
// and the control numbers stored with them, then marks it sent. A file
// that carries nothing is marked abandoned instead (written false).
func (p *Pipeline) writePending(ctx context.Context, f *edigw.File) (written bool, err error) {
	var buf bytes.Buffer
	var n int
	switch f.Kind {
	case "278":
		n, err = p.render278(ctx, f, &buf)
	case "276":
		n, err = p.render276(ctx, f, &buf)
	case "270":
		n, err = p.render270(ctx, f, &buf) // eligibility.go
	default:
		n, err = p.render837(ctx, f, &buf)
	}
	if errors.Is(err, errNoRecords) {
		// Its writer died between recording the file and assigning its
		// first records: nothing was written under its numbers, and its
		// records are queued again once their lease ends.
		p.log().Warn("outbound file abandoned before it had records", zap.String("key", f.Key))
		return false, p.retry(ctx, "ledger "+f.Key, func() error {
			return p.Store.SetFileStatus(ctx, f.ID, edigw.FileRejected, "abandoned: no record was assigned to it before its writer stopped; nothing was written")
		})
	}
	if err != nil {
		return false, fmt.Errorf("clearinghouse: outbound %s: %w", f.Key, err)
	}
	if err := p.retry(ctx, "put "+f.Key, func() error { return p.Objects.Put(ctx, f.Key, bytes.NewReader(buf.Bytes())) }); err != nil {
		return false, err
	}
	if err := p.retry(ctx, "ledger "+f.Key, func() error { return p.Store.SetFileStatus(ctx, f.ID, edigw.FileSent, "") }); err != nil {
		return false, err
	}
	p.metrics.sent()
	p.observeSent(f.Kind, buf.Len())
	p.log().Info("outbound file written", zap.String("key", f.Key), zap.String("kind", f.Kind), zap.Int("records", n), zap.Int("bytes", buf.Len()))
	return true, nil
}

func (p *Pipeline) render837(ctx context.Context, f *edigw.File, buf *bytes.Buffer) (int, error) {
	sent, err := p.Store.FileClaims(ctx, f.ID)
	if err != nil {
		return 0, err
	}
	if len(sent) == 0 {
		return 0, errNoRecords
	}
	claims := make([]*edigw.Claim, len(sent))
	var sets []string
	for i, s := range sent {
		claims[i] = s.Claim
		if i == 0 || s.Set != sent[i-1].Set {
			sets = append(sets, s.Set)
		}
	}
	env := p.envelope(f, sent[0].Interchange, sent[0].Group, sets)
	return len(claims), mapping.Write837(buf, env, claims)
}

func (p *Pipeline) render278(ctx context.Context, f *edigw.File, buf *bytes.Buffer) (int, error) {
	sent, err := p.Store.FileAuthorizations(ctx, f.ID)
	if err != nil {
		return 0, err
	}
	if len(sent) == 0 {
		return 0, errNoRecords
	}
	reqs := make([]*edigw.AuthorizationRequest, len(sent))
	sets := make([]string, len(sent))
	for i, s := range sent {
		reqs[i], sets[i] = s.Request, s.Set
	}
	env := p.envelope(f, sent[0].Interchange, sent[0].Group, sets)
	return len(reqs), mapping.Write278(buf, env, reqs)
}

// errNoRecords: a pending outbound file carries nothing.
var errNoRecords = errors.New("no records recorded for the file")

// envelope replays the stored control numbers and the file's creation
// time, so a rewritten file is identical to the first.
func (p *Pipeline) envelope(f *edigw.File, ic edigw.Interchange, group string, sets []string) mapping.Envelope {
	created := f.CreatedAt
	// ISA15 and the GS IDs are the partner's (a partner no longer
	// configured: production, GS IDs as the ISA IDs).
	pt, _ := p.partnerOf(f.PayerID)
	return mapping.Envelope{
		SenderQualifier: ic.SenderQualifier, SenderID: ic.SenderID, ReceiverQualifier: ic.ReceiverQualifier, ReceiverID: ic.ReceiverID,
		GroupSenderID: pt.OurGroupID, GroupReceiverID: pt.TheirGroupID, Usage: pt.usage(),
		Numbers: &replayNumbers{isa: ic.ControlNumber, gs: group, st: sets},
		Now:     func() time.Time { return created }, Newline: p.Newline,
	}
}

// replayNumbers hands out control numbers decided earlier, in order.
type replayNumbers struct {
	isa, gs string
	st      []string
}

func (r *replayNumbers) Next(_ context.Context, kind ack.Kind, _, _ string) (int64, error) {
	var v string
	switch kind {
	case ack.InterchangeNumber:
		v = r.isa
	case ack.GroupNumber:
		v = r.gs
	default:
		if len(r.st) == 0 {
			return 0, errors.New("clearinghouse: more transaction sets than were recorded")
		}
		v, r.st = r.st[0], r.st[1:]
	}
	return strconv.ParseInt(v, 10, 64)
}

func (p *Pipeline) now() time.Time {
	if p.Now != nil {
		return p.Now().UTC()
	}
	return time.Now().UTC()
}
