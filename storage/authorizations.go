package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// authStatus is the status a record is stored with: its decision's, else
// the status it carries, else Pending.
func authStatus(r *edigw.AuthorizationRequest) edigw.AuthorizationStatus {
	if r.Decision != nil {
		if s, ok := edigw.StatusForAction(r.Decision.Action); ok {
			return s
		}
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

// authProviderNPIs are the NPIs that scope an authorization: the
// requester's and the service providers' (SJ) of the event and services.
func authProviderNPIs(r *edigw.AuthorizationRequest) []string {
	npis := []string{}
	add := func(p edigw.ReviewParty) {
		if n := p.NPI(); n != "" && !slices.Contains(npis, n) {
			npis = append(npis, n)
		}
	}
	add(r.Requester)
	for _, p := range r.Providers {
		if p.Role == "SJ" {
			add(p)
		}
	}
	for _, s := range r.Services {
		for _, p := range s.Providers {
			if p.Role == "SJ" {
				add(p)
			}
		}
	}
	return npis
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
// services; outbound is the queue state ("" for received records).
func insertAuthorization(ctx context.Context, tx pgx.Tx, r *edigw.AuthorizationRequest, d edigw.Direction, fileID *int64, outbound string) (int64, error) {
	rec, err := json.Marshal(r)
	if err != nil {
		return 0, err
	}
	var out *string
	if outbound != "" {
		out = &outbound
	}
	var from, to any
	if r.Decision != nil {
		from, to = periodDates(r.Decision.EffectivePeriod)
	}
	var id int64
	err = tx.QueryRow(ctx, `INSERT INTO authorizations (payer_id, direction, file_id, trace_number, certification_number,
			status, requester_npi, requester_tin, provider_npis, effective_from, effective_to, outbound_state, record)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
		string(r.PayerID), string(d), fileID, nullable(r.TraceNumber), nullable(certificationOf(r)), string(authStatus(r)),
		nullable(r.Requester.NPI()), nullable(r.Requester.TaxID), authProviderNPIs(r), from, to, out, rec).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("authorization: %w", err)
	}
	return id, insertAuthServices(ctx, tx, id, r)
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
// each 278 response (a record with a Decision) to the latest authorization
// with its payer and trace number: that one gets the decision (the
// event's, and each service's) and the status it gives, and the response
// is kept in authorization_decisions. A response that answers nothing
// known is stored as a new authorization. Events: one per status a
// decision sets, when it differs from the status before or is the first
// decision (a request's first A4 is authorization.pended); new requests
// without a decision have none.
func (in *ingest) AddAuthorizations(ctx context.Context, reqs []*edigw.AuthorizationRequest) error {
	if err := in.check(); err != nil {
		return err
	}
	var evs []event
	for i, r := range reqs {
		ev, err := in.addAuthorization(ctx, r)
		if err != nil {
			return wrap("add authorizations", fmt.Errorf("record %d: %w", i, err))
		}
		if ev != nil {
			evs = append(evs, *ev)
		}
	}
	if err := in.events.add(ctx, in.tx, evs); err != nil {
		return err
	}
	in.res.Authorizations += len(reqs)
	return nil
}

func (in *ingest) addAuthorization(ctx context.Context, r *edigw.AuthorizationRequest) (*event, error) {
	if r.Decision == nil {
		_, err := insertAuthorization(ctx, in.tx, r, in.dir, &in.fileID, "")
		return nil, err
	}
	_, decided := edigw.StatusForAction(r.Decision.Action)
	var (
		id     int64
		raw    []byte
		status edigw.AuthorizationStatus
	)
	err := pgx.ErrNoRows
	if r.TraceNumber != "" {
		err = in.tx.QueryRow(ctx, `SELECT id, record, status FROM authorizations
			WHERE payer_id = $1 AND trace_number = $2 ORDER BY id DESC LIMIT 1 FOR UPDATE`,
			string(r.PayerID), r.TraceNumber).Scan(&id, &raw, &status)
	}
	if errors.Is(err, pgx.ErrNoRows) {
		id, err := insertAuthorization(ctx, in.tx, r, in.dir, &in.fileID, "")
		if err != nil || !decided {
			return nil, err
		}
		ev := authEvent(id, r, authStatus(r))
		return &ev, nil
	}
	if err != nil {
		return nil, fmt.Errorf("authorization by trace number: %w", err)
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
	from, to := periodDates(req.Decision.EffectivePeriod)
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
	if !decided || (req.Status == status && !firstDecision) {
		return nil, nil
	}
	ev := authEvent(id, &req, req.Status)
	return &ev, nil
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
