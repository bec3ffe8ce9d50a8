package ack

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"
)

// placementClaim is one claim of a crafted 837P: its subscriber opens a
// new HL*22 unless sameSubscriber, and its lines carry DTP*472 except
// those listed in noDate.
type placementClaim struct {
	pcn, last      string
	lines          int
	noDate         map[int]bool // 1-based line numbers without DTP*472
	sameSubscriber bool
	patient        string // a patient level (HL*23) of that last name
	noPayer        bool   // the subscriber lacks its payer (2010BB)
}

// placement837 builds a valid 837P (X222A1) of the given claims, each line
// charged 100, less the segments listed in drop.
func placement837(claims []placementClaim, drop ...string) string {
	segs := []string{
		"ST*837*0001*005010X222A1",
		"BHT*0019*00*PLACEMENT*20260210*0915*CH",
		"NM1*41*2*TEST SUBMITTER*****46*SUBMITTERX",
		"PER*IC*BILLING DESK*TE*8605550142",
		"NM1*40*2*TEST PAYER*****46*PAYERX",
		"HL*1**20*1",
		"NM1*85*2*TEST CLINIC*****XX*1234567893",
		"N3*1 MAIN ST",
		"N4*HARTFORD*CT*061031234",
		"REF*EI*061234567",
	}
	hl := 1
	for i, c := range claims {
		if !c.sameSubscriber {
			hl++
			child, rel := 0, "18"
			if c.patient != "" {
				child, rel = 1, ""
			}
			segs = append(segs,
				fmt.Sprintf("HL*%d*1*22*%d", hl, child),
				fmt.Sprintf("SBR*P*%s*G1******CI", rel),
				fmt.Sprintf("NM1*IL*1*%s*JANE****MI*M%03d", c.last, i+1),
				"N3*1 ELM ST",
				"N4*HARTFORD*CT*061051234",
				"DMG*D8*19480312*F")
			if !c.noPayer {
				segs = append(segs, "NM1*PR*2*TEST PAYER*****PI*PAYERX")
			}
			if c.patient != "" {
				hl++
				segs = append(segs,
					fmt.Sprintf("HL*%d*%d*23*0", hl, hl-1),
					"PAT*19",
					fmt.Sprintf("NM1*QC*1*%s*JOHN", c.patient),
					"N3*1 ELM ST",
					"N4*HARTFORD*CT*061051234",
					"DMG*D8*20100312*M")
			}
		}
		segs = append(segs, fmt.Sprintf("CLM*%s*%d***11:B:1*Y*A*Y*Y", c.pcn, 100*c.lines), "HI*ABK:Z0000")
		for l := 1; l <= c.lines; l++ {
			segs = append(segs, fmt.Sprintf("LX*%d", l), "SV1*HC:99213*100*UN*1***1")
			if !c.noDate[l] {
				segs = append(segs, fmt.Sprintf("DTP*472*D8*202602%02d", i+1))
			}
		}
	}
	segs = slices.DeleteFunc(segs, func(s string) bool { return slices.Contains(drop, s) })
	segs = append(segs, fmt.Sprintf("SE*%d*0001", len(segs)+1))
	return "ISA*00*          *00*          *ZZ*SUBMITTERX     *ZZ*PAYERX         *260210*0915*^*00501*000000016*0*T*:~" +
		"GS*HC*SUBMITTERX*PAYERX*20260210*0915*16*X*005010X222A1~" +
		strings.Join(segs, "~") + "~GE*1*16~IEA*1*000000016~"
}

