package ig

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/edigw/edigw/edi"
)

// A toy guide for set 990 (never a HIPAA set) exercises the walker without
// depending on the real guides' size.
func toyGuide(version string, bht02 ...string) *Guide {
	claim := loop("2300", "Claim", S, 100,
		seg("CLM", "Claim Information", R, 1,
			elem(1028, "Claim Submitter's Identifier", R, AN, 1, 38),
			elem(782, "Monetary Amount", R, R_, 1, 18),
			unused(1032, "Claim Filing Indicator Code"),
			unused(1343, "Non-Institutional Claim Type Code"),
			composite("C023", "Health Care Service Location Information", R,
				elem(1331, "Facility Code Value", R, AN, 1, 2),
				elem(1332, "Facility Code Qualifier", R, ID, 1, 2, "A", "B"),
				elem(1325, "Claim Frequency Type Code", R, ID, 1, 1),
			),
		),
		dtpSeg("Onset of Current Illness", S, 1, []string{"431"}, "D8"),
		dtpSeg("Service Date", S, 1, []string{"472"}, "D8", "RD8"),
		seg("HI", "Health Care Diagnosis Code", R, 1,
			composite("C022", "Health Care Code Information", R,
				elem(1270, "Code List Qualifier Code", R, ID, 1, 3, "ABK", "BK"),
				elem(1271, "Industry Code", R, AN, 1, 30),
			),
			composite("C022", "Health Care Code Information", S,
				elem(1270, "Code List Qualifier Code", R, ID, 1, 3, "ABF", "BF"),
				elem(1271, "Industry Code", R, AN, 1, 30),
			),
		),
		loop("2400", "Service Line", R, 2,
			seg("LX", "Service Line Number", R, 1, elem(554, "Assigned Number", R, N0, 1, 6)),
			seg("SV1", "Professional Service", R, 1,
				composite("C003", "Composite Medical Procedure Identifier", R,
					elem(235, "Product/Service ID Qualifier", R, ID, 2, 2, "HC"),
					elem(234, "Product/Service ID", R, AN, 1, 48),
				),
				elem(782, "Line Item Charge Amount", R, R_, 1, 18),
				elem(355, "Unit or Basis for Measurement Code", R, ID, 2, 2, "MJ", "UN"),
				elem(380, "Service Unit Count", R, R_, 1, 15),
			),
			dtpSeg("Date - Service Date", R, 1, []string{"472"}, "D8", "RD8"),
		),
	)
	return &Guide{Version: version, SetID: "990", FunctionalID: "HC", Name: "Toy Claim", BHT02: bht02,
		Root: loop("ST", "Toy Claim", R, 1,
			stSeg("990", version),
			seg("BHT", "Beginning of Hierarchical Transaction", R, 1,
				elem(1005, "Hierarchical Structure Code", R, ID, 4, 4, "0019"),
				elem(353, "Transaction Set Purpose Code", R, ID, 2, 2, "00", "18", "13", "11"),
				elem(127, "Originator Application Transaction Identifier", R, AN, 1, 50),
				elem(373, "Transaction Set Creation Date", R, DT, 8, 8),
				elem(337, "Transaction Set Creation Time", R, TM, 4, 8),
				elem(640, "Transaction Type Code", S, ID, 2, 2, "CH", "RP"),
			),
			loop("1000A", "Submitter Name", R, 1,
				nm1Seg("Submitter Name", R, 1, []string{"41"}, []string{"1", "2"}, nameParts{Last: R, First: S, IDQualifiers: []string{"46"}, ID: R}),
				perSeg("Submitter EDI Contact Information", R, 2, []string{"IC"}, S),
			),
			loop("2000A", "Billing Provider Hierarchical Level", R, Many,
				hlSeg("Billing Provider Hierarchical Level", "20", N, R, "1"),
				loop("2010AA", "Billing Provider Name", R, 1,
					nm1Seg("Billing Provider Name", R, 1, []string{"85"}, []string{"1", "2"}, nameParts{Last: R, First: S, IDQualifiers: []string{"XX"}, ID: R}),
					n3Seg("Billing Provider Address", R),
					n4Seg("Billing Provider City, State, ZIP Code", R),
					refSeg("Billing Provider Tax Identification", R, 1, "EI", "SY"),
				),
				loop("2000B", "Subscriber Hierarchical Level", R, Many,
					hlSeg("Subscriber Hierarchical Level", "22", R, R, "0", "1"),
					seg("SBR", "Subscriber Information", R, 1,
						elem(1138, "Payer Responsibility Sequence Number Code", R, ID, 1, 1, "P", "S", "T"),
						elem(1069, "Individual Relationship Code", S, ID, 2, 2, "18"),
					),
					claim,
				),
			),
			seSeg(),
		)}
}

