package ack

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
	"github.com/edigw/edigw/mapping/codes"
)

// TestRejectedClaimsNameTheDataInError answers a crafted 837P whose
// claims have guide errors (issue 15, items 8 and 9): each rejected claim's
// STC pairs A3:21 with status codes naming the data in error (STC10,
// STC11), and carries no STC12 text; the 277CA validates under X214.
func TestRejectedClaimsNameTheDataInError(t *testing.T) {
	f, err := os.Open("testdata/277ca-data-in-error.837p.edi")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]*bytes.Buffer{}
	sink := func(kind, ref string) (io.WriteCloser, error) {
		b := &bytes.Buffer{}
		out[kind] = b
		return nopCloser{b}, nil
	}
	clock := func() time.Time { return time.Date(2026, 2, 10, 12, 0, 0, 0, time.UTC) }
	if _, err := Acknowledge(context.Background(), f, "in.edi", Options{Numbers: &Sequence{Start: 1}, Now: clock}, sink); err != nil {
		t.Fatal(err)
	}
	ca := out["277ca"]
	if ca == nil {
		t.Fatalf("no 277CA written (got %v)", out)
	}
	var stcs []string
	for _, s := range strings.Split(ca.String(), "~") {
		if strings.HasPrefix(s, "STC*") || strings.HasPrefix(s, "TRN*2*PCN") {
			stcs = append(stcs, s)
		}
	}
	want := []string{
		"TRN*2*PCN-1",
		// DMG03 of the subscriber (2010BA): gender; CLM05-2: facility code qualifier
		"STC*A3:21*20260210*U*100******A3:157:IL*A3:567",
		"TRN*2*PCN-2",
		// SV104: units of service
		"STC*A3:21*20260210*U*200******A3:476",
		"TRN*2*PCN-3",
		"STC*A2:20*20260210*WQ*300",
	}
	if got := strings.Join(stcs[1:], "\n"); got != strings.Join(want, "\n") {
		t.Errorf("claim statuses\n got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	rep, err := (&ig.Validator{File: "277ca"}).Run(bytes.NewReader(ca.Bytes()))
	if err != nil || !rep.OK() {
		t.Errorf("the 277CA does not validate under X214: %v %+v", err, rep)
	}
}

// TestStatusTableCodesAreActive holds every code of the table to the claim
// status code list (508): active, so a receiver can look it up.
func TestStatusTableCodesAreActive(t *testing.T) {
	all := map[string]string{"fallback": "481", "NM109 provider": "562", "NM109 subscriber": "164", "NTE02 line": "586", "REF02 tax id": "128", "DTP line": "187"}
	for k, v := range elementStatus {
		all[k] = v
	}
	for k, v := range segmentStatus {
		all[k] = v
	}
	for k, v := range all {
		if !codes.ClaimStatusCode.Active(v) {
			t.Errorf("%s: status code %s is not an active claim status code", k, v)
		}
	}
	for _, c := range []struct {
		e    edi.Error
		want string
	}{
		{edi.Error{SegmentID: "NM1", Element: 9, Loop: "2010AA"}, "A3 562 85"},
		{edi.Error{SegmentID: "NM1", Element: 9, Loop: "2010BA"}, "A3 164 IL"},
		{edi.Error{SegmentID: "NM1", Element: 9, Loop: "2310B"}, "A3 562"},
		{edi.Error{SegmentID: "N4", Element: 3, Loop: "2010AA"}, "A3 500 85"},
		{edi.Error{SegmentID: "CLM", Element: 5, Component: 3, Loop: "2300"}, "A3 535"},
		{edi.Error{SegmentID: "DTP", Loop: "2400"}, "A3 187"},
		{edi.Error{SegmentID: "HI", Element: 2, Component: 2, Loop: "2300"}, "A3 255"},
		{edi.Error{SegmentID: "PWK", Element: 1, Loop: "2300"}, "A3 481"},
	} {
		if got := strings.Join(dataStatus(&c.e), " "); got != c.want {
			t.Errorf("%s: %s, want %s", fmt.Sprint(c.e.SegmentID, c.e.Element, c.e.Loop), got, c.want)
		}
	}
}
