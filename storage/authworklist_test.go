package storage

import (
	"crypto/sha256"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/edigw/edigw"
)

// worklistFixture stores, through the ingest path, provider A's requests
// (A1 approved, A2 naming only A's NPI and pending, A3 denied at a
// facility) and provider B's (B1 approved for the same member as A1, B2
// pending), and returns their IDs by name.
func worklistFixture(t *testing.T, db *DB) map[string]int64 {
	t.Helper()
	a2 := authRequest("TA2", "", npiA)
	a2.Subscriber = edigw.Person{LastName: "SMITH", FirstName: "JOHN", MemberID: "MA2"}
	a2.Services[0].ProcedureCode = "E0601"
	a2.PlaceOfService = "12"
	a3 := authRequest("TA3", tinA, npiA)
	a3.Patient = &edigw.Person{LastName: "ROE", FirstName: "RICHARD"}
	a3.Services[0].ProcedureCode = "K0001"
	a3.Providers = []edigw.ReviewParty{{Role: "FA", Party: edigw.Party{Name: "FACILITY", IDQualifier: "XX", ID: "1999999993"}}}
	b2 := authRequest("TB2", "", npiB)
	b2.Subscriber = edigw.Person{LastName: "SMITHERS", FirstName: "WAYLON", MemberID: "MB2"}
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authRequest("TA1", tinA, npiA), a2, a3,
		authRequest("TB1", tinB, npiB), b2}})
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{
		authResponse("TA1", tinA, npiA, "A1", "CERTA1"), authResponse("TA3", tinA, npiA, "A3", "CERTA3"),
		authResponse("TB1", tinB, npiB, "A1", "CERTB1")}})
	ids := map[string]int64{}
	rows, err := db.pool.Query(testCtx(t), "SELECT trace_number, id FROM authorizations WHERE certification_number IS NULL OR trace_number LIKE 'T%'")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var trace string
		var id int64
		if err := rows.Scan(&trace, &id); err != nil {
			t.Fatal(err)
		}
		ids[trace[1:]] = id
	}
	if len(ids) != 5 {
		t.Fatalf("fixture: %v", ids)
	}
	return ids
}

// declare stores a live token of one TIN and one NPI: the operator's
// statement that the NPI is the TIN's (ProviderDeclared).
func declare(t *testing.T, db *DB, tin, npi string) {
	t.Helper()
	hash := sha256.Sum256([]byte(tin + npi))
	if _, err := db.CreateToken(testCtx(t), &edigw.Token{Name: "declared", Entitlements: []edigw.Entitlement{edigw.EntitlePrecertification},
		Scope: edigw.Scope{TINs: []string{tin}, NPIs: []string{npi}}}, hash[:]); err != nil {
		t.Fatal(err)
	}
}

