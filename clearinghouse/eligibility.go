package clearinghouse

import (
	"bytes"
	"context"
	"fmt"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// EligibilityStore is what the outbound batcher asks of the store for
// eligibility inquiries (storage.DB is one). It is apart from Store so
// that the stores the pipeline's other tests fake need not grow: without
// it, no 270 is written.
type EligibilityStore interface {
	// TakeQueuedEligibility leases queued inquiries of a payer, as
	// TakeQueuedAuthorizations does requests; MarkSent("eligibility", ...)
	// records the file that carries them.
	TakeQueuedEligibility(ctx context.Context, payer edigw.PayerID, limit int) ([]edigw.QueuedEligibility, error)
	// FileEligibility returns what an outbound 270 carries, in ID order,
	// with the control numbers it went out under.
	FileEligibility(ctx context.Context, fileID int64) ([]edigw.SentEligibility, error)
}

// MaxInquiriesPerFile bounds one outbound 270.
const MaxInquiriesPerFile = 1000

// flushEligibility writes a partner's queued inquiries as 270 files.
func (p *Pipeline) flushEligibility(ctx context.Context, pt Partner) (files []string, err error) {
	es, ok := p.Store.(EligibilityStore)
	if !ok {
		return nil, nil
	}
	for {
		qs, err := es.TakeQueuedEligibility(ctx, pt.PayerID, MaxInquiriesPerFile)
		if err != nil || len(qs) == 0 {
			return files, err
		}
		key, err := p.sendEligibility(ctx, pt, qs)
		if err != nil {
			return files, err
		}
		files = append(files, key)
	}
}

// sendEligibility records, writes and marks one outbound 270 file: one set
// per inquiry, as Write270 writes them.
func (p *Pipeline) sendEligibility(ctx context.Context, pt Partner, qs []edigw.QueuedEligibility) (string, error) {
	f, ic, group, release, err := p.recordOutbound(ctx, pt, "270", "eligibility")
	if err != nil {
		return "", err
	}
	defer release()
	for _, q := range qs {
		st, err := p.Store.NextControlNumber(ctx, "ST", pt.OurID, pt.TheirID)
		if err != nil {
			return "", err
		}
		if err := p.Store.MarkSent(ctx, "eligibility", []int64{q.ID}, f.ID, ic, group, fmt.Sprintf("%04d", st)); err != nil {
			return "", err
		}
	}
	_, err = p.writePending(ctx, f)
	return f.Key, err
}

func (p *Pipeline) render270(ctx context.Context, f *edigw.File, buf *bytes.Buffer) (int, error) {
	es, ok := p.Store.(EligibilityStore)
	if !ok {
		return 0, fmt.Errorf("the store keeps no eligibility inquiries")
	}
	sent, err := es.FileEligibility(ctx, f.ID)
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

// eligibilityIngest is the side of an inbound file's ingest that takes
// its 271 members (storage's ingest is one): each is matched to the
// inquiry it answers inside the file's payer and the provider it names
// (docs/clearinghouse.md, Matching rules), in the file's transaction.
type eligibilityIngest interface {
	AddEligibilityResponses(ctx context.Context, responses []*edigw.EligibilityResponse) error
}

// eligibilityResponses collects a file's 271 members as it is read; they
// are few and small, so they wait for the end of the reading.
type eligibilityResponses []*edigw.EligibilityResponse

func (e *eligibilityResponses) add(r *edigw.EligibilityResponse) error {
	*e = append(*e, r)
	return nil
}

// addEligibility hands the file's 271 members to its ingest, after the
// other loads. An ingest without the method (a store that keeps no
// inquiries) takes none.
func addEligibility(ctx context.Context, ing edigw.Ingest, rs eligibilityResponses) error {
	ei, ok := ing.(eligibilityIngest)
	if !ok || len(rs) == 0 {
		return nil
	}
	return ei.AddEligibilityResponses(ctx, rs)
}

// AddEligibilityResponses runs once every queued load has ended, on the
// ingest's transaction like them.
func (o *overlappedIngest) AddEligibilityResponses(ctx context.Context, rs []*edigw.EligibilityResponse) error {
	ei, ok := o.ing.(eligibilityIngest)
	if !ok {
		return nil
	}
	return o.wait(func() error { return ei.AddEligibilityResponses(ctx, rs) })
}
