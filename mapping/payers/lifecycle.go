package payers

import (
	"slices"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping/codes"
)

// The prior-authorization lifecycle a profile computes for a request
// (docs/authorizations.md). Storage calls these when it stores a request
// and when it applies a response; nothing here reads a database.

// Certification types (UM02) that refer to an earlier certification
// (REF*BB): appeals, extensions, reconsiderations, renewals, revisions.
const (
	CertAppealExpedited = "1"
	CertAppealStandard  = "2"
	CertExtension       = "4"
	CertInitial         = "I"
	CertReconsideration = "N"
	CertRenewal         = "R"
	CertRevision        = "S"
)

// RefersToOriginal says whether a request of the certification type is
// about an earlier certification.
func RefersToOriginal(certificationType string) bool {
	switch certificationType {
	case CertAppealExpedited, CertAppealStandard, CertExtension, CertReconsideration, CertRenewal, CertRevision:
		return true
	}
	return false
}

// IsAppeal says whether the certification type is an appeal.
func IsAppeal(certificationType string) bool {
	return certificationType == CertAppealExpedited || certificationType == CertAppealStandard
}

// RequestFacts are what a request says of itself once the profile reads
// it: how urgent, whether retrospective, its line of business and its
// prior-authorization category.
type RequestFacts struct {
	CertificationType string
	Urgency           string
	Retrospective     bool
	LineOfBusiness    string
	Category          string
	CategoryKind      Kind
	// OriginalCertification is REF*BB of the event (else of the first
	// service that has one), for requests that refer to an earlier one.
	OriginalCertification string
}

// FactsOf reads a request received at received.
func (p *Profile) FactsOf(a *edigw.AuthorizationRequest, received time.Time) RequestFacts {
	f := RequestFacts{CertificationType: a.CertificationType, Urgency: UrgencyOf(a), LineOfBusiness: p.LineOfBusinessOf(a)}
	requested := datePart(a.SubmittedAt)
	if _, err := parseDate(requested); err != nil {
		requested = received.UTC().Format(dateLayout)
	}
	// Appeals and reconsiderations review a decision, not a service: they
	// are never retrospective requests themselves.
	if svc := firstServiceDate(a); svc != "" && !IsAppeal(a.CertificationType) && a.CertificationType != CertReconsideration {
		f.Retrospective = p.Retrospective(requested, svc)
	}
	if c, ok := p.requestCategory(a); ok {
		f.Category, f.CategoryKind = c.Name, c.Kind
	}
	if RefersToOriginal(a.CertificationType) {
		f.OriginalCertification = a.PreviousAuthorization
		for i := 0; f.OriginalCertification == "" && i < len(a.Services); i++ {
			f.OriginalCertification = a.Services[i].PreviousAuthorization
		}
	}
	return f
}

// UrgencyOf reads UM06 (the event's, else any service's): U urgent and 03
// emergency are urgent, and so is an expedited appeal (UM02 1).
func UrgencyOf(a *edigw.AuthorizationRequest) string {
	if a.CertificationType == CertAppealExpedited || urgentLevel(a.LevelOfService) {
		return edigw.UrgencyUrgent
	}
	for _, s := range a.Services {
		if urgentLevel(s.LevelOfService) {
			return edigw.UrgencyUrgent
		}
	}
	return edigw.UrgencyStandard
}

func urgentLevel(l string) bool { return l == "U" || l == "03" }

// firstServiceDate is the earliest day of service the request names: its
// services' periods, else the event's.
func firstServiceDate(a *edigw.AuthorizationRequest) string {
	first := ""
	for _, s := range a.Services {
		if s.Period != nil && s.Period.From != "" && (first == "" || s.Period.From < first) {
			first = s.Period.From
		}
	}
	if first == "" && a.EventPeriod != nil {
		first = a.EventPeriod.From
	}
	return datePart(first)
}

// requestCategory is the category of the request's first service that has
// one, at the service's (else the event's) place of service.
func (p *Profile) requestCategory(a *edigw.AuthorizationRequest) (Category, bool) {
	for _, s := range a.Services {
		pos := s.PlaceOfService
		if pos == "" {
			pos = a.PlaceOfService
		}
		line := edigw.ServiceLine{ProcedureQualifier: s.ProcedureQualifier, ProcedureCode: s.ProcedureCode, RevenueCode: s.RevenueCode}
		if pos != "" && (s.FacilityCodeQualifier == "" || s.FacilityCodeQualifier == "B") {
			if c, ok := p.AuthorizationCategory(pos, line); ok {
				return c, true
			}
			continue
		}
		if c, ok := p.categoryOfCode(s.ProcedureQualifier, s.ProcedureCode); ok {
			return c, true
		}
	}
	return Category{}, false
}

// Clocks are when a decision is due: the profile's and, where a rule
// covers the line of business, the rule's.
type Clocks struct {
	DecisionDue           time.Time
	RegulatoryDecisionDue *time.Time
}

