package codes

import "testing"

// TestLookupsDoNotAllocate: the JSON views describe every code of every
// remittance; a lookup must cost no garbage.
func TestLookupsDoNotAllocate(t *testing.T) {
	codes := []string{"45", "N130", "999", "MA130"}
	allocs := testing.AllocsPerRun(100, func() {
		for _, c := range codes {
			_ = CARC.Describe(c)
			_ = RARC.Describe(c)
			_ = RARC.Has(c)
			_ = CARC.Active(c)
			_, _ = ClaimStatusCode.Lookup(c)
		}
		_ = ValidNPI("1234567893")
		_ = ValidICD10CM("S72001A")
		_ = ValidProcedure("HC", "E0601")
	})
	if allocs != 0 {
		t.Fatalf("lookups allocate %.1f times per run", allocs)
	}
}

func BenchmarkDescribe(b *testing.B) {
	codes := []string{"1", "45", "197", "253", "A1", "P32", "999"}
	b.ReportAllocs()
	n := 0
	for i := 0; b.Loop(); i++ {
		n += len(CARC.Describe(codes[i%len(codes)]))
	}
	if n == 0 {
		b.Fatal("no descriptions")
	}
}

func BenchmarkDescribeRARC(b *testing.B) {
	codes := []string{"N130", "M15", "MA130", "N4", "N940", "X1"}
	b.ReportAllocs()
	n := 0
	for i := 0; b.Loop(); i++ {
		n += len(RARC.Describe(codes[i%len(codes)]))
	}
	if n == 0 {
		b.Fatal("no descriptions")
	}
}

func BenchmarkValidNPI(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if !ValidNPI("1234567893") {
			b.Fatal("rejected")
		}
	}
}
