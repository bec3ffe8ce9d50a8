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

// authStatus is the status a record is stored with: its decision's (as
// mapping derived it from HCR01), else the status it carries, else Pending.
func authStatus(r *edigw.AuthorizationRequest) edigw.AuthorizationStatus {
	if r.Decision != nil && r.Decision.Status != "" {
		return r.Decision.Status
	}
	if r.Status != "" {
		return r.Status
	}
	return edigw.AuthPending
}

func authEventKind(s edigw.AuthorizationStatus) edigw.EventKind {
	switch s {
	case edigw.AuthApproved:
		return edigw.EventAuthApproved
	case edigw.AuthPartiallyApproved:
		return edigw.EventAuthPartial
	case edigw.AuthDenied:
		return edigw.EventAuthDenied
	case edigw.AuthCancelled:
		return edigw.EventAuthCancelled
	}
	return edigw.EventAuthPending
}

// authProviderNPIs are the NPIs that scope an authorization
// (payers.AuthorizationProviderNPIs), never nil: provider_npis is NOT NULL.
func authProviderNPIs(r *edigw.AuthorizationRequest) []string {
	if npis := payers.AuthorizationProviderNPIs(r); npis != nil {
		return npis
	}
	return []string{}
}

func certificationOf(r *edigw.AuthorizationRequest) string {
	if r.Decision == nil {
		return ""
	}
	return r.Decision.CertificationNumber
}

func authEvent(id int64, r *edigw.AuthorizationRequest, s edigw.AuthorizationStatus) event {
	ref := certificationOf(r)
	if ref == "" {
		ref = r.TraceNumber
	}
	return event{kind: authEventKind(s), payer: r.PayerID, subject: subjectAuthorization, subjectID: id,
		reference: ref, status: string(s), tin: r.Requester.TaxID, npi: r.Requester.NPI()}
}

// insertAuthorization stores a record as a new authorization with its
// services; outbound is the queue state ("" for received records). at is
// when it was received: the lifecycle's clocks start there
// (requestLifecycle). A response stored on its own (unmatched) keeps its
// decision's dates as they are.
func insertAuthorization(ctx context.Context, tx pgx.Tx, r *edigw.AuthorizationRequest, d edigw.Direction, fileID *int64, outbound string, at time.Time) (int64, requestColumns, error) {
	rec, err := json.Marshal(r)
	if err != nil {
		return 0, requestColumns{}, err
	}
	var out *string
	if outbound != "" {
		out = &outbound
	}
	var from, to any
	if r.Decision != nil {
		from, to = decisionDates(r.Decision.EffectivePeriod)
	}
	lc := requestLifecycle(r, at)
	var id int64
	err = tx.QueryRow(ctx, `INSERT INTO authorizations (payer_id, direction, file_id, trace_number, certification_number,
			status, requester_npi, requester_tin, provider_npis, effective_from, effective_to, outbound_state, record,
			received_at, certification_type, urgency, retrospective, line_of_business, category, category_kind,
			information_complete_at, decision_due, regulatory_decision_due, decided_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24) RETURNING id`,
		string(r.PayerID), string(d), fileID, nullable(r.TraceNumber), nullable(certificationOf(r)), string(authStatus(r)),
		nullable(r.Requester.NPI()), nullable(r.Requester.TaxID), authProviderNPIs(r), from, to, out, rec,
		lc.received, nullable(lc.certificationType), nullable(lc.urgency), lc.retrospective, nullable(lc.line),
		nullable(lc.category), nullable(lc.kind), lc.complete, lc.due, lc.regulatory, lc.decided).Scan(&id)
	if err != nil {
		return 0, lc, fmt.Errorf("authorization: %w", err)
	}
	return id, lc, insertAuthServices(ctx, tx, id, r)
}

// insertAuthServices writes an authorization's service rows.
func insertAuthServices(ctx context.Context, tx pgx.Tx, id int64, r *edigw.AuthorizationRequest) error {
	if len(r.Services) == 0 {
		return nil
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"authorization_services"},
		[]string{"authorization_id", "ordinal", "payer_id", "procedure_qualifier", "procedure_code", "revenue_code",
			"quantity", "service_from", "service_to", "action", "certification_number"},
		pgx.CopyFromSlice(len(r.Services), func(i int) ([]any, error) {
			s := &r.Services[i]
			from, to := periodDates(s.Period)
			var action, cert string
			if s.Decision != nil {
				action, cert = s.Decision.Action, s.Decision.CertificationNumber
			}
			return []any{id, i + 1, string(r.PayerID), nullable(s.ProcedureQualifier), nullable(s.ProcedureCode),
				nullable(s.RevenueCode), nullable(s.Quantity), from, to, nullable(action), nullable(cert)}, nil
		}))
	if err != nil {
		return fmt.Errorf("authorization services: %w", err)
	}
	return nil
}

// AddAuthorizations stores 278 requests as new authorizations and applies
// each 278 response (a record with a Decision) to the one authorization
// its trace number names inside the requester and the file's partner
// (matchRequest): that one gets the decision (the event's, and each
// service's) and the status it gives, and the response is kept in
// authorization_decisions. A response that matches no request, or
// several, is stored as a new authorization, attached to none, counted
// (IngestResult.Unmatched) and reported (authorization.unmatched). Events: one per status a
// decision sets, when it differs from the status before or is the first
// decision (a request's first A4 is authorization.pended); new requests
// without a decision have none.
func (in *ingest) AddAuthorizations(ctx context.Context, reqs []*edigw.AuthorizationRequest) error {
	if err := in.check(); err != nil {
		return err
	}
	var evs []event
	for i, r := range reqs {
		more, err := in.addAuthorization(ctx, r)
		if err != nil {
			return wrap("add authorizations", fmt.Errorf("record %d: %w", i, err))
		}
		evs = append(evs, more...)
	}
	if err := in.events.add(ctx, in.tx, evs); err != nil {
		return err
	}
	in.res.Authorizations += len(reqs)
	return nil
}

