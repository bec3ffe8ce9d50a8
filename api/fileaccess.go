package api

import (
	"context"
	"errors"
	"io"

	"github.com/edigw/edigw"
)

// MayReadFile is the API's rule for a file, for the web console too (one
// rule, two front ends): a token may read a file when every provider of
// its audience is in the token's scope (else the file is as absent:
// inScope false) and it holds the entitlement of each kind of record in
// it (else lacking names the first kind whose entitlement it lacks).
func MayReadFile(tok *edigw.Token, aud *edigw.Audience) (inScope bool, lacking string) {
	if !covers(tok.Scope, aud.Providers) {
		return false, ""
	}
	for _, subject := range aud.Subjects {
		if !tok.Allows(subjectEntitlement[subject]) {
			return true, subject
		}
	}
	return true, ""
}

// OpenFile opens a file where it rests now, its bytes checked against
// the digest the ledger recorded before any is returned
// (edigw.ErrDigestMismatch when they differ, edigw.ErrObjectNotFound when
// it is gone).
func OpenFile(ctx context.Context, objects edigw.ObjectStore, f *edigw.File) (io.ReadCloser, error) {
	var err error
	for _, key := range restingKeys(f) {
		var rc io.ReadCloser
		if rc, err = objects.Get(ctx, key); err == nil {
			return verified(rc, key, f.SHA256)
		}
		if !errors.Is(err, edigw.ErrObjectNotFound) {
			break
		}
	}
	return nil, err
}
