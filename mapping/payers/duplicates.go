package payers

// Duplicates says what a duplicate claim does (decision 0019): a claim
// of the same billing provider, patient, patient control number, dates of
// service and charge as one seen before. Warn (the default, also when
// the profile says nothing) keeps the claim and reports it; reject
// rejects it in the 277CA with Status.
type Duplicates struct {
	Action string `json:"action,omitempty"` // warn or reject
	// Status is the 277 STC01 a rejected duplicate gets (default A3:78,
	// duplicate of an existing claim, awaiting processing).
	Status string `json:"status,omitempty"`
}

// DefaultDuplicateStatus is the 277CA status of a rejected duplicate.
const DefaultDuplicateStatus = "A3:78"

// Rejects reports whether a duplicate is rejected rather than warned of.
func (d Duplicates) Rejects() bool { return d.Action == "reject" }

// RejectStatus is the 277CA status a rejected duplicate gets.
func (d Duplicates) RejectStatus() string {
	if d.Status != "" {
		return d.Status
	}
	return DefaultDuplicateStatus
}
