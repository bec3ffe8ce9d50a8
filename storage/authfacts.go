package storage

import (
	"slices"

	"github.com/edigw/edigw"
)

// What the prior-authorization check reads of an authorization
// (mapping/payers: CheckClaim, candidatesFor, AuthorizationValidThrough),
// and nothing else: FindAuthorizations answers one narrow row per
// authorization service instead of whole records, so that PostgreSQL
// does not render each record's JSON and the pipeline does not decode it
// (issue 13's speed: the cost grew with the records found). The records
// it builds are partial: the payer, the worklist status, the member ID,
// the event period, the decisions (action, certification number,
// effective period, pend due date), the scope's NPIs, and of each service
// the procedure, revenue code, modifiers, units, period and decision.
//
// The scope comes from authorizations.provider_npis, which is
// authProviderNPIs of the record as stored (a response never changes the
// providers, applyDecision): each NPI becomes a service provider (SJ)
// with qualifier XX, so payers' namesProvider sees exactly the NPIs it
// would have found in the record. A decision or period absent from the
// record stays nil.
const authFactsColumns = `
	coalesce(a.record ->> 'status', ''),
	coalesce(a.record -> 'subscriber' ->> 'memberId', ''),
	coalesce(a.record -> 'eventPeriod' ->> 'from', ''), coalesce(a.record -> 'eventPeriod' ->> 'to', ''),
	coalesce(jsonb_typeof(a.record -> 'decision') = 'object', false),
	coalesce(a.record -> 'decision' ->> 'action', ''), coalesce(a.record -> 'decision' ->> 'certificationNumber', ''),
	coalesce(a.record -> 'decision' -> 'effectivePeriod' ->> 'from', ''),
	coalesce(a.record -> 'decision' -> 'effectivePeriod' ->> 'to', ''),
	coalesce(a.record -> 'decision' ->> 'pendDueDate', ''),
	s.n IS NOT NULL,
	coalesce(s.svc ->> 'procedureQualifier', ''), coalesce(s.svc ->> 'procedureCode', ''),
	coalesce(s.svc ->> 'revenueCode', ''),
	CASE WHEN jsonb_typeof(s.svc -> 'modifiers') = 'array'
		THEN ARRAY(SELECT jsonb_array_elements_text(s.svc -> 'modifiers')) END,
	coalesce(s.svc ->> 'unitBasis', ''), coalesce(s.svc ->> 'quantity', ''),
	coalesce(s.svc -> 'period' ->> 'from', ''), coalesce(s.svc -> 'period' ->> 'to', ''),
	coalesce(jsonb_typeof(s.svc -> 'decision') = 'object', false),
	coalesce(s.svc -> 'decision' ->> 'action', ''), coalesce(s.svc -> 'decision' ->> 'certificationNumber', ''),
	coalesce(s.svc -> 'decision' -> 'effectivePeriod' ->> 'from', ''),
	coalesce(s.svc -> 'decision' -> 'effectivePeriod' ->> 'to', ''),
	coalesce(s.svc -> 'decision' ->> 'pendDueDate', '')`

// authFactsRow is one row of FindAuthorizations: an authorization's facts
// (repeated on each of its services' rows) and one service's.
type authFactsRow struct {
	id                   int64
	payer                string
	npis                 []string
	status, member       string
	eventFrom, eventTo   string
	decision             authDecisionFacts
	hasService           bool
	qualifier, procedure string
	revenue              string
	modifiers            []string
	unitBasis, quantity  string
	from, to             string
	serviceDecision      authDecisionFacts
}

type authDecisionFacts struct {
	present                 bool
	action, cert            string
	effectiveFrom, effectTo string
	pendDue                 string
}

// dest are the row's fields in authFactsColumns' order, after id, payer
// and provider NPIs.
func (r *authFactsRow) dest() []any {
	return []any{&r.id, &r.payer, &r.npis, &r.status, &r.member, &r.eventFrom, &r.eventTo,
		&r.decision.present, &r.decision.action, &r.decision.cert, &r.decision.effectiveFrom, &r.decision.effectTo,
		&r.decision.pendDue,
		&r.hasService, &r.qualifier, &r.procedure, &r.revenue, &r.modifiers, &r.unitBasis, &r.quantity, &r.from, &r.to,
		&r.serviceDecision.present, &r.serviceDecision.action, &r.serviceDecision.cert,
		&r.serviceDecision.effectiveFrom, &r.serviceDecision.effectTo, &r.serviceDecision.pendDue}
}

// authorization is the partial record of the row's authorization, without
// its services.
func (r *authFactsRow) authorization() *edigw.AuthorizationRequest {
	a := &edigw.AuthorizationRequest{PayerID: edigw.PayerID(r.payer), Status: edigw.AuthorizationStatus(r.status),
		EventPeriod: periodOf(r.eventFrom, r.eventTo), Decision: r.decision.decision()}
	a.Subscriber.MemberID = r.member
	if len(r.npis) > 0 {
		a.Providers = make([]edigw.ReviewParty, len(r.npis))
		for i, n := range r.npis {
			a.Providers[i].Role, a.Providers[i].IDQualifier, a.Providers[i].ID = "SJ", "XX", n
		}
	}
	return a
}

// service is the row's service.
func (r *authFactsRow) service() edigw.RequestedService {
	return edigw.RequestedService{ProcedureQualifier: r.qualifier, ProcedureCode: r.procedure, RevenueCode: r.revenue,
		Modifiers: slices.Clone(r.modifiers), UnitBasis: r.unitBasis, Quantity: r.quantity, Period: periodOf(r.from, r.to),
		Decision: r.serviceDecision.decision()}
}

func (d *authDecisionFacts) decision() *edigw.Decision {
	if !d.present {
		return nil
	}
	return &edigw.Decision{Action: d.action, CertificationNumber: d.cert,
		EffectivePeriod: periodOf(d.effectiveFrom, d.effectTo), PendDueDate: d.pendDue}
}

func periodOf(from, to string) *edigw.Period {
	if from == "" && to == "" {
		return nil
	}
	return &edigw.Period{From: from, To: to}
}
