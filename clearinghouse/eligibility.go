package clearinghouse

import (
	"bytes"
	"context"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// MaxInquiriesPerFile bounds the inquiries of one outbound 270 or 276.
const MaxInquiriesPerFile = 1000

// eligibilityQueue is the outbound queue of a partner's 270s: one set per
// inquiry, as Write270 writes them.
func (p *Pipeline) eligibilityQueue(pt Partner) outboundQueue {
	return outboundQueue{kind: "270", what: "eligibility", subject: "eligibility",
		take: func(ctx context.Context) ([][]int64, error) {
			qs, err := p.Store.TakeQueuedEligibility(ctx, pt.PayerID, MaxInquiriesPerFile)
			return setEach(qs, func(q edigw.QueuedEligibility) int64 { return q.ID }), err
		}}
}

func (p *Pipeline) render270(ctx context.Context, f *edigw.File, buf *bytes.Buffer) (int, error) {
	sent, err := p.Store.FileEligibility(ctx, f.ID)
	if err != nil {
		return 0, err
	}
	if len(sent) == 0 {
		return 0, errNoRecords
	}
	inqs := make([]*edigw.EligibilityInquiry, len(sent))
	sets := make([]string, len(sent))
	for i, s := range sent {
		inqs[i], sets[i] = s.Inquiry, s.Set
	}
	env := p.envelope(f, sent[0].Interchange, sent[0].Group, sets)
	return len(inqs), mapping.Write270(buf, env, inqs)
}

// eligibilityResponses collects a file's 271 members as it is read; they
// are few and small, so they wait for the end of the reading.
type eligibilityResponses []*edigw.EligibilityResponse

func (e *eligibilityResponses) add(r *edigw.EligibilityResponse) error {
	*e = append(*e, r)
	return nil
}

// addEligibility hands the file's 271 members to its ingest, after the
// other loads.
func addEligibility(ctx context.Context, ing edigw.Ingest, rs eligibilityResponses) error {
	if len(rs) == 0 {
		return nil
	}
	return ing.AddEligibilityResponses(ctx, rs)
}

// AddEligibilityResponses runs once every queued load has ended, on the
// ingest's transaction like them.
func (o *overlappedIngest) AddEligibilityResponses(ctx context.Context, rs []*edigw.EligibilityResponse) error {
	return o.wait(func() error { return o.ing.AddEligibilityResponses(ctx, rs) })
}