var toy = toyGuide("005010T99")

// toys is the standard registry and the toy guides: two of them share a
// version, so that BHT02 decides between them.
var toys = mustRegistry(append(Standard().Guides(), toy, toyGuide("005010T98", "13"), toyGuide("005010T98", "11"))...)

const toyISA = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260115*1030*^*00501*000000001*0*T*:~\n"

// toyFile wraps a set body (between ST and SE) in envelopes and counts SE01.
func toyFile(version string, body ...string) string {
	segs := append([]string{"ST*990*0001*" + version}, body...)
	segs = append(segs, fmt.Sprintf("SE*%d*0001", len(segs)+1))
	return toyISA + "GS*HC*SENDER*RECEIVER*20260115*1030*1*X*" + version + "~\n" + strings.Join(segs, "~\n") + "~\nGE*1*1~\nIEA*1*000000001~\n"
}

var toyBody = []string{
	"BHT*0019*00*REF1*20260115*1030*CH",
	"NM1*41*2*SUBMITTER*****46*S1",
	"PER*IC*DESK*TE*5555550100",
	"HL*1**20*1",
	"NM1*85*2*CLINIC*****XX*1234567893",
	"N3*1 MAIN ST",
	"N4*HARTFORD*CT*06103",
	"REF*EI*061234567",
	"HL*2*1*22*0",
	"SBR*P*18",
	"CLM*PCN1*100***11:B:1",
	"DTP*472*D8*20260110",
	"HI*ABK:E119*ABF:I10",
	"LX*1",
	"SV1*HC:99213*60*UN*1",
	"DTP*472*D8*20260110",
	"LX*2",
	"SV1*HC:99214*40*UN*1",
	"DTP*472*D8*20260110",
	"CLM*PCN2*50***11:B:1",
	"HI*ABK:Z89512",
	"LX*1",
	"SV1*HC:E0250*50*UN*1",
	"DTP*472*RD8*20260101-20260131",
}

type walked struct {
	paths  []string // "SEGID@loop/path"
	errs   []*edi.Error
	report *Report
}

