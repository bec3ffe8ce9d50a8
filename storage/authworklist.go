package storage

import (
	"context"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// The prior-authorization worklist (GET /v1/authorizations, the console's
// worklist; decision 0024). A page is found in one of five ways, the
// cheapest the filter allows, and the other conditions filter the rows
// each way reads:
//
//   - inside a scope: each provider's entries backwards (authScope.page),
//     every filter checked in the provider indexes; a search (q,
//     patient) reads its names so, and its numbers from their own
//     indexes (then the scope), and takes the newest of both;
//   - an operator's search: what the planner makes of the search
//     indexes of 0015;
//   - for an operator's one ordering NPI: that NPI's (requester_npi, id)
//     entries backwards from the cursor;
//   - for operators with dates: the received_at index's range;
//   - for operators with none of these: the primary key backwards.
//
// The scope is applied in SQL on every way: a search never reads another
// provider's request into the answer, and a number another provider's
// request carries finds nothing.

// Authorizations returns the requests visible in scope (nil: all) that
// pass the filter, newest first, with ID < f.After (0: from the newest),
// at most f.Limit (DefaultPage when 0, at most MaxPage).
func (db *DB) Authorizations(ctx context.Context, f edigw.AuthorizationFilter, scope *edigw.Scope) ([]edigw.AuthorizationListItem, error) {
	s, err := db.authScopeOf(ctx, scope)
	if err != nil {
		return nil, err
	}
	sql, args := worklistQuery(f, s)
	rows, err := db.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, wrap("authorizations", err)
	}
	out, err := pgx.CollectRows(rows, scanWorklistItem)
	return out, wrap("authorizations", err)
}

// worklistQuery is the listing's SQL and arguments for a filter and a
// resolved scope.
func worklistQuery(f edigw.AuthorizationFilter, s authScope) (string, []any) {
	after := f.After
	if after <= 0 {
		after = math.MaxInt64
	}
	args := []any{after, pageSize(f.Limit)}
	search := strings.TrimSpace(f.Query) != "" || strings.TrimSpace(f.Patient) != ""
	var q *claimConds
	var page string
	switch {
	case !s.all && !search:
		// Each provider's entries backwards; every filter, the ordering
		// NPI too, is checked in the provider indexes (INCLUDE).
		q = &claimConds{args: append(args, s.tins, s.npis, s.declared)}
		row := worklistConds(q, f, true)
		page = s.page(q.sql(), row)
	case !s.all:
		// A search is read two ways at once: its names along each
		// provider's entries (with every other filter, all in the
		// provider indexes), its numbers (request ID, certification,
		// trace, member ID) from their own indexes and then the scope.
		// Either alone would be slow for some searches: a name prefix
		// of one letter matches most of the table, a certification
		// number one request of the provider's thousands.
		q = &claimConds{args: append(args, s.tins, s.npis, s.declared)}
		numbers, names, row := searchConds(q, f)
		rest := q.sql()
		var inScope string
		inScope, q.args = s.sql("", q.args)
		page = `SELECT id FROM (
				SELECT id FROM (` + s.page(rest+" AND "+names, row) + `) w
				UNION
				SELECT id FROM (SELECT id FROM authorizations r WHERE id < $1 AND ` + rest + ` AND ` + orTrue(row) + ` AND ` + numbers +
			` AND ` + inScope + ` ORDER BY id DESC LIMIT $2) n
			) u ORDER BY id DESC LIMIT $2`
	case !search && f.OrderingNPI != "":
		// An operator's one provider: its entries backwards.
		q = &claimConds{args: append(args, []string{}, []string{f.OrderingNPI}, []string{})}
		row := worklistConds(q, f, true)
		page = s.page(q.sql(), row)
	case !search && (!f.From.IsZero() || !f.To.IsZero()):
		// An operator's dates: the range's entries of the received_at
		// index, then the newest (id + 0 keeps the planner from walking
		// the primary key through every newer request to reach them).
		q = &claimConds{args: args}
		row := worklistConds(q, f, true)
		page = `SELECT id FROM authorizations r WHERE id < $1 AND ` + q.sql() + ` AND ` + orTrue(row) + ` ORDER BY id + 0 DESC LIMIT $2`
	default:
		q = &claimConds{args: args}
		row := worklistConds(q, f, true)
		page = `SELECT id FROM authorizations r WHERE id < $1 AND ` + q.sql() + ` AND ` + orTrue(row) + ` ORDER BY id DESC LIMIT $2`
	}
	return `WITH page AS (` + page + `)
		SELECT a.id, coalesce(a.certification_number, ''), coalesce(a.patient_last, ''), coalesce(a.patient_first, ''),
			a.status, a.received_at, a.effective_to, a.procedure_codes, coalesce(a.record -> 'requester', '{}'),
			coalesce(a.requester_npi, ''), coalesce(a.place_of_service, ''), coalesce(a.facility_npi, ''),
			coalesce(p.name, ''), a.payer_id, coalesce(a.member_id, ''), coalesce(a.trace_number, '')
		FROM authorizations a LEFT JOIN payers p ON p.id = a.payer_id
		WHERE a.id IN (SELECT id FROM page) ORDER BY a.id DESC`, q.args
}

