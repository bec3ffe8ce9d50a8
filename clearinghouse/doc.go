// Package clearinghouse is the exchange: object stores (S3, local
// directory), inbound processing, outbound batching, and ack reconciliation.
// Its S3 tests need an S3-compatible server: run them with `make test` (see
// internal/testenv).
package clearinghouse