func walk(t *testing.T, in string) walked {
	t.Helper()
	var out walked
	v := &Validator{File: "toy.edi", Guides: toys, Handlers: []Handler{Funcs{OnSegment: func(ev *Event) {
		if ev.Walker != nil {
			out.paths = append(out.paths, ev.Seg.ID()+"@"+ev.Walker.Path())
		}
	}}}}
	rep, err := v.Run(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	out.errs, out.report = rep.Errors, rep
	return out
}

func codes(errs []*edi.Error) string {
	var cs []string
	for _, e := range errs {
		s := e.Code.String() + ":" + e.SegmentID
		if e.Element > 0 {
			s += fmt.Sprintf("%02d", e.Element)
			if e.Component > 0 {
				s += fmt.Sprintf("-%d", e.Component)
			}
		}
		if e.Loop != "" {
			s += "@" + e.Loop
		}
		cs = append(cs, s)
	}
	sort.Strings(cs)
	return strings.Join(cs, " ")
}

func TestWalkerValidSetAndLoopPaths(t *testing.T) {
	w := walk(t, toyFile("005010T99", toyBody...))
	if len(w.errs) != 0 {
		t.Fatalf("errors: %v", w.errs)
	}
	want := []string{
		"ST@", "BHT@", "NM1@1000A", "PER@1000A", "HL@2000A", "NM1@2000A/2010AA", "N3@2000A/2010AA", "N4@2000A/2010AA",
		"REF@2000A/2010AA", "HL@2000A/2000B", "SBR@2000A/2000B", "CLM@2000A/2000B/2300", "DTP@2000A/2000B/2300",
		"HI@2000A/2000B/2300", "LX@2000A/2000B/2300/2400", "SV1@2000A/2000B/2300/2400", "DTP@2000A/2000B/2300/2400",
		"LX@2000A/2000B/2300/2400", "SV1@2000A/2000B/2300/2400", "DTP@2000A/2000B/2300/2400",
		"CLM@2000A/2000B/2300", "HI@2000A/2000B/2300", "LX@2000A/2000B/2300/2400", "SV1@2000A/2000B/2300/2400",
		"DTP@2000A/2000B/2300/2400", "SE@",
	}
	if strings.Join(w.paths, " ") != strings.Join(want, " ") {
		t.Errorf("paths\n got %v\nwant %v", w.paths, want)
	}
	if w.report.SetsAccepted != 1 || w.report.SetsRejected != 0 {
		t.Errorf("accepted %d rejected %d", w.report.SetsAccepted, w.report.SetsRejected)
	}
}

// TestWalkerSegmentErrors changes the toy body and expects exactly the
// listed errors (code:segment[element]@loop).
func TestWalkerSegmentErrors(t *testing.T) {
	cases := []struct {
		name string
		edit func([]string) []string
		want string
	}{
		{"required segment missing", drop("HI*ABK:E119*ABF:I10"), "IK304=3:HI@2300"},
		{"required loop missing", drop("NM1*85*2*CLINIC*****XX*1234567893", "N3*1 MAIN ST", "N4*HARTFORD*CT*06103", "REF*EI*061234567"), "IK304=3:NM1@2000A"},
		{"segment over max use", after("REF*EI*061234567", "REF*SY*123456789"), "IK304=5:REF@2010AA"},
		{"loop over max", after("SV1*HC:99214*40*UN*1", "DTP*472*D8*20260110", "LX*3", "SV1*HC:99215*10*UN*1"), "IK304=4:LX@2400"},
		{"unexpected segment", after("SBR*P*18", "N3*2 MAIN ST"), "IK304=2:N3@2000B"},
		{"segment not in the set", after("SBR*P*18", "ZZZ*1"), "IK304=6:ZZZ@2000B"},
		{"required loop missing in the second repeat", func(b []string) []string { return b[:len(b)-3] }, "IK304=3:LX@2300"},
		{"header segment missing", drop("BHT*0019*00*REF1*20260115*1030*CH"), "IK304=3:BHT"},
		{"unknown qualifier", replace("NM1*85*2*CLINIC", "NM1*86*2*CLINIC"), "IK403=7:NM101@2010AA"},
		{"HL parent wrong", replace("HL*2*1*22*0", "HL*2*5*22*0"), "IK403=7:HL02@2000B"},
		{"HL not sequential", replace("HL*2*1*22*0", "HL*3*1*22*0"), "IK403=7:HL01@2000B"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := c.edit(append([]string(nil), toyBody...))
			w := walk(t, toyFile("005010T99", body...))
			if got := codes(w.errs); got != c.want {
				t.Errorf("got  %s\nwant %s\n%v", got, c.want, w.errs)
			}
			if w.report.SetsRejected != 1 {
				t.Errorf("set not rejected")
			}
		})
	}
}

