package api_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/api"
	"github.com/edigw/edigw/clearinghouse"
	"github.com/edigw/edigw/clearinghouse/dirstore"
	"github.com/edigw/edigw/clearinghouse/s3store"
	"github.com/edigw/edigw/internal/testenv"
	"github.com/edigw/edigw/mapping"
	"github.com/edigw/edigw/storage"
)

// The tests run the real handler behind a real HTTP server, over a
// PostgreSQL database of their own (copied from a template migrated once
// per package run) and an object store in a temporary directory (or the
// test S3 server, for the story).

var databases = testenv.Databases{Prefix: "edigw_api_", Migrate: storage.Migrate}

func TestMain(m *testing.M) {
	code := m.Run()
	if err := databases.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "api tests:", err)
	}
	os.Exit(code)
}

// openDB opens a fresh migrated database, dropped when the test ends.
func openDB(t testing.TB) (*storage.DB, string) {
	t.Helper()
	u := databases.New(t)
	db, err := storage.Open(context.Background(), u)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(db.Close)
	return db, u
}

// env is one API over its own stores.
type env struct {
	db       *storage.DB
	dbURL    string
	objects  edigw.ObjectStore
	pipeline *clearinghouse.Pipeline
	server   *httptest.Server
	api      *api.Server
	logs     *observer.ObservedLogs
	metrics  *prometheus.Registry
}

type envOptions struct {
	s3             bool // the test S3 server when it is there (EDIGW_TEST_S3=1)
	maxBody        int64
	maxSubmissions int
	submissionWait time.Duration
	payers         []edigw.PayerID
}

// storyDay is the clock of the pipeline: outbound files carry it.
var storyDay = time.Date(2026, 3, 6, 8, 0, 0, 0, time.UTC)

func newEnv(t testing.TB, o envOptions) *env {
	t.Helper()
	db, dbURL := openDB(t)
	var objs edigw.ObjectStore
	if o.s3 && os.Getenv(testenv.EnvS3) == "1" {
		s3cfg := testenv.S3(t)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		st, err := s3store.New(ctx, s3store.Config{Bucket: testenv.RandomName("edigw-api-"), Endpoint: s3cfg.Endpoint,
			Region: s3cfg.Region, UsePathStyle: true, CreateBucket: true})
		if err != nil {
			t.Fatalf("s3 store: %v", err)
		}
		objs = st
	} else {
		st, err := dirstore.New(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		objs = st
	}
	core, logs := observer.New(zap.DebugLevel)
	log := zap.New(core)
	reg := prometheus.NewRegistry()
	partners, err := db.Partners(context.Background()) // the seeded Cigna
	if err != nil {
		t.Fatal(err)
	}
	p := &clearinghouse.Pipeline{Store: db, Objects: objs, Partners: clearinghouse.Partners(partners),
		Log: log, Newline: true, Now: func() time.Time { return storyDay }}
	a := &api.Server{Store: db, Objects: objs, Log: log, Metrics: reg, MaxBody: o.maxBody,
		MaxSubmissions: o.maxSubmissions, SubmissionWait: o.submissionWait, Payers: o.payers}
	srv := httptest.NewServer(a.Handler())
	t.Cleanup(srv.Close)
	return &env{db: db, dbURL: dbURL, objects: objs, pipeline: p, server: srv, api: a, logs: logs, metrics: reg}
}

// token creates a token and returns its secret.
func (e *env) token(t testing.TB, name string, ents []edigw.Entitlement, tins, npis []string) (string, int64) {
	t.Helper()
	secret, hash, err := api.NewSecret()
	if err != nil {
		t.Fatal(err)
	}
	tok := &edigw.Token{Name: name, Entitlements: ents, Scope: edigw.Scope{TINs: tins, NPIs: npis}}
	id, err := e.db.CreateToken(context.Background(), tok, hash)
	if err != nil {
		t.Fatal(err)
	}
	return secret, id
}

var allEntitlements = []edigw.Entitlement{edigw.EntitleClaims, edigw.EntitlePrecertification, edigw.EntitleRemittances}

// response is an answer read whole.
type response struct {
	status int
	header http.Header
	body   []byte
	close  bool // the server said it closes the connection
}

// json decodes the body into v, failing the test when it is not JSON.
func (r response) json(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("status %d, body is not JSON (%v): %s", r.status, err, r.body)
	}
}