func (in *ingest) addAuthorization(ctx context.Context, r *edigw.AuthorizationRequest) ([]event, error) {
	if r.Decision == nil {
		return in.addRequest(ctx, r)
	}
	decided := r.Decision.Status != ""
	id, raw, status, miss, err := in.matchRequest(ctx, r)
	if err != nil {
		return nil, err
	}
	if miss != "" {
		// Stored as an authorization of its own, attached to no request,
		// under the payer it was matched under (the file's partner's), not
		// the one its 2010A names: a partner's response may not leave an
		// authorization of another payer's for claims to find.
		if p := in.matchPayer(r.PayerID); p != r.PayerID {
			own := *r
			own.PayerID = p
			r = &own
		}
		id, _, err := insertAuthorization(ctx, in.tx, r, in.dir, &in.fileID, "", in.now)
		if err != nil {
			return nil, err
		}
		evs := []event{in.unmatched(edigw.EventAuthUnmatched, r.PayerID, subjectAuthorization, id, "278 response", miss)}
		if decided {
			evs = append(evs, authEvent(id, r, authStatus(r)))
		}
		return evs, nil
	}
	var req edigw.AuthorizationRequest
	if err := json.Unmarshal(raw, &req); err != nil {
		return nil, fmt.Errorf("authorization %d: %w", id, err)
	}
	firstDecision := req.Decision == nil
	applyDecision(&req, r)
	req.Status = status
	if decided {
		req.Status = authStatus(r)
	}
	rec, err := json.Marshal(&req)
	if err != nil {
		return nil, err
	}
	resp, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	from, to := decisionDates(req.Decision.EffectivePeriod)
	if _, err := in.tx.Exec(ctx, `UPDATE authorizations SET record = $2, status = $3,
			certification_number = coalesce($4, certification_number),
			effective_from = coalesce($5, effective_from), effective_to = coalesce($6, effective_to), updated_at = now()
		WHERE id = $1`, id, rec, string(req.Status), nullable(certificationOf(&req)), from, to); err != nil {
		return nil, fmt.Errorf("authorization %d: %w", id, err)
	}
	if _, err := in.tx.Exec(ctx, "DELETE FROM authorization_services WHERE authorization_id = $1", id); err != nil {
		return nil, err
	}
	if err := insertAuthServices(ctx, in.tx, id, &req); err != nil {
		return nil, err
	}
	if _, err := in.tx.Exec(ctx, `INSERT INTO authorization_decisions (authorization_id, file_id, status, response)
		VALUES ($1, $2, $3, $4)`, id, in.fileID, string(req.Status), resp); err != nil {
		return nil, fmt.Errorf("authorization decision: %w", err)
	}
	var due string
	var more []event
	if decided {
		if due, more, err = applyLifecycle(ctx, in.tx, id, &req, r, req.Status, in.now); err != nil {
			return nil, err
		}
	}
	if !decided || (req.Status == status && !firstDecision && due == "") {
		return more, nil
	}
	e := authEvent(id, &req, req.Status)
	e.due = due
	return append([]event{e}, more...), nil
}

// matchRequest finds and locks the one authorization a 278 response
// answers: its trace number (TRN), of the file's partner's payer, whose
// requester (2010B) is the one the response names (each identifier given,
// NPI and TIN, must be the request's, and one must be given). miss says
// why there is none: no such authorization, or more than one.
func (in *ingest) matchRequest(ctx context.Context, r *edigw.AuthorizationRequest) (id int64, raw []byte, status edigw.AuthorizationStatus, miss string, err error) {
	npi, tin := r.Requester.NPI(), r.Requester.TaxID
	if r.TraceNumber == "" || npi == "" && tin == "" {
		return 0, nil, "", missNone, nil
	}
	rows, err := in.tx.Query(ctx, `SELECT id, record, status FROM authorizations
		WHERE payer_id = $1 AND trace_number = $2
		  AND ($3 = '' OR requester_npi = $3) AND ($4 = '' OR requester_tin = $4)
		ORDER BY id LIMIT 2 FOR UPDATE`, string(in.matchPayer(r.PayerID)), r.TraceNumber, npi, tin)
	if err != nil {
		return 0, nil, "", "", fmt.Errorf("authorization by trace number: %w", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		if err := rows.Scan(&id, &raw, &status); err != nil {
			return 0, nil, "", "", err
		}
	}
	if err := rows.Err(); err != nil {
		return 0, nil, "", "", err
	}
	switch n {
	case 0:
		return 0, nil, "", missNone, nil
	case 1:
		return id, raw, status, "", nil
	}
	return 0, nil, "", missAmbiguous, nil
}

// applyDecision gives a stored request a response's decisions: the
// event's, and each service's (by position when the response echoes as
// many services, else by procedure).
func applyDecision(req, resp *edigw.AuthorizationRequest) {
	req.Decision = resp.Decision
	if len(resp.Services) == len(req.Services) {
		for i := range resp.Services {
			if resp.Services[i].Decision != nil {
				req.Services[i].Decision = resp.Services[i].Decision
			}
		}
		return
	}
	taken := make([]bool, len(req.Services))
	for _, rs := range resp.Services {
		if rs.Decision == nil {
			continue
		}
		for i := range req.Services {
			s := &req.Services[i]
			if !taken[i] && s.ProcedureQualifier == rs.ProcedureQualifier && s.ProcedureCode == rs.ProcedureCode &&
				s.RevenueCode == rs.RevenueCode {
				s.Decision, taken[i] = rs.Decision, true
				break
			}
		}
	}
}
