package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping/payers"
)

// The prior-authorization lifecycle's columns (migrations 0014 and 0016,
// docs/authorizations.md): storage fills them when it stores a request
// (a 278 file's or the API's), when it applies a 278 response, and when
// the payer side sets or lifts a hold. What they mean is the payer
// profile's (mapping/payers/lifecycle.go); storage saves it.

// now is the store's clock: time.Now unless DB.Now is set (tests).
func (db *DB) now() time.Time {
	if db.Now != nil {
		return db.Now()
	}
	return time.Now()
}

// requestColumns are the lifecycle columns of a new request.
type requestColumns struct {
	received             time.Time
	certificationType    string
	urgency              string
	retrospective        bool
	line, category, kind string
	complete             *time.Time
	due, regulatory      *time.Time
	decided              *time.Time // a response stored unmatched, when final
	original             string     // REF*BB, for linkOriginal
}

// requestLifecycle computes a new request's columns under its payer's
// profile; without a profile only receipt, type and urgency are known.
func requestLifecycle(r *edigw.AuthorizationRequest, received time.Time) requestColumns {
	c := requestColumns{received: received, certificationType: r.CertificationType, urgency: payers.UrgencyOf(r), complete: &received}
	if s := authStatus(r); s != edigw.AuthPending {
		// A response stored on its own (it matched no request): decided
		// when it came, no clock to run.
		c.decided = &received
	}
	p, ok := payers.Lookup(r.PayerID)
	if !ok || r.Decision != nil {
		if p != nil {
			f := p.FactsOf(r, received)
			c.retrospective, c.line, c.category, c.kind = f.Retrospective, f.LineOfBusiness, f.Category, string(f.CategoryKind)
		}
		return c
	}
	f := p.FactsOf(r, received)
	c.retrospective, c.line, c.category, c.kind, c.original = f.Retrospective, f.LineOfBusiness, f.Category, string(f.CategoryKind), f.OriginalCertification
	clocks := p.ClocksOf(f, received, received)
	c.due, c.regulatory = &clocks.DecisionDue, clocks.RegulatoryDecisionDue
	return c
}

