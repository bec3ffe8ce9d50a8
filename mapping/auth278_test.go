package mapping

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/fixtures/synth"
	"github.com/edigw/edigw/internal/corpus"
	"github.com/edigw/edigw/mapping/codes"
)

func readAuths(t *testing.T, name string, data []byte) ([]*edigw.AuthorizationRequest, *Result) {
	t.Helper()
	var out []*edigw.AuthorizationRequest
	res, err := ReadAuthorizations(bytes.NewReader(data), name, func(a *edigw.AuthorizationRequest) error {
		out = append(out, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, res
}

func TestReadAuthorizationsGenerated(t *testing.T) {
	var buf bytes.Buffer
	if _, err := synth.Write(&buf, synth.Options{Kind: synth.Kind278, Claims: 25, Seed: 8}); err != nil {
		t.Fatal(err)
	}
	auths, res := readAuths(t, "gen.278", buf.Bytes())
	if len(auths) != 25 || res.Rejected != 0 {
		t.Fatalf("%d requests, %d rejected", len(auths), res.Rejected)
	}
	for _, a := range auths {
		if a.PayerID != edigw.Cigna || a.Status != edigw.AuthPending || a.Decision != nil || a.TraceNumber == "" ||
			a.RequestCategory != "HS" || a.PlaceOfService != "12" || len(a.Services) != 1 || a.Services[0].ProcedureCode == "" ||
			len(a.Diagnoses) != 1 || a.EventPeriod == nil || a.Requester.NPI() == "" || a.Subscriber.MemberID == "" {
			t.Fatalf("request read wrong: %+v", a)
		}
	}
}

// TestReadAuthorizationsX12Examples reads the X12.org 278 examples: every
// valid one gives one record per patient event, and each response's
// decision and status follow its HCR.
func TestReadAuthorizationsX12Examples(t *testing.T) {
	dir, entries := corpus.Manifest(t)
	responses := 0
	for _, e := range entries {
		if !strings.HasPrefix(e.Transaction, "278") || !strings.Contains(e.File, "X217_pass") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.File))
		if err != nil {
			t.Fatal(err)
		}
		auths, res := readAuths(t, e.File, data)
		if !res.Report.OK() {
			continue
		}
		if len(auths) == 0 {
			t.Errorf("%s: no records", e.File)
			continue
		}
		for _, a := range auths {
			if a.RequestCategory == "" || a.Subscriber.LastName == "" || a.PayerID == "" && a.Requester.Name == "" {
				t.Errorf("%s: incomplete record %+v", e.File, a)
			}
			if strings.Contains(e.File, "response") {
				responses++
				if a.Decision == nil && len(a.Services) == 0 {
					t.Errorf("%s: response without a decision", e.File)
				}
				if a.Decision != nil {
					want, _ := codes.AuthorizationStatus(a.Decision.Action)
					if a.Status != want {
						t.Errorf("%s: HCR01 %s gave status %s", e.File, a.Decision.Action, a.Status)
					}
				}
			}
		}
	}
	if responses < 4 {
		t.Errorf("only %d response records read", responses)
	}
}

func TestReadAuthorizationsResponseDecision(t *testing.T) {
	dir, _ := corpus.Manifest(t)
	data, err := os.ReadFile(filepath.Join(dir, "kputnam__stupidedi", "X217_pass__referral-response-to-request-for-review.edi"))
	if err != nil {
		t.Fatal(err)
	}
	auths, _ := readAuths(t, "referral-response", data)
	if len(auths) != 1 {
		t.Fatalf("%d records", len(auths))
	}
	a := auths[0]
	if a.Decision == nil || a.Decision.Action != "A1" || a.Decision.CertificationNumber != "AUTH0001" || a.Status != edigw.AuthApproved ||
		a.TraceNumber != "111099" || a.EventPeriod == nil || a.EventPeriod.From != "20050502" || a.EventPeriod.To != "20050602" {
		t.Errorf("referral response: %+v decision %+v", a, a.Decision)
	}
}
