package mapping

import "github.com/edigw/edigw"

// ClaimStatusInquiryFor is the 276 inquiry about a claim the gateway
// holds: its payer, its submitter as the information receiver, its billing
// provider (by NPI, else by TIN), its subscriber and patient, its patient
// control number, charge and dates of service. The trace number is left
// to the store, which assigns its own.
func ClaimStatusInquiryFor(c *edigw.Claim) *edigw.ClaimStatusInquiry {
	q := &edigw.ClaimStatusInquiry{PayerID: c.PayerID,
		Payer:    edigw.Party{Name: c.Payer.Name, EntityType: "2", IDQualifier: "PI", ID: string(c.PayerID)},
		Receiver: edigw.Party{Name: c.Submitter.Name, EntityType: entityType(c.Submitter), FirstName: c.Submitter.FirstName, IDQualifier: "46", ID: c.Submitter.ID},
	}
	p := c.BillingProvider
	q.Provider = edigw.Party{Name: p.Name, EntityType: entityType(p), FirstName: p.FirstName, IDQualifier: "XX", ID: p.NPI()}
	if q.Provider.ID == "" {
		q.Provider.IDQualifier, q.Provider.ID = "FI", p.TaxID
	}
	q.Subscriber = edigw.Person{LastName: c.Subscriber.LastName, FirstName: c.Subscriber.FirstName, MiddleName: c.Subscriber.MiddleName,
		Suffix: c.Subscriber.Suffix, MemberID: c.Subscriber.MemberID}
	if c.Patient != nil {
		q.Patient = &edigw.Person{LastName: c.Patient.LastName, FirstName: c.Patient.FirstName, MiddleName: c.Patient.MiddleName,
			Suffix: c.Patient.Suffix, BirthDate: c.Patient.BirthDate, Gender: c.Patient.Gender}
	} else {
		q.Subscriber.BirthDate, q.Subscriber.Gender = c.Subscriber.BirthDate, c.Subscriber.Gender
	}
	q.PatientControlNumber = c.PatientControlNumber
	charge := c.TotalCharge
	q.Charge = &charge
	for _, l := range c.Lines {
		if l.ServiceDate == nil || l.ServiceDate.From == "" {
			continue
		}
		to := l.ServiceDate.To
		if to == "" {
			to = l.ServiceDate.From
		}
		if q.ServiceDate == nil {
			q.ServiceDate = &edigw.Period{From: l.ServiceDate.From, To: to}
			continue
		}
		q.ServiceDate.From, q.ServiceDate.To = min(q.ServiceDate.From, l.ServiceDate.From), max(q.ServiceDate.To, to)
	}
	return q
}
