package mapping

import (
	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

// remitRules reads an 835 set for its rules (rulesonly.go): the
// remitBuilder's fields that paymentIssues and remittanceIssues read (the
// amounts, BPR03, each claim's CLP01), into one Remittance reused from set
// to set.
type remitRules struct {
	set  *ig.SetResult
	rm   edigw.Remittance
	have bool // rm is the set's (remitBuilder's rm != nil)
	// claim and svc are the open claim and service, -1 for none.
	claim, svc int
	at         remitSpots
	str        arena // the set's strings
	// settled claims have had their balancing checked (claimBalanceIssues,
	// into early) and their payments added up (paid): a claim is checked
	// when the next one starts, while it is still in the cache, instead of
	// in one pass over the set's claims at its end, while the walk waits.
	settled int
	early   []*Issue
	paid    edigw.Amount
}

// settle checks the claims read so far but the open one: every segment
// after a claim's CLP up to the next CLP is the claim's, or no claim's.
func (b *remitRules) settle(upTo int) {
	for ; b.settled < upTo; b.settled++ {
		b.early = claimBalanceIssues(b.early, &b.rm, &b.at, b.settled)
		b.paid += b.rm.Claims[b.settled].Paid
	}
}

// issues are the issues of the remittance take gave, those of
// paymentIssues then remittanceIssues, in their order.
func (b *remitRules) issues() []*Issue {
	b.settle(len(b.rm.Claims))
	out := paymentIssuesPaid(&b.rm, &b.at, b.paid)
	out = append(out, b.early...)
	return paymentBalanceIssues(out, &b.rm, &b.at, b.paid)
}

// take ends the set: its remittance and where its parts are, nil when the
// set had none; valid until the next set starts.
func (b *remitRules) take(s *ig.SetResult) (*edigw.Remittance, *remitSpots) {
	if b.set != s {
		return nil, nil
	}
	b.set = nil
	if !b.have {
		return nil, nil
	}
	b.have = false
	return &b.rm, &b.at
}

// remitEvent says whether remitRules reads ev: an 835 segment in its
// guide, the set's first (which starts the remittance) or one it reads.
func remitEvent(ev *ig.Event, last *ig.SetResult) bool {
	if ev.Set == nil || ev.Walker == nil || ev.Set.Header.ID != "835" || ev.Match.Def == nil {
		return false
	}
	switch ev.Seg.ID() {
	case "BPR", "LX", "CLP", "CAS", "SVC", "PLB":
		return true
	}
	return ev.Set != last
}

func (b *remitRules) segment(ev *ig.Event) {
	if remitEvent(ev, b.set) {
		b.next(ev.Seg, ev.Match.Loop.ID, ev.Set)
	}
}

// next reads segment s of set, found in loop.
func (b *remitRules) next(s *edi.Segment, loop string, set *ig.SetResult) {
	if b.set != set {
		b.start(set)
	}
	rm := &b.rm
	switch s.ID() {
	case "BPR":
		b.at.bpr = spotAt(s, loop)
		rm.CreditDebit = b.str.str(s.Element(3))
		rm.PaymentAmount = amountOf(s.Element(2))
	case "LX":
		b.claim, b.svc = -1, -1
	case "CLP":
		b.settle(len(rm.Claims))
		b.at.claims = append(b.at.claims, spot{})
		b.at.claims[len(b.at.claims)-1].set(s, loop)
		n := len(rm.Claims)
		var spots []spot
		if n < cap(b.at.services) {
			spots = b.at.services[:n+1][n][:0]
		}
		b.at.services = append(b.at.services, spots)
		// Only these fields are ever set: a claim reused needs no more
		// than them reset (the struct is large).
		if n < cap(rm.Claims) {
			rm.Claims = rm.Claims[:n+1]
		} else {
			rm.Claims = append(rm.Claims, edigw.ClaimPayment{})
		}
		c := &rm.Claims[n]
		c.PatientControlNumber, c.Charge, c.Paid = b.str.str(s.Element(1)), amountOf(s.Element(3)), amountOf(s.Element(4))
		c.Adjustments, c.Services = c.Adjustments[:0], c.Services[:0]
		b.claim, b.svc = n, -1
	case "CAS":
		var to *[]edigw.Adjustment
		switch {
		case b.svc >= 0 && loop == "2110":
			to = &rm.Claims[b.claim].Services[b.svc].Adjustments
		case b.claim >= 0:
			to = &rm.Claims[b.claim].Adjustments
		default:
			return
		}
		for i := 2; i+1 <= s.Len(); i += 3 {
			if len(s.Element(i)) == 0 {
				continue
			}
			*to = append(*to, edigw.Adjustment{Amount: amountOf(s.Element(i + 1))})
		}
	case "SVC":
		if b.claim >= 0 {
			c := &rm.Claims[b.claim]
			n := len(c.Services)
			if n < cap(c.Services) {
				c.Services = c.Services[:n+1]
			} else {
				c.Services = append(c.Services, edigw.ServicePayment{})
			}
			sp := &c.Services[n]
			sp.Charge, sp.Paid, sp.Adjustments = amountOf(s.Element(2)), amountOf(s.Element(3)), sp.Adjustments[:0]
			if k := len(b.at.services); k > 0 {
				b.at.services[k-1] = append(b.at.services[k-1], spot{})
				sv := b.at.services[k-1]
				sv[len(sv)-1].set(s, loop)
			}
			b.svc = n
		}
	case "PLB":
		for i := 3; i+1 <= s.Len(); i += 2 {
			if len(s.Element(i)) == 0 {
				continue
			}
			rm.ProviderAdjusts = append(rm.ProviderAdjusts, edigw.ProviderAdjust{Amount: amountOf(s.Element(i + 1))})
		}
	}
}

// start begins set s with the remittance emptied, its slices kept.
func (b *remitRules) start(s *ig.SetResult) {
	b.str.reset()
	b.rm = edigw.Remittance{Claims: b.rm.Claims[:0], ProviderAdjusts: b.rm.ProviderAdjusts[:0]}
	b.at = remitSpots{claims: b.at.claims[:0], services: b.at.services[:0]}
	b.set, b.have, b.claim, b.svc = s, true, -1, -1
	b.settled, b.early, b.paid = 0, b.early[:0], 0
}

// amountOf is edigw.ParseAmount's amount (zero when it is not one), as the
// builders read it. The usual form (an optional minus, up to 15 digits,
// an optional point and up to two digits) is read here without making a
// string; anything else goes to ParseAmount.
func amountOf(v []byte) edigw.Amount {
	if len(v) == 0 {
		return 0 // ParseAmount's error, without allocating it
	}
	b := v
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	i := 0
	var whole int64
	for i < len(b) && i < 16 && b[i] >= '0' && b[i] <= '9' {
		whole = whole*10 + int64(b[i]-'0')
		i++
	}
	var cents int64
	ok := i >= 1 && i <= 15
	if ok && i < len(b) {
		ok = b[i] == '.' && len(b)-i-1 <= 2
		for _, c := range b[i+1:] {
			ok = ok && c >= '0' && c <= '9'
		}
		if ok {
			d := b[i+1:]
			if len(d) >= 1 {
				cents = int64(d[0]-'0') * 10
			}
			if len(d) == 2 {
				cents += int64(d[1] - '0')
			}
		}
	}
	if !ok {
		a, _ := edigw.ParseAmount(view(v))
		return a
	}
	a := edigw.Amount(whole*100 + cents)
	if neg {
		a = -a
	}
	return a
}
