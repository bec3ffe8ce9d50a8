package edigw

import "time"

// ClaimFilter narrows a claim listing (GET /v1/claims): every field set
// must hold. The listing is a cursor feed in ID order, inside the reader's
// scope whatever the filter says: a patient control number finds the
// scope's claims with that number, never another provider's.
type ClaimFilter struct {
	Statuses             []ClaimStatus // any of them; none: every status
	PatientControlNumber string        // CLM01, exactly
	NPI                  string        // the billing provider's NPI
	// From and To bound the dates of service: a claim is listed when its
	// service period overlaps [From, To] (zero: unbounded).
	From, To time.Time
	After    int64 // the cursor: claims with ID > After
	Limit    int
}
