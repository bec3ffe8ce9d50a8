package ack

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestConformanceFixtures runs the crafted files of issue 15
// (fixtures/edi/conformance, each a fixture of ours with one defect) through
// the acknowledger and states, segment by segment, what edigw answers: the
// body of each 999 (AK1 to AK9) and each TA1, and the codes validation
// found, and for the 837s the 277CA's STC segments (the batch receipt,
// then each claim's, a rejection naming the data in error with status
// codes: items 8 and 9) and how many claims it rejects.
func TestConformanceFixtures(t *testing.T) {
	for _, c := range []struct {
		file     string
		errors   string // validation's codes, sorted
		acks     map[string]string
		rejected int      // claims the 277CA rejects
		stcs     []string // the 277CA's STC segments, in order
	}{
		{ // 1. GS01 names the family of the sets inside: an 837 goes in HC.
			file: "gs01-837-in-hp-group.edi", errors: "IK502=6",
			acks: map[string]string{
				Kind999: "AK1*HP*4711*005010X222A1~AK2*837*0001*005010X222A1~IK5*R*6~AK9*R*1*1*0~",
				KindTA1: "TA1*000004711*260210*0915*A*000~",
			},
		},
		{ // an 835 goes in HP
			file: "gs01-835-in-hc-group.edi", errors: "IK502=6",
			acks: map[string]string{Kind999: "AK1*HC*7002*005010X221A1~AK2*835*0001~IK5*R*6~AK9*R*1*1*0~"},
		},
		{ // a 278 goes in HI
			file: "gs01-278-in-hc-group.edi", errors: "IK502=6",
			acks: map[string]string{Kind999: "AK1*HC*5001*005010X217~AK2*278*0001*005010X217~IK5*R*6~AK9*R*1*1*0~"},
		},
		{ // 2. TA101 to TA105 are mandatory. A TA1 sits outside any group, so
			// no 999 reports it; validation does (and the edigw commands exit 1).
			file: "ta1-without-ta105.edi", errors: "IK403=1",
			acks: map[string]string{KindTA1: "TA1*000004711*260210*0915*A*000~"},
		},
		{ // 3. HL04 1 with no child: the subscriber is the patient, so no 2000C
			// follows. The error falls on the claim below (decisions/0002).
			file: "hl04-1-without-child-837.edi", errors: "IK403=7",
			acks: map[string]string{
				Kind999: "AK1*HC*4711*005010X222A1~AK2*837*0001*005010X222A1~IK3*HL*12*2000*8~CTX*CLM01:DME-2026-0001~IK4*4*736*7*1~IK5*E*I5~AK9*E*1*1*1~",
				KindTA1: "TA1*000004711*260210*0915*A*000~",
			},
			rejected: 1,
			// 481: the claim/submission format is invalid, of the subscriber (IL).
			stcs: []string{"STC*A1:19:PR*20260210*WQ*1450", "STC*A3:21*20260210*U*1450******A3:481:IL"},
		},
		{ // HL04 0 followed by a child: the patient event (2000E) has services.
			file: "hl04-0-with-child-278.edi", errors: "IK403=7",
			acks: map[string]string{Kind999: "AK1*HI*5001*005010X217~AK2*278*0001*005010X217~IK3*HL*11*2000*8~IK4*4*736*7*0~IK5*R*5~AK9*R*1*1*0~"},
		},
		{ // and in a 277CA: the billing provider level (2000C) has patients.
			file: "hl04-0-with-child-277ca.edi", errors: "IK403=7",
			acks: map[string]string{Kind999: "AK1*HN*9002*005010X214~AK2*277*9002*005010X214~IK3*HL*14*2000*8~IK4*4*736*7*0~IK5*R*5~AK9*R*1*1*0~"},
		},
		{ // 4. "NA" is no state or province, "USA" no ISO 3166 country code.
			file: "address-na-state-usa-country.edi", errors: "IK403=7 IK403=7",
			acks: map[string]string{
				Kind999: "AK1*HC*4711*005010X222A1~AK2*837*0001*005010X222A1~IK3*N4*10*2010*8~CTX*CLM01:DME-2026-0001~IK4*2*156*7*NA~" +
					"IK3*N4*16*2010*8~CTX*CLM01:DME-2026-0001~IK4*4*26*7*USA~IK5*E*I5~AK9*E*1*1*1~",
				KindTA1: "TA1*000004711*260210*0915*A*000~",
			},
			rejected: 1,
			// 501 the billing provider's (85) state, 126 the subscriber's (IL) country.
			stcs: []string{"STC*A1:19:PR*20260210*WQ*1450", "STC*A3:21*20260210*U*1450******A3:501:85*A3:126:IL"},
		},
		{ // 6. STC01-1 "A9" is no claim status category, STC01-2 "9999" no
			// claim status code: the 277CA is rejected, not half read.
			file: "277ca-unknown-status-codes.edi", errors: "IK403=7 IK403=7",
			acks: map[string]string{Kind999: "AK1*HN*9002*005010X214~AK2*277*9002*005010X214~IK3*STC*22*2200*8~IK4*1:1*1271*7*A9~" +
				"IK3*STC*27*2200*8~IK4*1:2*1271*7*9999~IK5*R*5~AK9*R*1*1*0~"},
		},
		{ // 7. The last IEA has no terminator: the TA1 says so and rejects
			// the interchange, and nothing else is answered.
			file: "iea-without-terminator.edi", errors: "TA105=023",
			acks: map[string]string{KindTA1: "TA1*000004711*260210*0915*R*023~"},
		},
		{ // 10. A 999 naming 005010X231 (before the A1 errata) is answered as
			// unsupported by the version it names (a 999 is not acknowledged).
			file: "999-names-x231.edi", errors: "IK502=I6",
			acks: map[string]string{},
		},
	} {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "edi", "conformance", c.file))
			if err != nil {
				t.Fatal(err)
			}
			bodies := map[string]*bytes.Buffer{}
			sink := func(kind, ref string) (io.WriteCloser, error) {
				if bodies[kind] != nil {
					t.Errorf("a second %s (%s)", kind, ref)
				}
				bodies[kind] = &bytes.Buffer{}
				return nopCloser{bodies[kind]}, nil
			}
			now := func() time.Time { return time.Date(2026, 2, 10, 9, 31, 0, 0, time.UTC) }
			res, err := Acknowledge(context.Background(), bytes.NewReader(data), c.file, Options{Numbers: &Sequence{Start: 1}, Now: now}, sink)
			if err != nil {
				t.Fatal(err)
			}
			var codes []string
			for _, e := range res.Report.Errors {
				codes = append(codes, e.Code.String())
			}
			sort.Strings(codes)
			if got := strings.Join(codes, " "); got != c.errors {
				t.Errorf("validation %q, want %q: %v", got, c.errors, res.Report.Errors)
			}
			for kind, want := range c.acks {
				b := bodies[kind]
				if b == nil {
					t.Errorf("no %s, want %s", kind, want)
					continue
				}
				if got := answerBody(b.String()); got != want {
					t.Errorf("%s\n got %s\nwant %s", kind, got, want)
				}
			}
			for kind := range bodies {
				if _, ok := c.acks[kind]; !ok && kind != Kind277CA {
					t.Errorf("unexpected %s:\n%s", kind, bodies[kind])
				}
			}
			if c.stcs != nil {
				var stcs []string
				if b := bodies[Kind277CA]; b != nil {
					for _, seg := range strings.Split(b.String(), "~") {
						if seg = strings.TrimSpace(seg); strings.HasPrefix(seg, "STC*") {
							stcs = append(stcs, seg)
						}
					}
				}
				if strings.Join(stcs, "~") != strings.Join(c.stcs, "~") {
					t.Errorf("277CA STCs\n got %q\nwant %q", stcs, c.stcs)
				}
			}
			if res.ClaimsRejected != c.rejected {
				t.Errorf("%d claims rejected, want %d", res.ClaimsRejected, c.rejected)
			}
		})
	}
}

// answerBody is an acknowledgment without its envelope (ISA, GS, ST, SE,
// GE, IEA), its segments joined: what it says rather than how it is sent.
func answerBody(x12 string) string {
	var b strings.Builder
	for _, s := range strings.Split(x12, "~") {
		s = strings.TrimSpace(s)
		id, _, _ := strings.Cut(s, "*")
		switch id {
		case "", "ISA", "GS", "ST", "SE", "GE", "IEA":
			continue
		}
		b.WriteString(s + "~")
	}
	return b.String()
}
