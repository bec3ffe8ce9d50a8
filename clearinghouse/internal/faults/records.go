package faults

import (
	"context"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/storage"
)

// Records wraps a record store so that a test can stop (or fail) an
// ingest at a chosen step: after a bulk load, after the commit, before an
// outbound file's records are assigned. Hooks that block hold the process
// there, for a parent to kill.
type Records struct {
	*storage.DB
	// AfterLoad runs after each bulk load of an ingest that succeeded
	// (claims, remittances, authorizations, acknowledgments), with the
	// number of loads so far in that ingest.
	AfterLoad func(loads int) error
	// AfterCommit runs after an ingest committed.
	AfterCommit func(*edigw.IngestResult)
	// BeforeMarkSent runs ahead of MarkSent.
	BeforeMarkSent func() error
}

func (r *Records) BeginIngest(ctx context.Context, f *edigw.File) (edigw.Ingest, error) {
	ing, err := r.DB.BeginIngest(ctx, f)
	if err != nil {
		return nil, err
	}
	return &ingest{Ingest: ing, r: r}, nil
}

func (r *Records) MarkSent(ctx context.Context, subject string, ids []int64, fileID int64, ic edigw.Interchange, group, set string) error {
	if r.BeforeMarkSent != nil {
		if err := r.BeforeMarkSent(); err != nil {
			return err
		}
	}
	return r.DB.MarkSent(ctx, subject, ids, fileID, ic, group, set)
}

type ingest struct {
	edigw.Ingest
	r     *Records
	loads int
}

func (in *ingest) loaded(err error) error {
	if err != nil || in.r.AfterLoad == nil {
		return err
	}
	in.loads++
	return in.r.AfterLoad(in.loads)
}

func (in *ingest) AddClaims(ctx context.Context, claims []*edigw.Claim) error {
	return in.loaded(in.Ingest.AddClaims(ctx, claims))
}

func (in *ingest) AddRemittances(ctx context.Context, rms []*edigw.Remittance) error {
	return in.loaded(in.Ingest.AddRemittances(ctx, rms))
}

func (in *ingest) AddAuthorizations(ctx context.Context, reqs []*edigw.AuthorizationRequest) error {
	return in.loaded(in.Ingest.AddAuthorizations(ctx, reqs))
}

func (in *ingest) AddAcknowledgments(ctx context.Context, acks []*edigw.Acknowledgment) error {
	return in.loaded(in.Ingest.AddAcknowledgments(ctx, acks))
}

func (in *ingest) AddEligibilityResponses(ctx context.Context, rs []*edigw.EligibilityResponse) error {
	return in.loaded(in.Ingest.AddEligibilityResponses(ctx, rs))
}

func (in *ingest) Commit(ctx context.Context, sha256 string, size int64) (*edigw.IngestResult, error) {
	res, err := in.Ingest.Commit(ctx, sha256, size)
	if err == nil && in.r.AfterCommit != nil {
		in.r.AfterCommit(res)
	}
	return res, err
}
