package clearinghouse

import (
	"context"
	"errors"
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
)

// enter enters each interchange in the ledger at its ISA, before any of
// its records (mapping.Handlers.Interchange): one seen before (in an
// earlier file, in this file, or in a file another instance is
// committing) answers ErrDuplicateInterchange, and the mapper skips it
// with a TA1 025.
func enter(ctx context.Context, ing edigw.Ingest) func(edi.InterchangeHeader) error {
	return func(h edi.InterchangeHeader) error {
		return ing.Interchange(ctx, edigw.Interchange{SenderQualifier: h.SenderQualifier, SenderID: h.SenderID,
			ReceiverQualifier: h.ReceiverQualifier, ReceiverID: h.ReceiverID, ControlNumber: h.ControlNumber})
	}
}

// enteredBy answers, for a committed file whose acknowledgments are being
// rebuilt, which of its interchanges were duplicates on the first pass:
// those the ledger holds for another file (or not at all). The answer is
// the ledger's, not a second insert: the file's own interchanges are
// there, committed with its records. An interchange repeated inside the
// file was a duplicate of its first occurrence.
func (p *Pipeline) enteredBy(ctx context.Context, f *edigw.File) func(edi.InterchangeHeader) error {
	seen := map[[5]string]bool{}
	return func(h edi.InterchangeHeader) error {
		ic := [5]string{h.SenderQualifier, strings.TrimSpace(h.SenderID), h.ReceiverQualifier, strings.TrimSpace(h.ReceiverID), h.ControlNumber}
		if seen[ic] {
			return edigw.ErrDuplicateInterchange
		}
		seen[ic] = true
		var id int64
		err := p.retry(ctx, "interchange "+h.ControlNumber, func() error {
			var err error
			id, err = p.Store.InterchangeFile(ctx, f.PayerID, edigw.Interchange{SenderQualifier: h.SenderQualifier,
				SenderID: h.SenderID, ReceiverQualifier: h.ReceiverQualifier, ReceiverID: h.ReceiverID, ControlNumber: h.ControlNumber})
			return err
		})
		switch {
		case errors.Is(err, edigw.ErrNotFound), err == nil && id != f.ID:
			return edigw.ErrDuplicateInterchange
		}
		return err
	}
}
