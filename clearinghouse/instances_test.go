package clearinghouse

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/clearinghouse/internal/faults"
	"github.com/edigw/edigw/fixtures/synth"
)

// TestTwoInstances runs two pipelines, each with its own database pool
// and S3 client, over one database and one inbound prefix, polling and
// flushing at the same time: eight 837Ps, three of them dropped twice
// under other keys, and 6,000 queued claims. Each file is processed by
// one of them once, the copies are duplicates, counts are exact, each
// acknowledgment is written once, and each queued claim goes out once, in
// a file written once.
func TestTwoInstances(t *testing.T) {
	const files, perFile, dups, queuedClaims = 8, 300, 3, 6000
	dbURL := testDatabase(t)
	spec := s3Objects(t)
	var instances [2]*Pipeline
	var wrapped [2]*faults.Objects
	for i := range instances {
		wrapped[i] = &faults.Objects{ObjectStore: openObjects(t, spec)}
		instances[i] = pipelineOn(openStore(t, dbURL), wrapped[i])
	}
	queueSynthClaims(t, recordsOf(t, instances[0]), queuedClaims, 41)
	for i := range files {
		data := synthBytes(t, synth.Kind837P, perFile, uint64(31+i))
		putBytes(t, wrapped[0], fmt.Sprintf("f%02d.x12", i), data)
		if i < dups {
			putBytes(t, wrapped[0], fmt.Sprintf("g%02d-copy.x12", i), data)
		}
	}

	var mu sync.Mutex
	var outcomes []*Outcome
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for _, p := range instances {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			for {
				outs, err := p.PollOnce(ctx)
				if err == nil {
					_, err = p.FlushOutbound(ctx)
				}
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				for _, o := range outs {
					if o.Skipped == "" {
						outcomes = append(outcomes, o)
					}
				}
				mu.Unlock()
				left, err := p.Objects.List(ctx, Cigna.Inbound())
				if err != nil {
					errs <- err
					return
				}
				if len(left) == 0 && queued(t, dbURL) == 0 {
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	byKey := map[string]edigw.FileStatus{}
	var acks []string
	for _, o := range outcomes {
		if prior, twice := byKey[o.Key]; twice {
			t.Errorf("%s processed twice (%s, then %s)", o.Key, prior, o.Status)
		}
		byKey[o.Key] = o.Status
		acks = append(acks, o.Acks...)
	}
	if len(byKey) != files+dups {
		t.Errorf("%d files processed, want %d: %v", len(byKey), files+dups, byKey)
	}
	for i := range dups {
		a, b := byKey[Cigna.Inbound()+fmt.Sprintf("f%02d.x12", i)], byKey[Cigna.Inbound()+fmt.Sprintf("g%02d-copy.x12", i)]
		if !(a == edigw.FileArchived && b == edigw.FileDuplicate || a == edigw.FileDuplicate && b == edigw.FileArchived) {
			t.Errorf("copy %d: %s and %s, want one archived and one duplicate", i, a, b)
		}
	}
	for q, want := range map[string]int64{
		"SELECT count(*) FROM claims WHERE direction = 'inbound'":                                                                  files * perFile,
		"SELECT count(*) FROM events e JOIN claims c ON c.id = e.subject_id WHERE e.subject = 'claim' AND c.direction = 'inbound'": files * perFile,
		"SELECT count(*) FROM files WHERE direction = 'inbound' AND status = 'archived'":                                           files,
		"SELECT count(*) FROM files WHERE direction = 'inbound' AND status = 'duplicate'":                                          dups,
		"SELECT count(*) FROM claims WHERE direction = 'outbound' AND outbound_state = 'sent'":                                     queuedClaims,
	} {
		if n := queryInt(t, dbURL, q); n != want {
			t.Errorf("%s: %d, want %d", q, n, want)
		}
	}

	// Every acknowledgment written once, by one instance.
	puts := map[string]int{}
	for _, w := range wrapped {
		for k, n := range w.Puts() {
			puts[k] += n
		}
	}
	sort.Strings(acks)
	if len(acks) != 2*files+dups {
		t.Errorf("%d acknowledgments, want a 999 and a 277CA for each of %d files and a TA1 for each of %d copies", len(acks), files, dups)
	}
	for _, k := range acks {
		if puts[k] != 1 {
			t.Errorf("%s written %d times", k, puts[k])
		}
	}
	var claimFiles []string
	for _, k := range keys(t, wrapped[0], Cigna.Outbound()) {
		if strings.HasPrefix(k, Cigna.Outbound()+"claims-") {
			claimFiles = append(claimFiles, k)
			if puts[k] != 1 {
				t.Errorf("%s written %d times", k, puts[k])
			}
		}
	}
	// The instances may both have sent some: each claim went out in one
	// of the files, and each file was written once.
	sentIn := queryInt(t, dbURL, "SELECT count(DISTINCT file_id) FROM claims WHERE direction = 'outbound'")
	if len(claimFiles) == 0 || int64(len(claimFiles)) != sentIn {
		t.Errorf("outbound 837s %v, claims sent in %d files", claimFiles, sentIn)
	}
	if got := len(keys(t, wrapped[0], Cigna.Outbound())); got != len(acks)+len(claimFiles) {
		t.Errorf("outbound/ holds %d objects, want %d", got, len(acks)+len(claimFiles))
	}
}