func TestWalkerElementErrors(t *testing.T) {
	cases := []struct{ from, to, want string }{
		{"SBR*P*18", "SBR**18", "IK403=1:SBR01@2000B"},
		{"SBR*P*18", "SBR*Q*18", "IK403=7:SBR01@2000B"},
		{"SBR*P*18", "SBR*P*18*X", "IK403=3:SBR03@2000B"},
		{"CLM*PCN1*100", "CLM*PCN1*1OO", "IK403=6:CLM02@2300"},
		{"CLM*PCN1*100***11:B:1", "CLM*PCN1*100*X**11:B:1", "IK403=I10:CLM03@2300"},
		{"CLM*PCN1*100***11:B:1", "CLM*PCN1*100***11::1", "IK403=1:CLM05-2@2300"},
		{"CLM*PCN1*100***11:B:1", "CLM*PCN1*100***11:B:1:9", "IK403=13:CLM05@2300"},
		{"CLM*PCN1*100***11:B:1", "CLM*PCN1*100***11:C:1", "IK403=7:CLM05-2@2300"},
		{"CLM*PCN1*", "CLM*" + strings.Repeat("X", 39) + "*", "IK403=5:CLM01@2300"},
		{"BHT*0019*00*REF1*20260115", "BHT*0019*00*REF1*20260230", "IK403=8:BHT04"},
		{"BHT*0019*00*REF1*20260115*1030", "BHT*0019*00*REF1*20260115*2561", "IK403=9:BHT05"},
		{"DTP*472*D8*20260110~\nHI", "DTP*472*D8*2026011~\nHI", "IK403=8:DTP03@2300"},
		{"DTP*472*RD8*20260101-20260131", "DTP*472*RD8*20260131-20260101", "IK403=8:DTP03@2400"},
		{"NM1*41*2*SUBMITTER*****46*S1", "NM1*41*2*SUBMITTER******S1", "IK403=2:NM108@1000A IK403=1:NM108@1000A"},
		{"PER*IC*DESK*TE*5555550100", "PER*IC*DESK*TE", "IK403=2:PER04@1000A"},
		{"N4*HARTFORD*CT*06103", "N4*HARTFORD*CT*06103*US*****X", "IK403=3:N408@2010AA"},
		{"SBR*P*18", "SBR*P*18^18", "IK403=12:SBR02@2000B"},
		{"N3*1 MAIN ST", "N3*1 MAIN \x01ST", "IK403=6:N301@2010AA"},
	}
	base := toyFile("005010T99", toyBody...)
	for _, c := range cases {
		t.Run(c.to, func(t *testing.T) {
			in := strings.Replace(base, c.from, c.to, 1)
			if in == base {
				t.Fatalf("%q not in the toy file", c.from)
			}
			w := walk(t, in)
			got := codes(w.errs)
			want := strings.Fields(c.want)
			sort.Strings(want)
			if got != strings.Join(want, " ") {
				t.Errorf("got  %s\nwant %s\n%v", got, c.want, w.errs)
			}
			for _, e := range w.errs {
				if e.Pos.Set != "0001" || e.Pos.SetIndex < 2 || e.ElementRef == "" && e.Code != edi.ElemTooMany {
					t.Errorf("error lacks set position or element reference: %+v", e)
				}
			}
		})
	}
}

func TestWalkerUnsupported(t *testing.T) {
	w := walk(t, toyFile("005010T97", toyBody...))
	if got := codes(w.errs); got != "IK502=I6:ST03" {
		t.Errorf("unsupported version: %s", got)
	}
	in := strings.Replace(toyFile("005010T99", toyBody...), "ST*990*", "ST*834*", 1)
	w = walk(t, in)
	if got := codes(w.errs); got != "IK502=1:ST01" {
		t.Errorf("unsupported set: %s %v", got, w.errs)
	}
	if w.report.SetsRejected != 1 {
		t.Error("unsupported set not rejected")
	}
}

func TestWalkerBHT02ChoosesAmongGuides(t *testing.T) {
	for _, purpose := range []string{"13", "11"} {
		body := append([]string(nil), toyBody...)
		body[0] = "BHT*0019*" + purpose + "*REF1*20260115*1030*CH"
		var chosen []string
		v := &Validator{Guides: toys, Handlers: []Handler{Funcs{OnSet: func(s *SetResult) {
			chosen = append(chosen, s.Guide.BHT02[0])
		}}}}
		rep, err := v.Run(strings.NewReader(toyFile("005010T98", body...)))
		if err != nil || !rep.OK() {
			t.Fatalf("%v %v", err, rep.Errors)
		}
		if len(chosen) != 1 || chosen[0] != purpose {
			t.Errorf("BHT02 %s chose %v", purpose, chosen)
		}
	}
}

