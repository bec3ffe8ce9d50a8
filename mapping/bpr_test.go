package mapping

import (
	"testing"

	"github.com/edigw/edigw"
)

// TestPaymentIssues: BPR02 is never negative and BPR03 agrees with the
// claims' payments less the provider adjustments.
func TestPaymentIssues(t *testing.T) {
	claims := func(paid ...edigw.Amount) []edigw.ClaimPayment {
		var out []edigw.ClaimPayment
		for _, p := range paid {
			out = append(out, edigw.ClaimPayment{Paid: p})
		}
		return out
	}
	for _, c := range []struct {
		name   string
		rm     edigw.Remittance
		issues []string
	}{
		{"credit", edigw.Remittance{PaymentAmount: 100, CreditDebit: "C", Claims: claims(60, 40)}, nil},
		{"zero notification", edigw.Remittance{PaymentAmount: 0, CreditDebit: "C", Claims: claims(0)}, nil},
		{"debit", edigw.Remittance{PaymentAmount: 50, CreditDebit: "D", Claims: claims(-100, 50)}, nil},
		{"negative", edigw.Remittance{PaymentAmount: -50, CreditDebit: "C", Claims: claims(-100, 50)},
			[]string{"payment-negative", "credit-debit"}},
		{"credit of a negative net", edigw.Remittance{PaymentAmount: 50, CreditDebit: "C", Claims: claims(-50)}, []string{"credit-debit"}},
		{"debit of a positive net", edigw.Remittance{PaymentAmount: 50, CreditDebit: "D", Claims: claims(50)}, []string{"credit-debit"}},
		{"debit of nothing", edigw.Remittance{PaymentAmount: 0, CreditDebit: "D", Claims: claims(0)}, []string{"credit-debit"}},
	} {
		got := paymentIssues(&c.rm, nil)
		var rules []string
		for _, is := range got {
			rules = append(rules, is.Rule)
			if is.Warning || is.Level != 3 || is.Err.Element == 0 {
				t.Errorf("%s: %+v", c.name, is)
			}
		}
		if len(rules) != len(c.issues) || len(rules) > 0 && rules[0] != c.issues[0] {
			t.Errorf("%s: %v, want %v", c.name, rules, c.issues)
		}
		if c.name == "debit" {
			for _, is := range remittanceIssues(&c.rm, nil) {
				if is.Rule == "payment-balance" {
					t.Errorf("a debit does not balance: %v", is)
				}
			}
		}
	}
}
