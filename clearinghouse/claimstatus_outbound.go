package clearinghouse

import (
	"bytes"
	"context"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// claimStatusQueue is the outbound queue of a partner's 276s: all of a
// file's inquiries in one set.
func (p *Pipeline) claimStatusQueue(pt Partner) outboundQueue {
	return outboundQueue{kind: "276", what: "claim-status", subject: "claim_status",
		take: func(ctx context.Context) ([][]int64, error) {
			qs, err := p.Store.TakeQueuedClaimStatusInquiries(ctx, pt.PayerID, MaxInquiriesPerFile)
			return oneSet(qs, func(q edigw.QueuedClaimStatusInquiry) int64 { return q.ID }), err
		}}
}

// render276 writes a pending 276 from its inquiries: one set, its BHT the
// file's (BHT03 the set's ST02, the file's creation time), so a file
// written again is the same file.
func (p *Pipeline) render276(ctx context.Context, f *edigw.File, buf *bytes.Buffer) (int, error) {
	qs, ic, group, set, err := p.Store.FileClaimStatusInquiries(ctx, f.ID)
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
