package clearinghouse

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// TestInvalidFiles drops files no partner should send: empty, binary, a
// text file, an envelope cut short, an interchange whose IEA does not
// match its ISA, and garbage after a sound ISA. Each goes to error/ with
// a reason file and a rejected ledger entry, stores nothing, and is
// answered with a TA1 rejecting it whenever its ISA names someone to
// answer; a file without an ISA cannot be answered.
func TestInvalidFiles(t *testing.T) {
	story, err := os.ReadFile(filepath.Join("..", "fixtures", "story", "03-837p-claims.edi"))
	if err != nil {
		t.Fatal(err)
	}
	isaEnd := bytes.IndexByte(story, '~') + 1
	binary := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range binary {
		binary[i] = byte(rng.UintN(256))
	}
	ieaAt := bytes.LastIndex(story, []byte("IEA*"))
	wrongIEA := append(append([]byte{}, story[:ieaAt]...), []byte("IEA*1*999999999~\n")...)

	cases := []struct {
		name    string
		data    []byte
		ta1     bool   // answered with a rejecting TA1
		because string // in the reason
	}{
		{"empty.x12", nil, false, "empty input"},
		{"binary.x12", binary, false, "no ISA"},
		{"text.x12", []byte("Dear clearinghouse,\nplease find our claims attached.\n"), false, "no ISA"},
		{"cut-isa.x12", story[:40], false, "ISA"},
		{"wrong-iea.x12", wrongIEA, true, "TA105="},
		{"garbage.x12", append(append([]byte{}, story[:isaEnd]...), []byte("\x00\x01 not X12 at all \xff~~~\n")...), true, "TA105="},
		{"truncated.x12", story[:len(story)/2], true, "TA105="},
	}
	dbURL := testDatabase(t)
	db := openStore(t, dbURL)
	objs := openObjects(t, s3Objects(t))
	p := pipelineOn(db, objs)
	ctx := context.Background()
	for _, c := range cases {
		putBytes(t, objs, c.name, c.data)
	}
	outs, err := p.PollOnce(ctx)
	if err != nil || len(outs) != len(cases) {
		t.Fatalf("poll: %v %v", outs, err)
	}
	byKey := map[string]*Outcome{}
	for _, o := range outs {
		byKey[o.Key] = o
	}
	for _, c := range cases {
		o := byKey[Cigna.Inbound()+c.name]
		if o == nil || o.Status != edigw.FileRejected {
			t.Errorf("%s: %v", c.name, o)
			continue
		}
		reason := readObject(t, objs, reasonKey(restingOf(t, db, c.name)))
		if !strings.HasPrefix(reason, "rejected: ") || !strings.Contains(reason, c.because) {
			t.Errorf("%s: reason %q, want it to say %q", c.name, reason, c.because)
		}
		if got := readObject(t, objs, restingOf(t, db, c.name)); got != string(c.data) {
			t.Errorf("%s: error/ holds other content", c.name)
		}
		f, err := db.FileByKey(ctx, edigw.Inbound, Cigna.Inbound()+c.name)
		if err != nil || f.Status != edigw.FileRejected || f.Reason == "" {
			t.Errorf("%s: ledger %+v %v", c.name, f, err)
		}
		var ta1s []string
		for _, k := range o.Acks {
			if strings.HasSuffix(k, ".ta1.x12") {
				ta1s = append(ta1s, k)
			}
		}
		if !c.ta1 {
			if len(o.Acks) != 0 {
				t.Errorf("%s: acknowledged with %v, though it names no one to answer", c.name, o.Acks)
			}
			continue
		}
		if len(ta1s) != 1 {
			t.Errorf("%s: acknowledgments %v, want one TA1", c.name, o.Acks)
			continue
		}
		acks := readAcksOf(t, []byte(readObject(t, objs, ta1s[0])))
		if len(acks) != 1 || acks[0].Interchange == nil || acks[0].Interchange.Code != "R" {
			t.Errorf("%s: TA1 %+v, want a rejection", c.name, acks)
		}
	}
	c := counts(t, db)
	for _, table := range []string{"claims", "remittances", "authorizations", "events", "interchanges"} {
		if c[table] != 0 {
			t.Errorf("%d %s stored from invalid files", c[table], table)
		}
	}
	if left := keys(t, objs, Cigna.Inbound()); len(left) != 0 {
		t.Errorf("inbound/ still holds %v", left)
	}
}
