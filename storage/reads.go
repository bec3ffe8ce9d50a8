package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping/payers"
)

const storedClaimColumns = `id, record, status, direction, coalesce(file_id, 0), coalesce(authorization_id, 0),
	status_reason, updated_at, coalesce(original_id, 0)`

func scanStoredClaim(row pgx.Row) (*edigw.StoredClaim, error) {
	var s edigw.StoredClaim
	var raw []byte
	var status string
	if err := row.Scan(&s.ID, &raw, &status, &s.Direction, &s.FileID, &s.AuthorizationID, &s.StatusReason, &s.UpdatedAt, &s.OriginalID); err != nil {
		return nil, notFound(err)
	}
	s.Claim = &edigw.Claim{}
	if err := json.Unmarshal(raw, s.Claim); err != nil {
		return nil, fmt.Errorf("claim %d: %w", s.ID, err)
	}
	s.Claim.Status = edigw.ClaimStatus(status)
	return &s, nil
}

// Claim returns a claim visible in scope (by billing TIN or NPI).
func (db *DB) Claim(ctx context.Context, id int64, scope *edigw.Scope) (*edigw.StoredClaim, error) {
	cond, args := newScopeFilter(scope).sql("billing_tin", "billing_npi", []any{id})
	c, err := scanStoredClaim(db.pool.QueryRow(ctx, `SELECT `+storedClaimColumns+` FROM claims WHERE id = $1 AND `+cond, args...))
	return c, wrap("claim", err)
}

// ClaimByControlNumber returns the latest claim of a payer with a patient
// control number (CLM01) that is visible in scope.
func (db *DB) ClaimByControlNumber(ctx context.Context, payer edigw.PayerID, pcn string, scope *edigw.Scope) (*edigw.StoredClaim, error) {
	cond, args := newScopeFilter(scope).sql("billing_tin", "billing_npi", []any{string(payer), pcn})
	c, err := scanStoredClaim(db.pool.QueryRow(ctx, `SELECT `+storedClaimColumns+` FROM claims
		WHERE payer_id = $1 AND patient_control_number = $2 AND `+cond+` ORDER BY id DESC LIMIT 1`, args...))
	return c, wrap("claim by control number", err)
}

const storedAuthColumns = `id, record, status, direction, updated_at,
	received_at, coalesce(urgency, ''), retrospective, coalesce(line_of_business, ''), coalesce(category, ''),
	coalesce(category_kind, ''), information_complete_at, decision_due, regulatory_decision_due, decided_at,
	coalesce(to_char(effective_from, 'YYYY-MM-DD'), ''), coalesce(to_char(effective_to, 'YYYY-MM-DD'), ''),
	hold_missing, coalesce(to_char(hold_due_date, 'YYYY-MM-DD'), ''), denial_reasons,
	coalesce(to_char(appeal_deadline, 'YYYY-MM-DD'), ''), coalesce(original_id, 0), findings`

func scanStoredAuth(row pgx.Row) (*edigw.StoredAuthorization, error) {
	var s edigw.StoredAuthorization
	var raw []byte
	var status string
	var holdMissing, reasons []string
	var holdDue string
	l := &s.AuthorizationLifecycle
	if err := row.Scan(&s.ID, &raw, &status, &s.Direction, &s.UpdatedAt,
		&l.ReceivedAt, &l.Urgency, &l.Retrospective, &l.LineOfBusiness, &l.Category, &l.CategoryKind,
		&l.InformationCompleteAt, &l.DecisionDue, &l.RegulatoryDecisionDue, &l.DecidedAt, &l.ValidFrom, &l.ValidThrough,
		&holdMissing, &holdDue, &reasons, &l.AppealDeadline, &l.OriginalID, &l.Findings); err != nil {
		return nil, notFound(err)
	}
	s.Request = &edigw.AuthorizationRequest{}
	if err := json.Unmarshal(raw, s.Request); err != nil {
		return nil, fmt.Errorf("authorization %d: %w", s.ID, err)
	}
	s.Request.Status = edigw.AuthorizationStatus(status)
	if len(holdMissing) > 0 || holdDue != "" {
		l.Hold = &edigw.AuthorizationHold{Missing: nonNil(holdMissing), DueDate: holdDue}
	}
	profile, _ := payers.Lookup(s.Request.PayerID)
	for _, c := range reasons {
		r := edigw.DenialReason{Code: c}
		if profile != nil {
			r.Description = profile.DenialReasons.Describe(c)
		}
		l.DenialReasons = append(l.DenialReasons, r)
	}
	if len(l.Findings) == 0 {
		l.Findings = nil
	}
	l.ReceivedAt = l.ReceivedAt.UTC()
	for _, t := range []*time.Time{l.InformationCompleteAt, l.DecisionDue, l.RegulatoryDecisionDue, l.DecidedAt} {
		if t != nil {
			*t = t.UTC()
		}
	}
	return &s, nil
}

// Authorization returns an authorization visible in scope (by requester
// TIN, or the NPI of the requester or a service provider).
// A request naming no TIN is also in the scope of the TINs its NPIs are
// declared under (authScope).
func (db *DB) Authorization(ctx context.Context, id int64, scope *edigw.Scope) (*edigw.StoredAuthorization, error) {
	s, err := db.authScopeOf(ctx, scope)
	if err != nil {
		return nil, err
	}
	cond, args := s.sql("", []any{id})
	a, err := scanStoredAuth(db.pool.QueryRow(ctx, `SELECT `+storedAuthColumns+` FROM authorizations WHERE id = $1 AND `+cond, args...))
	return a, wrap("authorization", err)
}

