package clearinghouse

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// The pipeline counts what partners' acknowledgments decided: a 999 that
// rejects a set with IK502 5 and a 277CA that accepts one claim and
// rejects another; the inbound files by kind and outcome; their bytes;
// and a file seen again as a duplicate counts as one, not as its claims
// twice.
func TestObservationsOfPartnersAcknowledgments(t *testing.T) {
	p := newPipeline(t)
	dir := t.TempDir()
	write := func(name, from, old, new string) string {
		b, err := os.ReadFile(filepath.Join("..", "fixtures", "story", from))
		if err != nil {
			t.Fatal(err)
		}
		for _, pair := range [][2]string{{old, new}} {
			if !strings.Contains(string(b), pair[0]) {
				t.Fatalf("%s lacks %q", from, pair[0])
			}
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	rejecting999 := write("999.x12", "04-999.edi", "IK5*A~\nAK9*A*1*1*1~", "IK5*R*5~\nAK9*R*1*1*0~")
	mixed277 := write("277ca.x12", "05-277ca.edi", "STC*A2:20*20260210*WQ*1850", "STC*A7:562*20260210*U*1850")
	ctx := context.Background()
	var size int64
	for _, f := range []string{rejecting999, mixed277, mixed277} {
		st, _ := os.Stat(f)
		size += st.Size()
	}
	drop(t, p, rejecting999, "a-999.x12")
	drop(t, p, mixed277, "b-277ca.x12")
	drop(t, p, mixed277, "c-277ca-again.x12")
	outs, err := p.PollOnce(ctx)
	if err != nil || len(outs) != 3 {
		t.Fatalf("poll: %d outcomes, %v", len(outs), err)
	}
	for _, out := range outs {
		t.Log(out)
	}
	o := p.Observations()
	for k, want := range map[FileCount]int64{
		{edigw.Inbound, "999", "archived"}:  1,
		{edigw.Inbound, "277", "archived"}:  1,
		{edigw.Inbound, "277", "duplicate"}: 1,
	} {
		if o.Files[k] != want {
			t.Errorf("files %+v: %d, want %d (all: %v)", k, o.Files[k], want, o.Files)
		}
	}
	if got := o.Claims[ClaimDecision{"partner", "accepted"}]; got != 1 {
		t.Errorf("claims the partner accepted: %d, want 1 (%v)", got, o.Claims)
	}
	if got := o.Claims[ClaimDecision{"partner", "rejected"}]; got != 1 {
		t.Errorf("claims the partner rejected: %d, want 1 (%v)", got, o.Claims)
	}
	if len(o.Rejections999) != 1 || o.Rejections999["5"] != 1 {
		t.Errorf("999 rejections %v, want code 5 once", o.Rejections999)
	}
	if o.Bytes[edigw.Inbound] != size {
		t.Errorf("inbound bytes %d, want %d", o.Bytes[edigw.Inbound], size)
	}
}

// A partner cannot grow the set of label values: codes outside the X12
// lists count as "other".
func TestRejectionCodesOutsideTheListAreOther(t *testing.T) {
	var tally ackTally
	tally.add(&edigw.Acknowledgment{Kind: edigw.Ack999, Group: &edigw.GroupAck{Code: "R", Sets: []edigw.SetAck{
		{Code: "R", Errors: []string{"5", "<script>", "I6"}},
		{Code: "R"},
		{Code: "A", Errors: []string{"4"}},
	}}})
	tally.add(&edigw.Acknowledgment{Kind: edigw.Ack999, Group: &edigw.GroupAck{Code: "R", Errors: []string{"4", "999999"}}})
	want := map[string]int64{"5": 1, "other": 2, "I6": 1, "R": 1, "4": 1}
	if len(tally.rejections999) != len(want) {
		t.Fatalf("%v, want %v", tally.rejections999, want)
	}
	for k, v := range want {
		if tally.rejections999[k] != v {
			t.Errorf("%v, want %v", tally.rejections999, want)
		}
	}
}
