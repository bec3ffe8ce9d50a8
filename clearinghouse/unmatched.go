package clearinghouse

import (
	"go.uber.org/zap"

	"github.com/edigw/edigw"
)

// reportUnmatched counts a committed file's answers that matched no
// record, or several (docs/clearinghouse.md, Matching rules), for
// Observations.Unmatched (edigw_unmatched_acknowledgments_total, and
// Stats.Unmatched), and warns operators: the file by key and ledger ID and
// the count, nothing from inside it. The store has reported each answer
// as an event (acknowledgment.unmatched, payment.unmatched,
// authorization.unmatched).
func (p *Pipeline) reportUnmatched(key string, r *edigw.IngestResult) {
	if r.Unmatched == 0 {
		return
	}
	p.observer.locked(func(o *Observations) { o.Unmatched += int64(r.Unmatched) })
	p.log().Warn("answers matched no record, or several: nothing changed for them", zap.String("key", key),
		zap.Int64("file", r.FileID), zap.Int("unmatched", r.Unmatched))
}
