// Package payers holds payer profiles: each payer's prior-authorization
// rules as data, and the checks that run them (SNIP 7 for prior
// authorization). The first profile is Cigna Healthcare, payer ID 62308,
// whose DME and home health authorizations EviCore decides.
//
// # Profiles are data
//
// A profile is one JSON file in data/, named after the payer ID
// (data/62308.json), embedded in the binary and loaded at init: a profile
// that does not load panics before any claim is checked, and
// TestEmbeddedProfilesLoad fails first. Adding a payer is adding a file;
// no code changes. Parse reads and checks one profile from any reader, so
// a file can be tried before it is embedded.
//
// The fields (unknown fields are errors, so a misspelt one is not silently
// ignored):
//
//	payerId, name, reviewer, sources   who the profile is about and where its facts come from
//	priorAuthorization
//	  excludedPlacesOfService           CMS places of service where nothing needs prior
//	                                    authorization (62308: hospital, ASC, SNF, nursing
//	                                    facility, psychiatric and rehabilitation facilities)
//	  excludedBillTypes                 the same for 837I: facility types, the first two
//	                                    digits of the type of bill (CLM05-1)
//	  dmePlaceOfService                 where DME must be billed (62308: 12, home)
//	  categories[]                      what needs prior authorization:
//	    name, kind                      kind is "dme" or "home_health"
//	    codes                           HCPCS/CPT ranges, "E0424-E0447" or "E0455"; both
//	                                    ends of a range have the same shape and letter
//	    placesOfService                 optional: codes count only at these places
//	    revenueCodes, billTypes         optional: 837I lines count by revenue code ("042X"
//	                                    is 0420-0429) on claims of these types of bill
//	    acquisition                     how the items are usually supplied when the
//	                                    modifiers do not say: purchase, daily_rental,
//	                                    monthly_rental
//	    source                          where the code list comes from
//	  findings                          optional: what each rule's findings do, by rule
//	                                    (auth-missing, auth-expired, auth-not-covering,
//	                                    dme-place-of-service): {"action": "warn"} (the
//	                                    default) or {"action": "reject", "claimStatus":
//	                                    "A7:252"}, the 277CA STC01 the rejection carries
//	modifiers[]                         code, meaning, acquisition (purchase, rental,
//	                                    monthly_rental, or none when the modifier does
//	                                    not decide it)
//	dailyUnitBases                      unit bases that make a rental daily (DA)
//	validity                            purchaseDays, dailyRentalDays,
//	                                    monthlyRentalExtraMonths, otherDays, expiringDays
//	                                    (days before validThrough of authorization.expiring)
//	decisions                           standardBusinessDays, urgentHours, calendar
//	                                    ("weekdays" or "us-federal"), holdDays (a pended
//	                                    request's due date when nothing else names one)
//	appeals                             filingDays, expeditedHours,
//	                                    standardCustomerDays, standardProviderDays
//	linesOfBusiness                     default, lines[] (name, regulatory: the rule whose
//	                                    clock covers the line, "CMS-0057-F"), references[]
//	                                    (qualifier, prefix, lineOfBusiness: a subscriber
//	                                    REF that puts a request in a line), note
//	denialReasons                       codes (HCR03 code -> description, beyond or instead of X12's list 886), note
//
// A code or revenue code may belong to one category only (the finding
// names it); Parse rejects overlaps, except between categories limited to
// different places of service.
//
// # What the checks do
//
// AuthorizationCategory says whether a line needs prior authorization;
// AuthorizationValidThrough how long an approved authorization holds;
// DecisionDue, Retrospective, AppealDeadline and AppealTurnaround give the
// payer's times; lifecycle.go puts them together for a stored request
// (FactsOf, ClocksOf, HoldOf, ValidityOf, DenialReasonsOf: what storage
// saves in the lifecycle columns, docs/authorizations.md). CheckClaim runs them over an 837 claim against the
// authorizations a store knows (match.go: inside the claim's payer and
// providers, by its REF*G1, else by member for a claim without one) and
// returns findings (Finding) with a rule (auth-missing, auth-expired,
// auth-not-covering, dme-place-of-service), a precise code, the action the
// profile's findings policy gives the rule (policy.go), and messages that
// name the line (LX01) and the category but nothing of the claim's values.
//
// Only the claim-level REF*G1 is read: the domain's service lines carry no
// line-level prior authorization number.
package payers
