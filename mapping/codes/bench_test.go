package codes

import "testing"

// TestLookupsDoNotAllocate: the JSON views describe every code of every
// remittance; a lookup must cost no garbage.
func TestLookupsDoNotAllocate(t *testing.T) {
	codes := []string{"11", "12", "99", "A1"}
	allocs := testing.AllocsPerRun(100, func() {
		for _, c := range codes {
			_ = PlaceOfService.Describe(c)
			_ = HCRAction.Describe(c)
			_ = ServiceType.Has(c)
			_ = PlaceOfService.Active(c)
			_, _ = HCRAction.Lookup(c)
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
	codes := []string{"11", "12", "21", "22", "99", "98"}
	b.ReportAllocs()
	n := 0
	for i := 0; b.Loop(); i++ {
		n += len(PlaceOfService.Describe(codes[i%len(codes)]))
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
