package mapping

import "github.com/edigw/edigw"

// paymentIssues checks an 835's financial information (BPR) against
// itself and its claims (decision 0019): BPR02 is never negative (a
// payment taken back is BPR03 D with a positive amount), and BPR03 agrees
// with the money: C (credit) when the claims' payments less the provider
// adjustments come to zero or more, D (debit) when they come to less than
// zero, and a debit of nothing is no debit. They are errors, not
// warnings as the balancing rules are (validate and translate count them
// as errors), but like every 835 rule they do not reject the set: the
// payer's statement of what it paid is kept as sent, and the issue says
// where it is wrong (Issue). Messages name the elements, never a value.
func paymentIssues(rm *edigw.Remittance, at *remitSpots) []*Issue {
	return paymentIssuesPaid(rm, at, claimsPaid(rm))
}

// paymentIssuesPaid is paymentIssues with the claims' payments added up
// already (paid, claimsPaid's), as the rules-only builder does claim by
// claim.
func paymentIssuesPaid(rm *edigw.Remittance, at *remitSpots, paid edigw.Amount) []*Issue {
	var out []*Issue
	if rm.PaymentAmount < 0 {
		out = append(out, issueAt(at.header(), 2, "payment-negative", 3, "", 0, "paymentAmount", stcRemittanceBalance,
			"the payment amount (BPR02) is negative: money taken back is a debit (BPR03 D) of a positive amount"))
	}
	net := paid
	for _, p := range rm.ProviderAdjusts {
		net -= p.Amount
	}
	switch rm.CreditDebit {
	case "C":
		if net < 0 {
			out = append(out, issueAt(at.header(), 3, "credit-debit", 3, "", 0, "creditDebit", stcRemittanceBalance,
				"the payment is a credit (BPR03 C) but the claims' payments (CLP04) less the provider adjustments (PLB) are below zero"))
		}
	case "D":
		if net >= 0 || rm.PaymentAmount == 0 {
			out = append(out, issueAt(at.header(), 3, "credit-debit", 3, "", 0, "creditDebit", stcRemittanceBalance,
				"the payment is a debit (BPR03 D) but the claims' payments (CLP04) less the provider adjustments (PLB) are not below zero, or the amount (BPR02) is zero"))
		}
	}
	return out
}
