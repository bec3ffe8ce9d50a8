package clearinghouse

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"testing"

	"github.com/edigw/edigw"
)

// loads records what a batcher hands the ingest, call by call.
type loads struct {
	edigw.Ingest // not called by the batcher
	calls        []string
	sizes        []int
}

func (l *loads) AddClaims(_ context.Context, cs []*edigw.Claim) error {
	l.calls, l.sizes = append(l.calls, "claims"), append(l.sizes, len(cs))
	return nil
}

func (l *loads) AddRemittances(_ context.Context, rms []*edigw.Remittance) error {
	l.calls, l.sizes = append(l.calls, "remittances"), append(l.sizes, len(rms))
	return nil
}

func (l *loads) AddAuthorizations(_ context.Context, as []*edigw.AuthorizationRequest) error {
	l.calls, l.sizes = append(l.calls, "authorizations"), append(l.sizes, len(as))
	return nil
}

func (l *loads) AddEligibilityResponses(_ context.Context, rs []*edigw.EligibilityResponse) error {
	l.calls, l.sizes = append(l.calls, "eligibility"), append(l.sizes, len(rs))
	return nil
}

func (l *loads) AddAcknowledgments(_ context.Context, as []*edigw.Acknowledgment) error {
	l.calls, l.sizes = append(l.calls, "acknowledgments"), append(l.sizes, len(as))
	return nil
}

// TestBatcherFlushesRemittancesByPayments: remittances are held by the
// claim payments they carry (a 5,000-payment 835 set is a batch of its
// own), records go out after those they may refer to, and records without
// a payer take the partner's.
func TestBatcherFlushesRemittancesByPayments(t *testing.T) {
	l := &loads{}
	b := newBatcher(context.Background(), l, 2000, edigw.Cigna)
	remit := func(payments int) *edigw.Remittance {
		return &edigw.Remittance{Claims: make([]edigw.ClaimPayment, payments)}
	}
	claim := &edigw.Claim{PatientControlNumber: "X"}
	for _, step := range []func() error{
		func() error { return b.claim(claim) },
		func() error { return b.remittance(remit(1500)) },
		func() error { return b.remittance(remit(1500)) }, // 3,000 payments held: flush (after the claim)
		func() error { return b.remittance(remit(5000)) }, // one set over the batch: flush alone
		func() error { return b.remittance(remit(10)) },
		func() error { return b.acknowledgment(&edigw.Acknowledgment{Kind: edigw.Ack999}) },
		b.flush,
	} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	wantCalls := []string{"claims", "remittances", "remittances", "acknowledgments", "remittances"}
	wantSizes := []int{1, 2, 1, 1, 1}
	if !slices.Equal(l.calls, wantCalls) || !slices.Equal(l.sizes, wantSizes) {
		t.Errorf("loads %v %v, want %v %v", l.calls, l.sizes, wantCalls, wantSizes)
	}
	if claim.PayerID != edigw.Cigna || b.accepted != 6 {
		t.Errorf("payer %q, accepted %d", claim.PayerID, b.accepted)
	}
}

// TestHeldAcknowledgmentsSpill: an acknowledgment past the spool's limit
// waits on disk, reads back whole for every attempt to store it, with its
// digest and size computed as it was written.
func TestHeldAcknowledgmentsSpill(t *testing.T) {
	buf := newAckBuffer()
	defer buf.close()
	want := bytes.Repeat([]byte("STC*A2:20*20260306*WQ*100~\n"), 10_000) // 270 KB
	for _, small := range []bool{true, false} {
		w, _ := buf.sink("277ca", fmt.Sprint(small))
		data := want
		if small {
			data = want[:100]
		}
		for chunk := range slices.Chunk(data, 4096) {
			if _, err := w.Write(chunk); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	for _, h := range buf.list() {
		want := want
		if h.ref == "true" {
			want = want[:100]
		}
		if h.OnDisk() != (h.ref == "false") {
			t.Errorf("%s: on disk %v", h.ref, h.OnDisk())
		}
		for range 2 {
			got, err := io.ReadAll(h.Reader())
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("%s: %d bytes back, want %d (%v)", h.ref, len(got), len(want), err)
			}
		}
		if sum := sha256.Sum256(want); h.sha256() != hex.EncodeToString(sum[:]) || h.Len() != int64(len(want)) {
			t.Errorf("%s: digest or size wrong", h.ref)
		}
	}
}
