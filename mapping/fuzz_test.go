package mapping

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
)

// FuzzRead feeds arbitrary input to the one reader every path uses, with
// every handler, the payer rules and the acknowledger on: it must never
// panic, and each acknowledgment it hands over (only sets that validate
// clean come out) must survive the writer and come back equal.
func FuzzRead(f *testing.F) {
	for _, glob := range []string{"../fixtures/story/*.edi", "../fixtures/edi/*.edi", "../fixtures/golden/*.edi"} {
		names, _ := filepath.Glob(glob)
		for _, n := range names {
			if data, err := os.ReadFile(n); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var acks []*edigw.Acknowledgment
		count := 0
		h := Handlers{
			Claim:               func(*edigw.Claim) error { count++; return nil },
			Remittance:          func(*edigw.Remittance) error { count++; return nil },
			Authorization:       func(*edigw.AuthorizationRequest) error { count++; return nil },
			Acknowledgment:      func(a *edigw.Acknowledgment) error { acks = append(acks, a); return nil },
			AuthorizationLookup: Authorizations(nil),
			Acknowledger: ack.NewAcknowledger(context.Background(), ack.Options{Numbers: &ack.Sequence{}}, func(string, string) (io.WriteCloser, error) {
				return nopWriteCloser{}, nil
			}),
		}
		if _, err := Read(bytes.NewReader(data), "fuzz", h); err != nil {
			return
		}
		for _, a := range acks {
			if a.Kind == edigw.AckTA1 {
				continue // TA1s are read even from broken interchanges
			}
			var buf bytes.Buffer
			write := Write999
			if a.Kind == edigw.Ack277CA {
				write = Write277CA
			}
			if err := write(&buf, testEnvelope(), []*edigw.Acknowledgment{a}); err != nil {
				t.Fatalf("writing a %s read from valid input: %v", a.Kind, err)
			}
			var back []*edigw.Acknowledgment
			if _, err := ReadAcknowledgments(bytes.NewReader(buf.Bytes()), "again", func(b *edigw.Acknowledgment) error {
				back = append(back, b)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if len(back) != 1 || !reflect.DeepEqual(content(back[0]), content(a)) {
				t.Fatalf("%s did not come back equal:\n%s", a.Kind, buf.String())
			}
		}
	})
}

type nopWriteCloser struct{}

func (nopWriteCloser) Write(p []byte) (int, error) { return len(p), nil }
func (nopWriteCloser) Close() error                { return nil }