// linkOriginal links a request that refers to an earlier certification
// (REF*BB) to the request that carries it, matched inside the payer and
// the requester (each of NPI and TIN given must be the original's, and
// one must be given: a certification number is whoever wrote it, so it
// never finds another provider's request), and records the findings. An
// appeal of a stored decision is an authorization.appeal_received event.
//
// within is the submitter's reading scope (authScope; all for a partner's
// file, whose partner the payer is): a request submitted through the API
// links only to an original its token reads. A token may name a provider
// it does not read (an NPI declared under its TIN, written without a TIN;
// a TIN its NPI is declared under), and the requester's NPI or TIN alone
// would then find another provider's certification, whose decision an
// approved appeal overturns.
func linkOriginal(ctx context.Context, tx pgx.Tx, payer edigw.PayerID, id int64, r *edigw.AuthorizationRequest, c requestColumns, within authScope) ([]event, error) {
	if !payers.RefersToOriginal(r.CertificationType) || c.original == "" {
		return nil, nil
	}
	npi, tin := r.Requester.NPI(), r.Requester.TaxID
	var original int64
	var deadline pgtype.Date
	var appealed bool
	var found bool
	if npi != "" || tin != "" {
		inScope, args := within.sql("a.", []any{string(payer), c.original, npi, tin, id})
		rows, err := tx.Query(ctx, `SELECT a.id, a.appeal_deadline,
				EXISTS (SELECT 1 FROM authorizations x WHERE x.original_id = a.id AND x.id <> $5 AND x.certification_type IN ('1', '2'))
			FROM authorizations a
			WHERE a.payer_id = $1 AND a.id <> $5
			  AND (a.certification_number = $2 OR EXISTS (SELECT 1 FROM authorization_services s
				WHERE s.authorization_id = a.id AND s.payer_id = $1 AND s.certification_number = $2))
			  AND ($3 = '' OR a.requester_npi = $3) AND ($4 = '' OR a.requester_tin = $4) AND `+inScope+`
			ORDER BY a.id DESC LIMIT 2`, args...)
		if err != nil {
			return nil, fmt.Errorf("original authorization: %w", err)
		}
		n := 0
		for rows.Next() {
			n++
			if n == 1 {
				if err := rows.Scan(&original, &deadline, &appealed); err != nil {
					rows.Close()
					return nil, err
				}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		// Several requests of the requester carrying the number (a
		// renewal's renewal): the latest is the one referred to.
		found = n > 0
	}
	var findings []string
	if !found {
		findings = append(findings, edigw.FindingOriginalNotFound)
	} else {
		if payers.IsAppeal(r.CertificationType) && deadline.Valid && c.received.UTC().Format(time.DateOnly) > deadline.Time.Format(time.DateOnly) {
			findings = append(findings, edigw.FindingAppealAfterWindow)
		}
		if r.CertificationType == payers.CertReconsideration && appealed {
			findings = append(findings, edigw.FindingReconsiderationAfterAppeal)
		}
	}
	var orig *int64
	if found {
		orig = &original
	}
	if _, err := tx.Exec(ctx, `UPDATE authorizations SET original_id = $2, findings = $3 WHERE id = $1`,
		id, orig, nonNil(findings)); err != nil {
		return nil, fmt.Errorf("original authorization: %w", err)
	}
	if !found || !payers.IsAppeal(r.CertificationType) {
		return nil, nil
	}
	return []event{lifecycleEvent(edigw.EventAuthAppealReceived, id, r, edigw.AuthPending, "")}, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// lifecycleEvent is an event of the lifecycle about request id, named
// like its status events (authEvent), with the date it is about.
func lifecycleEvent(kind edigw.EventKind, id int64, r *edigw.AuthorizationRequest, s edigw.AuthorizationStatus, due string) event {
	e := authEvent(id, r, s)
	e.kind, e.due = kind, due
	return e
}

// stored is what applyLifecycle reads of a request before a response.
type stored struct {
	certificationType string
	received          time.Time
	onHold            bool
	decided           bool
	original          int64
}

// applyLifecycle updates a request's lifecycle for the response resp that
// gave it status s at now (req is the request with the decision applied),
// and returns the events beyond the status event: appeal_decided, and the
// original's status event when a decision moves it. dueOfPended is the
// hold's due date, for the pended event.
func applyLifecycle(ctx context.Context, tx pgx.Tx, id int64, req, resp *edigw.AuthorizationRequest, s edigw.AuthorizationStatus, now time.Time) (dueOfPended string, evs []event, err error) {
	var st stored
	var original *int64
	var certType *string
	if err := tx.QueryRow(ctx, `SELECT certification_type, received_at, hold_due_date IS NOT NULL OR cardinality(hold_missing) > 0,
			decided_at IS NOT NULL, original_id
		FROM authorizations WHERE id = $1`, id).Scan(&certType, &st.received, &st.onHold, &st.decided, &original); err != nil {
		return "", nil, fmt.Errorf("authorization %d lifecycle: %w", id, err)
	}
	if certType != nil {
		st.certificationType = *certType
	}
	if original != nil {
		st.original = *original
	}
	p, hasProfile := payers.Lookup(req.PayerID)
	if s == edigw.AuthPending {
		if !hasProfile {
			return "", nil, nil
		}
		asked, due := p.HoldOf(resp, now)
		switch {
		case len(asked) > 0 || resp.Decision != nil && resp.Decision.PendDueDate != "":
			// On hold: the profile's clock stops until the information
			// arrives; the rule's keeps running from receipt.
			_, err := tx.Exec(ctx, `UPDATE authorizations SET hold_missing = $2, hold_due_date = $3,
					information_complete_at = NULL, decision_due = NULL WHERE id = $1`, id, nonNil(asked), isoDateValue(due))
			return due, nil, err
		case st.onHold:
			// A pend asking for nothing more: the information is complete.
			return "", nil, restartClock(ctx, tx, id, req, now)
		}
		return "", nil, nil
	}
	final := s == edigw.AuthApproved || s == edigw.AuthPartiallyApproved || s == edigw.AuthDenied || s == edigw.AuthCancelled
	if !final {
		return "", nil, nil
	}
	var from, through, deadline string
	var reasons []string
	if req.Decision.EffectivePeriod != nil {
		// The decision's dates as given: what a denial or cancellation
		// keeps (the worklist's End Date), and an approval's when no
		// profile computes an end.
		from, through = isoOf(req.Decision.EffectivePeriod.From), isoOf(req.Decision.EffectivePeriod.To)
	}
	if hasProfile {
		switch s {
		case edigw.AuthApproved, edigw.AuthPartiallyApproved:
			from, through = p.ValidityOf(req, now)
		case edigw.AuthDenied:
			for _, r := range p.DenialReasonsOf(req) {
				reasons = append(reasons, r.Code)
			}
			deadline = p.AppealDeadlineOf(now)
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE authorizations SET decided_at = coalesce(decided_at, $2),
			hold_missing = '{}', hold_due_date = NULL,
			effective_from = $3, effective_to = $4, denial_reasons = $5, appeal_deadline = $6 WHERE id = $1`,
		id, now, isoDateValue(from), isoDateValue(through), nonNil(reasons), isoDateValue(deadline)); err != nil {
		return "", nil, fmt.Errorf("authorization %d lifecycle: %w", id, err)
	}
	if st.original == 0 {
		return "", nil, nil
	}
	if payers.IsAppeal(st.certificationType) {
		evs = append(evs, lifecycleEvent(edigw.EventAuthAppealDecided, id, req, s, ""))
	}
	moved, err := moveOriginal(ctx, tx, st.original, st.certificationType, s, from, through)
	if err != nil {
		return "", nil, err
	}
	return "", append(evs, moved...), nil
}

// moveOriginal moves the original of a decided reconsideration, appeal,
// extension, renewal or revision: an approved (or partly approved)
// reconsideration or appeal of a denial overturns it (the original takes
// the status and the validity, with its status event); an approved
// extension or renewal carries the original's validThrough to the new
// end, a revision replaces its validity. Denials move nothing.
func moveOriginal(ctx context.Context, tx pgx.Tx, original int64, certType string, s edigw.AuthorizationStatus, from, through string) ([]event, error) {
	if s != edigw.AuthApproved && s != edigw.AuthPartiallyApproved {
		return nil, nil
	}
	var raw []byte
	var was edigw.AuthorizationStatus
	if err := tx.QueryRow(ctx, `SELECT record, status FROM authorizations WHERE id = $1 FOR UPDATE`, original).Scan(&raw, &was); err != nil {
		return nil, fmt.Errorf("original authorization %d: %w", original, err)
	}
	switch certType {
	case payers.CertReconsideration, payers.CertAppealExpedited, payers.CertAppealStandard:
		if was != edigw.AuthDenied && was != edigw.AuthPartiallyApproved {
			return nil, nil
		}
		if _, err := tx.Exec(ctx, `UPDATE authorizations SET status = $2, effective_from = $3, effective_to = $4,
				updated_at = now() WHERE id = $1`, original, string(s), isoDateValue(from), isoDateValue(through)); err != nil {
			return nil, err
		}
		var r edigw.AuthorizationRequest
		if err := json.Unmarshal(raw, &r); err != nil {
			return nil, fmt.Errorf("original authorization %d: %w", original, err)
		}
		return []event{authEvent(original, &r, s)}, nil
	case payers.CertExtension, payers.CertRenewal:
		_, err := tx.Exec(ctx, `UPDATE authorizations SET effective_to = greatest(effective_to, $2), updated_at = now()
			WHERE id = $1 AND status IN ('Approved', 'Partially Approved')`, original, isoDateValue(through))
		return nil, err
	case payers.CertRevision:
		_, err := tx.Exec(ctx, `UPDATE authorizations SET effective_from = $2, effective_to = $3, updated_at = now()
			WHERE id = $1 AND status IN ('Approved', 'Partially Approved')`, original, isoDateValue(from), isoDateValue(through))
		return nil, err
	}
	return nil, nil
}

// restartClock records that the information a hold asked for arrived at
// now: the hold is lifted, information is complete, and the profile's
// clock runs again from now.
func restartClock(ctx context.Context, tx pgx.Tx, id int64, r *edigw.AuthorizationRequest, now time.Time) error {
	var due *time.Time
	if p, ok := payers.Lookup(r.PayerID); ok {
		var certType, urgency, line *string
		if err := tx.QueryRow(ctx, `SELECT certification_type, urgency, line_of_business FROM authorizations WHERE id = $1`, id).
			Scan(&certType, &urgency, &line); err != nil {
			return err
		}
		f := payers.RequestFacts{CertificationType: deref(certType), Urgency: deref(urgency), LineOfBusiness: deref(line)}
		d := p.ClocksOf(f, now, now).DecisionDue
		due = &d
	}
	_, err := tx.Exec(ctx, `UPDATE authorizations SET hold_missing = '{}', hold_due_date = NULL,
			information_complete_at = $2, decision_due = $3, updated_at = now() WHERE id = $1`, id, now, due)
	return err
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// isoDateValue is a CCYY-MM-DD date for a date column, NULL when "".
func isoDateValue(d string) pgtype.Date {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return pgtype.Date{}
	}
	return pgtype.Date{Time: t, Valid: true}
}

// addRequest stores a 278 request and links it to the original it refers
// to. A request its requester sends again with the trace number of one of
// its requests on hold, inside the file's partner's payer, brings the
// information the hold asked for: the held request takes the resent one's
// attachments, its hold is lifted and its clock restarts; nothing new is
// stored (a second request under the trace number would leave the
// response ambiguous).
func (in *ingest) addRequest(ctx context.Context, r *edigw.AuthorizationRequest) ([]event, error) {
	payer := in.matchPayer(r.PayerID)
	npi, tin := r.Requester.NPI(), r.Requester.TaxID
	if r.TraceNumber != "" && (npi != "" || tin != "") {
		var held int64
		var raw []byte
		err := in.tx.QueryRow(ctx, `SELECT id, record FROM authorizations
			WHERE payer_id = $1 AND trace_number = $2 AND ($3 = '' OR requester_npi = $3) AND ($4 = '' OR requester_tin = $4)
			  AND decided_at IS NULL AND (hold_due_date IS NOT NULL OR cardinality(hold_missing) > 0)
			  AND (SELECT count(*) FROM authorizations o WHERE o.payer_id = $1 AND o.trace_number = $2
				AND ($3 = '' OR o.requester_npi = $3) AND ($4 = '' OR o.requester_tin = $4)) = 1
			FOR UPDATE`, string(payer), r.TraceNumber, npi, tin).Scan(&held, &raw)
		switch {
		case err == nil:
			var req edigw.AuthorizationRequest
			if err := json.Unmarshal(raw, &req); err != nil {
				return nil, fmt.Errorf("authorization %d: %w", held, err)
			}
			req.Attachments = append(req.Attachments, r.Attachments...)
			rec, err := json.Marshal(&req)
			if err != nil {
				return nil, err
			}
			if _, err := in.tx.Exec(ctx, `UPDATE authorizations SET record = $2 WHERE id = $1`, held, rec); err != nil {
				return nil, err
			}
			return nil, restartClock(ctx, in.tx, held, &req, in.now)
		case !errors.Is(err, pgx.ErrNoRows):
			return nil, fmt.Errorf("authorization on hold: %w", err)
		}
	}
	id, lc, err := insertAuthorization(ctx, in.tx, r, in.dir, &in.fileID, "", in.now)
	if err != nil {
		return nil, err
	}
	return linkOriginal(ctx, in.tx, payer, id, r, lc, authScope{all: true})
}

// isoOf turns CCYYMMDD into CCYY-MM-DD, "" when it is not a date.
func isoOf(d string) string {
	t, err := time.Parse("20060102", d)
	if err != nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

// decisionDates are a decision's effective dates for the columns: a
// decision with only a start date has no end (not its start: the
// profile computes the end when the decision is applied).
func decisionDates(per *edigw.Period) (from, to pgtype.Date) {
	if per == nil {
		return pgtype.Date{}, pgtype.Date{}
	}
	return date(per.From), date(per.To)
}
