// Package edi reads and writes X12 at the syntax level: delimiters, segments,
// elements, components and repetitions, and the ISA/GS/ST envelopes around
// them. It knows nothing of HIPAA implementation guides; those live in the
// packages above it.
//
// The Reader works like bufio.Scanner: Next returns one segment at a time,
// backed by a reused buffer, so memory is bounded by the longest segment and
// not by the size of the file. The Writer and EnvelopeWriter produce
// segments and envelopes with control numbers and counts filled in. The
// EnvelopeChecker applies the SNIP level 1 envelope rules and reports typed
// errors that carry the exact position and the code a TA1 or 999 would carry.
package edi
