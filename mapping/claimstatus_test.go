package mapping

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

// readClaimStatus reads a 276 or 277 (X212) into its records, failing the
// test on any error in the file.
func readClaimStatus(t *testing.T, name string, in []byte) ([]*edigw.ClaimStatusInquiry, []*edigw.ClaimStatusResponse) {
	t.Helper()
	var qs []*edigw.ClaimStatusInquiry
	var rs []*edigw.ClaimStatusResponse
	res, err := ReadClaimStatus(bytes.NewReader(in), name,
		func(q *edigw.ClaimStatusInquiry) error { qs = append(qs, q); return nil },
		func(r *edigw.ClaimStatusResponse) error { rs = append(rs, r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if !res.Report.OK() {
		t.Fatalf("%s: %v", name, res.Report.Errors)
	}
	return qs, rs
}

// claimStatusFixtures are the project's 276 and 277 files.
func claimStatusFixtures(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob("../fixtures/edi/claimstatus-*.edi")
	if err != nil || len(files) == 0 {
		t.Fatalf("no claim status fixtures: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = b
	}
	return out
}

func TestReadClaimStatusInquiry(t *testing.T) {
	qs, rs := readClaimStatus(t, "276", claimStatusFixtures(t)["claimstatus-276.edi"])
	if len(qs) != 2 || len(rs) != 0 {
		t.Fatalf("%d inquiries, %d responses", len(qs), len(rs))
	}
	q := qs[0]
	if q.PayerID != "62308" || q.Provider.NPI() != "1234567893" || q.Receiver.ID != "HOMECAREDME" || q.Reference != "CS4801" || q.CreatedAt != "202603050800" {
		t.Errorf("levels: %+v", q)
	}
	if q.Subscriber.MemberID != "U1234567801" || q.Subscriber.BirthDate != "19640312" || q.Patient != nil {
		t.Errorf("subscriber %+v patient %+v", q.Subscriber, q.Patient)
	}
	if q.TraceNumber != "CS4801-0001" || q.PatientControlNumber != "PCN-DOE-0210" || q.PayerClaimControlNumber != "CG2026021000017" ||
		q.Charge == nil || *q.Charge != 150000 || q.ServiceDate == nil || q.ServiceDate.To != "20260201" {
		t.Errorf("claim %+v", q.ClaimStatusClaim)
	}
	if len(q.Lines) != 1 || q.Lines[0].Procedure.Code != "E0431" || q.Lines[0].ControlNumber != "1" || q.Lines[0].Units != "1" {
		t.Errorf("lines %+v", q.Lines)
	}
	d := qs[1]
	if d.Patient == nil || d.Patient.LastName != "ROE" || d.Patient.BirthDate != "20120704" || d.Subscriber.MemberID != "U7654321001" || d.Charge == nil || *d.Charge != 21550 {
		t.Errorf("dependent's claim %+v", d)
	}
}

func TestReadClaimStatusResponse(t *testing.T) {
	_, rs := readClaimStatus(t, "277", claimStatusFixtures(t)["claimstatus-277.edi"])
	if len(rs) != 2 {
		t.Fatalf("%d responses", len(rs))
	}
	r := rs[0]
	if len(r.Statuses) != 1 || r.Statuses[0].Category() != "F1" || r.Statuses[0].StatusCodes[0].Status != "65" ||
		*r.Statuses[0].Payment != 120000 || r.Statuses[0].RemittanceTrace != "EFT0304117" || r.Statuses[0].FinalizedDate != "20260303" {
		t.Errorf("statuses %+v", r.Statuses)
	}
	if r.Payer.Contact == nil || r.Payer.Contact.Phone != "8005550199" || r.PayerClaimControlNumber != "CG2026021000017" {
		t.Errorf("payer %+v, 1K %q", r.Payer, r.PayerClaimControlNumber)
	}
	if len(r.Lines) != 1 || *r.Lines[0].Payment != 120000 || len(r.Lines[0].Statuses) != 1 || r.Lines[0].ServiceDate.To != "" {
		t.Errorf("lines %+v", r.Lines)
	}
	if p := rs[1]; p.Patient == nil || p.Statuses[0].Category() != "P1" || p.TraceNumber != "CS4801-0002" {
		t.Errorf("dependent's claim %+v", p)
	}
}

// claimStatusSamples are the public 276 and 277 samples that validate
// clean (edi/ig TestX212PublicSamples states every outcome).
func claimStatusSamples(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, name := range []string{"claim-level-status-ncpdp.276", "claim-level-status.276", "information-receiver-level-status.276",
		"provider-level-status.276", "information-receiver-level-status.277"} {
		b, err := os.ReadFile(filepath.Join("..", "edi", "ig", "testdata", "x212", name))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = b
	}
	return out
}

// TestClaimStatusRoundTrip: read → write → read gives the same records,
// for every 276 and 277 fixture and the public samples that validate.
func TestClaimStatusRoundTrip(t *testing.T) {
	files := claimStatusFixtures(t)
	for name, b := range claimStatusSamples(t) {
		files[name] = b
	}
	files["level-statuses.277"] = levelStatuses(t)
	for name, in := range files {
		qs, rs := readClaimStatus(t, name, in)
		if len(qs)+len(rs) == 0 { // a 277 of receiver statuses only: no claim
			continue
		}
		var buf bytes.Buffer
		var err error
		if len(qs) > 0 {
			err = Write276(&buf, testEnvelope(), qs)
		} else {
			err = Write277(&buf, testEnvelope(), rs)
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		qs2, rs2 := readClaimStatus(t, name+" written", buf.Bytes())
		for _, r := range append(rs, rs2...) { // the envelope is the writer's, not the record's
			r.InterchangeSender, r.InterchangeReceiver, r.InterchangeNumber = "", "", ""
		}
		sameRecords(t, name+" inquiries", qs2, qs)
		sameRecords(t, name+" responses", rs2, rs)
	}
}

// TestClaimStatusLevelsShared: records that share their levels share HL
// loops; a subscriber's claim after a dependent's opens the subscriber
// again, since 2200D comes before 2000E.
func TestClaimStatusLevelsShared(t *testing.T) {
	qs, _ := readClaimStatus(t, "276", claimStatusFixtures(t)["claimstatus-276.edi"])
	sub, dep := qs[0], qs[1]
	dep2 := *dep
	dep2.TraceNumber = "T3"
	sub2 := *sub
	sub2.TraceNumber, sub2.Subscriber = "T4", dep.Subscriber
	batch := []*edigw.ClaimStatusInquiry{sub, dep, &dep2, &sub2}
	var buf bytes.Buffer
	if err := Write276(&buf, testEnvelope(), batch); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "HL*"); n != 7 { // payer, receiver, provider, 2 subscribers, 1 dependent, the second subscriber again
		t.Errorf("%d HL levels:\n%s", n, buf.String())
	}
	got, _ := readClaimStatus(t, "written", buf.Bytes())
	sameRecords(t, "batch", got, batch)
}

func TestWriteClaimStatusRefusesIncomplete(t *testing.T) {
	qs, _ := readClaimStatus(t, "276", claimStatusFixtures(t)["claimstatus-276.edi"])
	q := *qs[0]
	q.TraceNumber, q.Subscriber.MemberID = "", ""
	err := Write276(&bytes.Buffer{}, testEnvelope(), []*edigw.ClaimStatusInquiry{qs[1], &q})
	var re *RecordError
	if !errors.As(err, &re) || re.Index != 2 || !errors.Is(err, ErrIncomplete) {
		t.Fatalf("%v", err)
	}
	if strings.Contains(err.Error(), "PCN-DOE") {
		t.Errorf("a value in the message: %v", err)
	}
	_, rs := readClaimStatus(t, "277", claimStatusFixtures(t)["claimstatus-277.edi"])
	r := *rs[0]
	r.Statuses = nil
	if err := Write277(&bytes.Buffer{}, testEnvelope(), []*edigw.ClaimStatusResponse{&r}); !errors.Is(err, ErrIncomplete) {
		t.Errorf("a response without a status: %v", err)
	}
}

func TestClaimStatusJSONView(t *testing.T) {
	_, rs := readClaimStatus(t, "277", claimStatusFixtures(t)["claimstatus-277.edi"])
	var buf bytes.Buffer
	if err := WriteJSON(&buf, rs[0]); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"category":"F1","categoryValue":"Finalized: payment"`, `"status":"65","statusValue":"`, `"payment":"1200"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("view lacks %s:\n%s", want, buf.String())
		}
	}
}

func TestClaimStatusFromCategory(t *testing.T) {
	amt := func(a edigw.Amount) *edigw.Amount { return &a }
	for _, c := range []struct {
		category        string
		charge, payment *edigw.Amount
		want            edigw.ClaimStatus
	}{
		{"F1", amt(1500), amt(1500), edigw.ClaimPaid},
		{"F1", nil, nil, edigw.ClaimPaid},
		{"F1", amt(1500), amt(1200), edigw.ClaimPartiallyPaid},
		{"F1", amt(1500), amt(0), edigw.ClaimProcessed},
		{"F2", nil, nil, edigw.ClaimDenied},
		{"F0", nil, nil, edigw.ClaimProcessed},
		{"F4", nil, nil, edigw.ClaimProcessed},
		{"F3F", nil, nil, edigw.ClaimForwarded},
		{"P1", nil, nil, edigw.ClaimPended},
		{"P5", nil, nil, edigw.ClaimPended},
		{"A1", nil, nil, ""}, {"A7", nil, nil, ""}, {"R3", nil, nil, ""}, {"F5", nil, nil, ""}, {"E0", nil, nil, ""}, {"P", nil, nil, ""},
	} {
		d := edigw.ClaimStatusDetail{StatusCodes: []edigw.StatusCode{{Category: c.category, Status: "20"}}, Charge: c.charge, Payment: c.payment}
		if got := ClaimStatusFromCategory(d); got != c.want {
			t.Errorf("%s %v/%v: %q, want %q", c.category, c.charge, c.payment, got, c.want)
		}
	}
}

// TestClaimStatusResponseUpdate: a 277 claim is matched by its patient
// control number inside the provider and the envelope, never by its trace
// number; the reason names codes only.
func TestClaimStatusResponseUpdate(t *testing.T) {
	_, rs := readClaimStatus(t, "277", claimStatusFixtures(t)["claimstatus-277.edi"])
	u := ClaimStatusResponseUpdate(rs[0])
	if u.PatientControlNumber != "PCN-DOE-0210" || u.ProviderNPI != "1234567893" || u.SenderID != "HOMECAREDME" || u.ReceiverID != "CIGNA62308" ||
		u.Status != edigw.ClaimPartiallyPaid || u.Reason != "277 F1:65" || u.Received != edigw.EventClaimStatusReceived || u.PayerClaimNumber != "CG2026021000017" {
		t.Errorf("%+v", u)
	}
	if strings.Contains(u.Answer, "CS4801") || strings.Contains(u.Reason, "PCN") {
		t.Errorf("a value from inside the set: %+v", u)
	}
	if u := ClaimStatusResponseUpdate(rs[1]); u.Status != edigw.ClaimPended {
		t.Errorf("pended: %+v", u)
	}
}

// levelStatuses is a 277 written for the project with statuses at the
// information receiver (2200B) and service provider (2200C) levels: two
// receivers, one with an acknowledgment and one rejected; a provider with
// two statuses and one with none.
func levelStatuses(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "claimstatus", "level-statuses.277"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestReadClaimStatusLevelStatuses: every claim carries the 2200B and
// 2200C statuses of the levels above it, and a new receiver or provider
// brings its own (or none).
func TestReadClaimStatusLevelStatuses(t *testing.T) {
	_, rs := readClaimStatus(t, "level-statuses.277", levelStatuses(t))
	if len(rs) != 3 {
		t.Fatalf("%d responses", len(rs))
	}
	codes := func(ds []edigw.ClaimStatusDetail) string {
		var out []string
		for _, d := range ds {
			for _, c := range d.StatusCodes {
				out = append(out, c.String())
			}
		}
		return strings.Join(out, " ")
	}
	for i, want := range []struct{ receiverTrace, receiver, providerTrace, provider string }{
		{"CS4802", "A1:19:PR", "0", "A3:24:85 A3:562:1P"},
		{"CS4802", "A1:19:PR", "", ""},
		{"CS4802B", "E0:0:41 E1:0:AY", "", ""},
	} {
		r := rs[i]
		if r.ReceiverTrace != want.receiverTrace || codes(r.ReceiverStatuses) != want.receiver ||
			r.ProviderTrace != want.providerTrace || codes(r.ProviderStatuses) != want.provider {
			t.Errorf("claim %d: receiver %q %q, provider %q %q", i, r.ReceiverTrace, codes(r.ReceiverStatuses), r.ProviderTrace, codes(r.ProviderStatuses))
		}
	}
	// A new 2000C is a new provider: the third claim's is by TIN, not the NPI before it.
	if p := rs[2].Provider; p.IDQualifier != "FI" || p.ID != "123456789" {
		t.Errorf("third claim's provider %+v", p)
	}
	if d := rs[0].ReceiverStatuses[0]; d.Date != "20260306" || d.Charge != nil {
		t.Errorf("2200B STC %+v", d)
	}
	// The claims' own statuses, and so their matching and moves, are as before.
	if u := ClaimStatusResponseUpdate(rs[1]); u.Status != edigw.ClaimDenied || u.Reason != "277 F2:88" {
		t.Errorf("%+v", u)
	}
	// Each claim holds its own copy of the level's statuses.
	rs[0].ReceiverStatuses[0].Date = "x"
	if rs[1].ReceiverStatuses[0].Date != "20260306" {
		t.Error("claims share the level's statuses")
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, rs[2]); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"receiverTrace":"CS4802B"`, `"receiverStatuses":[{"statusCodes":[{"category":"E0","categoryValue":"`,
		`"entity":"AY","entityValue":"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("view lacks %s:\n%s", want, buf.String())
		}
	}
}

// TestWriteClaimStatusLevelStatusesWhole: a 2200B or 2200C loop needs its
// TRN and an STC; a record with one and not the other is refused.
func TestWriteClaimStatusLevelStatusesWhole(t *testing.T) {
	_, rs := readClaimStatus(t, "level-statuses.277", levelStatuses(t))
	r := *rs[0]
	r.ReceiverTrace = ""
	p := *rs[0]
	p.ProviderStatuses = nil
	for _, bad := range []*edigw.ClaimStatusResponse{&r, &p} {
		if err := Write277(&bytes.Buffer{}, testEnvelope(), []*edigw.ClaimStatusResponse{bad}); !errors.Is(err, ErrIncomplete) {
			t.Errorf("%v", err)
		}
	}
}
