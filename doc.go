// Package edigw is the domain of the edigw X12 EDI gateway: the records an
// authorization, claim and remittance story is made of, keyed on the payer ID,
// and the interfaces (records store, object store, control-number allocator)
// that the storage, clearinghouse and api packages implement.
//
// The domain imports none of edi, pgx or the AWS SDK; everything points here.
package edigw
