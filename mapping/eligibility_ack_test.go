package mapping

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw/edi/ack"
)

type ackBuffer struct{ bytes.Buffer }

func (*ackBuffer) Close() error { return nil }

// TestEligibility999: the one acknowledgment writer answers a 270 and a
// 271 with a 999 (AK1 HS or HB), accepting a valid set and rejecting one
// with a service type code outside the list, where it is (IK3 EQ, IK4
// 1365 code 7).
func TestEligibility999(t *testing.T) {
	for _, c := range []struct{ file, from, to, want string }{
		{"270-subscriber-and-dependent.edi", "", "", "AK1*HS*4901*005010X279A1~\nAK2*270*0001*005010X279A1~\nIK5*A~"},
		{"271-benefits.edi", "", "", "AK1*HB*7901*005010X279A1~\nAK2*271*0001*005010X279A1~\nIK5*A~"},
		{"270-subscriber-and-dependent.edi", "EQ*30~", "EQ*Z9~", "IK3*EQ*15*2110*8~\nIK4*1*1365*7*Z9~\nIK5*R*5~"},
	} {
		data, err := os.ReadFile(filepath.Join("..", "fixtures", "eligibility", c.file))
		if err != nil {
			t.Fatal(err)
		}
		if c.from != "" {
			data = bytes.Replace(data, []byte(c.from), []byte(c.to), 1)
		}
		out := map[string]*ackBuffer{}
		_, err = ack.Acknowledge(context.Background(), bytes.NewReader(data), c.file, ack.Options{Numbers: &ack.Sequence{Start: 1}, Newline: true},
			func(kind, ref string) (io.WriteCloser, error) {
				b := &ackBuffer{}
				out[kind] = b
				return b, nil
			})
		if err != nil {
			t.Fatal(err)
		}
		got := out[ack.Kind999]
		if got == nil || !strings.Contains(got.String(), c.want) {
			t.Errorf("%s %q: 999 lacks %q:\n%v", c.file, c.to, c.want, got)
		}
	}
}