// AuthorizationByCertification returns the latest authorization of a
// payer whose decision, or one of whose services' decisions, carries the
// number: an operator's read (no scope). Claims are linked to
// authorizations inside their providers (authorizationsByCertification).
func (db *DB) AuthorizationByCertification(ctx context.Context, payer edigw.PayerID, cert string) (*edigw.StoredAuthorization, error) {
	var id int64
	err := db.pool.QueryRow(ctx, `
		SELECT coalesce(max(id), 0) FROM (
			SELECT a.id FROM authorizations a WHERE a.payer_id = $1 AND a.certification_number = $2
			UNION ALL
			SELECT s.authorization_id FROM authorization_services s WHERE s.payer_id = $1 AND s.certification_number = $2) m`,
		string(payer), cert).Scan(&id)
	if err != nil {
		return nil, wrap("authorization by certification", err)
	}
	if id == 0 {
		return nil, edigw.ErrNotFound
	}
	return db.Authorization(ctx, id, nil)
}

// storedRemittanceColumns put a remittance back together with its claim
// payments, kept as records of their own.
const storedRemittanceColumns = `r.id, r.record, coalesce(r.file_id, 0), r.received_at, p.claims, p.ids
	FROM remittances r CROSS JOIN LATERAL (
		SELECT coalesce(json_agg(record ORDER BY ordinal), '[]') AS claims,
		       coalesce(array_agg(coalesce(claim_id, 0) ORDER BY ordinal), '{}') AS ids
		FROM claim_payments WHERE remittance_key = r.key) p`

func scanStoredRemittance(row pgx.Row) (*edigw.StoredRemittance, error) {
	var s edigw.StoredRemittance
	var raw, claims []byte
	if err := row.Scan(&s.ID, &raw, &s.FileID, &s.ReceivedAt, &claims, &s.ClaimIDs); err != nil {
		return nil, notFound(err)
	}
	s.Remittance = &edigw.Remittance{}
	if err := json.Unmarshal(raw, s.Remittance); err != nil {
		return nil, fmt.Errorf("remittance %d: %w", s.ID, err)
	}
	if err := json.Unmarshal(claims, &s.Remittance.Claims); err != nil {
		return nil, fmt.Errorf("remittance %d: %w", s.ID, err)
	}
	return &s, nil
}

// Remittance returns a remittance visible in scope (by payee TIN or NPI).
func (db *DB) Remittance(ctx context.Context, id int64, scope *edigw.Scope) (*edigw.StoredRemittance, error) {
	cond, args := newScopeFilter(scope).sql("r.payee_tin", "r.payee_npi", []any{id})
	r, err := scanStoredRemittance(db.pool.QueryRow(ctx, `SELECT `+storedRemittanceColumns+`
		WHERE r.id = $1 AND `+cond, args...))
	return r, wrap("remittance", err)
}

// Remittances returns every remittance with ID > after in ID order, at
// most limit (DefaultPage when limit <= 0, at most MaxPage): the operators'
// feed. Like event IDs, remittance IDs become visible in order. A scoped
// reader reads RemittancesOf.
func (db *DB) Remittances(ctx context.Context, after int64, limit int) ([]edigw.StoredRemittance, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+storedRemittanceColumns+`
		WHERE r.id > $1 ORDER BY r.id LIMIT $2`, after, pageSize(limit))
	if err != nil {
		return nil, wrap("remittances", err)
	}
	out, err := collectValues(rows, scanStoredRemittance)
	return out, wrap("remittances", err)
}

// countedTables are the tables Counts reports.
var countedTables = []string{"payers", "trading_partners", "files", "interchanges", "control_counters",
	"authorizations", "authorization_services", "authorization_decisions", "claims", "claim_lines",
	"claim_status_history", "acknowledgments", "remittances", "claim_payments", "service_payments", "adjustments",
	"idempotency_keys", "events", "api_tokens"}

// Counts returns the number of rows of each table, by table name.
func (db *DB) Counts(ctx context.Context) (map[string]int64, error) {
	b := &pgx.Batch{}
	for _, t := range countedTables {
		if t == "events" {
			// The records' events: a file's outcome (file.processed,
			// file.failed) is about the file, not a record of it.
			b.Queue("SELECT count(*) FROM events WHERE kind NOT IN ('file.processed', 'file.failed')")
			continue
		}
		b.Queue("SELECT count(*) FROM " + pgx.Identifier{t}.Sanitize())
	}
	out := make(map[string]int64, len(countedTables))
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	br := db.pool.SendBatch(ctx, b)
	defer br.Close()
	for _, t := range countedTables {
		var n int64
		if err := br.QueryRow().Scan(&n); err != nil {
			return nil, wrap("counts", err)
		}
		out[t] = n
	}
	return out, nil
}

// collectValues reads every row with a scanner that returns a pointer
// (the shape of a single-record read), as a slice of values.
func collectValues[T any](rows pgx.Rows, scan func(pgx.Row) (*T, error)) ([]T, error) {
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (T, error) {
		v, err := scan(row)
		if err != nil {
			var zero T
			return zero, err
		}
		return *v, nil
	})
}
