package clearinghouse

import (
	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// claimStatusResponse takes a claim of a 277 (X212) a partner sent in
// answer to a claim status inquiry: the ingest moves the one claim it
// matches inside the partner, the provider and the envelope
// (mapping.ClaimStatusResponseUpdate), with claim_status.received and the
// claim's status event, or reports it as unmatched. Claims earlier in the
// file are flushed first: an answer may name them.
func (b *batcher) claimStatusResponse(r *edigw.ClaimStatusResponse) error {
	if r.PayerID == "" {
		r.PayerID = b.payer
	}
	b.accepted++
	if err := b.flushClaims(); err != nil {
		return err
	}
	return b.ing.AddClaimStatuses(b.ctx, []edigw.ClaimStatusUpdate{mapping.ClaimStatusResponseUpdate(r)})
}
