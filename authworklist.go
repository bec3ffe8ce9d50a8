package edigw

import "time"

// AuthorizationFilter narrows the prior-authorization worklist (GET
// /v1/authorizations, the console's worklist): every field set must hold,
// and the listing stays inside the reader's scope whatever it says.
type AuthorizationFilter struct {
	// Statuses are the worklist tab: any of them; none is the All tab.
	Statuses []AuthorizationStatus
	// Query is the search box: a request ID, an authorization
	// (certification) number, a trace number, or a patient's name or
	// member ID.
	Query         string
	Patient       string // a patient's name (either part, prefix) or member ID
	Procedure     string // a requested service's procedure code, exactly
	OrderingNPI   string // the ordering (requesting) provider's NPI
	SiteOfService string // the place of service code, or the facility's NPI
	// From and To bound when the request was submitted (received), days
	// inclusive (zero: unbounded).
	From, To time.Time
	// After is the cursor: the listing is newest first, and a page holds
	// the requests with ID < After (0: from the newest).
	After int64
	Limit int
}

// AuthorizationListItem is one row of the worklist, with the payer
// portal's columns.
type AuthorizationListItem struct {
	ID              int64               `json:"id,string"`                 // Request ID
	AuthorizationID string              `json:"authorizationId,omitempty"` // the certification number (HCR02)
	Patient         string              `json:"patient"`                   // the patient's (or subscriber's) name
	Status          AuthorizationStatus `json:"status"`
	Submitted       time.Time           `json:"submitted"`
	EndDate         string              `json:"endDate,omitempty"` // validThrough, CCYY-MM-DD
	Procedure       string              `json:"procedure,omitempty"`
	// OrderingProvider is the requesting provider's name and NPI.
	OrderingProvider string  `json:"orderingProvider,omitempty"`
	OrderingNPI      string  `json:"orderingNpi,omitempty"`
	SiteOfService    string  `json:"siteOfService,omitempty"`
	Insurer          string  `json:"insurer"` // the payer's name
	PayerID          PayerID `json:"payerId"`
	// SiteOfService is PlaceOfService (UM04-1) when the request has one,
	// else FacilityNPI (2010EA FA).
	PlaceOfService string `json:"placeOfService,omitempty"`
	FacilityNPI    string `json:"facilityNpi,omitempty"`
	MemberID       string `json:"memberId,omitempty"`    // the subscriber's member ID
	TraceNumber    string `json:"traceNumber,omitempty"` // the requester's TRN02
}

// AuthorizationStatuses are the worklist's tabs other than All, in the
// portal's order.
var AuthorizationStatuses = []AuthorizationStatus{
	AuthPending, AuthApproved, AuthPartiallyApproved, AuthDenied, AuthCancelled,
}

// AuthorizationCounts are the worklist's tab counts for a filter: per
// status, and All.
type AuthorizationCounts struct {
	ByStatus map[AuthorizationStatus]int `json:"byStatus"`
	All      int                         `json:"all"`
}
