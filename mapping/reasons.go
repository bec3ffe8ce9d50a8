package mapping

import (
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping/codes"
)

// Why a claim's status changed, as storage saves it in statusReason and
// the claim's history: the acknowledgment or remittance element that
// moved it, its codes, and each code's description from its code list.
// Codes are standard code values, not values of the set (decision 0009):
// no amount, control number or name appears, and a code its list does
// not know is left out, since it may be anything the sender wrote.

// reason builds a reason: a head, then parts joined by "; ".
type reason struct {
	b     strings.Builder
	parts int
}

func newReason(head string) *reason {
	r := &reason{}
	r.b.WriteString(head)
	return r
}

// code adds "label code (description)" when list knows code.
func (r *reason) code(label string, list *codes.List, code string) {
	d := list.Describe(code)
	if d == "" {
		return
	}
	r.part(strings.TrimSpace(label+" "+code) + " (" + d + ")")
}

func (r *reason) part(s string) {
	if r.parts == 0 {
		r.b.WriteString(": ")
	} else {
		r.b.WriteString("; ")
	}
	r.parts++
	r.b.WriteString(s)
}

func (r *reason) String() string { return r.b.String() }

// InterchangeAckReason is why a TA1 moves claims: "TA1 R (Rejected...);
// TA105 022 (Invalid control structure)".
func InterchangeAckReason(ta1 *edigw.InterchangeAck) string {
	r := newReason("TA1")
	r.code("TA104", codes.InterchangeAckCode, ta1.Code)
	r.code("TA105", codes.InterchangeNote, ta1.NoteCode)
	return r.String()
}

// SetAckReason is why a 999 moves the claims of a set: its IK501 and
// IK502-IK506 codes.
func SetAckReason(s *edigw.SetAck) string {
	return ackReason("IK501", codes.SetAckCode, s.Code, "IK502", codes.SetSyntaxError, s.Errors)
}

// GroupAckReason is why a 999 that names no set moves a group's claims:
// its AK901 and AK905-AK909 codes.
func GroupAckReason(g *edigw.GroupAck) string {
	return ackReason("AK901", codes.GroupAckCode, g.Code, "AK905", codes.GroupSyntaxError, g.Errors)
}

// ackReason is a 999 reason: the acknowledgment code, then each error
// code.
func ackReason(codeLabel string, codeList *codes.List, code, errLabel string, errList *codes.List, errs []string) string {
	r := newReason("999")
	r.code(codeLabel, codeList, code)
	for _, e := range errs {
		r.code(errLabel, errList, e)
	}
	return r.String()
}

// ClaimAckReason is what a 277CA says of a claim: each STC's codes,
// "A7:562:85", with the category's, the status' and the entity's
// descriptions.
func ClaimAckReason(statuses []edigw.StatusInfo) string {
	r := newReason("277CA")
	for _, st := range statuses {
		for _, c := range st.Codes {
			r.part(statusCodeText(c))
		}
	}
	return r.String()
}

// statusCodeText is one C043 with what its lists say of each code, the
// codes the lists do not know left out: "A7:562:85 (Acknowledgement:
// rejected for invalid information / Entity's National Provider
// Identifier (NPI) / Billing provider)".
func statusCodeText(c edigw.StatusCode) string {
	var known, descs []string
	for _, p := range []struct {
		list *codes.List
		code string
	}{{codes.ClaimStatusCategory, c.Category}, {codes.ClaimStatusCode, c.Status}, {codes.EntityIdentifier, c.Entity}} {
		if d := p.list.Describe(p.code); d != "" {
			known, descs = append(known, p.code), append(descs, d)
		}
	}
	if len(known) == 0 {
		return "a status code not in its code list"
	}
	return strings.Join(known, ":") + " (" + strings.Join(descs, " / ") + ")"
}

// statusCodeOf reads "A7:562:85" into its parts.
func statusCodeOf(stc string) edigw.StatusCode {
	parts := strings.SplitN(stc, ":", 3)
	var c edigw.StatusCode
	c.Category = parts[0]
	if len(parts) > 1 {
		c.Status = parts[1]
	}
	if len(parts) > 2 {
		c.Entity = parts[2]
	}
	return c
}

// receiptReason is why edigw's own acknowledgments reject a claim it
// receives: the 999 rejecting its set, or the 277CA status of the error
// that rejects it (stc, as Mapper.Verdict gives it).
func receiptReason(setRejected bool, stc string) string {
	if setRejected {
		return SetAckReason(&edigw.SetAck{Code: "R"})
	}
	return newReason("277CA").partOf(statusCodeText(statusCodeOf(stc)))
}

func (r *reason) partOf(s string) string {
	r.part(s)
	return r.String()
}

// PaymentReason is why an 835 claim payment moves its claim: CLP02 with
// its description, then each adjustment's group and CARC (claim and
// service CAS, each once) and each remark code (RARC: MIA, MOA, LQ*HE),
// with their descriptions.
func PaymentReason(cp *edigw.ClaimPayment) string {
	r := newReason("835")
	r.code("CLP02", codes.ClaimStatus, cp.StatusCode)
	seen := map[string]bool{}
	adjust := func(as []edigw.Adjustment) {
		for _, a := range as {
			g, c := codes.AdjustmentGroup.Describe(a.Group), codes.CARC.Describe(a.Reason)
			if g == "" || c == "" || seen[a.Group+"-"+a.Reason] {
				continue
			}
			seen[a.Group+"-"+a.Reason] = true
			r.part("CARC " + a.Group + "-" + a.Reason + " (" + g + ": " + c + ")")
		}
	}
	remark := func(rs []string) {
		for _, c := range rs {
			if !seen[c] {
				seen[c] = true
				r.code("RARC", codes.RARC, c)
			}
		}
	}
	adjust(cp.Adjustments)
	for i := range cp.Services {
		adjust(cp.Services[i].Adjustments)
	}
	if cp.Inpatient != nil {
		remark(cp.Inpatient.RemarkCodes)
	}
	if cp.Outpatient != nil {
		remark(cp.Outpatient.RemarkCodes)
	}
	for i := range cp.Services {
		remark(cp.Services[i].RemarkCodes)
	}
	return r.String()
}
