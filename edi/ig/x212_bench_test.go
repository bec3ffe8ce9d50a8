package ig

import (
	"bytes"
	"fmt"
	"testing"
)

// x212File writes a valid 276 (005010X212) of about size bytes: sets of
// 1000 claims, each under its own subscriber with one service line, the
// shape of a provider's batch of inquiries.
func x212File(size int) []byte {
	var b bytes.Buffer
	b.WriteString("ISA*00*          *00*          *ZZ*HOMECAREDME    *ZZ*CIGNA62308     *260305*0800*^*00501*000004801*0*T*:~\n")
	b.WriteString("GS*HR*HOMECAREDME*62308*20260305*0800*4801*X*005010X212~\n")
	sets := 0
	for b.Len() < size {
		sets++
		fmt.Fprintf(&b, "ST*276*%04d*005010X212~\nBHT*0010*13*CS%d*20260305*0800~\n", sets, sets)
		b.WriteString("HL*1**20*1~\nNM1*PR*2*CIGNA HEALTHCARE*****PI*62308~\nHL*2*1*21*1~\nNM1*41*2*HOMECARE MEDICAL SUPPLY*****46*HOMECAREDME~\n")
		b.WriteString("HL*3*2*19*1~\nNM1*1P*2*HOMECARE MEDICAL SUPPLY*****XX*1234567893~\n")
		segs := 8
		for c := 0; c < 1000; c++ {
			fmt.Fprintf(&b, "HL*%d*3*22*0~\nDMG*D8*19640312*F~\nNM1*IL*1*DOE*JANE****MI*U%09d~\nTRN*1*CS%d-%d~\n", c+4, c, sets, c)
			fmt.Fprintf(&b, "REF*1K*CG%011d~\nREF*EJ*PCN%d~\nAMT*T3*1500~\nDTP*472*RD8*20260201-20260201~\n", c, c)
			b.WriteString("SVC*HC:E0431*1500*****1~\nREF*FJ*1~\nDTP*472*RD8*20260201-20260201~\n")
			segs += 11
		}
		fmt.Fprintf(&b, "SE*%d*%04d~\n", segs+1, sets)
	}
	fmt.Fprintf(&b, "GE*%d*4801~\nIEA*1*000004801~\n", sets)
	return b.Bytes()
}

// BenchmarkValidate276 measures SNIP 1-2 validation of a generated 276
// (issue 18 asks 100 MB/s or more). Every set must be accepted.
func BenchmarkValidate276(b *testing.B) {
	benchValidate(b, "276", x212File(16<<20))
}

// TestX212GeneratedFileValidates keeps the benchmark's file honest.
func TestX212GeneratedFileValidates(t *testing.T) {
	rep, err := (&Validator{File: "gen"}).Run(bytes.NewReader(x212File(64 << 10)))
	if err != nil || !rep.OK() || rep.SetsAccepted == 0 {
		t.Fatalf("%v %d errors %v", err, rep.ErrorCount, rep.Errors[:min(3, len(rep.Errors))])
	}
}