func scanWorklistItem(row pgx.CollectableRow) (edigw.AuthorizationListItem, error) {
	var it edigw.AuthorizationListItem
	var last, first, placeOfService, facility string
	var end *time.Time
	var procedures []string
	var requester []byte
	if err := row.Scan(&it.ID, &it.AuthorizationID, &last, &first, &it.Status, &it.Submitted, &end, &procedures,
		&requester, &it.OrderingNPI, &placeOfService, &facility, &it.Insurer, &it.PayerID, &it.MemberID,
		&it.TraceNumber); err != nil {
		return it, err
	}
	it.Patient = personName(last, first)
	if end != nil {
		it.EndDate = end.Format(time.DateOnly)
	}
	it.Procedure = strings.Join(procedures, ", ")
	var req edigw.ReviewParty
	if err := json.Unmarshal(requester, &req); err != nil {
		return it, err
	}
	it.OrderingProvider = req.Name
	if req.FirstName != "" {
		it.OrderingProvider = personName(req.Name, req.FirstName)
	}
	it.PlaceOfService, it.FacilityNPI = placeOfService, facility
	it.SiteOfService = placeOfService
	if it.SiteOfService == "" {
		it.SiteOfService = facility
	}
	return it, nil
}

// personName is "LAST, FIRST" as the portal shows it.
func personName(last, first string) string {
	if first == "" {
		return last
	}
	return last + ", " + first
}

// AuthorizationCounts counts the requests visible in scope that pass the
// filter, per status and in all: the worklist's tabs. The filter's
// statuses (the tab being shown) and cursor are not conditions here.
func (db *DB) AuthorizationCounts(ctx context.Context, f edigw.AuthorizationFilter, scope *edigw.Scope) (edigw.AuthorizationCounts, error) {
	out := edigw.AuthorizationCounts{ByStatus: map[edigw.AuthorizationStatus]int{}}
	for _, st := range edigw.AuthorizationStatuses {
		out.ByStatus[st] = 0
	}
	s, err := db.authScopeOf(ctx, scope)
	if err != nil {
		return out, err
	}
	var sql string
	q := &claimConds{}
	if s.all {
		row := worklistConds(q, f, false)
		sql = `SELECT status, count(*) FROM authorizations r WHERE ` + q.sql() + ` AND ` + orTrue(row) + ` GROUP BY status`
	} else {
		// The scope's requests from the provider indexes: every column a
		// filter or a search reads is INCLUDEd, but for a long request's
		// procedures.
		q.args = []any{s.tins, s.npis, s.declared}
		row := worklistConds(q, f, false)
		sql = `SELECT status, count(*) FROM (` + s.statuses(q.sql(), row) + `) u GROUP BY status`
	}
	rows, err := db.pool.Query(ctx, sql, q.args...)
	if err != nil {
		return out, wrap("authorization counts", err)
	}
	var status string
	var n int
	_, err = pgx.ForEachRow(rows, []any{&status, &n}, func() error {
		out.ByStatus[edigw.AuthorizationStatus(status)] += n
		out.All += n
		return nil
	})
	return out, wrap("authorization counts", err)
}

// worklistConds adds the filter's conditions (the statuses too when
// withStatus) to q: those the provider indexes can check. row is the
// condition, on the row (alias r), that the indexes cannot ("" when
// none; see filterConds).
func worklistConds(q *claimConds, f edigw.AuthorizationFilter, withStatus bool) (row string) {
	if v := strings.TrimSpace(f.Query); v != "" {
		numbers, names := queryConds(q, v)
		q.conds = append(q.conds, "("+numbers+" OR "+names+")")
	}
	if v := strings.TrimSpace(f.Patient); v != "" {
		numbers, names := patientConds(q, v)
		q.conds = append(q.conds, "("+numbers+" OR "+names+")")
	}
	return filterConds(q, f, withStatus)
}

