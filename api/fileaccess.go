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
// it (else lacking names the first kind whose entitlement it lacks); a
// file with no known provider is nobody's. A
// provider named by its NPI alone is in the scope of a token of the TIN
// the operator declared that NPI under, as the requests and inquiries
// that name it are (decision 0024): declared answers that, and is asked
// only for such a provider.
func MayReadFile(ctx context.Context, declared providerDeclarer, tok *edigw.Token, aud *edigw.Audience) (inScope bool, lacking string, err error) {
	if len(aud.Providers) == 0 {
		return false, "", nil
	}
	for _, p := range aud.Providers {
		if tok.Scope.Covers(p.TIN, p.NPI) {
			continue
		}
		if p.TIN != "" || p.NPI == "" {
			return false, "", nil
		}
		ok, err := anyTINDeclares(ctx, declared, tok.Scope.TINs, p.NPI)
		if err != nil || !ok {
			return false, "", err
		}
	}
	for _, subject := range aud.Subjects {
		if !tok.Allows(subjectEntitlement[subject]) {
			return true, subject, nil
		}
	}
	return true, "", nil
}

// anyTINDeclares reports whether the operator declared npi under one of
// tins.
func anyTINDeclares(ctx context.Context, declared providerDeclarer, tins []string, npi string) (bool, error) {
	for _, tin := range tins {
		if ok, err := declared.ProviderDeclared(ctx, tin, npi); err != nil || ok {
			return ok, err
		}
	}
	return false, nil
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
