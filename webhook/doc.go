// Package webhook pushes the event feed to billing systems: each
// subscription (a URL, the event kinds it wants, optionally a digest
// schedule) gets, at least once and in feed order, exactly the events its
// token reads from GET /v1/events, each signed by the Standard Webhooks
// convention (sign.go). Workers (worker.go) lease one subscription at a
// time from PostgreSQL, so several serve instances share the work and a
// subscription is delivered by one of them at a time; a crash leaves a
// lease that expires, and the next holder delivers again from the saved
// cursor: a redelivery, never a loss. Failures are retried with backoff and
// jitter (backoff.go) for up to 24 hours, then the subscription is
// disabled. Digests (digest.go) summarize a period's claims and
// authorizations on a daily or weekly schedule in a time zone.
//
// The package declares the store it needs (Store) and imports only the
// domain: storage.DB implements it and cmd wires the two.
package webhook
