package api_test

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/mapping"
)

// file837 is an 837P a partner drops, carrying claims of one provider.
func file837(t *testing.T, isa int64, claims ...*edigw.Claim) []byte {
	t.Helper()
	var buf bytes.Buffer
	env := mapping.Envelope{SenderID: "CIGNA62308", ReceiverID: "EDIGW", Numbers: &ack.Sequence{Start: isa},
		Now: func() time.Time { return storyDay }, Newline: true}
	if err := mapping.Write837(&buf, env, claims); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Two providers' files dropped under the same name (and a third under the
// same base name in a sub-prefix) each rest under a key of their own, and
// each provider downloads its own file's bytes. Before, the second file
// overwrote the first in archive/ and A downloaded B's claims. Then the
// object at A's resting key is replaced (with B's bytes): the download
// answers 500 and operators get a file.digest_mismatch event, never the
// other bytes.
func TestSameNameFilesDownloadTheirOwnBytes(t *testing.T) {
	for _, s3 := range []bool{false, true} {
		name := map[bool]string{false: "directory", true: "s3"}[s3]
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, envOptions{s3: s3})
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			tokA, _ := e.token(t, "clinic a", []edigw.Entitlement{edigw.EntitleClaims}, []string{tinA}, []string{npiA})
			tokB, _ := e.token(t, "clinic b", []edigw.Entitlement{edigw.EntitleClaims}, []string{tinB}, []string{npiB})
			in := cigna.Inbound()
			drops := []struct {
				key   string
				token string
				body  []byte
			}{
				{in + "claims.x12", tokA, file837(t, 101, claim("SAME-A-1", tinA, npiA))},
				{in + "claims.x12", tokB, file837(t, 201, claim("SAME-B-1", tinB, npiB))},
				{in + "clinic-b/claims.x12", tokB, file837(t, 301, claim("SAME-B-2", tinB, npiB))},
			}
			ids := make([]int64, len(drops))
			resting := map[string]bool{}
			for i, d := range drops {
				put(t, e, d.key, d.body)
				outs, err := e.pipeline.PollOnce(ctx)
				if err != nil || len(outs) != 1 || outs[0].Status != edigw.FileArchived {
					t.Fatalf("drop %d: %v %v", i, outs, err)
				}
				ids[i] = outs[0].Result.FileID
				f, err := e.db.File(ctx, ids[i])
				if err != nil {
					t.Fatal(err)
				}
				if f.RestingKey == "" || resting[f.RestingKey] {
					t.Fatalf("drop %d rests at %q, taken or empty", i, f.RestingKey)
				}
				resting[f.RestingKey] = true
			}
			for i, d := range drops {
				res := e.call(t, "GET", "/v1/files/"+strconv.FormatInt(ids[i], 10), d.token, nil)
				if res.status != http.StatusOK || !bytes.Equal(res.body, d.body) {
					t.Errorf("drop %d (%s): %d, %d bytes; want its own %d bytes", i, d.key, res.status, len(res.body), len(d.body))
				}
			}

			// Replace what rests at A's key with B's bytes.
			fA, err := e.db.File(ctx, ids[0])
			if err != nil {
				t.Fatal(err)
			}
			put(t, e, fA.RestingKey, drops[1].body)
			res := e.call(t, "GET", "/v1/files/"+strconv.FormatInt(ids[0], 10), tokA, nil)
			if res.status != http.StatusInternalServerError || res.apiError(t).Error.Code != "digest_mismatch" ||
				bytes.Contains(res.body, []byte("SAME-B-1")) {
				t.Errorf("download of a replaced object: %d %s", res.status, res.body)
			}
			evs, err := e.db.Events(ctx, 0, 1000)
			if err != nil {
				t.Fatal(err)
			}
			var raised []edigw.Event
			for _, ev := range evs {
				if ev.Kind == edigw.EventFileDigestMismatch {
					raised = append(raised, ev)
				}
			}
			if len(raised) != 1 || raised[0].SubjectID != ids[0] || raised[0].Subject != "file" ||
				raised[0].TIN != "" || raised[0].NPI != "" || raised[0].Reference != fA.RestingKey {
				t.Errorf("operator events: %+v", raised)
			}
			// A provider's feed does not show it.
			mine, err := e.db.EventsOf(ctx, 0, 1000, &edigw.Scope{TINs: []string{tinA}, NPIs: []string{npiA}},
				[]string{"claim", "authorization", "remittance"})
			if err != nil {
				t.Fatal(err)
			}
			for _, ev := range mine {
				if ev.Kind == edigw.EventFileDigestMismatch {
					t.Errorf("a provider sees the operator event %+v", ev)
				}
			}
		})
	}
}
