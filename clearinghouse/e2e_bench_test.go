package clearinghouse

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime/pprof"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/fixtures/synth"
	"github.com/edigw/edigw/internal/gcpolicy"
	"github.com/edigw/edigw/internal/testenv"
)

// BenchmarkPipelineEndToEnd measures the whole inbound pipeline on
// generated files in S3 (versitygw): lock, stream from S3, validate,
// acknowledge, map, load in one transaction, commit, acknowledgments to
// outbound/, archive. Each run takes a fresh database. The 835 pays the
// claims of an 837 of the same size loaded before the timer starts, so
// every payment finds its claim and moves it.
//
// ProcessFile runs in a child process (this test binary, TestE2EChild) so
// that its peak resident memory (ru_maxrss) is its own; it reports the
// claims (or claim payments) per second of ProcessFile alone. Several sizes
// show whether memory grows with the file.
func BenchmarkPipelineEndToEnd(b *testing.B) {
	sizes := map[synth.Kind][]int{
		synth.Kind837P: {20_000, 100_000, 300_000}, // one functional group: its acknowledgments must not add up
		synth.Kind835:  {20_000, 100_000},
	}
	for _, kind := range []synth.Kind{synth.Kind837P, synth.Kind835} {
		for _, n := range sizes[kind] {
			b.Run(fmt.Sprintf("%s/claims=%d", kind, n), func(b *testing.B) { benchEndToEnd(b, kind, n, 0) })
		}
	}
	// Prior authorization at run time (issue 13): every claim names a
	// certification (REF*G1), 50,000 approvals are known, and the store
	// answers the check a batch of claims at a time.
	b.Run("837p-authorizations/claims=100000", func(b *testing.B) { benchEndToEnd(b, synth.Kind837P, 100_000, 50_000) })
	// The same file and store without the check: what the REF*G1 on every
	// claim costs storage (it links each claim to the authorization its
	// number names), apart from the check.
	b.Run("837p-refg1-unchecked/claims=100000", func(b *testing.B) { benchEndToEnd(b, synth.Kind837P, 100_000, -50_000) })
}

// benchEndToEnd with approvals > 0 stores that many approvals and checks
// prior authorization; with approvals < 0 it stores -approvals of them
// and does not check.

// loadApprovals stores n approved authorizations of the bench practice,
// certification numbers AUTH00000001 on (those synth's REF*G1 names), one
// hospital bed (E0250) each, in one statement: setup, not timed.
func loadApprovals(b *testing.B, dbURL, npi string, n int) {
	b.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close(ctx)
	_, err = c.Exec(ctx, `
		INSERT INTO authorizations (payer_id, direction, trace_number, certification_number, status, requester_npi,
			provider_npis, effective_from, effective_to, record)
		SELECT '62308', 'inbound', 'TR' || i, 'AUTH' || lpad(i::text, 8, '0'), 'Approved', $1, ARRAY[$1], '2026-01-01', '2026-12-31',
			jsonb_build_object('payerId', '62308', 'traceNumber', 'TR' || i, 'status', 'Approved',
				'requester', jsonb_build_object('role', '1P', 'name', 'BENCH HOME MEDICAL', 'idQualifier', 'XX', 'id', $1),
				'subscriber', jsonb_build_object('lastName', 'DOE', 'memberId', 'M' || i),
				'requestCategory', 'HS', 'certificationType', 'I',
				'services', jsonb_build_array(jsonb_build_object('procedureQualifier', 'HC', 'procedureCode', 'E0250', 'quantity', '2')),
				'decision', jsonb_build_object('action', 'A1', 'certificationNumber', 'AUTH' || lpad(i::text, 8, '0'),
					'effectivePeriod', jsonb_build_object('from', '20260101', 'to', '20261231')))
		FROM generate_series(1, $2::int) AS i`, npi, n)
	if err != nil {
		b.Fatalf("loading approvals: %v", err)
	}
}

