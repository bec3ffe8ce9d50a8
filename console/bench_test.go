package console_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"go.uber.org/zap"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/clearinghouse/dirstore"
	"github.com/edigw/edigw/console"
	"github.com/edigw/edigw/fixtures/synth"
	"github.com/edigw/edigw/storage"
)

// Every console page at 1,000,000 claims and 1,000,000 authorization
// requests (docs/benchmarks.md, "Web console"). Skipped in normal runs, as
// every benchmark:
//
//	go test -run '^$' -bench BenchmarkConsolePages -benchtime 20x ./console
//
// A page is timed from the request to the last byte over a loopback
// connection: server time plus a little HTTP.

const (
	benchRows      = 1_000_000
	benchProviders = 200     // 5,000 claims and requests each
	benchFiles     = 10_000  // inbound files over 30 days, 100 claims each
	benchFileID0   = 100_000 // their ledger IDs start here
)

func benchProvider(p int) (tin, npi string) { return fmt.Sprintf("9%08d", p), fmt.Sprintf("8%09d", p) }

// loadConsoleBench fills the tables the pages read, in SQL: claims over
// 200 providers in 10,000 inbound files of the last 30 days (1% of the
// files rejected), requests over the same providers and the same 30 days,
// each tenth pending.
// Indexes are dropped for the load and built again from their own
// definitions: a sorted build is faster than a million inserts into each.
func loadConsoleBench(b *testing.B, dbURL string, rows int) {
	b.Helper()
	ctx := context.Background()
	start := time.Now()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	exec := func(sql string, args ...any) {
		b.Helper()
		if _, err := conn.Exec(ctx, sql, args...); err != nil {
			b.Fatalf("%v\n%s", err, sql)
		}
	}
	var defs [][2]string
	for _, table := range []string{"files", "claims", "authorizations"} {
		rows, err := conn.Query(ctx, `SELECT indexname, indexdef FROM pg_indexes
			WHERE schemaname = current_schema() AND tablename = $1 AND indexname NOT LIKE '%_pkey' AND indexdef NOT LIKE '%UNIQUE%'`, table)
		if err != nil {
			b.Fatal(err)
		}
		d, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) ([2]string, error) {
			var d [2]string
			return d, r.Scan(&d[0], &d[1])
		})
		if err != nil {
			b.Fatal(err)
		}
		defs = append(defs, d...)
	}
	for _, d := range defs {
		exec("DROP INDEX " + pgx.Identifier{d[0]}.Sanitize())
	}
	exec(`INSERT INTO files (id, payer_id, object_key, sha256, size, direction, kind, status, reason, created_at, completed_at)
		SELECT $1::bigint + f, '62308', 'cigna-62308/inbound/bench-' || f || '.edi', md5(f::text), 43000, 'inbound', '837',
			CASE WHEN f % 100 = 0 THEN 'rejected' ELSE 'archived' END,
			CASE WHEN f % 100 = 0 THEN 'bench-' || f || '.edi: line 28, SE01 says "25" segments [IK502=4]' ELSE '' END,
			now() - (f * interval '30 days' / $2), now() - (f * interval '30 days' / $2)
		FROM generate_series(0, $2::int - 1) f`, benchFileID0, benchFiles)
	exec(`INSERT INTO claims (payer_id, kind, direction, file_id, patient_control_number, billing_npi, billing_tin,
			total_charge, service_from, service_to, status, status_reason, record)
		SELECT '62308', 'professional', 'inbound', $1::bigint + i / 100, 'PCN-' || p || '-' || i, '8' || lpad(p::text, 9, '0'),
			'9' || lpad(p::text, 8, '0'), 10000, d, d, st, CASE WHEN st = 'rejected' THEN '277CA: A7:562:85 (NPI)' ELSE '' END,
			jsonb_build_object('payerId', '62308', 'kind', 'professional', 'patientControlNumber', 'PCN-' || p || '-' || i,
				'totalCharge', '100.00', 'billingProvider', jsonb_build_object('name', 'PRACTICE ' || p, 'idQualifier', 'XX',
					'id', '8' || lpad(p::text, 9, '0'), 'taxId', '9' || lpad(p::text, 8, '0')),
				'subscriber', jsonb_build_object('lastName', 'LAST' || i / 5, 'firstName', 'FIRST' || i / 5, 'memberId', 'M' || i / 5),
				'servicePeriod', jsonb_build_object('from', to_char(d, 'YYYYMMDD')), 'lines', '[]'::jsonb, 'diagnoses', '[]'::jsonb)
		FROM generate_series(0, $2::int - 1) i,
			LATERAL (SELECT i % $3 AS p, date '2025-01-01' + (i * 365 / $2) AS d,
				CASE WHEN (i / $3) % 50 = 0 THEN 'rejected' ELSE
					(ARRAY['paid','paid','paid','paid','paid','paid','paid','accepted','denied','paid'])[(i / $3) % 10 + 1] END AS st) x`,
		benchFileID0, rows, benchProviders)
	exec(`INSERT INTO authorizations (payer_id, direction, trace_number, certification_number, status, requester_npi, requester_tin,
			provider_npis, effective_to, received_at, record)
		SELECT '62308', 'inbound', 'T' || i, CASE WHEN st <> 'Pending' THEN 'C' || i END, st, npi, tin, ARRAY[npi],
			CASE WHEN st = 'Approved' THEN current_date + 90 - (($1 - i) * 30 / $1) END, now() - ($1 - i) * interval '30 days' / $1,
			jsonb_build_object('payerId', '62308', 'traceNumber', 'T' || i,
				'requester', jsonb_build_object('role', '1P', 'name', 'CLINIC ' || p, 'idQualifier', 'XX', 'id', npi),
				'subscriber', jsonb_build_object('lastName', 'LAST' || i / 5, 'firstName', 'FIRST' || i / 5, 'memberId', 'M' || i / 5),
				'placeOfService', '12', 'requestCategory', 'HS', 'certificationType', 'I', 'status', st,
				'services', jsonb_build_array(jsonb_build_object('procedureQualifier', 'HC', 'procedureCode', 'E0250', 'quantity', '1')))
		FROM generate_series(0, $1::int - 1) i,
			LATERAL (SELECT i % $2 AS p, '8' || lpad((i % $2)::text, 9, '0') AS npi, '9' || lpad((i % $2)::text, 8, '0') AS tin,
				(ARRAY['Approved','Approved','Approved','Approved','Approved','Approved','Partially Approved','Denied','Cancelled','Pending'])[(i / $2) % 10 + 1] AS st) x`,
		rows, benchProviders)
	// Every 1,000th claim names the request with its own ID (the same
	// provider's: both tables count IDs from 1 in the same order).
	exec(`UPDATE claims SET authorization_id = id WHERE id % 1000 = 8`)
	for _, d := range defs {
		exec(d[1])
	}
	// As autovacuum leaves a table that has settled: statistics, and the
	// visibility map that lets index-only scans skip the heap.
	exec("VACUUM ANALYZE files")
	exec("VACUUM ANALYZE claims")
	exec("VACUUM ANALYZE authorizations")
	b.Logf("%d claims, %d requests, %d files loaded in %s", rows, rows, benchFiles, time.Since(start).Round(time.Second))
}

