package clearinghouse

import (
	"context"
	"strings"
	"testing"

	"github.com/edigw/edigw/clearinghouse/dirstore"
)

// The partner the tests use is the one the migrations seed: the pipeline
// gets its partners from the store, none from code.
func TestSeededPartnerIsCigna(t *testing.T) {
	db := openStore(t, testDatabase(t))
	tps, err := db.Partners(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if ps := Partners(tps); len(ps) != 1 || ps[0] != Cigna {
		t.Fatalf("seeded partners %+v, want [%+v]", ps, Cigna)
	}
}

// An outbound 837 carries the partner's ISA15 and GS IDs: a partner in
// test gets T (outbound was always P before partners were data), and GS03
// is the partner's application ID, not its interchange ID.
func TestOutboundTakesThePartnersEnvelope(t *testing.T) {
	db := openStore(t, testDatabase(t))
	objs, err := dirstore.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	p := pipelineOn(db, objs)
	inTest := Cigna
	inTest.Usage, inTest.OurGroupID = "T", "EDIGWAPP"
	p.Partners = []Partner{inTest}
	queueSynthClaims(t, db, 3, 41)
	sent, err := p.FlushOutbound(context.Background())
	if err != nil || len(sent) != 1 {
		t.Fatalf("flush: %v %v", sent, err)
	}
	f := readOutbound(t, objs, sent[0])
	var isa, gs []string
	for _, seg := range strings.Split(string(f.data), "~") {
		el := strings.Split(strings.TrimSpace(seg), "*")
		switch el[0] {
		case "ISA":
			isa = el
		case "GS":
			gs = el
		}
	}
	if len(isa) < 17 || strings.TrimSpace(isa[6]) != "EDIGW" || strings.TrimSpace(isa[8]) != "CIGNA62308" || isa[15] != "T" {
		t.Errorf("ISA %v: want EDIGW to CIGNA62308, usage T", isa)
	}
	if len(gs) < 4 || gs[2] != "EDIGWAPP" || gs[3] != "62308" {
		t.Errorf("GS %v: want GS02 EDIGWAPP, GS03 62308", gs)
	}
}