func TestWalkerEnvelopeErrorsGoToTheirSet(t *testing.T) {
	in := strings.Replace(toyFile("005010T99", toyBody...), "SE*26*0001", "SE*27*0001", 1)
	var sets []*SetResult
	v := &Validator{Guides: toys, Handlers: []Handler{Funcs{OnSet: func(s *SetResult) { sets = append(sets, s) }}}}
	rep, _ := v.Run(strings.NewReader(in))
	if len(sets) != 1 || sets[0].ErrorCount != 1 || sets[0].Errors[0].Code != edi.SetSegmentCountMismatch {
		t.Fatalf("set errors: %+v / %v", sets, rep.Errors)
	}
}

func TestWalkerMemoryDoesNotGrowWithTheSet(t *testing.T) {
	claim := toyBody[10:19]
	body := append([]string(nil), toyBody[:8]...)
	for i := range 2000 {
		body = append(body, fmt.Sprintf("HL*%d*1*22*0", i+2), "SBR*P*18")
		body = append(body, claim...)
	}
	in := toyFile("005010T99", body...)
	w := walk(t, in)
	if len(w.errs) != 0 {
		t.Fatal(w.errs[:1])
	}
	allocs := testing.AllocsPerRun(3, func() {
		v := &Validator{Guides: toys}
		if _, err := v.Run(strings.NewReader(in)); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 200 {
		t.Errorf("%.0f allocations for a set of 2000 claims: the walk allocates per segment", allocs)
	}
}

func drop(segs ...string) func([]string) []string {
	return func(body []string) []string {
		var out []string
	next:
		for _, s := range body {
			for i, d := range segs {
				if s == d {
					segs = append(segs[:i:i], segs[i+1:]...)
					continue next
				}
			}
			out = append(out, s)
		}
		return out
	}
}

func after(anchor string, add ...string) func([]string) []string {
	return func(body []string) []string {
		for i, s := range body {
			if s == anchor {
				return append(body[:i+1], append(add, body[i+1:]...)...)
			}
		}
		panic("anchor not found: " + anchor)
	}
}

func replace(from, to string) func([]string) []string {
	return func(body []string) []string {
		for i, s := range body {
			if strings.HasPrefix(s, from) {
				body[i] = to + s[len(from):]
				return body
			}
		}
		panic("not found: " + from)
	}
}

func TestWalkerLoopEvents(t *testing.T) {
	var opened []string
	closed := 0
	v := &Validator{Guides: toys, Handlers: []Handler{Funcs{OnSegment: func(ev *Event) {
		if ev.Match.Opened {
			opened = append(opened, ev.Match.Loop.ID)
		}
		closed += ev.Match.Closed
	}}}}
	if _, err := v.Run(strings.NewReader(toyFile("005010T99", toyBody...))); err != nil {
		t.Fatal(err)
	}
	want := "1000A 2000A 2010AA 2000B 2300 2400 2400 2300 2400"
	if strings.Join(opened, " ") != want {
		t.Errorf("opened %v, want %s", opened, want)
	}
	// Every loop opened is closed by the segment after it (SE closes the last ones).
	if closed != len(opened) {
		t.Errorf("%d loops closed, %d opened", closed, len(opened))
	}
}

// TestWalkerMissingSegmentNamesTheLoopsLastSegment: a required segment
// missing at the end of a loop is found at the segment after it (the next
// claim's CLM, or SE) and reported there, as a 999's IK302 counts it; its
// LastInLoop is the loop's last segment, where edi/ack places it.
func TestWalkerMissingSegmentNamesTheLoopsLastSegment(t *testing.T) {
	body := append([]string(nil), toyBody...)
	body = append(body[:18], body[19:len(body)-1]...) // the DTP*472 of each claim's last line
	w := walk(t, toyFile("005010T99", body...))
	var got []string
	for _, e := range w.errs {
		got = append(got, fmt.Sprintf("%s:%s@%s at %d, last in loop %d", e.Code, e.SegmentID, e.Loop, e.Pos.SetIndex, e.LastInLoop))
	}
	want := []string{
		"IK304=3:DTP@2400 at 20, last in loop 19", // found at PCN2's CLM, missing after PCN1's SV1
		"IK304=3:DTP@2400 at 24, last in loop 23", // found at SE, missing after PCN2's SV1
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors\n got %v\nwant %v", got, want)
	}
}
