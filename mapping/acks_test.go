package mapping

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/internal/corpus"
)

func readAcks(t *testing.T, name string, data []byte) ([]*edigw.Acknowledgment, *Result) {
	t.Helper()
	var out []*edigw.Acknowledgment
	res, err := ReadAcknowledgments(bytes.NewReader(data), name, func(a *edigw.Acknowledgment) error {
		out = append(out, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, res
}

// ackFiles are the acknowledgments the round trip runs over: the corpus's
// TA1s, 999s and 277CAs, the story's and the golden fixtures', and those
// edigw's acknowledger writes for every corpus file (999s with IK3, IK4
// and CTX of every kind, 277CAs rejecting claims).
func ackFiles(t *testing.T) map[string][]byte {
	files := map[string][]byte{}
	read := func(name, path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = data
	}
	dir, entries := corpus.Manifest(t)
	for _, e := range entries {
		p := filepath.Join(dir, e.File)
		switch {
		case strings.HasPrefix(e.Transaction, "999"), strings.HasPrefix(e.Transaction, "277"), strings.HasPrefix(e.Transaction, "TA1"):
			read(e.File, p)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		_, err = ack.Acknowledge(context.Background(), bytes.NewReader(data), e.File, ack.Options{Numbers: &ack.Sequence{Start: 1}, Newline: true},
			func(kind, ref string) (io.WriteCloser, error) {
				return &namedBuffer{files: files, name: fmt.Sprintf("ack-of/%s.%s.%s", e.File, ref, kind)}, nil
			})
		if err != nil {
			t.Fatalf("%s: acknowledging: %v", e.File, err)
		}
	}
	for _, glob := range []string{"../fixtures/story/0[45]-*.edi", "../fixtures/golden/*.edi"} {
		names, _ := filepath.Glob(glob)
		for _, p := range names {
			read(strings.TrimPrefix(p, "../"), p)
		}
	}
	return files
}

type namedBuffer struct {
	bytes.Buffer
	files map[string][]byte
	name  string
}

func (b *namedBuffer) Close() error { b.files[b.name] = b.Bytes(); return nil }

// TestAcknowledgmentsRoundTrip is the round-trip guarantee for TA1, 999
// and 277CA: every valid acknowledgment read into records, written back
// and read again gives equal records, and the written file validates.
func TestAcknowledgmentsRoundTrip(t *testing.T) {
	files := ackFiles(t)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	count := map[edigw.AckKind]int{}
	segmentErrors, contexts := 0, 0
	for _, name := range names {
		acks, res := readAcks(t, name, files[name])
		if len(acks) == 0 {
			continue
		}
		byKind := map[edigw.AckKind][]*edigw.Acknowledgment{}
		for _, a := range acks {
			byKind[a.Kind] = append(byKind[a.Kind], a)
		}
		for kind, want := range byKind {
			var buf bytes.Buffer
			var err error
			switch kind {
			case edigw.AckTA1:
				err = WriteTA1(&buf, testEnvelope(), want)
			case edigw.Ack999:
				err = Write999(&buf, testEnvelope(), want)
			case edigw.Ack277CA:
				err = Write277CA(&buf, testEnvelope(), want)
			}
			if err != nil {
				t.Errorf("%s: writing %s: %v", name, kind, err)
				continue
			}
			back, res2 := readAcks(t, name+".regenerated", buf.Bytes())
			if !res2.Report.OK() {
				t.Errorf("%s: the regenerated %s does not validate: %v\n%s", name, kind, res2.Report.Errors, buf.String())
				continue
			}
			if len(back) != len(want) {
				t.Errorf("%s: %d %s back, want %d", name, len(back), kind, len(want))
				continue
			}
			for i := range want {
				sameRecords(t, fmt.Sprintf("%s %s #%d", name, kind, i+1), content(back[i]), content(want[i]))
			}
			count[kind] += len(want)
			for _, a := range want {
				if a.Group != nil {
					for _, s := range a.Group.Sets {
						segmentErrors += len(s.SegmentErrors)
						for _, se := range s.SegmentErrors {
							contexts += len(se.Contexts)
						}
					}
				}
			}
		}
		_ = res
	}
	// Floors, so that a reader that finds nothing cannot pass.
	if count[edigw.AckTA1] < 5 || count[edigw.Ack999] < 60 || count[edigw.Ack277CA] < 20 || segmentErrors < 50 || contexts < 5 {
		t.Errorf("round trip covered %d TA1, %d 999, %d 277CA, %d IK3, %d CTX: fewer than expected",
			count[edigw.AckTA1], count[edigw.Ack999], count[edigw.Ack277CA], segmentErrors, contexts)
	}
	t.Logf("round trip: %d TA1, %d 999, %d 277CA; %d IK3, %d segment CTX", count[edigw.AckTA1], count[edigw.Ack999],
		count[edigw.Ack277CA], segmentErrors, contexts)
}

// content is the part of an acknowledgment a writer reproduces: its own
// envelope comes from the writer's Envelope.
func content(a *edigw.Acknowledgment) edigw.Acknowledgment {
	c := *a
	c.SenderID, c.ReceiverID, c.ApplicationSender, c.ApplicationRecv = "", "", "", ""
	c.InterchangeNumber, c.GroupNumber, c.SetNumber = "", "", ""
	c.StatusUpdates = nil // derived, and they name the envelope
	return c
}

// TestReadAcknowledgments pins what the reader makes of known files: the
// story's 999 and 277CA, and corpus files that reject, accept and carry
// defects.
func TestReadAcknowledgments(t *testing.T) {
	read := func(path string) ([]*edigw.Acknowledgment, *Result) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return readAcks(t, filepath.Base(path), data)
	}

	acks, _ := read("../fixtures/story/04-999.edi")
	if len(acks) != 1 || acks[0].Kind != edigw.Ack999 || acks[0].SenderID != "CIGNA62308" || acks[0].ReceiverID != "HOMECAREDME" ||
		acks[0].InterchangeNumber != "000009001" || acks[0].GroupNumber != "9001" || acks[0].SetNumber != "9001" {
		t.Fatalf("story 999: %+v", acks)
	}
	g := acks[0].Group
	if g.FunctionalID != "HC" || g.ControlNumber != "5002" || g.Code != "A" || g.Included != 1 || len(g.Sets) != 1 ||
		g.Sets[0].ControlNumber != "0001" || g.Sets[0].Code != "A" || !acks[0].Accepted {
		t.Errorf("story 999 group: %+v", g)
	}
	if u := ClaimStatusUpdates(acks[0]); len(u) != 0 {
		t.Errorf("an accepting 999 decides claims: %+v", u)
	}

	acks, _ = read("../fixtures/story/05-277ca.edi")
	if len(acks) != 1 || acks[0].Claims == nil {
		t.Fatalf("story 277CA: %+v", acks)
	}
	ca := acks[0].Claims
	claims := ca.ClaimStatuses()
	if ca.Reference != "HC5002" || len(ca.Sources) != 1 || ca.Sources[0].Source.ID != "62308" || ca.Sources[0].BatchNumber != "HC5002" ||
		*ca.Sources[0].Totals.AcceptedClaims != 2 || ca.Sources[0].Totals.AcceptedAmount.String() != "3300" || len(claims) != 2 ||
		claims[0].PatientControlNumber != "DME-2026-0101" || claims[0].Statuses[0].Codes[0].String() != "A2:20" ||
		claims[1].ServiceDate.From != "20260205" || ca.Sources[0].Providers[0].Provider.NPI() != "1234567893" {
		t.Errorf("story 277CA: %+v", ca)
	}
	updates := ClaimStatusUpdates(acks[0])
	// Each claim with what it is matched inside: the billing provider
	// (2000C), the 837's envelope (the 277CA's, swapped), the batch.
	if len(updates) != 2 || updates[0].Status != edigw.ClaimAccepted || updates[0].PatientControlNumber != "DME-2026-0101" ||
		updates[0].Reason != "277CA: A2:20 (Acknowledgement: accepted into the adjudication system / Accepted for processing)" || updates[0].ProviderNPI != "1234567893" || updates[0].ProviderTIN != "" ||
		updates[0].SenderID != "HOMECAREDME" || updates[0].ReceiverID != "CIGNA62308" || updates[0].BatchNumber != "HC5002" ||
		updates[1].Answer != "277CA ISA13 000009002 GS06 9002 ST02 9002 2200D 2" {
		t.Errorf("story 277CA updates: %+v", updates)
	}

	dir := corpus.Dir(t)
	acks, _ = read(filepath.Join(dir, "imsweb__x12-parser/x12_999_rejected.txt"))
	if len(acks) != 1 || acks[0].Accepted {
		t.Fatalf("rejecting 999: %+v", acks)
	}
	s := acks[0].Group.Sets[0]
	if s.ControlNumber != "0028" || s.Code != "R" || len(s.Errors) != 1 || s.Errors[0] != "5" || len(s.SegmentErrors) != 1 ||
		!reflect.DeepEqual(s.SegmentErrors[0], edigw.SegmentError{SegmentID: "NM", Position: 17, Code: "1"}) {
		t.Errorf("rejected set: %+v", s)
	}
	updates = ClaimStatusUpdates(acks[0])
	want := edigw.ClaimStatusUpdate{SenderID: "ETIN", ReceiverID: "EMEDNYBAT", GroupNumber: "28", SetNumber: "0028",
		Status: edigw.ClaimRejected, MovesFrom: AckMovesFrom(), Reason: "999: IK501 R (Rejected); IK502 5 (One or more segments in error)", Answer: "999 ISA13 095832987 GS06 95832987 ST02 95832987"}
	if len(updates) != 1 || !reflect.DeepEqual(updates[0], want) {
		t.Errorf("rejecting 999 updates %+v, want %+v", updates, want)
	}

	acks, _ = read(filepath.Join(dir, "xlate__staedi/x12_interchange_ack.txt"))
	if len(acks) != 1 || *acks[0].Interchange != (edigw.InterchangeAck{ControlNumber: "000000050", Date: "200229", Time: "1200",
		Code: "A", NoteCode: "000"}) || !acks[0].Accepted {
		t.Errorf("TA1: %+v", acks)
	}
	acks, _ = read(filepath.Join(dir, "UHIN__x12-parser-library/TA1.edi"))
	if len(acks) != 1 || acks[0].Interchange.Code != "R" || acks[0].Accepted {
		t.Fatalf("rejecting TA1: %+v", acks)
	}
	if u := ClaimStatusUpdates(acks[0]); len(u) != 1 || u[0].InterchangeNumber != acks[0].Interchange.ControlNumber ||
		u[0].Status != edigw.ClaimRejected || !strings.HasPrefix(u[0].Reason, "TA1: TA104 R (Interchange rejected because of errors); TA105 ") {
		t.Errorf("rejecting TA1 updates: %+v", u)
	}

	// The deliberately invalid 999 (SE01 miscounted) is held back. It names
	// 005010X231, a version edigw answers as unsupported (IK502=I6,
	// decisions/0020), so no mapper reads it and nothing counts it.
	acks, res := read(filepath.Join(dir, "xlate__staedi/invalid999.edi"))
	if len(acks) != 0 || res.Acknowledgments != 0 {
		t.Errorf("invalid 999: %d records, %d acknowledgments", len(acks), res.Acknowledgments)
	}
}
