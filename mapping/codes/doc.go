// Package codes holds the X12 and external code lists that 5010 health care
// files carry (claim adjustment reasons, remark codes, place of service, 278
// actions, 277 claim statuses and others), each code with a short
// description, and format checks for the code sets it cannot list: NPI,
// ICD-10-CM, CPT, HCPCS, CDT, modifiers, revenue codes and taxonomy codes.
//
// Two users: the JSON views, which put a description next to every code,
// and SNIP 5 validation, which asks whether a code is known and whether an
// identifier is well formed. One rule sits here too: the worklist status
// an HCR01 gives (AuthorizationStatus), which mapping and mapping/payers
// share. Lists are built once when the package loads and
// never change; lookups do not allocate.
//
// The descriptions are short restatements, not the maintainers' full text:
// they name what the code means so a reader of a remittance can tell one
// code from another. The code values are exact. Codes that their maintainer
// has retired stay in the lists, marked [Retired], because remittances and
// claims from before the retirement still carry them.
//
// The licensed sets (CPT, CDT, the NUBC lists) and the very large public ones
// (ICD-10-CM, HCPCS) are not listed: for those the package checks the form
// of a code only, never whether it exists.
package codes
