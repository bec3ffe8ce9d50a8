package storage

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/fixtures/synth"
	"github.com/edigw/edigw/mapping"
)

// benchClaims reads n generated 837P claims.
func benchClaims(b *testing.B, n int) []*edigw.Claim {
	b.Helper()
	var buf bytes.Buffer
	if _, err := synth.Write(&buf, synth.Options{Kind: synth.Kind837P, Claims: n, Seed: 7}); err != nil {
		b.Fatal(err)
	}
	var claims []*edigw.Claim
	if _, err := mapping.ReadClaims(&buf, "bench.837", func(c *edigw.Claim) error {
		claims = append(claims, c)
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	if len(claims) != n {
		b.Fatalf("%d claims read, want %d", len(claims), n)
	}
	return claims
}

// BenchmarkAddClaims stores 100,000 generated claims (with their lines
// and events) in one ingest, in batches of 5,000 as an 837's sets come,
// and reports claims per second including the commit.
func BenchmarkAddClaims(b *testing.B) {
	const n, per = 100_000, 5_000
	claims := benchClaims(b, n)
	db, _ := openDB(b)
	ctx := context.Background()
	b.ResetTimer()
	var total time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		in, err := db.BeginIngest(ctx, &edigw.File{Key: fmt.Sprintf("bench-%d", i), Direction: edigw.Inbound, Kind: "837"})
		if err != nil {
			b.Fatal(err)
		}
		for at := 0; at < n; at += per {
			if err := in.AddClaims(ctx, claims[at:min(at+per, n)]); err != nil {
				b.Fatal(err)
			}
		}
		res, err := in.Commit(ctx, fmt.Sprintf("%064d", i), 1)
		if err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
		if res.Claims != n || res.Events != n {
			b.Fatalf("result %+v", res)
		}
	}
	b.ReportMetric(float64(n*b.N)/total.Seconds(), "claims/s")
}

// BenchmarkAddRemittances pays 100,000 stored claims with generated 835s
// (one remittance of 5,000 payments per transaction set), linking each
// payment to its claim and moving the claim on, and reports claim
// payments per second including the commit.
func BenchmarkAddRemittances(b *testing.B) {
	const n = 100_000
	claims := benchClaims(b, n)
	var buf bytes.Buffer
	if _, err := synth.Write(&buf, synth.Options{Kind: synth.Kind835, Claims: n, Seed: 7}); err != nil {
		b.Fatal(err)
	}
	var rms []*edigw.Remittance
	if _, err := mapping.ReadRemittances(&buf, "bench.835", func(r *edigw.Remittance) error {
		rms = append(rms, r)
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	// Each payment pays a claim of its payee (payments match a claim
	// inside the billing provider), and each round pays claims of its own
	// numbers (a number on two claims of one provider is ambiguous).
	payees := map[string]edigw.Party{}
	var pcns []*string
	for _, rm := range rms {
		for j := range rm.Claims {
			payees[rm.Claims[j].PatientControlNumber] = rm.Payee
			pcns = append(pcns, &rm.Claims[j].PatientControlNumber)
		}
	}
	for _, c := range claims {
		p := payees[c.PatientControlNumber]
		c.BillingProvider.IDQualifier, c.BillingProvider.ID, c.BillingProvider.TaxID = "XX", p.NPI(), p.TaxID
		pcns = append(pcns, &c.PatientControlNumber)
	}
	for _, pcn := range pcns {
		*pcn = "R0" + *pcn
	}
	db, _ := openDB(b)
	ctx := context.Background()
	var total time.Duration
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		if i > 0 {
			for _, pcn := range pcns {
				*pcn = fmt.Sprintf("R%d%s", i, (*pcn)[len(fmt.Sprintf("R%d", i-1)):])
			}
		}
		in, err := db.BeginIngest(ctx, &edigw.File{Key: fmt.Sprintf("claims-%d", i), Direction: edigw.Inbound})
		if err == nil {
			err = in.AddClaims(ctx, claims)
		}
		if err == nil {
			_, err = in.Commit(ctx, fmt.Sprintf("c%063d", i), 1)
		}
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		in, err = db.BeginIngest(ctx, &edigw.File{Key: fmt.Sprintf("bench-%d", i), Direction: edigw.Inbound, Kind: "835"})
		if err != nil {
			b.Fatal(err)
		}
		for _, rm := range rms {
			if err := in.AddRemittances(ctx, []*edigw.Remittance{rm}); err != nil {
				b.Fatal(err)
			}
		}
		res, err := in.Commit(ctx, fmt.Sprintf("r%063d", i), 1)
		if err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
		if res.Remittances != len(rms) || res.Events < n || res.Unmatched != 0 {
			b.Fatalf("result %+v", res)
		}
	}
	b.ReportMetric(float64(n*b.N)/total.Seconds(), "payments/s")
}
