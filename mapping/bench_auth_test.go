package mapping

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/fixtures/synth"
)

// certLookup answers as the store does: the approvals whose certification
// number a query names, of the query's provider.
type certLookup map[string]*edigw.AuthorizationRequest

func (l certLookup) FindAuthorizations(_ context.Context, qs []AuthorizationQuery) ([]*edigw.AuthorizationRequest, error) {
	var out []*edigw.AuthorizationRequest
	for _, q := range qs {
		if a, ok := l[q.CertificationNumber]; ok && len(q.ProviderNPIs) > 0 && a.Providers[0].ID == q.ProviderNPIs[0] {
			out = append(out, a)
		}
	}
	return out, nil
}

// BenchmarkRead837PAuthorizations is BenchmarkRead837P with the
// prior-authorization check, shaped as BenchmarkPipelineEndToEnd's
// 837p-authorizations case: a REF*G1 on every claim, and approvals
// (one hospital bed each, as the store's narrow rows give them) for the
// first half of the numbers. What it measures is the check's own work in
// mapping: batching, matching, findings and their issues.
func BenchmarkRead837PAuthorizations(b *testing.B) {
	const claims = 10000
	var buf bytes.Buffer
	if _, err := synth.Write(&buf, synth.Options{Kind: synth.Kind837P, Claims: claims, Seed: 1, PriorAuthorization: true}); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	var npi string
	if _, err := ReadClaims(bytes.NewReader(data), "bench", func(c *edigw.Claim) error {
		npi = c.BillingProvider.NPI()
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	lookup := certLookup{}
	for i := 1; i <= claims/2; i++ {
		cert := fmt.Sprintf("AUTH%08d", i)
		a := &edigw.AuthorizationRequest{PayerID: edigw.Cigna, Status: edigw.AuthApproved,
			Providers: []edigw.ReviewParty{{Role: "SJ", Party: edigw.Party{IDQualifier: "XX", ID: npi}}},
			Decision: &edigw.Decision{Action: "A1", CertificationNumber: cert,
				EffectivePeriod: &edigw.Period{From: "20260101", To: "20261231"}},
			Services: []edigw.RequestedService{{ProcedureQualifier: "HC", ProcedureCode: "E0250", Quantity: "2"}}}
		a.Subscriber.MemberID = fmt.Sprintf("M%d", i)
		lookup[cert] = a
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	warned := 0
	for b.Loop() {
		n := 0
		res, err := Read(bytes.NewReader(data), "bench", Handlers{
			Claim:               func(*edigw.Claim) error { n++; return nil },
			AuthorizationLookup: lookup,
		})
		if err != nil || n != claims || res.AuthorizationCheck != AuthorizationCheckRun {
			b.Fatalf("%d claims, %v", n, err)
		}
		warned = res.IssueCount
	}
	b.ReportMetric(float64(claims)*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
	b.ReportMetric(float64(warned), "issues")
}
