package clearinghouse

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// TestDuplicatesPerInterchange: duplicates are decided per interchange,
// at its ISA, before any of its records loads. A file holding an
// interchange received before and a new one keeps the new one's claims
// and answers it with its 999 and 277CA, and answers the old one with a
// TA1 rejecting it with TA105=025 and nothing else; an ISA13 repeated
// inside one file makes the second a duplicate of the first, which is
// processed; a file of nothing but duplicates goes to error/ as
// duplicate, with its TA1s. On the old code the first two files were
// refused whole (their new claims lost, no acknowledgment).
func TestDuplicatesPerInterchange(t *testing.T) {
	dbURL := testDatabase(t)
	db := openStore(t, dbURL)
	objs := openObjects(t, s3Objects(t))
	p := pipelineOn(db, objs)
	x, y, z := storyWithISA13(t, 8001), storyWithISA13(t, 8002), storyWithISA13(t, 8003)
	join := func(parts ...[]byte) []byte { return slices.Concat(parts...) }

	type want struct {
		status edigw.FileStatus
		claims int64 // stored in all, after the file
		ta1s   []string
		others []string // refs of the 999s and 277CAs
	}
	for _, step := range []struct {
		name string
		data []byte
		want want
	}{
		{"a.x12", x, want{edigw.FileArchived, 2, nil, []string{"000008001-5002.999", "000008001-5002-0001.277ca"}}},
		{"b-old-and-new.x12", join(x, y), want{edigw.FileArchived, 4, []string{"000008001"}, []string{"000008002-5002.999", "000008002-5002-0001.277ca"}}},
		{"c-isa13-twice.x12", join(z, z), want{edigw.FileArchived, 6, []string{"000008003"}, []string{"000008003-5002.999", "000008003-5002-0001.277ca"}}},
		{"d-all-seen.x12", join(y, x), want{edigw.FileDuplicate, 6, []string{"000008002", "000008001"}, nil}},
	} {
		putBytes(t, objs, step.name, step.data)
		o := pollOne(t, p)
		if o.Status != step.want.status {
			t.Errorf("%s: %s, want %s", step.name, o, step.want.status)
		}
		if n := queryInt(t, dbURL, "SELECT count(*) FROM claims"); n != step.want.claims {
			t.Errorf("%s: %d claims stored, want %d", step.name, n, step.want.claims)
		}
		var ta1s, others []string
		for _, k := range o.Acks {
			ref, kind := ackRef(k)
			if kind != "ta1" {
				others = append(others, ref+"."+kind)
				continue
			}
			ta1s = append(ta1s, ref)
			acks := readAcksOf(t, []byte(readObject(t, objs, k)))
			if len(acks) != 1 || acks[0].Interchange == nil || acks[0].Interchange.Code != "R" ||
				acks[0].Interchange.NoteCode != "025" || acks[0].Interchange.ControlNumber != ref {
				t.Errorf("%s: %s holds %+v, want a TA1 rejecting ISA13 %s with TA105=025", step.name, k, acks, ref)
			}
		}
		slices.Sort(ta1s)
		slices.Sort(others)
		wantTA1s := slices.Sorted(slices.Values(step.want.ta1s))
		wantOthers := slices.Sorted(slices.Values(step.want.others))
		if !slices.Equal(ta1s, wantTA1s) || !slices.Equal(others, wantOthers) {
			t.Errorf("%s: TA1s %v and others %v, want %v and %v", step.name, ta1s, others, wantTA1s, wantOthers)
		}
		if len(step.want.ta1s) > 0 && !strings.Contains(o.Reason, "ISA13 "+step.want.ta1s[0]) {
			t.Errorf("%s: reason %q does not name the duplicate", step.name, o.Reason)
		}
		f, err := db.FileByKey(context.Background(), edigw.Inbound, Cigna.Inbound()+step.name)
		if err != nil || f.Status != o.Status {
			t.Errorf("%s: ledger %+v %v", step.name, f, err)
		}
	}
	if n := queryInt(t, dbURL, "SELECT count(*) FROM interchanges WHERE direction = 'inbound'"); n != 3 {
		t.Errorf("%d interchanges in the ledger, want 3", n)
	}
	if left := keys(t, objs, Cigna.Inbound()); len(left) != 0 {
		t.Errorf("inbound/ still holds %v", left)
	}
}

// ackRef splits an acknowledgment key NAME.REF.KIND.x12.
func ackRef(key string) (ref, kind string) {
	parts := strings.Split(strings.TrimSuffix(key, ".x12"), ".")
	if len(parts) < 3 {
		return "", ""
	}
	return parts[len(parts)-2], parts[len(parts)-1]
}