func benchEndToEnd(b *testing.B, kind synth.Kind, n, approvals int) {
	spec := s3Objects(b)
	// One practice bills the claims and is paid for them: a payment
	// matches its claim inside the payee (docs/clearinghouse.md).
	practice := &synth.Provider{Name: "BENCH HOME MEDICAL", NPI: synth.NPI("123456789"), TIN: "061234567"}
	input := synthFileOf(b, synth.Options{Kind: kind, Claims: n, Seed: 7, Provider: practice, PriorAuthorization: approvals != 0})
	var claims string
	if kind == synth.Kind835 {
		// another ISA13, the same claim control numbers
		claims = synthFileOf(b, synth.Options{Kind: synth.Kind837P, Claims: n, Seed: 8, Provider: practice})
	}
	var elapsed, cpu, server time.Duration
	serverKnown := true
	var peak float64
	b.StopTimer() // setup is not timed; the child is
	for range b.N {
		dbURL := testDatabase(b)
		objs := openObjects(b, spec)
		if claims != "" {
			db := openStore(b, dbURL)
			key := putFile(b, objs, claims, "claims.x12")
			out, err := pipelineOn(db, objs).ProcessFile(context.Background(), Cigna, key)
			if err != nil || out.Status != edigw.FileArchived || out.Result.Claims != n {
				b.Fatalf("claims to pay: %v %v", out, err)
			}
			db.Close()
		}
		if approvals != 0 {
			loadApprovals(b, dbURL, practice.NPI, max(approvals, -approvals))
		}
		key := putFile(b, objs, input, "input.x12")
		before, ok := serverCPU(b, dbURL)
		b.StartTimer()
		res, rss := runE2EChildWith(b, dbURL, spec, key, approvals > 0)
		b.StopTimer()
		after, ok2 := serverCPU(b, dbURL)
		serverKnown = serverKnown && ok && ok2
		server += after - before
		if kind == synth.Kind835 {
			// Payments that found their claim: every one of them.
			res.Records = int(queryInt(b, dbURL, "SELECT count(*) FROM claim_payments WHERE claim_id IS NOT NULL"))
		}
		if res.Status != edigw.FileArchived || res.Records != n {
			b.Fatalf("child: %+v, want %d records archived", res, n)
		}
		elapsed += res.Elapsed
		cpu += res.CPU
		peak = max(peak, rss)
	}
	unit := "claims/s"
	if kind == synth.Kind835 {
		unit = "payments/s"
	}
	b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), unit)
	b.ReportMetric(peak, "peak-RSS-MB")
	// The child's CPU (its whole run, start-up included), steadier than
	// the wall time on a shared machine; PostgreSQL's is not in it.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "child-CPU-s")
	if serverKnown {
		// PostgreSQL's, when it runs here: the load's other half.
		b.ReportMetric(server.Seconds()/float64(b.N), "server-CPU-s")
	}
}

// e2eResult is what the child reports.
type e2eResult struct {
	Status  edigw.FileStatus
	Records int // claims (the parent counts claim payments)
	Elapsed time.Duration
	CPU     time.Duration `json:"-"` // the child's user and system time, from the parent's rusage
}

const e2eEnv = "EDIGW_E2E_CHILD"

func runE2EChild(b *testing.B, dbURL string, spec objectsSpec, key string) (e2eResult, float64) {
	b.Helper()
	return runE2EChildWith(b, dbURL, spec, key, false)
}

// runE2EChildWith runs the child, with the store as its authorization
// lookup when authorizations is set.
func runE2EChildWith(b *testing.B, dbURL string, spec objectsSpec, key string, authorizations bool) (e2eResult, float64) {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestE2EChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), e2eEnv+"=1", "EDIGW_E2E_DB="+dbURL, "EDIGW_E2E_OBJECTS="+string(spec), "EDIGW_E2E_KEY="+key)
	if authorizations {
		cmd.Env = append(cmd.Env, "EDIGW_E2E_AUTHORIZATIONS=1")
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("child: %v\n%s", err, out)
	}
	var res e2eResult
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	found := false
	for sc.Scan() {
		if line, ok := strings.CutPrefix(sc.Text(), "E2E "); ok {
			found = json.Unmarshal([]byte(line), &res) == nil
		}
	}
	if !found {
		b.Fatalf("child said nothing:\n%s", out)
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if ru == nil {
		return res, 0
	}
	res.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return res, float64(ru.Maxrss) / 1024 // KiB on Linux
}

// TestE2EChild is the benchmark's child: it processes one inbound file and
// prints what came of it. It does nothing unless the benchmark started it.
func TestE2EChild(t *testing.T) {
	if os.Getenv(e2eEnv) != "1" {
		t.Skip("run by BenchmarkPipelineEndToEnd")
	}
	testenv.DatabaseURL(t)
	gcpolicy.Apply() // as serve and replay run the pipeline
	db := openStore(t, os.Getenv("EDIGW_E2E_DB"))
	objs := openObjects(t, objectsSpec(os.Getenv("EDIGW_E2E_OBJECTS")))
	p := pipelineOn(db, objs)
	if os.Getenv("EDIGW_E2E_AUTHORIZATIONS") == "1" {
		p.Authorizations = db
	}
	if path := os.Getenv("EDIGW_E2E_CPUPROFILE"); path != "" {
		// Where the child's time goes: go tool pprof PATH.
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			t.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	out, err := p.ProcessFile(context.Background(), Cigna, os.Getenv("EDIGW_E2E_KEY"))
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	res := e2eResult{Status: out.Status, Elapsed: elapsed}
	if r := out.Result; r != nil {
		res.Records = r.Claims
	}
	line, _ := json.Marshal(res)
	fmt.Printf("E2E %s\n", line)
}