// BenchmarkConsolePages times each page for provider 7's staff (TIN and
// NPI) and for an operator.
func BenchmarkConsolePages(b *testing.B) {
	u := databases.New(b)
	ctx := context.Background()
	db, err := storage.Open(ctx, u)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	// EDIGW_CONSOLE_BENCH_ROWS loads fewer, to try the benchmark quickly.
	rows := benchRows
	if n, err := strconv.Atoi(os.Getenv("EDIGW_CONSOLE_BENCH_ROWS")); err == nil && n > 0 {
		rows = n
	}
	loadConsoleBench(b, u, rows)
	objs, err := dirstore.New(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	// A generated 837 of 2,000 claims for the inspector, as one of the
	// ledger's files (the provider's: its claims carry its IDs).
	tin, npi := benchProvider(7)
	var file bytes.Buffer
	if _, err := synth.Write(&file, synth.Options{Kind: synth.Kind837P, Claims: 2000, Seed: 1, Newline: true,
		Provider: &synth.Provider{Name: "PRACTICE 7", NPI: npi, TIN: tin}}); err != nil {
		b.Fatal(err)
	}
	key := "cigna-62308/archive/bench/inspected.edi"
	if err := objs.Put(ctx, key, bytes.NewReader(file.Bytes())); err != nil {
		b.Fatal(err)
	}
	inspected, err := db.RecordFile(ctx, &edigw.File{PayerID: "62308", Key: key, Direction: edigw.Outbound, Kind: "837",
		Status: edigw.FileSent, Size: int64(file.Len())})
	if err != nil {
		b.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `UPDATE claims SET file_id = $1 WHERE billing_npi = $2 AND id IN (
		SELECT id FROM claims WHERE billing_npi = $2 ORDER BY id LIMIT 100)`, inspected, npi); err != nil {
		b.Fatal(err)
	}
	// Provider 7's records half way through the tables.
	var claim, request, linked int64
	var pcn, member string
	for _, q := range []struct {
		sql string
		to  []any
	}{
		{`SELECT id, patient_control_number FROM claims WHERE billing_npi = $1 AND id > $2 ORDER BY id LIMIT 1`, []any{&claim, &pcn}},
		{`SELECT id, member_id FROM authorizations WHERE requester_npi = $1 AND id > $2 ORDER BY id LIMIT 1`, []any{&request, &member}},
		{`SELECT authorization_id FROM claims WHERE billing_npi = $1 AND authorization_id IS NOT NULL ORDER BY id DESC LIMIT 1`, []any{&linked}},
	} {
		args := []any{npi}
		if len(q.to) == 2 {
			args = append(args, rows/2)
		}
		if err := conn.QueryRow(ctx, q.sql, args...).Scan(q.to...); err != nil {
			b.Fatalf("%v\n%s", err, q.sql)
		}
	}
	conn.Close(ctx)

	srv := &console.Server{Store: db, Objects: objs, Log: zap.NewNop()}
	e := &env{db: db, objects: objs}
	httpSrv := newServer(srv)
	defer httpSrv.Close()
	e.server = httpSrv
	staff := e.browser(b)
	staff.signIn(e.token(b, "practice 7", providerEntitlements, []string{tin}, []string{npi}))
	op := e.browser(b)
	op.signIn(e.token(b, "operator", []edigw.Entitlement{edigw.EntitleOperations}, nil, nil))
	staff.get("/claims")
	pages := []struct {
		name string
		b    *browser
		post url.Values
		path string
	}{
		{"claims/first-page", staff, nil, "/claims"},
		{"claims/patient-control-number", staff, url.Values{"pcn": {pcn}}, "/claims"},
		{"claims/status-denied", staff, url.Values{"status": {"denied"}}, "/claims"},
		{"claims/story", staff, nil, "/claims/" + strconv.FormatInt(claim, 10)},
		{"worklist/pending-tab", staff, nil, "/worklist"},
		{"worklist/all-tab", staff, nil, "/worklist?tab=all"},
		{"worklist/search-member", staff, url.Values{"q": {member}, "current": {"all"}}, "/worklist"},
		{"worklist/request", staff, nil, "/worklist/" + strconv.FormatInt(request, 10)},
		{"worklist/request-with-claims", staff, nil, "/worklist/" + strconv.FormatInt(linked, 10)},
		{"files/inspector-2000-claims", staff, nil, "/files/" + strconv.FormatInt(inspected, 10)},
		{"operations/24h", op, nil, "/operations"},
		{"operations/7d", op, nil, "/operations?window=7d"},
		{"files/operator-list", op, nil, "/files"},
	}
	for _, pg := range pages {
		b.Run(pg.name, func(b *testing.B) {
			pg.b.t = b
			for b.Loop() {
				var p page
				if pg.post != nil {
					form := url.Values{}
					for k, v := range pg.post {
						form[k] = v
					}
					p = pg.b.post(pg.path, form)
				} else {
					p = pg.b.get(pg.path)
				}
				if p.status != http.StatusOK {
					b.Fatalf("%s: %d", pg.path, p.status)
				}
			}
		})
	}
}
