package ack

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"testing"
	"time"

	"github.com/edigw/edigw/edi/ig"
)

func fixedNow() time.Time { return time.Date(2026, 2, 10, 12, 0, 0, 0, time.UTC) }

// TestSpooledClaimsAnswerAlike: the claims of a set that wait on disk
// (beyond claimsInMemory) give the same 999 (CTX naming the claim an
// error is in) and 277CA (each claim accepted or rejected with its first
// error) byte for byte as claims held in memory.
func TestSpooledClaimsAnswerAlike(t *testing.T) {
	for _, file := range []string{
		"../../fixtures/story/03-837p-claims.edi",
		"../../fixtures/edi/cigna-837p-one-claim-rejected.edi",
		"../../fixtures/edi/cigna-837p-dme-claim.edi",
	} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		acks := func() map[string]string {
			out := map[string]string{}
			_, err := Acknowledge(context.Background(), bytes.NewReader(data), file, Options{Numbers: &Sequence{}, Now: fixedNow},
				func(kind, ref string) (io.WriteCloser, error) {
					return &into{m: out, k: kind + " " + ref}, nil
				})
			if err != nil {
				t.Fatal(err)
			}
			return out
		}
		inMemory := acks()
		saved := claimsInMemory
		claimsInMemory = 0
		spooled := acks()
		claimsInMemory = saved
		if len(inMemory) == 0 || len(spooled) != len(inMemory) {
			t.Fatalf("%s: %d acknowledgments in memory, %d spooled", file, len(inMemory), len(spooled))
		}
		for k, v := range inMemory {
			if spooled[k] != v {
				t.Errorf("%s: %s differs when the claims are spooled:\n%s\nwant\n%s", file, k, spooled[k], v)
			}
		}
	}
}

type into struct {
	m map[string]string
	k string
	b bytes.Buffer
}

func (w *into) Write(p []byte) (int, error) { return w.b.Write(p) }
func (w *into) Close() error                { w.m[w.k] = w.b.String(); return nil }

// TestPlacesOnlyCollectorAlike: a places-only collector gives every set
// the same disposition and every claim the same status whether its
// claims wait in memory (carved from slabs it carves again set after
// set) or past claimsInMemory (one claim serving them all, spooled).
func TestPlacesOnlyCollectorAlike(t *testing.T) {
	for _, file := range []string{
		"../../fixtures/story/03-837p-claims.edi",
		"../../fixtures/edi/cigna-837p-one-claim-rejected.edi",
		"../../fixtures/edi/cigna-837p-dme-claim.edi",
	} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		verdicts := func() []string {
			// Twice over the file: the second reading carves the slabs the
			// first one gave back.
			c := &ClaimCollector{PlacesOnly: true}
			var out []string
			for range 2 {
				v := &ig.Validator{File: file, Handlers: []ig.Handler{c, ig.Funcs{OnSet: func(s *ig.SetResult) {
					cs, err := c.Claims(s)
					if err != nil || cs == nil {
						out = append(out, fmt.Sprint("no claims: ", err))
						return
					}
					out = append(out, fmt.Sprintf("set %s: %s, %d claims, %d outside", s.Header.ControlNumber, cs.Disposition(s), cs.Len(), len(cs.Outside)))
					_ = cs.Each(func(cl *Claim) error {
						out = append(out, cl.RejectionStatus())
						return nil
					})
				}}}}
				if _, err := v.Run(bytes.NewReader(data)); err != nil {
					t.Fatal(err)
				}
			}
			c.Close()
			return out
		}
		inMemory := verdicts()
		saved := claimsInMemory
		claimsInMemory = 0
		spooled := verdicts()
		claimsInMemory = saved
		if len(inMemory) == 0 || fmt.Sprint(inMemory) != fmt.Sprint(spooled) {
			t.Errorf("%s: in memory %q, spooled %q", file, inMemory, spooled)
		}
	}
}
