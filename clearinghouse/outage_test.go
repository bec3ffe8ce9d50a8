package clearinghouse

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/clearinghouse/internal/faults"
	"github.com/edigw/edigw/fixtures/synth"
	"github.com/edigw/edigw/internal/testenv"
)

// Outages: the object store or the database goes away for a while, at
// chosen points of a file's way. The pipeline retries with backoff; what
// it cannot finish stays in inbound/ for the next poll; in the end every
// record is stored once and every file is where it belongs.

// patient retries outlast the outages below (about five seconds).
var patient = Retry{Attempts: 30, First: 10 * time.Millisecond, Ceil: 200 * time.Millisecond}

// pollUntilEmpty polls until inbound/ is empty and returns the files
// finished and the polls that failed.
func pollUntilEmpty(t *testing.T, p *Pipeline, polls int) (done []*Outcome, failed int) {
	t.Helper()
	ctx := context.Background()
	for range polls {
		outs, err := p.PollOnce(ctx)
		if err != nil {
			failed++
		}
		for _, o := range outs {
			if o.Skipped == "" {
				done = append(done, o)
			}
		}
		left, err := p.Objects.List(ctx, Cigna.Inbound())
		if err == nil && len(left) == 0 {
			return done, failed
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("inbound/ not empty after %d polls", polls)
	return nil, 0
}

// assertClaimsOnce checks that each claim of the given 837Ps (PCN000000001...
// in each) is stored once with one event, and each file archived.
func assertClaimsOnce(t *testing.T, dbURL string, objs edigw.ObjectStore, files, perFile int) {
	t.Helper()
	for q, want := range map[string]int64{
		"SELECT count(*) FROM claims": int64(files * perFile),
		"SELECT count(*) FROM (SELECT DISTINCT file_id, patient_control_number FROM claims) c":              int64(files * perFile),
		"SELECT count(*) FROM events WHERE kind NOT IN ('file.processed', 'file.failed')":                   int64(files * perFile),
		"SELECT count(DISTINCT subject_id) FROM events WHERE kind NOT IN ('file.processed', 'file.failed')": int64(files * perFile),
		"SELECT count(*) FROM files WHERE direction = 'inbound' AND status = 'archived'":                    int64(files),
		"SELECT count(*) FROM files WHERE direction = 'inbound'":                                            int64(files),
	} {
		if n := queryInt(t, dbURL, q); n != want {
			t.Errorf("%s: %d, want %d", q, n, want)
		}
	}
	if got := keys(t, objs, Cigna.Archive()); len(got) != files {
		t.Errorf("archive/ holds %v, want %d files", got, files)
	}
}

// TestObjectStoreOutages fails object-store calls where S3 can fail: every
// kind of call for a while, a download cut halfway, and the writes after
// the commit (acknowledgments, the move to archive/) for longer than the
// retries last.
func TestObjectStoreOutages(t *testing.T) {
	const files, perFile = 3, 2000
	inputs := make([][]byte, files)
	for i := range inputs {
		inputs[i] = synthBytes(t, synth.Kind837P, perFile, uint64(61+i))
	}
	setup := func(t *testing.T) (string, *faults.Objects, *Pipeline) {
		dbURL := testDatabase(t)
		objs := &faults.Objects{ObjectStore: openObjects(t, s3Objects(t))}
		for i, data := range inputs {
			putBytes(t, objs, fmt.Sprintf("f%d.x12", i), data)
		}
		p := pipelineOn(openStore(t, dbURL), objs)
		p.Retry = patient
		return dbURL, objs, p
	}

	t.Run("every call for a while", func(t *testing.T) {
		dbURL, objs, p := setup(t)
		outage := faults.NewOutage(12, nil)
		objs.Before = outage.Before
		done, failed := pollUntilEmpty(t, p, 5)
		if failed != 0 || len(done) != files || outage.Hits() != 12 || p.Stats().Retries < 12 {
			t.Errorf("%d failed polls, %d files, %d calls failed, %d retries", failed, len(done), outage.Hits(), p.Stats().Retries)
		}
		assertClaimsOnce(t, dbURL, objs, files, perFile)
	})

	t.Run("download cut halfway", func(t *testing.T) {
		dbURL, objs, p := setup(t)
		var mu sync.Mutex
		cut := map[string]bool{}
		objs.CutRead = func(key string) (int64, error) {
			mu.Lock()
			defer mu.Unlock()
			if cut[key] {
				return 0, nil
			}
			cut[key] = true
			return int64(len(inputs[0]) / 2), errors.New("connection reset by peer (injected)")
		}
		done, failed := pollUntilEmpty(t, p, 5)
		if failed != 1 || len(done) != files {
			t.Errorf("%d failed polls, %d files finished", failed, len(done))
		}
		assertClaimsOnce(t, dbURL, objs, files, perFile)
	})

	t.Run("writes after the commit, longer than the retries", func(t *testing.T) {
		dbURL, objs, p := setup(t)
		p.Retry = Retry{Attempts: 3, First: time.Millisecond, Ceil: time.Millisecond}
		outage := faults.NewOutage(-1, func(op faults.Op, key string) bool {
			return op == faults.PutIfAbsent && (strings.HasPrefix(key, Cigna.Outbound()) || strings.HasPrefix(key, Cigna.Archive()))
		})
		objs.Before = outage.Before
		outs, err := p.PollOnce(context.Background())
		if err == nil || len(outs) != 0 {
			t.Fatalf("poll during the outage: %v %v", outs, err)
		}
		// Committed, still in inbound/: the next poll resumes each file.
		if n := queryInt(t, dbURL, "SELECT count(*) FROM files WHERE status = 'committed'"); n != files {
			t.Errorf("%d files committed during the outage, want %d", n, files)
		}
		outage.Up()
		done, failed := pollUntilEmpty(t, p, 5)
		if failed != 0 || len(done) != files {
			t.Fatalf("%d failed polls, %d files finished", failed, len(done))
		}
		for _, o := range done {
			if !o.Resumed || len(o.Acks) != 2 {
				t.Errorf("%s", o)
			}
		}
		assertClaimsOnce(t, dbURL, objs, files, perFile)
		if got := keys(t, objs, Cigna.Outbound()); len(got) != 2*files {
			t.Errorf("outbound/ holds %v", got)
		}
	})
}

// TestS3ServerRestart stops a real S3 server (versitygw on a port of its
// own) in the middle of a poll, once while a 20,000-claim 837P downloads
// and once while its acknowledgments are written, and starts it again a
// second later on the same port and data.
func TestS3ServerRestart(t *testing.T) {
	const claims = 20_000
	input := synthFile(t, synth.Kind837P, claims, 71)
	for _, when := range []string{"during the download", "while writing acknowledgments"} {
		t.Run(when, func(t *testing.T) {
			vgw := startVersity(t)
			dbURL := testDatabase(t)
			db := openStore(t, dbURL)
			objs := &faults.Objects{ObjectStore: openS3(t, randomName("edigw-restart-"), vgw.endpoint())}
			putFile(t, objs, input, "big.x12")
			var once sync.Once
			restart := func() {
				once.Do(func() {
					vgw.stop(t)
					go func() {
						time.Sleep(time.Second)
						vgw.start(t)
					}()
				})
			}
			// The call the server stops under must finish after it is
			// back: it went through the outage, not around it.
			var spanned []bool
			if when == "during the download" {
				objs.After = func(op faults.Op, key string) {
					if op == faults.Get && key == Cigna.Inbound()+"big.x12" {
						restart() // the body is still streaming
					}
				}
			} else {
				objs.Before = func(op faults.Op, key string) error {
					if op == faults.PutIfAbsent && strings.HasPrefix(key, Cigna.Outbound()) {
						restart()
					}
					return nil
				}
				objs.After = func(op faults.Op, key string) {
					if op == faults.PutIfAbsent && strings.HasPrefix(key, Cigna.Outbound()) {
						spanned = append(spanned, vgw.started() == 2)
					}
				}
			}
			p := pipelineOn(db, objs)
			p.Retry = patient
			done, failed := pollUntilEmpty(t, p, 20)
			if len(done) != 1 || done[0].Status != edigw.FileArchived {
				t.Fatalf("%v", done)
			}
			if vgw.started() != 2 {
				t.Errorf("the server started %d times, want twice", vgw.started())
			}
			if when == "during the download" && failed == 0 {
				t.Errorf("the cut download did not fail its poll")
			}
			if when != "during the download" && (len(spanned) == 0 || !spanned[0]) {
				t.Errorf("the first acknowledgment's write did not wait out the restart: %v", spanned)
			}
			assertStoredOnce(t, dbURL, claims)
			f, err := db.FileByKey(context.Background(), edigw.Inbound, Cigna.Inbound()+"big.x12")
			if err != nil || f.Status != edigw.FileArchived {
				t.Fatalf("ledger %+v %v", f, err)
			}
			assertAcksOnce(t, dbURL, objs, f.ID, done[0].Acks)
		})
	}
}

// versity is a versitygw server of the test's own, on a fixed port.
type versity struct {
	bin, dir, addr string
	mu             sync.Mutex
	cmd            *exec.Cmd
	starts         int
}

func startVersity(t *testing.T) *versity {
	t.Helper()
	testenv.S3(t) // the credentials, and the binary scripts/s3.sh built
	bin := filepath.Join(os.Getenv("HOME"), ".cache", "edigw", "bin", "versitygw")
	if c := os.Getenv("EDIGW_CACHE"); c != "" {
		bin = filepath.Join(c, "bin", "versitygw")
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("versitygw (built by scripts/s3.sh) not found: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	v := &versity{bin: bin, dir: t.TempDir(), addr: addr}
	v.start(t)
	t.Cleanup(func() { v.stop(t) })
	return v
}

func (v *versity) endpoint() string { return "http://" + v.addr }

func (v *versity) started() int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.starts
}

func (v *versity) start(t *testing.T) {
	v.mu.Lock()
	defer v.mu.Unlock()
	cmd := exec.Command(v.bin, "--port", v.addr, "--access", os.Getenv(testenv.EnvAccessKeyID),
		"--secret", os.Getenv(testenv.EnvSecretAccessKey), "--region", testenv.DefaultRegion, "posix", v.dir)
	if err := cmd.Start(); err != nil {
		t.Error(err)
		return
	}
	for range 300 {
		if c, err := net.Dial("tcp", v.addr); err == nil {
			c.Close()
			v.cmd = cmd
			v.starts++
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	_ = cmd.Process.Kill()
	t.Errorf("versitygw did not start on %s", v.addr)
}

func (v *versity) stop(t *testing.T) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.cmd == nil {
		return
	}
	_ = v.cmd.Process.Kill()
	_ = v.cmd.Wait()
	v.cmd = nil
}

// TestDatabaseOutage runs the pipeline through a TCP proxy to PostgreSQL
// and cuts every connection at three points: before a poll, in the middle
// of a file's transaction, and after the commit while the file is being
// archived; connections come back 300 ms later.
func TestDatabaseOutage(t *testing.T) {
	const files, perFile = 2, 5000
	inputs := make([][]byte, files)
	for i := range inputs {
		inputs[i] = synthBytes(t, synth.Kind837P, perFile, uint64(81+i))
	}
	for _, when := range []string{"before the poll", "mid-transaction", "while archiving"} {
		t.Run(when, func(t *testing.T) {
			dbURL := testDatabase(t)
			u, err := url.Parse(dbURL)
			if err != nil {
				t.Fatal(err)
			}
			proxy, err := faults.NewProxy(u.Host)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { proxy.Close() })
			u.Host = proxy.Addr()
			db := openStore(t, u.String())
			objs := &faults.Objects{ObjectStore: openObjects(t, s3Objects(t))}
			for i, data := range inputs {
				putBytes(t, objs, fmt.Sprintf("f%d.x12", i), data)
			}
			var once sync.Once
			outage := func() {
				once.Do(func() {
					proxy.Cut()
					time.AfterFunc(300*time.Millisecond, proxy.Restore)
				})
			}
			records := &faults.Records{DB: db}
			switch when {
			case "before the poll":
				outage()
			case "mid-transaction":
				records.AfterLoad = func(int) error { outage(); return nil }
			case "while archiving":
				objs.Before = func(op faults.Op, key string) error {
					if op == faults.PutIfAbsent && strings.HasPrefix(key, Cigna.Archive()) {
						outage()
					}
					return nil
				}
			}
			p := pipelineOn(records, objs)
			p.Retry = patient
			done, failed := pollUntilEmpty(t, p, 10)
			if len(done) != files || p.Stats().Retries == 0 {
				t.Errorf("%d files finished, %d failed polls, %d retries", len(done), failed, p.Stats().Retries)
			}
			if when == "mid-transaction" && failed == 0 {
				t.Errorf("the file whose transaction was cut did not fail")
			}
			assertClaimsOnce(t, dbURL, objs, files, perFile)
		})
	}
}
