package edigw

// PayerID identifies a payer on electronic transactions (837 NM1*PR NM109,
// 835 N1*PR/REF*2U, 278 NM1*X3). Every record carries one.
type PayerID string

// Cigna is Cigna Healthcare's payer ID for claims (837) and remittance (835).
const Cigna PayerID = "62308"

// Party is an organization or person named on a transaction: a provider,
// submitter, receiver or payer.
type Party struct {
	Name        string   `json:"name"`                  // NM103 (organization or last name)
	EntityType  string   `json:"entityType,omitempty"`  // NM102: 1 person, 2 non-person (derived when empty)
	FirstName   string   `json:"firstName,omitempty"`   // NM104
	MiddleName  string   `json:"middleName,omitempty"`  // NM105
	Suffix      string   `json:"suffix,omitempty"`      // NM107
	IDQualifier string   `json:"idQualifier,omitempty"` // NM108: XX (NPI), PI (payer ID), 46 (ETIN), ...
	ID          string   `json:"id,omitempty"`          // NM109
	TaxID       string   `json:"taxId,omitempty"`       // REF*EI
	Taxonomy    string   `json:"taxonomy,omitempty"`    // PRV03
	Address     *Address `json:"address,omitempty"`
	Contact     *Contact `json:"contact,omitempty"` // PER: submitter, payer technical contact ...
}

// Contact is a PER segment's name and communication numbers.
type Contact struct {
	Name  string `json:"name,omitempty"`
	Phone string `json:"phone,omitempty"` // TE
	Email string `json:"email,omitempty"` // EM
	Fax   string `json:"fax,omitempty"`   // FX
	URL   string `json:"url,omitempty"`   // UR
}

// NPI returns the party's National Provider Identifier, if it has one.
func (p Party) NPI() string {
	if p.IDQualifier == "XX" {
		return p.ID
	}
	return ""
}

// Address is a postal address (N3, N4).
type Address struct {
	Line1      string `json:"line1"`
	Line2      string `json:"line2,omitempty"`
	City       string `json:"city"`
	State      string `json:"state,omitempty"`
	PostalCode string `json:"postalCode,omitempty"`
	Country    string `json:"country,omitempty"` // N404, ISO 3166: only outside the US
}

// Person is a subscriber or patient. These fields are PHI: they go into
// records and acknowledgments, never into logs.
type Person struct {
	LastName   string   `json:"lastName"`
	FirstName  string   `json:"firstName,omitempty"`
	MiddleName string   `json:"middleName,omitempty"`
	Suffix     string   `json:"suffix,omitempty"`
	MemberID   string   `json:"memberId,omitempty"`  // NM109 with NM108 MI
	BirthDate  string   `json:"birthDate,omitempty"` // CCYYMMDD
	Gender     string   `json:"gender,omitempty"`    // F, M, U
	Address    *Address `json:"address,omitempty"`
	// SSN is the subscriber's REF*SY (837 2010BA): PHI like the rest.
	SSN string `json:"ssn,omitempty"`
}

// Period is a date or a date range, CCYYMMDD.
type Period struct {
	From string `json:"from"`
	To   string `json:"to,omitempty"` // empty for a single date
}
