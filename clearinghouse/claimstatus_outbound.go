package clearinghouse

import (
	"bytes"
	"context"
	"fmt"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// claimStatusOutbound is what the outbound batcher needs of the store for
// claim status inquiries (storage/claimstatus_inquiries.go).
type claimStatusOutbound interface {
	TakeQueuedClaimStatusInquiries(ctx context.Context, payer edigw.PayerID, limit int) ([]edigw.QueuedClaimStatusInquiry, error)
	FileClaimStatusInquiries(ctx context.Context, fileID int64) ([]*edigw.ClaimStatusInquiry, edigw.Interchange, string, string, error)
}

// maxInquiriesPerFile bounds the inquiries of one outbound 276.
const maxInquiriesPerFile = 1000

// flushClaimStatus writes a partner's queued claim status inquiries as
// 276 files, as FlushOutbound writes claims: recorded, written, marked.
func (p *Pipeline) flushClaimStatus(ctx context.Context, pt Partner) (files []string, err error) {
	cs, ok := p.Store.(claimStatusOutbound)
	if !ok {
		return nil, nil // a store without claim status inquiries queues none
	}
	for {
		qs, err := cs.TakeQueuedClaimStatusInquiries(ctx, pt.PayerID, maxInquiriesPerFile)
		if err != nil || len(qs) == 0 {
			return files, err
		}
		key, err := p.sendClaimStatus(ctx, pt, qs)
		if err != nil {
			return files, err
		}
		files = append(files, key)
	}
}

// sendClaimStatus records, writes and marks one outbound 276: one set.
func (p *Pipeline) sendClaimStatus(ctx context.Context, pt Partner, qs []edigw.QueuedClaimStatusInquiry) (string, error) {
	f, ic, group, release, err := p.recordOutbound(ctx, pt, "276", "claim-status")
	if err != nil {
		return "", err
	}
	defer release()
	st, err := p.Store.NextControlNumber(ctx, "ST", pt.OurID, pt.TheirID)
	if err != nil {
		return "", err
	}
	ids := make([]int64, len(qs))
	for i, q := range qs {
		ids[i] = q.ID
	}
	if err := p.Store.MarkSent(ctx, "claim_status", ids, f.ID, ic, group, fmt.Sprintf("%04d", st)); err != nil {
		return "", err
	}
	_, err = p.writePending(ctx, f)
	return f.Key, err
}

// render276 writes a pending 276 from its inquiries: one set, its BHT the
// file's (BHT03 the set's ST02, the file's creation time), so a file
// written again is the same file.
func (p *Pipeline) render276(ctx context.Context, f *edigw.File, buf *bytes.Buffer) (int, error) {
	cs, ok := p.Store.(claimStatusOutbound)
	if !ok {
		return 0, errNoRecords
	}
	qs, ic, group, set, err := cs.FileClaimStatusInquiries(ctx, f.ID)
	if err != nil {
		return 0, err
	}
	if len(qs) == 0 {
		return 0, errNoRecords
	}
	for _, q := range qs {
		q.Reference, q.CreatedAt = "", ""
	}
	return len(qs), mapping.Write276(buf, p.envelope(f, ic, group, []string{set}), qs)
}
