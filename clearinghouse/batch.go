package clearinghouse

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"sort"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/internal/spool"
)

// batcher collects records as a file streams and hands them to the ingest
// in bulk, so memory holds one batch per kind, not the file.
type batcher struct {
	ctx      context.Context
	ing      edigw.Ingest
	size     int
	payer    edigw.PayerID // the partner's, for records that name none
	accepted int           // records not rejected: claims accepted, remittances, authorizations
	claims   []*edigw.Claim
	remits   []*edigw.Remittance
	payments int // claim payments of the remittances held
	auths    []*edigw.AuthorizationRequest
	acks     []*edigw.Acknowledgment
	tally    ackTally // what the partner's acknowledgments decided, for /metrics
}

func newBatcher(ctx context.Context, ing edigw.Ingest, size int, payer edigw.PayerID) *batcher {
	return &batcher{ctx: ctx, ing: ing, size: size, payer: payer}
}

func (b *batcher) claim(c *edigw.Claim) error {
	if c.PayerID == "" {
		c.PayerID = b.payer
	}
	if c.Status != edigw.ClaimRejected {
		b.accepted++
	}
	b.claims = append(b.claims, c)
	if len(b.claims) >= b.size {
		return b.flushClaims()
	}
	return nil
}

func (b *batcher) remittance(r *edigw.Remittance) error {
	if r.PayerID == "" {
		r.PayerID = b.payer // most 835s carry no REF*2U: the partner says whose it is
	}
	b.accepted++
	b.remits = append(b.remits, r)
	// A remittance (one 835 set) can pay 5,000 claims: count the claim
	// payments held, not the remittances, so memory holds one batch.
	b.payments += len(r.Claims)
	if b.payments >= b.size || len(b.remits) >= b.size {
		return b.flushRemits()
	}
	return nil
}

func (b *batcher) authorization(a *edigw.AuthorizationRequest) error {
	if a.PayerID == "" {
		a.PayerID = b.payer
	}
	b.accepted++
	b.auths = append(b.auths, a)
	if len(b.auths) >= b.size {
		return b.flushAuths()
	}
	return nil
}

// acknowledgment takes a TA1, 999 or 277CA a partner sent back: the
// ingest stores it and moves the claims it decides.
func (b *batcher) acknowledgment(a *edigw.Acknowledgment) error {
	if a.PayerID == "" {
		a.PayerID = b.payer
	}
	b.accepted++
	b.tally.add(a)
	b.acks = append(b.acks, a)
	if len(b.acks) >= max(1, b.size/100) {
		return b.flushAcks()
	}
	return nil
}

// Records may refer to records earlier in the same file (a claim to its
// authorization, a payment or a status to its claim): each flush first
// flushes the kinds its records refer to.
func (b *batcher) flushClaims() error {
	if len(b.claims) == 0 {
		return nil
	}
	if err := b.flushAuths(); err != nil {
		return err
	}
	err := b.ing.AddClaims(b.ctx, b.claims)
	clear(b.claims)
	b.claims = b.claims[:0]
	return err
}

func (b *batcher) flushRemits() error {
	if len(b.remits) == 0 {
		return nil
	}
	if err := b.flushClaims(); err != nil {
		return err
	}
	err := b.ing.AddRemittances(b.ctx, b.remits)
	clear(b.remits)
	b.remits, b.payments = b.remits[:0], 0
	return err
}

func (b *batcher) flushAuths() error {
	if len(b.auths) == 0 {
		return nil
	}
	err := b.ing.AddAuthorizations(b.ctx, b.auths)
	clear(b.auths)
	b.auths = b.auths[:0]
	return err
}

func (b *batcher) flushAcks() error {
	if len(b.acks) == 0 {
		return nil
	}
	if err := b.flushClaims(); err != nil {
		return err
	}
	err := b.ing.AddAcknowledgments(b.ctx, b.acks)
	clear(b.acks)
	b.acks = b.acks[:0]
	return err
}

// flush hands over what is left, claims before the records that may refer
// to them.
func (b *batcher) flush() error {
	for _, f := range []func() error{b.flushAuths, b.flushClaims, b.flushAcks, b.flushRemits} {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

// ackBuffer keeps the acknowledgments of one file until its outcome is
// committed: small ones in memory, large ones (a 5,000-claim set's 277CA
// is 660 KB) in temporary files (internal/spool), so a file's
// acknowledgments do not add up in memory. close releases the files.
type ackBuffer struct {
	acks []*heldAck
}

type heldAck struct {
	kind, ref string
	spool.Buffer
	hash hash.Hash
}

func newAckBuffer() *ackBuffer { return &ackBuffer{} }

func (a *ackBuffer) sink(kind, ref string) (io.WriteCloser, error) {
	h := &heldAck{kind: kind, ref: ref, hash: sha256.New()}
	a.acks = append(a.acks, h)
	return h, nil
}

// close releases what was spooled to disk.
func (a *ackBuffer) close() {
	if a == nil {
		return
	}
	for _, h := range a.acks {
		h.Buffer.Close()
	}
}

func (h *heldAck) Write(p []byte) (int, error) {
	h.hash.Write(p)
	return h.Buffer.Write(p)
}

// Close ends the writing (the bytes stay until ackBuffer.close).
func (h *heldAck) Close() error { return h.Err() }

// sha256 is the hex digest of the acknowledgment.
func (h *heldAck) sha256() string { return hex.EncodeToString(h.hash.Sum(nil)) }

// list returns the acknowledgments by kind and reference, so their keys
// come out in a stable order.
func (a *ackBuffer) list() []*heldAck {
	out := append([]*heldAck(nil), a.acks...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].ref != out[j].ref {
			return out[i].ref < out[j].ref
		}
		return out[i].kind < out[j].kind
	})
	return out
}
