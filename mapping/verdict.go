package mapping

import (
	"strconv"
	"strings"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/edi/ig"
)

// SetVerdict is what edigw's acknowledgments decide of one transaction
// set: the 999's IK501 and, for an 837 the 999 does not reject, the claims
// its 277CA rejects. Claims are named by their place in the set, never by
// a value from inside it (decision 0009).
type SetVerdict struct {
	// Disposition is the 999's IK501: ack.Accepted (A),
	// ack.AcceptedWithErrors (E) or ack.Rejected (R).
	Disposition string
	// Claims counts the set's claims (837 only).
	Claims int
	// Rejected are the claims the 277CA rejects, in set order; empty when
	// the 999 rejects the set (no 277CA answers it).
	Rejected []ClaimVerdict
}

// ClaimVerdict is one claim a 277CA rejects.
type ClaimVerdict struct {
	Position int    // the claim's place in the set, from 1
	Status   string // the 277CA's STC01: category:status[:entity], A7:562:85
	Err      *edi.Error
}

// Verdict says what the acknowledgments decide of set s: call it in the
// SetEnd of a handler after the Mapper (NewChain's after), once the
// Mapper has handed the set's claims over. The claims are those the
// Acknowledger (or the Mapper's own collector) placed the errors on, the
// same ones the 277CA reports.
func (m *Mapper) Verdict(s *ig.SetResult) (*SetVerdict, error) {
	v := &SetVerdict{Disposition: ack.DefaultDisposition(s)}
	if s.Header.ID != "837" {
		return v, nil
	}
	cs, err := m.placer.Claims(s)
	if err != nil || cs == nil {
		return v, err
	}
	v.Disposition, v.Claims = cs.Disposition(s), cs.Len()
	if v.Disposition == ack.Rejected || !cs.AnyRejected() {
		return v, nil
	}
	n := 0
	err = cs.Each(func(c *ack.Claim) error {
		n++
		if c.Rejected() {
			v.Rejected = append(v.Rejected, ClaimVerdict{Position: n, Status: c.RejectionStatus(), Err: c.Errors[0]})
		}
		return nil
	})
	return v, err
}

// Describe is the verdict in words, for a report: "accepted",
// "accepted with errors" (999 IK5=E), "rejected", with the set's error
// count when there are any, then the claims the 277CA rejects by position
// with their status codes.
func (v *SetVerdict) Describe(errors int) string {
	var b strings.Builder
	switch v.Disposition {
	case ack.Accepted:
		b.WriteString("accepted")
	case ack.AcceptedWithErrors:
		b.WriteString("accepted with errors")
	default:
		b.WriteString("rejected")
	}
	if errors > 0 {
		b.WriteString(" (")
		b.WriteString(strconv.Itoa(errors))
		if errors == 1 {
			b.WriteString(" error)")
		} else {
			b.WriteString(" errors)")
		}
	}
	if len(v.Rejected) > 0 {
		b.WriteString("; the 277CA rejects ")
		if len(v.Rejected) == 1 {
			b.WriteString("claim ")
		} else {
			b.WriteString("claims ")
		}
		for i, c := range v.Rejected {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Itoa(c.Position))
			b.WriteString(" (")
			b.WriteString(c.Status)
			b.WriteString(")")
		}
		b.WriteString(" of ")
		b.WriteString(strconv.Itoa(v.Claims))
	}
	return b.String()
}
