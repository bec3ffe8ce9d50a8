package payers

import "time"

// AppealKind is the track an appeal of an adverse decision takes.
type AppealKind string

const (
	AppealExpedited        AppealKind = "expedited"
	AppealStandardCustomer AppealKind = "standard_customer" // filed by the member
	AppealStandardProvider AppealKind = "standard_provider" // filed by the provider
)

// AppealDeadline is the last day to file an appeal of an adverse decision
// made at adverseDecision (180 days for 62308). Until an appeal is
// received a reconsideration may be asked for at any time; that needs no
// deadline.
func (p *Profile) AppealDeadline(adverseDecision time.Time) time.Time {
	return adverseDecision.AddDate(0, 0, p.Appeals.FilingDays)
}

// AppealTurnaround is how long the payer takes to decide an appeal of the
// kind; zero for a kind it does not know.
func (p *Profile) AppealTurnaround(kind AppealKind) time.Duration {
	const day = 24 * time.Hour
	switch kind {
	case AppealExpedited:
		return time.Duration(p.Appeals.ExpeditedHours) * time.Hour
	case AppealStandardCustomer:
		return time.Duration(p.Appeals.StandardCustomerDays) * day
	case AppealStandardProvider:
		return time.Duration(p.Appeals.StandardProviderDays) * day
	}
	return 0
}