// placementAcks acknowledges an 837 and returns its 999 and 277CA (empty
// when none was written).
func placementAcks(t *testing.T, x12 string) (ack999, ack277 string) {
	t.Helper()
	out := map[string]*bytes.Buffer{}
	sink := func(kind, ref string) (io.WriteCloser, error) {
		b := &bytes.Buffer{}
		out[kind] = b
		return nopCloser{b}, nil
	}
	clock := func() time.Time { return time.Date(2026, 2, 10, 12, 0, 0, 0, time.UTC) }
	if _, err := Acknowledge(context.Background(), strings.NewReader(x12), "in.edi", Options{Numbers: &Sequence{Start: 1}, Now: clock}, sink); err != nil {
		t.Fatal(err)
	}
	if b := out["999"]; b != nil {
		ack999 = b.String()
	}
	if b := out["277ca"]; b != nil {
		ack277 = b.String()
	}
	return ack999, ack277
}

// segmentsOf lists the segments of an acknowledgment starting with one of
// the prefixes.
func segmentsOf(x12 string, prefixes ...string) []string {
	var out []string
	for _, s := range strings.Split(x12, "~") {
		for _, p := range prefixes {
			if strings.HasPrefix(s, p) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// TestMissingSegmentRejectsTheClaimItIsMissingFrom: a DTP*472 missing from
// a claim's last service line is found only at the segment after the
// line, the next claim's HL or CLM, or SE. The 999 reports it there (IK302)
// in loop 2400, naming in its CTX the claim it is missing from, and accepts
// the set with errors (decision 0002); the 277CA rejects that claim alone.
// Before, the next claim (another patient's) was rejected in its place, and
// at SE the whole set.
func TestMissingSegmentRejectsTheClaimItIsMissingFrom(t *testing.T) {
	accepted := func(pcn string, charge int) string {
		return fmt.Sprintf("STC*A2:20*20260210*WQ*%d", charge)
	}
	rejected := func(pcn string, charge int) string {
		return fmt.Sprintf("STC*A3:21*20260210*U*%d******A3:187", charge)
	}
	for _, tc := range []struct {
		name     string
		claims   []placementClaim
		drop     []string
		wantIK3  string // the 999's IK3 and CTX
		wantSTCs []string
	}{{
		name: "second claim's last line, found at the third claim's HL",
		claims: []placementClaim{
			{pcn: "PCN-1", last: "ONE", lines: 1},
			{pcn: "PCN-2", last: "TWO", lines: 2, noDate: map[int]bool{2: true}},
			{pcn: "PCN-3", last: "THREE", lines: 1},
		},
		wantIK3: "IK3*DTP*37*2400*3~CTX*CLM01:PCN-2", // 37: the third claim's HL
		wantSTCs: []string{"TRN*2*PCN-1", accepted("PCN-1", 100), "TRN*2*PCN-2", rejected("PCN-2", 200),
			"TRN*2*PCN-3", accepted("PCN-3", 100)},
	}, {
		name: "second claim's last line, found at the third claim's CLM (same subscriber)",
		claims: []placementClaim{
			{pcn: "PCN-1", last: "ONE", lines: 1},
			{pcn: "PCN-2", last: "TWO", lines: 2, noDate: map[int]bool{2: true}},
			{pcn: "PCN-3", last: "TWO", lines: 1, sameSubscriber: true},
		},
		wantIK3: "IK3*DTP*37*2400*3~CTX*CLM01:PCN-2", // 37: the third claim's CLM
		wantSTCs: []string{"TRN*2*PCN-1", accepted("PCN-1", 100), "TRN*2*PCN-2", rejected("PCN-2", 200),
			"TRN*2*PCN-3", accepted("PCN-3", 100)},
	}, {
		name: "the last claim's last line, found at SE",
		claims: []placementClaim{
			{pcn: "PCN-1", last: "ONE", lines: 1},
			{pcn: "PCN-2", last: "TWO", lines: 1},
			{pcn: "PCN-3", last: "THREE", lines: 2, noDate: map[int]bool{2: true}},
		},
		wantIK3: "IK3*DTP*49*2400*3~CTX*CLM01:PCN-3", // 49: SE
		wantSTCs: []string{"TRN*2*PCN-1", accepted("PCN-1", 100), "TRN*2*PCN-2", accepted("PCN-2", 100),
			"TRN*2*PCN-3", rejected("PCN-3", 200)},
	}, {
		// The subscriber's levels end at its patient's HL: the missing
		// 2010BB, found there, rejects the subscriber's claims, not the set.
		name: "first subscriber's payer (2010BB), found at its patient's HL",
		claims: []placementClaim{
			{pcn: "PCN-1", last: "ONE", lines: 1, patient: "CHILD", noPayer: true},
			{pcn: "PCN-2", last: "TWO", lines: 1},
		},
		wantIK3:  "IK3*NM1*17*2000*3~CTX*CLM01:PCN-1", // 17: the patient's HL; IK303 holds 4 characters
		wantSTCs: []string{"TRN*2*PCN-1", "STC*A3:21*20260210*U*100******A3:124:IL", "TRN*2*PCN-2", accepted("PCN-2", 100)},
	}, {
		// The billing provider's levels end at its first subscriber: the
		// tax ID missing from 2010AA, found at that subscriber's HL,
		// rejects every claim of the provider, not the first subscriber's.
		name: "billing provider's tax ID (2010AA), found at the first subscriber's HL",
		claims: []placementClaim{
			{pcn: "PCN-1", last: "ONE", lines: 1},
			{pcn: "PCN-2", last: "TWO", lines: 1},
		},
		drop:    []string{"REF*EI*061234567"},
		wantIK3: "IK3*REF*10*2010*3~CTX*CLM01:PCN-1", // 10: the first subscriber's HL; IK303 holds 4 characters
		wantSTCs: []string{"TRN*2*PCN-1", "STC*A3:21*20260210*U*100******A3:128:85", "TRN*2*PCN-2",
			"STC*A3:21*20260210*U*100******A3:128:85"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			x12 := placement837(tc.claims, tc.drop...)
			a999, a277 := placementAcks(t, x12)
			if got := strings.Join(segmentsOf(a999, "IK3*", "IK4*", "CTX*"), "~"); got != tc.wantIK3 {
				t.Errorf("999 segment errors %q, want %q\n%s", got, tc.wantIK3, a999)
			}
			if got := strings.Join(segmentsOf(a999, "IK5*"), "~"); got != "IK5*E*I5" {
				t.Errorf("999 %q, want IK5*E*I5 (accepted with errors)", got)
			}
			if a277 == "" {
				t.Fatalf("no 277CA written; 999:\n%s", a999)
			}
			got := segmentsOf(a277, "TRN*2*PCN", "STC*")
			if len(got) > 0 && !strings.HasPrefix(got[0], "TRN") {
				got = got[1:] // the file's own STC (2200B)
			}
			if strings.Join(got, "\n") != strings.Join(tc.wantSTCs, "\n") {
				t.Errorf("claim statuses\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.wantSTCs, "\n"))
			}
		})
	}
}

// TestPlacementFixtureIsValid: the crafted 837P without the omission is
// accepted, so the errors above come from the missing DTP alone.
func TestPlacementFixtureIsValid(t *testing.T) {
	a999, a277 := placementAcks(t, placement837([]placementClaim{
		{pcn: "PCN-1", last: "ONE", lines: 1}, {pcn: "PCN-2", last: "TWO", lines: 2}, {pcn: "PCN-3", last: "TWO", lines: 1, sameSubscriber: true},
		{pcn: "PCN-4", last: "FOUR", lines: 1, patient: "CHILD"},
	}))
	if got := strings.Join(segmentsOf(a999, "IK3*", "IK5*"), "~"); got != "IK5*A" {
		t.Errorf("999 %q, want IK5*A\n%s", got, a999)
	}
	if n := len(segmentsOf(a277, "STC*A2:20")); n != 4 {
		t.Errorf("%d claims accepted, want 4\n%s", n, a277)
	}
}
