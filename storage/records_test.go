package storage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/internal/testenv"
	"github.com/edigw/edigw/mapping"
	"github.com/edigw/edigw/mapping/codes"
)

// Providers of the tests: two billing providers with their TIN and NPI.
const (
	tinA, npiA = "111111111", "1111111112"
	tinB, npiB = "222222222", "2222222220"
)

func provider(tin, npi string) edigw.Party {
	return edigw.Party{Name: "CLINIC " + tin, EntityType: "2", IDQualifier: "XX", ID: npi, TaxID: tin}
}

// claim is a professional claim of two lines for the provider.
func claim(pcn, tin, npi string, charge edigw.Amount, cert string) *edigw.Claim {
	first := charge / 2
	return &edigw.Claim{
		PayerID: edigw.Cigna, Kind: edigw.Professional, PatientControlNumber: pcn, TotalCharge: charge,
		FacilityCode: "11", FacilityCodeQualifier: "B", FrequencyCode: "1",
		BillingProvider:    provider(tin, npi),
		Subscriber:         edigw.Person{LastName: "DOE", FirstName: "JANE", MemberID: "U1234567801"},
		Payer:              edigw.Party{Name: "CIGNA HEALTHCARE", IDQualifier: "PI", ID: "62308"},
		Diagnoses:          []edigw.Diagnosis{{Qualifier: "ABK", Code: "E119"}},
		PriorAuthorization: cert,
		Lines: []edigw.ServiceLine{
			{Number: 1, ProcedureQualifier: "HC", ProcedureCode: "99213", Charge: first, UnitBasis: "UN", Units: "1",
				ServiceDate: &edigw.Period{From: "20260105"}, LineItemControlNumber: pcn + "-1"},
			{Number: 2, ProcedureQualifier: "HC", ProcedureCode: "E0250", Modifiers: []string{"RR", "KH"}, Charge: charge - first,
				UnitBasis: "UN", Units: "1", ServiceDate: &edigw.Period{From: "20260107"}, LineItemControlNumber: pcn + "-2"},
		},
	}
}

// payment is an 835 CLP for a claim, with a CO-45 for what was not paid.
func payment(pcn, status string, charge, paid edigw.Amount) edigw.ClaimPayment {
	cp := edigw.ClaimPayment{PatientControlNumber: pcn, StatusCode: status, Charge: charge, Paid: paid,
		PayerClaimNumber: "PCN-" + pcn, Patient: edigw.Person{LastName: "DOE", FirstName: "JANE"},
		Services: []edigw.ServicePayment{{ProcedureQualifier: "HC", ProcedureCode: "99213", Charge: charge, Paid: paid,
			LineItemControlNumber: pcn + "-1"}}}
	if paid != charge {
		cp.Adjustments = []edigw.Adjustment{{Group: "CO", Reason: "45", Amount: charge - paid}}
		cp.Services[0].Adjustments = []edigw.Adjustment{{Group: "CO", Reason: "45", Amount: charge - paid}}
	}
	cp.ClaimStatus, cp.StatusReason = mapping.PaymentStatus(&cp) // as mapping reads an 835
	return cp
}

func remittance(trace, tin, npi string, claims ...edigw.ClaimPayment) *edigw.Remittance {
	var total edigw.Amount
	for _, c := range claims {
		total += c.Paid
	}
	return &edigw.Remittance{PayerID: edigw.Cigna, Handling: "I", PaymentAmount: total, CreditDebit: "C",
		PaymentMethod: "ACH", PaymentDate: "20260201", TraceNumber: trace,
		Payer: edigw.Party{Name: "CIGNA HEALTHCARE"},
		Payee: edigw.Party{Name: "CLINIC", IDQualifier: "XX", ID: npi, TaxID: tin}, Claims: claims}
}

// authRequest is a 278 request of the provider for a hospital bed.
func authRequest(trace, tin, npi string) *edigw.AuthorizationRequest {
	req := edigw.ReviewParty{Role: "1P", Party: provider(tin, npi)}
	return &edigw.AuthorizationRequest{PayerID: edigw.Cigna, TraceNumber: trace,
		Traces:    []edigw.Trace{{Type: "1", Number: trace, Assigner: "9EDIGWTEST"}},
		Reviewer:  edigw.ReviewParty{Role: "X3", Party: edigw.Party{Name: "CIGNA", IDQualifier: "PI", ID: "62308"}},
		Requester: req, Subscriber: edigw.Person{LastName: "DOE", FirstName: "JANE", MemberID: "U1234567801"},
		RequestCategory: "HS", CertificationType: "I", ServiceType: "12",
		Services: []edigw.RequestedService{{ProcedureQualifier: "HC", ProcedureCode: "E0250", Quantity: "1",
			Period: &edigw.Period{From: "20260101", To: "20260331"}}},
	}
}

