package mapping

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
)

// TestRecordErrorIsOneType: every writer refuses a record with a
// *RecordError that names its kind and place, wraps ErrIncomplete or the
// cause, lists missing fields as text, and repeats no value of the record.
func TestRecordErrorIsOneType(t *testing.T) {
	claim := dmeClaim("PCN-SECRET-1")
	claim.BillingProvider.TaxID = ""
	claim.Lines = nil
	badCode := dmeRequest("TRK-SECRET-2")
	badCode.RequestCategory = "ZZ"
	noPayer := dmeRequest("TRK-SECRET-3")
	noPayer.PayerID, noPayer.Reviewer.ID = "", ""
	remit := dmeRemittance()
	remit.TraceNumber = "EFT-SECRET-4"
	remit.Payer.Contact = nil
	remit.Handling = ""

	cases := []struct {
		name  string
		write func(*bytes.Buffer) error
		kind  RecordKind
		index int
		is    error
		want  string
	}{
		{"837 incomplete", func(b *bytes.Buffer) error {
			return Write837(b, testEnvelope(), []*edigw.Claim{dmeClaim("OK"), claim})
		}, ClaimRecord, 2, ErrIncomplete, "mapping: claim #2 cannot be written: missing billingProvider.taxId (2010AA REF*EI), lines (2400)"},
		{"837 mixed kinds", func(b *bytes.Buffer) error {
			other := dmeClaim("I")
			other.Kind = edigw.Institutional
			return Write837(b, testEnvelope(), []*edigw.Claim{dmeClaim("P"), other})
		}, ClaimRecord, 2, errMixedClaimKinds, "mapping: claim #2 is of another kind than claim #1"},
		{"278 incomplete", func(b *bytes.Buffer) error {
			return Write278(b, testEnvelope(), []*edigw.AuthorizationRequest{noPayer})
		}, AuthorizationRecord, 1, ErrIncomplete, "mapping: authorization request #1 cannot be written: payerId (2010A NM109)"},
		{"278 nil", func(b *bytes.Buffer) error {
			return Write278(b, testEnvelope(), []*edigw.AuthorizationRequest{dmeRequest("OK"), nil})
		}, AuthorizationRecord, 2, errNilRecord, "mapping: authorization request #2 is nil"},
		{"835 incomplete", func(b *bytes.Buffer) error {
			return Write835(b, testEnvelope(), []*edigw.Remittance{remit})
		}, RemittanceRecord, 1, ErrIncomplete, "mapping: remittance #1 cannot be written: missing handling (BPR01), payer.contact (PER*BL"},
	}
	for _, c := range cases {
		var buf bytes.Buffer
		err := c.write(&buf)
		var re *RecordError
		if !errors.As(err, &re) || re.Kind != c.kind || re.Index != c.index || !errors.Is(err, c.is) {
			t.Errorf("%s: %v (%#v), want a *RecordError for %s #%d wrapping %v", c.name, err, re, c.kind, c.index, c.is)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, c.want) {
			t.Errorf("%s: %q\nwant it to start %q", c.name, msg, c.want)
		}
		if strings.ContainsAny(msg, "[]") || strings.Contains(msg, "SECRET") || strings.Count(msg, "mapping:") != 1 {
			t.Errorf("%s: a Go slice, a value or a doubled prefix in %q", c.name, msg)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: %d bytes written", c.name, buf.Len())
		}
	}

	// A record the guide refuses once written wraps the guide's error.
	var buf bytes.Buffer
	err := Write278(&buf, testEnvelope(), []*edigw.AuthorizationRequest{dmeRequest("OK"), badCode})
	var re *RecordError
	var ge *edi.Error
	if !errors.As(err, &re) || re.Index != 2 || !errors.As(err, &ge) || ge.SegmentID != "UM" || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("guide error: %v", err)
	}

	// Checked alone, a record is "the" record, not "#0".
	if err := CheckClaimForWriting(claim); err == nil || !strings.HasPrefix(err.Error(), "mapping: the claim cannot be written: missing ") {
		t.Errorf("alone: %v", err)
	}
}

// TestJoinReasons: missing fields become one list where the first stood.
func TestJoinReasons(t *testing.T) {
	got := joinReasons([]string{"a must be 10 characters", "missing b (X01)", "c[0]: missing d", "missing e (X02)"})
	want := "a must be 10 characters; missing b (X01), e (X02); c[0]: missing d"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
