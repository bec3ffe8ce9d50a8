package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/storage"
)

// report prior-authorization reads every provider's requests from the
// database and writes the report as JSON or CSV; the numbers themselves
// are storage's test (TestPriorAuthorizationMetrics).
func TestReportPriorAuthorization(t *testing.T) {
	db := testDatabase(t)
	// An empty database first: the command migrates it.
	code, out, errOut := runCmd(t, "", "report", "prior-authorization", "--database", db)
	if code != exitOK {
		t.Fatalf("empty: exit %d: %s", code, errOut)
	}
	var rep edigw.PriorAuthorizationReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Rows) != 1 || rep.Rows[0].Requests != 0 || rep.GroupBy == nil {
		t.Fatalf("empty: %v %s", err, out)
	}

	ctx := context.Background()
	store, err := storage.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ing, err := store.BeginIngest(ctx, &edigw.File{PayerID: edigw.Cigna, Key: "cigna-62308/inbound/r.x12", Direction: edigw.Inbound, Kind: "278"})
	if err != nil {
		t.Fatal(err)
	}
	var reqs []*edigw.AuthorizationRequest
	for _, p := range []struct{ trace, tin, npi string }{{"T1", "061234567", "1234567893"}, {"T2", "222222222", "1245319599"}} {
		reqs = append(reqs, &edigw.AuthorizationRequest{PayerID: edigw.Cigna, TraceNumber: p.trace,
			Requester:  edigw.ReviewParty{Role: "1P", Party: edigw.Party{Name: "CLINIC", IDQualifier: "XX", ID: p.npi, TaxID: p.tin}},
			Subscriber: edigw.Person{LastName: "DOE", FirstName: "JANE", MemberID: "U1"}, RequestCategory: "HS", CertificationType: "I",
			Services: []edigw.RequestedService{{ProcedureQualifier: "HC", ProcedureCode: "E0250", Quantity: "1"}}})
	}
	if err := ing.AddAuthorizations(ctx, reqs); err != nil {
		t.Fatal(err)
	}
	if _, err := ing.Commit(ctx, strings.Repeat("c", 64), 1); err != nil {
		t.Fatal(err)
	}

	code, out, errOut = runCmd(t, "", "report", "prior-authorization", "--database", db, "--group-by", "payer", "--from", "2000-01-01")
	if code != exitOK {
		t.Fatalf("json: exit %d: %s", code, errOut)
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Rows) != 1 || rep.Rows[0].Requests != 2 ||
		rep.Rows[0].Pending != 2 || rep.Rows[0].PayerID != edigw.Cigna || rep.From != "2000-01-01" ||
		!slices.Equal(rep.GroupBy, []edigw.MetricsGrouping{edigw.GroupByPayer}) {
		t.Errorf("json: %v %s", err, out)
	}
	code, out, errOut = runCmd(t, "", "report", "prior-authorization", "--database", db, "--group-by", "payer,lineOfBusiness", "--format", "csv")
	if code != exitOK {
		t.Fatalf("csv: exit %d: %s", code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 2 || !slices.Equal(recs[0], edigw.MetricsCSVHeader) || recs[1][1] != "62308" || recs[1][6] != "2" {
		t.Errorf("csv: %v %q", err, recs)
	}

	for _, args := range [][]string{
		{"--group-by", "month,day"}, {"--group-by", "provider"}, {"--from", "yesterday"}, {"--format", "xml"},
		{"--from", "2026-02-01", "--to", "2026-01-01"},
	} {
		if code, _, errOut := runCmd(t, "", append([]string{"report", "prior-authorization", "--database", db}, args...)...); code != exitUnusable || errOut == "" {
			t.Errorf("%v: exit %d %s", args, code, errOut)
		}
	}
}