// TestAuthorizationWorklist: the portal's columns, each filter, the
// search box, the cursor and the tab counts.
func TestAuthorizationWorklist(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	ids := worklistFixture(t, db)
	// received_at is h/authlife's to fill at ingest (issue 14, section 1);
	// here it is set on rows the ingest stored, for the date filters.
	if _, err := db.pool.Exec(ctx, "UPDATE authorizations SET received_at = '2026-01-15T23:30:00Z' WHERE id = $1", ids["A3"]); err != nil {
		t.Fatal(err)
	}
	names := func(f edigw.AuthorizationFilter, scope *edigw.Scope) []string {
		t.Helper()
		items, err := db.Authorizations(ctx, f, scope)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, it := range items {
			for n, id := range ids {
				if id == it.ID {
					out = append(out, n)
				}
			}
		}
		return out
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	scopeA := &edigw.Scope{TINs: []string{tinA}, NPIs: []string{npiA}}
	for _, c := range []struct {
		name  string
		f     edigw.AuthorizationFilter
		scope *edigw.Scope
		want  []string
	}{
		{"all, newest first", edigw.AuthorizationFilter{}, nil, []string{"B2", "B1", "A3", "A2", "A1"}},
		{"scope", edigw.AuthorizationFilter{}, scopeA, []string{"A3", "A2", "A1"}},
		{"page", edigw.AuthorizationFilter{Limit: 2}, scopeA, []string{"A3", "A2"}},
		{"cursor", edigw.AuthorizationFilter{After: ids["A2"]}, scopeA, []string{"A1"}},
		{"operator cursor", edigw.AuthorizationFilter{After: ids["B1"], Limit: 1}, nil, []string{"A3"}},
		{"pending", edigw.AuthorizationFilter{Statuses: []edigw.AuthorizationStatus{edigw.AuthPending}}, nil, []string{"B2", "A2"}},
		{"approved or denied", edigw.AuthorizationFilter{Statuses: []edigw.AuthorizationStatus{edigw.AuthApproved, edigw.AuthDenied}}, scopeA, []string{"A3", "A1"}},
		{"q request ID", edigw.AuthorizationFilter{Query: strconv.FormatInt(ids["A2"], 10)}, nil, []string{"A2"}},
		{"q certification", edigw.AuthorizationFilter{Query: "CERTA3"}, nil, []string{"A3"}},
		{"q trace", edigw.AuthorizationFilter{Query: "TB2"}, nil, []string{"B2"}},
		{"q member", edigw.AuthorizationFilter{Query: "U1234567801"}, nil, []string{"B1", "A3", "A1"}},
		{"q name prefix", edigw.AuthorizationFilter{Query: "smith"}, nil, []string{"B2", "A2"}},
		{"q first name", edigw.AuthorizationFilter{Query: "Richard"}, nil, []string{"A3"}},
		{"q last, first", edigw.AuthorizationFilter{Query: "Smith, J"}, nil, []string{"A2"}},
		{"q first last", edigw.AuthorizationFilter{Query: "waylon smithers"}, nil, []string{"B2"}},
		{"q like characters", edigw.AuthorizationFilter{Query: "SMITH%"}, nil, nil},
		{"q in scope", edigw.AuthorizationFilter{Query: "U1234567801"}, scopeA, []string{"A3", "A1"}},
		{"patient name", edigw.AuthorizationFilter{Patient: "DO"}, scopeA, []string{"A1"}},
		{"q name in scope", edigw.AuthorizationFilter{Query: "smith"}, scopeA, []string{"A2"}},
		{"q request ID in scope", edigw.AuthorizationFilter{Query: strconv.FormatInt(ids["A1"], 10)}, scopeA, []string{"A1"}},
		{"q and patient in scope", edigw.AuthorizationFilter{Query: "U1234567801", Patient: "ROE"}, scopeA, []string{"A3"}},
		{"q name, tab and page in scope", edigw.AuthorizationFilter{Query: "doe", Statuses: []edigw.AuthorizationStatus{edigw.AuthApproved},
			Limit: 1}, scopeA, []string{"A1"}},
		{"q certification and date in scope", edigw.AuthorizationFilter{Query: "CERTA3", From: day("2026-01-15")}, scopeA, []string{"A3"}},
		{"q three words", edigw.AuthorizationFilter{Query: "a b c"}, scopeA, nil},
		{"patient member", edigw.AuthorizationFilter{Patient: "MA2"}, nil, []string{"A2"}},
		{"procedure", edigw.AuthorizationFilter{Procedure: "E0250"}, nil, []string{"B2", "B1", "A1"}},
		{"procedure in scope", edigw.AuthorizationFilter{Procedure: "E0601"}, scopeA, []string{"A2"}},
		{"ordering NPI", edigw.AuthorizationFilter{OrderingNPI: npiB}, nil, []string{"B2", "B1"}},
		{"place of service", edigw.AuthorizationFilter{SiteOfService: "12"}, nil, []string{"A2"}},
		{"facility", edigw.AuthorizationFilter{SiteOfService: "1999999993"}, scopeA, []string{"A3"}},
		{"from", edigw.AuthorizationFilter{To: day("2026-01-15")}, nil, []string{"A3"}},
		{"from to", edigw.AuthorizationFilter{From: day("2026-01-15"), To: day("2026-01-15")}, scopeA, []string{"A3"}},
		{"after to", edigw.AuthorizationFilter{From: day("2026-01-16"), To: day("2026-01-16")}, scopeA, nil},
		{"empty scope", edigw.AuthorizationFilter{}, &edigw.Scope{}, nil},
	} {
		if got := names(c.f, c.scope); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}

	items, err := db.Authorizations(ctx, edigw.AuthorizationFilter{Query: "CERTA3"}, nil)
	if err != nil || len(items) != 1 {
		t.Fatalf("A3: %v %v", items, err)
	}
	// A denial has no end date (validity is an approval's); A1's is below.
	want := edigw.AuthorizationListItem{ID: ids["A3"], AuthorizationID: "CERTA3", Patient: "ROE, RICHARD", Status: edigw.AuthDenied,
		Submitted: time.Date(2026, 1, 15, 23, 30, 0, 0, time.UTC), Procedure: "K0001",
		OrderingProvider: "CLINIC " + tinA, OrderingNPI: npiA, SiteOfService: "1999999993", Insurer: "Cigna Healthcare",
		PayerID: edigw.Cigna, FacilityNPI: "1999999993", MemberID: "U1234567801", TraceNumber: "TA3"}
	got := items[0]
	got.Submitted = got.Submitted.UTC()
	got.EndDate = ""
	if got != want {
		t.Errorf("A3's columns:\n got %+v\nwant %+v", got, want)
	}
	if items, err := db.Authorizations(ctx, edigw.AuthorizationFilter{Query: "CERTA1"}, nil); err != nil || len(items) != 1 ||
		items[0].EndDate != "2026-03-31" || items[0].Status != edigw.AuthApproved {
		t.Errorf("A1: %+v %v", items, err)
	}

	counts, err := db.AuthorizationCounts(ctx, edigw.AuthorizationFilter{Statuses: []edigw.AuthorizationStatus{edigw.AuthDenied}}, scopeA)
	if err != nil {
		t.Fatal(err)
	}
	wantCounts := map[edigw.AuthorizationStatus]int{edigw.AuthPending: 1, edigw.AuthApproved: 1, edigw.AuthDenied: 1,
		edigw.AuthPartiallyApproved: 0, edigw.AuthCancelled: 0}
	if counts.All != 3 || !maps.Equal(counts.ByStatus, wantCounts) {
		t.Errorf("counts of A: %+v", counts)
	}
	counts, err = db.AuthorizationCounts(ctx, edigw.AuthorizationFilter{Query: "U1234567801"}, nil)
	if err != nil || counts.All != 3 || counts.ByStatus[edigw.AuthApproved] != 2 || counts.ByStatus[edigw.AuthDenied] != 1 {
		t.Errorf("counts of a member: %+v %v", counts, err)
	}
}

// TestAuthorizationWorklistScope: provider B's token never lists, counts
// or finds A's requests, whatever the filter or the search says; a token
// of A's TIN alone sees A's request that names only A's NPI once the
// operator declared that NPI under the TIN, and a declared NPI does not
// bring in requests that name another TIN.
func TestAuthorizationWorklistScope(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	ids := worklistFixture(t, db)
	list := func(f edigw.AuthorizationFilter, scope *edigw.Scope) []int64 {
		t.Helper()
		items, err := db.Authorizations(ctx, f, scope)
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, it := range items {
			out = append(out, it.ID)
		}
		return out
	}
	count := func(f edigw.AuthorizationFilter, scope *edigw.Scope) int {
		t.Helper()
		c, err := db.AuthorizationCounts(ctx, f, scope)
		if err != nil {
			t.Fatal(err)
		}
		return c.All
	}
	for _, scopeB := range []*edigw.Scope{{TINs: []string{tinB}, NPIs: []string{npiB}}, {TINs: []string{tinB}}, {NPIs: []string{npiB}}} {
		own := map[int64]bool{ids["B1"]: true, ids["B2"]: true}
		if len(scopeB.NPIs) == 0 {
			own = map[int64]bool{ids["B1"]: true} // B2 names only B's NPI, not declared under B's TIN
		}
		for _, f := range []edigw.AuthorizationFilter{
			{}, {Query: "CERTA1"}, {Query: "TA1"}, {Query: "TA2"}, {Query: strconv.FormatInt(ids["A1"], 10)},
			{Query: "MA2"}, {Query: "SMITH"}, {Query: "ROE"}, {Query: "U1234567801"}, {Patient: "ROE"}, {Patient: "MA2"},
			{Procedure: "K0001"}, {Procedure: "E0601"}, {Procedure: "E0250"}, {OrderingNPI: npiA}, {SiteOfService: "12"},
			{SiteOfService: "1999999993"}, {Statuses: []edigw.AuthorizationStatus{edigw.AuthDenied}}, {After: ids["A3"] + 1},
			{Query: "CERTA1", Patient: "DOE"}, {Query: "DOE", Patient: "U1234567801"}, {Query: "ROE", OrderingNPI: npiA},
		} {
			got := list(f, scopeB)
			for _, id := range got {
				if !own[id] {
					t.Errorf("scope %+v, filter %+v: lists %d", scopeB, f, id)
				}
			}
			if n := count(f, scopeB); n != len(ownMatching(t, db, f, own)) {
				t.Errorf("scope %+v, filter %+v: counts %d", scopeB, f, n)
			}
		}
	}

	// A's TIN alone: A2 names only A's NPI.
	tinOnly := &edigw.Scope{TINs: []string{tinA}}
	if got := list(edigw.AuthorizationFilter{}, tinOnly); !slices.Equal(got, []int64{ids["A3"], ids["A1"]}) {
		t.Errorf("TIN token before the declaration: %v", got)
	}
	declare(t, db, tinA, npiA)
	want := []int64{ids["A3"], ids["A2"], ids["A1"]}
	if got := list(edigw.AuthorizationFilter{}, tinOnly); !slices.Equal(got, want) {
		t.Errorf("TIN token after the declaration: %v, want %v", got, want)
	}
	if got := list(edigw.AuthorizationFilter{Query: "TA2"}, tinOnly); !slices.Equal(got, []int64{ids["A2"]}) {
		t.Errorf("TIN token's search: %v", got)
	}
	if n := count(edigw.AuthorizationFilter{}, tinOnly); n != 3 {
		t.Errorf("TIN token's count: %d", n)
	}
	if a, err := db.Authorization(ctx, ids["A2"], tinOnly); err != nil || a.ID != ids["A2"] {
		t.Errorf("TIN token reads A2: %v", err)
	}
	// A third TIN the operator declared A's NPI under sees A's request
	// that names no TIN, and none that name A's TIN.
	const tinC = "333333333"
	declare(t, db, tinC, npiA)
	scopeC := &edigw.Scope{TINs: []string{tinC}}
	if got := list(edigw.AuthorizationFilter{}, scopeC); !slices.Equal(got, []int64{ids["A2"]}) {
		t.Errorf("TIN C: %v", got)
	}
	if got := list(edigw.AuthorizationFilter{Query: "CERTA1"}, scopeC); len(got) != 0 {
		t.Errorf("TIN C finds A1: %v", got)
	}
	if _, err := db.Authorization(ctx, ids["A1"], scopeC); !isErr(err, edigw.ErrNotFound) {
		t.Errorf("TIN C reads A1: %v", err)
	}
	// A revoked declaration declares nothing.
	if _, err := db.pool.Exec(ctx, "UPDATE api_tokens SET revoked_at = now() WHERE scope_tins = ARRAY[$1::text]", tinC); err != nil {
		t.Fatal(err)
	}
	if got := list(edigw.AuthorizationFilter{}, scopeC); len(got) != 0 {
		t.Errorf("TIN C after revocation: %v", got)
	}
}

// ownMatching is the operator's listing for f restricted to own: what a
// scoped count must be.
func ownMatching(t *testing.T, db *DB, f edigw.AuthorizationFilter, own map[int64]bool) []int64 {
	t.Helper()
	f.Statuses, f.After = nil, 0
	items, err := db.Authorizations(testCtx(t), f, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for _, it := range items {
		if own[it.ID] {
			out = append(out, it.ID)
		}
	}
	return out
}

// TestAuthorizationWorklistManyServices: a request with a thousand
// services is stored and found by any of its procedures (the codes are in
// no B-tree entry, whose size is bounded).
func TestAuthorizationWorklistManyServices(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	r := authRequest("MANY", tinA, npiA)
	r.Services = nil
	// Codes that do not compress: X00000 and 1,000 others, 12 characters
	// each (a B-tree entry may be compressed, and would hold these).
	r.Services = append(r.Services, edigw.RequestedService{ProcedureQualifier: "HC", ProcedureCode: "X00000", Quantity: "1"})
	for i := range 1000 {
		sum := sha256.Sum256([]byte{byte(i), byte(i >> 8)})
		r.Services = append(r.Services, edigw.RequestedService{ProcedureQualifier: "HC", ProcedureCode: fmt.Sprintf("%X", sum[:6]), Quantity: "1"})
	}
	r.Services = append(r.Services, edigw.RequestedService{ProcedureQualifier: "HC", ProcedureCode: "X00499", Quantity: "1"})
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{r}})
	// The provider indexes keep the first 20 services' codes: X00000 is
	// among them, X00499 (the last service) is found on the row.
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{authRequest("FEW", tinA, npiA)}})
	for _, c := range []struct {
		procedure string
		scope     *edigw.Scope
		want      int
	}{
		{"X00499", nil, 1}, {"X00499", &edigw.Scope{TINs: []string{tinA}}, 1}, {"X00499", &edigw.Scope{NPIs: []string{npiA}}, 1},
		{"X00000", &edigw.Scope{TINs: []string{tinA}}, 1}, {"E0250", &edigw.Scope{TINs: []string{tinA}}, 1},
		{"X99999", &edigw.Scope{TINs: []string{tinA}}, 0}, {"X00499", &edigw.Scope{TINs: []string{tinB}, NPIs: []string{npiB}}, 0},
	} {
		f := edigw.AuthorizationFilter{Procedure: c.procedure}
		items, err := db.Authorizations(ctx, f, c.scope)
		if err != nil || len(items) != c.want || c.want == 1 && c.procedure != "E0250" && !strings.HasPrefix(items[0].Procedure, "X00000, ") {
			t.Errorf("%s in %v: %d items, %v", c.procedure, c.scope, len(items), err)
		}
		if n, err := db.AuthorizationCounts(ctx, f, c.scope); err != nil || n.All != c.want {
			t.Errorf("%s in %v: counts %+v, %v", c.procedure, c.scope, n, err)
		}
	}
}
