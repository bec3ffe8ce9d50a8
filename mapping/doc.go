// Package mapping translates between X12 transaction sets and edigw's
// records: 837P/I/D claims, 835 remittances, 278 authorization requests and
// decisions, and acknowledgments. It reads through the validating walker
// (edi/ig), so every record comes from a set whose structure is known, and
// it streams: a callback receives each record as soon as it is complete.
package mapping