// ClocksOf runs the clocks of a request with facts f whose clinical
// information was complete at complete (received at received, which
// decides whether the rule was in force). An appeal runs the appeal
// turnaround (expedited 72 hours; a standard appeal by a provider, as a
// 278's requester is, 60 days); the rule's clock is for prior
// authorization decisions and does not run for appeals. Every other
// request runs DecisionDue (business days on the profile's calendar, or
// UrgentHours) and, where covered, the rule's 72 hours (urgent) or 7
// calendar days (standard), counted from receipt: the rule does not stop
// its clock for missing information.
func (p *Profile) ClocksOf(f RequestFacts, received, complete time.Time) Clocks {
	switch f.CertificationType {
	case CertAppealExpedited:
		return Clocks{DecisionDue: complete.Add(p.AppealTurnaround(AppealExpedited))}
	case CertAppealStandard:
		return Clocks{DecisionDue: complete.Add(p.AppealTurnaround(AppealStandardProvider))}
	}
	urgent := f.Urgency == edigw.UrgencyUrgent
	c := Clocks{DecisionDue: p.DecisionDue(complete, urgent)}
	if rule, ok := p.RegulatoryClockOf(f.LineOfBusiness, received); ok {
		due := received.AddDate(0, 0, rule.StandardDays)
		if urgent {
			due = received.Add(time.Duration(rule.ExpeditedHours) * time.Hour)
		}
		c.RegulatoryDecisionDue = &due
	}
	return c
}

// HoldOf reads what a pended response asks for (its PWK report types and
// AAA reasons, of the event and the services) and when it is due: the
// decision's PendDueDate (the worklist's, CCYYMMDD), else HoldDays after
// pended; "" when neither says.
func (p *Profile) HoldOf(resp *edigw.AuthorizationRequest, pended time.Time) (missing []string, due string) {
	add := func(code string) {
		if !slices.Contains(missing, code) {
			missing = append(missing, code)
		}
	}
	ask := func(as []edigw.Attachment, d *edigw.Decision) {
		for _, at := range as {
			add("PWK:" + at.ReportType)
		}
		if d != nil {
			for _, r := range d.Rejections {
				add("AAA:" + r.Reason)
			}
		}
	}
	ask(resp.Attachments, resp.Decision)
	for _, s := range resp.Services {
		ask(s.Attachments, s.Decision)
	}
	if resp.Decision != nil {
		if t, err := parseDate(resp.Decision.PendDueDate); err == nil {
			return missing, t.Format(time.DateOnly)
		}
	}
	if p.Decisions.HoldDays > 0 {
		due = pended.UTC().AddDate(0, 0, p.Decisions.HoldDays).Format(time.DateOnly)
	}
	return missing, due
}

// DenialReasonsOf are a decision's HCR03 codes (the event's, then the
// services' not already given), with the profile's descriptions.
func (p *Profile) DenialReasonsOf(a *edigw.AuthorizationRequest) []edigw.DenialReason {
	var out []edigw.DenialReason
	add := func(d *edigw.Decision) {
		if d == nil {
			return
		}
		for _, c := range d.Reasons {
			if !slices.ContainsFunc(out, func(r edigw.DenialReason) bool { return r.Code == c }) {
				out = append(out, edigw.DenialReason{Code: c, Description: p.DenialReasons.Describe(c)})
			}
		}
	}
	add(a.Decision)
	for i := range a.Services {
		add(a.Services[i].Decision)
	}
	return out
}

// ValidityOf is the period an approved (or partly approved) request
// holds, CCYY-MM-DD: from the decision's start, through the decision's
// end or, when it names none, the profile's rule (AuthorizationValidThrough),
// the latest over the certified services. decided is the start when
// neither the decision nor the services name one.
func (p *Profile) ValidityOf(a *edigw.AuthorizationRequest, decided time.Time) (from, through string) {
	if a.Decision == nil {
		return "", ""
	}
	r := a
	if (a.Decision.EffectivePeriod == nil || a.Decision.EffectivePeriod.From == "") &&
		(len(a.Services) == 0 || validityStart(a, &a.Services[0]) == "") {
		// Nothing to count from but the decision itself.
		c := *a
		d := *a.Decision
		per := edigw.Period{From: decided.UTC().Format(dateLayout)}
		if d.EffectivePeriod != nil {
			per.To = d.EffectivePeriod.To
		}
		d.EffectivePeriod = &per
		c.Decision = &d
		r = &c
	}
	for i := range r.Services {
		s := &r.Services[i]
		if s.Decision != nil {
			if st, _ := codes.AuthorizationStatus(s.Decision.Action); st == edigw.AuthDenied {
				continue
			}
		}
		if start := validityStart(r, s); start != "" && (from == "" || start < from) {
			from = start
		}
		if end, err := p.AuthorizationValidThrough(r, s); err == nil && end > through {
			through = end
		}
	}
	if len(r.Services) == 0 && r.Decision.EffectivePeriod != nil {
		from, through = r.Decision.EffectivePeriod.From, r.Decision.EffectivePeriod.To
		if through == "" {
			if t, err := parseDate(from); err == nil {
				through = t.AddDate(0, 0, p.Validity.OtherDays).Format(dateLayout)
			}
		}
	}
	return isoDate(from), isoDate(through)
}

// AppealDeadlineOf is the last day (CCYY-MM-DD) to appeal a denial
// decided at decided.
func (p *Profile) AppealDeadlineOf(decided time.Time) string {
	return p.AppealDeadline(decided.UTC()).Format(time.DateOnly)
}

// isoDate turns CCYYMMDD into CCYY-MM-DD; "" stays "".
func isoDate(d string) string {
	t, err := parseDate(d)
	if err != nil {
		return ""
	}
	return t.Format(time.DateOnly)
}
