package mapping

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// Issue 15: what the reader accepts, the writer writes (items 11-13), and
// the data the records did not carry. Each crafted file in
// testdata/issue15 validates clean, reads into records, is written back
// with the segments asserted below, validates clean again and reads back
// into equal records.

func TestIssue15ClaimsRoundTrip(t *testing.T) {
	for _, c := range []struct {
		file string
		want []string
	}{
		{"837p-round-trip.edi", []string{
			// 2010AB pay-to address
			"NM1*87*2~", "N3*PO BOX 100~", "N4*HARTFORD*CT*061030100~",
			// subscriber outside the US (N404) and REF*SY
			"N4*TORONTO*ON*M5H1A1*CA~", "REF*SY*123456789~",
			// item 13: the payer's N4 without an N3 comes back without a bare N3
			"NM1*PR*2*TEST PAYER*****PI*PAYERX~\nN4*HARTFORD*CT*061050001~",
			// item 12: DTP*435 on a professional claim, with DTP*454 and DTP*304
			"DTP*454*D8*20260101~\nDTP*304*D8*20260115~\nDTP*435*D8*20260120~",
			"REF*D9*CH-TRACE-1~\nREF*EA*MRN-0001~\nNTE*ADD*PATIENT SEEN AT HOME~",
			// 2310C service facility
			"NM1*77*2*TEST FACILITY*****XX*1245319599~\nN3*5 FACILITY RD~\nN4*HARTFORD*CT*061051234~",
			// SV101-7 and the line's NTE
			"SV1*HC:99499:25::::UNLISTED EVALUATION*100*UN*1***1~",
			"REF*6R*PCN-P1-1~\nNTE*ADD*LINE NOTE~",
		}},
		{"837i-round-trip.edi", []string{
			"DTP*096*TM*1130~\nDTP*434*RD8*20260201-20260205~\nDTP*435*DT*202602010800~",
			"REF*D9*CH-TRACE-2~\nREF*EA*MRN-0002~\nNTE*ALG*PENICILLIN~\nNTE*ADD*BILLING NOTE~",
			// present-on-admission (C022-9), DRG, value codes with amounts
			"HI*ABK:I10:::::::Y~\nHI*DR:470~\nHI*ABF:E119:::::::N*ABF:Z7901:::::::U~\nHI*BE:80:::4*BE:A1:::250.5~",
			// 2310E service facility, between the rendering and referring providers
			"NM1*71*1*ATTENDING*ANN****XX*1245319599~\nNM1*77*2*TEST CLINIC*****XX*1003000126~",
			"SV2*0120*HC:99999:::::ROOM AND BOARD*1000*DA*4~",
			"NTE*TPO*THIRD PARTY NOTE~",
		}},
	} {
		claims, res := readClaims(t, filepath.Join("testdata", "issue15", c.file))
		if !guideClean(res) || len(claims) != 1 {
			t.Fatalf("%s: %d claims, errors %v", c.file, len(claims), res.Report.Errors)
		}
		var buf bytes.Buffer
		if err := Write837(&buf, testEnvelope(), claims); err != nil {
			t.Fatalf("%s: Write837: %v", c.file, err)
		}
		out := buf.String()
		for _, w := range c.want {
			if !strings.Contains(out, w+"\n") {
				t.Errorf("%s: missing\n%s\nin\n%s", c.file, w, out)
			}
		}
		if strings.Contains(out, "\nN3~") {
			t.Errorf("%s: a bare N3 written", c.file)
		}
		back := roundTrip837(t, c.file, claims)
		if len(back) != 1 {
			t.Fatalf("%s: %d claims back", c.file, len(back))
		}
		sameRecords(t, c.file, back[0], claims[0])
	}
}

// TestIssue15BPRAccountNumberOnly: a BPR with BPR15 and BPR12-14 empty
// validates, so it is written back (item 11).
func TestIssue15BPRAccountNumberOnly(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "issue15", "835-bpr15-only.edi"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rms []*edigw.Remittance
	res, err := ReadRemittances(f, "835-bpr15-only.edi", func(rm *edigw.Remittance) error { rms = append(rms, rm); return nil })
	if err != nil || !guideClean(res) || len(rms) != 1 {
		t.Fatalf("read: %v, %d remittances, errors %v", err, len(rms), res.Report.Errors)
	}
	if a := rms[0].ReceiverAccount; a == nil || *a != (edigw.BankAccount{AccountNumber: "9876543210"}) {
		t.Fatalf("receiver account %+v", a)
	}
	back, file := roundTrip835(t, "bpr15", rms)
	if len(back) != 1 {
		t.Fatalf("%d remittances back", len(back))
	}
	if want := "BPR*I*249.48*C*ACH*CCP*01*021000021*DA*1234567890*1512345678*****9876543210*20260115~\n"; !strings.Contains(string(file), want) {
		t.Errorf("missing %s in\n%s", want, file)
	}
	sameRecords(t, "bpr15", back[0], rms[0])
}
