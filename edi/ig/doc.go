// Package ig holds the HIPAA 5010 implementation guides as data and the one
// engine that walks any of them.
//
// A guide (one file per guide: x222a1_837p.go, x221a1_835.go ...) is a tree
// of loops and segments built with the package's unexported constructors
// (loop, seg, elem, composite, unused). Each node states what the TR3 says
// of it: usage (required, situational, not used), maximum use or loop
// repeat, and for elements their data type, lengths and the codes the guide
// allows. Nothing in a guide file is code that parses. Other packages read
// guides (Guide, Loop, Segment, Element) and do not build them.
//
// A Registry holds guides by transaction set and version: NewRegistry
// checks each guide and computes its recognition keys, Standard is the
// registry of the 5010 guides (277CA, 278 request and response, 835, 837P,
// 837I, 837D, 999). A Validator or Walker reads with the registry in its
// Guides field, or with Standard when that is nil.
//
// The Validator reads an input once (edi.Reader), checks its envelopes
// (edi.EnvelopeChecker) and hands each transaction set to the Walker, which
// recognizes loops by their first segment and its qualifier codes (HL03,
// NM101, ...) and reports SNIP level 1 and 2 errors as *edi.Error values
// with the segment's loop path and the IK304/IK403 code a 999 carries.
// Results come back through the Validator's callbacks as each set, group
// and interchange ends, so memory is bounded by one transaction set.
// CheckSegment checks the TA1, which lives outside any set, against
// TA1Segment.
package ig