// apiError is the error body every 4xx and 5xx carries.
type apiError struct {
	Error struct {
		Code     string            `json:"code"`
		Message  string            `json:"message"`
		Problems []mapping.Problem `json:"problems"`
	} `json:"error"`
}

func (r response) apiError(t testing.TB) apiError {
	t.Helper()
	var e apiError
	r.json(t, &e)
	if e.Error.Code == "" || e.Error.Message == "" {
		t.Fatalf("status %d: error body without code or message: %s", r.status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("error content type %q", ct)
	}
	return e
}

// call sends a request; body may be nil, a []byte or string sent as is,
// or a value sent as JSON. Headers come in pairs.
func (e *env) call(t testing.TB, method, path, token string, body any, headers ...string) response {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	case string:
		rd = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, e.server.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := e.server.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: b, close: res.Close}
}

// Two providers: A is the story's DME supplier, B another practice.
const (
	tinA, npiA = "061234567", "1234567893"
	tinB, npiB = "222222222", "1245319599"
)

func provider(tin, npi string) edigw.Party {
	return edigw.Party{Name: "CLINIC " + tin, EntityType: "2", IDQualifier: "XX", ID: npi, TaxID: tin,
		Address: &edigw.Address{Line1: "120 MAPLE DR", City: "HARTFORD", State: "CT", PostalCode: "061031234"}}
}

// claim is a professional claim of two office lines for a provider; it
// passes mapping.CheckClaims.
func claim(pcn, tin, npi string) *edigw.Claim {
	return &edigw.Claim{
		PayerID: edigw.Cigna, Kind: edigw.Professional, PatientControlNumber: pcn, TotalCharge: 25000,
		FacilityCode: "11", FacilityCodeQualifier: "B", FrequencyCode: "1",
		ProviderSignature: "Y", Assignment: "A", BenefitsAssigned: "Y", ReleaseOfInformation: "Y",
		Submitter: edigw.Party{Name: "CLINIC " + tin, EntityType: "2", IDQualifier: "46", ID: "SUB" + tin,
			Contact: &edigw.Contact{Name: "BILLING DESK", Phone: "8605550142"}},
		Receiver:        edigw.Party{Name: "CIGNA HEALTHCARE", EntityType: "2", IDQualifier: "46", ID: "62308"},
		BillingProvider: provider(tin, npi),
		Subscriber: edigw.Person{LastName: "DOE", FirstName: "JANE", MemberID: "U1234567801", BirthDate: "19480312", Gender: "F",
			Address: &edigw.Address{Line1: "44 ELM ST", City: "HARTFORD", State: "CT", PostalCode: "061051234"}},
		Payer:               edigw.Party{Name: "CIGNA HEALTHCARE", EntityType: "2", IDQualifier: "PI", ID: "62308"},
		PayerResponsibility: "P", ClaimFilingCode: "CI", PatientRelationship: "18",
		Diagnoses: []edigw.Diagnosis{{Qualifier: "ABK", Code: "E119"}},
		Lines: []edigw.ServiceLine{
			{Number: 1, ProcedureQualifier: "HC", ProcedureCode: "99213", Charge: 15000, UnitBasis: "UN", Units: "1",
				DiagnosisPointers: []int{1}, ServiceDate: &edigw.Period{From: "20260203"}, LineItemControlNumber: pcn + "-1"},
			{Number: 2, ProcedureQualifier: "HC", ProcedureCode: "97110", Charge: 10000, UnitBasis: "UN", Units: "1",
				DiagnosisPointers: []int{1}, ServiceDate: &edigw.Period{From: "20260203"}, LineItemControlNumber: pcn + "-2"},
		},
	}
}

