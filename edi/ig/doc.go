// Package ig holds the HIPAA 5010 implementation guides as data and the one
// engine that walks any of them.
//
// A guide (one file per guide: x222a1_837p.go, x221a1_835.go ...) is a tree
// of loops and segments built with Loop, Seg, E, C and X. Each node states
// what the TR3 says of it: usage (required, situational, not used), maximum
// use or loop repeat, and for elements their data type, lengths and the codes
// the guide allows. Nothing in a guide file is code that parses.
//
// The Walker reads a stream of segments (from edi.Reader), recognizes loops
// by their first segment and its qualifier codes (HL03, NM101, ...), and
// reports SNIP level 1 and 2 errors as *edi.Error values with the segment's
// loop path and the IK304/IK403 code a 999 carries.
package ig