// authResponse answers authRequest(trace) with an HCR action.
func authResponse(trace, tin, npi, action, cert string) *edigw.AuthorizationRequest {
	r := authRequest(trace, tin, npi)
	r.Traces = []edigw.Trace{{Type: "2", Number: trace, Assigner: "9EDIGWTEST"}}
	r.Decision = &edigw.Decision{Action: action, CertificationNumber: cert,
		EffectivePeriod: &edigw.Period{From: "20260101", To: "20260331"}}
	r.Services[0].Decision = &edigw.Decision{Action: action, CertificationNumber: cert}
	// As mapping reads a 278 response.
	r.Decision.Status, _ = codes.AuthorizationStatus(action)
	r.Services[0].Decision.Status = r.Decision.Status
	return r
}

var fileSeq atomic.Int64

// batch is what one test file carries.
type batch struct {
	isa      string // ISA13; "" for none
	claims   []*edigw.Claim
	rms      []*edigw.Remittance
	auths    []*edigw.AuthorizationRequest
	statuses []edigw.ClaimStatusUpdate
	content  string // the file's bytes; a unique string when empty
}

// ingestFile runs one inbound file's ingest and commits it.
func ingestFile(ctx context.Context, db *DB, b batch) (*edigw.IngestResult, error) {
	n := fileSeq.Add(1)
	if b.content == "" {
		b.content = fmt.Sprintf("file %d %s", n, testenv.RandomName(""))
	}
	f := &edigw.File{PayerID: edigw.Cigna, Key: fmt.Sprintf("cigna-62308/inbound/f%d.x12", n), Direction: edigw.Inbound, Kind: "mixed"}
	in, err := db.BeginIngest(ctx, f)
	if err != nil {
		return nil, err
	}
	defer in.Rollback(context.Background()) //nolint:errcheck // harmless after Commit
	if b.isa != "" {
		if err := in.Interchange(ctx, edigw.Interchange{SenderQualifier: "ZZ", SenderID: "SUBMITTER     ",
			ReceiverQualifier: "ZZ", ReceiverID: "CIGNA62308", ControlNumber: b.isa}); err != nil {
			return nil, err
		}
	}
	if err := in.AddAuthorizations(ctx, b.auths); err != nil {
		return nil, err
	}
	if err := in.AddClaims(ctx, b.claims); err != nil {
		return nil, err
	}
	if err := in.AddRemittances(ctx, b.rms); err != nil {
		return nil, err
	}
	if err := in.AddClaimStatuses(ctx, ackUpdates(b.statuses)); err != nil {
		return nil, err
	}
	sum := sha256.Sum256([]byte(b.content))
	return in.Commit(ctx, hex.EncodeToString(sum[:]), int64(len(b.content)))
}

// ackUpdates gives the tests' acknowledgment updates the statuses an
// acknowledgment may move a claim from, as mapping derives them.
func ackUpdates(us []edigw.ClaimStatusUpdate) []edigw.ClaimStatusUpdate {
	for i := range us {
		if us[i].MovesFrom == nil {
			us[i].MovesFrom = mapping.AckMovesFrom()
		}
	}
	return us
}

func mustIngest(t testing.TB, db *DB, b batch) *edigw.IngestResult {
	t.Helper()
	res, err := ingestFile(testCtx(t), db, b)
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	return res
}

func counts(t testing.TB, db *DB) map[string]int64 {
	t.Helper()
	c, err := db.Counts(testCtx(t))
	if err != nil {
		t.Fatalf("counts: %v", err)
	}
	return c
}

// recordSubjects are the subjects of the events about records: those a
// scoped reader may see.
var recordSubjects = []string{"claim", "authorization", "remittance"}

// allEvents reads the whole feed: every event (nil scope), or those about
// the scope's records.
func allEvents(t testing.TB, db *DB, scope *edigw.Scope) []edigw.Event {
	t.Helper()
	var out []edigw.Event
	var after int64
	for {
		var page []edigw.Event
		var err error
		if scope == nil {
			page, err = db.Events(testCtx(t), after, 1000)
		} else {
			page, err = db.EventsOf(testCtx(t), after, 1000, scope, recordSubjects)
		}
		if err != nil {
			t.Fatalf("events: %v", err)
		}
		if len(page) == 0 {
			return out
		}
		out = append(out, page...)
		after = page[len(page)-1].ID
	}
}

func claimByPCN(t testing.TB, db *DB, pcn string) *edigw.StoredClaim {
	t.Helper()
	c, err := db.ClaimByControlNumber(testCtx(t), edigw.Cigna, pcn, nil)
	if err != nil {
		t.Fatalf("claim %s: %v", pcn, err)
	}
	return c
}

func isErr(err, target error) bool { return errors.Is(err, target) }