// payment pays a claim of claim() in full.
func payment(pcn string) edigw.ClaimPayment {
	cp := edigw.ClaimPayment{PatientControlNumber: pcn, StatusCode: "1", Charge: 25000, Paid: 25000,
		FilingCode: "12", PayerClaimNumber: "PCN" + pcn, Patient: edigw.Person{LastName: "DOE", FirstName: "JANE", MemberID: "U1234567801"},
		Services: []edigw.ServicePayment{
			{ProcedureQualifier: "HC", ProcedureCode: "99213", Charge: 15000, Paid: 15000, Units: "1",
				ServiceDate: &edigw.Period{From: "20260203"}, LineItemControlNumber: pcn + "-1"},
			{ProcedureQualifier: "HC", ProcedureCode: "97110", Charge: 10000, Paid: 10000, Units: "1",
				ServiceDate: &edigw.Period{From: "20260203"}, LineItemControlNumber: pcn + "-2"},
		}}
	cp.ClaimStatus, cp.StatusReason = mapping.PaymentStatus(&cp) // as mapping reads an 835
	return cp
}

// remittance is a check to a provider paying claims in full.
func remittance(trace, tin, npi string, pcns ...string) *edigw.Remittance {
	rm := &edigw.Remittance{PayerID: edigw.Cigna, Handling: "C", CreditDebit: "C", PaymentMethod: "CHK",
		PaymentDate: "20260305", TraceNumber: trace, TraceOriginator: "1591234567",
		Payer: edigw.Party{Name: "CIGNA HEALTHCARE", Address: &edigw.Address{Line1: "900 COTTAGE GROVE RD", City: "BLOOMFIELD",
			State: "CT", PostalCode: "06002"}, Contact: &edigw.Contact{Name: "EDI SUPPORT", Phone: "8005550199"}},
		Payee: edigw.Party{Name: "CLINIC " + tin, IDQualifier: "XX", ID: npi, TaxID: tin,
			Address: &edigw.Address{Line1: "120 MAPLE DR", City: "HARTFORD", State: "CT", PostalCode: "061031234"}}}
	for _, pcn := range pcns {
		rm.Claims = append(rm.Claims, payment(pcn))
		rm.PaymentAmount += 25000
	}
	return rm
}

// rawBytes are the bytes a test puts under an ingested file's key: the
// ledger records their digest, which a download checks.
func rawBytes(key string) string { return "ISA*raw bytes of " + key + "~" }

// ingest stores claims and remittances as one inbound file would.
func (e *env) ingest(t testing.TB, key string, claims []*edigw.Claim, rms []*edigw.Remittance) int64 {
	t.Helper()
	ctx := context.Background()
	ing, err := e.db.BeginIngest(ctx, &edigw.File{PayerID: edigw.Cigna, Key: key, Direction: edigw.Inbound, Kind: "837"})
	if err != nil {
		t.Fatal(err)
	}
	if len(claims) > 0 {
		if err := ing.AddClaims(ctx, claims); err != nil {
			t.Fatal(err)
		}
	}
	if len(rms) > 0 {
		if err := ing.AddRemittances(ctx, rms); err != nil {
			t.Fatal(err)
		}
	}
	digest := sha256.Sum256([]byte(rawBytes(key)))
	res, err := ing.Commit(ctx, hex.EncodeToString(digest[:]), int64(len(rawBytes(key))))
	if err != nil {
		t.Fatal(err)
	}
	return res.FileID
}

// scrape returns the metrics as Prometheus reads them.
func (e *env) scrape(t testing.TB) string {
	t.Helper()
	rec := httptest.NewRecorder()
	promhttp.HandlerFor(e.metrics, promhttp.HandlerOpts{}).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 200 {
		t.Fatalf("scrape: %d %s", rec.Code, rec.Body)
	}
	return rec.Body.String()
}