// searchConds splits a filter with a search in two: it adds to q every
// condition but the search's (q, else patient), and returns the search's
// numbers and names apart.
func searchConds(q *claimConds, f edigw.AuthorizationFilter) (numbers, names, row string) {
	if v := strings.TrimSpace(f.Query); v != "" {
		numbers, names = queryConds(q, v)
		if p := strings.TrimSpace(f.Patient); p != "" {
			n, m := patientConds(q, p)
			q.conds = append(q.conds, "("+n+" OR "+m+")")
		}
	} else {
		numbers, names = patientConds(q, strings.TrimSpace(f.Patient))
	}
	return numbers, names, filterConds(q, f, true)
}

// queryConds is the search box: the request ID, the certification
// number, the requester's trace number or the member ID (numbers), or
// the patient's name (names).
func queryConds(q *claimConds, v string) (numbers, names string) {
	var alts []string
	if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
		q.args = append(q.args, id)
		alts = append(alts, "id = "+placeholder(len(q.args)))
	}
	q.args = append(q.args, v)
	p := placeholder(len(q.args))
	alts = append(alts, "certification_number = "+p, "trace_number = "+p, "member_id = "+p)
	return "(" + strings.Join(alts, " OR ") + ")", nameCond(q, v)
}

// patientConds is the patient filter: a member ID, or a name.
func patientConds(q *claimConds, v string) (numbers, names string) {
	q.args = append(q.args, v)
	return "member_id = " + placeholder(len(q.args)), nameCond(q, v)
}

// filterConds adds the conditions of the filters other than the search,
// and returns the row's condition (see worklistConds).
func filterConds(q *claimConds, f edigw.AuthorizationFilter, withStatus bool) (row string) {
	if withStatus && len(f.Statuses) > 0 {
		statuses := make([]string, len(f.Statuses))
		for i, s := range f.Statuses {
			statuses[i] = string(s)
		}
		q.add("status = ANY(%s::text[])", statuses)
	}
	if f.Procedure != "" {
		// The provider indexes hold the first 20 services' codes and
		// whether there are more: a request with more is checked on its
		// row.
		q.args = append(q.args, f.Procedure)
		p := placeholder(len(q.args))
		q.conds = append(q.conds, "(procedure_head @> jsonb_build_array("+p+"::text) OR procedure_more)")
		row = "r.procedure_codes @> jsonb_build_array(" + p + "::text)"
	}
	if f.OrderingNPI != "" {
		q.add("requester_npi = %s", f.OrderingNPI)
	}
	if f.SiteOfService != "" {
		q.args = append(q.args, f.SiteOfService)
		p := placeholder(len(q.args))
		q.conds = append(q.conds, "(place_of_service = "+p+" OR facility_npi = "+p+")")
	}
	// From and To are days in UTC, inclusive.
	if !f.From.IsZero() {
		q.add("received_at >= %s::date", f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		q.add("received_at < %s::date + 1", f.To.Format(time.DateOnly))
	}
	return row
}

// nameCond matches a patient's name, case-insensitively: one word is a
// prefix of the last or the first name; two ("DOE JANE", "Doe, Jane")
// are prefixes of the last and the first name, in either order.
func nameCond(q *claimConds, v string) string {
	words := strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return r == ',' || r == ' ' })
	prefix := func(w string) string {
		q.args = append(q.args, likePrefix(w))
		return placeholder(len(q.args))
	}
	switch len(words) {
	case 1:
		p := prefix(words[0])
		return "(lower(patient_last) LIKE " + p + " OR lower(patient_first) LIKE " + p + ")"
	case 2:
		a, b := prefix(words[0]), prefix(words[1])
		return "((lower(patient_last) LIKE " + a + " AND lower(patient_first) LIKE " + b + ") OR (lower(patient_last) LIKE " +
			b + " AND lower(patient_first) LIKE " + a + "))"
	}
	return "FALSE"
}

// likePrefix is a LIKE pattern matching what starts with s.
func likePrefix(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s) + "%"
}

func placeholder(n int) string { return "$" + strconv.Itoa(n) }

// orTrue is a condition, or TRUE for none.
func orTrue(cond string) string {
	if cond == "" {
		return "TRUE"
	}
	return cond
}
